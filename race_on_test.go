//go:build race

package pii

// raceBuild reports whether the tests run under the race detector, which changes what
// sync.Pool keeps, and with it how many allocations a walk makes.
const raceBuild = true
