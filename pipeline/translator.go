package pipeline

import "context"

// TermHint is a termbase entry found in the texts of a batch, with its approved rendering in the
// target language, for providers that can use it (glossaries, prompts).
type TermHint struct {
	Source         string
	Target         string
	DoNotTranslate bool
}

// TranslateRequest is a batch of segment texts in one language pair.
type TranslateRequest struct {
	SourceLang Lang
	TargetLang Lang
	Texts      []string
	// Context, for providers that can use it: the article's title, the texts just before and after
	// the batch, and the termbase entries found in it.
	Title  string
	Before []string
	After  []string
	Terms  []TermHint
}

// Translator turns a batch of texts into the same number of translations, in the same order.
//
// Implementations split the batch as their service requires, and report failures as *Error with
// CodeRateLimited (with RetryAfter), CodeUnavailable, CodeAuth, CodeUnsupported or
// CodeBadResponse, so that the translate job knows whether to wait, retry or give up. An error
// must never contain credentials.
type Translator interface {
	// Name identifies the provider in origins ("mt:<name>") and usage counts.
	Name() string
	Translate(ctx context.Context, req TranslateRequest) ([]string, error)
}
