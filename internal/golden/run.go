package golden

import (
	"bytes"
	"io"
	"testing"
)

// Run runs an example program's run function and compares what it wrote with
// testdata/output.golden, as Check does. An error from run fails the test.
func Run(t testing.TB, run func(io.Writer) error) {
	t.Helper()
	var buf bytes.Buffer
	if err := run(&buf); err != nil {
		t.Fatal(err)
	}
	Check(t, "output.golden", buf.Bytes())
}
