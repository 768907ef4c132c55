package piizerolog_test

import (
	"sync"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"
)

// TestConcurrentLogging logs the same tagged values from many goroutines through one
// logger and a child with context (run with -race): every line is redacted and whole.
func TestConcurrentLogging(t *testing.T) {
	var w adaptertest.LockedWriter
	l := zerolog.New(&w)
	c := adaptertest.NewCustomer()
	child := l.With().Object("owner", piizerolog.Object(&c)).Logger()
	var wg sync.WaitGroup
	const goroutines, lines = 8, 50
	for range goroutines {
		wg.Go(func() {
			for range lines {
				child.Info().Object("c", piizerolog.Object(c)).Interface("s", pii.Safe(&c)).Send()
				l.Info().Object("cs", piizerolog.Object([]*adaptertest.Customer{&c})).Send()
			}
		})
	}
	wg.Wait()
	adaptertest.WholeLines(t, w.String(), goroutines*lines*2)
}
