package ingest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Expand turns command-line arguments into single inputs for Load: a directory is walked
// recursively in lexical order, skipping hidden files and directories (names starting with "."),
// files and http(s) URLs pass through. A missing path, a URL of another scheme or an unreadable
// directory is an error naming it; the other arguments are still expanded.
func Expand(args []string) (inputs []string, errs []error) {
	for _, arg := range args {
		switch {
		case isURL(arg):
			inputs = append(inputs, arg)
		case strings.Contains(arg, "://"):
			errs = append(errs, fmt.Errorf("%s: unsupported URL scheme (want http or https)", arg))
		default:
			found, walkErrs := expandPath(arg)
			inputs = append(inputs, found...)
			errs = append(errs, walkErrs...)
		}
	}
	return inputs, errs
}

// expandPath returns a file, or the regular files under a directory.
func expandPath(root string) (files []string, errs []error) {
	info, err := os.Stat(root)
	if err != nil {
		return nil, []error{err} // *PathError: "stat PATH: no such file or directory"
	}
	if !info.IsDir() {
		return []string{root}, nil
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0 && isRegularFile(path) {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		errs = append(errs, err)
	}
	return files, errs
}

// isRegularFile reports whether path (after symbolic links) is a regular file.
func isRegularFile(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}
