package config

import (
	"strings"
	"testing"
)

func TestFromEnv(t *testing.T) {
	env := map[string]string{"WALLWATCH_DB": "/tmp/x.db", "WALLWATCH_ADDR": " 127.0.0.1:9999 ", "WALLWATCH_LEXICON": "/etc/words", "WALLWATCH_FACILITIES": "/etc/prisons.tsv"}
	got := FromEnv(Default(), func(k string) string { return env[k] })
	if got.DB != "/tmp/x.db" || got.Addr != "127.0.0.1:9999" || got.LogLevel != "info" || got.Lexicon != "/etc/words" || got.Facilities != "/etc/prisons.tsv" {
		t.Errorf("FromEnv = %+v", got)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*Config)
		wantErr string
	}{
		{"default", func(*Config) {}, ""},
		{"empty db", func(c *Config) { c.DB = "" }, "database path is empty"},
		{"bad addr", func(c *Config) { c.Addr = "nope" }, "listen address"},
		{"bad level", func(c *Config) { c.LogLevel = "loud" }, "log level"},
		{"bad tiles", func(c *Config) { c.TileURL = "ftp://x/{z}" }, "tile URL"},
		{"certificate without key", func(c *Config) { c.TLSCert = "site.pem" }, "HTTPS needs both"},
		{"key without certificate", func(c *Config) { c.TLSKey = "site.key" }, "HTTPS needs both"},
		{"certificate and key", func(c *Config) { c.TLSCert, c.TLSKey = "site.pem", "site.key" }, ""},
		{"trusted proxies", func(c *Config) { c.TrustProxy = "10.0.0.0/8, 192.0.2.4" }, ""},
		{"bad trusted proxy", func(c *Config) { c.TrustProxy = "10.0.0.0/8,proxy.example" }, "proxy.example"},
		{"negative rate", func(c *Config) { c.TokenRate = -1 }, "token rate limit"},
		{"no rate limits", func(c *Config) { c.AddressRate, c.TokenRate = 0, 0 }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Default()
			tt.edit(&c)
			err := c.Validate()
			if tt.wantErr == "" && err != nil {
				t.Fatalf("Validate() = %v, want nil", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("Validate() = %v, want it to mention %q", err, tt.wantErr)
			}
		})
	}
}

func TestFromEnvHardening(t *testing.T) {
	env := map[string]string{"WALLWATCH_TLS_CERT": "site.pem", "WALLWATCH_TLS_KEY": "site.key", "WALLWATCH_TRUST_PROXY": "10.0.0.0/8",
		"WALLWATCH_RATE_ADDRESS": "5", "WALLWATCH_RATE_TOKEN": "0.5"}
	got := FromEnv(Default(), func(k string) string { return env[k] })
	if got.TLSCert != "site.pem" || got.TLSKey != "site.key" || got.TrustProxy != "10.0.0.0/8" || got.AddressRate != 5 || got.TokenRate != 0.5 {
		t.Errorf("FromEnv = %+v", got)
	}
	if err := got.Validate(); err != nil {
		t.Errorf("Validate() = %v", err)
	}
	bad := FromEnv(Default(), func(k string) string { return map[string]string{"WALLWATCH_RATE_TOKEN": "lots"}[k] })
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "WALLWATCH_RATE_TOKEN") {
		t.Errorf("Validate() with an unreadable rate = %v, want an error naming the variable", err)
	}
}
