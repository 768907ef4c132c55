//go:build race

package phonetab_test

// sampleSize is smaller under the race detector, which makes phonenumbers'
// regular expressions about ten times slower and finds nothing more in a
// larger sample: the tables are read-only.
const sampleSize = 10_000
