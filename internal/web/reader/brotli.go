package reader

// brotliWindow is the smallest brotli window (a power of two, less brotli's 16 bytes of margin)
// that holds a whole page of n bytes. At quality 9 the default window sets up a hash table of
// 32 MB for every page compressed, which costs far more than compressing a page of a few
// kilobytes (a site rebuild after a publication took a second of CPU, nearly all of it that
// set-up); a window sized to the page finds the same matches, as none can reach farther back
// than the page's start.
func brotliWindow(n int) int {
	w := 10
	for w < 24 && 1<<w-16 < n {
		w++
	}
	return w
}
