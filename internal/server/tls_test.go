package server

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testCertificate writes a self-signed certificate for 127.0.0.1 and its key into dir and
// returns their paths and the certificate, for a client to trust.
func testCertificate(t *testing.T, dir string) (certFile, keyFile string, cert *x509.Certificate) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "wallwatch test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile = filepath.Join(dir, "site.pem"), filepath.Join(dir, "site.key")
	writePEM(t, certFile, "CERTIFICATE", der)
	writePEM(t, keyFile, "PRIVATE KEY", keyDER)
	cert, err = x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return certFile, keyFile, cert
}

func writePEM(t *testing.T, path, kind string, der []byte) {
	t.Helper()
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestLoadTLSNamesTheFileAtFault(t *testing.T) {
	dir := t.TempDir()
	cert, key, _ := testCertificate(t, dir)
	_, otherKey, _ := testCertificate(t, t.TempDir())
	junk := filepath.Join(dir, "junk.pem")
	if err := os.WriteFile(junk, []byte("not a certificate\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, cert, key string
		want            []string // every string the error must contain; none: no error
	}{
		{"good pair", cert, key, nil},
		{"missing certificate", filepath.Join(dir, "absent.pem"), key, []string{"TLS certificate", "absent.pem"}},
		{"missing key", cert, filepath.Join(dir, "absent.key"), []string{"TLS key", "absent.key"}},
		{"certificate not PEM", junk, key, []string{"TLS certificate", "junk.pem", "no PEM CERTIFICATE"}},
		{"key given as certificate", key, key, []string{"TLS certificate", "site.key"}},
		{"key not PEM", cert, junk, []string{"TLS key", "junk.pem"}},
		{"key of another certificate", cert, otherKey, []string{"TLS key", otherKey, cert}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := LoadTLS(tt.cert, tt.key)
			if tt.want == nil {
				if err != nil || cfg == nil || len(cfg.Certificates) != 1 {
					t.Fatalf("LoadTLS = %v, %v; want a configuration", cfg, err)
				}
				return
			}
			if err == nil {
				t.Fatal("LoadTLS: no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("LoadTLS error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// TestServeHTTPS starts the real server with a certificate made here and talks to it with a
// TLS client that trusts only that certificate: pages answer, HSTS is sent, the session
// cookie is Secure, and a plain-HTTP request is not served.
func TestServeHTTPS(t *testing.T) {
	a := newAccounts(t)
	certFile, keyFile, cert := testCertificate(t, t.TempDir())
	tlsConfig, err := LoadTLS(certFile, keyFile)
	if err != nil {
		t.Fatal(err)
	}
	h := accountsHandler(t, a)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ln, h, slog.New(slog.DiscardHandler), tlsConfig) }()
	defer func() {
		cancel()
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	}()
	roots := x509.NewCertPool()
	roots.AddCert(cert)
	client := &http.Client{
		Transport:     &http.Transport{TLSClientConfig: &tls.Config{RootCAs: roots}, ForceAttemptHTTP2: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	defer client.CloseIdleConnections()
	base := "https://" + ln.Addr().String()

	res, err := client.Get(base + "/login")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK || res.TLS == nil || res.ProtoMajor != 2 {
		t.Fatalf("GET /login over TLS: %d (TLS %v, %s), want 200 over TLS with HTTP/2", res.StatusCode, res.TLS != nil, res.Proto)
	}
	if got := res.Header.Get("Strict-Transport-Security"); got != hstsPolicy {
		t.Errorf("Strict-Transport-Security = %q, want %q", got, hstsPolicy)
	}
	form := url.Values{"name": {"viewer"}, "password": {testPassword}, "next": {"/"}}
	req, _ := http.NewRequest(http.MethodPost, base+"/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if c := sessionCookieOf(res); c == nil || !c.Secure {
		t.Errorf("session cookie over HTTPS: %v, want Secure", c)
	}
	plain, err := http.Get("http://" + ln.Addr().String() + "/login")
	if err == nil {
		plain.Body.Close()
		if plain.StatusCode != http.StatusBadRequest {
			t.Errorf("plain HTTP to the HTTPS port: %d, want it refused", plain.StatusCode)
		}
	}
}

func TestNoHSTSOverPlainHTTP(t *testing.T) {
	res := get(accountsHandler(t, newAccounts(t)), "/login", nil)
	if got := res.Header.Get("Strict-Transport-Security"); got != "" {
		t.Errorf("Strict-Transport-Security over plain HTTP = %q, want none", got)
	}
}
