package api

import (
	"net/http"
	"time"
)

// SecurityEventJSON is one entry of the security log: a login attempt, a logout or a write
// request (docs/accounts.md).
type SecurityEventJSON struct {
	ID     int64     `json:"id"`
	At     time.Time `json:"at"`
	Kind   string    `json:"kind"`
	Who    string    `json:"who"`
	Remote string    `json:"remote"`
	Method string    `json:"method"`
	Path   string    `json:"path"`
	Status int       `json:"status"`
	Detail string    `json:"detail"`
}

type securityPage struct {
	Events []SecurityEventJSON `json:"events"`
}

// Security log limits: how many of the newest events one request gets.
const (
	securityDefaultLimit = 500
	securityMaxLimit     = 10000
)

// listSecurityEvents serves the security log, newest first; the server's access table lets only
// admins call it.
func (a *API) listSecurityEvents(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	if err := checkKnown(v, "limit"); err != nil {
		return err
	}
	n := securityDefaultLimit
	if s := v.Get("limit"); s != "" {
		var err error
		if n, err = limit(s, securityMaxLimit); err != nil {
			return err
		}
	}
	events, err := a.cfg.Store.SecurityEvents(r.Context(), n)
	if err != nil {
		return err
	}
	page := securityPage{Events: []SecurityEventJSON{}}
	for _, e := range events {
		page.Events = append(page.Events, SecurityEventJSON(e))
	}
	return writeJSON(w, http.StatusOK, page)
}
