package cli

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/wallwatch/wallwatch/internal/gazetteer"
)

// defaultGazetteerFile is where an imported gazetteer goes unless --out says otherwise: beside
// the user's other wallwatch data.
func defaultGazetteerFile(getenv func(string) string) string {
	base := getenv("XDG_DATA_HOME")
	if base == "" {
		home := getenv("HOME")
		if home == "" {
			return "wallwatch-gazetteer.tsv.gz"
		}
		base = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(base, "wallwatch", "gazetteer.tsv.gz")
}

func runGazetteer(ctx context.Context, e env, args []string) int {
	if len(args) == 0 || args[0] != "import" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fmt.Fprintln(e.stdout, "Usage: wallwatch gazetteer import [flags] FILE\n\nRun 'wallwatch gazetteer import --help' for its flags.")
			return exitOK
		}
		fmt.Fprintln(e.stderr, "wallwatch gazetteer: the subcommand is 'import' (see 'wallwatch gazetteer import --help')")
		return exitUsage
	}
	fs := newFlagSet("gazetteer import", "FILE",
		"Convert a GeoNames dump (allCountries.txt, a country file such as SY.txt, or cities500.txt; plain or gzipped)\ninto wallwatch's gazetteer format. Use it with WALLWATCH_GAZETTEER=OUT: its places replace the built-in ones,\nwhile countries, divisions and the supplement stay.")
	out := fs.String("out", defaultGazetteerFile(e.getenv), "where to write the converted gazetteer (gzipped)")
	if code := parseFlags(fs, e, args[1:]); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(e.stderr, "wallwatch gazetteer import: give exactly one GeoNames dump FILE")
		return exitUsage
	}
	n, err := importGazetteer(fs.Arg(0), *out)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch gazetteer import: %v\n", err)
		return exitFailed
	}
	if _, err := gazetteer.LoadFile(*out); err != nil {
		fmt.Fprintf(e.stderr, "wallwatch gazetteer import: the written file does not load: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "%d records written to %s\nuse it with: export WALLWATCH_GAZETTEER=%s\n", n, *out, *out)
	return exitOK
}

// importGazetteer converts src into a gzipped gazetteer at dst, replacing dst only when the whole
// conversion succeeded.
func importGazetteer(src, dst string) (int, error) {
	in, err := os.Open(src)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return 0, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".gazetteer-*")
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name())
	zw := gzip.NewWriter(tmp)
	n, err := gazetteer.Import(zw, in)
	if err != nil {
		tmp.Close()
		return n, fmt.Errorf("%s: %w", src, err)
	}
	if err := errors.Join(zw.Close(), tmp.Close()); err != nil {
		return n, err
	}
	if n == 0 {
		return 0, fmt.Errorf("%s: no places or divisions found: is it a GeoNames main-table dump?", src)
	}
	return n, os.Rename(tmp.Name(), dst)
}
