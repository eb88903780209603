package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/store"
)

// runCLI runs one wallwatch command line and returns its exit code and output.
func runCLI(t testing.TB, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	e := env{stdout: &stdout, stderr: &stderr, stdin: strings.NewReader(""),
		getenv: func(string) string { return "" }, isTerminal: func(io.Writer) bool { return false }}
	code := run(context.Background(), e, args)
	return code, stdout.String(), stderr.String()
}

// sharedDir is ../shared beside the repository, or "" when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs("../../../shared")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "corpus")); err != nil {
		t.Skipf("shared corpus not found at %s (it sits beside the repository); skipping", dir)
	}
	return dir
}

func TestIngestSeedsTwice(t *testing.T) {
	seeds := filepath.Join(sharedDir(t), "corpus", "seeds")
	db := filepath.Join(t.TempDir(), "x.db")
	code, out, errOut := runCLI(t, "ingest", "--db", db, seeds)
	if code != exitOK || !strings.Contains(out, "5 new, 0 duplicates") {
		t.Fatalf("first ingest: code %d, stdout %q, stderr %q; want 5 new", code, out, errOut)
	}
	code, out, _ = runCLI(t, "ingest", "--db", db, seeds)
	if code != exitOK || !strings.Contains(out, "0 new, 5 duplicates") {
		t.Fatalf("second ingest: code %d, stdout %q; want 5 duplicates", code, out)
	}
	code, out, _ = runCLI(t, "documents", "--db", db, "--format", "json")
	var docs []map[string]any
	if code != exitOK || json.Unmarshal([]byte(out), &docs) != nil || len(docs) != 5 {
		t.Fatalf("documents --format json: code %d, %d docs from %q", code, len(docs), out)
	}
}

// TestIngestDirectoryWithBinaryFile walks a directory holding a report, a SOURCES.md and a binary
// named like a text: the markdown is skipped and said so, the binary is tried and fails.
func TestIngestDirectoryWithBinaryFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("report.txt", []byte("DATE: 2021-04-05\nTITLE: Jail attacked\n\nGunmen attacked the jail in a town and freed 40 inmates, police said.\n"))
	write("blob.txt", []byte{0x7f, 'E', 'L', 'F', 0, 0, 0, 1, 2, 3, 0, 0})
	write("SOURCES.md", []byte("# Sources\n\nA thwarted attack in France was reported by nobody.\n"))
	code, out, errOut := runCLI(t, "ingest", "--db", filepath.Join(t.TempDir(), "x.db"), dir)
	if code == exitOK {
		t.Fatalf("exit code 0, want non-zero when a file fails")
	}
	if !strings.Contains(errOut, "blob.txt") {
		t.Errorf("stderr %q does not name the bad file", errOut)
	}
	if !strings.Contains(errOut, "skipped 1 file in directories that are no document type (.md: 1)") {
		t.Errorf("stderr %q does not report the skipped SOURCES.md", errOut)
	}
	if !strings.Contains(out, "1 new") || !strings.Contains(out, "1 failed") {
		t.Errorf("summary %q, want 1 new and 1 failed", out)
	}
}

func TestIngestRefusesLoopbackURL(t *testing.T) {
	code, _, errOut := runCLI(t, "ingest", "--db", filepath.Join(t.TempDir(), "x.db"), "http://127.0.0.1:9/")
	if code == exitOK || !strings.Contains(errOut, "127.0.0.1") || !strings.Contains(errOut, "allow-private") {
		t.Fatalf("code %d, stderr %q; want a refusal naming the address and --allow-private", code, errOut)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"nope"}, exitUsage, "unknown command"},
		{[]string{"ingest"}, exitUsage, "at least one PATH"},
		{[]string{"ingest", "--published", "yesterday", "x"}, exitUsage, "YYYY-MM-DD"},
		{[]string{"export", "--format", "xml"}, exitUsage, "want json, csv, geojson or stix"},
		{[]string{"incidents", "--country", "XX"}, exitUsage, `--country: "XX": no country`},
		{[]string{"incidents", "--type", "jailbreak"}, exitUsage, `--type: "jailbreak": want one of facility_attack`},
		{[]string{"export", "--sort", "newest"}, exitUsage, "--sort"},
		{[]string{"incidents", "--limit", "-1"}, exitUsage, "--limit -1"},
		{[]string{"incidents", "--bogus"}, exitUsage, "flag provided but not defined: -bogus (see 'wallwatch incidents --help')"},
		{[]string{"documents", "--format", "xml"}, exitUsage, "want table or json"},
		{[]string{"incidents", "--since", "2020/01/01"}, exitUsage, "YYYY-MM-DD"},
		{[]string{"document"}, exitUsage, "exactly one document ID"},
	}
	for _, tt := range tests {
		code, _, errOut := runCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: code %d, stderr %q; want %d and %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
}

func TestHelpEverywhere(t *testing.T) {
	for name := range commands() {
		code, out, errOut := runCLI(t, name, "--help")
		if code != exitOK || !strings.Contains(out, "Usage: wallwatch "+name) || errOut != "" {
			t.Errorf("%s --help: code %d, stdout %q, stderr %q; want the help once, on stdout", name, code, out, errOut)
		}
	}
	_, out, _ := runCLI(t, "incidents", "--help")
	for _, want := range []string{"  --country code", "Examples:\n  wallwatch incidents"} {
		if !strings.Contains(out, want) {
			t.Errorf("incidents --help lacks %q:\n%s", want, out)
		}
	}
}

func TestVersionFlag(t *testing.T) {
	if code, out, _ := runCLI(t, "--version"); code != exitOK || !strings.HasPrefix(out, "wallwatch ") {
		t.Errorf("--version: code %d, stdout %q", code, out)
	}
}

// TestReadCommandsRefuseMissingDatabase: a mistyped --db must not answer with an empty database.
func TestReadCommandsRefuseMissingDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "typo.db")
	for _, args := range [][]string{{"incidents"}, {"export"}, {"documents"}, {"mentions"}, {"incident", "x"}, {"reprocess"}} {
		code, _, errOut := runCLI(t, append(args, "--db", db)...)
		if code != exitFailed || !strings.Contains(errOut, "no database at "+db) {
			t.Errorf("%v: code %d, stderr %q; want %d and no database", args, code, errOut, exitFailed)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("a read command created %s", db)
	}
	missing := filepath.Join(t.TempDir(), "no", "such", "x.db")
	if code, _, errOut := runCLI(t, "ingest", "--db", missing, "a.txt"); code != exitFailed || !strings.Contains(errOut, "does not exist") {
		t.Errorf("ingest into a missing folder: code %d, stderr %q; want the folder named", code, errOut)
	}
}

// emptyDB makes a database with no documents.
func emptyDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "x.db")
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	return db
}

func TestExportEmptyIsValidJSON(t *testing.T) {
	code, out, errOut := runCLI(t, "export", "--db", emptyDB(t), "--format", "json")
	var v []any
	if code != exitOK || json.Unmarshal([]byte(out), &v) != nil || v == nil || len(v) != 0 {
		t.Fatalf("export: code %d, stdout %q, stderr %q; want []", code, out, errOut)
	}
}

// TestCorpusQuality ingests the shared corpus, exports it and scores it with the shared scorer.
// The floors are what this version reaches, so that a change that loses quality fails.
func TestCorpusQuality(t *testing.T) {
	shared := sharedDir(t)
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: the shared scorer needs it")
	}
	floors := map[string]map[string]float64{
		"seeds": {"incident_f1": 0.95, "link_f1": 0.95, "claims_r": 0.9, "claims_p": 0.82, "date": 0.95,
			"place": 0.95, "facility": 0.8, "perp": 0.9},
		// geo50 fell from 1.00 to 0.95 when Spanish prison farms became places of detention: one
		// farm's town resolves to a namesake of it in the same country.
		"dev": {"incident_f1": 0.87, "link_f1": 0.92, "claims_r": 0.94, "claims_p": 0.85, "date": 0.95,
			"place": 0.96, "facility": 0.83, "perp": 0.89, "geo50": 0.94},
		// Notes that name no place count from their event id's country: place and geo50 are
		// scored over more incidents, some placed at a country only. Claims recall fell from 0.87
		// to 0.85 when a rescue from police custody was found: its two one-person figures ("an
		// accused", "an ASI") are not read, and no claim found before was lost.
		"notes": {"incident_f1": 0.93, "recall": 0.9, "claims_r": 0.84, "claims_p": 0.8, "date": 0.95,
			"place": 0.9, "facility": 0.83, "perp": 0.61, "geo50": 0.8},
	}
	for set, want := range floors {
		t.Run(set, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), set+".db")
			if code, _, errOut := runCLI(t, "ingest", "--db", db, filepath.Join(shared, "corpus", set)); code != exitOK {
				t.Fatalf("ingest %s: code %d: %s", set, code, errOut)
			}
			code, out, errOut := runCLI(t, "export", "--db", db, "--format", "json")
			if code != exitOK {
				t.Fatalf("export: code %d: %s", code, errOut)
			}
			pred := filepath.Join(t.TempDir(), "pred.json")
			if err := os.WriteFile(pred, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			score, err := exec.Command(python, filepath.Join(shared, "tools", "score.py"),
				filepath.Join(shared, "corpus", "gold", set+".json"), pred).CombinedOutput()
			if err != nil {
				t.Fatalf("score.py: %v\n%s", err, score)
			}
			t.Logf("%s:\n%s", set, score)
			got := parseScore(string(score))
			for k, floor := range want {
				if got[k] < floor {
					t.Errorf("%s %s = %.2f, want at least %.2f", set, k, got[k], floor)
				}
			}
		})
	}
}

var scoreField = regexp.MustCompile(`(\w+)=([0-9.]+)`)

func parseScore(out string) map[string]float64 {
	got := map[string]float64{}
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "score:") {
			continue
		}
		for _, m := range scoreField.FindAllStringSubmatch(line, -1) {
			got[m[1]], _ = strconv.ParseFloat(m[2], 64)
		}
	}
	return got
}

func TestGazetteerImport(t *testing.T) {
	dir := t.TempDir()
	dump := filepath.Join(dir, "XX.txt")
	row := "1\tTestville\tTestville\tTestvile\t10.5\t20.5\tP\tPPL\tNG\t\t11\t\t\t\t50000\t\t\tAfrica/Lagos\t2023-01-01\n"
	if err := os.WriteFile(dump, []byte(row), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "sub", "gaz.tsv.gz")
	code, stdout, stderr := runCLI(t, "gazetteer", "import", "--out", out, dump)
	if code != exitOK || !strings.Contains(stdout, "1 records written") {
		t.Fatalf("import: code %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("no gazetteer written: %v", err)
	}
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, []byte("not a dump\n"), 0o644)
	if code, _, stderr := runCLI(t, "gazetteer", "import", "--out", filepath.Join(dir, "x.gz"), empty); code == exitOK || !strings.Contains(stderr, "empty.txt") {
		t.Errorf("importing a non-dump: code %d, stderr %q; want a failure naming the file", code, stderr)
	}
}

func TestFlagsAfterArguments(t *testing.T) {
	db := emptyDB(t)
	if code, _, stderr := runCLI(t, "document", "--db", db, "nope", "--format", "json"); code != exitFailed || !strings.Contains(stderr, `no document "nope"`) {
		t.Errorf("flags after the argument: code %d, stderr %q; want the lookup to run and fail", code, stderr)
	}
	if code, _, stderr := runCLI(t, "document", "--db", db, "--", "--format"); code != exitFailed || !strings.Contains(stderr, `no document "--format"`) {
		t.Errorf("after --: code %d, stderr %q; want --format taken as the ID", code, stderr)
	}
}

// TestIncidentFiltersAndExport ingests two reports and checks that names and aliases filter as
// codes and canonical names do, and that export takes the filters and writes a file.
func TestIncidentFiltersAndExport(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"kano.txt":  "URL: https://www.example-news.ng/kano-jail\nDATE: 2021-04-05\nTITLE: Jail attacked in Kano\n\nGunmen attacked the Kano central prison in Nigeria on Monday and freed 40 inmates, police said.\n",
		"niger.txt": "DATE: 2019-05-13\nTITLE: Attack on Koutoukalé prison foiled\n\nSoldiers repelled an attack on the Koutoukalé high-security prison in Niger on Monday, the ministry said.\n",
	})
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, errOut := runCLI(t, "ingest", "--db", db, dir); code != exitOK {
		t.Fatalf("ingest: code %d: %s", code, errOut)
	}
	for _, args := range [][]string{{"--country", "Nigeria"}, {"--country", "ng"}, {"--q", "Kano"}} {
		code, out, errOut := runCLI(t, append([]string{"incidents", "--db", db, "--format", "csv"}, args...)...)
		if code != exitOK || !strings.Contains(out, "Kano") || strings.Contains(out, "Koutoukal") {
			t.Errorf("incidents %v: code %d, stdout %q, stderr %q; want the Kano incident only", args, code, out, errOut)
		}
	}
	if code, out, _ := runCLI(t, "incidents", "--db", db, "--q", "Koutoukale"); code != exitOK || !strings.Contains(out, "Koutoukal") {
		t.Errorf("--q Koutoukale: code %d, stdout %q; want the Koutoukalé incident", code, out)
	}
	if code, out, _ := runCLI(t, "export", "--db", db, "--format", "csv", "--q", "Kano"); code != exitOK || !strings.Contains(out, ",example-news.ng,") || strings.Contains(out, dir) {
		t.Errorf("export --format csv: code %d, stdout %q; want the outlet and no local path", code, out)
	}
	file := filepath.Join(t.TempDir(), "out.stix.json")
	code, _, errOut := runCLI(t, "export", "--db", db, "--format", "stix", "--country", "NE", "--output", file)
	data, err := os.ReadFile(file)
	if code != exitOK || err != nil || !strings.Contains(string(data), `"type": "bundle"`) || strings.Contains(string(data), "Kano") {
		t.Errorf("export --format stix --output: code %d, stderr %q, file %.200q, %v; want a bundle without Kano", code, errOut, data, err)
	}
	if code, out, _ := runCLI(t, "mentions", "--db", db, "--format", "csv"); code != exitOK || !strings.HasPrefix(out, strings.Join(mentionCSVHeader, ",")+"\n") || !strings.Contains(out, "escaped") {
		t.Errorf("mentions --format csv: code %d, stdout %q; want the header and an escaped claim", code, out)
	}
	if code, out, _ := runCLI(t, "documents", "--db", db, "--q", "repelled"); code != exitOK || !strings.Contains(out, "[repelled]") {
		t.Errorf("documents --q: code %d, stdout %q; want a snippet marking the match", code, out)
	}
	if code, out, _ := runCLI(t, "incidents", "--db", db, "--sort", "-date", "--limit", "1"); code != exitOK || !strings.Contains(out, "2019-05-13") || strings.Contains(out, "2021") {
		t.Errorf("--sort -date --limit 1: code %d, stdout %q; want only the 2019 incident", code, out)
	}
}
