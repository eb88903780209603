package web_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// incidentsOnMap counts the incidents a map shows: single markers plus the counts of groups.
func (b *browser) incidentsOnMap(t *testing.T) int {
	t.Helper()
	var n int
	b.run(t, chromedp.Evaluate(`document.querySelectorAll(".map .map-pin").length +
		[...document.querySelectorAll(".map .map-cluster .count")].reduce((s, e) => s + Number(e.dataset.count), 0)`, &n))
	return n
}

// axeScript is axe-core from web/node_modules (a development dependency, never served).
func axeScript(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "web", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core is missing: run `npm ci --prefix web` (scripts/test does): %v", err)
	}
	return string(b)
}

// fitsWidth fails the test when the page named name is wider than a viewport of width pixels:
// nothing may scroll sideways.
func (b *browser) fitsWidth(t *testing.T, name string, width int64) {
	t.Helper()
	var scroll int64
	b.run(t, chromedp.Evaluate(`document.documentElement.scrollWidth`, &scroll))
	if scroll > width {
		t.Errorf("%s at %d px: the page is %d px wide and scrolls sideways", name, width, scroll)
	}
}

// seriousViolations runs axe-core on the page and lists its serious and critical findings.
func (b *browser) seriousViolations(t *testing.T, axe string) []string {
	t.Helper()
	var found []string
	b.run(t, chromedp.Evaluate(axe, nil), chromedp.Evaluate(`axe.run(document, {resultTypes: ["violations"]}).then(r =>
		r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
			.map(v => v.id + ": " + v.help + " (" + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join("; ") + ")"))`,
		&found, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	return found
}

// TestBrowserLayoutAndAccessibility opens each kind of page on a phone and on a desktop, in light
// and dark mode: nothing may scroll sideways, a claim's quote must be readable, and axe-core must
// find no serious accessibility problem.
func TestBrowserLayoutAndAccessibility(t *testing.T) {
	b := newBrowser(t)
	axe := axeScript(t)
	pages := map[string]string{
		"dashboard": "/", "incidents": "/incidents", "incident": "/incidents/" + b.fix.Incidents["makurdi"],
		"documents": "/documents", "campaigns": "/campaigns", "actors": "/actors",
		"document": "/documents/" + b.fix.Documents[0], "campaign": "/campaigns/open%20the%20gates",
		"login": "/login?error=failed", "security": "/admin/security", "users": "/admin/users", "account": "/account",
	}
	for _, vp := range []struct {
		name          string
		width, height int64
		mobile        bool
		scheme        string
	}{{"phone", 390, 844, true, "light"}, {"desktop", 1440, 900, false, "light"}, {"phone-dark", 390, 844, true, "dark"}} {
		t.Run(vp.name, func(t *testing.T) {
			b.run(t, emulation.SetDeviceMetricsOverride(vp.width, vp.height, 1, vp.mobile),
				emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: vp.scheme}}))
			for name, path := range pages {
				t.Logf("%s %s", vp.name, name)
				b.run(t, chromedp.Navigate(b.base+path), chromedp.WaitVisible(`#main`, chromedp.ByQuery))
				if strings.Contains(path, "incident") || name == "dashboard" {
					b.run(t, chromedp.WaitReady(`.map[data-ready="true"]`))
				}
				b.fitsWidth(t, name, vp.width)
				if name == "incident" {
					var quote float64
					b.run(t, chromedp.Evaluate(`document.querySelector(".quote-cell").getBoundingClientRect().width`, &quote))
					if quote < 150 {
						t.Errorf("incident at %d px: the quote column is %.0f px wide", vp.width, quote)
					}
				}
				for _, v := range b.seriousViolations(t, axe) {
					t.Errorf("%s at %d px, %s: %s", name, vp.width, vp.scheme, v)
				}
				b.screenshot(t, fmt.Sprintf("%s-%s", name, vp.name))
			}
			b.checkClean(t, vp.name)
		})
	}
}

// TestBrowserKeyboardAndPrint reaches a map marker with the keyboard and opens it with Enter, and
// prints a page without its navigation and map controls.
func TestBrowserKeyboardAndPrint(t *testing.T) {
	b := newBrowser(t)
	b.run(t, chromedp.Navigate(b.base+"/incidents/"+b.fix.Incidents["makurdi"]),
		chromedp.WaitVisible(`.map .map-pin`, chromedp.ByQuery),
		chromedp.Focus(`.map .map-pin`, chromedp.ByQuery),
		chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(`.leaflet-popup-content .map-popup`, chromedp.ByQuery))
	var label string
	b.run(t, chromedp.Text(`.map .map-pin .visually-hidden`, &label, chromedp.ByQuery))
	if !strings.Contains(label, "Makurdi") {
		t.Errorf("the marker's accessible name is %q, want the incident's", label)
	}
	b.run(t, emulation.SetEmulatedMedia().WithMedia("print"))
	for _, sel := range []string{".site-header", ".leaflet-control-container", ".skip-link"} {
		var display string
		b.run(t, chromedp.Evaluate(fmt.Sprintf(`getComputedStyle(document.querySelector(%q)).display`, sel), &display))
		if display != "none" {
			t.Errorf("in print, %s is displayed as %s, want none", sel, display)
		}
	}
	b.run(t, emulation.SetEmulatedMedia())
	b.checkClean(t, "keyboard and print")
}
