package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/pipeline"
	"github.com/wallwatch/wallwatch/internal/server"
)

// TestBrowserReview is an analyst's review in a real browser: merge two incidents, reject a
// claim, see the estimate change and both actions in the incident's history.
func TestBrowserReview(t *testing.T) {
	b := newBrowserWith(t, func(c *server.Config) {
		p := pipeline.New(c.Store, pipeline.Stages{Link: pipeline.NewLinker(func(actor string) string { return actor })})
		c.Review = p.Review
	})
	into, other := b.fix.Incidents["makurdi"], b.fix.Incidents["jos"]
	text := func(sel string) string {
		var s string
		b.run(t, chromedp.Text(sel, &s, chromedp.NodeVisible))
		return strings.TrimSpace(s)
	}
	b.run(t, chromedp.Navigate(b.base+"/incidents/"+into), chromedp.WaitVisible(`#review-merge`))
	sourcesBefore := b.count(t, "ol.sources li")

	t.Run("merge", func(t *testing.T) {
		b.run(t, chromedp.SetValue(`#review-merge input[name="others"]`, other),
			chromedp.SetValue(`#review-merge input[name="who"]`, "Ana Analyst"),
			chromedp.SetValue(`#review-merge input[name="why"]`, "the same raid reported twice"),
			chromedp.Submit(`#review-merge button`),
			chromedp.WaitVisible(`.review-state:not(.muted)`))
		if n := b.count(t, "ol.sources li"); n <= sourcesBefore {
			t.Errorf("%d sources after the merge, want more than %d", n, sourcesBefore)
		}
		if s := text(`.review-line`); !strings.Contains(s, "reviewed by Ana Analyst") {
			t.Errorf("review line after the merge: %q", s)
		}
		b.checkClean(t, "merge")
	})

	t.Run("reject a claim", func(t *testing.T) {
		before := text(`#metric-escaped .best`)
		// The counted claim whose figure is the best estimate.
		var claim string
		b.run(t, chromedp.Evaluate(`[...document.querySelectorAll("#metric-escaped tr.claim-row:not(.not-counted)")]
			.find(tr => tr.cells[0].textContent.includes(`+strconv.Quote(before)+`))?.dataset.claim ?? ""`, &claim))
		if claim == "" {
			t.Fatalf("no counted claim gives the best figure %s", before)
		}
		sel := `#metric-escaped tr[data-claim="` + claim + `"]`
		// The reviewer's name is remembered from the merge.
		if s := b.value(t, sel+` input[name="who"]`); s != "Ana Analyst" {
			t.Errorf("the reviewer field says %q, want the name given before", s)
		}
		b.run(t, chromedp.SetValue(sel+` input[name="why"]`, "counts inmates moved before the raid"),
			chromedp.Click(sel+` button.reject`), chromedp.WaitVisible(`#metric-escaped .excluded`))
		after := text(`#metric-escaped .best`)
		if after == before {
			t.Errorf("the escaped estimate stayed %s after rejecting the claim it rested on", before)
		}
		if s := text(`#metric-escaped .excluded`); !strings.Contains(s, "counts inmates moved before the raid") {
			t.Errorf("excluded claims say %q", s)
		}
		b.screenshot(t, "review-incident")
		b.checkClean(t, "reject")
	})

	t.Run("correct a claim", func(t *testing.T) {
		row := `#metric-recaptured tr.claim-row`
		b.run(t, chromedp.Click(row+` details.reattribute summary`, chromedp.NodeVisible),
			chromedp.SetValue(row+` details.reattribute input[name="value"]`, "50"),
			chromedp.Click(row+` button[value="reattribute"]`, chromedp.NodeVisible))
		if !b.becomes(`document.querySelector("#metric-recaptured .best")?.textContent.trim() === "50"`) {
			t.Errorf("recaptured after the correction: %s, want 50", text(`#metric-recaptured .best`))
		}
		b.checkClean(t, "correct")
	})

	t.Run("history", func(t *testing.T) {
		b.run(t, chromedp.Click(`.review-line a[href$="/history"]`, chromedp.NodeVisible), chromedp.WaitVisible(`ol.audit`))
		if s := text(`ol.audit`); !strings.Contains(s, "#2 reject") || !strings.Contains(s, "#1 merge") || !strings.Contains(s, "the same raid reported twice") {
			t.Errorf("history says %q", s)
		}
		b.screenshot(t, "review-history")
		b.checkClean(t, "history")
	})

	t.Run("add a claim by selecting its quote", func(t *testing.T) {
		doc := b.fix.Documents[0]
		b.run(t, chromedp.Navigate(b.base+"/documents/"+doc), chromedp.WaitVisible(`#add-claim`))
		// Select the document's first twelve characters, as a mouse would.
		var quote string
		b.run(t, chromedp.Evaluate(`(() => {
			const walker = document.createTreeWalker(document.querySelector(".doc-text"), NodeFilter.SHOW_TEXT);
			const node = walker.nextNode();
			const r = document.createRange();
			r.setStart(node, 0); r.setEnd(node, 12);
			document.getSelection().removeAllRanges();
			document.getSelection().addRange(r);
			return r.toString();
		})()`, &quote), chromedp.Sleep(200*time.Millisecond))
		if start, end := b.value(t, `#add-claim input[name="start"]`), b.value(t, `#add-claim input[name="end"]`); start != "0" || end != "12" {
			t.Fatalf("selecting %q filled the span %s-%s, want 0-12", quote, start, end)
		}
		b.run(t, chromedp.SetValue(`#add-claim select[name="metric"]`, "attackers"),
			chromedp.SetValue(`#add-claim input[name="value"]`, "~40"),
			chromedp.SetValue(`#add-claim input[name="claimant"]`, "a hand-checked source"),
			chromedp.Submit(`#add-claim button`))
		// The page comes back with the form empty: the selection's preview is gone.
		if !b.becomes(`document.querySelector("#add-claim .quote-preview")?.textContent === ""`) {
			t.Fatal("the document page did not come back after adding the claim")
		}
		b.run(t, chromedp.Navigate(b.base+"/incidents/"+into), chromedp.WaitVisible(`#metric-attackers`))
		if s := text(`#metric-attackers`); !strings.Contains(s, "a hand-checked source") || !strings.Contains(s, quote) {
			t.Errorf("the added claim is not shown: %q", s)
		}
		b.checkClean(t, "add claim")
	})

	t.Run("accessible on a phone and a desktop", func(t *testing.T) {
		axe := axeScript(t)
		pages := map[string]string{"incident": "/incidents/" + into, "history": "/incidents/" + into + "/history", "queue": "/review",
			"document": "/documents/" + b.fix.Documents[0], "facilities": "/facilities",
			"facility": "/facilities/" + link.FacilityID("NG", "Makurdi Medium Security Custodial Centre")}
		for _, vp := range []struct {
			width, height int64
			mobile        bool
		}{{390, 844, true}, {1440, 900, false}} {
			b.run(t, emulation.SetDeviceMetricsOverride(vp.width, vp.height, 1, vp.mobile))
			for name, path := range pages {
				b.run(t, chromedp.Navigate(b.base+path), chromedp.WaitVisible(`#main`, chromedp.ByQuery))
				b.fitsWidth(t, name, vp.width)
				for _, v := range b.seriousViolations(t, axe) {
					t.Errorf("%s at %d px: %s", name, vp.width, v)
				}
			}
		}
		b.run(t, emulation.ClearDeviceMetricsOverride())
		b.checkClean(t, "review pages")
	})

	t.Run("cross-site form refused", func(t *testing.T) {
		req, err := http.NewRequest(http.MethodPost, b.base+"/review", strings.NewReader(url.Values{"kind": {"hide"}, "subject": {into}, "who": {"x"}}.Encode()))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("a cross-site review form got %d, want 403", res.StatusCode)
		}
	})
}

func (b *browser) value(t *testing.T, selector string) string {
	t.Helper()
	var v string
	b.run(t, chromedp.Value(selector, &v, chromedp.NodeVisible))
	return v
}

// becomes reports whether a script's condition holds within ten seconds, across the page loads
// a posted form causes.
func (b *browser) becomes(condition string) bool {
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		var ok bool
		if err := chromedp.Run(b.ctx, chromedp.Evaluate(condition, &ok)); err == nil && ok {
			return true
		}
	}
	return false
}
