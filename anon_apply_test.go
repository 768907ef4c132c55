package pii

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAnonKindDefault(t *testing.T) {
	want := map[Kind][2]anonStrategy{ // without key, with key
		KindGeneric:   {anonDrop, anonDrop},
		KindPhone:     {anonGeneralize, anonPseudonym},
		KindEmail:     {anonGeneralize, anonPseudonym},
		KindName:      {anonDrop, anonPseudonym},
		KindBody:      {anonDrop, anonDrop},
		KindIP:        {anonGeneralize, anonGeneralize},
		KindCard:      {anonGeneralize, anonGeneralize},
		KindSecret:    {anonDrop, anonDrop},
		KindAddress:   {anonDrop, anonDrop},
		KindPostal:    {anonGeneralize, anonGeneralize},
		KindDOB:       {anonGeneralize, anonGeneralize},
		KindGeo:       {anonGeneralize, anonGeneralize},
		KindGovID:     {anonDrop, anonDrop},
		KindAccount:   {anonDrop, anonDrop},
		KindDevice:    {anonDrop, anonPseudonym},
		KindURL:       {anonDrop, anonDrop},
		KindHealth:    {anonDrop, anonDrop},
		KindBiometric: {anonDrop, anonDrop},
	}
	want[KindDate] = [2]anonStrategy{anonGeneralize, anonGeneralize} // the year
	want[KindAge] = [2]anonStrategy{anonGeneralize, anonGeneralize}  // a ten-year band
	for k := KindAge + 1; k < numKinds; k++ {
		want[k] = [2]anonStrategy{anonDrop, anonDrop} // special categories
	}
	got := map[Kind][2]anonStrategy{}
	for _, k := range Kinds() {
		got[k] = [2]anonStrategy{anonKindDefault(k, false), anonKindDefault(k, true)}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("defaults (-want +got):\n%s", diff)
	}
}

func TestAnonEnvAnonymizeString(t *testing.T) {
	keys := anonTestKeyring(t, anonTestKey)
	priv := sealTestKeys(t)["DHKEM-X25519"]
	full := &anonEnv{keys: keys, sealer: sealTestSealer(t, priv), region: "US"}
	bare := &anonEnv{region: "US"}
	phoneTok := keys.pseudonym(KindPhone, "+14155551234", "US")
	sealed, err := full.sealer.seal([]byte("+14155551234"), "Message.From")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		env   *anonEnv
		kind  Kind
		strat anonStrategy
		value string
		want  string
		err   error
	}{
		{"default phone with key", full, KindPhone, anonDefault, "(415) 555-1234", phoneTok, nil},
		{"default phone without key", bare, KindPhone, anonDefault, "(415) 555-1234", "+1", nil},
		{"default name without key", bare, KindName, anonDefault, "Jane", "", nil},
		{"default ip", bare, KindIP, anonDefault, "203.0.113.9", "203.0.113.0/24", nil},
		{"drop", full, KindPhone, anonDrop, "+14155551234", "", nil},
		{"generalize", full, KindEmail, anonGeneralize, "jane@example.com", "example.com", nil},
		{"pseudonym without key", bare, KindPhone, anonPseudonym, "+14155551234", "", ErrNoKey},
		{"seal without key", bare, KindPhone, anonSeal, "+14155551234", "", ErrNoKey},
		{"seal empty", full, KindPhone, anonSeal, "", "", nil},
		{"seal envelope again", full, KindPhone, anonSeal, sealed, sealed, nil},
		{"secret is dropped even when sealed", full, KindSecret, anonSeal, "hunter2", "", nil},
		{"unknown strategy fails closed", full, KindPhone, anonStrategy(200), "+14155551234", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.env.anonymizeString(tt.kind, tt.strat, tt.value, "Message.From")
			if !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}

	// Values that only look like envelopes are sealed like any other.
	for _, v := range []string{"+14155551234", sealPrefix + " call +14155551234", sealPrefix + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"} {
		env, err := full.anonymizeString(KindBody, anonSeal, v, "Message.Body")
		if err != nil {
			t.Fatal(err)
		}
		if env == v || strings.Contains(env, "4155551234") {
			t.Errorf("sealing left the value readable: %q", env)
		}
		pt, err := unsealEnvelope(priv, env, "Message.Body")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(v, string(pt)); diff != "" {
			t.Errorf("unsealed (-want +got):\n%s", diff)
		}
	}
}

// TestAnonEnvNeverPassesThrough anonymises sample values of every kind under every
// strategy and checks that no output holds its whole input.
func TestAnonEnvNeverPassesThrough(t *testing.T) {
	keys := anonTestKeyring(t, anonTestKey)
	priv := sealTestKeys(t)["DHKEM-X25519"]
	env := &anonEnv{keys: keys, sealer: sealTestSealer(t, priv), region: "US"}
	samples := []string{"+14155551234", "jane@example.com", "Jane Doe", "203.0.113.7",
		"4111 1111 1111 1111", "94103", "1990-05-17", "37.7749,-122.4194", "hunter2"}
	for _, k := range Kinds() {
		for _, strat := range []anonStrategy{anonDefault, anonDrop, anonPseudonym, anonGeneralize, anonSeal} {
			for _, v := range samples {
				got, err := env.anonymizeString(k, strat, v, "F")
				if err != nil {
					t.Fatalf("%v/%d: %v", k, strat, err)
				}
				if strings.Contains(got, v) {
					t.Errorf("%v under strategy %d kept %q: %q", k, strat, v, got)
				}
			}
		}
	}
}
