package batch

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/tilmash/tilmash/internal/mt/mthttp"
)

// Call translates one batch and returns exactly one translation per text, in order.
type Call func(ctx context.Context, b Batch) ([]string, error)

// Runner sends the batches of one provider.
type Runner struct {
	Provider string
	Limits   Limits
	Size     func(string) int // a text's cost in a request; nil means its UTF-8 length
	Limiter  *Limiter         // shared by every call of the provider client
}

// Translate splits texts (see Split), runs call for every batch with at most Limiter.Size() calls
// in flight and returns the translations in input order, blank texts unchanged.
//
// A batch answered with a different number of translations is CodeBadResponse. The first failure
// cancels the batches still running or waiting and is the one returned; later failures caused by
// that cancellation are dropped. A text too large for any request is CodeTooLarge, reported
// before anything is sent.
func (r *Runner) Translate(ctx context.Context, texts []string, call Call) ([]string, error) {
	batches, err := Split(texts, r.Limits, r.Size)
	if err != nil {
		var tl *TooLargeError
		if errors.As(err, &tl) {
			return nil, mthttp.TooLarge(r.Provider, fmt.Errorf("%s: %w", r.Provider, err))
		}
		return nil, err
	}
	out := make([]string, len(texts))
	copy(out, texts) // blank texts stay as they are
	if len(batches) == 0 {
		return out, nil
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
		cancel()
	}
	for _, b := range batches {
		if ctx.Err() != nil {
			break // a batch failed already, or the caller gave up
		}
		if err := r.Limiter.Acquire(ctx); err != nil {
			fail(mthttp.Unavailable(r.Provider, fmt.Errorf("%s: waiting for a request slot: %w", r.Provider, err)))
			break
		}
		wg.Add(1)
		go func(b Batch) {
			defer wg.Done()
			defer r.Limiter.Release()
			res, err := call(ctx, b)
			if err == nil && len(res) != len(b.Texts) {
				err = mthttp.BadResponse(r.Provider, fmt.Errorf("%s: sent %d texts, got %d translations", r.Provider, len(b.Texts), len(res)))
			}
			if err != nil {
				fail(err)
				return
			}
			for k, idx := range b.Indexes {
				out[idx] = res[k]
			}
		}(b)
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	return out, nil
}
