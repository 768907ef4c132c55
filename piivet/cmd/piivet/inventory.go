package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/piivet"
)

// inventory runs "piivet -inventory [-json] packages...": it prints the data inventory
// of every tagged type the packages declare, and returns the exit code.
func inventory(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("piivet -inventory", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "write JSON instead of Markdown")
	profileName := fs.String("profile", "strict", "the jurisdiction profile that decides which kinds are personal data (gdpr, ccpa, hipaa, caloppa, ...; a+b combines)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	profile, err := pii.ParseProfile(*profileName)
	if err != nil {
		fmt.Fprintln(stderr, "piivet: -profile:", err)
		return 2
	}
	inv, err := piivet.LoadInventory(profile, patterns...)
	if err != nil {
		fmt.Fprintln(stderr, "piivet:", err)
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(inv)
	} else {
		err = inv.WriteMarkdown(stdout)
	}
	if err != nil {
		fmt.Fprintln(stderr, "piivet:", err)
		return 1
	}
	return 0
}
