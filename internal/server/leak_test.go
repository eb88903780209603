package server

import (
	"bufio"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/alert"
	"github.com/wallwatch/wallwatch/internal/alert/alerttest"
	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/ingest"
	"github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

// leakRig is the marked store served with alerts and the live stream, a wave holding the mixed
// incident, and a webhook rule of each organisation.
type leakRig struct {
	a          accounts
	m          storetest.Marked
	handlers   map[bool]http.Handler
	engine     *alert.Engine
	hub        *alert.Hub
	receivers  map[string]*alerttest.Receiver // by organisation
	waveID     string
	clearAlone string // an incident of one CLEAR document, which every reader sees whole
}

func newLeakRig(t *testing.T) leakRig {
	t.Helper()
	a, m := markedAccounts(t)
	ctx := context.Background()
	rig := leakRig{a: a, m: m, receivers: map[string]*alerttest.Receiver{},
		waveID: "wave-varnholt", clearAlone: m.ByMarking[model.TLPClear].Incident}
	wave := model.Wave{ID: rig.waveID, Start: time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2024, 10, 20, 0, 0, 0, 0, time.UTC),
		Incidents: []string{m.Mixed, rig.clearAlone}, Countries: []string{"NE"}, Observed: 2, PValue: 0.01}
	if err := a.store.ReplaceWaves(ctx, model.WaveAnalysis{ComputedAt: time.Now(), Waves: []model.Wave{wave}}); err != nil {
		t.Fatal(err)
	}
	for _, org := range []string{m.OrgA, m.OrgB} {
		rc := alerttest.StartReceiver(t, "secret-"+org, 0)
		rig.receivers[org] = rc
		rule := model.AlertRule{Owner: org, Org: org, Name: "everything", Webhook: rc.URL, Secret: rc.Secret,
			Changes: []model.Change{model.ChangeNewIncident, model.ChangeWave}, CreatedAt: time.Now()}
		if _, err := a.store.AddAlertRule(ctx, rule); err != nil {
			t.Fatal(err)
		}
	}
	d := alert.NewDispatcher(alert.DispatcherConfig{Store: a.store, Client: ingest.GuardedClient(ingest.Options{AllowPrivate: true}),
		RetryBase: 20 * time.Millisecond, Log: slog.New(slog.DiscardHandler)})
	runCtx, cancel := context.WithCancel(ctx)
	t.Cleanup(cancel)
	go d.Run(runCtx)
	rig.hub = alert.NewHub(a.store)
	t.Cleanup(rig.hub.Close)
	rig.engine = alert.NewEngine(a.store, rig.hub, d.Wake, nil)
	// With the read cache on, as serve runs: what A's members read first must not be kept for B.
	rig.handlers = handlersByPublicRead(t, Config{Store: a.store, Watch: api.Watch{Alerts: rig.engine, Stream: rig.hub}, ReadCache: 1 << 20})
	return rig
}

// paths are every GET route of the access table with the ids of the mixed incident, both its
// documents, its facility and its wave, and the searches for the RED word.
func (rig leakRig) paths() []string {
	m := rig.m
	facility := link.FacilityID("NE", "Varnholt Civil Prison")
	var out []string
	for _, rule := range accessTable() {
		method, pattern, _ := strings.Cut(rule.pattern, " ")
		if method != http.MethodGet || strings.HasSuffix(pattern, "/alerts/stream") {
			continue // the stream is read below, while changes happen
		}
		r := strings.NewReplacer("{$}", "", "{action}", "pause", "{name}", "x", "{claim}", "1")
		switch {
		case strings.Contains(pattern, "/incidents/{id}"):
			out = append(out, strings.Replace(pattern, "{id}", m.Mixed, 1))
		case strings.Contains(pattern, "/documents/{id}"):
			out = append(out, strings.Replace(pattern, "{id}", m.RedDocument, 1), strings.Replace(pattern, "{id}", m.ClearDocument, 1))
		case strings.Contains(pattern, "/facilities/{id}"):
			out = append(out, strings.Replace(pattern, "{id}", facility, 1))
		case strings.Contains(pattern, "/waves/{id}"):
			out = append(out, strings.Replace(pattern, "{id}", rig.waveID, 1))
		default:
			out = append(out, r.Replace(examplePath(rule.pattern)))
		}
	}
	// The word in capitals: search ignores case, and a page's echo of the query is no leak.
	for _, q := range []string{"/documents?q=", "/api/v1/documents?q=", "/incidents?q=", "/api/v1/incidents?facets=true&q="} {
		out = append(out, q+strings.ToUpper(m.RedWord))
	}
	// Every page of the mixed incident's claims and sources, one at a time.
	for _, page := range []string{"?claims_limit=1&claims_offset=0", "?claims_limit=1&claims_offset=1", "?documents_limit=1&documents_offset=1"} {
		out = append(out, "/incidents/"+m.Mixed+page, "/api/v1/incidents/"+m.Mixed+page)
	}
	actor := strings.ReplaceAll(storetest.RedActor, " ", "%20")
	return append(out, "/api/v1/audit?incident="+m.Mixed, "/api/v1/incidents?sort=escaped", "/incidents?sort=escaped",
		"/api/v1/incidents?actor="+actor, "/api/v1/export.csv?actor="+actor, "/api/v1/incidents?facility=Varnholt%20Civil%20Prison")
}

// leaks reports whether text carries anything of the RED document: its figure (however grouped:
// 7391, 7,391, 7 391) as a number of its own, its word or the group only it names. Digits inside
// a longer number (a token, a time's fraction of a second) are no figure.
func (rig leakRig) leaks(text string) bool {
	v := strconv.Itoa(rig.m.RedValue)
	for _, form := range []string{v, v[:1] + "," + v[1:], v[:1] + " " + v[1:], v[:1] + "\u00a0" + v[1:], v[:1] + "\u202f" + v[1:]} {
		if containsNumber(text, form) {
			return true
		}
	}
	for _, form := range []string{rig.m.RedWord, storetest.RedActor, strings.ReplaceAll(storetest.RedActor, " ", "+"), strings.ReplaceAll(storetest.RedActor, " ", "%20")} {
		if strings.Contains(text, form) {
			return true
		}
	}
	return false
}

// containsNumber reports whether number occurs in text with no digit right before or after it.
func containsNumber(text, number string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], number)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(number)
		if (start == 0 || !isDigit(text[start-1])) && (end == len(text) || !isDigit(text[end])) {
			return true
		}
		from = start + 1
	}
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// TestRedNeverLeaks: an incident reported by a RED document of organisation A and a CLEAR
// article. Organisation B (each role, and a read token), and anonymous readers of a
// --public-read server, crawl every GET route with real ids, every export, the searches for the
// RED document's word, waves, the live stream while alerts run, and B's alert rule's webhook:
// the RED figure (7391) and word never reach them. Organisation A's members do see them, so the
// test can fail; A's own webhook never gets RED either (docs/accounts.md).
func TestRedNeverLeaks(t *testing.T) {
	rig := newLeakRig(t)
	m := rig.m
	later := time.Now().Add(time.Hour)
	aCookie := rig.a.session("a-viewer", later)
	aSession := func(r *http.Request) { r.AddCookie(aCookie) }
	for _, path := range rig.paths() { // A reads first: the lists it got are in the read cache now
		markedGet(rig.handlers[false], path, aSession)
	}
	for _, rd := range markedReaders(rig.a, m) {
		if rd.org == m.OrgA {
			continue
		}
		for _, path := range rig.paths() {
			status, body := markedGet(rig.handlers[rd.publicRead], path, rd.prepare)
			if rig.leaks(body) {
				t.Errorf("GET %s as %s (%d): the RED document leaked", path, rd.name, status)
			}
			if strings.Contains(path, "actor=") && strings.Contains(body, m.Mixed) {
				t.Errorf("GET %s as %s: the incident is found by the group only the RED document names", path, rd.name)
			}
			if strings.Contains(path, m.RedDocument) && status != http.StatusNotFound {
				t.Errorf("GET %s as %s: got %d, want 404", path, rd.name, status)
			}
			if strings.Contains(path, rig.waveID) && status != http.StatusNotFound {
				t.Errorf("GET %s as %s: got %d, want 404 (the wave holds a partly visible incident)", path, rd.name, status)
			}
		}
	}
	for _, path := range []string{"/incidents/" + m.Mixed, "/api/v1/incidents/" + m.Mixed, "/api/v1/export.json", "/api/v1/export.csv",
		"/documents/" + m.RedDocument, "/api/v1/documents?q=" + strings.ToUpper(m.RedWord)} {
		if status, body := markedGet(rig.handlers[false], path, aSession); status != http.StatusOK || !rig.leaks(body) {
			t.Errorf("GET %s as organisation A: got %d without the RED document, want it shown", path, status)
		}
	}
	// The incident page marks each source and claim: A sees the RED badge, B only CLEAR ones.
	for user, want := range map[string][2]bool{"a-viewer": {true, true}, "b-viewer": {false, true}} {
		_, body := markedGet(rig.handlers[false], "/incidents/"+m.Mixed, func(r *http.Request) { r.AddCookie(rig.a.session(user, later)) })
		red, clear := strings.Contains(body, `class="tlp tlp-red"`), strings.Contains(body, `class="tlp tlp-clear"`)
		if red != want[0] || clear != want[1] || !strings.Contains(body, "TLP:CLEAR") {
			t.Errorf("incident page as %s: RED badge %v, CLEAR badge %v; want %v, %v", user, red, clear, want[0], want[1])
		}
	}
	rig.checkStreamAndAlerts(t)
}

// checkStreamAndAlerts opens the live stream as organisation B and as A, has alerts compare the
// marked incidents and the wave, and reads what the streams and the webhooks got.
func (rig leakRig) checkStreamAndAlerts(t *testing.T) {
	m := rig.m
	srv := httptestServer(t, rig.handlers[false])
	later := time.Now().Add(time.Hour)
	streamB := openStream(t, srv, rig.a.session("b-viewer", later))
	streamA := openStream(t, srv, rig.a.session("a-viewer", later))
	ctx := context.Background()
	ids := []string{m.Mixed, rig.clearAlone}
	if err := rig.engine.IncidentsChanged(ctx, ids); err != nil {
		t.Fatal(err)
	}
	if err := rig.engine.WavesDetected(ctx, []string{rig.waveID}); err != nil {
		t.Fatal(err)
	}
	gotB := streamB.until(t, rig.clearAlone)
	if rig.leaks(gotB) || strings.Contains(gotB, m.Mixed) || strings.Contains(gotB, rig.waveID) {
		t.Errorf("organisation B's stream carried the partly visible incident or its wave:\n%s", gotB)
	}
	if gotA := streamA.until(t, m.Mixed); !rig.leaks(gotA) {
		t.Errorf("organisation A's stream lacks the RED figure of the incident it sees whole:\n%s", gotA)
	}
	for org, rc := range rig.receivers {
		deliveries := map[string]string{}
		for len(deliveries) < 2 {
			key := rc.Next(10 * time.Second)
			if key == "" {
				t.Fatalf("%s's webhook got %d deliveries, want the two incidents", org, len(deliveries))
			}
			deliveries[key] = string(rc.Body(key))
		}
		for key, body := range deliveries {
			if rig.leaks(body) {
				t.Errorf("%s's webhook delivery %s carried the RED document: %s", org, key, body)
			}
			if strings.Contains(body, m.Mixed) && !strings.Contains(body, "("+strconv.Itoa(m.ClearValue)+" escaped)") {
				t.Errorf("%s's delivery of the mixed incident does not give the CLEAR figure: %s", org, body)
			}
		}
	}
}

// httptestServer serves h on a loopback port for the test's lifetime.
func httptestServer(t *testing.T, h http.Handler) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// stream is an open server-sent-events stream and what it carried so far.
type stream struct {
	lines chan string
	seen  strings.Builder
}

// openStream opens the live stream with a session, once it is subscribed.
func openStream(t *testing.T, base string, c *http.Cookie) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/v1/alerts/stream", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.AddCookie(c)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		t.Fatalf("stream: got %d", res.StatusCode)
	}
	s := &stream{lines: make(chan string, 1024)}
	sc := bufio.NewScanner(res.Body)
	if !sc.Scan() { // "retry: ...": subscribed
		t.Fatal("stream closed at once")
	}
	go func() {
		defer res.Body.Close()
		for sc.Scan() {
			s.lines <- sc.Text()
		}
		close(s.lines)
	}()
	return s
}

// until reads the stream until a line names want, and returns everything read.
func (s *stream) until(t *testing.T, want string) string {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case line, ok := <-s.lines:
			if !ok {
				t.Fatalf("the stream closed before %s", want)
			}
			s.seen.WriteString(line + "\n")
			if strings.Contains(line, want) {
				return s.seen.String()
			}
		case <-deadline:
			t.Fatalf("no notice of %s on the stream; got:\n%s", want, s.seen.String())
		}
	}
}
