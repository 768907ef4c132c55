package pii

import (
	"errors"
	"strings"
	"testing"

	"github.com/ef8f9424/pii/internal/freetext"
)

func TestParseLeniency(t *testing.T) {
	tests := []struct {
		in      string
		want    Leniency
		wantErr error
	}{
		{"valid", LeniencyValid, nil},
		{"POSSIBLE", LeniencyPossible, nil},
		{"strict", LeniencyValid, ErrUnknownLeniency},
	}
	for _, tt := range tests {
		got, err := ParseLeniency(tt.in)
		if got != tt.want || !errors.Is(err, tt.wantErr) {
			t.Errorf("ParseLeniency(%q) = %v, %v; want %v, %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err == nil && got.String() != scanLeniencyNames[got] {
			t.Errorf("String() = %q", got.String())
		}
	}
	if got := Leniency(9).String(); got != "Leniency(9)" {
		t.Errorf("Leniency(9).String() = %q", got)
	}
	var zero Leniency
	if zero != LeniencyValid {
		t.Errorf("zero Leniency = %v, want LeniencyValid", zero)
	}
}

// TestTextKinds checks the boundary with the finder: each kind it reports is the Kind
// of the same spelling, so that a Finding reads as the finder meant it.
func TestTextKinds(t *testing.T) {
	for k := freetext.KindPhone; k <= freetext.KindGovID; k++ {
		if got := textKinds[k]; got.String() != k.String() {
			t.Errorf("finder kind %v is reported as %v", k, got)
		}
	}
	if n := len(textKinds); n != int(freetext.KindGovID)+1 {
		t.Errorf("textKinds maps %d kinds, want up to KindGovID", n)
	}
}

// TestNewTextScannerErrors checks that the finder's errors reach callers as this
// package's sentinels, naming the package once.
func TestNewTextScannerErrors(t *testing.T) {
	tests := []struct {
		region   string
		leniency Leniency
		want     error
		msg      string
	}{
		{"US", LeniencyPossible, nil, ""},
		{"", LeniencyValid, nil, ""},
		{"XQ", LeniencyValid, ErrUnknownRegion, `pii: unknown region "XQ"`},
		{"US", Leniency(7), ErrUnknownLeniency, "pii: unknown leniency 7"},
	}
	for _, tt := range tests {
		_, err := newTextScanner(tt.region, tt.leniency, maskOwned{})
		if !errors.Is(err, tt.want) || (err != nil && err.Error() != tt.msg) {
			t.Errorf("newTextScanner(%q, %v) error = %v, want %q", tt.region, tt.leniency, err, tt.msg)
		}
		if err != nil && strings.Count(err.Error(), "pii:") != 1 {
			t.Errorf("error %q names the package more than once", err)
		}
	}
}

// TestScanAllocs pins the cost of the boundary: Scan allocates its result and nothing
// more, and nothing for text without findings.
func TestScanAllocs(t *testing.T) {
	for _, tt := range []struct {
		text string
		want float64
	}{
		{"Nothing personal: 12 apples at 10:30 on 2024-01-15.", 0},
		{"Call +1 415-666-7777 or mail jane.doe@example.com from 203.0.113.45", 1},
	} {
		if got := testing.AllocsPerRun(100, func() { Scan(tt.text) }); got != tt.want {
			t.Errorf("Scan(%q): %v allocs per call, want %v", tt.text, got, tt.want)
		}
	}
}
