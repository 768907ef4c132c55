package pii_test

import (
	"fmt"

	"github.com/ef8f9424/pii"
)

func ExampleParseLeniency() {
	l, err := pii.ParseLeniency("Possible")
	fmt.Println(l, err)
	_, err = pii.ParseLeniency("strict")
	fmt.Println(err)
	// Output:
	// possible <nil>
	// pii: unknown leniency "strict"
}

func ExampleFinding() {
	text := "call +1 415-666-7777"
	f := pii.Finding{Kind: pii.KindPhone, Start: 5, End: 20}
	fmt.Printf("%v at [%d,%d): %q\n", f.Kind, f.Start, f.End, text[f.Start:f.End])
	// Output: phone at [5,20): "+1 415-666-7777"
}
