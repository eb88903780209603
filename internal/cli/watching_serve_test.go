package cli

import (
	"bufio"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/alert/alerttest"
	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/model"
)

// TestServeWatchesFeedAndAlerts is the newcomer's path through the API: a feed and a rule are
// added, a report appears on the feed, and the webhook (refusing its first attempt) and the
// mailbox both receive the new incident, which the live stream also carries.
func TestServeWatchesFeedAndAlerts(t *testing.T) {
	mail := alerttest.StartSMTP(t)
	hook := alerttest.StartReceiver(t, "demo-secret", 1)
	feed := newLocalFeed(t)
	base := startServe(t, "--db", filepath.Join(t.TempDir(), "serve.db"), "--smtp-addr", mail.Addr)

	var src api.SourceJSON
	postJSON(t, base+"/api/v1/sources", map[string]any{"url": feed.URL + "/feed.xml", "interval_seconds": 1}, &src, http.StatusCreated)
	postJSON(t, base+"/api/v1/alerts/rules", map[string]any{"owner": "ada", "name": "Nigeria", "filter": map[string]any{"countries": []string{"NG"}},
		"webhook": hook.URL, "secret": "demo-secret", "email": "ada@example.org"}, nil, http.StatusCreated)

	stream, err := http.Get(base + "/api/v1/alerts/stream")
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Body.Close()
	lines := bufio.NewScanner(stream.Body)
	lines.Scan()

	feed.publish(0)
	key := hook.Next(30 * time.Second)
	if !strings.Contains(key, ":new_incident:inc-") {
		t.Fatalf("webhook: got key %q, want a new incident", key)
	}
	if hook.Attempts(key) != 2 {
		t.Errorf("webhook attempts %d, want 2 (the first refused)", hook.Attempts(key))
	}
	var ev model.AlertEvent
	if err := json.Unmarshal(hook.Body(key), &ev); err != nil || !strings.Contains(ev.Summary, "Minna") {
		t.Errorf("webhook event %+v (%v), want the Minna incident", ev, err)
	}
	if !mail.Wait(1, 10*time.Second) {
		t.Fatal("no email")
	}
	if m := mail.Messages()[0]; !strings.Contains(m.Body, "/incidents/"+ev.IncidentID) {
		t.Errorf("email body lacks the incident link: %s", m.Body)
	}
	for lines.Scan() {
		if data, ok := strings.CutPrefix(lines.Text(), "data: "); ok {
			if !strings.Contains(data, ev.IncidentID) || !strings.Contains(data, `"rules":["Nigeria"]`) {
				t.Errorf("stream: %s", data)
			}
			break
		}
	}

	// The feed has not changed since: polls are answered 304 and counted.
	time.Sleep(2500 * time.Millisecond)
	res, err := http.Get(base + "/api/v1/sources/" + "1")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if err := json.NewDecoder(res.Body).Decode(&src); err != nil {
		t.Fatal(err)
	}
	if src.Status != "ok" || src.NewDocuments != 1 || src.ItemsSeen != 1 || src.NotModified < 1 || src.LastSuccess == nil {
		t.Errorf("source health: %+v", src)
	}
	var deliveries struct{ Deliveries []api.DeliveryJSON }
	getJSON(t, base+"/api/v1/alerts/deliveries", &deliveries)
	var channels []string
	for _, d := range deliveries.Deliveries {
		if d.Status == "delivered" {
			channels = append(channels, d.Channel)
		}
	}
	slices.Sort(channels)
	if strings.Join(channels, ",") != "email,webhook" {
		t.Errorf("delivered by %v, want email and webhook", channels)
	}
}

func getJSON(t testing.TB, url string, out any) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if err := json.NewDecoder(res.Body).Decode(out); err != nil {
		t.Fatal(err)
	}
}

// TestServeAlertsOnAnotherWritersIngest runs `wallwatch ingest` into the store a server is
// serving: the server notices the new incident on its next sweep and the rule's webhook fires.
func TestServeAlertsOnAnotherWritersIngest(t *testing.T) {
	hook := alerttest.StartReceiver(t, "sweep-secret", 0)
	db := filepath.Join(t.TempDir(), "serve.db")
	base := startServe(t, "--db", db)
	postJSON(t, base+"/api/v1/alerts/rules", map[string]any{"owner": "ada", "name": "Kenya", "filter": map[string]any{"countries": []string{"KE"}},
		"webhook": hook.URL, "secret": "sweep-secret"}, nil, http.StatusCreated)

	report := filepath.Join(t.TempDir(), "kisii.txt")
	text := "DATE: 2024-03-05\n\nArmed men stormed the prison in Kisii, Kenya, on Monday and freed 23 inmates, police said.\n"
	if err := os.WriteFile(report, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "ingest", "--db", db, report); code != 0 {
		t.Fatalf("ingest exit %d: %s", code, stderr)
	}
	key := hook.Next(3 * sweepInterval)
	if !strings.Contains(key, ":new_incident:inc-") {
		t.Fatalf("webhook: got key %q, want a new incident", key)
	}
	var ev model.AlertEvent
	if err := json.Unmarshal(hook.Body(key), &ev); err != nil || !strings.Contains(ev.Summary, "Kisii") {
		t.Errorf("webhook event %+v (%v), want the Kisii incident", ev, err)
	}
}
