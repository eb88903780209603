package cli

import (
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/alert/alerttest"
	"github.com/wallwatch/wallwatch/internal/model"
)

var incidentDay = regexp.MustCompile(`on (\d{4}-\d{2}-\d{2})`)

// BenchmarkFeedToWebhook measures the latency from a report appearing on a local feed, polled
// every second, to the webhook announcing its new incident: b.N reports published at random
// moments (a quarter of a second apart on average) through a running serve. Run it with
// -benchtime 200x; it reports p50 and p99 in milliseconds.
func BenchmarkFeedToWebhook(b *testing.B) {
	hook := alerttest.StartReceiver(b, "bench-secret", 0)
	feed := newLocalFeed(b)
	base := startServe(b, "--db", filepath.Join(b.TempDir(), "bench.db"))
	postJSON(b, base+"/api/v1/sources", map[string]any{"url": feed.URL + "/feed.xml", "interval_seconds": 1}, nil, http.StatusCreated)
	postJSON(b, base+"/api/v1/alerts/rules", map[string]any{"owner": "bench", "name": "all", "webhook": hook.URL, "secret": "bench-secret"}, nil, http.StatusCreated)
	time.Sleep(1500 * time.Millisecond) // the first, empty poll: robots.txt and the feed's first answer

	b.ResetTimer()
	go func() {
		for n := range b.N {
			feed.publish(n)
			time.Sleep(time.Duration(rand.ExpFloat64() * float64(250*time.Millisecond)))
		}
	}()
	latencies := make([]time.Duration, 0, b.N)
	first := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	for len(latencies) < b.N {
		key := hook.Next(30 * time.Second)
		if key == "" {
			b.Fatalf("after %d of %d webhooks, none for 30 s", len(latencies), b.N)
		}
		var ev model.AlertEvent
		if err := json.Unmarshal(hook.Body(key), &ev); err != nil {
			b.Fatal(err)
		}
		m := incidentDay.FindStringSubmatch(ev.Summary)
		if ev.Change != model.ChangeNewIncident || m == nil {
			b.Fatalf("unexpected event %+v", ev)
		}
		day, _ := time.Parse(model.DateLayout, m[1])
		n := int(day.Sub(first).Hours()/24) / 3
		arrived, _ := hook.Arrival(key)
		feed.mu.Lock()
		latencies = append(latencies, arrived.Sub(feed.published[n]))
		feed.mu.Unlock()
	}
	b.StopTimer()
	slices.Sort(latencies)
	p := func(q float64) float64 {
		return float64(latencies[min(len(latencies)-1, int(q*float64(len(latencies))))].Microseconds()) / 1000
	}
	b.ReportMetric(p(0.50), "p50-ms")
	b.ReportMetric(p(0.99), "p99-ms")
	b.ReportMetric(float64(latencies[len(latencies)-1].Microseconds())/1000, "max-ms")
	b.ReportMetric(0, "ns/op")
}
