package mt

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/clipperhouse/uax29/v2/sentences"

	"github.com/tilmash/tilmash/pipeline"
)

// sampleSentences splits the sample articles into sentences, as the segmenter would.
func sampleSentences(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../../samples/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("the sample articles are tracked in samples/ and must be there: %d found (%v)", len(files), err)
	}
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		it := sentences.FromString(string(data))
		for it.Next() {
			if s := strings.TrimSpace(it.Value()); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// fakeServices answers like every provider's API, counting translation requests (texts sent)
// and metadata requests (language lists) separately.
type fakeServices struct {
	translate atomic.Int64
	metadata  atomic.Int64
}

func (f *fakeServices) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	body, _ := io.ReadAll(r.Body)
	var req map[string]json.RawMessage
	_ = json.Unmarshal(body, &req)
	strs := func(key string) []string {
		var v []string
		_ = json.Unmarshal(req[key], &v)
		return v
	}
	switch r.URL.Path {
	case "/lt/languages":
		f.metadata.Add(1)
		io.WriteString(w, `[{"code":"en","name":"English","targets":["ru","kk","zh-Hans"]}]`)
	case "/lt/translate":
		f.translate.Add(1)
		json.NewEncoder(w).Encode(map[string]any{"translatedText": strs("q")})
	case "/deepl/v3/languages":
		f.metadata.Add(1)
		io.WriteString(w, `[{"lang":"en","usable_as_source":true,"features":{}},{"lang":"ru","usable_as_target":true,"features":{}},`+
			`{"lang":"kk","usable_as_target":true,"features":{}},{"lang":"zh-Hans","usable_as_target":true,"features":{}}]`)
	case "/deepl/v2/translate":
		f.translate.Add(1)
		var tr []map[string]string
		for _, s := range strs("text") {
			tr = append(tr, map[string]string{"detected_source_language": "EN", "text": s})
		}
		json.NewEncoder(w).Encode(map[string]any{"translations": tr})
	case "/google":
		f.translate.Add(1)
		var tr []map[string]string
		for _, s := range strs("q") {
			tr = append(tr, map[string]string{"translatedText": s})
		}
		json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{"translations": tr}})
	case "/openai/v1/chat/completions":
		f.translate.Add(1)
		var chat struct {
			Messages []struct{ Content string } `json:"messages"`
		}
		_ = json.Unmarshal(body, &chat)
		var doc struct{ Segments []string }
		_ = json.Unmarshal([]byte(chat.Messages[1].Content), &doc)
		content, _ := json.Marshal(map[string]any{"translations": doc.Segments})
		json.NewEncoder(w).Encode(map[string]any{"choices": []any{map[string]any{"finish_reason": "stop",
			"message": map[string]any{"role": "assistant", "content": string(content)}}}})
	default:
		w.WriteHeader(http.StatusNotFound)
	}
}

// editionCase is a provider with its documented batch limit.
type editionCase struct {
	provider string
	limit    int
}

func editionCases() []editionCase {
	return []editionCase{{LibreTranslate, 50}, {DeepL, 50}, {Google, 128}, {OpenAI, 20}}
}

func editionRouter(t testing.TB, srv *httptest.Server, provider string) pipeline.Translator {
	t.Helper()
	r, err := FromEnv(envMap(map[string]string{
		"TILMASH_PROVIDER":   provider,
		"LIBRETRANSLATE_URL": srv.URL + "/lt",
		"DEEPL_AUTH_KEY":     "test-key", "DEEPL_URL": srv.URL + "/deepl",
		"GOOGLE_TRANSLATE_API_KEY": "test-key", "GOOGLE_TRANSLATE_URL": srv.URL + "/google",
		"OPENAI_BASE_URL": srv.URL + "/openai", "OPENAI_MODEL": "test",
	}))
	if err != nil {
		t.Fatal(err)
	}
	tr, ok := r.For(pipeline.English, pipeline.Kazakh)
	if !ok {
		t.Fatal("no translator")
	}
	return tr
}

// TestEditionRequestCount translates the sample article for one edition through every HTTP
// provider and checks that it takes ceil(n / batch limit) translation requests, no more, plus at
// most one cached language-list request per client.
func TestEditionRequestCount(t *testing.T) {
	t.Parallel()
	texts := sampleSentences(t)
	for _, tc := range editionCases() {
		t.Run(tc.provider, func(t *testing.T) {
			t.Parallel()
			f := &fakeServices{}
			srv := httptest.NewServer(f)
			defer srv.Close()
			tr := editionRouter(t, srv, tc.provider)
			for edition := 0; edition < 2; edition++ {
				out, err := tr.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "kk", Texts: texts})
				if err != nil {
					t.Fatal(err)
				}
				if len(out) != len(texts) || out[len(out)-1] != texts[len(texts)-1] {
					t.Fatal("translations lost or reordered")
				}
			}
			want := int64(2 * ((len(texts) + tc.limit - 1) / tc.limit))
			if got := f.translate.Load(); got != want {
				t.Fatalf("%d sentences, 2 editions: %d translation requests, want %d", len(texts), got, want)
			}
			if got := f.metadata.Load(); got > 1 {
				t.Fatalf("%d language-list requests, want at most 1 (cached)", got)
			}
			t.Logf("%s: %d sentences → %d requests per edition (limit %d), %d language-list requests per client",
				tc.provider, len(texts), f.translate.Load()/2, tc.limit, f.metadata.Load())
		})
	}
}

// BenchmarkEdition reports the requests one edition of the sample article costs per provider.
func BenchmarkEdition(b *testing.B) {
	texts := sampleSentences(b)
	for _, tc := range editionCases() {
		b.Run(tc.provider, func(b *testing.B) {
			f := &fakeServices{}
			srv := httptest.NewServer(f)
			defer srv.Close()
			tr := editionRouter(b, srv, tc.provider)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := tr.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "kk", Texts: texts}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(f.translate.Load())/float64(b.N), "requests/edition")
			b.ReportMetric(float64(len(texts)), "sentences")
		})
	}
}
