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
