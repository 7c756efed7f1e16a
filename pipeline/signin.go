package pipeline

import "time"

// SigninHistory is what the store knows, at the moment of an attempt, about the recent failed
// sign-ins that concern it. Failures count within the policy's window; an attempt still being
// checked counts as a failure until it succeeds.
type SigninHistory struct {
	Now          time.Time // the store's clock
	PairFailures int       // this account name from this address
	PairOldest   time.Time // the oldest of them
	AddrFailures int       // this address, any account name
	AddrOldest   time.Time
	NameFailures int       // this account name, any address
	NameLatest   time.Time // the latest attempt on this account name
	KnownAddr    bool      // this account signed in from this address before
}

// SigninPolicy decides whether a password may be checked, so that guessing is slow for an
// attacker and signing in stays possible for the owner of the account:
//
//   - PerPair failures of one account name from one address within Window stop further attempts
//     from that address on that name, and PerAddr failures from one address (any names) stop that
//     address. Both are hard limits, but only for the address that failed: colleagues behind one
//     office address get a higher PerAddr.
//   - Failures of one account name from all addresses never lock the account, because anyone
//     can type a name: a lock-out by name would let any stranger keep the owner out. Past
//     NameFree failures, attempts on the name are spaced instead, by a delay that doubles every
//     NameStep failures from one second up to NameMaxDelay: an attacker with many addresses gets
//     a few dozen guesses per window, the owner waits seconds, not a quarter of an hour. An
//     address the account signed in from before is not spaced at all, so the owner at their usual
//     desk is not slowed by a stranger's guessing.
//
// The store applies the policy atomically with recording the attempt (see ReserveSignin), so
// concurrent attempts cannot all slip under a limit that each of them saw as not yet reached.
type SigninPolicy struct {
	Window       time.Duration
	PerPair      int
	PerAddr      int
	NameFree     int
	NameStep     int
	NameMaxDelay time.Duration
}

// DefaultSigninPolicy is the policy of the workbench's sign-in form.
var DefaultSigninPolicy = SigninPolicy{Window: 15 * time.Minute, PerPair: 5, PerAddr: 30, NameFree: 10, NameStep: 5,
	NameMaxDelay: 30 * time.Second}

// Allow returns 0 when an attempt may be made now, or how long to wait before the next one.
func (p SigninPolicy) Allow(h SigninHistory) time.Duration {
	var wait time.Duration
	if h.PairFailures >= p.PerPair {
		wait = max(wait, h.PairOldest.Add(p.Window).Sub(h.Now))
	}
	if h.AddrFailures >= p.PerAddr {
		wait = max(wait, h.AddrOldest.Add(p.Window).Sub(h.Now))
	}
	if wait > 0 || h.KnownAddr || h.NameFailures < p.NameFree {
		return max(wait, 0)
	}
	return max(h.NameLatest.Add(p.NameDelay(h.NameFailures)).Sub(h.Now), 0)
}

// NameDelay is the spacing of attempts on an account name with this many recent failures.
func (p SigninPolicy) NameDelay(failures int) time.Duration {
	if failures < p.NameFree {
		return 0
	}
	d := time.Second
	for n := (failures - p.NameFree) / max(p.NameStep, 1); n > 0 && d < p.NameMaxDelay; n-- {
		d *= 2
	}
	return min(d, p.NameMaxDelay)
}
