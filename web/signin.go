package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/tilmash/tilmash/argon2id"
	"github.com/tilmash/tilmash/pipeline"
)

// Failed sign-ins allowed per account name and per client address within signinWindow. The
// address limit is higher: colleagues behind one office address mistype too.
const (
	signinWindow     = 15 * time.Minute
	signinMaxPerName = 5
	signinMaxPerAddr = 30
)

// dummyHash is verified against when the account does not exist, so that the answer takes as long
// as for a wrong password and does not reveal which names exist.
const dummyHash = "$argon2id$v=19$m=65536,t=3,p=4$foX2jRlKALyJJJJ9BuECOg$V8fjk68OhnMcAXGSKOC/zy5mSJVLzzKJh4jhrOWQdMw"

type signinPage struct {
	appPage
	Token  string
	Name   string
	Next   string
	Chosen pipeline.Lang // the language picked on the page, kept through a failed attempt
}

func (s *Server) signinPage(w http.ResponseWriter, r *http.Request) signinPage {
	p := signinPage{appPage: s.newAppPage(r, "wb.signin.title"), Token: s.signinToken(w, r), Next: r.FormValue("next")}
	if l, err := pipeline.ParseLang(r.FormValue("lang")); err == nil {
		p.Chosen = l
		p.Lang, p.T = l, s.localizer(l)
		p.Title = p.T.T("wb.signin.title", nil)
		for i := range p.Langs {
			p.Langs[i].Current = p.Langs[i].Lang == l
		}
	}
	return p
}

func (s *Server) handleSigninForm(w http.ResponseWriter, r *http.Request) {
	if currentSession(r) != nil {
		http.Redirect(w, r, "/workbench/", http.StatusSeeOther)
		return
	}
	p := s.signinPage(w, r)
	s.renderApp(w, r, "signin.html", 0, p.Lang, p)
}

// handleSignin checks the password and starts a session. Every failure reads the same, whether
// the name exists or not, and too many failures lock the name (and the address) for a while.
func (s *Server) handleSignin(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimSpace(r.PostFormValue("name"))
	password := r.PostFormValue("password")
	p := s.signinPage(w, r)
	p.Name = name
	fail := func(status int, id string, data map[string]any) {
		p.Problem = p.T.T(id, data)
		s.renderApp(w, r, "signin.html", status, p.Lang, p)
	}
	if name == "" || password == "" || len(name) > 64 || len(password) > 1024 {
		fail(http.StatusBadRequest, "wb.signin.missing", nil)
		return
	}
	addr := clientAddr(r)
	byName, byAddr, err := s.cfg.Store.CountSigninFailures(r.Context(), name, addr, time.Now().Add(-signinWindow))
	if err != nil {
		s.workbenchError(w, r, err)
		return
	}
	if byName >= signinMaxPerName || byAddr >= signinMaxPerAddr {
		w.Header().Set("Retry-After", "900")
		fail(http.StatusTooManyRequests, "wb.signin.locked", map[string]any{"Minutes": int(signinWindow.Minutes())})
		return
	}
	u, hash, err := s.cfg.Store.FindUserByName(r.Context(), name)
	if err != nil && pipeline.ErrorCode(err) != pipeline.CodeNotFound {
		s.workbenchError(w, r, err)
		return
	}
	if err != nil || hash == "" {
		hash = dummyHash
	}
	ok, verr := argon2id.Verify(password, hash)
	if err != nil || verr != nil || !ok {
		if err := s.cfg.Store.RecordSigninFailure(r.Context(), name, addr); err != nil {
			s.workbenchError(w, r, err)
			return
		}
		fail(http.StatusUnauthorized, "wb.signin.wrong", nil)
		return
	}
	if err := s.cfg.Store.ClearSigninFailures(r.Context(), name); err != nil {
		s.workbenchError(w, r, err)
		return
	}
	token, err := s.cfg.Store.CreateSession(r.Context(), u.ID, sessionTTL)
	if err != nil {
		s.workbenchError(w, r, err)
		return
	}
	s.setSessionCookie(w, r, token, int(sessionTTL.Seconds()))
	http.SetCookie(w, &http.Cookie{Name: signinCSRFCookie, Path: "/workbench/signin", MaxAge: -1})
	localRedirect(w, r, p.Next)
}

// handleSignout ends the session on the server, not only in the browser.
func (s *Server) handleSignout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := s.cfg.Store.DeleteSession(r.Context(), c.Value); err != nil {
			s.workbenchError(w, r, err)
			return
		}
	}
	s.setSessionCookie(w, r, "", -1)
	http.Redirect(w, r, "/workbench/signin", http.StatusSeeOther)
}

// handleUILang stores the interface language the user picked, or goes back to the browser's.
func (s *Server) handleUILang(w http.ResponseWriter, r *http.Request) {
	var lang pipeline.Lang
	if v := r.PostFormValue("lang"); v != "" {
		l, err := pipeline.ParseLang(v)
		if err != nil {
			s.workbenchError(w, r, err)
			return
		}
		lang = l
	}
	if err := s.cfg.Store.SetUILang(r.Context(), currentUser(r).ID, lang); err != nil {
		s.workbenchError(w, r, err)
		return
	}
	localRedirect(w, r, r.PostFormValue("back"))
}
