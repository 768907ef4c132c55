package pii

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRedactTextLeavesOrdinaryLogs checks that RedactText, under the default Policy, leaves
// lines of ordinary logs and documents as they are: JSON log lines, stack traces, SQL, CSV,
// timestamps, UUIDs, hashes, versions, Kubernetes events, markdown and HTML tables, byte
// counts, lists and columns of numbers, issue numbers, arithmetic. None holds personal data,
// and a line that lost digits to a mask here would be a line a reader can no longer use.
func TestRedactTextLeavesOrdinaryLogs(t *testing.T) {
	for _, line := range []string{
		"{\"time\":\"2024-05-01T12:34:56.789Z\",\"level\":\"INFO\",\"msg\":\"request done\",\"status\":200,\"latency_ms\":1234,\"bytes\":5678901}",
		"2024-05-01 12:34:56,789 ERROR [main] com.example.Foo - Exception in thread \"main\" java.lang.NullPointerException",
		"\tat com.example.Foo.bar(Foo.java:1234)",
		"goroutine 1 [running]:",
		"main.main()",
		"\t/home/user/go/src/app/main.go:42 +0x1d",
		"\t/usr/local/go/src/runtime/proc.go:267 +0x2bb",
		"SELECT id, name FROM users WHERE created_at > '2024-01-01' AND id IN (1234567, 2345678, 3456789) LIMIT 100 OFFSET 2000;",
		"id,amount,date,account",
		"1001,4155.55,2024-05-01,7712",
		"550e8400-e29b-41d4-a716-446655440000",
		"version 1.22.3-rc.1+build.20240501 (commit 4155552671abcdef)",
		"LAST SEEN   TYPE     REASON      OBJECT              MESSAGE",
		"5m12s       Normal   Scheduled   pod/web-7d4b9c8f5-x2x9z   Successfully assigned default/web-7d4b9c8f5-x2x9z to node-10-0-1-23",
		"3m          Warning  BackOff     pod/api-5f6d7c8b9-abcde   Back-off restarting failed container",
		"| id | qty | price |",
		"|----|-----|-------|",
		"| 1234 | 555 | 2671 |",
		"<table><tr><td>415</td><td>555</td><td>2671</td></tr></table>",
		"<p>Order 12345<br>Total 67.89</p>",
		"<span>2024</span>-<span>05</span>-<span>01</span>",
		"<td>1234</td><td>5678</td><td>9012</td><td>3456</td>",
		"trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span_id=00f067aa0ba902b7",
		"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"PR #12345 merged; see #1234567890",
		"1_000_000 iterations",
		"x = 3*4*5*6*7*8*9*10",
		"file_20240501_123456.log",
		"**Total:** 1234",
		"**Step 1**: 2*3 = 6",
		"`12345` and `67890`",
		"**415** items, **555** boxes, **2671** kg",
		"processed 4155552671 bytes",
		"2024-05-01T12:34:56Z",
		"1714566896123",
		"{\"a\":\"line1\\nline2\",\"n\":12345}",
		"{\"msg\":\"count 12\\n34 total\"}",
		"\"stack\":\"Error: x\\n    at foo (app.js:12:34)\\n    at bar (app.js:56:78)\"",
		"{\"numbers\":\"415\\n555\\n2671\"}",
		"CSV: 415,555,2671",
		"id=1234 user@host ok",
		"ssh root@localhost",
		"Received: from mail.example.com by mx.example.org; Wed, 1 May 2024 12:34:56 +0000",
		"admin@localhost",
		"user @ host",
		"email me @ noon",
		"x @ 3pm",
		"@everyone meeting at 3",
		"Using go1.22.3 linux/amd64",
		"memory: 16384 MB, cpus: 8",
		"docker image nginx:1.25.3-alpine sha256:4155552671",
		"rate=1.5e+10 size=1_048_576",
		"HTTP/1.1 200 OK\\r\\nContent-Length: 1234\\r\\n\\r\\n",
		"ports: 8080\\n8443\\n9090",
		"value: 12\\n-34",
		"&#169; 2024 Example Inc. All rights reserved.",
		"Price &euro;1&#44;234&#46;56",
		"&#1234;&#5678;",
		"&lt;b&gt;1234&lt;/b&gt;",
		"page 1 of 12",
		"line 415\\nline 555",
		"123456789\\n987654321",
		"2024-05-01\\n2024-05-02",
		"1.2.3\\n4.5.6",
		"12:34\\n56:78",
		"a_1_2_3",
		"$1*2",
		"#1 #2 #3 #4 #5",
		`{"total_bytes":15032385536,"free":13958643712}`,
		"memory 17179869184 bytes",
		"Content-Length: 13958643712",
	} {
		if diff := cmp.Diff(line, RedactText(line)); diff != "" {
			t.Errorf("RedactText(%q) changed it (-want +got):\n%s", line, diff)
		}
	}
}
