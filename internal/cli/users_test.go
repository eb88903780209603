package cli

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// runWithPassword runs the CLI with WALLWATCH_PASSWORD set to password ("" unset).
func runWithPassword(password string, args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	e := env{stdout: &stdout, stderr: &stderr, stdin: strings.NewReader(""),
		getenv: func(k string) string {
			if k == "WALLWATCH_PASSWORD" {
				return password
			}
			return ""
		},
		isTerminal: func(io.Writer) bool { return false }}
	code := run(context.Background(), e, args)
	return code, stdout.String(), stderr.String()
}

func TestUsersAndTokens(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, errOut := runWithPassword("", "users", "add", "--db", db, "--admin", "ana"); code != exitUsage || !strings.Contains(errOut, "WALLWATCH_PASSWORD") {
		t.Errorf("users add without a password: exit %d, %q; want a usage error naming WALLWATCH_PASSWORD", code, errOut)
	}
	if code, _, errOut := runWithPassword("long enough pw", "users", "add", "--db", db, "--admin", "--org", "Newsroom", "ana"); code != exitOK {
		t.Fatalf("users add --admin: exit %d, %s", code, errOut)
	}
	if code, _, _ := runWithPassword("long enough pw", "users", "add", "--db", db, "--role", "boss", "bo"); code != exitUsage {
		t.Errorf("--role boss: exit %d, want %d", code, exitUsage)
	}
	runWithPassword("another long pw", "users", "add", "--db", db, "--role", "viewer", "bo")
	if _, out, _ := runCLI(t, "users", "list", "--db", db); !strings.Contains(out, "ana") || !strings.Contains(out, "Newsroom") || !strings.Contains(out, "admin") || !strings.Contains(out, "viewer") {
		t.Errorf("users list:\n%s", out)
	}
	if _, out, _ := runCLI(t, "users", "list", "--db", db, "--format", "json"); strings.Contains(out, "argon2") {
		t.Errorf("users list shows password hashes:\n%s", out)
	}

	code, token, errOut := runCLI(t, "tokens", "add", "--db", db, "--user", "ana", "--scope", "write", "--expires", "30d", "ci")
	if code != exitOK || !strings.HasPrefix(token, "wwt_") {
		t.Fatalf("tokens add: exit %d, stdout %q, stderr %q; want the token printed", code, token, errOut)
	}
	if code, _, _ := runCLI(t, "tokens", "add", "--db", db, "--user", "ana", "--expires", "soon", "x"); code != exitUsage {
		t.Errorf("--expires soon: exit %d, want %d", code, exitUsage)
	}
	if _, out, _ := runCLI(t, "tokens", "list", "--db", db); !strings.Contains(out, "ci") || strings.Contains(out, strings.TrimSpace(token)) {
		t.Errorf("tokens list should name the token but never show it:\n%s", out)
	}
	if code, _, errOut := runCLI(t, "tokens", "revoke", "--db", db, "1"); code != exitOK {
		t.Errorf("tokens revoke: exit %d, %s", code, errOut)
	}
	if _, out, _ := runCLI(t, "tokens", "list", "--db", db, "--format", "json"); !strings.Contains(out, "revoked_at") {
		t.Errorf("revoked token not marked:\n%s", out)
	}
	if code, _, errOut := runCLI(t, "users", "rm", "--db", db, "ana"); code != exitFailed || !strings.Contains(errOut, "last admin") {
		t.Errorf("users rm of the last admin while bo remains: exit %d, %q; want refused", code, errOut)
	}
	if code, _, _ := runCLI(t, "users", "rm", "--db", db, "bo"); code != exitOK {
		t.Errorf("users rm: exit %d", code)
	}
	if code, out, _ := runCLI(t, "audit", "--db", db, "--security"); code != exitOK || !strings.Contains(out, "KIND") {
		t.Errorf("audit --security: exit %d\n%s", code, out)
	}
}

func TestServeRefusesToExposeAStoreWithoutAccounts(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	code, _, errOut := runCLI(t, "serve", "--db", db, "--addr", "0.0.0.0:0")
	if code != exitFailed || !strings.Contains(errOut, "0.0.0.0:0") || !strings.Contains(errOut, "wallwatch users add --admin") {
		t.Errorf("serve on 0.0.0.0 without accounts: exit %d, %q; want refused, naming the address and the fix", code, errOut)
	}
}
