package pipeline_test

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/config"
	"github.com/wallwatch/wallwatch/internal/extract"
	"github.com/wallwatch/wallwatch/internal/ingest"
	"github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
	"github.com/wallwatch/wallwatch/internal/reference"
	"github.com/wallwatch/wallwatch/internal/store"
)

var (
	stagesOnce sync.Once
	stages     pipeline.Stages
	stagesErr  error
)

// realStages wires the real extractor and linker over the embedded reference data, once.
func realStages(t testing.TB) pipeline.Stages {
	t.Helper()
	stagesOnce.Do(func() {
		ref, err := reference.Load(config.Default())
		if err != nil {
			stagesErr = err
			return
		}
		x, err := extract.New(ref.ExtractResources())
		if err != nil {
			stagesErr = err
			return
		}
		stages = pipeline.Stages{NearDuplicate: ingest.NearDuplicateDistance, Extract: x.Extract, Link: pipeline.NewLinker(ref.Actors.Family)}
	})
	if stagesErr != nil {
		t.Fatal(stagesErr)
	}
	return stages
}

func openStore(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func parse(t testing.TB, name, text string) model.Document {
	t.Helper()
	docs, errs := ingest.Parse(name, "", []byte(text))
	if len(errs) > 0 || len(docs) != 1 {
		t.Fatalf("parse %s: %v", name, errs)
	}
	return docs[0]
}

func TestAddDeduplicatesAndLinks(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	p := pipeline.New(s, realStages(t))
	wire := "DATE: 2022-07-06\nTITLE: Gunmen free inmates\n\nGunmen attacked the Kuje custodial centre near Abuja on Tuesday night and freed 879 inmates, the Nigerian Correctional Service said. Of the 879 who escaped, 443 were recaptured by Wednesday, the service said. The attackers used explosives to breach the wall of the centre and fought guards for an hour before they withdrew with the inmates."
	copyWithBoilerplate := "DATE: 2022-07-06\nTITLE: Nigeria: gunmen free inmates near capital\n\n" + wire[strings.Index(wire, "Gunmen attacked"):] + "\n\nSubscribe to our newsletter for more news."
	other := "DATE: 2022-07-08\nTITLE: Officials revise figures\n\nThe Nigerian Correctional Service said on Friday that 600 of the inmates who escaped from the Kuje custodial centre in Abuja on Tuesday are still at large."
	res, err := p.Add(ctx, []model.Document{parse(t, "a.txt", wire), parse(t, "b.txt", copyWithBoilerplate), parse(t, "c.txt", other), parse(t, "a2.txt", wire)})
	if err != nil {
		t.Fatal(err)
	}
	var outcomes []string
	for _, r := range res {
		outcomes = append(outcomes, string(r.Outcome))
	}
	if want := "new near_duplicate new duplicate"; strings.Join(outcomes, " ") != want {
		t.Fatalf("outcomes = %v, want %s", outcomes, want)
	}
	if res[1].DuplicateOf != res[0].Document.ID {
		t.Errorf("near-duplicate points at %q, want %q", res[1].DuplicateOf, res[0].Document.ID)
	}
	incs, _, err := s.Incidents(ctx, store.IncidentQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(incs) != 1 || len(incs[0].Documents) != 3 {
		t.Fatalf("incidents = %d with %d documents, want 1 incident citing 3 documents", len(incs), len(incs[0].Documents))
	}
	esc := incs[0].Metrics[model.Escaped]
	if esc.Best == nil || len(esc.Claims) < 2 {
		t.Errorf("escaped estimate = %+v, want a best figure over several claims", esc)
	}
}

// TestOrderIndependence ingests the shared seeds and dev corpus one document at a time in
// shuffled orders and requires the same grouping of documents into incidents every time.
func TestOrderIndependence(t *testing.T) {
	docs := sharedCorpus(t, "seeds", "dev")
	var first string
	for round := 0; round < 3; round++ {
		order := slices.Clone(docs)
		rand.New(rand.NewSource(int64(round))).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		s := openStore(t)
		p := pipeline.New(s, realStages(t))
		for _, d := range order {
			if _, err := p.Add(context.Background(), []model.Document{d}); err != nil {
				t.Fatal(err)
			}
		}
		got := grouping(t, s)
		if round == 0 {
			first = got
			continue
		}
		if got != first {
			t.Errorf("round %d grouped documents differently:\n%s\nwant:\n%s", round, got, first)
		}
	}
}

// grouping describes incidents by the sorted sources and mention dates they hold, independent of ids.
func grouping(t testing.TB, s *store.Store) string {
	incs, _, err := s.Incidents(context.Background(), store.IncidentQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, inc := range incs {
		var srcs []string
		for _, d := range inc.Documents {
			srcs = append(srcs, filepath.Base(d.Source))
		}
		sort.Strings(srcs)
		lines = append(lines, fmt.Sprintf("%s %s %v", inc.Type, inc.Date.Start.Format(model.DateLayout), srcs))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func TestReprocessGivesTheSameResult(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	p := pipeline.New(s, realStages(t))
	text := "DATE: 2021-04-05\nTITLE: Attack on custodial centre\n\nGunmen armed with rifles attacked the Owerri custodial centre in Imo State early on Monday and freed 1,844 inmates, the Nigerian Correctional Service said."
	if _, err := p.Add(ctx, []model.Document{parse(t, "o.txt", text)}); err != nil {
		t.Fatal(err)
	}
	before := grouping(t, s)
	docs, mentions, err := p.Reprocess(ctx, pipeline.StreamOptions{}, pipeline.Events{})
	if err != nil {
		t.Fatal(err)
	}
	if docs != 1 || mentions != 1 {
		t.Errorf("Reprocess = %d documents, %d mentions; want 1, 1", docs, mentions)
	}
	if after := grouping(t, s); after != before {
		t.Errorf("after reprocess:\n%s\nwant:\n%s", after, before)
	}
}

// TestFiguresMatchReconcile ingests mixed articles (many reports of a few incidents, so sources
// supersede their earlier claims) and requires each incident's figures, kept by delta in the
// store, to be what link.Reconcile makes of all its claims.
func TestFiguresMatchReconcile(t *testing.T) {
	ctx := context.Background()
	docs := mixedCorpus(t, 400)
	s := openStore(t)
	p := pipeline.New(s, realStages(t))
	for i := 0; i < len(docs); i += 50 {
		if _, err := p.Add(ctx, docs[i:min(i+50, len(docs))]); err != nil {
			t.Fatal(err)
		}
	}
	incs, _, err := s.Incidents(ctx, store.IncidentQuery{})
	if err != nil {
		t.Fatal(err)
	}
	compared := 0
	for _, inc := range incs {
		refs := map[string]model.DocumentRef{}
		for _, d := range inc.Documents {
			refs[d.ID] = d
		}
		for metric, got := range inc.Metrics {
			want := link.Reconcile(metric, got.Claims, refs)
			if fmt.Sprint(ptr(got.Best), ptr(got.Low), ptr(got.High), got.Contested) != fmt.Sprint(ptr(want.Best), ptr(want.Low), ptr(want.High), want.Contested) {
				t.Errorf("%s %s: stored best %s low %s high %s contested %v; Reconcile gives %s %s %s %v over %d claims", inc.ID, metric,
					ptr(got.Best), ptr(got.Low), ptr(got.High), got.Contested, ptr(want.Best), ptr(want.Low), ptr(want.High), want.Contested, len(got.Claims))
			}
			compared++
		}
	}
	if compared < 50 {
		t.Errorf("compared %d estimates, want a corpus that makes at least 50", compared)
	}
}

func ptr(p *int) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprint(*p)
}

// TestUpgradedIncidentsJoin: an incident stored whole (as before incremental linking, or by
// PutIncident) is summarised from its mentions and claims, and a new report joins it.
func TestUpgradedIncidentsJoin(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	day := time.Date(2022, 7, 5, 0, 0, 0, 0, time.UTC)
	report := func(docID string, escaped int) model.Mention {
		return model.Mention{DocumentID: docID, Type: model.FacilityAttack, Salience: "primary",
			Date:     model.Date{Start: day, Precision: model.PrecisionDay},
			Place:    model.Place{Country: "NG", Name: "Kuje", Precision: model.GeoFacility},
			Facility: "Kuje custodial centre",
			Claims:   []model.Claim{{Metric: model.Escaped, Low: &escaped, High: &escaped, Qualifier: "exact", DocumentID: docID, Reported: model.Date{Start: day, Precision: model.PrecisionDay}}}}
	}
	old := report("old", 879)
	oldDoc := model.Document{ID: "old", Source: "old.txt", ContentHash: "old", Text: "t", Raw: []byte("t"), Format: "text", IngestedAt: day}
	inc := link.Build([]model.Mention{old}, map[string]model.DocumentRef{"old": {ID: "old", Source: "old.txt"}}, nil)
	err := s.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.InsertDocument(ctx, oldDoc); err != nil {
			return err
		}
		if err := tx.ReplaceMentions(ctx, "old", []model.Mention{old}); err != nil {
			return err
		}
		if err := tx.PutIncident(ctx, inc); err != nil {
			return err
		}
		return tx.SetMentionIncident(ctx, "old", 0, inc.ID)
	})
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.New(s, pipeline.Stages{
		Extract: func(d model.Document) []model.Mention { return []model.Mention{report(d.ID, 600)} },
		Link:    pipeline.NewLinker(nil),
	})
	res, err := p.Add(ctx, []model.Document{parse(t, "new.txt", "DATE: 2022-07-06\n\nA later report.")})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res[0].Incidents, []string{inc.ID}) {
		t.Fatalf("the report joined %v, want the stored incident %s", res[0].Incidents, inc.ID)
	}
	got, err := s.Incident(ctx, inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	e := got.Metrics[model.Escaped]
	if len(got.Documents) != 2 || len(e.Claims) != 2 || e.Low == nil || *e.Low != 600 || e.High == nil || *e.High != 879 {
		t.Errorf("incident after the join: %d documents, escaped %s..%s over %d claims; want 2 documents, 600..879 over 2",
			len(got.Documents), ptr(e.Low), ptr(e.High), len(e.Claims))
	}
}
