package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
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

func TestReviewRejectAndHideInExports(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	path := filepath.Join(dir, "east.txt")
	if err := os.WriteFile(path, []byte(reviewReports["east.txt"]), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCLI(t, "ingest", "--db", db, path); code != exitOK {
		t.Fatalf("ingest: %d %s", code, errOut)
	}
	_, out, _ := runCLI(t, "export", "--db", db)
	var incs []struct {
		ID      string
		Metrics map[string]struct {
			Claims []struct {
				Document   string
				Start, End int
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &incs); err != nil || len(incs) != 1 || len(incs[0].Metrics["escaped"].Claims) != 1 {
		t.Fatalf("want one incident with one escaped claim: %v\n%s", err, out)
	}
	c := incs[0].Metrics["escaped"].Claims[0]
	key := c.Document + ":escaped:" + strconv.Itoa(c.Start) + "-" + strconv.Itoa(c.End)
	for _, args := range [][]string{{"reject", key, "--why", "a rumour"}, {"hide", incs[0].ID, "--why", "a drill"}} {
		if code, _, errOut := runCLI(t, append([]string{"review", args[0], "--db", db, "--who", "ana"}, args[1:]...)...); code != exitOK {
			t.Fatalf("review %s: %d %s", args[0], code, errOut)
		}
	}
	if _, out, _ = runCLI(t, "export", "--db", db); strings.TrimSpace(out) != "[]" {
		t.Errorf("a hidden incident was exported: %s", out)
	}
	_, out, _ = runCLI(t, "export", "--db", db, "--hidden", "--rejected")
	for _, want := range []string{`"hidden": true`, `"excluded"`, `"reason": "a rumour"`} {
		if !strings.Contains(out, want) {
			t.Errorf("export --hidden --rejected lacks %s:\n%s", want, out)
		}
	}
	if code, _, _ := runCLI(t, "export", "--db", db, "--format", "csv", "--hidden"); code != exitUsage {
		t.Errorf("--hidden with csv: code %d, want %d", code, exitUsage)
	}
}
