package pipeline

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseMTRoutes(t *testing.T) {
	t.Parallel()
	known := []string{"pseudo", "libretranslate", "deepl", "google", "openai"}
	tests := []struct {
		name      string
		spec      string
		known     []string
		want      MTRoutes
		wantErr   string // substring of the error text; "" means success
		wantEntry string
	}{
		{name: "full example", spec: "kk=google,openai;zh=deepl;*=libretranslate;pivot.kk-zh=en", known: known,
			want: MTRoutes{Targets: map[Lang][]string{Kazakh: {"google", "openai"}, Chinese: {"deepl"}},
				Default: []string{"libretranslate"}, Pivots: map[LangPair]Lang{{Kazakh, Chinese}: English}}},
		{name: "spaces, case and trailing separator", spec: " KK = Google , openai ; ; *=deepl; ", known: known,
			want: MTRoutes{Targets: map[Lang][]string{Kazakh: {"google", "openai"}}, Default: []string{"deepl"}, Pivots: map[LangPair]Lang{}}},
		{name: "empty spec", spec: "", want: MTRoutes{Targets: map[Lang][]string{}, Pivots: map[LangPair]Lang{}}},
		{name: "none stands alone", spec: "kk=none;*=deepl", known: known,
			want: MTRoutes{Targets: map[Lang][]string{Kazakh: {"none"}}, Default: []string{"deepl"}, Pivots: map[LangPair]Lang{}}},
		{name: "any name without a known list", spec: "ru=my-llm", want: MTRoutes{Targets: map[Lang][]string{Russian: {"my-llm"}}, Pivots: map[LangPair]Lang{}}},
		{name: "unknown language", spec: "de=deepl", known: known, wantErr: `unknown target language "de"`, wantEntry: "de=deepl"},
		{name: "unknown provider", spec: "kk=bing", known: known, wantErr: `unknown provider "bing"`, wantEntry: "kk=bing"},
		{name: "missing equals", spec: "kk", wantErr: "expected <target>=<providers>", wantEntry: "kk"},
		{name: "missing key", spec: "=deepl", wantErr: "expected", wantEntry: "=deepl"},
		{name: "empty value", spec: "kk=", wantErr: `nothing after "="`},
		{name: "empty provider in list", spec: "kk=google,,openai", wantErr: "empty provider name"},
		{name: "bad provider characters", spec: "kk=goo gle", wantErr: "may only hold"},
		{name: "duplicate provider", spec: "kk=google,google", wantErr: "listed twice"},
		{name: "duplicate target", spec: "kk=google;KK=deepl", wantErr: "given twice"},
		{name: "duplicate default", spec: "*=google;*=deepl", wantErr: "given twice"},
		{name: "none with others", spec: "kk=none,google", wantErr: "must stand alone"},
		{name: "pivot without dash", spec: "pivot.kkzh=en", wantErr: "pivot.<source>-<target>=<via>"},
		{name: "pivot unknown language", spec: "pivot.kk-de=en", wantErr: `unknown language "de"`},
		{name: "pivot same languages", spec: "pivot.kk-kk=en", wantErr: "two different languages"},
		{name: "pivot via is an end", spec: "pivot.kk-zh=zh", wantErr: "must differ"},
		{name: "pivot twice", spec: "pivot.kk-zh=en;pivot.KK-ZH=ru", wantErr: "given twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseMTRoutes(tt.spec, tt.known)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("expected an error containing %q, got %+v", tt.wantErr, got)
				}
				if !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %q does not contain %q", err, tt.wantErr)
				}
				var e *Error
				if !errors.As(err, &e) || e.Code != CodeInvalid || e.MessageID != "error.mt_routes_invalid" {
					t.Fatalf("want a CodeInvalid *Error with error.mt_routes_invalid, got %#v", err)
				}
				if tt.wantEntry != "" && e.Data["Entry"] != tt.wantEntry {
					t.Fatalf("Data[Entry] = %v, want %q", e.Data["Entry"], tt.wantEntry)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %+v\nwant %+v", got, tt.want)
			}
			again, err := ParseMTRoutes(got.String(), tt.known)
			if err != nil || !reflect.DeepEqual(again, got) {
				t.Fatalf("String() %q does not parse back: %+v, %v", got.String(), again, err)
			}
		})
	}
}

func TestMTRoutesLookups(t *testing.T) {
	t.Parallel()
	r, err := ParseMTRoutes("kk=google,openai;zh=deepl;*=libretranslate;pivot.kk-zh=en;ru=none", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Providers(Kazakh); !reflect.DeepEqual(got, []string{"google", "openai"}) {
		t.Fatalf("Providers(kk) = %v", got)
	}
	if got := r.Providers(English); !reflect.DeepEqual(got, []string{"libretranslate"}) {
		t.Fatalf("Providers(en) should fall back to the default, got %v", got)
	}
	if via, ok := r.Pivot(Kazakh, Chinese); !ok || via != English {
		t.Fatalf("Pivot(kk, zh) = %v, %v", via, ok)
	}
	if _, ok := r.Pivot(Chinese, Kazakh); ok {
		t.Fatal("pivots are directional")
	}
	if got := r.Names(); !reflect.DeepEqual(got, []string{"deepl", "google", "libretranslate", "openai"}) {
		t.Fatalf("Names() = %v", got)
	}
	if got, want := r.String(), "ru=none;kk=google,openai;zh=deepl;*=libretranslate;pivot.kk-zh=en"; got != want {
		t.Fatalf("String() = %q, want %q", got, want)
	}
}

func FuzzParseMTRoutes(f *testing.F) {
	f.Add("kk=google,openai;zh=deepl;*=libretranslate;pivot.kk-zh=en")
	f.Add("pivot.=;*=,;=")
	f.Fuzz(func(t *testing.T, spec string) {
		r, err := ParseMTRoutes(spec, nil)
		if err != nil {
			return
		}
		if _, err := ParseMTRoutes(r.String(), nil); err != nil {
			t.Fatalf("canonical form %q of %q does not parse: %v", r.String(), spec, err)
		}
	})
}
