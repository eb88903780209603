package cli

import (
	"context"
	"fmt"
	"runtime/debug"
)

// version is the release this source tree is; the VCS revision is added from the build info.
const version = "0.1.0"

// Version returns the version string, with the commit it was built from when known.
func Version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return version
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	switch {
	case rev == "":
		return version
	case dirty:
		return version + "+" + rev + "-dirty"
	}
	return version + "+" + rev
}

func runVersion(_ context.Context, e env, args []string) int {
	fs := newFlagSet("version", "", "Print wallwatch's version.")
	if code := parseFlags(fs, e, args); code >= 0 {
		return code
	}
	fmt.Fprintf(e.stdout, "wallwatch %s\n", Version())
	return exitOK
}
