// Command gen compiles the validity rules of github.com/nyaruka/phonenumbers'
// embedded metadata into the tables of package phonetab. Run it with
// `go generate` in internal/phonetab; it writes tables.go there.
package main

import (
	"flag"
	"log"
	"os"
)

func main() {
	out := flag.String("o", "tables.go", "the file to write")
	flag.Parse()
	src, err := generate()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}

// generate builds the tables and returns their Go source.
func generate() ([]byte, error) {
	t, err := build()
	if err != nil {
		return nil, err
	}
	return emit(t)
}
