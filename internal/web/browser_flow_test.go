package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowser walks the site as an analyst would, in one headless Chromium: the dashboard map,
// filtering the list, an incident, a claim's quote in its document, and the hostile document.
func TestBrowser(t *testing.T) {
	b := newBrowser(t)

	t.Run("dashboard map", func(t *testing.T) {
		b.run(t, chromedp.Navigate(b.base+"/"),
			chromedp.WaitVisible(`.map.leaflet-container .leaflet-marker-icon`),
			chromedp.WaitReady(`.map[data-boundaries="loaded"]`))
		if n := b.incidentsOnMap(t); n != len(b.fix.Incidents) {
			t.Errorf("%d incidents in the dashboard's markers and groups, want %d", n, len(b.fix.Incidents))
		}
		if n := b.count(t, `.map .leaflet-marker-icon[tabindex="0"][role="button"]`); n == 0 {
			t.Error("no marker or group on the map can be reached with the keyboard")
		}
		if n := b.count(t, ".map path.country"); n < 100 {
			t.Errorf("%d country shapes, want the world's", n)
		}
		b.screenshot(t, "dashboard")
		b.checkClean(t, "dashboard")
	})

	t.Run("filter the list", func(t *testing.T) {
		b.run(t, chromedp.Navigate(b.base+"/incidents"),
			chromedp.WaitVisible(`form.filters`),
			chromedp.SetValue(`select[name="type"]`, "facility_attack"),
			chromedp.SetValue(`input[name="since"]`, "2024-01-01"),
			chromedp.Submit(`form.filters button`),
			chromedp.WaitVisible(`.reset`))
		var loc string
		b.run(t, chromedp.Location(&loc))
		if !strings.Contains(loc, "type=facility_attack") || !strings.Contains(loc, "since=2024-01-01") {
			t.Errorf("after submitting the form the URL is %s", loc)
		}
		if n := b.count(t, "table.incidents tbody tr"); n != 4 {
			t.Errorf("%d incidents listed after filtering, want 4", n)
		}
		b.run(t, chromedp.WaitVisible(`.map.leaflet-container .leaflet-marker-icon`))
		b.screenshot(t, "incidents-filtered")
		b.run(t, chromedp.Click(`.facet li a[href*="country=NG"]`, chromedp.NodeVisible), chromedp.WaitVisible(`table.incidents`))
		if n := b.count(t, "table.incidents tbody tr"); n != 1 {
			t.Errorf("%d incidents after picking Nigeria, want 1", n)
		}
		b.checkClean(t, "incident list")
	})

	t.Run("incident and quote", func(t *testing.T) {
		b.run(t, chromedp.Click(`table.incidents tbody tr a.strong`, chromedp.NodeVisible),
			chromedp.WaitVisible(`#metric-escaped`),
			chromedp.WaitVisible(`.map.leaflet-container .leaflet-marker-icon`))
		if n := b.count(t, "#metric-escaped table.claims tbody tr"); n != 3 {
			t.Errorf("%d escaped claims, want 3", n)
		}
		if n := b.count(t, "#metric-escaped svg.history polyline"); n != 1 {
			t.Errorf("no history chart for a contested figure")
		}
		b.screenshot(t, "incident")
		var quote string
		b.run(t, chromedp.Text(`#metric-escaped .quote-link`, &quote, chromedp.NodeVisible),
			chromedp.Click(`#metric-escaped .quote-link`, chromedp.NodeVisible),
			chromedp.WaitVisible(`.doc-text`))
		var target, background string
		b.run(t, chromedp.Evaluate(`(document.querySelector(':target') || {}).textContent || ''`, &target),
			chromedp.Evaluate(`getComputedStyle(document.querySelector(':target')).backgroundColor`, &background))
		if want := strings.Trim(quote, "“”"); target != want {
			t.Errorf("highlighted span %q, want the quote %q", target, want)
		}
		if background != "rgb(255, 224, 102)" {
			t.Errorf("the linked quote's background is %s, want the :target highlight", background)
		}
		b.screenshot(t, "document-quote")
		b.checkClean(t, "incident and document")
	})

	t.Run("hostile document does not run", func(t *testing.T) {
		b.run(t, chromedp.Navigate(b.base+"/documents/"+b.fix.XSSDocument), chromedp.WaitVisible(`.doc-text`))
		var text string
		b.run(t, chromedp.Text(`.doc-text`, &text))
		if !strings.Contains(text, "<script>window.__xss=1</script>") {
			t.Errorf("the document's markup should show as text, got %q", text)
		}
		b.screenshot(t, "document-hostile")
		b.checkClean(t, "hostile document")
		b.run(t, chromedp.Navigate(b.base+"/incidents/"+b.fix.XSSIncident),
			chromedp.WaitVisible(`.map.leaflet-container .map-pin`),
			chromedp.Click(`.map .map-pin`), // opens the popup built from the facility name
			chromedp.WaitVisible(`.leaflet-popup-content .map-popup`))
		var popup string
		b.run(t, chromedp.Text(`.leaflet-popup-content`, &popup))
		if !strings.Contains(popup, "<img src=x") {
			t.Errorf("popup should show the facility's markup as text, got %q", popup)
		}
		b.run(t, chromedp.Sleep(200*time.Millisecond))
		b.checkClean(t, "hostile incident")
	})

	t.Run("campaign and actor", func(t *testing.T) {
		b.run(t, chromedp.Navigate(b.base+"/campaigns"), chromedp.Click(`td a.strong`, chromedp.NodeVisible),
			chromedp.WaitVisible(`svg.strip`), chromedp.WaitVisible(`.map.leaflet-container .leaflet-marker-icon`))
		if n := b.count(t, "svg.strip circle.dot"); n != 3 {
			t.Errorf("%d incidents on the campaign timeline, want 3", n)
		}
		b.screenshot(t, "campaign")
		b.run(t, chromedp.Navigate(b.base+"/actors"), chromedp.WaitVisible(`table`))
		b.screenshot(t, "actors")
		b.run(t, chromedp.Click(`td a.strong`, chromedp.NodeVisible), chromedp.WaitVisible(`.map.leaflet-container .leaflet-marker-icon`))
		b.screenshot(t, "actor")
		b.checkClean(t, "campaign and actor")
	})

	t.Run("not found", func(t *testing.T) {
		b.run(t, chromedp.Navigate(b.base+"/incidents/inc-gone"), chromedp.WaitVisible(`.error-page`))
		b.screenshot(t, "not-found")
		problems, _ := b.takeProblems() // the 404 itself is logged by the browser
		for _, p := range problems {
			if !strings.Contains(p, "404") {
				t.Errorf("not found page: %s", p)
			}
		}
	})
	fmt.Fprintf(testWriter{t}, "screenshots in %s\n", b.shots)
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}
