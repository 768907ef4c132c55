// Command piivet checks Go packages for pii tag mistakes and for personal data that
// reaches fmt, log, encoding/json, zap, zerolog, logrus or slog unredacted.
//
//	piivet ./...                              # standalone
//	go vet -vettool=$(which piivet) ./...     # through go vet
//	piivet -inventory [-json] [-profile P] ./...  # the data inventory of every tagged type
//
// With -inventory it prints, from source, the Markdown (or with -json the JSON) that
// pii.NewInventory writes for every type declared in the named packages that has a pii
// tag, and checks nothing. -profile names the jurisdiction profile (default strict, the
// default Policy's), as pii.ParseProfile reads it.
package main

import (
	"os"

	"github.com/ef8f9424/pii/piivet"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() {
	if len(os.Args) > 1 && (os.Args[1] == "-inventory" || os.Args[1] == "--inventory") {
		os.Exit(inventory(os.Args[2:], os.Stdout, os.Stderr))
	}
	singlechecker.Main(piivet.Analyzer)
}
