package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/argon2id"
	"github.com/tilmash/tilmash/internal/postgres"
)

// wbClient is one browser-like session of the workbench: a cookie jar and the session's CSRF token.
type wbClient struct {
	t    testing.TB
	base string
	hc   *http.Client
	csrf string
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// setPassword gives an account a real password, for signing in through the form.
func setPassword(t testing.TB, store *postgres.DB, name, password string) {
	t.Helper()
	hash, err := argon2id.Hash(password)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.SetPassword(context.Background(), name, hash); err != nil {
		t.Fatal(err)
	}
}

func newWBClient(t testing.TB, base string) *wbClient {
	jar, _ := cookiejar.New(nil)
	return &wbClient{t: t, base: base, hc: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// signIn signs in through the form, as a browser does, and returns the client.
func signIn(t testing.TB, base, name, password string) *wbClient {
	t.Helper()
	c := newWBClient(t, base)
	code, _, loc := c.signIn(name, password)
	if code != http.StatusSeeOther || loc != "/workbench/" {
		t.Fatalf("sign-in as %s = %d to %q", name, code, loc)
	}
	_, page := c.get("/workbench/")
	m := csrfField.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no CSRF token on the queue page:\n%s", page)
	}
	c.csrf = m[1]
	return c
}

// signIn posts the sign-in form and returns the status, the page and the redirect target.
func (c *wbClient) signIn(name, password string) (int, string, string) {
	c.t.Helper()
	_, form := c.get("/workbench/signin")
	m := csrfField.FindStringSubmatch(form)
	if m == nil {
		c.t.Fatalf("no CSRF token on the sign-in page:\n%s", form)
	}
	return c.postForm("/workbench/signin", url.Values{"csrf": {m[1]}, "name": {name}, "password": {password}})
}

func (c *wbClient) do(req *http.Request) (int, string, string) {
	c.t.Helper()
	res, err := c.hc.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), res.Header.Get("Location")
}

func (c *wbClient) get(path string) (int, string) {
	c.t.Helper()
	req, _ := http.NewRequest("GET", c.base+path, nil)
	code, body, _ := c.do(req)
	return code, body
}

func (c *wbClient) postForm(path string, v url.Values) (int, string, string) {
	c.t.Helper()
	req, _ := http.NewRequest("POST", c.base+path, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

// json sends a request as the editor page's script does: JSON, with the CSRF header.
func (c *wbClient) json(method, path string, body any) (int, map[string]any) {
	c.t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, c.base+path, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("X-CSRF-Token", c.csrf)
	code, text, _ := c.do(req)
	var out map[string]any
	json.Unmarshal([]byte(text), &out) // a non-JSON answer shows as nil
	checkJSONNames(c.t, method+" "+path, out)
	return code, out
}
