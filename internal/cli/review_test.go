package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Invented reports of two attacks the linker keeps apart.
var reviewReports = map[string]string{
	"east.txt": "DATE: 2023-09-12\nTITLE: Raid on a jail in Cusco\n\nGunmen raided the Qenqoro prison in Cusco, Peru, on Sunday and freed 70 inmates, the police said.",
	"west.txt": "DATE: 2023-09-13\nTITLE: Escape in Piura\n\nArmed men attacked the Rio Seco prison in Piura, Peru, on Sunday and 30 inmates escaped, the prison service said.",
}

func TestReviewMergeAuditUndo(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	for name, text := range reviewReports {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, errOut := runCLI(t, "ingest", "--db", db, filepath.Join(dir, "east.txt"), filepath.Join(dir, "west.txt")); code != exitOK {
		t.Fatalf("ingest: %d %s", code, errOut)
	}
	_, before, _ := runCLI(t, "export", "--db", db)
	var incs []struct{ ID string }
	if err := json.Unmarshal([]byte(before), &incs); err != nil || len(incs) != 2 {
		t.Fatalf("want two incidents to merge, got %d (%v)", len(incs), err)
	}
	if code, _, errOut := runCLI(t, "review", "merge", "--db", db, incs[0].ID, incs[1].ID); code != exitUsage || !strings.Contains(errOut, "--who") {
		t.Errorf("merge without --who: code %d, %q", code, errOut)
	}
	code, out, errOut := runCLI(t, "review", "merge", "--db", db, "--who", "ana", "--why", "one raid", incs[0].ID, incs[1].ID)
	if code != exitOK || !strings.Contains(out, "#1") || !strings.Contains(out, "merge") {
		t.Fatalf("merge: code %d, %q %q", code, out, errOut)
	}
	if _, out, _ = runCLI(t, "incidents", "--db", db, "--format", "json"); strings.Count(out, `"reviewed": true`) != 1 {
		t.Errorf("after the merge, want one reviewed incident:\n%s", out)
	}
	code, out, _ = runCLI(t, "audit", "--db", db, "--incident", incs[1].ID, "--format", "json")
	var log []struct {
		ID   int64
		Kind string
		Why  string
	}
	if code != exitOK || json.Unmarshal([]byte(out), &log) != nil || len(log) != 1 || log[0].Kind != "merge" || log[0].Why != "one raid" {
		t.Fatalf("audit --incident: code %d, %q", code, out)
	}
	if code, _, errOut = runCLI(t, "review", "undo", "--db", db, "--who", "ana", "1"); code != exitOK {
		t.Fatalf("undo: %d %s", code, errOut)
	}
	if _, after, _ := runCLI(t, "export", "--db", db); after != before {
		t.Errorf("undo did not restore the export:\n%s\nwant\n%s", after, before)
	}
	if code, _, errOut = runCLI(t, "review", "undo", "--db", db, "--who", "ana", "1"); code != exitUsage {
		t.Errorf("a second undo of the same action: code %d, %s", code, errOut)
	}
	if code, _, _ = runCLI(t, "review", "hide", "--db", db, "--who", "ana", "inc-000000000000"); code != exitFailed {
		t.Errorf("hide of an unknown incident: code %d, want %d", code, exitFailed)
	}
	if code, _, _ = runCLI(t, "review", "confirm", "--db", db, "--who", "ana", incs[0].ID, "splendid"); code != exitUsage {
		t.Errorf("confirm with an unknown grade: code %d, want %d", code, exitUsage)
	}
}
