package piizap_test

import (
	"bytes"
	"encoding/base64"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
)

// failedTag is the note a line shows for adaptertest.BadTag.
const failedTag = `"!PII-REDACTION-FAILED: pii: adaptertest.BadTag.Phone: tag \"phone\": the field's Go type cannot hold this kind: float64 cannot hold phone"`

// person is a tagged struct that withPerson embeds unexported.
type person struct {
	Name string `pii:"name" json:"name"`
}

type withPerson struct {
	person
	ID string `pii:"no" json:"id"`
}

// note holds free text that carries no tag.
type note struct{ Note string }

// TestFieldShapes logs tagged values in shapes the other tests leave out, and compares
// the whole line: nothing personal shows, nothing else is lost, and a value that cannot
// be redacted spoils only its own field.
func TestFieldShapes(t *testing.T) {
	c := adaptertest.NewCustomer()
	bad := adaptertest.BadTag{Phone: 4155550123}
	phone := "call " + adaptertest.Phone
	tests := []lineTest{
		{"Object of Safe", false, func(l *zap.Logger) { l.Info("m", piizap.Object("c", pii.Safe(c))) },
			`{"level":"info","msg":"m","c":` + redactedCustomer + `}`},
		{"Object of Safe pointer", false, func(l *zap.Logger) { l.Info("m", piizap.Object("c", pii.Safe(&c))) },
			`{"level":"info","msg":"m","c":` + redactedCustomer + `}`},
		{"Dict keeps good fields", false, func(l *zap.Logger) {
			l.Info("m", zap.Dict("d", zap.Any("b", bad), zap.String("plan", adaptertest.Plan), zap.Any("c", &c)))
		}, `{"level":"info","msg":"m","d":{"b":` + failedTag + `,"plan":"premium-plan","c":` + redactedCustomer + `}}`},
		{"Dict of Safe Stringer", false, func(l *zap.Logger) { l.Info("m", zap.Dict("d", zap.Stringer("c", pii.Safe(c)))) },
			`{"level":"info","msg":"m","d":{"c":` + redactedCustomer + `}}`},
		{"Dict scanned Stringer", true, func(l *zap.Logger) { l.Info("m", zap.Dict("d", zap.Stringer("who", who{adaptertest.Phone}))) },
			`{"level":"info","msg":"m","d":{"who":"call +1415555XXXX"}}`},
		{"Dict in Dict", true, func(l *zap.Logger) {
			l.Info("m", zap.Dict("d", zap.Dict("e", zap.String("s", phone), zap.Object("c", customer()))))
		}, `{"level":"info","msg":"m","d":{"e":{"s":"call +1415555XXXX","c":{"name":"J. D.","email":"***@example.com","phone":"+1415555XXXX","plan":"premium-plan"}}}}`},
		{"ByteString scanned", true, func(l *zap.Logger) { l.Info("m", zap.ByteString("s", []byte(phone))) },
			`{"level":"info","msg":"m","s":"call +1415555XXXX"}`},
		{"Binary scanned", true, func(l *zap.Logger) { l.Info("m", zap.Binary("b", []byte(phone)), zap.Any("a", []byte(phone))) },
			`{"level":"info","msg":"m","b":"` + base64.StdEncoding.EncodeToString([]byte("call +1415555XXXX")) + `","a":"` + base64.StdEncoding.EncodeToString([]byte("call +1415555XXXX")) + `"}`},
		{"ByteString not scanned", false, func(l *zap.Logger) { l.Info("m", zap.ByteString("s", []byte(phone))) },
			`{"level":"info","msg":"m","s":"call +14155550123"}`},
		{"Inline of a bad tag", false, func(l *zap.Logger) { l.Info("m", zap.Inline(badObject{Phone: 4155550123}), zap.String("plan", "p")) },
			`{"level":"info","msg":"m","error":"!PII-REDACTION-FAILED: pii: piizap_test.badObject.Phone: tag \"phone\": the field's Go type cannot hold this kind: float64 cannot hold phone","plan":"p"}`},
		{"typed nil pointer", false, func(l *zap.Logger) {
			l.Info("m", zap.Any("c", (*adaptertest.Customer)(nil)), zap.Reflect("r", (*adaptertest.Customer)(nil)), piizap.Object("o", (*adaptertest.Customer)(nil)))
		}, `{"level":"info","msg":"m","c":null,"r":null,"o":null}`},
		{"WithLazy", false, func(l *zap.Logger) { l.WithLazy(zap.Any("c", &c)).Info("m") },
			`{"level":"info","msg":"m","c":` + redactedCustomer + `}`},
		{"map keyed by tagged values", false, func(l *zap.Logger) { l.Info("m", zap.Any("c", map[adaptertest.Customer]int{c: 1})) },
			`{"level":"info","msg":"m","c":"!PII-REDACTION-FAILED: pii: map[adaptertest.Customer]int: map keys hold personal data, which cannot be redacted"}`},
		{"unexported embedded tagged", false, func(l *zap.Logger) { l.Info("m", piizap.Object("o", withPerson{person{adaptertest.Name}, "r1"})) },
			`{"level":"info","msg":"m","o":{"name":"J. D.","id":"r1"}}`},
		{"Safe scanned", true, func(l *zap.Logger) {
			l.Info("m", zap.Any("a", pii.Safe(note{phone})), zap.Stringer("s", pii.Safe(&note{phone})), zap.Reflect("r", pii.Safe(note{phone})))
		}, `{"level":"info","msg":"m","a":{"Note":"call +1415555XXXX"},"s":{"Note":"call +1415555XXXX"},"r":{"Note":"call +1415555XXXX"}}`},
		{"Safe not scanned", false, func(l *zap.Logger) { l.Info("m", zap.Any("a", pii.Safe(note{phone}))) },
			`{"level":"info","msg":"m","a":{"Note":"call +14155550123"}}`},
		{"Safe of a bad tag", false, func(l *zap.Logger) { l.Info("m", zap.Stringer("b", pii.Safe(bad)), zap.Any("a", pii.Safe(&bad))) },
			`{"level":"info","msg":"m","b":` + failedTag + `,"a":` + failedTag + `}`},
		{"Safe of a bad tag scanned", true, func(l *zap.Logger) { l.Info("m", zap.Stringer("b", pii.Safe(bad)), zap.Any("a", pii.Safe(&bad))) },
			`{"level":"info","msg":"m","b":` + failedTag + `,"a":` + failedTag + `}`},
		{"Infof with Safe", false, func(l *zap.Logger) { l.Sugar().Infof("m %v", pii.Safe(c)) },
			`{"level":"info","msg":"m {c1 J. D. ***@example.com +1415555XXXX premium-plan}"}`},
	}
	checkLines(t, tests)
}

// A lineTest logs through a new logger, with ScanStrings when scan is set, and wants the
// line it writes.
type lineTest struct {
	name string
	scan bool
	log  func(*zap.Logger)
	want string // without the newline
}

// checkLines runs each test and compares its whole line.
func checkLines(t *testing.T, tests []lineTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts []piizap.Option
			if tt.scan {
				opts = append(opts, piizap.ScanStrings())
			}
			var buf bytes.Buffer
			tt.log(newLogger(&buf, nil, opts...))
			if diff := cmp.Diff(tt.want+"\n", buf.String()); diff != "" {
				t.Errorf("line (-want +got):\n%s", diff)
			}
		})
	}
}
