package reader

// CacheSize reports what the site holds in memory: its cached pages (not-found pages included)
// and their bodies' bytes in every encoding. It walks the current generation, so it is meant
// for a metrics scrape, not for every request.
func (s *Site) CacheSize() (pages int, bytes int64) {
	c := s.current.Load()
	if c == nil {
		return 0, 0
	}
	count := func(p *cachedPage) {
		pages++
		bytes += int64(len(p.plain.body) + len(p.gz.body) + len(p.br.body))
	}
	for _, p := range c.pages {
		count(p)
	}
	for _, p := range c.notFound {
		count(p)
	}
	return pages, bytes
}
