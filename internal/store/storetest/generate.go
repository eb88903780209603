package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// places are where generated incidents happen: country, admin1, town and coordinates.
var places = []model.Place{
	{Country: "NG", Admin1: "Borno", Name: "Maiduguri", Lat: 11.8333, Lon: 13.15},
	{Country: "NG", Admin1: "Oyo", Name: "Ibadan", Lat: 7.3775, Lon: 3.947},
	{Country: "HT", Admin1: "Ouest", Name: "Croix-des-Bouquets", Lat: 18.5769, Lon: -72.2269},
	{Country: "CD", Admin1: "Ituri", Name: "Bunia", Lat: 1.5667, Lon: 30.25},
	{Country: "PK", Admin1: "Balochistan", Name: "Quetta", Lat: 30.1872, Lon: 67.0125},
	{Country: "ML", Admin1: "Mopti", Name: "Mopti", Lat: 14.4843, Lon: -4.1827},
	{Country: "NE", Admin1: "Diffa", Name: "Diffa", Lat: 13.3154, Lon: 12.6113},
	{Country: "BF", Admin1: "Est", Name: "Fada N'Gourma", Lat: 12.0616, Lon: 0.3584},
	{Country: "CM", Admin1: "Far North", Name: "Maroua", Lat: 10.591, Lon: 14.3159},
	{Country: "SO", Admin1: "Banaadir", Name: "Mogadishu", Lat: 2.0371, Lon: 45.3438},
	{Country: "CO", Admin1: "Cauca", Name: "Popayán", Lat: 2.4448, Lon: -76.6147},
	{Country: "EC", Admin1: "Guayas", Name: "Guayaquil", Lat: -2.1962, Lon: -79.8862},
}

var (
	generatedTypes  = []model.EventType{model.FacilityAttack, model.MassEscape, model.Riot, model.ThwartedAttack, model.OtherAttack}
	generatedActors = []string{"Northern Ridge Front", "Delta Night Riders", "Sahel Liberation Army", "Harbour Front Gangs", "Mountain Path Movement"}
)

// SeedMany stores n generated incidents, each citing one of a pool of generated documents, in one
// transaction: the data set of load tests. Generation is seeded, so runs are comparable.
func SeedMany(ctx context.Context, s *store.Store, n int) error {
	return seedMany(ctx, s, n, generatedDocuments(max(1, n/100)))
}

// MarkedOwner is the organisation SeedManyMarked and SeedDocumentsMarked give every tenth
// document to, marked AMBER.
const MarkedOwner = "Generated Desk"

// SeedManyMarked is SeedMany with every tenth document AMBER and owned by MarkedOwner (created),
// so that about a tenth of the incidents are visible to that organisation only: the data set of
// the benchmarks of what each audience sees.
func SeedManyMarked(ctx context.Context, s *store.Store, n int) error {
	if err := s.AddOrganisation(ctx, MarkedOwner, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		return err
	}
	docs := generatedDocuments(max(1, n/100))
	for i := range docs {
		markTenth(i, &docs[i])
	}
	return seedMany(ctx, s, n, docs)
}

// markTenth marks every tenth document AMBER, owned by MarkedOwner.
func markTenth(i int, d *model.Document) {
	if i%10 == 0 {
		d.TLP, d.Org = model.TLPAmber, MarkedOwner
	}
}

func seedMany(ctx context.Context, s *store.Store, n int, docs []model.Document) error {
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	return s.InTx(ctx, func(tx *store.Tx) error {
		for _, d := range docs {
			if err := tx.InsertDocument(ctx, d); err != nil {
				return err
			}
		}
		for i := range n {
			if err := tx.PutIncident(ctx, generatedIncident(rng, i, docs)); err != nil {
				return fmt.Errorf("generated incident %d: %w", i, err)
			}
		}
		return nil
	})
}

func generatedDocuments(n int) []model.Document {
	docs := make([]model.Document, n)
	base := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range docs {
		pub := base.AddDate(0, 0, i%3650)
		text := fmt.Sprintf("Generated report number %d about an attack on a prison.", i)
		docs[i] = model.Document{ID: fmt.Sprintf("gen-doc-%06d", i), Source: fmt.Sprintf("https://gen.example.org/%d", i),
			Title: fmt.Sprintf("Generated report %d", i), Published: &pub, IngestedAt: pub, Format: "text",
			ContentHash: fmt.Sprintf("gen-hash-%06d", i), Raw: []byte(text), Text: text}
	}
	return docs
}

func generatedIncident(rng *rand.Rand, i int, docs []model.Document) model.Incident {
	p := places[rng.IntN(len(places))]
	p.Lat += rng.Float64() - 0.5
	p.Lon += rng.Float64() - 0.5
	p.Precision = model.GeoPlace
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(3650))
	d := docs[rng.IntN(len(docs))]
	escaped := rng.IntN(500)
	low, high := escaped*8/10, escaped*12/10
	claim := model.Claim{Metric: model.Escaped, Low: &escaped, High: &escaped, Qualifier: "exact", Claimant: "officials",
		ClaimantRole: model.RoleGovernment, Reported: model.Date{Start: *d.Published, Precision: model.PrecisionDay},
		DocumentID: d.ID, Quote: d.Text, Start: 0, End: len(d.Text)}
	return model.Incident{
		ID: fmt.Sprintf("inc-gen%08d", i), Type: generatedTypes[rng.IntN(len(generatedTypes))],
		Date:  model.Date{Start: start, Precision: model.PrecisionDay},
		Place: p, Facility: p.Name + " prison", Perpetrators: []string{generatedActors[rng.IntN(len(generatedActors))]},
		Documents: []model.DocumentRef{{ID: d.ID, Source: d.Source, Title: d.Title, Published: d.Published}},
		Metrics: map[model.Metric]model.Estimate{model.Escaped: {Best: &escaped, Low: &low, High: &high,
			Contested: rng.IntN(10) == 0, Claims: []model.Claim{claim}}},
		UpdatedAt: start.AddDate(0, 0, 2),
	}
}

// reportWords are what generated articles are written with: "prison" and "attack" occur in most
// of them, as in a real collection, and the rest vary so that postings lists differ in length.
var reportWords = strings.Fields(`prison jail inmates escaped gunmen attacked guards killed officials said police
	army soldiers freed detainees wall explosives night town province governor spokesperson statement claimed
	group fighters recaptured search operation residents witnesses hospital wounded security forces custodial
	centre correctional service rights monitor figure higher lower reported morning evening attack raid`)

// SeedDocuments stores n generated articles of about 300 words each, in batches: the data set of
// the full-text search benchmarks. Generation is seeded, so runs are comparable.
func SeedDocuments(ctx context.Context, s *store.Store, n int) error {
	return seedDocuments(ctx, s, n, func(int, *model.Document) {})
}

// SeedDocumentsMarked is SeedDocuments with every tenth article AMBER and owned by MarkedOwner
// (created).
func SeedDocumentsMarked(ctx context.Context, s *store.Store, n int) error {
	if err := s.AddOrganisation(ctx, MarkedOwner, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		return err
	}
	return seedDocuments(ctx, s, n, markTenth)
}

func seedDocuments(ctx context.Context, s *store.Store, n int, mark func(int, *model.Document)) error {
	rng := rand.New(rand.NewPCG(2, uint64(n)))
	const batch = 1000
	for start := 0; start < n; start += batch {
		err := s.InTx(ctx, func(tx *store.Tx) error {
			for i := start; i < min(n, start+batch); i++ {
				d := generatedArticle(rng, i)
				mark(i, &d)
				if err := tx.InsertDocument(ctx, d); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func generatedArticle(rng *rand.Rand, i int) model.Document {
	var b strings.Builder
	for w := range 300 {
		if w > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(reportWords[rng.IntN(len(reportWords))])
	}
	text := b.String()
	pub := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%3650)
	return model.Document{ID: fmt.Sprintf("article-%07d", i), Source: fmt.Sprintf("https://articles.example.org/%d", i),
		Title: fmt.Sprintf("Report %d", i), Published: &pub, IngestedAt: pub, Format: "text",
		ContentHash: fmt.Sprintf("article-hash-%07d", i), Raw: []byte(text), Text: text}
}

// LargeIncident is the id of the incident SeedLargeIncident stores.
const LargeIncident = "inc-tarvo-large"

// SeedLargeIncident stores one incident reported by n generated documents, each giving one claim
// (escaped, killed or recaptured in turn, from officials and from a monitor), with every tenth
// document AMBER and owned by MarkedOwner (created) when marked: the incident of thousands of
// reports that detail pages and the API page. Generation is seeded, so runs are comparable.
func SeedLargeIncident(ctx context.Context, s *store.Store, n int, marked bool) error {
	if marked {
		if err := s.AddOrganisation(ctx, MarkedOwner, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
			return err
		}
	}
	inc := largeIncident(n, marked)
	return s.InTx(ctx, func(tx *store.Tx) error {
		for i, ref := range inc.Documents {
			text := fmt.Sprintf("Report %d from Tarvo: %s", i, inc.Documents[i].Title)
			d := model.Document{ID: ref.ID, Source: ref.Source, Title: ref.Title, Published: ref.Published, IngestedAt: *ref.Published,
				Format: "text", ContentHash: "tarvo-hash-" + ref.ID, Raw: []byte(text), Text: text, TLP: ref.TLP, Org: ref.Org}
			if err := tx.InsertDocument(ctx, d); err != nil {
				return err
			}
		}
		return tx.PutIncident(ctx, inc)
	})
}

// LargeStore opens a store as the servers do (Open) in tb's temporary folder and stores the
// large incident of n reports in it (SeedLargeIncident); the store is closed when tb ends.
func LargeStore(tb testing.TB, n int, marked bool) *store.Store {
	tb.Helper()
	s := openTemp(tb, "large.db")
	if err := SeedLargeIncident(context.Background(), s, n, marked); err != nil {
		tb.Fatal(err)
	}
	return s
}

// largeIncident is the incident SeedLargeIncident stores, with its documents and claims.
func largeIncident(n int, marked bool) model.Incident {
	rng := rand.New(rand.NewPCG(3, uint64(n)))
	start := time.Date(2023, 5, 14, 0, 0, 0, 0, time.UTC)
	inc := model.Incident{ID: LargeIncident, Type: model.MassEscape, Date: model.Date{Start: start, Precision: model.PrecisionDay},
		Place:    model.Place{Country: "NE", Admin1: "Ardovia", Name: "Tarvo", Lat: 14.1, Lon: 6.2, Precision: model.GeoPlace},
		Facility: "Tarvo Central Prison", Perpetrators: []string{generatedActors[0]}, Metrics: map[model.Metric]model.Estimate{},
		UpdatedAt: start.AddDate(0, 1, 0)}
	metrics := []model.Metric{model.Escaped, model.Killed, model.Recaptured}
	for i := range n {
		pub := start.AddDate(0, 0, 1+i%60)
		ref := model.DocumentRef{ID: fmt.Sprintf("tarvo-doc-%06d", i), Source: fmt.Sprintf("https://kolondo-news.example.org/tarvo/%d", i),
			Title: fmt.Sprintf("Tarvo prison escape: update %d", i), Published: &pub}
		if marked {
			d := model.Document{}
			markTenth(i, &d)
			ref.TLP, ref.Org = d.TLP, d.Org
		}
		inc.Documents = append(inc.Documents, ref)
		metric := metrics[i%len(metrics)]
		v := 100 + rng.IntN(400)
		claimant, role := "officials", model.RoleGovernment
		if i%2 == 1 {
			claimant, role = "a rights monitor", model.RoleIndependent
		}
		quote := fmt.Sprintf("The %s said %d inmates were involved in the Tarvo prison escape, update %d.", claimant, v, i)
		e := inc.Metrics[metric]
		e.Claims = append(e.Claims, model.Claim{Metric: metric, Low: &v, High: &v, Qualifier: "exact", Claimant: claimant,
			ClaimantRole: role, Reported: model.Date{Start: pub, Precision: model.PrecisionDay}, DocumentID: ref.ID,
			Quote: quote, Start: 0, End: len(quote)})
		inc.Metrics[metric] = e
	}
	for metric, e := range inc.Metrics {
		best, low, high := *e.Claims[len(e.Claims)-1].Low, 100, 499
		e.Best, e.Low, e.High, e.Contested = &best, &low, &high, true
		inc.Metrics[metric] = e
	}
	return inc
}
