package cli

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReprocessProgress drives the bar as reprocess does, a document and a step at a time.
func TestReprocessProgress(t *testing.T) {
	var stderr bytes.Buffer
	e := env{stderr: &stderr, isTerminal: func(io.Writer) bool { return true }}
	bar := newProgress(e, minBatchForBar, "documents")
	for range minBatchForBar {
		bar.drawn = time.Time{} // draw every step rather than every 100 ms
		bar.document()
		bar.step()
	}
	bar.done()
	out := stderr.String()
	for _, want := range []string{"1/20 documents", "20/20 documents"} {
		if !strings.Contains(out, want) {
			t.Errorf("progress %q lacks %q", out, want)
		}
	}
}

func TestReprocessKeepsIncidents(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, errOut := runCLI(t, "ingest", "--db", db, filepath.Join(sharedDir(t), "corpus", "seeds")); code != exitOK {
		t.Fatalf("ingest: code %d: %s", code, errOut)
	}
	_, before, _ := runCLI(t, "incidents", "--db", db, "--format", "csv")
	code, out, errOut := runCLI(t, "reprocess", "--db", db)
	if code != exitOK || !strings.HasPrefix(out, "5 documents") || errOut != "" {
		t.Fatalf("reprocess: code %d, stdout %q, stderr %q", code, out, errOut)
	}
	if _, after, _ := runCLI(t, "incidents", "--db", db, "--format", "csv"); strings.Count(after, "\n") != strings.Count(before, "\n") {
		t.Errorf("reprocess changed the number of incidents:\n%s\nthen\n%s", before, after)
	}
}
