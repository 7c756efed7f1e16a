//go:build !race

package checks_test

const raceDetector = false
