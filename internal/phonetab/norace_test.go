//go:build !race

package phonetab_test

// sampleSize is the number of near-real numbers TestNearRealNumbers checks.
const sampleSize = 100_000
