//go:build race

package adaptertest

// Race reports whether the tests run under the race detector, which drops values put
// in a sync.Pool at random: allocation counts that pooling keeps down are not checked.
const Race = true
