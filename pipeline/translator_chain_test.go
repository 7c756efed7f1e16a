package pipeline

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// stubTranslator answers with a fixed error, or with its name prefixed to every text.
type stubTranslator struct {
	name  string
	err   error
	calls atomic.Int32
	seen  []TranslateRequest
}

func (s *stubTranslator) Name() string { return s.name }

func (s *stubTranslator) Translate(_ context.Context, req TranslateRequest) ([]string, error) {
	s.calls.Add(1)
	s.seen = append(s.seen, req)
	if s.err != nil {
		return nil, s.err
	}
	out := make([]string, len(req.Texts))
	for i, t := range req.Texts {
		out[i] = s.name + ":" + string(req.TargetLang) + ":" + t
	}
	return out, nil
}

func codeErr(code Code, retry time.Duration) error {
	return &Error{Code: code, MessageID: "error.x", RetryAfter: retry, Err: errors.New(string(code))}
}

func TestFallback(t *testing.T) {
	t.Parallel()
	req := TranslateRequest{SourceLang: English, TargetLang: Kazakh, Texts: []string{"a", "b"}}
	tests := []struct {
		name       string
		errs       []error // one per provider; nil means it succeeds
		wantFrom   string  // provider whose output is returned
		wantCode   Code
		wantRetry  time.Duration
		wantCalled []int32
	}{
		{"first succeeds", []error{nil, nil}, "p0", "", 0, []int32{1, 0}},
		{"unsupported moves on", []error{codeErr(CodeUnsupported, 0), nil}, "p1", "", 0, []int32{1, 1}},
		{"auth moves on", []error{codeErr(CodeAuth, 0), nil}, "p1", "", 0, []int32{1, 1}},
		{"unavailable moves on", []error{codeErr(CodeUnavailable, 0), nil}, "p1", "", 0, []int32{1, 1}},
		{"rate limit moves on", []error{codeErr(CodeRateLimited, 5*time.Second), nil}, "p1", "", 0, []int32{1, 1}},
		{"bad response moves on", []error{codeErr(CodeBadResponse, 0), nil}, "p1", "", 0, []int32{1, 1}},
		{"too large stops", []error{codeErr(CodeTooLarge, 0), nil}, "", CodeTooLarge, 0, []int32{1, 0}},
		{"plain error stops", []error{errors.New("boom"), nil}, "", "", 0, []int32{1, 0}},
		{"all fail: shortest rate limit wins", []error{codeErr(CodeRateLimited, 40*time.Second), codeErr(CodeUnavailable, 0), codeErr(CodeRateLimited, 10*time.Second)}, "", CodeRateLimited, 10 * time.Second, []int32{1, 1, 1}},
		{"all fail: unavailable before auth", []error{codeErr(CodeAuth, 0), codeErr(CodeUnavailable, 0)}, "", CodeUnavailable, 0, []int32{1, 1}},
		{"all fail: last permanent error", []error{codeErr(CodeAuth, 0), codeErr(CodeUnsupported, 0)}, "", CodeUnsupported, 0, []int32{1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var ts []Translator
			var stubs []*stubTranslator
			for i, err := range tt.errs {
				s := &stubTranslator{name: "p" + string(rune('0'+i)), err: err}
				stubs = append(stubs, s)
				ts = append(ts, s)
			}
			out, err := Fallback(ts...).Translate(context.Background(), req)
			for i, s := range stubs {
				if got := s.calls.Load(); got != tt.wantCalled[i] {
					t.Errorf("provider %d called %d times, want %d", i, got, tt.wantCalled[i])
				}
			}
			if tt.wantFrom != "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if want := tt.wantFrom + ":kk:a"; out[0] != want {
					t.Fatalf("out[0] = %q, want %q", out[0], want)
				}
				return
			}
			if err == nil {
				t.Fatal("expected an error")
			}
			if got := ErrorCode(err); got != tt.wantCode {
				t.Fatalf("code = %q, want %q (%v)", got, tt.wantCode, err)
			}
			var e *Error
			if errors.As(err, &e) && e.RetryAfter != tt.wantRetry {
				t.Fatalf("RetryAfter = %v, want %v", e.RetryAfter, tt.wantRetry)
			}
		})
	}
}

func TestFallbackKeepsProviderErrorsUnchanged(t *testing.T) {
	t.Parallel()
	orig := &Error{Code: CodeRateLimited, MessageID: "error.x", RetryAfter: time.Second, Err: errors.New("slow down")}
	_, err := Fallback(&stubTranslator{name: "a", err: orig}, &stubTranslator{name: "b", err: codeErr(CodeAuth, 0)}).
		Translate(context.Background(), TranslateRequest{Texts: []string{"x"}})
	if err == nil || !strings.Contains(err.Error(), "a: slow down") || !strings.Contains(err.Error(), "b: auth") {
		t.Fatalf("error should name both failures, got %v", err)
	}
	if orig.Err.Error() != "slow down" {
		t.Fatalf("the provider's own error was modified: %v", orig.Err)
	}
}

func TestFallbackStopsOnCancelledContext(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	second := &stubTranslator{name: "b"}
	_, err := Fallback(&stubTranslator{name: "a", err: codeErr(CodeUnavailable, 0)}, second).
		Translate(ctx, TranslateRequest{Texts: []string{"x"}})
	if err == nil || second.calls.Load() != 0 {
		t.Fatalf("a cancelled context must stop the chain (err %v, second called %d)", err, second.calls.Load())
	}
}

func TestFallbackShapes(t *testing.T) {
	t.Parallel()
	one := &stubTranslator{name: "solo"}
	if got := Fallback(nil, one, nil); got != Translator(one) {
		t.Fatalf("a single translator should be returned as is, got %T", got)
	}
	if got := Fallback(&stubTranslator{name: "a"}, &stubTranslator{name: "b"}).Name(); got != "a|b" {
		t.Fatalf("Name() = %q", got)
	}
	_, err := Fallback().Translate(context.Background(), TranslateRequest{SourceLang: English, TargetLang: Kazakh})
	if ErrorCode(err) != CodeUnsupported {
		t.Fatalf("an empty chain should be unsupported, got %v", err)
	}
}

func TestPivot(t *testing.T) {
	t.Parallel()
	terms := []TermHint{{Source: "Astana", Target: "Астана"}, {Source: "BRI", Target: "BRI", DoNotTranslate: true}}
	tests := []struct {
		name        string
		source      Lang
		target      Lang
		want        string
		firstCalls  int32
		secondCalls int32
	}{
		{"two legs", Kazakh, Chinese, "second:zh:first:en:x", 1, 1},
		{"source is via", English, Chinese, "second:zh:x", 0, 1},
		{"target is via", Kazakh, English, "first:en:x", 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			first, second := &stubTranslator{name: "first"}, &stubTranslator{name: "second"}
			p := Pivot(first, second, English)
			out, err := p.Translate(context.Background(), TranslateRequest{SourceLang: tt.source, TargetLang: tt.target,
				Texts: []string{"x"}, Title: "T", Before: []string{"b"}, Terms: terms})
			if err != nil {
				t.Fatal(err)
			}
			if out[0] != tt.want {
				t.Fatalf("got %q, want %q", out[0], tt.want)
			}
			if first.calls.Load() != tt.firstCalls || second.calls.Load() != tt.secondCalls {
				t.Fatalf("calls first=%d second=%d", first.calls.Load(), second.calls.Load())
			}
			if tt.firstCalls == 1 && tt.secondCalls == 1 {
				leg2 := second.seen[0]
				if leg2.SourceLang != English || leg2.Title != "" || len(leg2.Before) != 0 {
					t.Fatalf("second leg should get only the intermediate texts, got %+v", leg2)
				}
				for _, leg := range []TranslateRequest{first.seen[0], leg2} {
					if len(leg.Terms) != 1 || !leg.Terms[0].DoNotTranslate {
						t.Fatalf("legs should carry only do-not-translate terms, got %+v", leg.Terms)
					}
				}
			}
		})
	}
	if got := Pivot(&stubTranslator{name: "deepl"}, &stubTranslator{name: "google"}, English).Name(); got != "deepl>en>google" {
		t.Fatalf("Name() = %q", got)
	}
}

func TestPivotErrors(t *testing.T) {
	t.Parallel()
	_, err := Pivot(&stubTranslator{name: "a", err: codeErr(CodeRateLimited, time.Second)}, &stubTranslator{name: "b"}, English).
		Translate(context.Background(), TranslateRequest{SourceLang: Kazakh, TargetLang: Chinese, Texts: []string{"x"}})
	if ErrorCode(err) != CodeRateLimited {
		t.Fatalf("a leg's error code must pass through, got %v", err)
	}
	_, err = Pivot(shortTranslator{}, &stubTranslator{name: "b"}, English).
		Translate(context.Background(), TranslateRequest{SourceLang: Kazakh, TargetLang: Chinese, Texts: []string{"x", "y"}})
	if ErrorCode(err) != CodeBadResponse {
		t.Fatalf("a short first leg must be a bad response, got %v", err)
	}
}

type shortTranslator struct{}

func (shortTranslator) Name() string { return "short" }
func (shortTranslator) Translate(context.Context, TranslateRequest) ([]string, error) {
	return []string{"only one"}, nil
}
