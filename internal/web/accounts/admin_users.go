package accounts

import (
	"net/http"
	"strings"

	"github.com/tilmash/tilmash/internal/argon2id"
	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

type userRow struct {
	Name  string
	Role  string
	Langs string
	Since string
}

type adminUsersPage struct {
	kit.AppPage
	Users []userRow
	Roles []roleOption
	Form  struct {
		Name  string
		Role  pipeline.Role
		Langs map[pipeline.Lang]bool
	}
}

type roleOption struct {
	Value pipeline.Role
	Label string
}

// minPasswordRunes matches the command line's rule.
const minPasswordRunes = 8

func (h *Handler) adminUsersPage(r *http.Request) (adminUsersPage, error) {
	p := adminUsersPage{AppPage: h.NewAppPage(r, "wb.admin.title")}
	users, err := h.store.FindUsers(r.Context())
	if err != nil {
		return p, err
	}
	for _, u := range users {
		var langs []string
		for _, l := range u.Langs {
			langs = append(langs, l.NativeName())
		}
		p.Users = append(p.Users, userRow{Name: u.Name, Role: p.T.T("wb.role."+string(u.Role), nil),
			Langs: strings.Join(langs, ", "), Since: h.FormatDay(u.CreatedAt, p.Lang)})
	}
	for _, role := range []pipeline.Role{pipeline.RoleTranslator, pipeline.RoleEditor, pipeline.RoleAdmin} {
		p.Roles = append(p.Roles, roleOption{Value: role, Label: p.T.T("wb.role."+string(role), nil)})
	}
	p.Form.Role = pipeline.RoleTranslator
	p.Form.Langs = map[pipeline.Lang]bool{}
	return p, nil
}

// handleAdminUsers lists the accounts, with a form to add one; administrators only.
func (h *Handler) handleAdminUsers(w http.ResponseWriter, r *http.Request) {
	if !kit.User(r).CanAdminister() {
		h.PageError(w, r, kit.ErrForbidden)
		return
	}
	p, err := h.adminUsersPage(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	if name := r.URL.Query().Get("created"); name != "" {
		p.Notice = p.T.T("wb.admin.created", map[string]any{"Name": name})
	}
	// A refused form comes back here with its reason and what was typed but the password.
	problem, keep := h.TakeFlash(w, r)
	p.Problem = problem
	if keep != nil {
		p.Form.Name = keep["name"]
		if role, err := pipeline.ParseRole(keep["role"]); err == nil {
			p.Form.Role = role
		}
		for _, l := range strings.Fields(keep["langs"]) {
			if lang := pipeline.Lang(l); lang.Valid() {
				p.Form.Langs[lang] = true
			}
		}
	}
	h.pages.Render(w, r, "admin_users.html", 0, p.Lang, p)
}

// handleAdminUserCreate adds an account with the same rules as "tilmash user add".
func (h *Handler) handleAdminUserCreate(w http.ResponseWriter, r *http.Request) {
	if !kit.User(r).CanAdminister() {
		h.PageError(w, r, kit.ErrForbidden)
		return
	}
	p, err := h.adminUsersPage(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	name := strings.TrimSpace(r.PostFormValue("name"))
	p.Form.Name = name
	// A refusal sends the administrator back to the page (post, redirect, get) with the reason
	// and the form as it was typed, but the password.
	fail := func(_ int, msg string) {
		langs := make([]string, 0, len(p.Form.Langs))
		for l := range p.Form.Langs {
			langs = append(langs, string(l))
		}
		h.RefuseTo(w, r, "/workbench/admin/users", msg, map[string]string{"name": name,
			"role": string(p.Form.Role), "langs": strings.Join(langs, " ")})
	}
	role, err := pipeline.ParseRole(r.PostFormValue("role"))
	if err != nil {
		fail(http.StatusBadRequest, p.T.T("wb.admin.role_required", nil))
		return
	}
	p.Form.Role = role
	u := pipeline.User{Name: name, Role: role}
	for _, v := range r.PostForm["langs"] {
		l, err := pipeline.ParseLang(v)
		if err != nil {
			fail(http.StatusBadRequest, p.T.T("error.lang_unknown", map[string]any{"Lang": v}))
			return
		}
		u.Langs = append(u.Langs, l)
		p.Form.Langs[l] = true
	}
	if !validUserName(name) {
		fail(http.StatusBadRequest, p.T.T("wb.admin.name_invalid", nil))
		return
	}
	if role == pipeline.RoleTranslator && len(u.Langs) == 0 {
		fail(http.StatusBadRequest, p.T.T("wb.admin.langs_required", nil))
		return
	}
	password := r.PostFormValue("password")
	if n := len([]rune(password)); n < minPasswordRunes || n > 1024 {
		fail(http.StatusBadRequest, p.T.T("wb.admin.password_short", nil, minPasswordRunes))
		return
	}
	hash, err := argon2id.Hash(password)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	if _, err := h.store.CreateUser(r.Context(), u, hash); err != nil {
		if pipeline.ErrorCode(err) == pipeline.CodeConflict {
			fail(http.StatusConflict, p.T.T("error.user_exists", map[string]any{"Name": name}))
			return
		}
		h.PageError(w, r, err)
		return
	}
	kit.LocalRedirect(w, r, "/workbench/admin/users?created="+kit.QueryEscape(name))
}

// validUserName follows the database's rule: letters, digits, "_", "." and "-", up to 64.
func validUserName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '.' || r == '-') {
			return false
		}
	}
	return true
}
