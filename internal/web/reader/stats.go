package reader

// CacheSize reports the pages the site holds in memory and their weight in bytes (bodies in every
// encoding, plus headers), for a metrics scrape. Pages kept as files on disk are not counted.
func (s *Site) CacheSize() (pages int, bytes int64) {
	st := s.CacheStats()
	return st.Pages, int64(st.Bytes)
}
