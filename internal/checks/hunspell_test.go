package checks

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

var (
	debianOnce sync.Once
	debianSet  *SpellerSet
	debianErr  error
)

// debianSpeller loads the Debian dictionaries once per test binary, or skips the test.
func debianSpeller(tb testing.TB) *SpellerSet {
	tb.Helper()
	debianOnce.Do(func() { debianSet, debianErr = DebianSpeller() })
	if debianErr != nil {
		tb.Skipf("Hunspell dictionaries not installed (apt-get install hunspell-en-us hunspell-ru hunspell-kk): %v", debianErr)
	}
	return debianSet
}

func TestDebianSpeller(t *testing.T) {
	t.Parallel()
	sp := debianSpeller(t)
	tests := []struct {
		word       string
		lang       pipeline.Lang
		misspelled bool
	}{
		{"economies", pipeline.English, false},
		{"cooperation", pipeline.English, false},
		{"Cooperation", pipeline.English, false}, // sentence start
		{"unbelievable", pipeline.English, false},
		{"cooperaton", pipeline.English, true},
		{"goverment", pipeline.English, true},
		{"сотрудничества", pipeline.Russian, false},
		{"инициативой", pipeline.Russian, false},
		{"Сотрудничество", pipeline.Russian, false},
		{"ещё", pipeline.Russian, false},
		{"сотрудничесва", pipeline.Russian, true},
		{"экономичекий", pipeline.Russian, true},
		{"ынтымақтастық", pipeline.Kazakh, false},
		{"елдердің", pipeline.Kazakh, false},
		{"мемлекеттер", pipeline.Kazakh, false},
		{"ынтымақтатсық", pipeline.Kazakh, true},
		{"anything", pipeline.Chinese, false}, // no dictionary: never misspelled
	}
	for _, tt := range tests {
		if got := sp.Misspelled(tt.word, tt.lang); got != tt.misspelled {
			t.Errorf("Misspelled(%q, %s) = %v, want %v", tt.word, tt.lang, got, tt.misspelled)
		}
	}
}

func TestLoadHunspellSmall(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	aff := "\xef\xbb\xbfSET UTF-8\r\nFLAG long\r\nNEEDAFFIX Zz\r\nFORBIDDENWORD Xx\r\n" +
		"SFX Aa Y 2\r\nSFX Aa 0 s [^sy]\r\nSFX Aa y ies [^aeiou]y\r\n" +
		"PFX Bb Y 1\r\nPFX Bb 0 re .\r\n"
	dic := "4\r\nstate/AaBb\r\neconomy/Aa\r\nstem/ZzAa\r\nbadword/Xx\r\n"
	affPath, dicPath := filepath.Join(dir, "x.aff"), filepath.Join(dir, "x.dic")
	if err := os.WriteFile(affPath, []byte(aff), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dicPath, []byte(dic), 0o644); err != nil {
		t.Fatal(err)
	}
	h, err := LoadHunspell(affPath, dicPath)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word  string
		valid bool
	}{
		{"state", true}, {"states", true}, {"restate", true}, {"restates", true}, {"economies", true},
		{"economys", false}, {"economy", true}, {"reeconomy", false}, {"stem", false}, {"stems", true},
		{"badword", false}, {"", false}, {"stat", false},
	}
	for _, tt := range tests {
		if got := h.Valid(tt.word); got != tt.valid {
			t.Errorf("Valid(%q) = %v, want %v", tt.word, got, tt.valid)
		}
	}
}

func TestLoadHunspellErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := LoadHunspell(filepath.Join(dir, "none.aff"), filepath.Join(dir, "none.dic")); err == nil {
		t.Error("missing files: want error")
	}
	if _, err := LoadSpellerDir(dir); err == nil {
		t.Error("missing dictionaries: want error")
	}
	aff := filepath.Join(dir, "k.aff")
	os.WriteFile(aff, []byte("SET KOI8-R\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "k.dic"), []byte("1\nx\n"), 0o644)
	if _, err := LoadHunspell(aff, filepath.Join(dir, "k.dic")); err == nil {
		t.Error("KOI8-R: want error")
	}
}

// BenchmarkLoadHunspell measures loading each Debian dictionary.
func BenchmarkLoadHunspell(b *testing.B) {
	for _, name := range []string{"en_US", "ru_RU", "kk_KZ"} {
		aff, dic := "/usr/share/hunspell/"+name+".aff", "/usr/share/hunspell/"+name+".dic"
		if _, err := os.Stat(dic); err != nil {
			b.Skipf("dictionary %s not installed", name)
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := LoadHunspell(aff, dic); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
