// Package logging builds the program's one slog handler: text or JSON at a chosen level, with the
// attributes of the request or job at hand added to every record (With), and secrets removed
// from every record whatever the caller passed (a password, a token, an API key, the password of
// a database URL).
package logging

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"strings"
)

// Options choose the handler: Format is "text" (the default) or "json", Level is "debug",
// "info" (the default), "warn" or "error".
type Options struct {
	Format string
	Level  string
}

// New returns a logger writing to w as opts say. An unknown format or level is an error, so that
// a misspelt setting is reported at start rather than silently ignored.
func New(w io.Writer, opts Options) (*slog.Logger, error) {
	h, err := NewHandler(w, opts)
	if err != nil {
		return nil, err
	}
	return slog.New(h), nil
}

// NewHandler is New's handler, for libraries that take one (River, the HTTP server's error log).
func NewHandler(w io.Writer, opts Options) (slog.Handler, error) {
	var level slog.Level
	switch strings.ToLower(strings.TrimSpace(opts.Level)) {
	case "", "info":
		level = slog.LevelInfo
	case "debug":
		level = slog.LevelDebug
	case "warn", "warning":
		level = slog.LevelWarn
	case "error":
		level = slog.LevelError
	default:
		return nil, fmt.Errorf("log level %q is not one of debug, info, warn, error", opts.Level)
	}
	ho := &slog.HandlerOptions{Level: level, ReplaceAttr: redactAttr}
	var h slog.Handler
	switch strings.ToLower(strings.TrimSpace(opts.Format)) {
	case "", "text":
		h = slog.NewTextHandler(w, ho)
	case "json":
		h = slog.NewJSONHandler(w, ho)
	default:
		return nil, fmt.Errorf("log format %q is not one of text, json", opts.Format)
	}
	return Wrap(h), nil
}

// Wrap adds the context's attributes (see With) to every record h handles. A handler that is
// already wrapped is returned as it is.
func Wrap(h slog.Handler) slog.Handler {
	if _, ok := h.(contextHandler); ok {
		return h
	}
	return contextHandler{h}
}

type ctxKey struct{}

// A Scope names the work at hand in every log record written for it: a request, say. It is
// asked for its attributes only when a record is written, so that work which logs nothing pays
// for nothing.
type Scope interface{ LogAttrs() []slog.Attr }

// WithScope returns a context whose log records carry the scope's attributes (replacing any the
// context carried before). ScopeOf finds the scope again.
func WithScope(ctx context.Context, s Scope) context.Context {
	return context.WithValue(ctx, ctxKey{}, s)
}

// ScopeOf returns the scope WithScope put into ctx, or nil.
func ScopeOf(ctx context.Context) Scope {
	s, _ := ctx.Value(ctxKey{}).(Scope)
	return s
}

// With returns a context whose log records carry attrs, after those ctx already carries: a
// request's id, a job's id, kind and attempt. Records logged with the *Context methods of a
// logger built here get them.
func With(ctx context.Context, attrs ...slog.Attr) context.Context {
	prev := Attrs(ctx)
	all := make([]slog.Attr, 0, len(prev)+len(attrs))
	all = append(append(all, prev...), attrs...)
	return context.WithValue(ctx, ctxKey{}, all)
}

// Attrs returns the attributes ctx carries for log records (With, WithScope).
func Attrs(ctx context.Context) []slog.Attr {
	switch v := ctx.Value(ctxKey{}).(type) {
	case []slog.Attr:
		return v
	case Scope:
		return v.LogAttrs()
	}
	return nil
}

type contextHandler struct{ slog.Handler }

func (h contextHandler) Handle(ctx context.Context, r slog.Record) error {
	if ctx != nil {
		if attrs := Attrs(ctx); len(attrs) > 0 {
			r = r.Clone()
			r.AddAttrs(attrs...)
		}
	}
	return h.Handler.Handle(ctx, r)
}

func (h contextHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return contextHandler{h.Handler.WithAttrs(attrs)}
}

func (h contextHandler) WithGroup(name string) slog.Handler {
	return contextHandler{h.Handler.WithGroup(name)}
}

// Redacted replaces a secret in the output.
const Redacted = "[redacted]"

// secretKey matches attribute keys whose values are secrets whatever they hold: "password",
// "session_token", "DEEPL_AUTH_KEY", but not "tokens" (a count).
var secretKey = regexp.MustCompile(`(?i)(^|[_.-])(pass(word|wd)?|secret|token|api[_-]?key|auth[_-]?key|authorization|cookie|credentials?|private[_-]?key)$`)

// Secrets inside free text: the password of a URL's user information, a bearer token, and a
// secret in a query string or a key=value list (PostgreSQL connection strings included).
var (
	urlPassword  = regexp.MustCompile(`([a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s]*:)[^@\s/]+@`)
	bearer       = regexp.MustCompile(`(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+`)
	secretParams = regexp.MustCompile(`(?i)\b((?:pass(?:word|wd)?|secret|token|api[_-]?key|auth[_-]?key|key|access_token|sslpassword)=)[^&\s'"]+`)
)

// RedactText removes the secrets free text may hold: a URL's password, a bearer token, a secret
// query parameter or connection-string setting.
func RedactText(s string) string {
	if !strings.ContainsAny(s, "@=") && !strings.Contains(strings.ToLower(s), "bearer") && !strings.Contains(strings.ToLower(s), "basic") {
		return s
	}
	s = urlPassword.ReplaceAllString(s, "${1}"+Redacted+"@")
	s = bearer.ReplaceAllString(s, "${1} "+Redacted)
	return secretParams.ReplaceAllString(s, "${1}"+Redacted)
}

// redactAttr is the handlers' ReplaceAttr: a secret key's value goes, and text values (the
// message and errors included) lose the secrets they hold.
func redactAttr(_ []string, a slog.Attr) slog.Attr {
	if a.Key != slog.MessageKey && secretKey.MatchString(a.Key) && a.Value.Kind() != slog.KindGroup {
		return slog.String(a.Key, Redacted)
	}
	switch a.Value.Kind() {
	case slog.KindString:
		if s := a.Value.String(); s != "" {
			if r := RedactText(s); r != s {
				return slog.String(a.Key, r)
			}
		}
	case slog.KindAny:
		switch v := a.Value.Any().(type) {
		case error:
			return slog.String(a.Key, RedactText(v.Error()))
		case fmt.Stringer:
			return slog.String(a.Key, RedactText(v.String()))
		case []string:
			out := make([]string, len(v))
			for i, s := range v {
				out[i] = RedactText(s)
			}
			return slog.Any(a.Key, out)
		}
	}
	return a
}

// AtLeast passes on only the records of h at min or above, for a library that speaks more than
// the program wants to hear (River's informational lines).
func AtLeast(h slog.Handler, min slog.Level) slog.Handler { return levelFloor{h, min} }

type levelFloor struct {
	slog.Handler
	min slog.Level
}

func (l levelFloor) Enabled(ctx context.Context, level slog.Level) bool {
	return level >= l.min && l.Handler.Enabled(ctx, level)
}

func (l levelFloor) WithAttrs(attrs []slog.Attr) slog.Handler {
	return levelFloor{l.Handler.WithAttrs(attrs), l.min}
}

func (l levelFloor) WithGroup(name string) slog.Handler {
	return levelFloor{l.Handler.WithGroup(name), l.min}
}
