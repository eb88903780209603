package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"strings"
)

// static holds the committed assets (site.css, boundaries) and, once `go run ./internal/web/build`
// has run, the bundle in static/dist. The build output is not committed: a clean clone builds
// and serves pages, and the map says the bundle is missing.
//
//go:embed all:static
var static embed.FS

// Paths of the assets the pages link to.
const (
	bundleJS   = "dist/app.js"
	bundleCSS  = "dist/app.css"
	siteCSS    = "site.css"
	boundaries = "boundaries/countries-110m.json"
)

// assets knows which assets exist and a version of each for cache busting.
type assets struct {
	files    fs.FS
	versions map[string]string
}

func loadAssets() (assets, error) {
	files, err := fs.Sub(static, "static")
	if err != nil {
		return assets{}, fmt.Errorf("embedded assets: %w", err)
	}
	a := assets{files: files, versions: map[string]string{}}
	for _, name := range []string{bundleJS, bundleCSS, siteCSS, boundaries} {
		if b, err := fs.ReadFile(files, name); err == nil {
			sum := sha256.Sum256(b)
			a.versions[name] = hex.EncodeToString(sum[:6])
		}
	}
	return a, nil
}

// HasBundle reports whether the map bundle was built into the binary.
func (a assets) HasBundle() bool { return a.versions[bundleJS] != "" && a.versions[bundleCSS] != "" }

// URL is the versioned URL of an asset.
func (a assets) URL(name string) string {
	return "/static/" + name + "?v=" + a.versions[name]
}

// JS, CSS, Site and Boundaries name the assets for templates.
func (a assets) JS() string         { return a.URL(bundleJS) }
func (a assets) CSS() string        { return a.URL(bundleCSS) }
func (a assets) Site() string       { return a.URL(siteCSS) }
func (a assets) Boundaries() string { return a.URL(boundaries) }

// handler serves the embedded files. Versioned URLs change with the content, so browsers may
// keep them for a day; nothing is listed.
func (a assets) handler() http.Handler {
	files := http.StripPrefix("/static/", http.FileServerFS(a.files))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=86400")
		files.ServeHTTP(w, r)
	})
}
