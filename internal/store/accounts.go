package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// User is an account: a name, the organisation it belongs to, its role (viewer, analyst or
// admin) and its argon2id password hash.
type User struct {
	ID           int64
	Name         string
	Org          string
	OrgID        int64
	Role         string
	PasswordHash string
	CreatedAt    time.Time
}

// APIToken is a bearer token of a user, stored as the hash of its secret. Scope is read, write
// or admin; a zero ExpiresAt never expires, a zero RevokedAt is not revoked.
type APIToken struct {
	ID        int64
	Name      string
	User      string
	Scope     string
	Hash      []byte
	CreatedAt time.Time
	ExpiresAt time.Time
	RevokedAt time.Time
	LastUsed  time.Time
}

// SecurityEvent is one row of the append-only security audit log: a login attempt, a logout or
// a write request, who made it, from where and how it ended.
type SecurityEvent struct {
	ID     int64
	At     time.Time
	Kind   string
	Who    string
	Remote string
	Method string
	Path   string
	Status int
	Detail string
}

const userColumns = `u.id, u.name, o.name, u.org_id, u.role, u.password_hash, u.created_at`

// AddOrganisation creates an organisation unless one has the name already.
func (s *Store) AddOrganisation(ctx context.Context, name string, at time.Time) error {
	if _, err := s.write.ExecContext(ctx, `INSERT INTO organisations (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`,
		name, formatTime(at)); err != nil {
		return fmt.Errorf("add organisation %s: %w", name, err)
	}
	return nil
}

// OrganisationID returns the id of the organisation with the name, or ErrNotFound.
func (s *Store) OrganisationID(ctx context.Context, name string) (int64, error) {
	var id int64
	err := s.read.QueryRowContext(ctx, `SELECT id FROM organisations WHERE name = ?`, name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("organisation %s: %w", name, ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("organisation %s: %w", name, err)
	}
	return id, nil
}

// AddUser creates a user in the named organisation, creating the organisation when it is new;
// it returns ErrDuplicate when the name is taken.
func (s *Store) AddUser(ctx context.Context, u User) (int64, error) {
	var id int64
	err := s.InTx(ctx, func(tx *Tx) error {
		created := formatTime(u.CreatedAt)
		if _, err := tx.tx.ExecContext(ctx, `INSERT INTO organisations (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`, u.Org, created); err != nil {
			return err
		}
		res, err := tx.tx.ExecContext(ctx, `INSERT INTO users (name, org_id, role, password_hash, created_at)
			SELECT ?, id, ?, ?, ? FROM organisations WHERE name = ?`, u.Name, u.Role, u.PasswordHash, created, u.Org)
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return 0, fmt.Errorf("user %s: %w", u.Name, ErrDuplicate)
		}
		return 0, fmt.Errorf("add user %s: %w", u.Name, err)
	}
	return id, nil
}

// HasUsers reports whether any account exists: without one the server runs open, as before
// accounts existed.
func (s *Store) HasUsers(ctx context.Context) (bool, error) {
	var n int
	if err := s.read.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM users)`).Scan(&n); err != nil {
		return false, fmt.Errorf("count users: %w", err)
	}
	return n == 1, nil
}

// Users returns every user by name.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	out, err := listOf(ctx, s.read, scanUser, `SELECT `+userColumns+` FROM users u JOIN organisations o ON o.id = u.org_id ORDER BY u.name`)
	if err != nil {
		return nil, fmt.Errorf("users: %w", err)
	}
	return out, nil
}

// UserByName returns one user, or ErrNotFound.
func (s *Store) UserByName(ctx context.Context, name string) (User, error) {
	return s.oneUser(ctx, "user "+name, `SELECT `+userColumns+` FROM users u JOIN organisations o ON o.id = u.org_id WHERE u.name = ?`, name)
}

// ErrLastAdmin refuses a change that would leave other accounts without an admin: nobody could
// manage them any more, and the server would still ask everyone to log in.
var ErrLastAdmin = errors.New("the last admin: add another admin first")

// DeleteUser removes a user with their sessions and tokens; the audit log keeps their name. It
// refuses the last admin while other accounts remain (ErrLastAdmin).
func (s *Store) DeleteUser(ctx context.Context, name string) error {
	err := s.InTx(ctx, func(tx *Tx) error {
		if err := tx.keepAnAdmin(ctx, name, ""); err != nil {
			return err
		}
		_, err := tx.tx.ExecContext(ctx, `DELETE FROM users WHERE name = ?`, name)
		return err
	})
	if err != nil {
		return fmt.Errorf("delete user %s: %w", name, err)
	}
	return nil
}

// SetUserRole changes a user's role; sessions and tokens act with the new role from their next
// request. Demoting the last admin is refused (ErrLastAdmin).
func (s *Store) SetUserRole(ctx context.Context, name, role string) error {
	err := s.InTx(ctx, func(tx *Tx) error {
		if err := tx.keepAnAdmin(ctx, name, role); err != nil {
			return err
		}
		_, err := tx.tx.ExecContext(ctx, `UPDATE users SET role = ? WHERE name = ?`, role, name)
		return err
	})
	if err != nil {
		return fmt.Errorf("set role of %s: %w", name, err)
	}
	return nil
}

// keepAnAdmin checks, inside the change's transaction, that giving name the role newRole ("":
// removing them) leaves an admin while any account remains; a missing user is ErrNotFound.
func (tx *Tx) keepAnAdmin(ctx context.Context, name, newRole string) error {
	var role string
	var admins, users int
	err := tx.tx.QueryRowContext(ctx, `SELECT role, (SELECT count(*) FROM users WHERE role = 'admin'), (SELECT count(*) FROM users)
		FROM users WHERE name = ?`, name).Scan(&role, &admins, &users)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("user %s: %w", name, ErrNotFound)
	}
	if err != nil {
		return err
	}
	remaining := users
	if newRole == "" {
		remaining--
	}
	if role == "admin" && newRole != "admin" && admins == 1 && remaining > 0 {
		return fmt.Errorf("%s is %w", name, ErrLastAdmin)
	}
	return nil
}

// AddSession stores a session by the hash of its secret, and forgets the sessions that expired
// by created, so the table holds only live ones.
func (s *Store) AddSession(ctx context.Context, hash []byte, userID int64, created, expires time.Time) error {
	err := s.InTx(ctx, func(tx *Tx) error {
		if _, err := tx.tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= ?`, formatTime(created)); err != nil {
			return err
		}
		_, err := tx.tx.ExecContext(ctx, `INSERT INTO sessions (hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)`,
			hash, userID, formatTime(created), formatTime(expires))
		return err
	})
	if err != nil {
		return fmt.Errorf("add session: %w", err)
	}
	return nil
}

// SessionUser returns the user of the session with this hash that has not expired at now, or
// ErrNotFound.
func (s *Store) SessionUser(ctx context.Context, hash []byte, now time.Time) (User, error) {
	return s.oneUser(ctx, "session", `SELECT `+userColumns+` FROM sessions s JOIN users u ON u.id = s.user_id
		JOIN organisations o ON o.id = u.org_id WHERE s.hash = ? AND s.expires_at > ?`, hash, formatTime(now))
}

// DeleteSession ends a session (logout); ending one that does not exist is not an error.
func (s *Store) DeleteSession(ctx context.Context, hash []byte) error {
	if _, err := s.write.ExecContext(ctx, `DELETE FROM sessions WHERE hash = ?`, hash); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

func (s *Store) oneUser(ctx context.Context, what, query string, args ...any) (User, error) {
	u, err := scanUser(s.read.QueryRowContext(ctx, query, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	if err != nil {
		return User{}, fmt.Errorf("%s: %w", what, err)
	}
	return u, nil
}

func scanUser(row rowScanner) (User, error) {
	var u User
	var created string
	if err := row.Scan(&u.ID, &u.Name, &u.Org, &u.OrgID, &u.Role, &u.PasswordHash, &created); err != nil {
		return User{}, err
	}
	u.CreatedAt = parseTime(created)
	return u, nil
}

const tokenColumns = `t.id, t.name, u.name, t.scope, t.hash, t.created_at, t.expires_at, t.revoked_at, t.last_used_at`

// AddToken stores a token of the named user by the hash of its secret and returns its id.
func (s *Store) AddToken(ctx context.Context, t APIToken) (int64, error) {
	res, err := s.write.ExecContext(ctx, `INSERT INTO api_tokens (name, user_id, scope, hash, created_at, expires_at)
		SELECT ?, id, ?, ?, ?, ? FROM users WHERE name = ?`,
		t.Name, t.Scope, t.Hash, formatTime(t.CreatedAt), formatTime(t.ExpiresAt), t.User)
	if err != nil {
		return 0, fmt.Errorf("add token %s: %w", t.Name, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, fmt.Errorf("add token %s: user %s: %w", t.Name, t.User, ErrNotFound)
	}
	return res.LastInsertId()
}

// Tokens returns every token, revoked and expired ones included, oldest first.
func (s *Store) Tokens(ctx context.Context) ([]APIToken, error) {
	out, err := listOf(ctx, s.read, scanToken, `SELECT `+tokenColumns+` FROM api_tokens t JOIN users u ON u.id = t.user_id ORDER BY t.id`)
	if err != nil {
		return nil, fmt.Errorf("tokens: %w", err)
	}
	return out, nil
}

// Token returns one token by id, or ErrNotFound.
func (s *Store) Token(ctx context.Context, id int64) (APIToken, error) {
	t, err := scanToken(s.read.QueryRowContext(ctx, `SELECT `+tokenColumns+` FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return APIToken{}, fmt.Errorf("token %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return APIToken{}, fmt.Errorf("token %d: %w", id, err)
	}
	return t, nil
}

// TokenUser returns the token with this hash and its user, whether or not it expired or was
// revoked (the caller decides and says which), or ErrNotFound.
func (s *Store) TokenUser(ctx context.Context, hash []byte) (APIToken, User, error) {
	row := s.read.QueryRowContext(ctx, `SELECT `+tokenColumns+`, `+userColumns+` FROM api_tokens t
		JOIN users u ON u.id = t.user_id JOIN organisations o ON o.id = u.org_id WHERE t.hash = ?`, hash)
	var t APIToken
	var u User
	var created, expires, revoked, used, userCreated string
	err := row.Scan(&t.ID, &t.Name, &t.User, &t.Scope, &t.Hash, &created, &expires, &revoked, &used,
		&u.ID, &u.Name, &u.Org, &u.OrgID, &u.Role, &u.PasswordHash, &userCreated)
	if errors.Is(err, sql.ErrNoRows) {
		return APIToken{}, User{}, fmt.Errorf("token: %w", ErrNotFound)
	}
	if err != nil {
		return APIToken{}, User{}, fmt.Errorf("token: %w", err)
	}
	t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsed = parseTime(created), parseTime(expires), parseTime(revoked), parseTime(used)
	u.CreatedAt = parseTime(userCreated)
	return t, u, nil
}

// TouchToken records that a token was used at at.
func (s *Store) TouchToken(ctx context.Context, id int64, at time.Time) error {
	return s.changeByID(ctx, "token", id, `UPDATE api_tokens SET last_used_at = ? WHERE id = ?`, formatTime(at), id)
}

// RevokeToken makes a token unusable from at on; revoking it again keeps the first time.
func (s *Store) RevokeToken(ctx context.Context, id int64, at time.Time) error {
	return s.changeByID(ctx, "token", id, `UPDATE api_tokens SET revoked_at = CASE WHEN revoked_at = '' THEN ? ELSE revoked_at END WHERE id = ?`, formatTime(at), id)
}

func scanToken(row rowScanner) (APIToken, error) {
	var t APIToken
	var created, expires, revoked, used string
	if err := row.Scan(&t.ID, &t.Name, &t.User, &t.Scope, &t.Hash, &created, &expires, &revoked, &used); err != nil {
		return APIToken{}, err
	}
	t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsed = parseTime(created), parseTime(expires), parseTime(revoked), parseTime(used)
	return t, nil
}

// AddSecurityEvent appends one event to the security audit log.
func (s *Store) AddSecurityEvent(ctx context.Context, e SecurityEvent) error {
	_, err := s.write.ExecContext(ctx, `INSERT INTO security_events (at, kind, who, remote, method, path, status, detail)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, formatTime(e.At), e.Kind, e.Who, e.Remote, e.Method, e.Path, e.Status, e.Detail)
	if err != nil {
		return fmt.Errorf("security audit %s %s: %w", e.Kind, e.Who, err)
	}
	return nil
}

// SecurityEvents returns the newest limit events, newest first.
func (s *Store) SecurityEvents(ctx context.Context, limit int) ([]SecurityEvent, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, at, kind, who, remote, method, path, status, detail
		FROM security_events ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("security events: %w", err)
	}
	defer rows.Close()
	var out []SecurityEvent
	for rows.Next() {
		var e SecurityEvent
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Kind, &e.Who, &e.Remote, &e.Method, &e.Path, &e.Status, &e.Detail); err != nil {
			return nil, fmt.Errorf("security events: %w", err)
		}
		e.At = parseTime(at)
		out = append(out, e)
	}
	return out, rows.Err()
}
