package accounts

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/auth"
	"github.com/wallwatch/wallwatch/internal/store"
)

var now = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func newManager(t *testing.T) *Manager {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "accounts.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return New(s, func() time.Time { return now })
}

func TestAddUser(t *testing.T) {
	ctx := context.Background()
	m := newManager(t)
	tests := []struct {
		name    string
		user    NewUser
		wantErr error
	}{
		{"admin", NewUser{"ada", "Harbour Desk", "admin", "long enough password"}, nil},
		{"analyst, name trimmed", NewUser{" bo ", "Harbour Desk", "analyst", "long enough password"}, nil},
		{"taken name", NewUser{"ada", "Other Desk", "viewer", "long enough password"}, store.ErrDuplicate},
		{"short password", NewUser{"cy", "Harbour Desk", "viewer", "short"}, ErrInvalid},
		{"unknown role", NewUser{"cy", "Harbour Desk", "root", "long enough password"}, ErrInvalid},
		{"no name", NewUser{" ", "Harbour Desk", "viewer", "long enough password"}, ErrInvalid},
		{"no organisation", NewUser{"cy", "", "viewer", "long enough password"}, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := m.AddUser(ctx, tt.user)
			if (tt.wantErr == nil) != (err == nil) || !errors.Is(err, tt.wantErr) {
				t.Fatalf("AddUser = %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			stored, err := m.store.UserByName(ctx, strings.TrimSpace(tt.user.Name))
			if err != nil || stored.ID != u.ID || stored.Role != tt.user.Role || !strings.HasPrefix(stored.PasswordHash, "$argon2id$") {
				t.Fatalf("stored %+v (%v)", stored, err)
			}
			if ok, _ := auth.CheckPassword(stored.PasswordHash, tt.user.Password); !ok {
				t.Error("the password does not check against its hash")
			}
		})
	}
	if err := m.SetRole(ctx, "bo", "root"); !errors.Is(err, ErrInvalid) {
		t.Errorf("SetRole root: %v, want ErrInvalid", err)
	}
	if err := m.SetRole(ctx, "ada", "viewer"); !errors.Is(err, store.ErrLastAdmin) {
		t.Errorf("demoting the last admin: %v, want ErrLastAdmin", err)
	}
	if err := m.RemoveUser(ctx, "ada"); !errors.Is(err, store.ErrLastAdmin) {
		t.Errorf("removing the last admin: %v, want ErrLastAdmin", err)
	}
}

// TestTokens: who may mint which token, see and revoke which.
func TestTokens(t *testing.T) {
	ctx := context.Background()
	m := newManager(t)
	for _, u := range []NewUser{{"ada", "Desk", "admin", "long enough password"}, {"bo", "Desk", "analyst", "long enough password"}, {"cy", "Desk", "viewer", "long enough password"}} {
		if _, err := m.AddUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	admin := auth.Principal{Name: "ada", Role: auth.Admin, Via: "session"}
	analyst := auth.Principal{Name: "bo", Role: auth.Analyst, Via: "session"}
	readToken := auth.Principal{Name: "ada", Role: auth.Viewer, Via: "token"}
	viewer := auth.Principal{Name: "cy", Role: auth.Viewer, Via: "session"}
	tests := []struct {
		name    string
		by      auth.Principal
		token   NewToken
		wantErr error
		expires time.Time
	}{
		{"analyst's write token", analyst, NewToken{"bo", "ingest bot", "write", "30d"}, nil, now.Add(30 * 24 * time.Hour)},
		{"analyst's token, default lifetime", analyst, NewToken{"bo", "dashboard", "read", ""}, nil, now.Add(90 * 24 * time.Hour)},
		{"viewer's read token that never expires", viewer, NewToken{"cy", "wall screen", "read", "never"}, nil, time.Time{}},
		{"admin's token for another user", admin, NewToken{"cy", "kiosk", "read", "12h"}, nil, now.Add(12 * time.Hour)},
		{"viewer asks for a write token", viewer, NewToken{"cy", "escalate", "write", "1d"}, ErrInvalid, time.Time{}},
		{"read token asks for an admin token", readToken, NewToken{"ada", "escalate", "admin", "1d"}, ErrInvalid, time.Time{}},
		{"analyst's token for another user", analyst, NewToken{"cy", "x", "read", "1d"}, ErrInvalid, time.Time{}},
		{"nobody logged in", auth.Principal{}, NewToken{"", "x", "read", "1d"}, ErrInvalid, time.Time{}},
		{"unknown scope", admin, NewToken{"ada", "x", "root", "1d"}, ErrInvalid, time.Time{}},
		{"no name", admin, NewToken{"ada", " ", "read", "1d"}, ErrInvalid, time.Time{}},
		{"bad lifetime", admin, NewToken{"ada", "x", "read", "soon"}, ErrInvalid, time.Time{}},
		{"unknown user", admin, NewToken{"nobody", "x", "read", "1d"}, store.ErrNotFound, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok, secret, err := m.AddToken(ctx, tt.by, tt.token)
			if (tt.wantErr == nil) != (err == nil) || !errors.Is(err, tt.wantErr) {
				t.Fatalf("AddToken = %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if _, err := auth.ParseBearer("Bearer " + secret); err != nil || !tok.ExpiresAt.Equal(tt.expires) {
				t.Errorf("secret %q (%v), expires %v; want a token expiring %v", secret, err, tok.ExpiresAt, tt.expires)
			}
			stored, user, err := m.store.TokenUser(ctx, auth.HashSecret(secret))
			if err != nil || stored.ID != tok.ID || user.Name != tt.token.User {
				t.Errorf("stored %+v of %s (%v)", stored, user.Name, err)
			}
		})
	}

	owners := func(by auth.Principal) string {
		list, err := m.Tokens(ctx, by)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, tok := range list {
			names = append(names, tok.User)
		}
		return strings.Join(names, ",")
	}
	if got := owners(admin); got != "bo,bo,cy,cy" {
		t.Errorf("admin sees tokens of %q, want every token", got)
	}
	if got := owners(viewer); got != "cy,cy" {
		t.Errorf("viewer sees tokens of %q, want their own", got)
	}
	if got := owners(auth.Principal{}); got != "" {
		t.Errorf("nobody sees tokens of %q, want none", got)
	}

	if _, err := m.RevokeToken(ctx, viewer, 1); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("viewer revoking another's token: %v, want ErrNotFound", err)
	}
	if tok, err := m.RevokeToken(ctx, analyst, 1); err != nil || !tok.RevokedAt.Equal(now) {
		t.Errorf("owner revoking: %+v, %v", tok, err)
	}
	if tok, err := m.RevokeToken(ctx, admin, 3); err != nil || tok.User != "cy" || tok.RevokedAt.IsZero() {
		t.Errorf("admin revoking another's token: %+v, %v", tok, err)
	}
	if _, err := m.RevokeToken(ctx, admin, 99); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("revoking no token: %v, want ErrNotFound", err)
	}
}

func TestParseLifetime(t *testing.T) {
	for _, bad := range []string{"d", "-3d", "0h", "soon", "3 days"} {
		if _, err := ParseLifetime(bad, now); err == nil {
			t.Errorf("ParseLifetime(%q) accepted", bad)
		}
	}
	for in, want := range map[string]time.Time{"30d": now.Add(720 * time.Hour), "12h": now.Add(12 * time.Hour), "": now.Add(90 * 24 * time.Hour), "never": {}} {
		if got, err := ParseLifetime(in, now); err != nil || !got.Equal(want) {
			t.Errorf("ParseLifetime(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}
