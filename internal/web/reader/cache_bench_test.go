package reader

import (
	"os"
	"testing"
	"time"
)

// BenchmarkCachePage prepares one changed page of the sample article's size for the cache (its
// gzip and brotli copies), as every rebuild after a publication does for each page that changed:
//
//	go test -run '^$' -bench BenchmarkCachePage -benchmem ./internal/web/reader/
func BenchmarkCachePage(b *testing.B) {
	body, err := os.ReadFile("../../../samples/party-cooperation-china-central-asia.txt")
	if err != nil {
		b.Fatal(err)
	}
	p := &builtPage{status: 200, contentType: "text/html; charset=utf-8", lang: "en", body: body, modTime: time.Now()}
	for b.Loop() {
		newCachedPage(p)
	}
}
