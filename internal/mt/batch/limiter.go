package batch

import "context"

// Limiter bounds how many requests a provider client has in flight, across all the Translate
// calls that share it. The zero value and nil are not usable; build one with NewLimiter.
type Limiter struct {
	slots chan struct{}
}

// NewLimiter allows n concurrent requests; n below 1 means 1.
func NewLimiter(n int) *Limiter {
	if n < 1 {
		n = 1
	}
	return &Limiter{slots: make(chan struct{}, n)}
}

// Size is the number of concurrent requests allowed.
func (l *Limiter) Size() int { return cap(l.slots) }

// Acquire waits for a free slot or for ctx to end.
func (l *Limiter) Acquire(ctx context.Context) error {
	select {
	case l.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Release frees a slot taken by Acquire.
func (l *Limiter) Release() { <-l.slots }
