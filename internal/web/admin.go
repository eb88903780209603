package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/wallwatch/wallwatch/internal/accounts"
	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/auth"
	"github.com/wallwatch/wallwatch/internal/store"
)

// The users page (/admin/users, admins only) lists the accounts with forms that add one, change
// a role and remove one; the account page (/account) lists the tokens of whoever is logged in
// (an admin's: every token) with forms that create one — its secret shown on the answer only —
// and revoke one. Each form answers with its page and a message saying what it did; the rules
// are package accounts', the same as the CLI's.

func (w *Web) accountRoutes() []route {
	return []route{
		{"GET /admin/users", w.page(func(r *http.Request) (view, error) { return w.usersView(r, "", "") })},
		{"POST /admin/users", w.page(w.addUser)},
		{"POST /admin/users/{name}/role", w.page(w.setRole)},
		{"POST /admin/users/{name}/delete", w.page(w.removeUser)},
		{"GET /account", w.page(func(r *http.Request) (view, error) { return w.accountView(r, accountNote{}) })},
		{"POST /account/tokens", noStore(w.page(w.addToken))},
		{"POST /account/tokens/{id}/revoke", w.page(w.revokeToken)},
	}
}

// usersData is what the users page shows.
type usersData struct {
	Users   []api.UserJSON
	Roles   []string
	Message string
	Problem string
}

func (w *Web) usersView(r *http.Request, message, problem string) (view, error) {
	users, err := w.cfg.Store.Users(r.Context())
	if err != nil {
		return view{}, fmt.Errorf("users page: %w", err)
	}
	d := usersData{Roles: []string{"viewer", "analyst", "admin"}, Message: message, Problem: problem}
	for _, u := range users {
		d.Users = append(d.Users, api.UserView(u))
	}
	return view{page: "users", title: "Users", data: d}, nil
}

func (w *Web) addUser(r *http.Request) (view, error) {
	u, err := w.accounts.AddUser(r.Context(), accounts.NewUser{Name: r.PostFormValue("name"), Org: r.PostFormValue("organisation"),
		Role: r.PostFormValue("role"), Password: r.PostFormValue("password")})
	if problem, ok := refusal(err); ok {
		return w.usersView(r, "", problem)
	} else if err != nil {
		return view{}, err
	}
	return w.usersView(r, fmt.Sprintf("User %s (%s, %s) created.", u.Name, u.Role, u.Org), "")
}

func (w *Web) setRole(r *http.Request) (view, error) {
	name, role := r.PathValue("name"), r.PostFormValue("role")
	err := w.accounts.SetRole(r.Context(), name, role)
	if problem, ok := refusal(err); ok {
		return w.usersView(r, "", problem)
	} else if err != nil {
		return view{}, err
	}
	return w.usersView(r, fmt.Sprintf("%s is now %s.", name, role), "")
}

func (w *Web) removeUser(r *http.Request) (view, error) {
	name := r.PathValue("name")
	err := w.accounts.RemoveUser(r.Context(), name)
	if problem, ok := refusal(err); ok {
		return w.usersView(r, "", problem)
	} else if err != nil {
		return view{}, err
	}
	return w.usersView(r, fmt.Sprintf("User %s removed, with their sessions and tokens.", name), "")
}

// refusal is what a form tells the person when the accounts' rules refuse a change; ok is false
// for any other error (a missing record is the error page's 404).
func refusal(err error) (string, bool) {
	switch {
	case err == nil:
		return "", false
	case errors.Is(err, accounts.ErrInvalid), errors.Is(err, store.ErrLastAdmin):
		return err.Error(), true
	case errors.Is(err, store.ErrDuplicate):
		return "That name is taken.", true
	}
	return "", false
}

// accountData is what the account page shows.
type accountData struct {
	Me       auth.Principal
	Accounts bool // some account exists: a visitor who is nobody has to log in (--public-read)
	Admin    bool // sees every token, and links to the admin pages
	Scopes   []string
	Tokens   []api.TokenJSON
	Default  string // a new token's lifetime unless changed
	accountNote
}

// accountNote is what the last form did: a message, a problem, or a new token and its secret.
type accountNote struct {
	Message string
	Problem string
	Created *api.TokenJSON
	Secret  string
}

func (w *Web) accountView(r *http.Request, note accountNote) (view, error) {
	me := auth.PrincipalFrom(r.Context())
	tokens, err := w.accounts.Tokens(r.Context(), me)
	if err != nil {
		return view{}, fmt.Errorf("account page: %w", err)
	}
	exist, err := w.cfg.Store.HasUsers(r.Context())
	if err != nil {
		return view{}, fmt.Errorf("account page: %w", err)
	}
	d := accountData{Me: me, Accounts: exist, Admin: me.Role >= auth.Admin, Default: accounts.DefaultLifetime, accountNote: note}
	for _, s := range []struct {
		scope string
		role  auth.Role
	}{{"read", auth.Viewer}, {"write", auth.Analyst}, {"admin", auth.Admin}} {
		if s.role <= me.Role {
			d.Scopes = append(d.Scopes, s.scope) // no wider than the role: accounts.AddToken refuses more
		}
	}
	for _, t := range tokens {
		d.Tokens = append(d.Tokens, api.TokenView(t))
	}
	return view{page: "account", title: "Your account", data: d}, nil
}

func (w *Web) addToken(r *http.Request) (view, error) {
	me := auth.PrincipalFrom(r.Context())
	t, secret, err := w.accounts.AddToken(r.Context(), me, accounts.NewToken{User: me.Name, Name: r.PostFormValue("name"),
		Scope: r.PostFormValue("scope"), Expires: r.PostFormValue("expires")})
	if problem, ok := refusal(err); ok {
		return w.accountView(r, accountNote{Problem: problem})
	} else if err != nil {
		return view{}, err
	}
	created := api.TokenView(t)
	return w.accountView(r, accountNote{Created: &created, Secret: secret})
}

func (w *Web) revokeToken(r *http.Request) (view, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return view{}, errNoPage
	}
	t, err := w.accounts.RevokeToken(r.Context(), auth.PrincipalFrom(r.Context()), id)
	if err != nil {
		return view{}, err
	}
	return w.accountView(r, accountNote{Message: fmt.Sprintf("Token %d (%s) revoked: it no longer works.", t.ID, t.Name)})
}

// noStore keeps a response out of every cache: it shows a secret.
func noStore(h http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Cache-Control", "no-store")
		h.ServeHTTP(rw, r)
	})
}
