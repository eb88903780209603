package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestAccounts(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if has, err := s.HasUsers(ctx); has || err != nil {
		t.Fatalf("HasUsers on a new store = %v, %v; want false", has, err)
	}
	now := time.Now().UTC().Truncate(time.Second)
	id, err := s.AddUser(ctx, User{Name: "ana", Org: "Newsroom", Role: "analyst", PasswordHash: "$h", CreatedAt: now})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddUser(ctx, User{Name: "ana", Org: "Other", Role: "viewer", PasswordHash: "$h", CreatedAt: now}); !errors.Is(err, ErrDuplicate) {
		t.Errorf("second ana: got %v, want ErrDuplicate", err)
	}
	if _, err := s.AddUser(ctx, User{Name: "bo", Org: "Newsroom", Role: "root", PasswordHash: "$h", CreatedAt: now}); err == nil {
		t.Error("role root accepted")
	}
	if has, _ := s.HasUsers(ctx); !has {
		t.Error("HasUsers after AddUser = false")
	}

	if err := s.AddSession(ctx, []byte("live"), id, now, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.AddSession(ctx, []byte("old"), id, now.Add(-2*time.Hour), now.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if u, err := s.SessionUser(ctx, []byte("live"), now); err != nil || u.Name != "ana" || u.Org != "Newsroom" || u.Role != "analyst" {
		t.Errorf("live session: %+v, %v", u, err)
	}
	if _, err := s.SessionUser(ctx, []byte("old"), now); !errors.Is(err, ErrNotFound) {
		t.Errorf("expired session: got %v, want ErrNotFound", err)
	}
	if err := s.AddSession(ctx, []byte("next"), id, now, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM sessions`).Scan(&n); err != nil || n != 2 {
		t.Errorf("%d sessions kept (%v), want the 2 live ones: a new session forgets expired ones", n, err)
	}

	tid, err := s.AddToken(ctx, APIToken{Name: "dash", User: "ana", Scope: "read", Hash: []byte("tok"), CreatedAt: now})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddToken(ctx, APIToken{Name: "x", User: "nobody", Scope: "read", Hash: []byte("t2"), CreatedAt: now}); !errors.Is(err, ErrNotFound) {
		t.Errorf("token of an unknown user: got %v, want ErrNotFound", err)
	}
	if err := s.TouchToken(ctx, tid, now); err != nil {
		t.Fatal(err)
	}
	if err := s.RevokeToken(ctx, tid, now); err != nil {
		t.Fatal(err)
	}
	tok, u, err := s.TokenUser(ctx, []byte("tok"))
	if err != nil || u.Name != "ana" || !tok.LastUsed.Equal(now) || !tok.RevokedAt.Equal(now) || !tok.ExpiresAt.IsZero() {
		t.Errorf("token: %+v of %+v, %v", tok, u, err)
	}

	if err := s.DeleteUser(ctx, "ana"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.TokenUser(ctx, []byte("tok")); !errors.Is(err, ErrNotFound) {
		t.Errorf("token of a removed user: got %v, want ErrNotFound", err)
	}
	if _, err := s.SessionUser(ctx, []byte("live"), now); !errors.Is(err, ErrNotFound) {
		t.Errorf("session of a removed user: got %v, want ErrNotFound", err)
	}
}

func TestSecurityEventsAreAppendOnly(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	for _, kind := range []string{"login_failed", "login"} {
		if err := s.AddSecurityEvent(ctx, SecurityEvent{At: time.Now(), Kind: kind, Who: "ana", Remote: "192.0.2.1", Method: "POST", Path: "/login", Status: 303}); err != nil {
			t.Fatal(err)
		}
	}
	events, err := s.SecurityEvents(ctx, 10)
	if err != nil || len(events) != 2 || events[0].Kind != "login" {
		t.Fatalf("events: %+v, %v; want two, newest first", events, err)
	}
	for _, stmt := range []string{`UPDATE security_events SET who = 'eve'`, `DELETE FROM security_events`} {
		if _, err := s.write.ExecContext(ctx, stmt); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: got %v, want refused", stmt, err)
		}
	}
}

// TestLastAdminIsKept: the last admin can be neither removed nor demoted while other accounts
// remain; alone, it can be removed.
func TestLastAdminIsKept(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		users   map[string]string // name -> role
		change  func(s *Store) error
		wantErr error
		left    string // role of "ada" afterwards; "" removed
	}{
		{"remove the last admin", map[string]string{"ada": "admin", "bo": "viewer"}, func(s *Store) error { return s.DeleteUser(ctx, "ada") }, ErrLastAdmin, "admin"},
		{"demote the last admin", map[string]string{"ada": "admin", "bo": "viewer"}, func(s *Store) error { return s.SetUserRole(ctx, "ada", "analyst") }, ErrLastAdmin, "admin"},
		{"demote the only account", map[string]string{"ada": "admin"}, func(s *Store) error { return s.SetUserRole(ctx, "ada", "viewer") }, ErrLastAdmin, "admin"},
		{"remove the only account", map[string]string{"ada": "admin"}, func(s *Store) error { return s.DeleteUser(ctx, "ada") }, nil, ""},
		{"remove one of two admins", map[string]string{"ada": "admin", "bo": "admin"}, func(s *Store) error { return s.DeleteUser(ctx, "ada") }, nil, ""},
		{"demote one of two admins", map[string]string{"ada": "admin", "bo": "admin"}, func(s *Store) error { return s.SetUserRole(ctx, "ada", "viewer") }, nil, "viewer"},
		{"promote", map[string]string{"ada": "viewer", "bo": "admin"}, func(s *Store) error { return s.SetUserRole(ctx, "ada", "analyst") }, nil, "analyst"},
		{"remove nobody", map[string]string{"ada": "admin"}, func(s *Store) error { return s.DeleteUser(ctx, "cy") }, ErrNotFound, "admin"},
		{"set nobody's role", map[string]string{"ada": "admin"}, func(s *Store) error { return s.SetUserRole(ctx, "cy", "viewer") }, ErrNotFound, "admin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			for name, role := range tt.users {
				if _, err := s.AddUser(ctx, User{Name: name, Org: "Desk", Role: role, PasswordHash: "$h", CreatedAt: time.Now()}); err != nil {
					t.Fatal(err)
				}
			}
			err := tt.change(s)
			if (tt.wantErr == nil) != (err == nil) || !errors.Is(err, tt.wantErr) {
				t.Errorf("got %v, want %v", err, tt.wantErr)
			}
			u, err := s.UserByName(ctx, "ada")
			if got := map[bool]string{true: u.Role, false: ""}[err == nil]; got != tt.left {
				t.Errorf("ada is now %q, want %q", got, tt.left)
			}
		})
	}
}
