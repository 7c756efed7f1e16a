package batch

import (
	"context"
	"errors"
	"reflect"
	"strings"
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

func TestRunnerConcurrencyAndFirstError(t *testing.T) {
	t.Parallel()
	r := &Runner{Provider: "p", Limits: Limits{MaxTexts: 1}, Limiter: NewLimiter(2)}
	var inFlight, peak atomic.Int32
	texts := []string{"a", "b", "c", "d", "e", "f"}
	out, err := r.Translate(context.Background(), texts, func(ctx context.Context, b Batch) ([]string, error) {
		n := inFlight.Add(1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		time.Sleep(5 * time.Millisecond)
		inFlight.Add(-1)
		return []string{strings.ToUpper(b.Texts[0])}, nil
	})
	if err != nil || strings.Join(out, "") != "ABCDEF" {
		t.Fatalf("%q %v", out, err)
	}
	if peak.Load() > 2 {
		t.Fatalf("%d calls in flight, limit 2", peak.Load())
	}

	_, err = r.Translate(context.Background(), texts, func(ctx context.Context, b Batch) ([]string, error) {
		if b.Indexes[0] == 1 {
			return []string{"x", "y"}, nil // wrong count
		}
		return b.Texts, nil
	})
	if pipeline.ErrorCode(err) != pipeline.CodeBadResponse {
		t.Fatalf("wrong count: want bad response, got %v", err)
	}
}
