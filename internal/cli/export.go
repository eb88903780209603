package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/wallwatch/wallwatch/internal/export"
	"github.com/wallwatch/wallwatch/internal/model"
)

// exportWriter writes incidents in one format.
type exportWriter func(io.Writer, []model.Incident) error

// exportWriters are the file formats of incidents, as the API serves them under /export.
func exportWriters() map[string]exportWriter {
	return map[string]exportWriter{"json": export.JSON, "csv": export.CSV, "geojson": export.GeoJSON, "stix": export.STIX}
}

func runExport(ctx context.Context, e env, args []string) int {
	fs := newFlagSet("export", "", "Write the incidents the filters choose (all by default), newest first, those of one day as their reports tell them: json (the contract in\ndocs/export-json.md), csv (ACLED-like columns, docs/export-csv.md), geojson or stix (STIX 2.1 bundle).")
	c := settings(fs, e)
	filters := addIncidentFilters(fs)
	format := fs.String("format", "json", "output format: json, csv, geojson or stix")
	output := fs.String("output", "", "write to this `FILE` instead of standard output")
	fs.BoolVar(&filters.hidden, "hidden", false, "json: include the incidents review hid as not incidents (their review says hidden)")
	rejected := fs.Bool("rejected", false, "json: list the claims review rejected under each figure's \"excluded\", with the reason")
	if code := parseFlags(fs, e, args); code >= 0 {
		return code
	}
	w, ok := exportWriters()[*format]
	if !ok {
		fmt.Fprintf(e.stderr, "wallwatch export: --format %q: want json, csv, geojson or stix\n", *format)
		return exitUsage
	}
	if (filters.hidden || *rejected) && *format != "json" {
		fmt.Fprintln(e.stderr, "wallwatch export: --hidden and --rejected go with --format json")
		return exitUsage
	}
	incs, code := listIncidents(ctx, e, "export", c, filters)
	if code >= 0 {
		return code
	}
	if *rejected {
		if code := addRejected(ctx, e, c, incs); code >= 0 {
			return code
		}
	}
	if *output == "" {
		if err := w(e.stdout, incs); err != nil {
			fmt.Fprintf(e.stderr, "wallwatch export: %v\n", err)
			return exitFailed
		}
		return exitOK
	}
	if err := writeFileAtomically(*output, func(f io.Writer) error { return w(f, incs) }); err != nil {
		fmt.Fprintf(e.stderr, "wallwatch export: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stderr, "wallwatch export: %d incidents written to %s\n", len(incs), *output)
	return exitOK
}

// writeFileAtomically writes path through a temporary file beside it, so that a failed export
// never leaves a truncated file where a good one was.
func writeFileAtomically(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
