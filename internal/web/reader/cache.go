package reader

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// Published pages are served from a page cache: an in-memory cache bounded by bytes
// (Config.CacheBytes) in front of a directory of the same pages, compressed (Config.CacheDir).
// A page is rendered and compressed (gzip and brotli) once after each change that touches it,
// when it is first asked for; a page evicted from memory is read back from its file. Requests
// for a page in memory cost a lookup and a write, with headers prepared in advance.

// Compression levels: brotli above 6 costs several times the time for a few percent.
const (
	gzipLevel   = gzip.BestCompression
	brotliLevel = 6
	// brotliWindow is the encoder's window (2^18 bytes): larger than a page, and far smaller to
	// hold than the default.
	brotliWindow = 18
)

// cachedPage is one page ready to send.
type cachedPage struct {
	status  int
	lang    pipeline.Lang
	html    bool
	etag    string // quoted, for the identity body; gzip and brotli add a suffix
	modTime time.Time
	// The three encodings, each with its prepared header values.
	plain, gz, br variant
}

type variant struct {
	body    []byte
	headers http.Header // complete response headers but for Set-Cookie
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

// Compressors are reused: a brotli encoder's state is large to allocate for every page.
var (
	gzipWriters   = sync.Pool{New: func() any { w, _ := gzip.NewWriterLevel(io.Discard, gzipLevel); return w }}
	brotliWriters = sync.Pool{New: func() any {
		return brotli.NewWriterOptions(io.Discard, brotli.WriterOptions{Quality: brotliLevel, LGWin: brotliWindow})
	}}
)

// newCachedPage compresses a rendered page.
func newCachedPage(p *builtPage) *cachedPage {
	sum := sha256.Sum256(p.body)
	var gz, br []byte
	if len(p.body) > 512 {
		var buf bytes.Buffer
		buf.Grow(len(p.body) / 3)
		zw := gzipWriters.Get().(*gzip.Writer)
		zw.Reset(&buf)
		zw.Write(p.body) //nolint:errcheck // writes to memory
		zw.Close()       //nolint:errcheck // writes to memory
		zw.Reset(io.Discard)
		gzipWriters.Put(zw)
		gz = buf.Bytes()
		var bbuf bytes.Buffer
		bbuf.Grow(len(p.body) / 4)
		bw := brotliWriters.Get().(*brotli.Writer)
		bw.Reset(&bbuf)
		bw.Write(p.body) //nolint:errcheck // writes to memory
		bw.Close()       //nolint:errcheck // writes to memory
		bw.Reset(io.Discard)
		brotliWriters.Put(bw)
		br = bbuf.Bytes()
	}
	return assemblePage(p.status, p.contentType, p.lang, p.modTime, `"`+hex.EncodeToString(sum[:12])+`"`, p.body, gz, br)
}

// assemblePage prepares a page's three encodings with their headers.
func assemblePage(status int, contentType string, lang pipeline.Lang, mod time.Time, etag string, plain, gz, br []byte) *cachedPage {
	c := &cachedPage{status: status, lang: lang, modTime: mod, etag: etag, html: strings.HasPrefix(contentType, "text/html")}
	c.plain = c.variant(contentType, plain, nil, "")
	if br != nil {
		c.gz = c.variant(contentType, gz, hdrGzip, "-gz")
		c.br = c.variant(contentType, br, hdrBrotli, "-br")
	}
	return c
}

// weight is what a page costs the memory cache, in bytes.
func (c *cachedPage) weight() uint32 {
	return uint32(min(len(c.plain.body)+len(c.gz.body)+len(c.br.body)+1024, 1<<31))
}

func (c *cachedPage) variant(contentType string, body []byte, encoding []string, etagSuffix string) variant {
	h := http.Header{
		"Content-Type":            {contentType},
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
	if c.html || strings.HasPrefix(contentType, "application/") {
		h["Cache-Control"] = hdrNoCache // revalidate: publication changes must show at once
	} else {
		h["Cache-Control"] = hdrStaticCache
	}
	if c.lang != "" {
		h["Content-Language"] = []string{string(c.lang)}
	}
	if encoding != nil {
		h["Content-Encoding"] = encoding
	}
	return variant{body: body, headers: h}
}

// initTemplates parses the templates on first use; s.mu is held.
func (s *Site) initTemplates() error {
	if s.pages != nil {
		return nil
	}
	t, err := s.readerTemplates()
	if err != nil {
		return err
	}
	s.pages, s.started = t, time.Now()
	return nil
}

// refreshSite brings the index to the database's generation: the changes since the index's
// generation are applied and only the pages they touch are dropped from the cache; without an
// index, with force, or when the record of changes does not reach back to the index, the index is
// read whole (titles and dates only) and the cache emptied. No page is rendered here.
func (s *Site) refreshSite(ctx context.Context, force bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.initTemplates(); err != nil {
		return err
	}
	start := time.Now()
	if ix := s.ix; ix != nil && !force {
		gen, err := s.store.SiteGeneration(ctx)
		if err != nil {
			return err
		}
		if gen == ix.gen {
			return nil
		}
		d, err := s.store.SiteChanges(ctx, ix.gen, 0)
		if err != nil {
			return err
		}
		if d.Complete {
			s.ixMu.Lock()
			changed := ix.apply(d)
			for _, p := range changed {
				s.evict(p)
			}
			s.ixMu.Unlock()
			s.updated(d.Generation, len(changed), time.Since(start))
			return nil
		}
	}
	snap, err := s.store.LoadSnapshot(ctx)
	if err != nil {
		return err
	}
	next := newIndex(snap)
	s.ixMu.Lock()
	s.ix = next
	s.mem.InvalidateAll()
	s.prepareFiles()
	s.ixMu.Unlock()
	s.loaded.Store(true)
	s.updated(next.gen, -1, time.Since(start))
	return nil
}

func (s *Site) updated(gen int64, pages int, took time.Duration) {
	if s.onUpdate != nil {
		s.onUpdate(Update{Generation: gen, Pages: pages, Took: took})
	}
}

// Update describes one update of the reader's index, for metrics: Pages is how many pages it
// dropped from the cache (-1 for a whole rebuild, which drops them all).
type Update struct {
	Generation int64
	Pages      int
	Took       time.Duration
}

// CacheStats is the state of the page cache.
type CacheStats struct {
	Pages      int    // pages in memory
	Bytes      uint64 // their weight: bodies in all encodings, plus headers
	LimitBytes uint64
	Generation int64
}

// CacheStats reports the page cache's size, for metrics.
func (s *Site) CacheStats() CacheStats {
	st := CacheStats{Pages: s.mem.EstimatedSize(), Bytes: s.mem.WeightedSize(), LimitBytes: s.mem.GetMaximum()}
	s.ixMu.RLock()
	if s.ix != nil {
		st.Generation = s.ix.gen
	}
	s.ixMu.RUnlock()
	return st
}

// Watch keeps the site in step with the database until ctx ends or the site is closed: it
// applies every change notification, from any process, and checks every few seconds in case one
// was lost.
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
				s.Logger.ErrorContext(ctx, "site update failed", "error", err)
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

// ready makes sure the index is loaded and current. After a change notification, requests wait
// for the update (or do it) rather than serve the old site. Without a watcher (a server started
// without Watch), it checks the generation at most once a second, in the background.
func (s *Site) ready(ctx context.Context) error {
	if !s.loaded.Load() || s.stale.Load() {
		return s.refreshSite(ctx, false)
	}
	if !s.watched.Load() {
		now := time.Now().UnixNano()
		last := s.lastTry.Load()
		if now-last > int64(time.Second) && s.lastTry.CompareAndSwap(last, now) {
			s.background(func(stop context.Context) {
				if err := s.refreshSite(stop, false); err != nil && stop.Err() == nil {
					s.Logger.Error("site update failed", "error", err)
				}
			})
		}
	}
	return nil
}

// page returns the page at path from memory, from its file, or rendered now (once, however many
// requests ask at the same time); nil when the site has no such page. Rendering holds the index
// for reading, so an update, which holds it for writing, never drops a page while an older
// rendering of it is about to be stored.
func (s *Site) page(ctx context.Context, path string) (*cachedPage, error) {
	if p, ok := s.mem.GetIfPresent(path); ok {
		return p, nil
	}
	s.ixMu.RLock()
	defer s.ixMu.RUnlock()
	v, err, _ := s.loads.Do(path, func() (any, error) {
		if p, ok := s.mem.GetIfPresent(path); ok {
			return p, nil
		}
		if p := s.readFile(path); p != nil {
			s.mem.Set(path, p)
			return p, nil
		}
		bp, err := (&renderer{s: s, ix: s.ix}).render(context.WithoutCancel(ctx), path)
		if err != nil || bp == nil {
			return (*cachedPage)(nil), err
		}
		p := newCachedPage(bp)
		s.writeFile(path, p)
		s.mem.Set(path, p)
		return p, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*cachedPage), nil
}

// evict drops a page from memory and from its file; the index is held for writing.
func (s *Site) evict(path string) {
	s.mem.Invalidate(path)
	s.removeFile(path)
}

// ServePublished answers GET and HEAD for every page of the public site from the page cache,
// before any other routing; everything else goes on to next.
func (s *Site) ServePublished(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		if err := s.ready(r.Context()); err != nil {
			s.Logger.ErrorContext(r.Context(), "site unavailable", "error", err)
			next.ServeHTTP(w, r)
			return
		}
		p, err := s.page(r.Context(), r.URL.Path)
		if err != nil {
			s.Logger.ErrorContext(r.Context(), "page unavailable", "path", r.URL.Path, "error", err)
		}
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
