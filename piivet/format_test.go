package piivet

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestArgVerbs(t *testing.T) {
	tests := []struct {
		format string
		want   string
		ok     bool
	}{
		{"plain", "", true},
		{"%v and %T", "vT", true},
		{"100%% %d", "d", true},
		{"%*d %-8.*s %+#v", "*d*sv", true},
		{"%[2]v %[1]v", "", false},
		{"trailing %", "", true},
		{"%.", ".", true},
		{"%5.2f%-x", "fx", true},
		{"%é%v", "év", true},
		{"%1234567d", "", false},
	}
	for _, tt := range tests {
		got, ok := argVerbs(tt.format)
		if ok != tt.ok {
			t.Errorf("argVerbs(%q) ok = %v, want %v", tt.format, ok, tt.ok)
			continue
		}
		if diff := cmp.Diff(tt.want, string(got)); ok && diff != "" {
			t.Errorf("argVerbs(%q) (-want +got):\n%s", tt.format, diff)
		}
	}
}

// recorder is a printf argument that records the verb fmt formats it with.
type recorder struct{ verbs *[]rune }

func (r recorder) Format(_ fmt.State, verb rune) { *r.verbs = append(*r.verbs, verb) }

// FuzzArgVerbs checks that argVerbs reads a format as fmt does: given that many
// arguments, fmt reports none missing and none extra, and formats each with the verb
// argVerbs names.
func FuzzArgVerbs(f *testing.F) {
	for _, s := range []string{"%v", "%T %p", "%*.*f", "%%", "%", "%-+# 0x", "a%3.2sb%d", "%.", "%!"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, format string) {
		verbs, ok := argVerbs(format)
		if !ok {
			return
		}
		var got []rune
		args := make([]any, len(verbs))
		var want []rune
		for i, v := range verbs {
			switch v {
			case '*':
				args[i] = 1
			case 'T', 'p', 'w': // Sprintf prints these without calling Format
				args[i] = recorder{&got}
			default:
				args[i] = recorder{&got}
				want = append(want, v)
			}
		}
		out := fmt.Sprintf(format, args...)
		if strings.Contains(out, "%!(EXTRA") || strings.Contains(out, "(MISSING)") {
			t.Fatalf("argVerbs(%q) = %q: fmt says %q", format, string(verbs), out)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("argVerbs(%q): verbs fmt used (-argVerbs +fmt):\n%s", format, diff)
		}
	})
}
