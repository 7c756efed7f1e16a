package kit

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"unicode/utf8"
)

// A refused form is answered with a redirect back to the page it came from (post, redirect,
// get): reloading that page then shows it again instead of sending the form a second time. The
// reason, in the person's language, and what they had written travel in a short-lived cookie
// that the page reads once.

// flashCookie carries a refused form's reason to the page the browser is sent back to.
const flashCookie = "tilmash_flash"

// flashKeepBytes bounds each value a flash keeps: with the reason, the cookie stays under the
// 4 KB browsers accept. A form's text longer than that (the forms limit what a browser sends
// below it) comes back cut.
const flashKeepBytes = 2000

type flash struct {
	Path    string            `json:"path"`
	Problem string            `json:"problem"`
	Keep    map[string]string `json:"keep,omitempty"`
}

// RefuseTo answers a refused form with a redirect (303) to path, where problem shows once at the
// top of the page (see TakeFlash) with what keep holds (say, a comment the person wrote), so that
// a reload of that page asks for nothing twice. keep's values are cut to fit a cookie (flashKeepBytes).
func (b *Base) RefuseTo(w http.ResponseWriter, r *http.Request, path, problem string, keep map[string]string) {
	f := flash{Path: path, Problem: truncate(problem, 600)}
	for k, v := range keep {
		if f.Keep == nil {
			f.Keep = map[string]string{}
		}
		f.Keep[k] = truncate(v, flashKeepBytes)
	}
	data, _ := json.Marshal(f) // strings only: it cannot fail
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: base64.RawURLEncoding.EncodeToString(data), Path: "/workbench",
		MaxAge: 60, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: b.SecureCookies(r)})
	LocalRedirect(w, r, path)
}

// TakeFlash returns the reason a refused form left for this page and what it kept, and removes
// it: it shows once. A flash left for another page stays for that page.
func (b *Base) TakeFlash(w http.ResponseWriter, r *http.Request) (problem string, keep map[string]string) {
	c, err := r.Cookie(flashCookie)
	if err != nil {
		return "", nil
	}
	var f flash
	raw, err := base64.RawURLEncoding.DecodeString(c.Value)
	if err == nil {
		err = json.Unmarshal(raw, &f)
	}
	if err == nil && f.Path != "" && f.Path != r.URL.Path {
		return "", nil
	}
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: "", Path: "/workbench", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: b.SecureCookies(r)})
	if err != nil {
		return "", nil
	}
	return f.Problem, f.Keep
}

// truncate cuts s to at most n bytes, on a character boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
