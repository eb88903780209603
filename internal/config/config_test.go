package config

import (
	"strings"
	"testing"
)

func TestFromEnv(t *testing.T) {
	env := map[string]string{"WALLWATCH_DB": "/tmp/x.db", "WALLWATCH_ADDR": " 127.0.0.1:9999 ", "WALLWATCH_LEXICON": "/etc/words"}
	got := FromEnv(Default(), func(k string) string { return env[k] })
	if got.DB != "/tmp/x.db" || got.Addr != "127.0.0.1:9999" || got.LogLevel != "info" || got.Lexicon != "/etc/words" {
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
