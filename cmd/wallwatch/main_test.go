package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// slowInit are packages whose initialisation costs every start of the binary a noticeable time
// and memory before main runs (go-dateparser: 0.2 s and 95 MB of locale tables), so that even
// "wallwatch version" would be slow. Package initialisers cannot be deferred: keep them out.
var slowInit = []string{"github.com/markusmobius/go-dateparser"}

func TestNoSlowInitialisers(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, slow := range slowInit {
			if strings.HasPrefix(dep, slow) {
				t.Errorf("the binary imports %s, which slows every start-up; find another way", dep)
			}
		}
	}
}

// BenchmarkStartup runs the built binary's "version": the cost of starting wallwatch at all.
func BenchmarkStartup(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "wallwatch")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	for _, args := range [][]string{{"version"}, {"--help"}} {
		b.Run(args[0], func(b *testing.B) {
			for b.Loop() {
				if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
					b.Fatalf("%v: %v\n%s", args, err, out)
				}
			}
		})
	}
}
