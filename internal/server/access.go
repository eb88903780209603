package server

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/wallwatch/wallwatch/internal/auth"
)

// accessRule is the role one route needs once accounts exist.
type accessRule struct {
	pattern string // "METHOD pattern", exactly as the route is registered
	role    auth.Role
}

// accessTable is the one table of who may call what: every API route and page, plus the routes
// the server itself mounts. Reads need a viewer; ingest, review, rules and sources writes an
// analyst; the security log and users (pages and API) an admin; every account manages its own
// API tokens. Handler refuses to build when a route is missing here or a rule names no route, so
// a new route cannot be forgotten (TestAccessMatrix asserts every cell).
func accessTable() []accessRule {
	const v, a = auth.Viewer, auth.Analyst
	api := func(method, path string, role auth.Role) accessRule {
		return accessRule{method + " /api/v1" + path, role}
	}
	return []accessRule{
		// Open: health checks, static assets and logging in.
		{"GET /healthz", auth.Anyone},
		{"GET /static/", auth.Anyone},
		{"GET /login", auth.Anyone},
		{"POST /login", auth.Anyone},
		{"POST /logout", auth.Anyone},

		// Pages.
		{"GET /{$}", v}, {"GET /incidents", v}, {"GET /incidents/{id}", v}, {"GET /incidents/{id}/history", v},
		{"GET /review", v}, {"GET /facilities", v}, {"GET /facilities/{id}", v}, {"GET /documents", v},
		{"GET /documents/{id}", v}, {"GET /campaigns", v}, {"GET /campaigns/{name}", v}, {"GET /waves", v},
		{"GET /waves/{id}", v}, {"GET /actors", v}, {"GET /actors/{name}", v}, {"GET /watch", v},
		{"POST /review", a},
		{"POST /watch/sources", a}, {"POST /watch/sources/{id}/{action}", a},
		{"POST /watch/rules", a}, {"POST /watch/rules/{id}/{action}", a},
		{"GET /admin/security", auth.Admin},
		{"GET /admin/users", auth.Admin}, {"POST /admin/users", auth.Admin},
		{"POST /admin/users/{name}/role", auth.Admin}, {"POST /admin/users/{name}/delete", auth.Admin},
		{"GET /account", v}, {"POST /account/tokens", v}, {"POST /account/tokens/{id}/revoke", v}, // one's own tokens (an admin's: all)

		// API reads.
		api("GET", "/incidents", v), api("GET", "/incidents/{id}", v), api("GET", "/documents", v),
		api("GET", "/documents/{id}", v), api("GET", "/actors", v), api("GET", "/campaigns", v),
		api("GET", "/waves", v), api("GET", "/waves/{id}", v), api("GET", "/export.json", v),
		api("GET", "/export.csv", v), api("GET", "/export.geojson", v), api("GET", "/export.stix", v),
		api("GET", "/openapi.json", v), api("GET", "/sources", v), api("GET", "/sources/{id}", v),
		api("GET", "/alerts/rules", v), api("GET", "/alerts/rules/{id}", v), api("GET", "/alerts/deliveries", v),
		api("GET", "/alerts/stream", v), api("GET", "/facilities", v), api("GET", "/facilities/{id}", v),
		api("GET", "/audit", v),

		// API admin: the security log.
		api("GET", "/security/events", auth.Admin),

		// API accounts: users for admins; everyone's own tokens (an admin's: all).
		api("GET", "/users", auth.Admin), api("POST", "/users", auth.Admin),
		api("POST", "/users/{name}/role", auth.Admin), api("DELETE", "/users/{name}", auth.Admin),
		api("GET", "/tokens", v), api("POST", "/tokens", v), api("POST", "/tokens/{id}/revoke", v),

		// API writes: ingest, sources, alert rules, review.
		api("POST", "/documents", a),
		api("POST", "/sources", a), api("DELETE", "/sources/{id}", a),
		api("POST", "/sources/{id}/pause", a), api("POST", "/sources/{id}/resume", a),
		api("POST", "/alerts/rules", a), api("DELETE", "/alerts/rules/{id}", a),
		api("POST", "/alerts/rules/{id}/pause", a), api("POST", "/alerts/rules/{id}/resume", a),
		api("POST", "/alerts/rules/{id}/test", a),
		api("POST", "/incidents/{id}/merge", a), api("POST", "/incidents/{id}/split", a),
		api("POST", "/incidents/{id}/fields", a), api("POST", "/incidents/{id}/hide", a),
		api("POST", "/incidents/{id}/confirm", a), api("POST", "/incidents/{id}/claims", a),
		api("POST", "/claims/{claim}/accept", a), api("POST", "/claims/{claim}/reject", a),
		api("POST", "/claims/{claim}/reattribute", a),
		api("POST", "/documents/{id}/copy", a), api("POST", "/documents/{id}/not-copy", a),
		api("POST", "/documents/{id}/off-topic", a), api("POST", "/documents/{id}/delete", a),
		api("POST", "/audit/{id}/undo", a),
		api("POST", "/facilities/{id}/rename", a), api("POST", "/facilities/{id}/merge", a),
	}
}

// accessPolicy finds the role a request needs by matching it against the table's patterns with
// a ServeMux of its own, so it matches exactly as the handlers' muxes do.
type accessPolicy struct {
	mux   *http.ServeMux
	roles map[string]auth.Role
}

// newAccessPolicy checks that rules name exactly the routes mounted and builds the policy.
func newAccessPolicy(rules []accessRule, mounted []string) (*accessPolicy, error) {
	p := &accessPolicy{mux: http.NewServeMux(), roles: map[string]auth.Role{}}
	for _, r := range rules {
		if _, dup := p.roles[r.pattern]; dup {
			return nil, fmt.Errorf("access table: %s listed twice", r.pattern)
		}
		p.roles[r.pattern] = r.role
		p.mux.Handle(r.pattern, http.NotFoundHandler())
	}
	var missing, extra []string
	for _, m := range mounted {
		if _, ok := p.roles[m]; !ok {
			missing = append(missing, m)
		}
	}
	for _, r := range rules {
		if !slices.Contains(mounted, r.pattern) {
			extra = append(extra, r.pattern)
		}
	}
	if len(missing) > 0 || len(extra) > 0 {
		return nil, fmt.Errorf("access table out of step with the routes: no rule for [%s]; no route for [%s]",
			strings.Join(missing, ", "), strings.Join(extra, ", "))
	}
	return p, nil
}

// required is the role r needs. A request no route matches (a 404 or 405 to come) needs a
// viewer to read and an analyst to write, so unknown paths reveal nothing to strangers.
func (p *accessPolicy) required(r *http.Request) auth.Role {
	if _, pattern := p.mux.Handler(r); pattern != "" {
		return p.roles[pattern]
	}
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return auth.Viewer
	}
	return auth.Analyst
}
