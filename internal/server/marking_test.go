package server

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/auth"
	"github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/review"
	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

// markedAccounts is a store holding the marked stories (storetest.SeedMarked) with a user of each
// role in each of its two organisations, named "a-viewer", "b-admin" and so on.
func markedAccounts(t *testing.T) (accounts, storetest.Marked) {
	t.Helper()
	ctx := context.Background()
	s, m := storetest.MarkedStore(t)
	hash, err := auth.HashPassword(testPassword)
	if err != nil {
		t.Fatal(err)
	}
	for prefix, org := range map[string]string{"a": m.OrgA, "b": m.OrgB} {
		for _, role := range []string{"viewer", "analyst", "admin"} {
			u := store.User{Name: prefix + "-" + role, Org: org, Role: role, PasswordHash: hash, CreatedAt: time.Now()}
			if _, err := s.AddUser(ctx, u); err != nil {
				t.Fatal(err)
			}
		}
	}
	return accounts{t, s}, m
}

// reader is one principal of the marking matrix: an organisation's member by session or token,
// or an anonymous reader of a --public-read server.
type reader struct {
	name       string
	org        string // "" anonymous
	publicRead bool
	prepare    func(*http.Request)
}

func markedReaders(a accounts, m storetest.Marked) []reader {
	later := time.Now().Add(time.Hour)
	out := []reader{{name: "anonymous, public read", publicRead: true, prepare: func(*http.Request) {}}}
	for prefix, org := range map[string]string{"a": m.OrgA, "b": m.OrgB} {
		for _, role := range []string{"viewer", "analyst", "admin"} {
			user := prefix + "-" + role
			// One session per reader, as a browser keeps it: a new session is a write, which
			// would empty the read cache before every request.
			cookie := a.session(user, later)
			out = append(out, reader{name: user + " session", org: org, prepare: func(r *http.Request) { r.AddCookie(cookie) }})
		}
		header := a.token(prefix+"-admin", "read", later, false)
		out = append(out, reader{name: prefix + "-admin read token", org: org, prepare: func(r *http.Request) { r.Header.Set("Authorization", header) }})
	}
	return out
}

// sees is the rule of docs/accounts.md, written out independently of the store: CLEAR for
// everyone, GREEN for every member, the rest for the owning organisation's members.
func sees(r reader, marking model.TLP, owner string) bool {
	return marking == model.TLPClear || (r.org != "" && (marking == model.TLPGreen || r.org == owner))
}

// markedTarget is a GET route made concrete for one marked incident: the path, whether it names
// the incident, its document or its facility (then it is 404 to whoever may not see them), and
// whether it shows the document's word to whoever may.
type markedTarget struct {
	path             string
	subject, content bool
}

func markedTargets(mi storetest.MarkedIncident) []markedTarget {
	var out []markedTarget
	lists := map[string]bool{"GET /incidents": true, "GET /api/v1/incidents": true, "GET /documents": true,
		"GET /api/v1/documents": true, "GET /facilities": true, "GET /api/v1/facilities": true, "GET /api/v1/export.json": true,
		"GET /api/v1/export.csv": true, "GET /api/v1/export.geojson": true, "GET /api/v1/export.stix": true}
	facility := link.FacilityID("NE", mi.Facility)
	for _, rule := range accessTable() {
		method, pattern, _ := strings.Cut(rule.pattern, " ")
		if method != http.MethodGet {
			continue
		}
		t := markedTarget{path: examplePath(rule.pattern), content: lists[rule.pattern]}
		switch {
		case strings.HasPrefix(pattern, "/incidents/{id}"), strings.HasPrefix(pattern, "/api/v1/incidents/{id}"):
			t.path, t.subject, t.content = strings.Replace(pattern, "{id}", mi.Incident, 1), true, true
		case strings.HasSuffix(pattern, "/documents/{id}"):
			t.path, t.subject, t.content = strings.Replace(pattern, "{id}", mi.Document, 1), true, true
		case strings.HasSuffix(pattern, "/facilities/{id}"):
			t.path, t.subject, t.content = strings.Replace(pattern, "{id}", facility, 1), true, true
		}
		out = append(out, t)
	}
	for _, p := range []string{"/documents?q=", "/api/v1/documents?q=", "/incidents?q=", "/api/v1/incidents?facets=true&q="} {
		out = append(out, markedTarget{path: p + mi.Word, content: true})
	}
	return out
}

// TestMarkingMatrix asserts every cell of reader × marking × route: for an incident of one
// document of organisation A with each TLP marking, every GET route of the access table (pages,
// API reads, the four export formats) and the searches for the document's word, as anonymous
// (--public-read), each role of organisation A and of organisation B, and read tokens of both.
// A reader who may see the document gets its incident, document and facility (200) and finds its
// word in them and in the lists and exports; anyone else gets 404 for them and never the word.
func TestMarkingMatrix(t *testing.T) {
	a, m := markedAccounts(t)
	// The read cache is on, as serve runs it: readers of each organisation ask for each list one
	// after another, and none may be given what was kept for another audience.
	handlers := handlersByPublicRead(t, Config{Store: a.store, ReadCache: 1 << 20})
	cells := 0
	for _, marking := range model.TLPs {
		mi := m.ByMarking[marking]
		for _, target := range markedTargets(mi) {
			for _, rd := range markedReaders(a, m) {
				cells++
				visible := sees(rd, marking, m.OrgA)
				name := fmt.Sprintf("%s of %s, GET %s as %s", marking, m.OrgA, target.path, rd.name)
				status, body := markedGet(handlers[rd.publicRead], target.path, rd.prepare)
				// Capitalised as the document writes it: a page echoes the lower-case query typed.
				has := strings.Contains(body, strings.ToUpper(mi.Word[:1])+mi.Word[1:])
				switch {
				case status >= 500 && status != http.StatusNotImplemented:
					t.Errorf("%s: got %d", name, status)
				case target.subject && visible && status != http.StatusOK:
					t.Errorf("%s: got %d, want 200", name, status)
				case target.subject && !visible && status != http.StatusNotFound:
					t.Errorf("%s: got %d, want 404", name, status)
				case !visible && has:
					t.Errorf("%s: the %s document's word %q leaked", name, marking, mi.Word)
				case visible && target.content && !has:
					t.Errorf("%s: the word %q is missing, want it shown", name, mi.Word)
				}
			}
		}
	}
	if cells < 1500 {
		t.Errorf("the marking matrix has %d cells, want at least 1,500", cells)
	}
	t.Logf("%d cells", cells)
}

// markedGet serves one GET and returns its status and body.
func markedGet(h http.Handler, path string, prepare func(*http.Request)) (int, string) {
	r := httptest.NewRequest(http.MethodGet, path, nil)
	r.RemoteAddr = "192.0.2.9:4000"
	prepare(r)
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second) // the event stream runs until cancelled
	defer cancel()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r.WithContext(ctx))
	body, _ := io.ReadAll(w.Result().Body)
	return w.Code, string(body)
}

// TestReviewOnlyWhatIsSeenWhole: an analyst may act on an incident only when every document of it
// is visible to them, and on documents they may see; anything else is not found, and the review
// is never taken.
func TestReviewOnlyWhatIsSeenWhole(t *testing.T) {
	a, m := markedAccounts(t)
	var took []string
	h, err := Handler(Config{Store: a.store, Log: slog.New(slog.DiscardHandler), Review: func(_ context.Context, act review.Action) (review.Action, error) {
		took = append(took, act.Who+" "+string(act.Kind))
		return act, nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	green := m.ByMarking[model.TLPGreen]
	for _, c := range []struct {
		user, path string
		want       int
	}{
		{"a-analyst", "/api/v1/incidents/" + m.Mixed + "/hide", http.StatusOK},
		{"b-analyst", "/api/v1/incidents/" + m.Mixed + "/hide", http.StatusNotFound},  // sees the CLEAR article only
		{"b-admin", "/api/v1/incidents/" + m.Mixed + "/confirm", http.StatusNotFound}, // admins keep to their organisation
		{"b-analyst", "/api/v1/incidents/" + green.Incident + "/hide", http.StatusOK},
		{"b-analyst", "/api/v1/documents/" + m.RedDocument + "/off-topic", http.StatusNotFound},
		{"b-analyst", "/api/v1/documents/" + m.ClearDocument + "/off-topic", http.StatusOK},
		{"b-analyst", "/api/v1/incidents/" + green.Incident + "/merge", http.StatusNotFound}, // with the mixed one
	} {
		body := `{"why":"test","grade":"confirmed","others":["` + m.Mixed + `"]}`
		r := httptest.NewRequest(http.MethodPost, c.path, strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		r.AddCookie(a.session(c.user, time.Now().Add(time.Hour)))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != c.want {
			t.Errorf("POST %s as %s: got %d, want %d", c.path, c.user, w.Code, c.want)
		}
	}
	if want := "a-analyst hide,b-analyst hide,b-analyst off_topic"; strings.Join(took, ",") != want {
		t.Errorf("reviews taken: %q, want %q", strings.Join(took, ","), want)
	}
}

// TestSourcesAndRulesBelongToTheirOrganisation: another organisation's watched source or alert
// rule is not found, to read, pause or delete; the owner's members manage it.
func TestSourcesAndRulesBelongToTheirOrganisation(t *testing.T) {
	a, m := markedAccounts(t)
	ctx := context.Background()
	if _, err := a.store.AddWatchSource(ctx, store.WatchSource{URL: "https://desk.example.org/feed.xml", Interval: time.Hour,
		TLP: model.TLPAmber, Org: m.OrgA, CreatedAt: time.Now(), NextPoll: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.AddAlertRule(ctx, model.AlertRule{Owner: "a-analyst", Org: m.OrgA, Name: "desk", CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	h, err := Handler(Config{Store: a.store, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		user, method, path string
		want               int
	}{
		{"b-admin", http.MethodGet, "/api/v1/sources/1", http.StatusNotFound},
		{"b-analyst", http.MethodPost, "/api/v1/sources/1/pause", http.StatusNotFound},
		{"b-analyst", http.MethodDelete, "/api/v1/sources/1", http.StatusNotFound},
		{"b-viewer", http.MethodGet, "/api/v1/alerts/rules/1", http.StatusNotFound},
		{"b-analyst", http.MethodDelete, "/api/v1/alerts/rules/1", http.StatusNotFound},
		{"a-viewer", http.MethodGet, "/api/v1/sources/1", http.StatusOK},
		{"a-analyst", http.MethodPost, "/api/v1/sources/1/pause", http.StatusOK},
		{"a-analyst", http.MethodDelete, "/api/v1/alerts/rules/1", http.StatusNoContent},
	} {
		r := httptest.NewRequest(c.method, c.path, nil)
		r.AddCookie(a.session(c.user, time.Now().Add(time.Hour)))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != c.want {
			t.Errorf("%s %s as %s: got %d, want %d", c.method, c.path, c.user, w.Code, c.want)
		}
	}
	for user, want := range map[string]int{"a-viewer": 1, "b-viewer": 0} {
		r := httptest.NewRequest(http.MethodGet, "/api/v1/sources", nil)
		r.AddCookie(a.session(user, time.Now().Add(time.Hour)))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if got := strings.Count(w.Body.String(), "desk.example.org"); got != want {
			t.Errorf("sources listed to %s: %d, want %d", user, got, want)
		}
	}
}

// TestIngestAnswersWhatIsVisible: an ingest whose text another organisation holds as RED (stored
// once, as theirs) answers the ingesting user with no document and the incident as they see it;
// the marking and owner the pipeline gets are the user's default, AMBER of their organisation.
func TestIngestAnswersWhatIsVisible(t *testing.T) {
	a, m := markedAccounts(t)
	var got api.IngestRequest
	h, err := Handler(Config{Store: a.store, Log: slog.New(slog.DiscardHandler), Ingest: func(_ context.Context, req api.IngestRequest) ([]string, []string, error) {
		got = req
		return []string{m.RedDocument}, []string{m.Mixed}, nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest(http.MethodPost, "/api/v1/documents", strings.NewReader(`{"text":"the same words"}`))
	r.Header.Set("Content-Type", "application/json")
	r.AddCookie(a.session("b-analyst", time.Now().Add(time.Hour)))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	body := w.Body.String()
	if w.Code != http.StatusCreated || !strings.Contains(body, `"documents":[]`) || strings.Contains(body, m.RedDocument) ||
		strings.Contains(body, strconv.Itoa(m.RedValue)) || !strings.Contains(body, m.Mixed) {
		t.Errorf("ingest as organisation B: %d %s", w.Code, body)
	}
	if got.TLP != model.TLPAmber || got.Org != m.OrgB {
		t.Errorf("the pipeline got marking %q of %q, want AMBER of %q", got.TLP, got.Org, m.OrgB)
	}
}
