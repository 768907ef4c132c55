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
	// pii: unknown leniency "strict" (want valid or possible)
}

func ExampleFinding() {
	text := "call +1 415-666-7777"
	f := pii.Finding{Kind: pii.KindPhone, Start: 5, End: 20}
	fmt.Printf("%v at [%d,%d): %q\n", f.Kind, f.Start, f.End, text[f.Start:f.End])
	// Output: phone at [5,20): "+1 415-666-7777"
}

// With no region configured, numbers written in national format are still found: the
// finder reads them in a set of default regions, and hides what it cannot tell apart.
func ExampleRedactText_noRegion() {
	fmt.Println(pii.RedactText("Call me at (415) 555-2671 or on 06 12 34 56 78."))
	fmt.Println(pii.RedactText("Order 2024-000123 shipped on 2024-01-15 for $1,234.56 (v1.2.3)."))
	// Output:
	// Call me at (415) 555-XXXX or on 06 12 34 XX XX.
	// Order 2024-000123 shipped on 2024-01-15 for $1,234.56 (v1.2.3).
}

// A national identifier is found where its check digits pass.
func ExampleScan_nationalIdentifiers() {
	text := "CPF 529.982.247-25, NINO AB 12 34 56 C, DNI 12345678Z, BSN 111222334"
	for _, f := range pii.Scan(text) {
		fmt.Println(f.Kind, text[f.Start:f.End])
	}
	// Output:
	// govid 529.982.247-25
	// govid AB 12 34 56 C
	// govid 12345678Z
}

// What splits a value for the eye only (markup, references, a line break, glue) does not
// hide it: the finder reads the text as a reader sees it, and the mask keeps the markup.
func ExampleRedactText_markup() {
	fmt.Println(pii.RedactText("<p>Call <b>415</b>-555-2671 or &#43;44&nbsp;20&nbsp;7946&nbsp;0958.</p>"))
	fmt.Println(pii.RedactText("Call 415_555_2671, or write to jane @ example.com."))
	// Output:
	// <p>Call <b>415</b>-555-XXXX or &#43;44&nbsp;20&nbsp;7946&nbsp;XXXX.</p>
	// Call 415_555_XXXX, or write to ***@ example.com.
}
