package piilogrus_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piilogrus"
	"github.com/sirupsen/logrus"
)

// keepingFormatter formats with logrus's JSON formatter and keeps every entry it is
// given, as a formatter that ships entries elsewhere might.
type keepingFormatter struct {
	logrus.JSONFormatter
	kept []logrus.Fields
}

func (f *keepingFormatter) Format(e *logrus.Entry) ([]byte, error) {
	f.kept = append(f.kept, e.Data)
	return f.JSONFormatter.Format(e)
}

// TestFormatterLinesKeepTheirOwnValues checks entries formatted at once from many
// goroutines by NewFormatter over logrus's JSON formatter, whose copies are borrowed
// and given back: each line shows its own customer, and no personal data. And a
// formatter of another type, which may keep the entries it is given, keeps them as
// they were.
func TestFormatterLinesKeepTheirOwnValues(t *testing.T) {
	var out adaptertest.LockedWriter
	l := logrus.New()
	l.SetOutput(&out)
	l.SetFormatter(piilogrus.NewFormatter(&logrus.JSONFormatter{}, nil))
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				c := adaptertest.NewCustomer()
				c.ID = fmt.Sprintf("c%d-%d", g, i)
				l.WithField("customer", c).WithField("line", c.ID).Info("signup")
			}
		}()
	}
	wg.Wait()
	text := out.String()
	for _, m := range adaptertest.Markers {
		if strings.Contains(text, m) {
			t.Fatalf("the lines hold %q", m)
		}
	}
	n := 0
	for sc := bufio.NewScanner(strings.NewReader(text)); sc.Scan(); n++ {
		var got struct {
			Line     string
			Customer struct{ ID string }
		}
		if err := json.Unmarshal(sc.Bytes(), &got); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		if got.Customer.ID != got.Line {
			t.Errorf("line %q shows another line's customer", sc.Text())
		}
	}
	if n != 800 {
		t.Errorf("%d lines, want 800", n)
	}

	keep := &keepingFormatter{}
	l = logrus.New()
	l.SetOutput(&out)
	l.SetFormatter(piilogrus.NewFormatter(keep, nil))
	for i := range 20 {
		c := adaptertest.NewCustomer()
		c.ID = fmt.Sprintf("k%d", i)
		l.WithField("customer", c).Info("signup")
	}
	for i, data := range keep.kept {
		if got := fmt.Sprint(data["customer"]); !strings.Contains(got, fmt.Sprintf("k%d ", i)) {
			t.Errorf("entry %d kept by the formatter now shows %s", i, got)
		}
	}
}
