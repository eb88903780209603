package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/ingest"
	"github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
	"github.com/wallwatch/wallwatch/internal/store"
)

// generatedReports makes n distinct short plain-text reports with a header, as ingest would read them.
func generatedReports(b *testing.B, n int) ([]model.Document, int) {
	b.Helper()
	towns := []string{"Kano, Nigeria", "Niamey, Niger", "Goma, Congo", "Kabul, Afghanistan", "Aleppo, Syria", "Mosul, Iraq",
		"Medan, Indonesia", "Guayaquil, Ecuador", "Tegucigalpa, Honduras", "Maputo, Mozambique", "Conakry, Guinea", "Peshawar, Pakistan"}
	docs := make([]model.Document, 0, n)
	size := 0
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("DATE: %d-%02d-%02d\nTITLE: Report %d\n\nReport number %d. Gunmen attacked the custodial centre in %s late on Sunday and freed %d inmates, officials said. "+
			"Police said %d of the escapees were recaptured by Monday evening and that %d guards were wounded in the exchange of fire. "+
			"Residents said the shooting lasted for about two hours before the attackers withdrew towards the forest with the inmates.",
			1996+i%30, 1+i%12, 1+i%28, i, i, towns[i%len(towns)], 100+i%900, i%100, 1+i%9)
		ds, errs := ingest.Parse(fmt.Sprintf("r%d.txt", i), "", []byte(text))
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		size += len(text)
		docs = append(docs, ds...)
	}
	return docs, size
}

// BenchmarkIngest measures documents per second into SQLite through the workers and the writer,
// as the CLI ingests: "store" deduplicates and stores 10,000 reports; "full" also extracts and links 2,000.
func BenchmarkIngest(b *testing.B) {
	for _, mode := range []string{"store", "full"} {
		n := 10_000
		if mode == "full" {
			n = 2_000
		}
		docs, size := generatedReports(b, n)
		b.Run(mode, func(b *testing.B) {
			st := pipeline.Stages{NearDuplicate: ingest.NearDuplicateDistance}
			if mode == "full" {
				st = realStages(b)
			}
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				p := pipeline.New(openStore(b), st)
				b.StartTimer()
				if err := p.Ingest(context.Background(), sourcesOf(docs), pipeline.StreamOptions{}, pipeline.Events{}); err != nil {
					b.Fatal(err)
				}
			}
			secs := b.Elapsed().Seconds()
			b.ReportMetric(float64(n*b.N)/secs, "docs/s")
			b.ReportMetric(float64(size*b.N)/secs/1e6, "MB/s")
		})
	}
}

// BenchmarkLinkMention measures linking one new mention as the store grows. The store grows the
// way a real one does — over time, at a steady rate of incidents per country (one every three days
// in each of 20 countries) — and the new mention is a second report of an incident in the middle
// of the smallest store's span, so the incidents whose windows overlap its own are the same at
// every size: only the rows outside the window grow, and the cost must stay flat.
func BenchmarkLinkMention(b *testing.B) {
	for _, size := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("incidents=%d", size), func(b *testing.B) {
			ctx := context.Background()
			s := openStore(b)
			seedIncidents(b, s, size)
			linker := pipeline.NewLinker(nil)
			if err := s.InTx(ctx, func(tx *store.Tx) error { return linker.Summarise(ctx, tx) }); err != nil {
				b.Fatal(err)
			}
			reported := seedMention(linkTarget)
			doc := model.Document{ID: "newdoc", Source: "new.txt", ContentHash: "new", Text: "x", Raw: []byte("x"), Format: "text", IngestedAt: reported.Date.Start}
			m := reported
			m.DocumentID, m.Index = doc.ID, 0
			mentions, err := store.EncodeMentions([]model.Mention{m})
			if err != nil {
				b.Fatal(err)
			}
			// The new document is stored once; each iteration links (and so stores) its mention
			// and rolls back, so the store keeps its size and only linking is timed.
			err = s.InTx(ctx, func(tx *store.Tx) error { return tx.InsertDocument(ctx, doc) })
			if err != nil {
				b.Fatal(err)
			}
			candidates := linkCandidates(b, s, linker, mentions)
			errRollback := errors.New("rollback")
			linkOnce := func() []string {
				var ids []string
				err := s.InTx(ctx, func(tx *store.Tx) error {
					batch := linker.Begin()
					var err error
					if ids, err = batch.LinkDocument(ctx, tx, store.RefOf(doc), mentions); err != nil {
						return err
					}
					if err := batch.Finish(ctx, tx); err != nil {
						return err
					}
					return errRollback
				})
				if !errors.Is(err, errRollback) {
					b.Fatal(err)
				}
				return ids
			}
			if got, want := linkOnce(), []string{link.ClusterID([]model.Mention{reported})}; !slices.Equal(got, want) {
				b.Fatalf("the new mention joined %v, want %v", got, want)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				linkOnce()
			}
			b.ReportMetric(float64(candidates), "candidates/op")
		})
	}
}

// linkCandidates counts the incidents the linker weighs a document's mentions against.
func linkCandidates(b *testing.B, s *store.Store, linker *pipeline.Linker, mentions []store.EncodedMention) int {
	b.Helper()
	n := 0
	err := s.InTx(context.Background(), func(tx *store.Tx) error {
		var err error
		n, _, err = linker.Candidates(context.Background(), tx, mentions)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
}

var (
	seedStart     = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	seedCountries = [...]string{"NG", "NE", "ML", "BF", "CM", "TD", "CD", "UG", "MZ", "SO", "KE", "ET", "SD", "LY", "EG", "SY", "IQ", "YE", "AF", "PK"}
)

// linkTarget is the seeded incident BenchmarkLinkMention reports again: in the first country, 25
// steps of three days in, so that even a store of 1,000 incidents fills its date window.
const linkTarget = 25 * len(seedCountries)

// seedMention is the mention of the i-th seeded incident: one every three days in each country,
// each in a town of its own.
func seedMention(i int) model.Mention {
	id := fmt.Sprintf("d%07d", i)
	return model.Mention{DocumentID: id, Type: model.FacilityAttack, Salience: "primary",
		Date: model.Date{Start: seedStart.AddDate(0, 0, 3*(i/len(seedCountries))), Precision: model.PrecisionDay},
		Place: model.Place{Country: seedCountries[i%len(seedCountries)], Name: fmt.Sprintf("Town %d", i),
			Lat: float64(i%500) * 0.3, Lon: float64(i/500%500) * 0.3, Precision: model.GeoPlace}}
}

// seedIncidents stores n incidents whole, each with one mention and document (see
// seedMention); Linker.Summarise then gives them the summaries linking would have left.
func seedIncidents(b *testing.B, s *store.Store, n int) {
	b.Helper()
	ctx := context.Background()
	err := s.InTx(ctx, func(tx *store.Tx) error {
		for i := 0; i < n; i++ {
			m := seedMention(i)
			d := model.Document{ID: m.DocumentID, Source: m.DocumentID + ".txt", ContentHash: m.DocumentID, Text: "t", Raw: []byte("t"), Format: "text", IngestedAt: seedStart}
			if err := tx.InsertDocument(ctx, d); err != nil {
				return err
			}
			if err := tx.ReplaceMentions(ctx, d.ID, []model.Mention{m}); err != nil {
				return err
			}
			inc := link.Build([]model.Mention{m}, map[string]model.DocumentRef{d.ID: {ID: d.ID, Source: d.Source}}, nil)
			inc.ID = link.ClusterID([]model.Mention{m})
			if err := tx.PutIncident(ctx, inc); err != nil {
				return err
			}
			if err := tx.SetMentionIncident(ctx, d.ID, 0, inc.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}
