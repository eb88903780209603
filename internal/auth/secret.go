package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strings"
)

// A secret is 32 random bytes, written in URL-safe base64 behind a prefix that says what it is
// ("wws_" session cookie, "wwt_" API token), so a leaked token is easy to recognise and grep.
// The store keeps only SHA-256 of the whole string: the secrets are random, so a fast hash is
// enough and a lookup by hash is exact.
const (
	sessionPrefix = "wws_"
	tokenPrefix   = "wwt_"
	secretBytes   = 32
)

var (
	secretEncoding = base64.RawURLEncoding
	secretLen      = secretEncoding.EncodedLen(secretBytes)

	errMalformed = errors.New("malformed credential")
)

func newSecret(prefix string) (string, error) {
	b := make([]byte, secretBytes)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return prefix + secretEncoding.EncodeToString(b), nil
}

// NewToken returns a new API token's secret, shown once, and the hash to store.
func NewToken() (secret string, hash []byte, err error) {
	secret, err = newSecret(tokenPrefix)
	if err != nil {
		return "", nil, err
	}
	return secret, HashSecret(secret), nil
}

// HashSecret is what the store keeps of a session's or token's secret.
func HashSecret(secret string) []byte {
	h := sha256.Sum256([]byte(secret))
	return h[:]
}

// parseSecret checks that s is prefix and exactly secretBytes of base64 and returns it.
func parseSecret(prefix, s string) (string, error) {
	rest, ok := strings.CutPrefix(s, prefix)
	if !ok || len(rest) != secretLen {
		return "", errMalformed
	}
	if b, err := secretEncoding.Strict().DecodeString(rest); err != nil || len(b) != secretBytes {
		return "", errMalformed
	}
	return s, nil
}

// ParseBearer reads an Authorization header's API token ("Bearer wwt_..."); the scheme is case
// insensitive, as RFC 9110 says.
func ParseBearer(header string) (string, error) {
	scheme, token, ok := strings.Cut(header, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", errMalformed
	}
	return parseSecret(tokenPrefix, strings.TrimLeft(token, " "))
}

// ParseSessionCookie reads a session cookie's value.
func ParseSessionCookie(value string) (string, error) {
	return parseSecret(sessionPrefix, value)
}
