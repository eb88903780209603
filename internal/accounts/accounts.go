// Package accounts manages users and API tokens with the rules every front end applies — the
// CLI's users and tokens commands, the admin API and the admin and account pages: a password of
// at least auth.MinPasswordLength characters hashed with argon2id, known roles and scopes, token
// lifetimes, a token never given more than its creator may do, and the last admin kept while
// other accounts remain (the store enforces that one inside the change's transaction).
package accounts

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/auth"
	"github.com/wallwatch/wallwatch/internal/store"
)

// ErrInvalid marks a request the caller got wrong (a short password, an unknown role, a bad
// lifetime): the front end says why instead of failing.
var ErrInvalid = errors.New("invalid")

// Manager applies the rules to one store.
type Manager struct {
	store *store.Store
	now   func() time.Time
}

// New returns a Manager over s; now is time.Now unless a test fixes the clock.
func New(s *store.Store, now func() time.Time) *Manager {
	if now == nil {
		now = time.Now
	}
	return &Manager{store: s, now: now}
}

// NewUser is an account to create.
type NewUser struct {
	Name, Org, Role, Password string
}

// AddUser creates an account; its organisation is created when new. A taken name is
// store.ErrDuplicate.
func (m *Manager) AddUser(ctx context.Context, u NewUser) (store.User, error) {
	name, org := strings.TrimSpace(u.Name), strings.TrimSpace(u.Org)
	if name == "" || org == "" {
		return store.User{}, fmt.Errorf("%w: a user needs a name and an organisation", ErrInvalid)
	}
	if _, err := auth.ParseRole(u.Role); err != nil {
		return store.User{}, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	hash, err := auth.HashPassword(u.Password)
	if err != nil {
		return store.User{}, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	user := store.User{Name: name, Org: org, Role: u.Role, PasswordHash: hash, CreatedAt: m.now().UTC()}
	if user.ID, err = m.store.AddUser(ctx, user); err != nil {
		return store.User{}, err
	}
	return user, nil
}

// SetRole gives a user another role (store.ErrLastAdmin for the last admin's demotion).
func (m *Manager) SetRole(ctx context.Context, name, role string) error {
	if _, err := auth.ParseRole(role); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return m.store.SetUserRole(ctx, name, role)
}

// RemoveUser removes an account with its sessions and tokens (store.ErrLastAdmin for the last
// admin while other accounts remain).
func (m *Manager) RemoveUser(ctx context.Context, name string) error {
	return m.store.DeleteUser(ctx, name)
}

// NewToken is an API token to create for User; Expires is a lifetime as ParseLifetime reads it.
type NewToken struct {
	User, Name, Scope, Expires string
}

// AddToken creates a token and returns it with its secret, which is shown once and never
// stored. by is who asks: a token may allow no more than by's own role, so a read token or a
// viewer cannot mint a token that writes.
func (m *Manager) AddToken(ctx context.Context, by auth.Principal, t NewToken) (store.APIToken, string, error) {
	switch {
	case by.Name == "":
		return store.APIToken{}, "", fmt.Errorf("%w: log in to create a token", ErrInvalid)
	case t.User != by.Name && by.Role < auth.Admin:
		return store.APIToken{}, "", fmt.Errorf("%w: only an admin may create tokens for another user", ErrInvalid)
	}
	name := strings.TrimSpace(t.Name)
	if name == "" {
		return store.APIToken{}, "", fmt.Errorf("%w: a token needs a name saying what uses it", ErrInvalid)
	}
	scope, err := auth.ScopeRole(t.Scope)
	if err != nil {
		return store.APIToken{}, "", fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if scope > by.Role {
		return store.APIToken{}, "", fmt.Errorf("%w: a %s token allows more than %s may do (%s)", ErrInvalid, t.Scope, by.Name, by.Role)
	}
	now := m.now().UTC()
	expires, err := ParseLifetime(t.Expires, now)
	if err != nil {
		return store.APIToken{}, "", fmt.Errorf("%w: expires: %v", ErrInvalid, err)
	}
	secret, hash, err := auth.NewToken()
	if err != nil {
		return store.APIToken{}, "", fmt.Errorf("new token: %w", err)
	}
	tok := store.APIToken{Name: name, User: t.User, Scope: t.Scope, Hash: hash, CreatedAt: now, ExpiresAt: expires}
	if tok.ID, err = m.store.AddToken(ctx, tok); err != nil {
		return store.APIToken{}, "", err
	}
	return tok, secret, nil
}

// Tokens lists the tokens by may see: an admin every token, anyone else their own.
func (m *Manager) Tokens(ctx context.Context, by auth.Principal) ([]store.APIToken, error) {
	all, err := m.store.Tokens(ctx)
	if err != nil || by.Role >= auth.Admin {
		return all, err
	}
	var own []store.APIToken
	for _, t := range all {
		if t.User == by.Name && by.Name != "" {
			own = append(own, t)
		}
	}
	return own, nil
}

// RevokeToken revokes a token by may see (Tokens); another user's token is store.ErrNotFound
// to a non-admin, so ids reveal nothing.
func (m *Manager) RevokeToken(ctx context.Context, by auth.Principal, id int64) (store.APIToken, error) {
	t, err := m.store.Token(ctx, id)
	if err != nil {
		return store.APIToken{}, err
	}
	if by.Role < auth.Admin && (t.User != by.Name || by.Name == "") {
		return store.APIToken{}, fmt.Errorf("token %d: %w", id, store.ErrNotFound)
	}
	now := m.now().UTC()
	if err := m.store.RevokeToken(ctx, id, now); err != nil {
		return store.APIToken{}, err
	}
	return m.store.Token(ctx, id)
}

// DefaultLifetime is a new token's lifetime when none is given.
const DefaultLifetime = "90d"

// ParseLifetime reads a token lifetime — whole days ("30d"), a Go duration ("12h") or "never"
// (the zero time) — and returns the expiry counted from now. Empty is DefaultLifetime.
func ParseLifetime(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		s = DefaultLifetime
	}
	if s == "never" {
		return time.Time{}, nil
	}
	var d time.Duration
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil {
			return time.Time{}, fmt.Errorf("%q: want days (30d), a duration (12h) or never", s)
		}
		d = time.Duration(n) * 24 * time.Hour
	} else {
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			return time.Time{}, fmt.Errorf("%q: want days (30d), a duration (12h) or never", s)
		}
	}
	if d <= 0 {
		return time.Time{}, fmt.Errorf("%q: want a positive lifetime", s)
	}
	return now.Add(d), nil
}
