package mt

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

func envMap(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestFromEnv(t *testing.T) {
	t.Parallel()
	keyFile := filepath.Join(t.TempDir(), "deepl.key")
	if err := os.WriteFile(keyFile, []byte("file-secret-key:fx\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		env       map[string]string
		source    pipeline.Lang
		target    pipeline.Lang
		wantName  string // "" means For returns nil, false
		wantErr   string // substring of the error text
		wantField string
	}{
		{name: "nothing set is off", env: map[string]string{}, source: "en", target: "ru"},
		{name: "explicit none", env: map[string]string{"TILMASH_PROVIDER": "none"}, source: "en", target: "ru"},
		{name: "pseudo", env: map[string]string{"TILMASH_PROVIDER": "Pseudo"}, source: "en", target: "kk", wantName: "pseudo"},
		{name: "same language", env: map[string]string{"TILMASH_PROVIDER": "pseudo"}, source: "kk", target: "kk"},
		{name: "routes with fallback", env: map[string]string{"TILMASH_PROVIDER": "pseudo",
			"TILMASH_MT_ROUTES": "kk=google,openai", "GOOGLE_TRANSLATE_API_KEY": "g-key", "OPENAI_BASE_URL": "http://localhost:11434"},
			source: "en", target: "kk", wantName: "google|openai"},
		{name: "default applies to other targets", env: map[string]string{"TILMASH_PROVIDER": "pseudo",
			"TILMASH_MT_ROUTES": "kk=google", "GOOGLE_TRANSLATE_API_KEY": "g-key"}, source: "en", target: "zh", wantName: "pseudo"},
		{name: "route none", env: map[string]string{"TILMASH_PROVIDER": "pseudo", "TILMASH_MT_ROUTES": "kk=none"}, source: "en", target: "kk"},
		{name: "pivot", env: map[string]string{"TILMASH_MT_ROUTES": "zh=deepl;*=pseudo;pivot.kk-zh=en", "DEEPL_AUTH_KEY_FILE": keyFile},
			source: "kk", target: "zh", wantName: "pseudo>en>deepl"},
		{name: "libretranslate", env: map[string]string{"TILMASH_PROVIDER": "libretranslate", "LIBRETRANSLATE_URL": "http://localhost:5000"},
			source: "en", target: "ru", wantName: "libretranslate"},
		{name: "unknown default", env: map[string]string{"TILMASH_PROVIDER": "bing"}, wantErr: `unknown provider "bing"`, wantField: "TILMASH_PROVIDER"},
		{name: "unknown routed provider", env: map[string]string{"TILMASH_MT_ROUTES": "kk=bing"}, wantErr: `unknown provider "bing"`},
		{name: "route without key", env: map[string]string{"TILMASH_MT_ROUTES": "zh=deepl"}, wantErr: "neither DEEPL_AUTH_KEY nor DEEPL_AUTH_KEY_FILE", wantField: "DEEPL_AUTH_KEY"},
		{name: "google without key", env: map[string]string{"TILMASH_PROVIDER": "google"}, wantErr: "GOOGLE_TRANSLATE_API_KEY", wantField: "GOOGLE_TRANSLATE_API_KEY"},
		{name: "libretranslate without URL", env: map[string]string{"TILMASH_PROVIDER": "libretranslate"}, wantErr: "LIBRETRANSLATE_URL", wantField: "LIBRETRANSLATE_URL"},
		{name: "openai cloud without key", env: map[string]string{"TILMASH_PROVIDER": "openai"}, wantErr: "APIKey is required", wantField: "APIKey"},
		{name: "key and key file", env: map[string]string{"TILMASH_PROVIDER": "deepl", "DEEPL_AUTH_KEY": "inline-secret", "DEEPL_AUTH_KEY_FILE": keyFile}, wantErr: "both DEEPL_AUTH_KEY and DEEPL_AUTH_KEY_FILE", wantField: "DEEPL_AUTH_KEY"},
		{name: "missing key file", env: map[string]string{"TILMASH_PROVIDER": "deepl", "DEEPL_AUTH_KEY_FILE": "/nonexistent/secret"}, wantErr: "cannot read the key file", wantField: "DEEPL_AUTH_KEY_FILE"},
		{name: "bad URL", env: map[string]string{"TILMASH_PROVIDER": "deepl", "DEEPL_AUTH_KEY": "inline-secret", "DEEPL_URL": "api.deepl.com"}, wantErr: "must start with http", wantField: "URL"},
		{name: "bad routes", env: map[string]string{"TILMASH_MT_ROUTES": "de=deepl"}, wantErr: `unknown target language "de"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, err := FromEnv(envMap(tt.env))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("want an error containing %q, got %v", tt.wantErr, err)
				}
				for _, secret := range []string{"inline-secret", "file-secret-key", "g-key"} {
					if strings.Contains(err.Error(), secret) {
						t.Fatalf("error shows a key: %v", err)
					}
				}
				var e *pipeline.Error
				if !errors.As(err, &e) || e.Code != pipeline.CodeInvalid {
					t.Fatalf("want a CodeInvalid *pipeline.Error, got %#v", err)
				}
				if tt.wantField != "" && e.Data["Field"] != tt.wantField {
					t.Fatalf("Field = %v, want %s", e.Data["Field"], tt.wantField)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tr, ok := r.For(tt.source, tt.target)
			if tt.wantName == "" {
				if ok || tr != nil {
					t.Fatalf("want no translator, got %v", tr.Name())
				}
				return
			}
			if !ok || tr.Name() != tt.wantName {
				t.Fatalf("For(%s, %s) = %v, %v; want %s", tt.source, tt.target, tr, ok, tt.wantName)
			}
			if s := r.String(); strings.Contains(s, "secret") || strings.Contains(s, "g-key") {
				t.Fatalf("String() shows a key: %s", s)
			}
		})
	}
}

func TestZeroRouter(t *testing.T) {
	t.Parallel()
	var r Router
	if tr, ok := r.For("en", "ru"); ok || tr != nil {
		t.Fatal("the zero Router must have no translator")
	}
	if r.String() != "machine translation off" {
		t.Fatal(r.String())
	}
}

func TestPseudoThroughRouter(t *testing.T) {
	t.Parallel()
	r, err := FromEnv(envMap(map[string]string{"TILMASH_PROVIDER": "pseudo"}))
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := r.For("en", "zh")
	out, err := tr.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "zh", Texts: []string{"Hello 2024"}})
	if err != nil || !strings.HasPrefix(out[0], "[zh] ⟦") || !strings.Contains(out[0], "2024") {
		t.Fatalf("%q %v", out, err)
	}
}
