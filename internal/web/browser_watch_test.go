package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/wallwatch/wallwatch/internal/alert"
	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/server"
	"github.com/wallwatch/wallwatch/internal/store"
)

// TestBrowserWatch adds a feed and a rule through the watch page's forms, then records a new
// incident: the page, open meanwhile, shows it live in the "new since you looked" bar, carried
// by the server-sent-events stream.
func TestBrowserWatch(t *testing.T) {
	var engine *alert.Engine
	var s *store.Store
	b := newBrowserWith(t, func(cfg *server.Config) {
		s = cfg.Store
		hub := alert.NewHub(cfg.Store)
		engine = alert.NewEngine(cfg.Store, hub, nil, nil)
		cfg.Watch = api.Watch{Alerts: engine, Stream: hub}
	})
	b.run(t, chromedp.Navigate(b.base+"/watch"),
		chromedp.WaitVisible(`form[action="/watch/sources"]`),
		chromedp.SetValue(`input[name="url"]`, "https://news.example.org/feed.xml"),
		chromedp.SetValue(`input[name="every"]`, "5m"),
		chromedp.Submit(`form[action="/watch/sources"] button`),
		chromedp.WaitVisible(`tr[data-source="1"]`))
	var status string
	b.run(t, chromedp.Text(`tr[data-source="1"] .badge`, &status))
	if status != "new" {
		t.Errorf("a source never polled is %q, want new", status)
	}

	b.run(t, chromedp.SetValue(`input[name="owner"]`, "ada"),
		chromedp.SetValue(`input[name="name"]`, "Nigeria"),
		chromedp.SetValue(`input[name="countries"]`, "NG"),
		chromedp.SetValue(`input[name="webhook"]`, "https://hooks.example.org/in"),
		chromedp.Submit(`form.rule-form button`),
		chromedp.WaitVisible(`tr[data-rule="1"]`))
	var message string
	b.run(t, chromedp.Text(`.watch-message`, &message))
	if !strings.Contains(message, "Webhook secret") {
		t.Errorf("after saving the rule: %q, want the secret shown once", message)
	}

	// A new incident while the page is open.
	ctx := context.Background()
	inc := model.Incident{ID: "inc-live", Type: model.FacilityAttack, UpdatedAt: time.Now(),
		Place:   model.Place{Country: "NG", Name: "Tinville", Lat: 9.5, Lon: 8.9, Precision: model.GeoPlace},
		Metrics: map[model.Metric]model.Estimate{}}
	if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.PutIncident(ctx, inc) }); err != nil {
		t.Fatal(err)
	}
	b.run(t, chromedp.Sleep(300*time.Millisecond)) // the stream is open once the page has loaded its script
	if err := engine.IncidentsChanged(ctx, []string{"inc-live"}); err != nil {
		t.Fatal(err)
	}
	var bar, href string
	var ok bool
	b.run(t, chromedp.WaitVisible(`.live-bar[data-count="1"]`),
		chromedp.Text(`.live-bar`, &bar),
		chromedp.AttributeValue(`.live-bar a`, "href", &href, &ok))
	if !strings.Contains(bar, "1 new since you looked") || !strings.Contains(bar, "Tinville") || href != "/incidents/inc-live" {
		t.Errorf("live bar %q linking to %q", bar, href)
	}
	b.screenshot(t, "watch-live")

	b.run(t, chromedp.Submit(`form[action="/watch/rules/1/test"] button`), chromedp.WaitVisible(`#deliveries tbody tr`))
	if n := b.count(t, "#deliveries tbody tr"); n < 2 {
		t.Errorf("%d deliveries in the log, want the new incident's and the sample's", n)
	}
	b.checkClean(t, "watch page")
}
