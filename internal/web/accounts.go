package web

import (
	"fmt"
	"net/http"

	"github.com/wallwatch/wallwatch/internal/store"
)

// The login form posts to /login, which the server's auth.Guard answers; this page only shows
// the form and why the last attempt failed. /admin/security shows the security audit log.

// loginData is what the login page shows.
type loginData struct {
	Next    string
	Problem string
}

func (w *Web) loginPage(r *http.Request) (view, error) {
	d := loginData{Next: r.URL.Query().Get("next")}
	switch r.URL.Query().Get("error") {
	case "failed":
		d.Problem = "Wrong name or password."
	case "locked":
		d.Problem = "Too many failed attempts: logins for this account or from this address are refused for a while."
	}
	return view{page: "login", title: "Log in", data: d}, nil
}

// securityEventsShown is how many of the newest security events the page lists.
const securityEventsShown = 500

func (w *Web) securityPage(r *http.Request) (view, error) {
	events, err := w.cfg.Store.SecurityEvents(r.Context(), securityEventsShown)
	if err != nil {
		return view{}, fmt.Errorf("security page: %w", err)
	}
	return view{page: "security", title: "Security log", data: struct{ Events []store.SecurityEvent }{events}}, nil
}
