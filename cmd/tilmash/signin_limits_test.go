package main

import (
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// signinFrom is a browser that connects from a given loopback address, so that the server sees
// another client address: Linux answers on all of 127.0.0.0/8.
func signinFrom(t *testing.T, base, ip string) (*http.Client, string) {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	dialer := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
	hc := &http.Client{Jar: jar, Transport: &http.Transport{DialContext: dialer.DialContext, MaxIdleConnsPerHost: 32},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := hc.Get(base + "/workbench/signin")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	m := csrfField.FindSubmatch(page)
	if m == nil {
		t.Fatalf("no CSRF token on the sign-in page:\n%s", page)
	}
	return hc, string(m[1])
}

func postSignin(hc *http.Client, base, token, name, password string) (int, string, error) {
	res, err := hc.PostForm(base+"/workbench/signin", url.Values{"csrf": {token}, "name": {name}, "password": {password}})
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	io.Copy(io.Discard, res.Body)
	return res.StatusCode, res.Header.Get("Location"), nil
}

// TestSigninGuessingBounded: 200 wrong passwords for one account, 25 at a time from one address,
// get at most the policy's five password checks (each answered 401); the others are refused
// before any check, with 429 and Retry-After (or 503 while checks are busy). The owner, signing
// in from another address at once, gets in: nobody can lock an account by typing its name.
func TestSigninGuessingBounded(t *testing.T) {
	t.Parallel()
	env := start(t, "none")
	owner := "ed-" + t.Name()
	setPassword(t, env.app.store, owner, "the right horse")
	base := env.srv.URL

	attacker, attackerToken := signinFrom(t, base, "127.0.0.1")
	var mu sync.Mutex
	codes := map[int]int{}
	for range 8 {
		var wg sync.WaitGroup
		for range 25 {
			wg.Go(func() {
				code, _, err := postSignin(attacker, base, attackerToken, owner, "a wrong guess")
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					t.Error(err)
				}
				codes[code]++
			})
		}
		wg.Wait()
	}
	t.Logf("answers to 200 guesses: %v", codes)
	const limit = 5 // failures allowed per account name and address (pipeline.DefaultSigninPolicy)
	if codes[http.StatusUnauthorized] > limit || codes[http.StatusUnauthorized] == 0 {
		t.Errorf("%d passwords checked (401) of 200 guesses; want 1 to %d. All answers: %v", codes[http.StatusUnauthorized], limit, codes)
	}
	if codes[http.StatusUnauthorized]+codes[http.StatusTooManyRequests]+codes[http.StatusServiceUnavailable] != 200 {
		t.Errorf("answers %v; want only 401, 429 and 503", codes)
	}

	browser, token := signinFrom(t, base, "127.0.0.2")
	code, loc, err := postSignin(browser, base, token, owner, "the right horse")
	if err != nil || code != http.StatusSeeOther || !strings.HasPrefix(loc, "/workbench") {
		t.Errorf("the owner from another address: %d to %q, %v; want 303 to the workbench", code, loc, err)
	}
	// From the attacker's address, the account stays closed to guesses.
	if code, _, _ := postSignin(attacker, base, attackerToken, owner, "another guess"); code == http.StatusUnauthorized || code == http.StatusSeeOther {
		t.Errorf("a further guess from the attacker's address got %d", code)
	}
}
