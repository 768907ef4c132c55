package adaptertest

import (
	"bytes"
	"sync"
)

// A LockedWriter is a buffer that goroutines may write to at once: the adapters'
// concurrency tests log into one from many goroutines.
type LockedWriter struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write appends p to the buffer.
func (w *LockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

// String returns what was written.
func (w *LockedWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}
