package batch

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tilmash/tilmash/pipeline"
)

func TestSplit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		texts   []string
		limits  Limits
		want    [][]int // indexes per batch
		wantErr bool
	}{
		{"no limits", []string{"a", "b", "c"}, Limits{}, [][]int{{0, 1, 2}}, false},
		{"count", []string{"a", "b", "c", "d", "e"}, Limits{MaxTexts: 2}, [][]int{{0, 1}, {2, 3}, {4}}, false},
		{"bytes with overhead", []string{"aaa", "bbb", "ccc"}, Limits{MaxBytes: 8, Overhead: 2}, [][]int{{0, 1}, {2}}, false},
		{"blanks skipped", []string{"", "a", " \n", "b"}, Limits{MaxTexts: 1}, [][]int{{1}, {3}}, false},
		{"all blank", []string{"", " "}, Limits{MaxTexts: 1}, nil, false},
		{"one text too large", []string{"a", strings.Repeat("x", 10)}, Limits{MaxBytes: 8}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Split(tt.texts, tt.limits, nil)
			if tt.wantErr {
				var tl *TooLargeError
				if !errors.As(err, &tl) || tl.Index != 1 {
					t.Fatalf("want TooLargeError for text 1, got %v", err)
				}
				return
			}
			var idx [][]int
			for _, b := range got {
				idx = append(idx, b.Indexes)
			}
			if !reflect.DeepEqual(idx, tt.want) {
				t.Fatalf("got %v, want %v", idx, tt.want)
			}
		})
	}
}

// TestRunnerRunsLimiterSizeBatchesAtOnce: with a limiter of two, two batches are in flight
// together (the test fails if the runner sends them one by one), a third waits until one of them
// ends, and the translations come back in input order.
func TestRunnerRunsLimiterSizeBatchesAtOnce(t *testing.T) {
	t.Parallel()
	r := &Runner{Provider: "p", Limits: Limits{MaxTexts: 1}, Limiter: NewLimiter(2)}
	texts := []string{"a", "b", "c", "d", "e", "f"}
	started := make(chan int, len(texts))
	release := make(chan struct{})
	var releaseOnce sync.Once
	defer releaseOnce.Do(func() { close(release) }) // a failed test lets the batches end
	var inFlight, peak atomic.Int32
	type result struct {
		out []string
		err error
	}
	done := make(chan result, 1)
	go func() {
		out, err := r.Translate(context.Background(), texts, func(ctx context.Context, b Batch) ([]string, error) {
			n := inFlight.Add(1)
			for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
			}
			started <- b.Indexes[0]
			<-release
			inFlight.Add(-1)
			return []string{strings.ToUpper(b.Texts[0])}, nil
		})
		done <- result{out, err}
	}()

	timeout := time.NewTimer(10 * time.Second)
	defer timeout.Stop()
	for range 2 {
		select {
		case <-started:
		case <-timeout.C:
			t.Fatalf("%d batch in flight after 10 s, want 2 at once", inFlight.Load())
		}
	}
	// Both slots are taken: a third batch must not start until a batch ends. A runner that ignores
	// its limiter starts it within microseconds.
	select {
	case i := <-started:
		t.Fatalf("batch %d started with two in flight and a limit of 2", i)
	case <-time.After(100 * time.Millisecond):
	}
	releaseOnce.Do(func() { close(release) })
	res := <-done
	if res.err != nil || strings.Join(res.out, "") != "ABCDEF" {
		t.Fatalf("%q %v", res.out, res.err)
	}
	if peak.Load() != 2 {
		t.Fatalf("at most %d calls in flight, want 2 (the limit)", peak.Load())
	}
}

// TestRunnerReturnsTheFirstError: the first failing batch (here one answered with the wrong
// number of translations, CodeBadResponse) is the error returned; it cancels the batch still
// running, whose own failure from that cancellation is dropped, and no batch after it is sent with
// a live context.
func TestRunnerReturnsTheFirstError(t *testing.T) {
	t.Parallel()
	r := &Runner{Provider: "p", Limits: Limits{MaxTexts: 1}, Limiter: NewLimiter(2)}
	texts := []string{"a", "b", "c", "d", "e", "f"}
	running := make(chan struct{})
	var cancelled atomic.Bool
	var sentAfter atomic.Int32
	_, err := r.Translate(context.Background(), texts, func(ctx context.Context, b Batch) ([]string, error) {
		switch b.Indexes[0] {
		case 0: // still running when batch 1 fails: it ends when cancelled
			close(running)
			select {
			case <-ctx.Done():
				cancelled.Store(true)
				return nil, ctx.Err()
			case <-time.After(10 * time.Second):
				return nil, errors.New("never cancelled")
			}
		case 1:
			<-running
			return []string{"x", "y"}, nil // wrong count
		default:
			if ctx.Err() == nil {
				sentAfter.Add(1)
			}
			return b.Texts, nil
		}
	})
	if pipeline.ErrorCode(err) != pipeline.CodeBadResponse || errors.Is(err, context.Canceled) {
		t.Fatalf("wrong count: want the bad response, not the cancellation it caused; got %v", err)
	}
	if !cancelled.Load() {
		t.Error("the batch running beside the failure was not cancelled")
	}
	if n := sentAfter.Load(); n != 0 {
		t.Errorf("%d batches were sent with a live context after the failure", n)
	}
}
