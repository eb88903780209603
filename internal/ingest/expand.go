package ingest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Expansion is what Expand makes of command-line arguments.
type Expansion struct {
	Inputs []string
	// Skipped counts, by extension ("" for none), the files a directory walk left out because
	// their names say they are no document type wallwatch reads (a README.md, an image).
	Skipped map[string]int
	Errs    []error
}

// documentExtensions are the file name endings a directory walk takes: text, HTML, feeds, JSON
// Lines, each also gzipped.
var documentExtensions = map[string]bool{
	".txt": true, ".text": true, ".html": true, ".htm": true, ".xhtml": true,
	".xml": true, ".rss": true, ".atom": true, ".jsonl": true, ".ndjson": true,
}

// Expand turns command-line arguments into single inputs for Load: a directory is walked
// recursively in lexical order, skipping hidden files and directories (names starting with ".")
// and files whose extension is no document type (documentExtensions, optionally with ".gz");
// files named explicitly and http(s) URLs pass through, whatever their names. A missing path, a
// URL of another scheme or an unreadable directory is an error naming it; the other arguments are
// still expanded.
func Expand(args []string) Expansion {
	x := Expansion{Skipped: map[string]int{}}
	for _, arg := range args {
		switch {
		case isURL(arg):
			x.Inputs = append(x.Inputs, arg)
		case strings.Contains(arg, "://"):
			x.Errs = append(x.Errs, fmt.Errorf("%s: unsupported URL scheme (want http or https)", arg))
		default:
			x.expandPath(arg)
		}
	}
	return x
}

// expandPath adds a file, or the document files under a directory.
func (x *Expansion) expandPath(root string) {
	info, err := os.Stat(root)
	if err != nil {
		x.Errs = append(x.Errs, err) // *PathError: "stat PATH: no such file or directory"
		return
	}
	if !info.IsDir() {
		x.Inputs = append(x.Inputs, root)
		return
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			x.Errs = append(x.Errs, err)
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() && (d.Type()&fs.ModeSymlink == 0 || !isRegularFile(path)) {
			return nil
		}
		if ext, ok := documentExtension(d.Name()); !ok {
			x.Skipped[ext]++
			return nil
		}
		x.Inputs = append(x.Inputs, path)
		return nil
	})
	if err != nil {
		x.Errs = append(x.Errs, err)
	}
}

// documentExtension returns name's extension, lower-cased and without a ".gz", and whether it is
// a document type.
func documentExtension(name string) (string, bool) {
	name = strings.ToLower(name)
	ext := filepath.Ext(name)
	if ext == GzipSuffix {
		ext = filepath.Ext(strings.TrimSuffix(name, GzipSuffix))
	}
	return ext, documentExtensions[ext]
}

// isRegularFile reports whether path (after symbolic links) is a regular file.
func isRegularFile(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}
