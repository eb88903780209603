package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is an io.Writer the test reads while serve writes to it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

var servingAt = regexp.MustCompile(`at (http://[0-9.:]+)/`)

// startServe runs `wallwatch serve` in process until the test ends and returns its address once
// the reference data has loaded (/healthz answers 200).
func startServe(t testing.TB, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr lockedBuffer
	e := env{stdout: &stdout, stderr: &stderr, stdin: strings.NewReader(""),
		getenv: func(string) string { return "" }, isTerminal: func(io.Writer) bool { return false }}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, e, append([]string{"serve", "--addr", "127.0.0.1:0", "--allow-private", "--log-level", "warn"}, args...))
	}()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != exitOK {
			t.Errorf("serve exited with %d: %s", code, stderr.String())
		}
	})
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if m := servingAt.FindStringSubmatch(stdout.String()); m != nil {
			if res, err := http.Get(m[1] + "/healthz"); err == nil {
				res.Body.Close()
				if res.StatusCode == http.StatusOK {
					return m[1]
				}
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("serve did not come up: %s %s", stdout.String(), stderr.String())
	return ""
}

// postJSON posts v and decodes the answer into out, failing the test on a status other than want.
func postJSON(t testing.TB, url string, v, out any, want int) {
	t.Helper()
	body, _ := json.Marshal(v)
	res, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	if res.StatusCode != want {
		t.Fatalf("POST %s: %d, want %d: %s", url, res.StatusCode, want, data)
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			t.Fatal(err)
		}
	}
}

// localFeed is an RSS feed on a loopback port whose items the test publishes one by one; it
// honours If-None-Match and counts its 304 answers.
type localFeed struct {
	*httptest.Server
	mu          sync.Mutex
	items       []string // <item> elements
	published   []time.Time
	notModified int
}

func newLocalFeed(t testing.TB) *localFeed {
	f := &localFeed{}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

func (f *localFeed) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if r.URL.Path != "/feed.xml" {
		http.NotFound(w, r)
		return
	}
	etag := fmt.Sprintf(`"items-%d"`, len(f.items))
	if r.Header.Get("If-None-Match") == etag {
		f.notModified++
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml")
	fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Invented regional wire</title>%s</channel></rss>`, strings.Join(f.items, ""))
}

// towns are Nigerian state capitals the gazetteer knows, each with its state.
var towns = [][2]string{{"Minna", "Niger"}, {"Kaduna", "Kaduna"}, {"Bauchi", "Bauchi"}, {"Gombe", "Gombe"}, {"Yola", "Adamawa"},
	{"Lokoja", "Kogi"}, {"Makurdi", "Benue"}, {"Ilorin", "Kwara"}, {"Sokoto", "Sokoto"}, {"Katsina", "Katsina"}, {"Owerri", "Imo"},
	{"Enugu", "Enugu"}, {"Abeokuta", "Ogun"}, {"Akure", "Ondo"}, {"Jos", "Plateau"}, {"Lafia", "Nasarawa"}}

// publish adds the nth invented report, each of another incident (another town or day), and
// returns when it appeared.
func (f *localFeed) publish(n int) time.Time {
	town := towns[n%len(towns)]
	day := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 3*n)
	escaped := 20 + n
	item := fmt.Sprintf(`<item><title>Inmates freed in %[1]s attack (%[4]d)</title><link>%[5]s/reports/%[4]d</link><pubDate>%[6]s</pubDate>`+
		`<description>Gunmen attacked the %[1]s Custodial Centre in %[2]s State, Nigeria, on %[3]s and freed %[7]d inmates, officials said.</description></item>`,
		town[0], town[1], day.Format("2 January 2006"), n, f.URL, day.AddDate(0, 0, 1).Format(time.RFC1123Z), escaped)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.items = append(f.items, item)
	now := time.Now()
	f.published = append(f.published, now)
	return now
}
