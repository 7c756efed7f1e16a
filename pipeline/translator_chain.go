package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// Fallback returns a Translator that asks each of ts in order until one succeeds. Nil entries are
// skipped; with a single translator that translator is returned as it is.
//
// The rule for moving on: a provider's failure hands the batch to the next provider when another
// provider may well succeed where this one could not:
//
//   - CodeUnsupported: this provider lacks the pair;
//   - CodeAuth (rejected key or used-up quota): this provider is out for now;
//   - CodeUnavailable: this provider is down or timing out;
//   - CodeRateLimited: another provider can serve now instead of waiting;
//   - CodeBadResponse: this provider answered something unusable (an LLM miscounting, say).
//
// Anything else returns at once without trying the others: CodeTooLarge and CodeInvalid describe
// the input, which no provider will like better; errors without a code are treated the same way;
// and a finished ctx stops the chain.
//
// When every provider failed, the error returned is the one most useful to the caller: a rate
// limit if any (the shortest RetryAfter, since waiting that long will help), else an
// unavailability (retrying with backoff may help), else the last provider's error. The other
// providers' failures are kept in the chosen error's text for the logs; its Code, MessageID and
// RetryAfter are those of the chosen provider.
func Fallback(ts ...Translator) Translator {
	var list []Translator
	for _, t := range ts {
		if t != nil {
			list = append(list, t)
		}
	}
	if len(list) == 1 {
		return list[0]
	}
	return &fallback{ts: list}
}

type fallback struct {
	ts []Translator
}

// Name joins the providers' names with "|", as in "google|openai": a chain's output comes from
// one of them.
func (f *fallback) Name() string {
	names := make([]string, len(f.ts))
	for i, t := range f.ts {
		names[i] = t.Name()
	}
	return strings.Join(names, "|")
}

func (f *fallback) Translate(ctx context.Context, req TranslateRequest) ([]string, error) {
	if len(f.ts) == 0 {
		return nil, &Error{Code: CodeUnsupported, MessageID: "error.provider_unsupported_pair",
			Data: map[string]any{"Provider": "none", "Source": string(req.SourceLang), "Target": string(req.TargetLang)},
			Err:  fmt.Errorf("no machine-translation provider for %s→%s", req.SourceLang, req.TargetLang)}
	}
	var failures []error
	for _, t := range f.ts {
		out, err := t.Translate(ctx, req)
		if err == nil {
			return out, nil
		}
		failures = append(failures, fmt.Errorf("%s: %w", t.Name(), err))
		if ctx.Err() != nil || !movesOn(err) {
			return nil, err
		}
	}
	return nil, chainError(failures)
}

// movesOn reports whether a failure hands the work to the next provider.
func movesOn(err error) bool {
	switch ErrorCode(err) {
	case CodeUnsupported, CodeAuth, CodeUnavailable, CodeRateLimited, CodeBadResponse:
		return true
	}
	return false
}

// chainError picks the failure to report when every provider failed (see Fallback) and keeps
// the others in its technical text.
func chainError(failures []error) error {
	pick := -1
	for i, err := range failures {
		var e *Error
		if !errors.As(err, &e) || e.Code != CodeRateLimited {
			continue
		}
		var best *Error
		if pick >= 0 {
			errors.As(failures[pick], &best)
		}
		if best == nil || e.RetryAfter < best.RetryAfter {
			pick = i
		}
	}
	if pick < 0 {
		for i, err := range failures {
			if ErrorCode(err) == CodeUnavailable {
				pick = i
				break
			}
		}
	}
	if pick < 0 {
		pick = len(failures) - 1
	}
	var chosen *Error
	if !errors.As(failures[pick], &chosen) {
		return failures[pick]
	}
	texts := make([]string, len(failures))
	for i, err := range failures {
		texts[i] = err.Error()
	}
	summary := fmt.Errorf("all providers failed: %s: %w", strings.Join(texts, "; "), failures[pick])
	out := *chosen // copy, so the provider's own error is not changed
	out.Err = summary
	return &out
}

// Pivot returns a Translator for pairs a provider lacks: first translates source → via, second
// translates via → target. When the source already is via, only second runs; when the target is
// via, only first runs.
//
// The first leg gets the request's title and surrounding texts as context; the second leg gets
// the intermediate texts only, since the context is not in the via language. Termbase hints are
// pairs of source and target renderings, which neither leg can match against its input, so only
// the do-not-translate entries (kept verbatim in every language) are passed to both legs.
//
// Errors of either leg are returned as they are, so their codes keep steering retries; a first
// leg that answers with the wrong number of texts is CodeBadResponse.
func Pivot(first, second Translator, via Lang) Translator {
	return &pivot{first: first, second: second, via: via}
}

type pivot struct {
	first, second Translator
	via           Lang
}

// Name describes the route, as in "deepl>en>google".
func (p *pivot) Name() string {
	return p.first.Name() + ">" + string(p.via) + ">" + p.second.Name()
}

func (p *pivot) Translate(ctx context.Context, req TranslateRequest) ([]string, error) {
	switch {
	case req.SourceLang == p.via:
		return p.second.Translate(ctx, req)
	case req.TargetLang == p.via:
		return p.first.Translate(ctx, req)
	}
	keep := doNotTranslate(req.Terms)
	leg1 := TranslateRequest{SourceLang: req.SourceLang, TargetLang: p.via, Texts: req.Texts,
		Title: req.Title, Before: req.Before, After: req.After, Terms: keep}
	mid, err := p.first.Translate(ctx, leg1)
	if err != nil {
		return nil, err
	}
	if len(mid) != len(req.Texts) {
		return nil, &Error{Code: CodeBadResponse, MessageID: "error.provider_bad_response",
			Data: map[string]any{"Provider": p.first.Name()},
			Err:  fmt.Errorf("pivot via %s: %s returned %d texts for %d", p.via, p.first.Name(), len(mid), len(req.Texts))}
	}
	leg2 := TranslateRequest{SourceLang: p.via, TargetLang: req.TargetLang, Texts: mid, Terms: keep}
	return p.second.Translate(ctx, leg2)
}

func doNotTranslate(terms []TermHint) []TermHint {
	var out []TermHint
	for _, t := range terms {
		if t.DoNotTranslate {
			out = append(out, TermHint{Source: t.Source, Target: t.Source, DoNotTranslate: true})
		}
	}
	return out
}
