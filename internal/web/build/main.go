// Command build bundles the web UI's script and its styles — web/src/app.js with Leaflet,
// Leaflet.markercluster and topojson-client from web/node_modules (installed by `npm ci --prefix
// web` from the lockfile; axe-core there is for the browser tests only and never bundled) —
// into internal/web/static/dist/app.{js,css}, which the wallwatch binary embeds. Run it from the
// repository root: go run ./internal/web/build
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/evanw/esbuild/pkg/api"
)

func main() {
	root := flag.String("root", ".", "repository root")
	flag.Parse()
	if err := build(*root); err != nil {
		fmt.Fprintf(os.Stderr, "build: %v\n", err)
		os.Exit(1)
	}
}

func build(root string) error {
	modules := filepath.Join(root, "web", "node_modules")
	if _, err := os.Stat(filepath.Join(modules, "leaflet")); err != nil {
		return fmt.Errorf("%s has no leaflet: run `npm ci --prefix web` first", modules)
	}
	out := filepath.Join(root, "internal", "web", "static", "dist")
	result := api.Build(api.BuildOptions{
		EntryPoints:       []string{filepath.Join(root, "web", "src", "app.js")},
		EntryNames:        "app",
		Outdir:            out,
		Bundle:            true,
		Write:             true,
		Format:            api.FormatIIFE,
		Target:            api.ES2020,
		MinifyWhitespace:  true,
		MinifySyntax:      true,
		MinifyIdentifiers: true,
		NodePaths:         []string{modules},
		LegalComments:     api.LegalCommentsEndOfFile,
		// Leaflet's stylesheet points at a few small images: inline them so the bundle is two files.
		Loader:   map[string]api.Loader{".png": api.LoaderDataURL, ".svg": api.LoaderDataURL},
		LogLevel: api.LogLevelWarning,
	})
	if len(result.Errors) > 0 {
		var errs []error
		for _, m := range result.Errors {
			errs = append(errs, errors.New(m.Text))
		}
		return errors.Join(errs...)
	}
	for _, f := range result.OutputFiles {
		fmt.Printf("wrote %s (%d bytes)\n", f.Path, len(f.Contents))
	}
	return nil
}
