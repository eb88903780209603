package auth

import (
	"strings"
	"testing"
	"time"
)

func TestPasswordHash(t *testing.T) {
	hash, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hash, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %q: want argon2id PHC with the documented parameters", hash)
	}
	for _, tc := range []struct {
		password string
		want     bool
	}{{"correct horse battery", true}, {"correct horse batterY", false}, {"", false}} {
		if got, err := CheckPassword(hash, tc.password); got != tc.want || err != nil {
			t.Errorf("CheckPassword(%q) = %v, %v; want %v", tc.password, got, err, tc.want)
		}
	}
	if again, _ := HashPassword("correct horse battery"); again == hash {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
	if _, err := HashPassword("short"); err == nil {
		t.Error("a 5-character password was accepted")
	}
	for _, bad := range []string{"", "$argon2i$v=19$m=1,t=1,p=1$AAAA$AAAA", "$argon2id$v=19$m=0,t=1,p=1$AAAA$AAAA", "$argon2id$v=19$m=8,t=1,p=1$!!$AAAA"} {
		if ok, err := CheckPassword(bad, "x"); ok || err == nil {
			t.Errorf("CheckPassword(%q) = %v, %v; want an error", bad, ok, err)
		}
	}
}

func TestLockout(t *testing.T) {
	l := NewLockout()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for range 4 {
		l.Fail("ana", "192.0.2.1", now)
	}
	if locked, _ := l.Locked("ana", "192.0.2.1", now); locked {
		t.Fatal("locked after 4 failures, want 5")
	}
	l.Fail("ana", "192.0.2.1", now)
	if locked, until := l.Locked("ana", "198.51.100.1", now); !locked || !until.Equal(now.Add(15*time.Minute)) {
		t.Errorf("after 5 failures: locked %v until %v; want locked for 15 minutes from any address", locked, until)
	}
	if locked, _ := l.Locked("ana", "192.0.2.1", now.Add(16*time.Minute)); locked {
		t.Error("still locked after the lock ended")
	}
	// Failures spread wider than the window do not add up.
	l2 := NewLockout()
	for i := range 10 {
		l2.Fail("bo", "192.0.2.2", now.Add(time.Duration(i)*16*time.Minute))
	}
	if locked, _ := l2.Locked("bo", "192.0.2.3", now.Add(160*time.Minute)); locked {
		t.Error("locked by failures 16 minutes apart")
	}
	// A good login clears the account's count.
	l3 := NewLockout()
	for range 4 {
		l3.Fail("cy", "192.0.2.4", now)
	}
	l3.Succeed("cy")
	l3.Fail("cy", "192.0.2.4", now)
	if locked, _ := l3.Locked("cy", "192.0.2.5", now); locked {
		t.Error("locked although a good login came between the failures")
	}
}

func TestSecrets(t *testing.T) {
	secret, hash, err := NewToken()
	if err != nil {
		t.Fatal(err)
	}
	if got, err := ParseBearer("Bearer " + secret); err != nil || got != secret {
		t.Errorf("ParseBearer(Bearer %s) = %q, %v", secret, got, err)
	}
	if got, err := ParseBearer("bearer  " + secret); err != nil || got != secret {
		t.Errorf("lower-case scheme: %q, %v", got, err)
	}
	if string(HashSecret(secret)) != string(hash) {
		t.Error("HashSecret differs from the hash NewToken returned")
	}
	for _, bad := range []string{"", "Bearer", "Bearer " + secret[:len(secret)-1], "Basic " + secret, "Bearer wws_" + secret[4:], "Bearer " + secret + "="} {
		if _, err := ParseBearer(bad); err == nil {
			t.Errorf("ParseBearer(%q) accepted", bad)
		}
	}
	session, _ := newSecret(sessionPrefix)
	if _, err := ParseSessionCookie(session); err != nil {
		t.Errorf("ParseSessionCookie(%q): %v", session, err)
	}
	if _, err := ParseSessionCookie(secret); err == nil {
		t.Error("a token was accepted as a session cookie")
	}
}

// checkParsed is what every accepted credential satisfies: its prefix, then exactly 32 bytes.
func checkParsed(t *testing.T, prefix, got string) {
	if !strings.HasPrefix(got, prefix) || len(got) != len(prefix)+secretLen {
		t.Fatalf("accepted %q", got)
	}
	if _, err := parseSecret(prefix, got); err != nil {
		t.Fatalf("accepted %q but does not parse it again: %v", got, err)
	}
}

func FuzzParseBearer(f *testing.F) {
	secret, _, _ := NewToken()
	for _, s := range []string{"Bearer " + secret, "bearer " + secret, "Bearer wwt_", "Basic abc", "", "Bearer  wwt_" + strings.Repeat("_", 43)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		if got, err := ParseBearer(header); err == nil {
			checkParsed(t, tokenPrefix, got)
		}
	})
}

func FuzzParseSessionCookie(f *testing.F) {
	session, _ := newSecret(sessionPrefix)
	for _, s := range []string{session, "wws_", "x", "", "wws_" + strings.Repeat("-", 43)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, value string) {
		if got, err := ParseSessionCookie(value); err == nil {
			checkParsed(t, sessionPrefix, got)
		}
	})
}
