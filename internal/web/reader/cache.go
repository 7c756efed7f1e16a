package reader

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/tilmash/tilmash/internal/sitexport"
	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// Published pages are served from memory. Each page is rendered and compressed (gzip and brotli)
// once per site generation, and a page whose bytes did not change between generations keeps its
// compressed copies, ETag and Last-Modified. Requests then cost a map lookup and a write, with
// headers prepared in advance.

// cachedPage is one page ready to send.
type cachedPage struct {
	status  int
	lang    pipeline.Lang
	html    bool
	etag    string // quoted, for the identity body; gzip and brotli add a suffix
	modTime time.Time
	// The three encodings, each with its prepared header values.
	plain, gz, br variant
	sum           [32]byte
}

type variant struct {
	body    []byte
	headers http.Header // complete response headers but for Set-Cookie
}

// siteCache is one generation of the site, immutable once built.
type siteCache struct {
	gen      int64
	pages    map[string]*cachedPage
	notFound map[pipeline.Lang]*cachedPage
}

// Common header values, allocated once.
var (
	hdrVary         = []string{"Accept-Encoding"}
	hdrNoCache      = []string{"no-cache"}
	hdrStaticCache  = []string{"public, max-age=3600"}
	hdrGzip         = []string{"gzip"}
	hdrBrotli       = []string{"br"}
	hdrNosniff      = []string{"nosniff"}
	hdrReferrer     = []string{"strict-origin-when-cross-origin"}
	hdrFrameDeny    = []string{"DENY"}
	hdrCSP          = []string{"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"}
	hdrAcceptRanges = []string{"none"}
)

// newCachedPage compresses a built page, or reuses prev's work when the bytes are the same.
func newCachedPage(p *builtPage, prev *cachedPage, gen time.Time) *cachedPage {
	sum := sha256.Sum256(p.body)
	if prev != nil && prev.sum == sum && prev.status == p.status {
		return prev
	}
	c := &cachedPage{status: p.status, lang: p.lang, sum: sum, modTime: p.modTime,
		html: strings.HasPrefix(p.contentType, "text/html")}
	if c.modTime.IsZero() || gen.After(c.modTime) && prev != nil {
		// The page changed in this generation even if its newest article did not (a switcher, say).
		c.modTime = gen
	}
	c.etag = `"` + hex.EncodeToString(sum[:12]) + `"`
	c.plain = c.variant(p, p.body, nil, "")
	if len(p.body) > 512 {
		var gz bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		zw.Write(p.body) //nolint:errcheck // writes to memory
		zw.Close()       //nolint:errcheck // writes to memory
		var br bytes.Buffer
		bw := brotli.NewWriterOptions(&br, brotli.WriterOptions{Quality: 9, LGWin: brotliWindow(len(p.body))})
		bw.Write(p.body) //nolint:errcheck // writes to memory
		bw.Close()       //nolint:errcheck // writes to memory
		c.gz = c.variant(p, gz.Bytes(), hdrGzip, "-gz")
		c.br = c.variant(p, br.Bytes(), hdrBrotli, "-br")
	}
	return c
}

func (c *cachedPage) variant(p *builtPage, body []byte, encoding []string, etagSuffix string) variant {
	h := http.Header{
		"Content-Type":            {p.contentType},
		"Content-Length":          {strconv.Itoa(len(body))},
		"Etag":                    {strings.TrimSuffix(c.etag, `"`) + etagSuffix + `"`},
		"Last-Modified":           {c.modTime.UTC().Format(http.TimeFormat)},
		"Vary":                    hdrVary,
		"X-Content-Type-Options":  hdrNosniff,
		"Referrer-Policy":         hdrReferrer,
		"X-Frame-Options":         hdrFrameDeny,
		"Content-Security-Policy": hdrCSP,
		"Accept-Ranges":           hdrAcceptRanges,
	}
	if c.html || strings.HasPrefix(p.contentType, "application/") {
		h["Cache-Control"] = hdrNoCache // revalidate: publication changes must show at once
	} else {
		h["Cache-Control"] = hdrStaticCache
	}
	if p.lang != "" {
		h["Content-Language"] = []string{string(p.lang)}
	}
	if encoding != nil {
		h["Content-Encoding"] = encoding
	}
	return variant{body: body, headers: h}
}

// toCache turns a build into a servable generation, reusing what prev already compressed.
func toCache(b *siteBuild, prev *siteCache) *siteCache {
	c := &siteCache{gen: b.gen, pages: make(map[string]*cachedPage, len(b.pages)), notFound: map[pipeline.Lang]*cachedPage{}}
	for path, p := range b.pages {
		var old *cachedPage
		if prev != nil {
			old = prev.pages[path]
		}
		c.pages[path] = newCachedPage(p, old, b.changed)
	}
	for l, p := range b.notFound {
		var old *cachedPage
		if prev != nil {
			old = prev.notFound[l]
		}
		c.notFound[l] = newCachedPage(p, old, b.changed)
	}
	return c
}

// refreshSite rebuilds the cache when the site's generation has moved on (or force is set).
func (s *Site) refreshSite(ctx context.Context, force bool) error {
	st := s
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.pages == nil {
		t, err := s.readerTemplates()
		if err != nil {
			return err
		}
		st.pages, st.started = t, time.Now()
	}
	cur := st.current.Load()
	if cur != nil && !force {
		gen, err := s.store.SiteGeneration(ctx)
		if err != nil {
			return err
		}
		if gen == cur.gen {
			return nil
		}
	}
	snap, bodies, err := s.loadSite(ctx, st.bodies)
	if err != nil {
		return err
	}
	b, err := s.buildSite(snap, bodies)
	if err != nil {
		return err
	}
	st.current.Store(toCache(b, cur))
	st.bodies = bodies // only the live versions' bodies stay in memory
	return nil
}

// Watch keeps the cached site in step with the database until ctx ends or the site is closed:
// it rebuilds on every change notification, from any process, and checks every few seconds in
// case one was lost.
func (s *Site) Watch(ctx context.Context) {
	s.watched.Store(true)
	started := s.background(func(stop context.Context) {
		defer s.watched.Store(false)
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		defer context.AfterFunc(stop, cancel)()
		s.store.ListenSite(ctx, 5*time.Second, func(notified bool) {
			if notified {
				s.stale.Store(true)
			}
			err := s.refreshSite(ctx, false)
			if err != nil && ctx.Err() == nil {
				s.Logger.ErrorContext(ctx, "site rebuild failed", "error", err)
			}
			if notified && err == nil {
				s.stale.Store(false)
			}
		})
	})
	if !started {
		s.watched.Store(false)
	}
}

// site returns the current generation, building it on first use. Without a watcher (a server
// started without Watch), it checks the generation at most once a second, in the background.
func (s *Site) site(ctx context.Context) (*siteCache, error) {
	c := s.current.Load()
	if c == nil {
		if err := s.refreshSite(ctx, false); err != nil {
			return nil, err
		}
		return s.current.Load(), nil
	}
	if s.stale.Load() {
		// A change was announced: wait for the rebuild (or do it) rather than serve the old site.
		if err := s.refreshSite(ctx, false); err != nil {
			return nil, err
		}
		return s.current.Load(), nil
	}
	if !s.watched.Load() {
		now := time.Now().UnixNano()
		last := s.lastTry.Load()
		if now-last > int64(time.Second) && s.lastTry.CompareAndSwap(last, now) {
			s.background(func(stop context.Context) {
				if err := s.refreshSite(stop, false); err != nil && stop.Err() == nil {
					s.Logger.Error("site rebuild failed", "error", err)
				}
			})
		}
	}
	return c, nil
}

// ServePublished answers GET and HEAD for every page of the public site from memory, before any
// other routing; everything else goes on to next.
func (s *Site) ServePublished(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		c, err := s.site(r.Context())
		if err != nil {
			s.Logger.ErrorContext(r.Context(), "site unavailable", "error", err)
			next.ServeHTTP(w, r)
			return
		}
		p := c.pages[r.URL.Path]
		if p == nil {
			next.ServeHTTP(w, r)
			return
		}
		s.writeCached(w, r, p)
	})
}

// writeCached sends a cached page, honouring conditional requests and Accept-Encoding.
func (s *Site) writeCached(w http.ResponseWriter, r *http.Request, p *cachedPage) {
	v := &p.plain
	if ae := r.Header["Accept-Encoding"]; len(ae) > 0 && p.br.body != nil {
		switch {
		case acceptsEncoding(ae, "br"):
			v = &p.br
		case acceptsEncoding(ae, "gzip"):
			v = &p.gz
		}
	}
	h := w.Header()
	for k, vals := range v.headers {
		h[k] = vals
	}
	if p.html && p.lang != "" && p.status == http.StatusOK {
		rememberLang(w, r, p.lang)
	}
	if p.status == http.StatusOK && notModified(r, p) {
		delete(h, "Content-Length")
		delete(h, "Content-Type")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.WriteHeader(p.status)
	if r.Method != http.MethodHead {
		w.Write(v.body) //nolint:errcheck // the client went away
	}
}

// rememberLang stores the language of the page the reader is on, so that their next visit to /
// comes back to it. The cookie is written only when it would change what / picks: when the
// reader has one for another language, or has none and the browser asks for another language
// than this page's. It runs on every page view, so its header is made once per language.
func rememberLang(w http.ResponseWriter, r *http.Request, lang pipeline.Lang) {
	if len(r.Header["Cookie"]) > 0 {
		if c, err := r.Cookie(kit.LangCookie); err == nil {
			if c.Value == string(lang) {
				return
			}
		} else if kit.AcceptLang(r) == lang {
			return
		}
	} else if kit.AcceptLang(r) == lang {
		return
	}
	secure := 0
	if r.TLS != nil {
		secure = 1
	}
	if v, ok := langCookieHeaders[lang]; ok {
		w.Header()["Set-Cookie"] = v[secure]
	}
}

// langCookieHeaders holds the Set-Cookie header for each language, without and with Secure.
var langCookieHeaders = func() map[pipeline.Lang][2][]string {
	out := map[pipeline.Lang][2][]string{}
	for _, l := range pipeline.Languages {
		var hs [2][]string
		for i, secure := range []bool{false, true} {
			c := &http.Cookie{Name: kit.LangCookie, Value: string(l), Path: "/", MaxAge: 365 * 24 * 3600,
				SameSite: http.SameSiteLaxMode, HttpOnly: true, Secure: secure}
			hs[i] = []string{c.String()}
		}
		out[l] = hs
	}
	return out
}()

// notModified reports whether the client's copy is current: If-None-Match names this page in any
// encoding, or, without If-None-Match, If-Modified-Since is not older than the page.
func notModified(r *http.Request, p *cachedPage) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		base := strings.TrimSuffix(p.etag, `"`)
		for _, t := range strings.Split(inm, ",") {
			t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
			if t == "*" || t == p.etag || t == base+`-gz"` || t == base+`-br"` {
				return true
			}
		}
		return false
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" {
		if t, err := http.ParseTime(ims); err == nil {
			return !p.modTime.Truncate(time.Second).After(t)
		}
	}
	return false
}

// acceptsEncoding reports whether Accept-Encoding lists coding with a q-value above zero.
func acceptsEncoding(headers []string, coding string) bool {
	for _, h := range headers {
		for _, part := range strings.Split(h, ",") {
			name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
			if !strings.EqualFold(strings.TrimSpace(name), coding) {
				continue
			}
			params = strings.ReplaceAll(params, " ", "")
			if q, ok := strings.CutPrefix(params, "q="); ok {
				if f, err := strconv.ParseFloat(q, 64); err == nil && f == 0 {
					return false
				}
			}
			return true
		}
	}
	return false
}

// Files builds the whole public site from the current database state, as the files a static
// server needs: every page with its compressed copies, the not-found page of each language
// ("/{lang}/404.html", and "/404.html" in English), feeds, the sitemap and the stylesheet.
func (s *Site) Files(ctx context.Context) ([]sitexport.File, error) {
	if err := s.refreshSite(ctx, false); err != nil {
		return nil, err
	}
	c := s.current.Load()
	var out []sitexport.File
	add := func(url string, p *cachedPage) {
		out = append(out, sitexport.File{URL: url, Body: p.plain.body, Gzip: p.gz.body, Brotli: p.br.body, ModTime: p.modTime})
	}
	for url, p := range c.pages {
		add(url, p)
	}
	for l, p := range c.notFound {
		add("/"+string(l)+"/404.html", p)
	}
	add("/404.html", c.notFound[pipeline.English])
	return out, nil
}
