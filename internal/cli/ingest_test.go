package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
	"github.com/wallwatch/wallwatch/internal/store"
)

// cancelOnWrite is a stderr that cancels the command's context at its first line, as Ctrl-C
// would at that moment, and keeps what was written.
type cancelOnWrite struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	cancel context.CancelFunc
}

func (w *cancelOnWrite) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.cancel()
	return w.buf.Write(p)
}

func (w *cancelOnWrite) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestIngestInterrupted interrupts an ingest when its second input fails: the first input's
// document is still stored, the inputs after are listed as not attempted, and the exit code says
// the command was interrupted.
func TestIngestInterrupted(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt": "DATE: 2021-04-05\nTITLE: Jail attacked\n\nGunmen attacked the jail in Kano and freed 40 inmates, police said.\n",
		"b.bin": "\x7fELF\x00\x00\x00\x01",
		"c.txt": "DATE: 2021-05-05\n\nA second report about something else.\n",
		"d.txt": "DATE: 2021-06-05\n\nA third report about another matter.\n",
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stderr := &cancelOnWrite{cancel: cancel}
	var stdout bytes.Buffer
	e := env{stdout: &stdout, stderr: stderr, stdin: strings.NewReader(""),
		getenv: func(string) string { return "" }, isTerminal: func(io.Writer) bool { return false }}
	db := filepath.Join(t.TempDir(), "x.db")
	var inputs []string
	for _, name := range []string{"a.txt", "b.bin", "c.txt", "d.txt"} {
		inputs = append(inputs, filepath.Join(dir, name))
	}
	code := run(ctx, e, append([]string{"ingest", "--db", db}, inputs...))
	if code != exitInterrupted {
		t.Errorf("exit code %d, want %d", code, exitInterrupted)
	}
	if !strings.Contains(stdout.String(), "1 new") {
		t.Errorf("summary %q, want the first document stored", stdout.String())
	}
	for _, want := range []string{"2 inputs not attempted", "not attempted: " + filepath.Join(dir, "c.txt"), "not attempted: " + filepath.Join(dir, "d.txt")} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr %q lacks %q", stderr.String(), want)
		}
	}
	if _, out, _ := runCLI(t, "documents", "--db", db); !strings.Contains(out, "Jail attacked") {
		t.Errorf("documents after the interrupted ingest: %q, want the stored one", out)
	}
}

func TestIngestInterruptedWhileLoading(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	e := env{stdout: &stdout, stderr: &stderr, stdin: strings.NewReader(""),
		getenv: func(string) string { return "" }, isTerminal: func(io.Writer) bool { return false }}
	code := run(ctx, e, []string{"ingest", "--db", filepath.Join(t.TempDir(), "x.db"), "one.txt", "two.txt"})
	if code != exitInterrupted || !strings.Contains(stderr.String(), "not attempted: one.txt\nnot attempted: two.txt") {
		t.Errorf("exit %d, stderr %q; want %d and both inputs not attempted", code, stderr.String(), exitInterrupted)
	}
}

// TestBatchesGoOnAfterAStoreFailure stores into a store that fails every write: each batch is
// tried, and every document is named on stderr as not stored.
func TestBatchesGoOnAfterAStoreFailure(t *testing.T) {
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	var stderr bytes.Buffer
	e := env{stdout: io.Discard, stderr: &stderr, isTerminal: func(io.Writer) bool { return false }}
	var sources []pipeline.Source
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		d := model.Document{ID: name, Source: name, Text: "text", ContentHash: name}
		sources = append(sources, pipeline.Source{Name: name, Load: func(_ context.Context, emit func(model.Document), _ func(error)) { emit(d) }})
	}
	tl := newTally(e, len(sources))
	tl.storeAll(context.Background(), pipeline.New(s, pipeline.Stages{}), sources, pipeline.StreamOptions{Batch: 2})
	if tl.failed != 3 || !tl.storeFailed || strings.Count(stderr.String(), "storing ") < 2 {
		t.Errorf("failed %d, store failed %v, stderr %q; want 3 failed in 2 batches or more", tl.failed, tl.storeFailed, stderr.String())
	}
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		if !strings.Contains(stderr.String(), "not stored: "+name) {
			t.Errorf("stderr %q does not name %s", stderr.String(), name)
		}
	}
	if code := tl.report(context.Background()); code != exitFailed {
		t.Errorf("exit code %d, want %d", code, exitFailed)
	}
}

// TestIngestSummary checks that ingest says what it made of the documents, names each document
// that nothing dates, that an undated report joins the dated report of its incident or else
// makes an incident shown as undated, and that a month in a report's URL dates it to that month.
func TestIngestSummary(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"dated.txt":     "DATE: 2021-03-02\n\nGunmen stormed the central prison in Kano, Nigeria, on Monday and freed 120 inmates, police said.\n",
		"undated-1.txt": "Gunmen stormed the Kano central prison in Nigeria on Monday, freeing about 120 inmates, officials said.\n",
		"undated-2.txt": "Gunmen stormed the main jail in Owerri, Nigeria, on Monday and freed dozens of inmates, police said.\n",
		"filed.txt":     "URL: https://news.example.org/2019/06/enugu-jail\n\nGunmen stormed the main jail in Enugu, Nigeria, on Monday and freed dozens of inmates, police said.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "s.db")
	code, out, errOut := runCLI(t, "ingest", "--db", db, dir)
	if code != exitOK || !strings.Contains(out, "4 new,") || !strings.Contains(out, "4 mentions of 3 incidents") {
		t.Errorf("ingest: code %d, stdout %q; want 4 new and 4 mentions of 3 incidents", code, out)
	}
	for _, name := range []string{"undated-1.txt", "undated-2.txt"} {
		if !strings.Contains(errOut, name+": no publication date and no dated sentence") {
			t.Errorf("stderr %q: want a warning naming %s", errOut, name)
		}
	}
	if strings.Count(errOut, "no publication date") != 2 {
		t.Errorf("stderr %q: want a warning for each undated document only", errOut)
	}
	code, out, _ = runCLI(t, "export", "--db", db, "--format", "json")
	if code != exitOK {
		t.Fatalf("export: code %d", code)
	}
	var incs []struct {
		DateStart *string `json:"date_start"`
		Place     string  `json:"place"`
		Documents []struct {
			Source string `json:"source"`
		} `json:"documents"`
	}
	if err := json.Unmarshal([]byte(out), &incs); err != nil {
		t.Fatalf("export: %v", err)
	}
	dates := map[string]string{}
	for _, inc := range incs {
		date := "undated"
		if inc.DateStart != nil {
			date = *inc.DateStart
		}
		for _, d := range inc.Documents {
			dates[filepath.Base(d.Source)] = date
		}
	}
	want := map[string]string{"dated.txt": "2021-03-01", "undated-1.txt": "2021-03-01", "undated-2.txt": "undated", "filed.txt": "2019-06-01"}
	if !maps.Equal(dates, want) {
		t.Errorf("incident dates by document %v, want %v", dates, want)
	}
}
