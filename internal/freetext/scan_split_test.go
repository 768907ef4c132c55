package freetext

import "testing"

// TestScanSplitForTheEye checks values that a reader sees whole but that were written
// split, and passed through: a number broken across lines, joined by underscores or
// stars, with markdown emphasis or code around some of its digits, written with HTML
// character references or JSON escapes, or split by tags. Each is read as a reader
// sees it; the mask keeps what the plain value's mask keeps (a phone's last four
// digits go), and the markup around and inside it stays as it was. What merely sits
// near digits (a column of numbers, arithmetic, a path, a date) stays.
func TestScanSplitForTheEye(t *testing.T) {
	tests := map[string]map[string]string{
		"line breaks": {
			"call 415\n555-2671 now":        "call 415\n555-XXXX now",
			"call 415-555-\r\n2671 now":     "call 415-555-\r\nXXXX now",
			"call 415-555-=\r\n2671 now":    "call 415-555-=\r\nXXXX now",
			"call 415=\n555-2671":           "call 415=\n555-XXXX",
			"call 415-\n555-2671":           "call 415-\n555-XXXX",
			"call 415 -\n  555-2671":        "call 415 -\n  555-XXXX",
			"call (415)\n555-2671":          "call (415)\n555-XXXX",
			"call +1 415\n555 2671":         "call +1 415\n555 XXXX",
			"call 415\r555-2671":            "call 415\r555-XXXX",
			"card 4111 1111\n1111 1111":     "card 4111 11**\n**** 1111",
			"12\n34\n56\n78\n90":            "12\n34\n56\n78\n90",
			"Total 12\n2024-01-15":          "Total 12\n2024-01-15",
			"page 12\n\n555-2671":           "page 12\n\n555-2671",
			"msg: call 415\\n555-2671":      "msg: call 415\\n555-XXXX",
			"msg: 415-555-\\r\\n2671":       "msg: 415-555-\\r\\nXXXX",
			"rows 12\\n34\\n56\\n78\\n90":   "rows 12\\n34\\n56\\n78\\n90",
			"log: 200 5120\\n10.0.0.2 - -":  "log: 200 5120\\n10.0.0.x - -",
			"log: ok\\n+1 415 555 2671":     "log: ok\\n+1 415 555 XXXX",
			"200 312\n2024-01-15T10:30:01Z": "200 312\n2024-01-15T10:30:01Z",
			"200 5120\n10.0.0.2 - -":        "200 5120\n10.0.0.x - -",
			"worker 7 done\n12:30:02 next":  "worker 7 done\n12:30:02 next",
			"items: 3\n415-555-2671":        "items: 3\n415-555-XXXX",
			"call +1\n415 555 2671":         "call +1\n415 555 XXXX",
		},
		"glue": {
			"call 415_555_2671 now":    "call 415_555_XXXX now",
			"call 415*555*2671 now":    "call 415*555*XXXX now",
			"card 4111_1111_1111_1111": "card 4111_11**_****_1111",
			"x = 1024*1024*1024":       "x = 1024*1024*1024",
			"on 2024_01_15":            "on 2024_01_15",
			"see img_1234_5678.jpg":    "see img_1234_5678.jpg",
		},
		"markdown": {
			"call **415**-555-2671":    "call **415**-555-XXXX",
			"call `415`-555-2671":      "call `415`-555-XXXX",
			"call _415_-555-2671":      "call _415_-555-XXXX",
			"call 415-555-**2671**":    "call 415-555-**XXXX**",
			"call 415\\-555\\-2671":    "call 415\\-555\\-XXXX",
			"2**10 is 1024":            "2**10 is 1024",
			"card 4111 11** **** 1111": "card 4111 11** **** 1111",
		},
		"references": {
			"call &#43;1 415 555 2671":                "call &#43;1 415 555 XXXX",
			"call &#x2B;44 20 7946 0958":              "call &#x2B;44 20 XXXX XXXX",
			"call &plus;1 415 555 2671":               "call &plus;1 415 555 XXXX",
			"call &#x34;15-555-2671":                  "call &#x34;15-555-XXXX",
			"call 415&nbsp;555&nbsp;2671":             "call 415&nbsp;555&nbsp;XXXX",
			"call 415&#8209;555&#8209;2671":           "call 415&#8209;555&#8209;XXXX",
			"call 415&#8203;555&#8203;2671":           "call 415&#8203;555&#8203;XXXX",
			"call 415-555-&#50;&#54;&#55;&#49;":       "call 415-555-XXXX",
			"card 4111&#160;1111&#160;1111&#160;1111": "card 4111&#160;11**&#160;****&#160;1111",
			"SSN 123&#45;45&#45;6789":                 "SSN ***&#45;**&#45;6789",
			"mail jane&#64;example.com":               "mail ***",
			"AT&amp;T &copy; 2024 &#169;":             "AT&amp;T &copy; 2024 &#169;",
			"msg: call 415\\u00a0555\\u00a02671":      "msg: call 415\\u00a0555\\u00a0XXXX",
			"msg: call \\u002B1 415 555 2671":         "msg: call \\u002B1 415 555 XXXX",
			"msg: mail jane\\u0040example.com":        "msg: mail ***",
			"C:\\temp\\415\\file":                     "C:\\temp\\415\\file",
		},
		"tags": {
			"call <b>415</b>-555-2671":                                 "call <b>415</b>-555-XXXX",
			"call <span>415</span> <span>555</span> <span>2671</span>": "call <span>415</span> <span>555</span> <span>XXXX</span>",
			"call <font size=\"3\">415</font>-555-2671":                "call <font size=\"3\">415</font>-555-XXXX",
			"call 415<br>555-2671":                                     "call 415<br>555-XXXX",
			"call 415-<!-- x -->555-2671":                              "call 415-<!-- x -->555-XXXX",
			"<h2>415</h2>555-2671":                                     "<h2>415</h2>555-XXXX",
			"<td>4155552671</td><td>5</td>":                            "<td>415555XXXX</td><td>5</td>",
			"mail <i>jane</i>@example.com":                             "mail <i>***</i>@example.com",
			"mail jane<b>@</b>example.com":                             "mail ***<b>@</b>example.com",
			"<a href=\"mailto:jane@example.com\">write</a>":            "<a href=\"mailto:***@example.com\">write</a>",
			"<td>12</td><td>34</td><td>2024</td>":                      "<td>12</td><td>34</td><td>2024</td>",
			"x<y and 3<4>2":                                            "x<y and 3<4>2",
		},
	}
	for name, table := range tests {
		t.Run(name, func(t *testing.T) {
			scanCheckRedactTable(t, scanTestScanner(t, "", "valid"), table)
		})
	}
}
