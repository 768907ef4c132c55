package pii_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/ef8f9424/pii"
)

// Owned is a record whose From is the service's own number once the Policy says so.
type Owned struct {
	From string `pii:"phone"`
}

func TestSetDefault(t *testing.T) {
	p, err := pii.New(pii.WithOwnedNumbers("+14155550100"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	logger := slog.New(pii.NewHandler(slog.NewTextHandler(&buf, nil), nil))
	safe := pii.Safe(Owned{From: "+14155550100"})

	pii.SetDefault(p)
	t.Cleanup(func() { pii.SetDefault(nil) })
	if pii.Default() != p {
		t.Fatal("Default() is not the Policy given to SetDefault")
	}
	v := Owned{From: "+14155550100"}
	if err := pii.Redact(&v); err != nil || v.From != "+14155550100" {
		t.Errorf("Redact after SetDefault = %q, %v: the owned number should stay", v.From, err)
	}
	logger.Info("sent", "m", Owned{From: "+14155550100"})
	if !strings.Contains(buf.String(), "+14155550100") {
		t.Errorf("a handler made with a nil Policy does not follow SetDefault: %s", buf.String())
	}
	if got := fmt.Sprint(safe); !strings.Contains(got, "+14155550100") {
		t.Errorf("Safe does not follow SetDefault: %s", got)
	}

	pii.SetDefault(nil)
	v = Owned{From: "+14155550100"}
	if err := pii.Redact(&v); err != nil || v.From != "+1415555XXXX" {
		t.Errorf("Redact after SetDefault(nil) = %q, %v: want the built-in default", v.From, err)
	}
}

func TestSetDefaultConcurrent(t *testing.T) {
	p, err := pii.New(pii.WithOwnedNumbers("+14155550100"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pii.SetDefault(nil) })
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			for range 200 {
				if i%2 == 0 {
					pii.SetDefault(p)
				} else {
					v := Owned{From: "+14155550199"}
					if err := pii.Redact(&v); err != nil || v.From != "+1415555XXXX" {
						t.Errorf("Redact = %q, %v", v.From, err)
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

func ExampleSetDefault() {
	p, err := pii.New(pii.WithOwnedNumbers("+14155550100"))
	if err != nil {
		panic(err)
	}
	pii.SetDefault(p) // once, at start-up
	defer pii.SetDefault(nil)

	v := Owned{From: "+14155550100"}
	_ = pii.Redact(&v)
	fmt.Println(v.From, pii.Safe(Owned{From: "+14155550123"}))
	// Output: +14155550100 {+1415555XXXX}
}
