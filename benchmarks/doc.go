// Package benchmarks measures the pii library against the redaction libraries a Go user
// would otherwise pick: showa-93/go-mask, ggwhite/go-masker, m-mizutani/masq and
// aliengiraffe/deidentify.
//
// It is a separate module so that the library's users never download the peers. Every
// library gets the same input (workload.go) configured to hide the same fields
// (peers.go, ours.go), and the same adapters serve both the speed benchmarks
// (*_test.go) and the correctness table (correctness.go), so the table shows what the
// benchmarks time. Beside them runs the floor (floor.go): the same job as the
// library's, written by hand for the one record type, which is what the price of the
// library's generality is measured against. See BENCHMARKS.md for the results and the
// command that made them.
package benchmarks
