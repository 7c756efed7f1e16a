package pipeline

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// MTRoutes says which machine-translation providers serve which target language, and which
// language pairs go through a pivot language. It is parsed from a spec such as
//
//	kk=google,openai;zh=deepl;*=libretranslate;pivot.kk-zh=en
//
// Entries are separated by ";" and are one of:
//
//	<target>=<provider>[,<provider>...]   providers for that target language, tried in order
//	*=<provider>[,<provider>...]          providers for every target without its own entry
//	pivot.<source>-<target>=<via>         translate source → via → target, each leg routed by its
//	                                      own target language
//
// Languages are the site's codes (en, ru, kk, zh), case-insensitive. Provider names are lower
// case letters, digits, "-" and "_"; the special name "none" (alone in its list) means "no
// machine translation" for that target. Spaces around names and empty entries (a trailing ";")
// are ignored.
type MTRoutes struct {
	Targets map[Lang][]string // providers by target language
	Default []string          // the "*" entry; nil when absent
	Pivots  map[LangPair]Lang // via language by pair
}

// LangPair is a translation direction.
type LangPair struct {
	Source Lang
	Target Lang
}

func (p LangPair) String() string { return string(p.Source) + "-" + string(p.Target) }

// ParseMTRoutes parses spec (see MTRoutes). When known is not nil, every provider name must be in
// it (or be "none"). Errors are CodeInvalid with MessageID "error.mt_routes_invalid" and Data
// {"Entry": the offending entry}, and name the entry and the problem in their text.
func ParseMTRoutes(spec string, known []string) (MTRoutes, error) {
	r := MTRoutes{Targets: map[Lang][]string{}, Pivots: map[LangPair]Lang{}}
	for _, raw := range strings.Split(spec, ";") {
		entry := strings.TrimSpace(raw)
		if entry == "" {
			continue
		}
		key, value, ok := strings.Cut(entry, "=")
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if !ok || key == "" {
			return MTRoutes{}, routeError(entry, "expected <target>=<providers>, *=<providers> or pivot.<source>-<target>=<via>")
		}
		if value == "" {
			return MTRoutes{}, routeError(entry, "nothing after \"=\"")
		}
		switch {
		case strings.HasPrefix(strings.ToLower(key), "pivot."):
			if err := r.addPivot(entry, key[len("pivot."):], value); err != nil {
				return MTRoutes{}, err
			}
		case key == "*":
			if r.Default != nil {
				return MTRoutes{}, routeError(entry, "the default \"*\" is given twice")
			}
			names, err := parseProviders(entry, value, known)
			if err != nil {
				return MTRoutes{}, err
			}
			r.Default = names
		default:
			lang, err := ParseLang(key)
			if err != nil {
				return MTRoutes{}, routeError(entry, fmt.Sprintf("unknown target language %q (supported: en, ru, kk, zh)", key))
			}
			if _, dup := r.Targets[lang]; dup {
				return MTRoutes{}, routeError(entry, fmt.Sprintf("target %s is given twice", lang))
			}
			names, err := parseProviders(entry, value, known)
			if err != nil {
				return MTRoutes{}, err
			}
			r.Targets[lang] = names
		}
	}
	return r, nil
}

func (r *MTRoutes) addPivot(entry, pair, via string) error {
	src, tgt, ok := strings.Cut(pair, "-")
	if !ok {
		return routeError(entry, "a pivot is written pivot.<source>-<target>=<via>, as in pivot.kk-zh=en")
	}
	source, err1 := ParseLang(src)
	target, err2 := ParseLang(tgt)
	viaLang, err3 := ParseLang(via)
	for _, c := range []struct {
		err  error
		code string
	}{{err1, src}, {err2, tgt}, {err3, via}} {
		if c.err != nil {
			return routeError(entry, fmt.Sprintf("unknown language %q in pivot (supported: en, ru, kk, zh)", strings.TrimSpace(c.code)))
		}
	}
	if source == target {
		return routeError(entry, "a pivot needs two different languages")
	}
	if viaLang == source || viaLang == target {
		return routeError(entry, "the pivot language must differ from the source and the target")
	}
	p := LangPair{Source: source, Target: target}
	if _, dup := r.Pivots[p]; dup {
		return routeError(entry, fmt.Sprintf("pivot %s is given twice", p))
	}
	r.Pivots[p] = viaLang
	return nil
}

func parseProviders(entry, value string, known []string) ([]string, error) {
	var names []string
	for _, part := range strings.Split(value, ",") {
		name := strings.ToLower(strings.TrimSpace(part))
		if name == "" {
			return nil, routeError(entry, "empty provider name in the list")
		}
		if !validProviderName(name) {
			return nil, routeError(entry, fmt.Sprintf("provider name %q may only hold a-z, 0-9, \"-\" and \"_\"", name))
		}
		if known != nil && name != "none" && !slices.Contains(known, name) {
			return nil, routeError(entry, fmt.Sprintf("unknown provider %q (known: %s)", name, strings.Join(known, ", ")))
		}
		if slices.Contains(names, name) {
			return nil, routeError(entry, fmt.Sprintf("provider %q is listed twice", name))
		}
		names = append(names, name)
	}
	if len(names) > 1 && slices.Contains(names, "none") {
		return nil, routeError(entry, "\"none\" must stand alone")
	}
	return names, nil
}

func validProviderName(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return s != ""
}

func routeError(entry, problem string) *Error {
	return &Error{Code: CodeInvalid, MessageID: "error.mt_routes_invalid", Data: map[string]any{"Entry": entry},
		Err: fmt.Errorf("machine-translation routes: entry %q: %s", entry, problem)}
}

// Providers returns the providers for a target language: its own entry, else the default. An
// empty result, or the single name "none", means no machine translation.
func (r MTRoutes) Providers(target Lang) []string {
	if names, ok := r.Targets[target]; ok {
		return names
	}
	return r.Default
}

// Pivot returns the via language for a pair, if the spec names one.
func (r MTRoutes) Pivot(source, target Lang) (Lang, bool) {
	via, ok := r.Pivots[LangPair{Source: source, Target: target}]
	return via, ok
}

// Names returns every provider the routes mention, "none" excluded, sorted.
func (r MTRoutes) Names() []string {
	seen := map[string]bool{}
	add := func(names []string) {
		for _, n := range names {
			if n != "none" {
				seen[n] = true
			}
		}
	}
	add(r.Default)
	for _, names := range r.Targets {
		add(names)
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// String renders the routes in canonical spec form: targets in site order, then "*", then pivots
// sorted. Parsing the result gives equal routes.
func (r MTRoutes) String() string {
	var parts []string
	for _, l := range Languages {
		if names, ok := r.Targets[l]; ok {
			parts = append(parts, string(l)+"="+strings.Join(names, ","))
		}
	}
	if r.Default != nil {
		parts = append(parts, "*="+strings.Join(r.Default, ","))
	}
	pairs := make([]LangPair, 0, len(r.Pivots))
	for p := range r.Pivots {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].String() < pairs[j].String() })
	for _, p := range pairs {
		parts = append(parts, "pivot."+p.String()+"="+string(r.Pivots[p]))
	}
	return strings.Join(parts, ";")
}
