// Package ignore silences reports with piivet's own directive, which needs a reason.
package ignore

import (
	"fmt"
	"log"

	"models"
)

type Loose struct { // want Loose:"pii-tagged"
	Email string `pii:"email"`
	//piivet:ignore filled by the database, never personal data
	Token string
	Note  string //piivet:ignore a note the operator writes
	Other string // want `ignore.Loose.Other has no pii tag`
}

func Examples(u models.User) {
	//piivet:ignore the example prints a record on purpose, to show what leaks
	fmt.Println(u)
	fmt.Println(u) //piivet:ignore the example shows the raw record beside the safe one
	//piivet:ignore	a tab before the reason is a space too
	log.Printf("%v and %v",
		u,
		&u)
	fmt.Println("between")
	fmt.Println(u) // want `u \(models.User carries pii tags\) reaches fmt.Println`
}

func NotCovered(u models.User) {
	//piivet:ignore it covers the line below only
	fmt.Println("first")
	fmt.Println(u) // want `reaches fmt.Println`
	fmt.Println(1) //piivet:ignore at the end of a line, that line only
	fmt.Println(u) // want `reaches fmt.Println`
}

func Malformed(u models.User) {
	/* want `//piivet:ignore needs a reason, which silences nothing without one` */ //piivet:ignore
	fmt.Println(u)                                                                  // want `reaches fmt.Println`
	/* want `unknown piivet directive "//piivet:ignroe typo"` */ //piivet:ignroe typo
	fmt.Println(u)                                               // want `reaches fmt.Println`
	/* want `unknown piivet directive "//piivet:ignore-next the reason"` */ //piivet:ignore-next the reason
	fmt.Println(u)                                                          // want `reaches fmt.Println`
}

func InBlocks(u models.User) {
	// The lines below print the record on purpose.
	//piivet:ignore a directive among other comments covers the code below them
	// (the comments may go on after it).
	fmt.Println(u)
	fmt.Println("after")
	fmt.Println(u) // want `reaches fmt.Println`
}

func Spaced(u models.User) {
	/* want `"// piivet:ignore spaced" is no directive` */ // piivet:ignore spaced
	fmt.Println(u)                                         // want `reaches fmt.Println`
	/* want `is no directive` */ /* piivet:ignore in a block comment */
	fmt.Println(u)               // want `reaches fmt.Println`
	// A comment that speaks of piivet: ignore it, as prose.
	fmt.Println(u) // want `reaches fmt.Println`
}
