//go:build race

package checks_test

// raceDetector: the race detector makes sync.Pool drop what it holds at random, so allocation
// counts (regexp machines come from a pool) say nothing about the code under it.
const raceDetector = true
