package pii_test

import (
	"database/sql"
	"errors"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// Msg is a record: each message counts its retention from its own Created.
type Msg struct {
	SID     string    `pii:"no"`
	Created time.Time `pii:"no,created"`
	Body    string    `pii:"body,mtl=30,ttl=90"`
	IP      string    `pii:"ip,ttl=14"`
}

// Thread is a record holding records: its own Topic counts from its Created, each
// message from its own.
type Thread struct {
	Created  time.Time `pii:"no,created"`
	Topic    string    `pii:"body,ttl=60"`
	Messages []Msg
	Replies  []*Thread
}

// PlainMsg has no created field: a collection of them has no times.
type PlainMsg struct {
	Body string `pii:"body,ttl=30"`
}

var recNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

func msgAged(sid string, days int) Msg {
	return Msg{SID: sid, Created: recNow.AddDate(0, 0, -days), Body: "hello " + sid, IP: "203.0.113.9"}
}

func TestPurgeMixedAges(t *testing.T) {
	batch := []Msg{msgAged("old", 100), msgAged("young", 20), msgAged("week", 7)}
	paths, err := pii.Purge(batch, time.Time{}, recNow)
	if err != nil {
		t.Fatal(err)
	}
	want := []Msg{
		{SID: "old", Created: batch[0].Created},
		{SID: "young", Created: batch[1].Created, Body: "hello young"},
		{SID: "week", Created: batch[2].Created, Body: "hello week", IP: "203.0.113.9"},
	}
	if diff := cmp.Diff(want, batch); diff != "" {
		t.Errorf("Purge of a mixed-age slice (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"[].Body", "[].IP"}, paths); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}

	// A created argument never gives a collection one time.
	batch = []Msg{msgAged("old", 100), msgAged("young", 20)}
	if _, err := pii.Purge(&batch, recNow.AddDate(-1, 0, 0), recNow); err != nil {
		t.Fatal(err)
	}
	if batch[1].Body == "" {
		t.Error("a 20-day-old body tagged mtl=30,ttl=90 was purged")
	}
}

func TestPurgeRecordsEverywhere(t *testing.T) {
	m := map[string]*Msg{"a": ptr(msgAged("a", 100)), "b": ptr(msgAged("b", 3))}
	if _, err := pii.Purge(m, time.Time{}, recNow); err != nil {
		t.Fatal(err)
	}
	if m["a"].Body != "" || m["b"].Body == "" || m["b"].IP == "" {
		t.Errorf("map of records: a=%+v b=%+v", *m["a"], *m["b"])
	}

	values := map[int]Msg{1: msgAged("1", 100), 2: msgAged("2", 3)}
	if _, err := pii.Purge(values, time.Time{}, recNow); err != nil {
		t.Fatal(err)
	}
	if values[1].Body != "" || values[2].Body == "" {
		t.Errorf("map of record values: %+v", values)
	}

	boxed := []any{msgAged("x", 100), ptr(msgAged("y", 3))}
	if _, err := pii.Purge(boxed, time.Time{}, recNow); err != nil {
		t.Fatal(err)
	}
	if boxed[0].(Msg).Body != "" || boxed[1].(*Msg).Body == "" {
		t.Errorf("records behind interfaces: %+v %+v", boxed[0], *boxed[1].(*Msg))
	}
}

func TestPurgeNestedRecords(t *testing.T) {
	// An old thread whose messages and reply are young: only the thread's own topic goes.
	th := Thread{Created: recNow.AddDate(0, 0, -200), Topic: "billing",
		Messages: []Msg{msgAged("m1", 100), msgAged("m2", 10)},
		Replies:  []*Thread{{Created: recNow.AddDate(0, 0, -5), Topic: "re: billing"}}}
	if _, err := pii.Purge(&th, time.Time{}, recNow); err != nil {
		t.Fatal(err)
	}
	if th.Topic != "" || th.Messages[0].Body != "" || th.Messages[1].Body == "" || th.Replies[0].Topic == "" {
		t.Errorf("nested records: topic %q, bodies %q %q, reply %q",
			th.Topic, th.Messages[0].Body, th.Messages[1].Body, th.Replies[0].Topic)
	}
}

func TestPurgeCreatedFieldTypes(t *testing.T) {
	type ByPtr struct {
		At   *time.Time `pii:"no,created"`
		Body string     `pii:"body,ttl=30"`
	}
	type ByNull struct {
		At   sql.NullTime `pii:"no,created"`
		Body string       `pii:"body,ttl=30"`
	}
	type Base struct {
		Created time.Time `pii:"no,created"`
	}
	type Embedded struct {
		Base
		Body string `pii:"body,ttl=30"`
	}
	old := recNow.AddDate(0, 0, -40)
	p := []ByPtr{{At: &old, Body: "x"}, {At: ptr(recNow), Body: "y"}}
	n := []ByNull{{At: sql.NullTime{Time: old, Valid: true}, Body: "x"}, {At: sql.NullTime{Time: recNow, Valid: true}, Body: "y"}}
	e := []Embedded{{Base{old}, "x"}, {Base{recNow}, "y"}}
	for name, v := range map[string]any{"*time.Time": p, "sql.NullTime": n, "embedded": e} {
		if _, err := pii.Purge(v, time.Time{}, recNow); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if p[0].Body != "" || p[1].Body != "y" || n[0].Body != "" || n[1].Body != "y" || e[0].Body != "" || e[1].Body != "y" {
		t.Errorf("purged: %q %q / %q %q / %q %q", p[0].Body, p[1].Body, n[0].Body, n[1].Body, e[0].Body, e[1].Body)
	}
}

func TestPurgeRecordErrors(t *testing.T) {
	tests := []struct {
		name string
		v    func() any
		arg  time.Time
		want error
	}{
		{"collection without created field", func() any { return []PlainMsg{{"a"}} }, recNow.AddDate(-1, 0, 0), pii.ErrNoCreated},
		{"single record without time", func() any { return &PlainMsg{"a"} }, time.Time{}, pii.ErrNoCreated},
		{"record with unset time", func() any { return []Msg{msgAged("a", 100), {SID: "b", Body: "b"}} }, time.Time{}, pii.ErrZeroTime},
		{"now before a record's creation", func() any { return []Msg{msgAged("a", 100), msgAged("b", -1)} }, time.Time{}, pii.ErrBeforeCreation},
		{"now before the time passed", func() any { return &PlainMsg{"a"} }, recNow.Add(time.Hour), pii.ErrBeforeCreation},
		{"time passed differs from the record's", func() any { return ptr(msgAged("a", 100)) }, recNow.AddDate(0, 0, -50), pii.ErrCreatedMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := tt.v()
			before := cloneAny(v)
			_, err := pii.Purge(v, tt.arg, recNow)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Purge = %v, want %v", err, tt.want)
			}
			if diff := cmp.Diff(before, v); diff != "" {
				t.Errorf("a failed Purge changed its value (-before +after):\n%s", diff)
			}
		})
	}
	// A single record's time may be passed when its field is unset, or equal.
	m := Msg{Body: "b"}
	if _, err := pii.Purge(&m, recNow.AddDate(0, 0, -100), recNow); err != nil || m.Body != "" {
		t.Errorf("record with unset field and a time passed: %v, %+v", err, m)
	}
	m = msgAged("c", 100)
	if _, err := pii.Purge(&m, m.Created, recNow); err != nil || m.Body != "" {
		t.Errorf("record with the same time passed: %v, %+v", err, m)
	}
}

func TestScheduleOfRecord(t *testing.T) {
	m := msgAged("a", 10)
	s, err := pii.ScheduleOf(m, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if !s.Created.Equal(m.Created) {
		t.Errorf("ScheduleOf read Created %v, want %v", s.Created, m.Created)
	}
	if _, err := pii.ScheduleOf(&m, m.Created.Add(time.Hour)); !errors.Is(err, pii.ErrCreatedMismatch) {
		t.Errorf("ScheduleOf with another time = %v, want ErrCreatedMismatch", err)
	}
	if _, err := pii.ScheduleOf(Msg{}, time.Time{}); !errors.Is(err, pii.ErrZeroTime) {
		t.Errorf("ScheduleOf of a record without time = %v, want ErrZeroTime", err)
	}
	if _, err := pii.ScheduleOf([]Msg{m}, time.Time{}); !errors.Is(err, pii.ErrCollection) {
		t.Errorf("ScheduleOf of a slice = %v, want ErrCollection", err)
	}
	if _, err := s.DeletionPlan(m.Created.Add(-time.Second)); !errors.Is(err, pii.ErrBeforeCreation) {
		t.Errorf("DeletionPlan before creation = %v, want ErrBeforeCreation", err)
	}
	// A thread's schedule has its own topic, not its messages' bodies.
	th := Thread{Created: recNow, Messages: []Msg{m}}
	ts, err := pii.ScheduleOf(&th, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range ts.Fields {
		paths = append(paths, f.Path)
	}
	if diff := cmp.Diff([]string{"Topic"}, paths); diff != "" {
		t.Errorf("thread schedule fields (-want +got):\n%s", diff)
	}
}

func ptr[T any](v T) *T { return &v }

// cloneAny deep-copies the test values of TestPurgeRecordErrors.
func cloneAny(v any) any {
	switch v := v.(type) {
	case []Msg:
		return append([]Msg(nil), v...)
	case []PlainMsg:
		return append([]PlainMsg(nil), v...)
	case *PlainMsg:
		c := *v
		return &c
	case *Msg:
		c := *v
		return &c
	}
	panic("cloneAny: add the type")
}

func TestPurgeTwoCreatedFields(t *testing.T) {
	type Twice struct {
		A    time.Time `pii:"no,created"`
		B    time.Time `pii:"no,created"`
		Body string    `pii:"body,ttl=1"`
	}
	v := []Twice{{A: recNow, B: recNow, Body: "x"}}
	var te *pii.TagError
	if _, err := pii.Purge(v, time.Time{}, recNow); !errors.As(err, &te) || !errors.Is(err, pii.ErrCreatedField) {
		t.Errorf("Purge of a record with two created fields = %v, want a *TagError wrapping ErrCreatedField", err)
	}
	if _, err := pii.ScheduleOf(v[0], time.Time{}); !errors.As(err, &te) {
		t.Errorf("ScheduleOf of a record with two created fields = %v, want a *TagError", err)
	}
}

// TestPurgeBatchEqualsOneByOne checks the rule itself: purging a batch gives, record for
// record, what purging each record alone with its own time gives.
func TestPurgeBatchEqualsOneByOne(t *testing.T) {
	var batch, alone []Msg
	for age := 0; age <= 200; age += 3 {
		m := msgAged("m", age)
		m.Created = m.Created.Add(time.Duration(age) * time.Minute) // not only whole days
		batch, alone = append(batch, m), append(alone, m)
	}
	if _, err := pii.Purge(batch, time.Time{}, recNow); err != nil {
		t.Fatal(err)
	}
	for i := range alone {
		if _, err := pii.Purge(&alone[i], alone[i].Created, recNow); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff(alone, batch); diff != "" {
		t.Errorf("batch purge differs from record-by-record purges (-alone +batch):\n%s", diff)
	}
}

// Created times promoted through many embeddings: Go promotes fields at any depth, and
// each embedded type is looked at once, however many paths lead to it.
type (
	deep0 struct {
		Created time.Time `pii:"no,created"`
	}
	deep1  struct{ deep0 }
	deep2  struct{ deep1 }
	deep3  struct{ deep2 }
	deep4  struct{ deep3 }
	deep5  struct{ deep4 }
	deep6  struct{ deep5 }
	deep7  struct{ deep6 }
	deep8  struct{ deep7 }
	deep9  struct{ deep8 }
	deep10 struct{ deep9 }
)

// TestPurgeDeeplyEmbeddedCreated purges by a creation time promoted through ten
// embedded structs, as Go promotes the field itself.
func TestPurgeDeeplyEmbeddedCreated(t *testing.T) {
	type Deep struct {
		deep10
		Body string `pii:"body,ttl=30"`
	}
	aged := func(days int, body string) Deep {
		var d Deep
		d.Created = recNow.AddDate(0, 0, -days) // promoted through ten embeddings
		d.Body = body
		return d
	}
	v := []Deep{aged(40, "old"), aged(1, "new")}
	if _, err := pii.Purge(v, time.Time{}, recNow); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"", "new"}, []string{v[0].Body, v[1].Body}); diff != "" {
		t.Errorf("bodies after Purge (-want +got):\n%s", diff)
	}
}

// TestTwoCreatedOneDeep refuses a record with two creation times, one of them promoted
// through ten embeddings.
func TestTwoCreatedOneDeep(t *testing.T) {
	type TwoDeep struct {
		deep0
		deep10
	}
	if _, err := pii.Classify(TwoDeep{}); !errors.Is(err, pii.ErrCreatedField) {
		t.Errorf("Classify(TwoDeep) = %v, want ErrCreatedField", err)
	}
}
