package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestFindsWaves ingests the seeds, computes their waves, then recomputes them with other
// parameters.
func TestIngestFindsWaves(t *testing.T) {
	seeds := filepath.Join(sharedDir(t), "corpus", "seeds")
	db := filepath.Join(t.TempDir(), "w.db")
	if code, _, errOut := runCLI(t, "ingest", "--db", db, seeds); code != exitOK {
		t.Fatalf("ingest: code %d, stderr %q", code, errOut)
	}
	code, out, errOut := runCLI(t, "waves", "--db", db)
	if code != exitOK || !strings.Contains(out, "2013-07-21  2013-07-30") {
		t.Errorf("waves: code %d, stdout %q, stderr %q; want the wave of July 2013", code, out, errOut)
	}
	if code, out, _ := runCLI(t, "waves", "--db", db, "--by", "family"); code != exitOK || !strings.Contains(out, "by family: space-time-permutation-scan") {
		t.Errorf("waves --by family: code %d, stdout %q; want the permutation scan", code, out)
	}
	if code, out, _ := runCLI(t, "waves", "--db", db, "--min", "10"); code != exitOK || !strings.Contains(out, "no wave") {
		t.Errorf("waves --min 10: code %d, stdout %q; want no wave", code, out)
	}
}

func TestWavesUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"--alpha", "2"}, {"--since", "July"}, {"--format", "csv"}, {"--types", ""}, {"--types", "bombing"}, {"--by", "province"}} {
		if code, _, _ := runCLI(t, append([]string{"waves", "--db", filepath.Join(t.TempDir(), "u.db")}, args...)...); code != exitUsage {
			t.Errorf("waves %v: exit %d, want %d", args, code, exitUsage)
		}
	}
}
