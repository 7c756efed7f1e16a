package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeDict writes an .aff/.dic pair into a temporary directory and returns their paths.
func writeDict(t *testing.T, aff, dic string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	affPath, dicPath := filepath.Join(dir, "x.aff"), filepath.Join(dir, "x.dic")
	if err := os.WriteFile(affPath, []byte(aff), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dicPath, []byte(dic), 0o644); err != nil {
		t.Fatal(err)
	}
	return affPath, dicPath
}

func TestLoadHunspellSmall(t *testing.T) {
	t.Parallel()
	aff := "\xef\xbb\xbfSET UTF-8\r\nFLAG long\r\nNEEDAFFIX Zz\r\nFORBIDDENWORD Xx\r\n" +
		"SFX Aa Y 2\r\nSFX Aa 0 s [^sy]\r\nSFX Aa y ies [^aeiou]y\r\n" +
		"PFX Bb Y 1\r\nPFX Bb 0 re .\r\n"
	dic := "4\r\nstate/AaBb\r\neconomy/Aa\r\nstem/ZzAa\r\nbadword/Xx\r\n"
	h, err := LoadHunspell(writeDict(t, aff, dic))
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
	if h.Words() != 4 {
		t.Errorf("Words() = %d, want 4", h.Words())
	}
}

// TestHunspellCyrillic reads a Russian-style dictionary from readers: single-character flags,
// conditions with Cyrillic sets, a stripped ending, and a bare stem with morphological fields.
func TestHunspellCyrillic(t *testing.T) {
	t.Parallel()
	aff := "SET UTF-8\nSFX A Y 3\nSFX A 0 а [^аеиоу]\nSFX A ть л [^аеиоу]ть\nSFX A ть ла .ть\n" +
		"SFX B N 1\nSFX B ь ей ь\n"
	dic := "5\nдом/A\nум/A\nделать/A\nконь/B\nэкономика\tpo:noun\n"
	h, err := ReadHunspell(strings.NewReader(aff), strings.NewReader(dic))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word         string
		valid, long3 bool // Valid, ValidMinStem(word, 3)
	}{
		{"дом", true, true}, {"дома", true, true}, {"ум", true, true}, {"ума", true, false},
		{"делала", true, true}, {"делатьла", false, false}, {"коней", true, true}, {"коня", false, false},
		{"экономика", true, true}, {"домов", false, false}, {"а", false, false},
	}
	for _, tt := range tests {
		if got := h.Valid(tt.word); got != tt.valid {
			t.Errorf("Valid(%q) = %v, want %v", tt.word, got, tt.valid)
		}
		if got := h.ValidMinStem(tt.word, 3); got != tt.long3 {
			t.Errorf("ValidMinStem(%q, 3) = %v, want %v", tt.word, got, tt.long3)
		}
	}
	var none *Hunspell
	if none.Valid("дом") {
		t.Error("a nil dictionary knows a word")
	}
}

// TestHunspellLongWord: a word longer than any stem with its affixes is refused without a search.
func TestHunspellLongWord(t *testing.T) {
	t.Parallel()
	h, err := ReadHunspell(strings.NewReader("SFX A Y 1\nSFX A 0 s .\n"), strings.NewReader("1\nstate/A\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !h.Valid("states") || h.Valid(strings.Repeat("s", 10_000)+"states") {
		t.Error("states must be valid and a 10,000-letter word not")
	}
}

func TestLoadHunspellErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := LoadHunspell(filepath.Join(dir, "none.aff"), filepath.Join(dir, "none.dic")); err == nil {
		t.Error("missing files: want error")
	}
	aff, dic := writeDict(t, "SET KOI8-R\n", "1\nx\n")
	if _, err := LoadHunspell(aff, dic); err == nil || !strings.Contains(err.Error(), aff) {
		t.Errorf("KOI8-R: want an error naming %s, got %v", aff, err)
	}
	aff, dic = writeDict(t, "AF 1\nAF A\n", "1\nx/7\n")
	if _, err := LoadHunspell(aff, dic); err == nil || !strings.Contains(err.Error(), dic) {
		t.Errorf("bad alias: want an error naming %s, got %v", dic, err)
	}
}

// BenchmarkLoadHunspell measures loading each Debian dictionary.
func BenchmarkLoadHunspell(b *testing.B) {
	for _, name := range []string{"en_US", "ru_RU", "kk_KZ"} {
		aff, dic := "/usr/share/hunspell/"+name+".aff", "/usr/share/hunspell/"+name+".dic"
		if _, err := os.Stat(dic); err != nil {
			if os.Getenv("TILMASH_TEST_SKIP_TOOLS") == "1" {
				b.Skipf("dictionary %s not installed; skipped because TILMASH_TEST_SKIP_TOOLS=1", name)
			}
			b.Fatalf("dictionary %s not installed (%v): apt-get install hunspell-en-us hunspell-ru hunspell-kk, or set TILMASH_TEST_SKIP_TOOLS=1", name, err)
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
