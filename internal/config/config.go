// Package config holds wallwatch's settings: defaults, overridden by WALLWATCH_* environment
// variables, overridden by command-line flags (which the cli package binds to these fields).
package config

import (
	"errors"
	"fmt"
	"net"
	"strings"
)

// Config is every setting a command may need.
type Config struct {
	DB        string // database file (WALLWATCH_DB)
	Addr      string // listen address of the server (WALLWATCH_ADDR)
	Gazetteer string // a gazetteer file written by `wallwatch gazetteer import` (WALLWATCH_GAZETTEER)
	Actors    string // an extra actor dictionary file merged over the built-in one (WALLWATCH_ACTORS)
	Lexicon   string // a directory of xx.tsv word files merged over the built-in lexicons (WALLWATCH_LEXICON)
	TileURL   string // optional online map tiles, e.g. https://tile.example.org/{z}/{x}/{y}.png (WALLWATCH_TILE_URL)
	LogLevel  string // debug, info, warn, error (WALLWATCH_LOG_LEVEL)
}

// Default is the configuration of a laptop install.
func Default() Config {
	return Config{DB: "wallwatch.db", Addr: "127.0.0.1:8080", LogLevel: "info"}
}

// FromEnv overlays the WALLWATCH_* variables that are set; getenv is os.Getenv in production.
func FromEnv(c Config, getenv func(string) string) Config {
	for name, field := range map[string]*string{
		"WALLWATCH_DB": &c.DB, "WALLWATCH_ADDR": &c.Addr, "WALLWATCH_GAZETTEER": &c.Gazetteer,
		"WALLWATCH_ACTORS": &c.Actors, "WALLWATCH_LEXICON": &c.Lexicon, "WALLWATCH_TILE_URL": &c.TileURL, "WALLWATCH_LOG_LEVEL": &c.LogLevel,
	} {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			*field = v
		}
	}
	return c
}

// Validate reports every setting that cannot work, naming it.
func (c Config) Validate() error {
	var errs []error
	if c.DB == "" {
		errs = append(errs, errors.New("database path is empty (--db or WALLWATCH_DB)"))
	}
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		errs = append(errs, fmt.Errorf("listen address %q: %w", c.Addr, err))
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("log level %q: want debug, info, warn or error", c.LogLevel))
	}
	if c.TileURL != "" && !strings.HasPrefix(c.TileURL, "https://") && !strings.HasPrefix(c.TileURL, "http://") {
		errs = append(errs, fmt.Errorf("tile URL %q: want an http(s) URL template", c.TileURL))
	}
	return errors.Join(errs...)
}
