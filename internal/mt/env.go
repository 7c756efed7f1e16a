package mt

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/tilmash/tilmash/internal/mt/deepl"
	"github.com/tilmash/tilmash/internal/mt/googletranslate"
	"github.com/tilmash/tilmash/internal/mt/libretranslate"
	"github.com/tilmash/tilmash/internal/mt/mthttp"
	"github.com/tilmash/tilmash/internal/mt/openai"
	"github.com/tilmash/tilmash/internal/mt/pseudo"
	"github.com/tilmash/tilmash/pipeline"
)

// Provider names accepted by TILMASH_PROVIDER and the routes.
const (
	None           = "none"
	Pseudo         = "pseudo"
	LibreTranslate = "libretranslate"
	DeepL          = "deepl"
	Google         = "google"
	OpenAI         = "openai"
)

// Known lists the provider names FromEnv can build.
func Known() []string { return []string{Pseudo, LibreTranslate, DeepL, Google, OpenAI} }

// DefaultOpenAIModel is used when OPENAI_MODEL is not set.
const DefaultOpenAIModel = "gpt-4o-mini"

// FromEnv reads the settings through getenv (os.Getenv in the binary, a map in tests) and builds
// the providers they name. See the package documentation for the variables.
func FromEnv(getenv func(string) string) (Router, error) {
	env := func(k string) string { return strings.TrimSpace(getenv(k)) }
	def := strings.ToLower(env("TILMASH_PROVIDER"))
	if def == "" {
		def = None
	}
	if def != None && !contains(Known(), def) {
		return Router{}, envError("TILMASH_PROVIDER", fmt.Errorf("TILMASH_PROVIDER: unknown provider %q (known: none, %s)", def, strings.Join(Known(), ", ")))
	}
	routes, err := pipeline.ParseMTRoutes(env("TILMASH_MT_ROUTES"), Known())
	if err != nil {
		return Router{}, err
	}
	if def != None && routes.Default == nil {
		routes.Default = []string{def}
	}
	names := routes.Names()
	built := make(map[string]pipeline.Translator, len(names))
	for _, name := range names {
		t, err := build(name, getenv)
		if err != nil {
			return Router{}, err
		}
		built[name] = t
	}
	return Router{routes: routes, providers: built}, nil
}

// build constructs one provider from its variables.
func build(name string, getenv func(string) string) (pipeline.Translator, error) {
	env := func(k string) string { return strings.TrimSpace(getenv(k)) }
	switch name {
	case Pseudo:
		return pseudo.New(pseudo.Config{})
	case LibreTranslate:
		key, err := secret(getenv, "LIBRETRANSLATE_API_KEY")
		if err != nil {
			return nil, err
		}
		if env("LIBRETRANSLATE_URL") == "" {
			return nil, envError("LIBRETRANSLATE_URL", errors.New("libretranslate is routed to but LIBRETRANSLATE_URL is not set"))
		}
		return libretranslate.New(libretranslate.Config{URL: env("LIBRETRANSLATE_URL"), APIKey: key})
	case DeepL:
		key, err := requiredSecret(getenv, "DEEPL_AUTH_KEY", name)
		if err != nil {
			return nil, err
		}
		return deepl.New(deepl.Config{AuthKey: key, URL: env("DEEPL_URL")})
	case Google:
		key, err := requiredSecret(getenv, "GOOGLE_TRANSLATE_API_KEY", name)
		if err != nil {
			return nil, err
		}
		return googletranslate.New(googletranslate.Config{APIKey: key, URL: env("GOOGLE_TRANSLATE_URL")})
	case OpenAI:
		key, err := secret(getenv, "OPENAI_API_KEY")
		if err != nil {
			return nil, err
		}
		model := env("OPENAI_MODEL")
		if model == "" {
			model = DefaultOpenAIModel
		}
		return openai.New(openai.Config{APIKey: key, BaseURL: env("OPENAI_BASE_URL"), Model: model})
	}
	return nil, envError("TILMASH_MT_ROUTES", fmt.Errorf("unknown provider %q", name))
}

// secret reads a key from NAME or from the file named by NAME_FILE. Both set is an error; so is
// an unreadable file. Error texts name the variable, never the value.
func secret(getenv func(string) string, name string) (string, error) {
	value, file := strings.TrimSpace(getenv(name)), strings.TrimSpace(getenv(name+"_FILE"))
	switch {
	case value != "" && file != "":
		return "", envError(name, fmt.Errorf("both %s and %s_FILE are set; use one", name, name))
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err // the path is the operator's own setting, the cause is what matters
			}
			return "", envError(name+"_FILE", fmt.Errorf("%s_FILE: cannot read the key file: %w", name, err))
		}
		return strings.TrimSpace(string(b)), nil
	}
	return value, nil
}

func requiredSecret(getenv func(string) string, name, provider string) (string, error) {
	key, err := secret(getenv, name)
	if err != nil {
		return "", err
	}
	if key == "" {
		return "", envError(name, fmt.Errorf("%s is routed to but neither %s nor %s_FILE is set", provider, name, name))
	}
	return key, nil
}

func envError(field string, cause error) *pipeline.Error {
	return mthttp.Config("mt", field, cause)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
