package reader

import (
	"context"
	"runtime"
	"slices"
	"sync"

	"github.com/tilmash/tilmash/internal/sitexport"
	"github.com/tilmash/tilmash/pipeline"
)

// ExportSink receives the pages of an export. Begin is called once, before any page, saying
// whether the export is whole (every page follows) or only the changes. Put may be called from
// several goroutines at once.
type ExportSink interface {
	Begin(full bool) error
	Put(f sitexport.File) error
	Remove(url string) error
}

// ExportResult says what an export did.
type ExportResult struct {
	Generation int64 // the site generation the export holds
	Full       bool  // every page was written
	Written    int   // pages written
	Removed    int   // pages no longer on the site, removed
}

// articleBatch is how many articles a whole export renders per read of version bodies.
const articleBatch = 100

// Export writes the public site to sink as the files a static server needs: every page with its
// compressed copies, the not-found page of each language ("/{lang}/404.html", and "/404.html" in
// English), feeds, the sitemap and the stylesheet. With since, the generation of an earlier
// export in the same place, it writes only the pages changed after it and removes those gone;
// it writes everything when since is 0 or the record of changes does not reach back to it.
// Pages are rendered and compressed a few at a time: memory does not grow with the site.
func (s *Site) Export(ctx context.Context, sink ExportSink, since int64) (ExportResult, error) {
	s.mu.Lock()
	err := s.initTemplates()
	s.mu.Unlock()
	if err != nil {
		return ExportResult{}, err
	}
	if since > 0 {
		// Nothing changed: nothing to read.
		if gen, err := s.store.SiteGeneration(ctx); err != nil || gen == since {
			if err == nil {
				err = sink.Begin(false)
			}
			return ExportResult{Generation: since}, err
		}
	}
	snap, err := s.store.LoadSnapshot(ctx)
	if err != nil {
		return ExportResult{}, err
	}
	ix := newIndex(snap)
	snap.Live = nil // the index holds what it needs
	res := ExportResult{Generation: ix.gen}
	if since > 0 {
		d, err := s.store.SiteChanges(ctx, since, ix.gen)
		if err != nil {
			return res, err
		}
		if past, ok := ix.pastFromChanges(d); ok && d.Complete {
			if err := sink.Begin(false); err != nil || len(d.Changes) == 0 {
				return res, err
			}
			return s.exportPaths(ctx, sink, ix, ix.affected(d, past), res)
		}
	}
	res.Full = true
	if err := sink.Begin(true); err != nil {
		return res, err
	}
	return s.exportAll(ctx, sink, ix, res)
}

// exportPaths renders the given pages and removes those the site no longer has.
func (s *Site) exportPaths(ctx context.Context, sink ExportSink, ix *siteIndex, paths []string, res ExportResult) (ExportResult, error) {
	pool := newCompressPool(ctx, sink)
	r := &renderer{s: s, ix: ix}
	err := func() error {
		for _, p := range paths {
			bp, err := r.render(pool.ctx, p)
			if err != nil {
				return err
			}
			if bp == nil {
				if err := sink.Remove(p); err != nil {
					return err
				}
				res.Removed++
				continue
			}
			if err := pool.send(p, bp); err != nil {
				return err
			}
		}
		return nil
	}()
	res.Written = pool.sent
	return res, pool.wait(err)
}

// compressPool compresses and writes pages on every core while they are rendered.
type compressPool struct {
	ctx    context.Context
	cancel context.CancelFunc
	jobs   chan compressJob
	wg     sync.WaitGroup
	mu     sync.Mutex
	err    error
	sent   int
}

type compressJob struct {
	url  string
	page *builtPage
}

func newCompressPool(ctx context.Context, sink ExportSink) *compressPool {
	p := &compressPool{jobs: make(chan compressJob, 64)}
	p.ctx, p.cancel = context.WithCancel(ctx)
	for range runtime.GOMAXPROCS(0) {
		p.wg.Go(func() {
			for j := range p.jobs {
				if p.ctx.Err() != nil {
					continue
				}
				if err := sink.Put(exportFile(j.url, newCachedPage(j.page))); err != nil {
					p.fail(err)
				}
			}
		})
	}
	return p
}

func (p *compressPool) fail(err error) {
	p.mu.Lock()
	if p.err == nil {
		p.err = err
		p.cancel()
	}
	p.mu.Unlock()
}

func (p *compressPool) send(url string, page *builtPage) error {
	select {
	case p.jobs <- compressJob{url, page}:
		p.sent++
		return nil
	case <-p.ctx.Done():
		return p.ctx.Err()
	}
}

// wait ends the pool and returns the first error: err, or one of the pool's.
func (p *compressPool) wait(err error) error {
	close(p.jobs)
	p.wg.Wait()
	p.cancel()
	if p.err != nil {
		return p.err
	}
	return err
}

func exportFile(url string, p *cachedPage) sitexport.File {
	return sitexport.File{URL: url, Body: p.plain.body, Gzip: p.gz.body, Brotli: p.br.body, ModTime: p.modTime}
}

// exportAll renders every page, compressing and writing on every core.
func (s *Site) exportAll(ctx context.Context, sink ExportSink, ix *siteIndex, res ExportResult) (ExportResult, error) {
	pool := newCompressPool(ctx, sink)
	ctx = pool.ctx
	r := &renderer{s: s, ix: ix}
	send := func(url, key string) error {
		bp, err := r.render(ctx, key)
		if err != nil || bp == nil {
			return err
		}
		return pool.send(url, bp)
	}
	err := func() error {
		for _, p := range s.exportPages(ix) {
			if err := send(p, p); err != nil {
				return err
			}
		}
		for _, l := range pipeline.Languages {
			if err := send("/"+string(l)+"/404.html", notFoundKey(l)); err != nil {
				return err
			}
		}
		if err := send("/404.html", notFoundKey(pipeline.English)); err != nil {
			return err
		}
		ids := make([]int64, 0, len(ix.articles))
		for id := range ix.articles {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for batch := range slices.Chunk(ids, articleBatch) {
			var versions []int64
			for _, id := range batch {
				for _, v := range ix.articles[id].byLang {
					versions = append(versions, v.VersionID)
				}
			}
			bodies, err := s.store.FindVersionHTML(ctx, versions)
			if err != nil {
				return err
			}
			r.bodies = bodies
			for _, id := range batch {
				for _, l := range pipeline.Languages {
					p := articleKey(l, ix.articles[id].slug)
					if err := send(p, p); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}()
	res.Written = pool.sent
	return res, pool.wait(err)
}

// exportPages lists every page but the articles' and the not-found pages.
func (s *Site) exportPages(ix *siteIndex) []string {
	var out []string
	names, _ := s.staticNames()
	for _, n := range names {
		out = append(out, "/static/"+n)
	}
	out = append(out, sitemapIndexKey, sitemapHomeKey)
	parts := make([]int64, 0, len(ix.parts))
	for n := range ix.parts {
		parts = append(parts, n)
	}
	slices.Sort(parts)
	for _, n := range parts {
		out = append(out, sitemapPartKey(n))
	}
	keys := make([]listKey, 0, len(ix.lists))
	for k := range ix.lists {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b listKey) int {
		if a.lang != b.lang {
			return slices.Index(pipeline.Languages, a.lang) - slices.Index(pipeline.Languages, b.lang)
		}
		if a.category < b.category {
			return -1
		}
		if a.category > b.category {
			return 1
		}
		return 0
	})
	for _, l := range pipeline.Languages {
		out = append(out, frontKey(l), feedKey(l))
	}
	for _, k := range keys {
		if k.category != "" {
			out = append(out, categoryKey(k.lang, k.category))
		}
		for n := 1; n <= pages(len(ix.lists[k])); n++ {
			out = append(out, listPageKey(k, n))
		}
	}
	return out
}

// memorySink keeps an export's files in memory.
type memorySink struct {
	mu    sync.Mutex
	files []sitexport.File
}

func (m *memorySink) Put(f sitexport.File) error {
	m.mu.Lock()
	m.files = append(m.files, f)
	m.mu.Unlock()
	return nil
}

func (m *memorySink) Remove(string) error { return nil }

func (m *memorySink) Begin(bool) error { return nil }

// Files builds the whole public site from the current database state, in memory (see Export,
// which writes it without holding it).
func (s *Site) Files(ctx context.Context) ([]sitexport.File, error) {
	var m memorySink
	if _, err := s.Export(ctx, &m, 0); err != nil {
		return nil, err
	}
	return m.files, nil
}
