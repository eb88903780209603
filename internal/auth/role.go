// Package auth owns accounts' security: argon2id password hashes, the secrets of sessions and API
// tokens (only their hashes are stored), login lockout, and the middleware that finds who makes a
// request and refuses what their role does not allow. The table of which route needs which role
// is the server's (internal/server/access.go); this package enforces whatever it is given.
package auth

import (
	"context"
	"fmt"

	"github.com/wallwatch/wallwatch/internal/store"
)

// Role is what a principal may do; each role includes the ones before it.
type Role int

const (
	Anyone  Role = iota // no account needed: /healthz, static assets, the login page
	Viewer              // read pages and the API
	Analyst             // ingest, review, rules and sources
	Admin               // users, tokens and the security audit log
)

func (r Role) String() string {
	switch r {
	case Anyone:
		return "anyone"
	case Viewer:
		return "viewer"
	case Analyst:
		return "analyst"
	case Admin:
		return "admin"
	}
	return fmt.Sprintf("Role(%d)", int(r))
}

// ParseRole reads a user's role as the store keeps it.
func ParseRole(s string) (Role, error) {
	switch s {
	case "viewer":
		return Viewer, nil
	case "analyst":
		return Analyst, nil
	case "admin":
		return Admin, nil
	}
	return Anyone, fmt.Errorf("role %q: want viewer, analyst or admin", s)
}

// ScopeRole is the most a token of this scope allows: read as a viewer, write as an analyst,
// admin as an admin — never more than its user's own role.
func ScopeRole(scope string) (Role, error) {
	switch scope {
	case "read":
		return Viewer, nil
	case "write":
		return Analyst, nil
	case "admin":
		return Admin, nil
	}
	return Anyone, fmt.Errorf("scope %q: want read, write or admin", scope)
}

// Principal is who made a request: a user (by session or token) with the role the request may
// use, or nobody (Name "").
type Principal struct {
	Name  string
	Org   string
	OrgID int64
	Role  Role
	Via   string // "session", "token" or "" (anonymous)
	// TokenID is the API token's id when Via is "token": requests are rate-limited per token.
	TokenID int64
}

// Audience is what the principal may read once accounts exist: CLEAR documents when anonymous,
// else what a member of its organisation may (store.MemberAudience). Admins are members like any
// other: the role says what one may do, the organisation what one may read.
func (p Principal) Audience() store.Audience {
	if p.Name == "" {
		return store.PublicAudience()
	}
	return store.MemberAudience(p.OrgID)
}

type principalKey struct{}

// WithPrincipal returns ctx carrying p.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// PrincipalFrom returns the request's principal; anonymous when none was set.
func PrincipalFrom(ctx context.Context) Principal {
	p, _ := ctx.Value(principalKey{}).(Principal)
	return p
}
