package pii

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

type kanonAddress struct {
	Country string
	Postal  string
}

type kanonRow struct {
	Age     string
	Gender  string
	Address kanonAddress
	Home    *kanonAddress
	Seen    time.Time
	Score   float64
	Extra   any
	Tags    []string
	secret  string
}

func TestKAnonymity(t *testing.T) {
	utc := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	rows := []kanonRow{
		{Age: "30-39", Gender: "f", Address: kanonAddress{"US", "941"}, Home: &kanonAddress{Country: "US"}, Seen: utc, Extra: 1, Tags: []string{"a"}},
		{Age: "30-39", Gender: "f", Address: kanonAddress{"US", "941"}, Home: &kanonAddress{Country: "US"}, Seen: utc.In(time.FixedZone("X", 3600)), Extra: 1, Tags: []string{"a"}},
		{Age: "30-39", Gender: "f", Address: kanonAddress{"US", "100"}, Home: nil, Seen: utc, Extra: "1", Tags: []string{"a"}},
		{Age: "40-49", Gender: "m", Address: kanonAddress{"DE", "101"}, Home: nil, Seen: utc, Score: -0.0, Extra: nil, Tags: []string{"b"}},
		{Age: "40-49", Gender: "m", Address: kanonAddress{"DE", "101"}, Home: nil, Seen: utc, Score: 0, Extra: nil, Tags: []string{"b"}},
	}
	ptrs := make([]*kanonRow, len(rows))
	for i := range rows {
		ptrs[i] = &rows[i]
	}
	tests := []struct {
		name  string
		rows  any
		paths []string
		want  int
	}{
		{"no paths: one group", rows, nil, 5},
		{"unique row", rows, []string{"Age", "Address.Postal"}, 1},
		{"k=2", rows, []string{"Age", "Gender"}, 2},
		{"nested", rows, []string{"Address.Country"}, 2},
		{"k=3 after generalising", []kanonRow{rows[0], rows[1], rows[2]}, []string{"Age", "Address.Country"}, 3},
		{"nil pointer on the path is its own group", rows, []string{"Home.Country"}, 2},
		{"instants compare across zones", rows, []string{"Seen"}, 5},
		{"minus zero equals zero", rows, []string{"Score"}, 5},
		{"interface int 1 differs from string 1", rows, []string{"Extra"}, 1},
		{"slices by value", rows, []string{"Tags"}, 2},
		{"pointer rows", ptrs, []string{"Age", "Gender"}, 2},
		{"array rows", [2]kanonRow{rows[3], rows[4]}, []string{"Address"}, 2},
		{"no rows", []kanonRow{}, []string{"Age"}, 0},
		{"nil slice", []*kanonRow(nil), []string{"Age"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := KAnonymity(tt.rows, tt.paths...)
			if err != nil {
				t.Fatalf("KAnonymity: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("k (-want +got):\n%s", diff)
			}
		})
	}
}

func TestKAnonymityNilRowPointer(t *testing.T) {
	rows := []*kanonRow{nil, nil, {Age: "30-39"}}
	got, err := KAnonymity(rows, "Age")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(1, got); diff != "" {
		t.Errorf("k (-want +got):\n%s", diff)
	}
}

func TestKAnonymityErrors(t *testing.T) {
	rows := []kanonRow{{Age: "30-39", secret: "hunter2"}}
	tests := []struct {
		name  string
		rows  any
		paths []string
		want  []string // substrings of the message
		path  bool     // wraps kanonErrPath
	}{
		{"unknown field", rows, []string{"Age", "Adress.Country"}, []string{`"Adress.Country"`, "pii.kanonRow"}, true},
		{"unknown nested", rows, []string{"Address.Zip"}, []string{`"Address.Zip"`, "pii.kanonAddress"}, true},
		{"through a non-struct", rows, []string{"Age.Len"}, []string{`"Age.Len"`}, true},
		{"through a slice", rows, []string{"Tags.X"}, []string{`"Tags.X"`}, true},
		{"unexported", rows, []string{"secret"}, []string{`"secret"`}, true},
		{"empty path", rows, []string{""}, []string{`""`}, true},
		{"bad path with no rows", []kanonRow{}, []string{"Nope"}, []string{`"Nope"`}, true},
		{"not a slice", kanonRow{}, []string{"Age"}, []string{"pii.kanonRow"}, false},
		{"nil", nil, []string{"Age"}, []string{"nil"}, false},
		{"slice of strings", []string{"a"}, []string{"Age"}, []string{"[]string"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := KAnonymity(tt.rows, tt.paths...)
			if err == nil {
				t.Fatal("KAnonymity succeeded, want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not name %s", err, w)
				}
			}
			if errors.Is(err, kanonErrPath) != tt.path {
				t.Errorf("errors.Is(%v, kanonErrPath) = %v, want %v", err, !tt.path, tt.path)
			}
			if strings.Contains(err.Error(), "hunter2") || strings.Contains(err.Error(), "30-39") {
				t.Errorf("error reveals a value: %v", err)
			}
		})
	}
}

type kanonEmbedded struct {
	*kanonAddress
	Age string
}

func TestKAnonymityEmbedded(t *testing.T) {
	rows := []kanonEmbedded{
		{kanonAddress: &kanonAddress{Country: "US"}, Age: "1"},
		{kanonAddress: nil, Age: "1"},
		{kanonAddress: nil, Age: "1"},
	}
	got, err := KAnonymity(rows, "Country")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(1, got); diff != "" {
		t.Errorf("k over a promoted field behind nil embedded pointers (-want +got):\n%s", diff)
	}
}
