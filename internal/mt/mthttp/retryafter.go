package mthttp

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxRetryAfter caps what a service may ask for, so that a broken header cannot park a job for
// days.
const maxRetryAfter = 24 * time.Hour

// RetryAfter reads how long the service asked us to wait, from "Retry-After" in delay-seconds or
// HTTP-date form (RFC 9110 §10.2.3), or from the "retry-after-ms" header some OpenAI-compatible
// servers send. It returns 0 when no usable value is present, a date in the past, or a negative
// number; values above a day are capped at a day.
func RetryAfter(h http.Header, now time.Time) time.Duration {
	if h == nil {
		return 0
	}
	if ms := strings.TrimSpace(h.Get("Retry-After-Ms")); ms != "" {
		if v, err := strconv.ParseFloat(ms, 64); err == nil && v > 0 {
			return capWait(time.Duration(v * float64(time.Millisecond)))
		}
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		if secs > maxRetryAfter.Seconds() {
			return maxRetryAfter
		}
		return time.Duration(secs * float64(time.Second))
	}
	if at, err := http.ParseTime(v); err == nil {
		if d := at.Sub(now); d > 0 {
			return capWait(d)
		}
	}
	return 0
}

func capWait(d time.Duration) time.Duration {
	if d > maxRetryAfter {
		return maxRetryAfter
	}
	return d
}
