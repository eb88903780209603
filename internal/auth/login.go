package auth

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/wallwatch/wallwatch/internal/clientaddr"
	"github.com/wallwatch/wallwatch/internal/store"
)

// Login handles POST /login (form fields name, password, next). Every outcome is a redirect, so
// a reload never posts the password again: to next (a path on this site) with a session cookie
// on success, back to /login with error=failed or error=locked otherwise. Locked accounts and
// addresses are refused before the password is checked.
func (g *Guard) Login(w http.ResponseWriter, r *http.Request) {
	name, password := r.PostFormValue("name"), r.PostFormValue("password")
	next := localPath(r.PostFormValue("next"))
	ip, now := remoteIP(r), g.now()
	if locked, until := g.lockout.Locked(name, ip, now); locked {
		g.Audit(r, "login_failed", name, http.StatusSeeOther, "locked until "+until.UTC().Format("15:04:05Z"))
		g.backToLogin(w, r, "locked", next)
		return
	}
	u, ok, err := g.checkLogin(r, name, password)
	if err != nil {
		g.log.ErrorContext(r.Context(), "login", "user", name, "error", err)
		http.Error(w, "login unavailable", http.StatusServiceUnavailable)
		return
	}
	if !ok {
		g.lockout.Fail(name, ip, now)
		g.Audit(r, "login_failed", name, http.StatusSeeOther, "wrong name or password")
		g.backToLogin(w, r, "failed", next)
		return
	}
	g.lockout.Succeed(name)
	secret, err := newSecret(sessionPrefix)
	if err == nil {
		err = g.store.AddSession(r.Context(), HashSecret(secret), u.ID, now, now.Add(sessionTTL))
	}
	if err != nil {
		g.log.ErrorContext(r.Context(), "login session", "user", name, "error", err)
		http.Error(w, "login unavailable", http.StatusServiceUnavailable)
		return
	}
	http.SetCookie(w, sessionCookie(r, secret, int(sessionTTL.Seconds())))
	g.Audit(r, "login", u.Name, http.StatusSeeOther, "")
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// checkLogin reports whether password is name's. An unknown name costs one hash check too, so
// the time taken does not tell which names exist.
func (g *Guard) checkLogin(r *http.Request, name, password string) (store.User, bool, error) {
	u, err := g.store.UserByName(r.Context(), name)
	if errors.Is(err, store.ErrNotFound) {
		g.dummyOnce.Do(func() { g.dummyHash, _ = HashPassword("no such user, never matches") })
		_, _ = CheckPassword(g.dummyHash, password)
		return store.User{}, false, nil
	}
	if err != nil {
		return store.User{}, false, err
	}
	ok, err := CheckPassword(u.PasswordHash, password)
	return u, ok, err
}

// Logout handles POST /logout: it ends the session server-side and clears the cookie.
func (g *Guard) Logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(SessionCookie); err == nil {
		if secret, err := ParseSessionCookie(c.Value); err == nil {
			who := ""
			if u, err := g.store.SessionUser(r.Context(), HashSecret(secret), g.now()); err == nil {
				who = u.Name
			}
			if err := g.store.DeleteSession(r.Context(), HashSecret(secret)); err != nil {
				g.log.ErrorContext(r.Context(), "logout", "error", err)
			}
			g.Audit(r, "logout", who, http.StatusSeeOther, "")
		}
	}
	http.SetCookie(w, sessionCookie(r, "", -1))
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// sessionCookie is HttpOnly (no script reads it), SameSite=Lax (other sites' forms do not carry
// it) and Secure when the client used HTTPS — to this server, or to a trusted proxy before it.
func sessionCookie(r *http.Request, value string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: SessionCookie, Value: value, Path: "/", MaxAge: maxAge, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: clientaddr.From(r).HTTPS}
}

func (g *Guard) backToLogin(w http.ResponseWriter, r *http.Request, reason, next string) {
	http.Redirect(w, r, "/login?error="+reason+"&next="+url.QueryEscape(next), http.StatusSeeOther)
}

// localPath keeps a redirect target on this site: a path, never "//host" or a URL.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") {
		return "/"
	}
	return p
}
