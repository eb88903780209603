package cli

import (
	"bufio"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/api"
)

func TestIngestWaitsForReferenceData(t *testing.T) {
	pending := &pendingPipeline{done: make(chan struct{})}
	ingest := apiIngest(pending, slog.New(slog.DiscardHandler))
	_, _, err := ingest(context.Background(), api.IngestRequest{Text: "Gunmen freed 12 inmates."})
	if !errors.Is(err, api.ErrNotReady) {
		t.Errorf("ingest while loading: %v, want ErrNotReady", err)
	}
	if !pending.loading() || pending.actors() != nil {
		t.Errorf("loading() = %v, actors() = %v; want true and none", pending.loading(), pending.actors())
	}
}

// TestServeListensBeforeReferenceData starts the real server: it answers reads at once, says
// in /healthz when the reference data has loaded, then ingests, and stops when told.
func TestServeListensBeforeReferenceData(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out, outW := io.Pipe()
	e := env{stdout: outW, stderr: io.Discard, stdin: strings.NewReader(""),
		getenv: func(string) string { return "" }, isTerminal: func(io.Writer) bool { return false }}
	exited := make(chan int, 1)
	go func() {
		exited <- run(ctx, e, []string{"serve", "--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "x.db")})
		outW.Close()
	}()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("no start-up line: %v", err)
	}
	go io.Copy(io.Discard, out)
	base := regexp.MustCompile(`http://[0-9.:]+`).FindString(line)
	get := func(path string) (int, string) {
		t.Helper()
		res, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, strings.TrimSpace(string(b))
	}
	if status, _ := get("/api/v1/incidents"); status != http.StatusOK {
		t.Errorf("incidents while loading: %d, want 200", status)
	}
	for {
		status, body := get("/healthz")
		if status == http.StatusOK && body == `{"status":"ok"}` {
			break
		}
		if status != http.StatusServiceUnavailable || body != `{"status":"loading"}` {
			t.Fatalf("healthz: %d %s, want 503 loading until 200 ok", status, body)
		}
		time.Sleep(50 * time.Millisecond)
	}
	res, err := http.Post(base+"/api/v1/documents", "application/json",
		strings.NewReader(`{"text":"Gunmen attacked the central prison in Maiduguri and freed 40 inmates, police said.","published":"2024-05-02"}`))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusCreated {
		t.Errorf("ingest once loaded: %d, want 201", res.StatusCode)
	}
	cancel()
	if code := <-exited; code != exitOK {
		t.Errorf("serve exited with %d, want 0", code)
	}
}

func TestServeStopsWhenReferenceDataFails(t *testing.T) {
	var stderr strings.Builder
	e := env{stdout: io.Discard, stderr: &stderr, stdin: strings.NewReader(""),
		getenv: func(k string) string {
			if k == "WALLWATCH_GAZETTEER" {
				return filepath.Join(t.TempDir(), "missing.tsv")
			}
			return ""
		},
		isTerminal: func(io.Writer) bool { return false }}
	code := run(context.Background(), e, []string{"serve", "--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "x.db")})
	if code != exitFailed || !strings.Contains(stderr.String(), "missing.tsv") {
		t.Errorf("exit %d, stderr %q; want %d naming the missing gazetteer", code, stderr.String(), exitFailed)
	}
}

// TestServeRefusesBadHardeningSettings: a missing certificate or key, half a TLS pair, an
// unreadable proxy range or a negative rate stop serve before it listens, naming the setting.
func TestServeRefusesBadHardeningSettings(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--tls-cert", filepath.Join(dir, "absent.pem"), "--tls-key", filepath.Join(dir, "absent.key")}, "absent.pem"},
		{[]string{"--tls-cert", filepath.Join(dir, "site.pem")}, "HTTPS needs both"},
		{[]string{"--trust-proxy", "10.0.0.0/8,proxy.example"}, "proxy.example"},
		{[]string{"--rate-token", "-5"}, "token rate limit"},
	}
	for _, tt := range tests {
		code, _, errOut := runCLI(t, append([]string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, tt.args...)...)
		if code != exitFailed || !strings.Contains(errOut, tt.want) {
			t.Errorf("serve %v: exit %d, %q; want refused naming %q", tt.args, code, errOut, tt.want)
		}
	}
}

func TestStillLoading(t *testing.T) {
	for _, tt := range []struct {
		reference, warmed, want bool
	}{
		{true, false, true},
		{true, true, true},
		{false, false, true},
		{false, true, false},
	} {
		warmed := make(chan struct{})
		if tt.warmed {
			close(warmed)
		}
		if got := stillLoading(func() bool { return tt.reference }, warmed)(); got != tt.want {
			t.Errorf("reference loading %v, pages warmed %v: loading %v, want %v", tt.reference, tt.warmed, got, tt.want)
		}
	}
}
