package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/wallwatch/wallwatch/internal/export"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// exportWriter writes incidents in one format.
type exportWriter func(io.Writer, []model.Incident) error

func runExport(ctx context.Context, e env, args []string) int {
	fs := newFlagSet("export", "", "Write every incident to standard output: json (the contract in docs/export-json.md), csv or geojson.")
	c := settings(fs, e)
	format := fs.String("format", "json", "output format: json, csv or geojson")
	if code := parseFlags(fs, e, args); code >= 0 {
		return code
	}
	writers := map[string]exportWriter{"json": export.JSON, "csv": export.CSV, "geojson": export.GeoJSON}
	w, ok := writers[*format]
	if !ok {
		fmt.Fprintf(e.stderr, "wallwatch export: --format %q: want json, csv or geojson\n", *format)
		return exitUsage
	}
	s, ok := openStore(ctx, e, c)
	if !ok {
		return exitFailed
	}
	defer s.Close()
	incs, _, err := s.Incidents(ctx, store.IncidentQuery{Sort: "-date"})
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch export: %v\n", err)
		return exitFailed
	}
	if err := w(e.stdout, incs); err != nil {
		fmt.Fprintf(e.stderr, "wallwatch export: %v\n", err)
		return exitFailed
	}
	return exitOK
}
