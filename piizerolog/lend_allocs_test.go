package piizerolog_test

import (
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"
)

// TestMarshalInterfaceAllocatesLess checks that MarshalInterface does borrow its copy:
// it allocates less than one allocation more than zerolog's own encoding of the raw
// value (the masks' buffer is shared by several lines, so the count is no whole number).
func TestMarshalInterfaceAllocatesLess(t *testing.T) {
	if adaptertest.Race {
		t.Skip("the race detector drops pooled values at random")
	}
	var c any = adaptertest.NewCustomer() // boxed once: the caller's allocation
	lent := testing.AllocsPerRun(500, func() { piizerolog.MarshalInterface(c) })
	raw := testing.AllocsPerRun(500, func() { zerolog.InterfaceMarshalFunc(c) })
	if lent >= raw+1 {
		t.Errorf("MarshalInterface allocates %v times, zerolog's own encoding %v: want under one more", lent, raw)
	}
}
