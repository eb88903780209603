package web

import (
	"context"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

var (
	claimKeyRe   = regexp.MustCompile(`data-claim="([^"]+)"`)
	sourceLinkRe = regexp.MustCompile(`<li>.*?<a class="strong" href="/documents/([^"]+)"`)
)

// nextLink is the href of a page's first pager link to the next page of the list whose section
// is anchor, or "".
func nextLink(body, anchor string) string {
	m := regexp.MustCompile(`<a class="next" rel="next" href="([^"#]+)#` + anchor + `"`).FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

// TestIncidentPagePaging: the page of an incident of hundreds of reports shows a page of its
// claims and of its sources, says how many there are in all, and its next links (plain links,
// no script) reach every claim and every source exactly once; the figures on every page are
// those of all the claims. A malformed page parameter is a 400 naming it.
func TestIncidentPagePaging(t *testing.T) {
	const n = 450
	site := newTestSite(t, false)
	if err := storetest.SeedLargeIncident(context.Background(), site.store, n, false); err != nil {
		t.Fatal(err)
	}
	first := "/incidents/" + storetest.LargeIncident
	site.check(t, []pageCase{
		{first, 200, []string{"450 documents · 450 claims", "Claims 1–200 of 450", "Sources 1–200 of 450",
			"150 claims in all; the figures weigh every one", "150 claims in all, 50 on this page", `href="/incidents/inc-tarvo-large?claims_offset=200#figures"`,
			`href="/incidents/inc-tarvo-large?documents_offset=200#sources"`}},
		{first + "?claims_offset=900&documents_offset=450", 200, []string{"Claims: none of 450 on this page", "Sources: none of 450 on this page",
			`href="/incidents/inc-tarvo-large?claims_offset=250&amp;documents_offset=450#figures"`}},
		{first + "?claims_limit=0", 400, []string{"claims_limit", "want a whole number from 1 to 1000"}},
		{first + "?documents_offset=-3", 400, []string{"documents_offset", "want a whole number, 0 or more"}},
	})
	_, body := site.get(t, first)
	best := regexp.MustCompile(`<span class="best">([^<]+)</span>`).FindAllString(body, -1)
	for _, c := range []struct{ anchor, param string }{{"figures", "claims"}, {"sources", "documents"}} {
		seen, pages := map[string]int{}, 0
		for next := first + "?" + c.param + "_limit=110"; next != ""; pages++ {
			status, page := site.get(t, next)
			if status != 200 {
				t.Fatalf("%s: %d", next, status)
			}
			re := claimKeyRe
			if c.param == "documents" {
				re = sourceLinkRe
			}
			for _, m := range re.FindAllStringSubmatch(page, -1) {
				seen[m[1]]++
			}
			if got := regexp.MustCompile(`<span class="best">([^<]+)</span>`).FindAllString(page, -1); strings.Join(got, "") != strings.Join(best, "") {
				t.Errorf("%s: figures %v, want those of the first page %v", next, got, best)
			}
			next = nextLink(page, c.anchor)
		}
		if len(seen) != n || pages != 5 {
			t.Errorf("%s: %d distinct over %d pages, want %d over 5", c.param, len(seen), pages, n)
		}
		for k, times := range seen {
			if times != 1 {
				t.Errorf("%s: %s shown on %d pages", c.param, k, times)
			}
		}
	}
}

// TestSmallIncidentPageNotPaged: an incident within one page shows no pager.
func TestSmallIncidentPageNotPaged(t *testing.T) {
	site := newTestSite(t, true)
	for key, id := range site.fix.Incidents {
		status, body := site.get(t, "/incidents/"+id)
		if status != 200 || strings.Contains(body, "detail-pager") || strings.Contains(body, "on this page") {
			t.Errorf("%s: %d, paged though small", key, status)
		}
	}
}
