package interchange_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/internal/interchange"
	"github.com/tilmash/tilmash/internal/postgres"
	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// benchArticle is an English article of n segments, a third with markup.
func benchArticle(b *testing.B, db *postgres.DB, n int) pipeline.Article {
	ss := []sentence{{pipeline.BlockTitle, "Benchmark article", nil}}
	for i := 1; i < n; i++ {
		s := englishArticle[1+i%(len(englishArticle)-1)]
		ss = append(ss, sentence{s.kind, fmt.Sprintf("%s Paragraph %d.", s.text, i), s.inline})
	}
	return newArticle(b, db, pipeline.English, ss)
}

// BenchmarkXLIFFExport exports a 300-segment edition, reading it from the store.
func BenchmarkXLIFFExport(b *testing.B) {
	db := postgrestest.Store(b)
	a := benchArticle(b, db, 300)
	for _, version := range []string{interchange.XLIFF12, interchange.XLIFF21} {
		b.Run(version, func(b *testing.B) {
			var size int
			for b.Loop() {
				var buf bytes.Buffer
				if err := interchange.ExportEdition(context.Background(), db, a.ID, pipeline.Russian, &buf,
					interchange.ExportOptions{Version: version}); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size)/1024, "KB/file")
		})
	}
}

// BenchmarkXLIFFImport imports a 300-segment edition in which every unit changed, with the
// checks run on each text, through the store's segment save.
func BenchmarkXLIFFImport(b *testing.B) {
	db := postgrestest.Store(b)
	ctx := context.Background()
	check := func(u pipeline.CheckUnit) []pipeline.Finding { return checks.Check(u, checks.Options{}) }
	for _, version := range []string{interchange.XLIFF12, interchange.XLIFF21} {
		b.Run(version, func(b *testing.B) {
			a := benchArticle(b, db, 300)
			c := content(b, db, a, pipeline.Russian)
			round := 0
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				round++
				file := export(b, db, a, pipeline.Russian, version)
				targets := map[int]string{}
				for j, sg := range c.Segments {
					tr := translations[pipeline.Russian][1+j%(len(englishArticle)-1)]
					targets[j] = xmlInline(fmt.Sprintf("%s Абзац %d, правка %d.", tr, j, round), version, nil)
					_ = sg
				}
				file = translate(file, version, targets, "")
				b.StartTimer()
				f, err := interchange.ReadXLIFF(bytes.NewReader(file))
				if err != nil {
					b.Fatal(err)
				}
				rep, err := interchange.ImportEdition(ctx, db, a.ID, pipeline.Russian, f, interchange.ImportOptions{User: "bench", Check: check})
				if err != nil {
					b.Fatal(err)
				}
				if rep.Applied != 300 {
					b.Fatalf("applied %d of 300: %+v", rep.Applied, rep.Units[0])
				}
			}
		})
	}
}

// writeBenchTMX writes a TMX file of n units, en→ru/kk/zh in turn, to a file.
func writeBenchTMX(b *testing.B, n int) string {
	path := filepath.Join(b.TempDir(), "memory.tmx")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	tw := interchange.NewTMXWriter(w, interchange.TagsTMX)
	langs := []pipeline.Lang{pipeline.Russian, pipeline.Kazakh, pipeline.Chinese}
	stamp := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		l := langs[i%3]
		tr := translations[l][1+i%(len(englishArticle)-1)]
		src := englishArticle[1+i%(len(englishArticle)-1)].text
		if err := tw.Write(pipeline.MemoryRecord{SourceLang: pipeline.English, TargetLang: l,
			Source: fmt.Sprintf("Unit %d of the memory: %s", i, src), Target: fmt.Sprintf("%d: %s", i, tr),
			CreatedAt: stamp, UpdatedAt: stamp, CreatedBy: "bench", Article: "bench-article"}); err != nil {
			b.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	return path
}

// peakHeap samples the heap in use until stop is called and returns the largest value seen.
func peakHeap() (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return func() uint64 { close(done); <-finished; return peak.Load() }
}

// BenchmarkTMXImport imports a TMX file of 100,000 units as a stream, reporting units per second
// and the peak heap in use while it runs; each import is removed again, untimed.
func BenchmarkTMXImport(b *testing.B) {
	db := postgrestest.Store(b)
	ctx := context.Background()
	const units = 100_000
	path := writeBenchTMX(b, units)
	st, _ := os.Stat(path)
	b.ReportMetric(float64(st.Size())/(1<<20), "MB/file")
	var peak uint64
	for i := 0; i < b.N; i++ {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		stop := peakHeap()
		imp := pipeline.MemoryImport{FileName: "memory.tmx", CreatedBy: "bench"}
		err = interchange.ImportTMX(ctx, db, f, &imp, interchange.TagsTMX)
		peak = max(peak, stop())
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		if imp.Entries != units {
			b.Fatalf("imported %+v", imp)
		}
		b.StopTimer()
		if _, err := db.DeleteMemoryImport(ctx, imp.ID); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(units)*float64(b.N)/b.Elapsed().Seconds(), "units/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
