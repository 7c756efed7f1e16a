package mthttp

import (
	"fmt"
	"net/url"
	"strings"
)

// ParseBaseURL checks a configured service URL: it must be absolute http or https with a host and
// no query or fragment. The result has no trailing slash, ready for appending paths. field names
// the setting in the error (CodeInvalid, "error.provider_config").
func ParseBaseURL(provider, field, raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", Config(provider, field, fmt.Errorf("%s: %s is empty", provider, field))
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", Config(provider, field, fmt.Errorf("%s: %s is not a URL", provider, field))
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", Config(provider, field, fmt.Errorf("%s: %s must start with http:// or https://", provider, field))
	}
	if u.Host == "" {
		return "", Config(provider, field, fmt.Errorf("%s: %s has no host", provider, field))
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", Config(provider, field, fmt.Errorf("%s: %s must not carry a query, fragment or user info", provider, field))
	}
	return strings.TrimRight(u.String(), "/"), nil
}
