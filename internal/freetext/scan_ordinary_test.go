package freetext

import (
	"maps"
	"strings"
	"testing"
)

// TestScanOrdinaryTextStays checks ordinary log lines and documents that the second
// reading (as a reader sees the text) once blanked in part: a product of single digits,
// a column of numbers in a JSON string after a label, dates one to a line, cells of an
// HTML table. Each stays as it is, while a number split for the eye beside them is
// still found; and a phone number whose groups are split by a URL-encoded space
// ("%20") is masked once, the same way again.
func TestScanOrdinaryTextStays(t *testing.T) {
	tests := map[string]map[string]string{
		"arithmetic": {
			"x = 3*4*5*6*7*8*9*10": "x = 3*4*5*6*7*8*9*10",
			"n = 2*3*5*7*11*13":    "n = 2*3*5*7*11*13",
			"call 415*555*2671":    "call 415*555*XXXX",
			"call 415_5_5_5_2671":  "call 415_5_5_5_XXXX",
		},
		"columns": {
			`{"msg":"ports: 8080\n8443\n9090"}`:     `{"msg":"ports: 8080\n8443\n9090"}`,
			"ports: 8080\n8443\n9090":               "ports: 8080\n8443\n9090",
			`{"msg":"days 2024-05-01\n2024-05-02"}`: `{"msg":"days 2024-05-01\n2024-05-02"}`,
			"days 2024-05-01\n2024-05-02":           "days 2024-05-01\n2024-05-02",
			"on 2024-05-01\n415-555-2671":           "on 2024-05-01\n415-555-XXXX",
			"call 415\n555-2671":                    "call 415\n555-XXXX",
		},
		"tables": {
			"<table><tr><td>415</td><td>555</td><td>2671</td></tr></table>": "<table><tr><td>415</td><td>555</td><td>2671</td></tr></table>",
			"<td>1234</td><td>5678</td><td>9012</td><td>3456</td>":          "<td>1234</td><td>5678</td><td>9012</td><td>3456</td>",
			"<ul><li>415</li><li>555</li><li>2671</li></ul>":                "<ul><li>415</li><li>555</li><li>2671</li></ul>",
			"<td>415 555 2671</td><td>x</td>":                               "<td>415 555 XXXX</td><td>x</td>",
			"<td><b>415</b>-555-2671</td>":                                  "<td><b>415</b>-555-XXXX</td>",
		},
		"url escapes": {
			"0100000%200000":   "010XXXX%20XXXX",
			"q=0100000%202671": "q=010XXXX%20XXXX",
		},
	}
	for name, table := range tests {
		t.Run(name, func(t *testing.T) {
			scanCheckRedactTable(t, scanTestScanner(t, "", "valid"), table)
		})
	}
}

// TestScanHexEscapes checks values written with the "\x2d" escapes of JavaScript and
// Python strings, as their logs show them: each is found, and the escapes stay.
func TestScanHexEscapes(t *testing.T) {
	scanCheckRedactTable(t, scanTestScanner(t, "", "valid"), map[string]string{
		"call 415\\x2d555\\x2d2671":  "call 415\\x2d555\\x2dXXXX",
		"call \\x34\\x315-555-2671":  "call \\x34\\x315-555-XXXX",
		"SSN 123\\x2d45\\x2d6789":    "SSN ***\\x2d**\\x2d6789",
		"call \\x2b1 415 555 2671":   "call \\x2b1 415 555 XXXX",
		"bytes \\x00\\x7f\\xff 4155": "bytes \\x00\\x7f\\xff 4155",
		"path C:\\x41\\x42 12":       "path C:\\x41\\x42 12",
	})
}

// TestScanLongLocalPartMasksOnce checks an address whose run before the at sign is
// longer than a local part may be, with an apostrophe where the local part is cut:
// what is left before the mask joins it into a new local part, so the whole run goes
// at once, and again gives the same.
func TestScanLongLocalPartMasksOnce(t *testing.T) {
	zeros := strings.Repeat("0", 62)
	scanCheckRedactTable(t, scanTestScanner(t, "", "valid"), map[string]string{
		"A'A" + zeros + "0@AA":          "***@AA",
		"A'A" + zeros + "@AA":           "***@AA",
		"A'A" + zeros + "@example.com":  "***@example.com",
		"x 'A" + zeros + "@example.com": "x '***@example.com",
		"mail O'Brien@example.com now":  "mail ***@example.com now",
	})
}

// TestScanQuantitiesStay checks numbers of ten digits or more in one piece that a log
// line names as a size, a length or a duration: a unit after them or a key before them.
// They stay, where the same digits alone read as a phone number by their shape.
func TestScanQuantitiesStay(t *testing.T) {
	tests := map[string]string{
		"memory 17179869184 bytes":                       "memory 17179869184 bytes",
		`{"total_bytes":15032385536,"free":13958643712}`: `{"total_bytes":15032385536,"free":13958643712}`,
		"elapsed 13800138000 ns":                         "elapsed 13800138000 ns",
		"elapsed_ns=13800138000":                         "elapsed_ns=13800138000",
		"Content-Length: 13958643712":                    "Content-Length: 13958643712",
		"processed 4155552671 bytes":                     "processed 4155552671 bytes",
		"call 4155552671 or 415-555-2671 bytes":          "call 415555XXXX or 415-555-XXXX bytes",
		"size: +14155552671":                             "size: +1415555XXXX",
	}
	for _, region := range []string{"", "US", "CN"} {
		t.Run(region, func(t *testing.T) {
			table := maps.Clone(tests)
			if region != "US" {
				table["call 13800138000 now"] = "call 1380013XXXX now"
			}
			scanCheckRedactTable(t, scanTestScanner(t, region, "valid"), table)
		})
	}
}
