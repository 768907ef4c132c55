package freetext

import "testing"

// TestScanEmailSpacedAndHosts checks addresses that passed through whole: an at sign
// set apart by spaces ("jane @ example.com", "jane@ example.com"), and a person's
// mailbox on a host whose name has no dot ("jane@localhost", "jane@intranet"). The
// mask keeps the domain, as every email mask does. What stays: a space before the at
// sign alone (a handle mentioned after a word), a spaced at sign before a domain with
// no dot (prose), accounts of systems and roles on such hosts, package tags and
// versions.
func TestScanEmailSpacedAndHosts(t *testing.T) {
	tests := map[string]string{
		"mail jane @ example.com now":     "mail ***@ example.com now",
		"mail jane@ example.com":          "mail ***@ example.com",
		"mail jane.doe @ mail.example.de": "mail ***@ mail.example.de",
		"mail jane@localhost":             "mail ***@localhost",
		"mail jane@intranet.":             "mail ***@intranet.",
		"mail jane.doe@mailhost01 today":  "mail ***@mailhost01 today",
		"to: jane＠localhost":              "to: ***＠localhost",
		"thanks @jane.doe":                "thanks @jane.doe",
		"meet @ noon":                     "meet @ noon",
		"email me @ home":                 "email me @ home",
		"price @ 12.99":                   "price @ 12.99",
		"user@localhost":                  "user@localhost",
		"root@server:~$ ls":               "root@server:~$ ls",
		"git@github":                      "git@github",
		"npm i react@latest vue@next":     "npm i react@latest vue@next",
		"go get example.com/foo@v2":       "go get example.com/foo@v2",
		"a@b":                             "a@b",
		"mail jane  @ example.com":        "mail jane  @ example.com",
	}
	scanCheckRedactTable(t, scanTestScanner(t, "", "valid"), tests)
}
