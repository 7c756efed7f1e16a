package accounts

import (
	"context"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/tilmash/tilmash/internal/argon2id"
	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// signinPolicy limits password guessing without letting anyone lock an account by typing its
// name: see pipeline.SigninPolicy for the rules and why they are what they are.
var signinPolicy = pipeline.DefaultSigninPolicy

// Password checks running at once in this process. Each Argon2id check takes 64 MiB and a second
// of a core's time, so a burst of sign-ins must queue, and the queue must be short: past
// passwordCheckQueue waiting requests, or after passwordCheckWait, the answer is 503 with
// Retry-After instead of more memory.
const (
	passwordChecksAtOnce = 2
	passwordCheckQueue   = 16
	passwordCheckWait    = 5 * time.Second
)

var passwordChecks = newCheckGate(passwordChecksAtOnce, passwordCheckQueue, passwordCheckWait)

// checkGate admits a bounded number of holders at once and lets a bounded number wait, each for a
// bounded time or until its request ends.
type checkGate struct {
	slots    chan struct{}
	waiting  atomic.Int32
	maxQueue int32
	maxWait  time.Duration
	queued   func() // called when a request starts waiting; for tests
}

func newCheckGate(n, queue int, wait time.Duration) *checkGate {
	return &checkGate{slots: make(chan struct{}, n), maxQueue: int32(queue), maxWait: wait}
}

// enter takes a slot and returns its release, or false when none came free in time.
func (g *checkGate) enter(ctx context.Context) (func(), bool) {
	release := func() { <-g.slots }
	select {
	case g.slots <- struct{}{}:
		return release, true
	default:
	}
	if g.waiting.Add(1) > g.maxQueue {
		g.waiting.Add(-1)
		return nil, false
	}
	defer g.waiting.Add(-1)
	if g.queued != nil {
		g.queued()
	}
	timer := time.NewTimer(g.maxWait)
	defer timer.Stop()
	select {
	case g.slots <- struct{}{}:
		return release, true
	case <-ctx.Done():
	case <-timer.C:
	}
	return nil, false
}

// dummyHash is verified against when the account does not exist, so that the answer takes as long
// as for a wrong password and does not reveal which names exist.
const dummyHash = "$argon2id$v=19$m=65536,t=3,p=4$foX2jRlKALyJJJJ9BuECOg$V8fjk68OhnMcAXGSKOC/zy5mSJVLzzKJh4jhrOWQdMw"

type signinPage struct {
	kit.AppPage
	Token  string
	Name   string
	Next   string
	Chosen pipeline.Lang // the language picked on the page, kept through a failed attempt
}

func (h *Handler) signinPage(w http.ResponseWriter, r *http.Request) signinPage {
	p := signinPage{AppPage: h.NewAppPage(r, "wb.signin.title"), Token: h.signinToken(w, r), Next: r.FormValue("next")}
	if l, err := pipeline.ParseLang(r.FormValue("lang")); err == nil {
		p.Chosen = l
		p.Lang, p.T = l, h.Localizer(l)
		p.Title = p.T.T("wb.signin.title", nil)
		for i := range p.Langs {
			p.Langs[i].Current = p.Langs[i].Lang == l
		}
	}
	return p
}

func (h *Handler) handleSigninForm(w http.ResponseWriter, r *http.Request) {
	if kit.Session(r) != nil {
		http.Redirect(w, r, "/workbench/", http.StatusSeeOther)
		return
	}
	p := h.signinPage(w, r)
	h.pages.Render(w, r, "signin.html", 0, p.Lang, p)
}

// handleSignin checks the password and starts a session. Every failure reads the same, whether
// the name exists or not. The attempt is recorded before the password is checked, so that
// concurrent attempts cannot pass a limit together (signinPolicy), and checks run a few at a time
// (passwordChecks).
func (h *Handler) handleSignin(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimSpace(r.PostFormValue("name"))
	password := r.PostFormValue("password")
	p := h.signinPage(w, r)
	p.Name = name
	fail := func(status int, id string, data map[string]any, count ...int) {
		p.Problem = p.T.T(id, data, count...)
		h.pages.Render(w, r, "signin.html", status, p.Lang, p)
	}
	if name == "" || password == "" || len(name) > 64 || len(password) > 1024 {
		fail(http.StatusBadRequest, "wb.signin.missing", nil)
		return
	}
	addr := clientAddr(r)
	attempt, wait, err := h.store.ReserveSignin(r.Context(), name, addr, signinPolicy)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	if wait > 0 {
		secs := int(math.Ceil(wait.Seconds()))
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		if secs < 120 {
			fail(http.StatusTooManyRequests, "limits.signin.wait_seconds", nil, secs)
		} else {
			fail(http.StatusTooManyRequests, "limits.signin.wait_minutes", nil, (secs+59)/60)
		}
		return
	}
	u, hash, err := h.store.FindUserByName(r.Context(), name)
	if err != nil && pipeline.ErrorCode(err) != pipeline.CodeNotFound {
		h.store.ReleaseSignin(context.WithoutCancel(r.Context()), attempt) //nolint:errcheck // the error below says enough
		h.PageError(w, r, err)
		return
	}
	if err != nil || hash == "" {
		hash = dummyHash
	}
	release, ok := passwordChecks.enter(r.Context())
	if !ok {
		// The password was not checked: the attempt does not count against anyone.
		if err := h.store.ReleaseSignin(context.WithoutCancel(r.Context()), attempt); err != nil {
			h.Logger.WarnContext(r.Context(), "release sign-in attempt", "err", err)
		}
		w.Header().Set("Retry-After", "2")
		fail(http.StatusServiceUnavailable, "limits.signin.busy", nil)
		return
	}
	match, verr := argon2id.Verify(password, hash)
	release()
	if verr != nil && hash != dummyHash {
		h.Logger.WarnContext(r.Context(), "stored password hash refused", "user", name, "err", verr)
	}
	if err != nil || verr != nil || !match {
		fail(http.StatusUnauthorized, "wb.signin.wrong", nil) // the reserved attempt stays, as a failure
		return
	}
	if err := h.store.SigninSucceeded(r.Context(), attempt, name, addr); err != nil {
		h.PageError(w, r, err)
		return
	}
	token, err := h.store.CreateSession(r.Context(), u.ID, kit.SessionTTL)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	h.SetSessionCookie(w, r, token, int(kit.SessionTTL.Seconds()))
	http.SetCookie(w, &http.Cookie{Name: signinCSRFCookie, Path: "/workbench/signin", MaxAge: -1})
	kit.LocalRedirect(w, r, p.Next)
}

// handleSignout ends the session on the server, not only in the browser.
func (h *Handler) handleSignout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(kit.SessionCookie); err == nil {
		if err := h.store.DeleteSession(r.Context(), c.Value); err != nil {
			h.PageError(w, r, err)
			return
		}
	}
	h.SetSessionCookie(w, r, "", -1)
	http.Redirect(w, r, "/workbench/signin", http.StatusSeeOther)
}

// handleUILang stores the interface language the user picked, or goes back to the browser's.
func (h *Handler) handleUILang(w http.ResponseWriter, r *http.Request) {
	var lang pipeline.Lang
	if v := r.PostFormValue("lang"); v != "" {
		l, err := pipeline.ParseLang(v)
		if err != nil {
			h.PageError(w, r, err)
			return
		}
		lang = l
	}
	if err := h.store.SetUILang(r.Context(), kit.User(r).ID, lang); err != nil {
		h.PageError(w, r, err)
		return
	}
	kit.LocalRedirect(w, r, r.PostFormValue("back"))
}
