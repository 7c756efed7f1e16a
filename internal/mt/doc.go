// Package mt builds the configured machine-translation providers from the environment.
//
// # Environment
//
//	TILMASH_PROVIDER        default provider: none | pseudo | libretranslate | deepl | google | openai
//	                        (default none: no machine translation)
//	TILMASH_MT_ROUTES       optional routing spec, e.g. "kk=google,openai;zh=deepl;*=libretranslate;pivot.kk-zh=en"
//	                        (see pipeline.MTRoutes); targets without an entry and without "*" use
//	                        TILMASH_PROVIDER
//	LIBRETRANSLATE_URL      LibreTranslate server, e.g. http://localhost:5000 (required when used)
//	LIBRETRANSLATE_API_KEY  optional key
//	DEEPL_AUTH_KEY          DeepL key (required when used); ":fx" keys use the Free API
//	DEEPL_URL               optional DeepL address override
//	GOOGLE_TRANSLATE_API_KEY  Google Cloud Translation key (required when used)
//	GOOGLE_TRANSLATE_URL    optional address override
//	OPENAI_API_KEY          key (required for api.openai.com, optional for local servers)
//	OPENAI_BASE_URL         default https://api.openai.com; e.g. http://localhost:11434 for Ollama
//	OPENAI_MODEL            default gpt-4o-mini
//
// Every key variable X also has X_FILE: the key is read from that file (surrounding white space
// trimmed), which suits container secrets. Setting both X and X_FILE is an error.
//
// Only the providers that the default or the routes name are built, so only their settings are
// required. Misconfiguration (an unknown provider, a route naming a provider without its key, a
// bad URL, an unreadable key file) is an error from FromEnv, so that start-up reports it. Errors
// never contain key values.
package mt
