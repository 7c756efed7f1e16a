package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tilmash/tilmash/pipeline"
)

// fakeProvider stands in for a machine-translation provider: it offers the pairs listed (as
// "en-ru"), prefixes each text with the target language, and logs what it was asked; fail, when
// set, is its answer to everything.
type fakeProvider struct {
	name  string
	pairs string
	fail  *pipeline.Error
}

func (f fakeProvider) Name() string { return f.name }

func (f fakeProvider) Translate(_ context.Context, req pipeline.TranslateRequest) ([]string, error) {
	pair := string(req.SourceLang) + "-" + string(req.TargetLang)
	fmt.Printf("  %s asked %s %q\n", f.name, pair, req.Texts)
	if f.fail != nil {
		return nil, f.fail
	}
	if !strings.Contains(f.pairs, pair) {
		return nil, &pipeline.Error{Code: pipeline.CodeUnsupported, Err: fmt.Errorf("%s lacks %s", f.name, pair)}
	}
	out := make([]string, len(req.Texts))
	for i, t := range req.Texts {
		out[i] = string(req.TargetLang) + ":" + t
	}
	return out, nil
}

// The translate job asks one Translator per language pair; TILMASH_MT_ROUTES builds it from
// providers with Fallback (the next provider takes over when one lacks the pair, is down, out of
// quota, rate-limited or answers nonsense) and Pivot (through a language both legs offer).
func ExampleFallback() {
	ctx := context.Background()
	deepl := fakeProvider{name: "deepl", pairs: "en-ru en-zh ru-en zh-en"}
	google := fakeProvider{name: "google", pairs: "en-kk kk-en en-ru"}

	chain := pipeline.Fallback(deepl, google)
	fmt.Println(chain.Name())
	out, err := chain.Translate(ctx, pipeline.TranslateRequest{SourceLang: "en", TargetLang: "kk", Texts: []string{"Trade grew."}})
	fmt.Println(out, err)

	// Kazakh to Chinese: nobody offers it, but the chain can go through English.
	pivot := pipeline.Pivot(chain, chain, pipeline.English)
	fmt.Println(pivot.Name())
	out, err = pivot.Translate(ctx, pipeline.TranslateRequest{SourceLang: "kk", TargetLang: "zh", Texts: []string{"Сауда өсті."}})
	fmt.Println(out, err)

	// Every provider failed: the error that helps the job most is returned, here the rate limit
	// with its wait, so the job waits instead of failing the edition.
	busy := fakeProvider{name: "deepl", fail: &pipeline.Error{Code: pipeline.CodeRateLimited, RetryAfter: 30 * time.Second}}
	down := fakeProvider{name: "google", fail: &pipeline.Error{Code: pipeline.CodeUnavailable}}
	_, err = pipeline.Fallback(busy, down).Translate(ctx, pipeline.TranslateRequest{SourceLang: "en", TargetLang: "ru", Texts: []string{"Hi."}})
	var e *pipeline.Error
	if errors.As(err, &e) {
		fmt.Println(e.Code, e.RetryAfter)
	}
	// Output:
	// deepl|google
	//   deepl asked en-kk ["Trade grew."]
	//   google asked en-kk ["Trade grew."]
	// [kk:Trade grew.] <nil>
	// deepl|google>en>deepl|google
	//   deepl asked kk-en ["Сауда өсті."]
	//   google asked kk-en ["Сауда өсті."]
	//   deepl asked en-zh ["en:Сауда өсті."]
	// [zh:en:Сауда өсті.] <nil>
	//   deepl asked en-ru ["Hi."]
	//   google asked en-ru ["Hi."]
	// rate_limited 30s
}
