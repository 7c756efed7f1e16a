//go:build race

package eval

// raceDetector: under the race detector the scoring of every corpus takes minutes of CPU and
// tests no concurrency; "make test" scores the corpora in a run of their own without it.
const raceDetector = true
