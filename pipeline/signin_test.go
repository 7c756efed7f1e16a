package pipeline

import (
	"testing"
	"time"
)

func TestSigninPolicyAllow(t *testing.T) {
	t.Parallel()
	p := DefaultSigninPolicy
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		h    SigninHistory
		want time.Duration
	}{
		{"nothing yet", SigninHistory{Now: now}, 0},
		{"pair full", SigninHistory{Now: now, PairFailures: 5, PairOldest: now.Add(-5 * time.Minute)}, 10 * time.Minute},
		{"address full", SigninHistory{Now: now, AddrFailures: 30, AddrOldest: now.Add(-14 * time.Minute)}, time.Minute},
		{"name busy, just tried", SigninHistory{Now: now, NameFailures: 10, NameLatest: now}, time.Second},
		{"name busy, tried a while ago", SigninHistory{Now: now, NameFailures: 10, NameLatest: now.Add(-time.Minute)}, 0},
		{"name very busy", SigninHistory{Now: now, NameFailures: 200, NameLatest: now}, 30 * time.Second},
		{"name busy, known address", SigninHistory{Now: now, NameFailures: 200, NameLatest: now, KnownAddr: true}, 0},
		{"known address, pair full", SigninHistory{Now: now, KnownAddr: true, PairFailures: 5, PairOldest: now}, 15 * time.Minute},
	}
	for _, tc := range tests {
		if got := p.Allow(tc.h); got != tc.want {
			t.Errorf("%s: Allow = %v, want %v", tc.name, got, tc.want)
		}
	}
	for f, want := range map[int]time.Duration{9: 0, 10: time.Second, 14: time.Second, 15: 2 * time.Second, 25: 8 * time.Second, 1000: 30 * time.Second} {
		if got := p.NameDelay(f); got != want {
			t.Errorf("NameDelay(%d) = %v, want %v", f, got, want)
		}
	}
}
