package pipeline

import (
	"fmt"
	"slices"
	"time"
)

// Role is what a user may do.
type Role string

const (
	RoleTranslator Role = "translator" // edits and submits editions in their languages
	RoleEditor     Role = "editor"     // all languages; approves and publishes
	RoleAdmin      Role = "admin"      // everything, and manages users
)

// ParseRole accepts translator, editor and admin.
func ParseRole(s string) (Role, error) {
	switch r := Role(s); r {
	case RoleTranslator, RoleEditor, RoleAdmin:
		return r, nil
	}
	return "", &Error{Code: CodeInvalid, MessageID: "error.role_unknown", Data: map[string]any{"Role": s},
		Err: fmt.Errorf("unknown role %q (translator, editor or admin)", s)}
}

// User is a person with an account.
type User struct {
	ID        int64
	Name      string
	Role      Role
	Langs     []Lang // for translators: the languages they may work in
	CreatedAt time.Time
}

// CanEdit reports whether u may change translations in lang.
func (u *User) CanEdit(lang Lang) bool {
	if u == nil {
		return false
	}
	if u.Role == RoleEditor || u.Role == RoleAdmin {
		return true
	}
	return slices.Contains(u.Langs, lang)
}

// CanApprove reports whether u may approve, schedule and publish editions.
func (u *User) CanApprove() bool {
	return u != nil && (u.Role == RoleEditor || u.Role == RoleAdmin)
}

// CanAdminister reports whether u may manage users and settings.
func (u *User) CanAdminister() bool { return u != nil && u.Role == RoleAdmin }

// Session is a signed-in browser of the workbench and the newsroom: its user, the CSRF token its
// forms must carry and the interface language the user picked ("" follows the browser). The
// database keeps only the hash of the cookie that names it.
type Session struct {
	User      User
	CSRFToken string
	UILang    Lang
	ExpiresAt time.Time
}
