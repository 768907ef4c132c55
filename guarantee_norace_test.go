//go:build !race

package pii_test

// gtRaceBuild is set under the race detector, which makes the guarantee test ten times
// slower: it then checks fewer records.
const gtRaceBuild = false
