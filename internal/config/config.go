// Package config holds wallwatch's settings: defaults, overridden by WALLWATCH_* environment
// variables, overridden by command-line flags (which the cli package binds to these fields).
package config

import (
	"errors"
	"fmt"
	"math"
	"net"
	"slices"
	"strconv"
	"strings"

	"github.com/wallwatch/wallwatch/internal/clientaddr"
)

// Config is every setting a command may need.
type Config struct {
	DB        string // database file (WALLWATCH_DB)
	Addr      string // listen address of the server (WALLWATCH_ADDR)
	Gazetteer string // a gazetteer file written by `wallwatch gazetteer import` (WALLWATCH_GAZETTEER)
	Actors    string // an extra actor dictionary file merged over the built-in one (WALLWATCH_ACTORS)
	Lexicon   string // a directory of xx.tsv word files merged over the built-in lexicons (WALLWATCH_LEXICON)
	// Facilities is a facility list of the built-in list's format whose rows are added to it, or
	// replace its row of the same name and country (WALLWATCH_FACILITIES).
	Facilities string
	TileURL    string // optional online map tiles, e.g. https://tile.example.org/{z}/{x}/{y}.png (WALLWATCH_TILE_URL)
	LogLevel   string // debug, info, warn, error (WALLWATCH_LOG_LEVEL)

	TLSCert    string // PEM certificate for serving HTTPS (WALLWATCH_TLS_CERT), with TLSKey
	TLSKey     string // its private key (WALLWATCH_TLS_KEY)
	TrustProxy string // reverse proxies whose X-Forwarded-* headers are believed, CIDR[,CIDR] (WALLWATCH_TRUST_PROXY)
	// Request rate limits, requests a second per client address and per API token; 0 turns a
	// limit off (WALLWATCH_RATE_ADDRESS, WALLWATCH_RATE_TOKEN).
	AddressRate, TokenRate float64

	envErrs []error // variables that were set but unreadable, reported by Validate
}

// Default is the configuration of a laptop install. The rate limits are far above what a person
// clicking through the pages or a dashboard polling the API sends.
func Default() Config {
	return Config{DB: "wallwatch.db", Addr: "127.0.0.1:8080", LogLevel: "info", AddressRate: 20, TokenRate: 20}
}

// FromEnv overlays the WALLWATCH_* variables that are set; getenv is os.Getenv in production.
func FromEnv(c Config, getenv func(string) string) Config {
	for name, field := range map[string]*string{
		"WALLWATCH_DB": &c.DB, "WALLWATCH_ADDR": &c.Addr, "WALLWATCH_GAZETTEER": &c.Gazetteer,
		"WALLWATCH_ACTORS": &c.Actors, "WALLWATCH_LEXICON": &c.Lexicon, "WALLWATCH_FACILITIES": &c.Facilities, "WALLWATCH_TILE_URL": &c.TileURL, "WALLWATCH_LOG_LEVEL": &c.LogLevel,
		"WALLWATCH_TLS_CERT": &c.TLSCert, "WALLWATCH_TLS_KEY": &c.TLSKey, "WALLWATCH_TRUST_PROXY": &c.TrustProxy,
	} {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			*field = v
		}
	}
	for name, field := range map[string]*float64{"WALLWATCH_RATE_ADDRESS": &c.AddressRate, "WALLWATCH_RATE_TOKEN": &c.TokenRate} {
		v := strings.TrimSpace(getenv(name))
		if v == "" {
			continue
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			c.envErrs = append(c.envErrs, fmt.Errorf("%s=%q: want requests a second, such as 20 (0 turns the limit off)", name, v))
			continue
		}
		*field = f
	}
	return c
}

// Validate reports every setting that cannot work, naming it.
func (c Config) Validate() error {
	errs := slices.Clone(c.envErrs)
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
	if (c.TLSCert == "") != (c.TLSKey == "") {
		errs = append(errs, errors.New("HTTPS needs both a certificate (--tls-cert or WALLWATCH_TLS_CERT) and its key (--tls-key or WALLWATCH_TLS_KEY)"))
	}
	if _, err := clientaddr.ParseTrusted(c.TrustProxy); err != nil {
		errs = append(errs, err)
	}
	for name, r := range map[string]float64{"address rate limit": c.AddressRate, "token rate limit": c.TokenRate} {
		if r < 0 || math.IsNaN(r) || math.IsInf(r, 0) {
			errs = append(errs, fmt.Errorf("%s %v: want requests a second, 0 for none", name, r))
		}
	}
	return errors.Join(errs...)
}
