package mt

import (
	"fmt"
	"sort"
	"strings"

	"github.com/tilmash/tilmash/pipeline"
)

// Router picks the translator for a language pair from the configured routes. The zero Router
// has no providers and answers nil, false for every pair. A Router is immutable and safe for
// concurrent use; the translators it returns share the providers' clients, and with them their
// concurrency limits and caches.
type Router struct {
	routes    pipeline.MTRoutes
	providers map[string]pipeline.Translator
}

// For returns the translator for source → target: a pivot when the routes name one for the pair
// (each leg routed by its own target), otherwise the target's providers as a pipeline.Fallback
// chain. It returns nil, false when machine translation is off for the pair (provider "none", no
// route, or source equal to target).
func (r Router) For(source, target pipeline.Lang) (pipeline.Translator, bool) {
	if source == target || len(r.providers) == 0 {
		return nil, false
	}
	if via, ok := r.routes.Pivot(source, target); ok {
		first, ok1 := r.chain(via)
		second, ok2 := r.chain(target)
		if ok1 && ok2 {
			return pipeline.Pivot(first, second, via), true
		}
	}
	return r.chain(target)
}

func (r Router) chain(target pipeline.Lang) (pipeline.Translator, bool) {
	var ts []pipeline.Translator
	for _, name := range r.routes.Providers(target) {
		if t, ok := r.providers[name]; ok {
			ts = append(ts, t)
		}
	}
	if len(ts) == 0 {
		return nil, false
	}
	return pipeline.Fallback(ts...), true
}

// Provider returns a built provider by name, for callers that need more than Translate (such as
// deepl.Client's EnsureGlossary).
func (r Router) Provider(name string) (pipeline.Translator, bool) {
	t, ok := r.providers[name]
	return t, ok
}

// String describes the routes and the built providers for start-up logs; it holds no keys.
func (r Router) String() string {
	if len(r.providers) == 0 {
		return "machine translation off"
	}
	names := make([]string, 0, len(r.providers))
	for n, t := range r.providers {
		if s, ok := t.(fmt.Stringer); ok {
			names = append(names, s.String())
		} else {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return "routes " + r.routes.String() + "; providers " + strings.Join(names, ", ")
}

// Wrap returns the router with every provider passed through wrap (to count its calls, say),
// before routes chain them: each wrapped translator stands for one provider under its own name.
// Provider returns the wrapped translators too.
func (r Router) Wrap(wrap func(pipeline.Translator) pipeline.Translator) Router {
	if wrap == nil || len(r.providers) == 0 {
		return r
	}
	wrapped := make(map[string]pipeline.Translator, len(r.providers))
	for name, t := range r.providers {
		wrapped[name] = wrap(t)
	}
	return Router{routes: r.routes, providers: wrapped}
}
