package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/accounts"
	"github.com/wallwatch/wallwatch/internal/auth"
	"github.com/wallwatch/wallwatch/internal/store"
)

// Users and API tokens (docs/accounts.md). The server's access table lets only admins manage
// users; every account may list, create and revoke its own tokens, and an admin every token.
// The rules themselves (password length, roles, scopes, the last admin) are package accounts'.

func (a *API) accountRoutes() []route {
	return []route{
		{http.MethodGet, Prefix + "/users", a.listUsers},
		{http.MethodPost, Prefix + "/users", a.addUser},
		{http.MethodPost, Prefix + "/users/{name}/role", a.setRole},
		{http.MethodDelete, Prefix + "/users/{name}", a.removeUser},
		{http.MethodGet, Prefix + "/tokens", a.listTokens},
		{http.MethodPost, Prefix + "/tokens", a.addToken},
		{http.MethodPost, Prefix + "/tokens/{id}/revoke", a.revokeToken},
	}
}

// UserJSON is an account as the API and the pages show it: never its password hash.
type UserJSON struct {
	Name         string    `json:"name"`
	Organisation string    `json:"organisation"`
	Role         string    `json:"role"`
	CreatedAt    time.Time `json:"created_at"`
}

// UserView is u as the API shows it.
func UserView(u store.User) UserJSON {
	return UserJSON{Name: u.Name, Organisation: u.Org, Role: u.Role, CreatedAt: u.CreatedAt}
}

// TokenJSON is an API token as the API and the pages show it: never its secret or hash.
type TokenJSON struct {
	ID         int64      `json:"id"`
	Name       string     `json:"name"`
	User       string     `json:"user"`
	Scope      string     `json:"scope"`
	CreatedAt  time.Time  `json:"created_at"`
	ExpiresAt  *time.Time `json:"expires_at,omitempty"`
	RevokedAt  *time.Time `json:"revoked_at,omitempty"`
	LastUsedAt *time.Time `json:"last_used_at,omitempty"`
}

// TokenView is t as the API shows it; zero times (never expires, not revoked, unused) are left
// out.
func TokenView(t store.APIToken) TokenJSON {
	return TokenJSON{ID: t.ID, Name: t.Name, User: t.User, Scope: t.Scope, CreatedAt: t.CreatedAt,
		ExpiresAt: optionalTime(t.ExpiresAt), RevokedAt: optionalTime(t.RevokedAt), LastUsedAt: optionalTime(t.LastUsed)}
}

func optionalTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func (a *API) listUsers(w http.ResponseWriter, r *http.Request) error {
	users, err := a.cfg.Store.Users(r.Context())
	if err != nil {
		return err
	}
	out := struct {
		Users []UserJSON `json:"users"`
	}{[]UserJSON{}}
	for _, u := range users {
		out.Users = append(out.Users, UserView(u))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) addUser(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		Name         string `json:"name"`
		Organisation string `json:"organisation"`
		Role         string `json:"role"`
		Password     string `json:"password"`
	}
	if err := readBody(w, r, &req); err != nil {
		return err
	}
	u, err := a.accounts.AddUser(r.Context(), accounts.NewUser{Name: req.Name, Org: req.Organisation, Role: req.Role, Password: req.Password})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, UserView(u))
}

func (a *API) setRole(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		Role string `json:"role"`
	}
	if err := readBody(w, r, &req); err != nil {
		return err
	}
	name := r.PathValue("name")
	if err := a.accounts.SetRole(r.Context(), name, req.Role); err != nil {
		return err
	}
	u, err := a.cfg.Store.UserByName(r.Context(), name)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, UserView(u))
}

func (a *API) removeUser(w http.ResponseWriter, r *http.Request) error {
	if err := a.accounts.RemoveUser(r.Context(), r.PathValue("name")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) listTokens(w http.ResponseWriter, r *http.Request) error {
	tokens, err := a.accounts.Tokens(r.Context(), auth.PrincipalFrom(r.Context()))
	if err != nil {
		return err
	}
	out := struct {
		Tokens []TokenJSON `json:"tokens"`
	}{[]TokenJSON{}}
	for _, t := range tokens {
		out.Tokens = append(out.Tokens, TokenView(t))
	}
	return writeJSON(w, http.StatusOK, out)
}

// NewTokenJSON answers the creation of a token: the token, and its secret, shown only this once.
type NewTokenJSON struct {
	Token  TokenJSON `json:"token"`
	Secret string    `json:"secret"`
}

func (a *API) addToken(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		Name    string `json:"name"`
		Scope   string `json:"scope"`
		Expires string `json:"expires"`
		User    string `json:"user"`
	}
	if err := readBody(w, r, &req); err != nil {
		return err
	}
	by := auth.PrincipalFrom(r.Context())
	user := strings.TrimSpace(req.User)
	if user == "" {
		user = by.Name
	}
	t, secret, err := a.accounts.AddToken(r.Context(), by, accounts.NewToken{User: user, Name: req.Name, Scope: req.Scope, Expires: req.Expires})
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	return writeJSON(w, http.StatusCreated, NewTokenJSON{Token: TokenView(t), Secret: secret})
}

func (a *API) revokeToken(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	t, err := a.accounts.RevokeToken(r.Context(), auth.PrincipalFrom(r.Context()), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, TokenView(t))
}
