package store_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

// claimKey names a claim as review does: its document, metric and quote span.
func claimKey(c model.Claim) string {
	return fmt.Sprintf("%s:%s:%d-%d", c.DocumentID, c.Metric, c.Start, c.End)
}

// walkDetail reads every page of the incident's claims and documents, size by size, and returns
// the claims' keys and the documents' ids in page order, with the last page's detail.
func walkDetail(t *testing.T, ctx context.Context, s *store.Store, claimSize, docSize int) ([]string, []string, store.Detail) {
	t.Helper()
	var claims, docs []string
	var d store.Detail
	for page := 0; ; page++ {
		var err error
		d, err = s.IncidentDetail(ctx, storetest.LargeIncident, store.DetailPage{ClaimsOffset: page * claimSize, ClaimsLimit: claimSize,
			DocumentsOffset: page * docSize, DocumentsLimit: docSize})
		if err != nil {
			t.Fatal(err)
		}
		n := len(d.Incident.Documents)
		for _, ref := range d.Incident.Documents {
			docs = append(docs, ref.ID)
		}
		for _, m := range store.ClaimOrder(d.Incident.Metrics) {
			for i, c := range d.Incident.Metrics[m].Claims {
				claims = append(claims, claimKey(c))
				n++
				if _, ok := d.Sources[c.DocumentID]; !ok {
					t.Fatalf("page %d: claim %s's document is not among the sources", page, claimKey(c))
				}
				if len(d.Standings[m]) <= i {
					t.Fatalf("page %d: claim %s has no standing", page, claimKey(c))
				}
			}
		}
		if n == 0 {
			return claims, docs, d
		}
	}
}

// TestIncidentDetailPagesCoverAll: the pages of a large incident's claims and documents hold
// each exactly once, in the same order on every walk and whatever the page size, and every page
// carries the figures and histories of all of them; a reader who may not see the AMBER reports
// finds none of them on any page, and totals that leave them out.
func TestIncidentDetailPagesCoverAll(t *testing.T) {
	const n = 700
	s := storetest.LargeStore(t, n, true)
	ctx := context.Background()
	whole, err := s.Incident(ctx, storetest.LargeIncident)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name       string
		ctx        context.Context
		wantDocs   int
		seesMarked bool
	}{
		{"everyone", ctx, n, true},
		{"anonymous", store.WithAudience(ctx, store.PublicAudience()), n - n/10, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			claims, docs, last := walkDetail(t, c.ctx, s, 97, 64)
			again, againDocs, _ := walkDetail(t, c.ctx, s, 250, 300)
			if !slices.Equal(claims, again) || !slices.Equal(docs, againDocs) {
				t.Error("pages of other sizes give another order")
			}
			if last.Documents != c.wantDocs || last.Claims != c.wantDocs || len(docs) != c.wantDocs || len(claims) != c.wantDocs {
				t.Errorf("documents %d (%d paged), claims %d (%d paged); want %d of each", last.Documents, len(docs), last.Claims, len(claims), c.wantDocs)
			}
			for _, list := range [][]string{claims, docs} {
				seen := map[string]bool{}
				for _, k := range list {
					if seen[k] {
						t.Errorf("%s is on two pages", k)
					}
					seen[k] = true
				}
			}
			marked := slices.ContainsFunc(docs, func(id string) bool { return id == "tarvo-doc-000010" })
			if marked != c.seesMarked {
				t.Errorf("AMBER document on a page: %v, want %v", marked, c.seesMarked)
			}
			full, err := s.Incident(c.ctx, storetest.LargeIncident)
			if err != nil {
				t.Fatal(err)
			}
			for m, e := range full.Metrics {
				got := last.Incident.Metrics[m]
				if *got.Best != *e.Best || *got.Low != *e.Low || *got.High != *e.High || len(got.History) != len(e.History) {
					t.Errorf("%s: a page's figures %d %d-%d (%d points) are not the whole incident's %d %d-%d (%d points)",
						m, *got.Best, *got.Low, *got.High, len(got.History), *e.Best, *e.Low, *e.High, len(e.History))
				}
			}
		})
	}
	if len(whole.Documents) != n {
		t.Errorf("the whole incident cites %d documents, want %d", len(whole.Documents), n)
	}
}

// TestIncidentDetailMatchesIncident: the pages of an incident's detail, put together, are the
// incident as Incident reads it — the same documents and claims with their markings, in order,
// and on every page the same figures, histories, marking and review — for a reader who sees it
// whole (read by page) and one who sees it in part (remade, then paged).
func TestIncidentDetailMatchesIncident(t *testing.T) {
	s := storetest.LargeStore(t, 230, true)
	ctx := context.Background()
	if _, err := s.AddUser(ctx, store.User{Name: "desk", Org: storetest.MarkedOwner, Role: "viewer", PasswordHash: "x"}); err != nil {
		t.Fatal(err)
	}
	u, err := s.UserByName(ctx, "desk")
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{70, 1000} { // pages of a part, and one page of everything
		for name, aud := range map[string]store.Audience{"everyone": store.FullAudience(), "the owner": store.MemberAudience(u.OrgID),
			"anonymous": store.PublicAudience()} {
			checkDetailPages(t, store.WithAudience(ctx, aud), s, fmt.Sprintf("%s, pages of %d", name, size), size)
		}
	}
}

// checkDetailPages reads the large incident page by page, size items a page, and compares what
// the pages hold, put together, with the whole incident.
func checkDetailPages(t *testing.T, actx context.Context, s *store.Store, name string, size int) {
	t.Helper()
	whole, err := s.Incident(actx, storetest.LargeIncident)
	if err != nil {
		t.Fatal(err)
	}
	var docs []model.DocumentRef
	var claims, wantClaims []model.Claim
	for _, m := range store.ClaimOrder(whole.Metrics) {
		wantClaims = append(wantClaims, whole.Metrics[m].Claims...)
	}
	for page := 0; page*size < len(whole.Documents) || page*size < len(wantClaims); page++ {
		d, err := s.IncidentDetail(actx, storetest.LargeIncident, store.DetailPage{ClaimsOffset: page * size, ClaimsLimit: size,
			DocumentsOffset: page * size, DocumentsLimit: size})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d.Incident.Documents...)
		for _, m := range store.ClaimOrder(d.Incident.Metrics) {
			claims = append(claims, d.Incident.Metrics[m].Claims...)
		}
		got, want := d.Incident, whole
		for m, e := range want.Metrics {
			g := got.Metrics[m]
			if !reflect.DeepEqual([]any{g.Best, g.Low, g.High, g.Contested, g.History}, []any{e.Best, e.Low, e.High, e.Contested, e.History}) {
				t.Errorf("%s, page %d: %s figures or history differ from the whole incident's", name, page, m)
			}
		}
		got.Documents, got.Metrics, want.Documents, want.Metrics = nil, nil, nil, nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s, page %d: incident fields\n%+v\nwant\n%+v", name, page, got, want)
		}
	}
	if !reflect.DeepEqual(docs, whole.Documents) {
		t.Errorf("%s: the pages' %d documents are not the incident's %d", name, len(docs), len(whole.Documents))
	}
	if !reflect.DeepEqual(claims, wantClaims) {
		t.Errorf("%s: the pages' %d claims are not the incident's %d", name, len(claims), len(wantClaims))
	}
}
