package pipeline_test

import (
	"context"
	"errors"
	"fmt"
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

// BenchmarkIngest measures documents per second into SQLite in batches of 200, as the CLI writes
// them: "store" deduplicates and stores 10,000 reports; "full" also extracts and links 2,000.
func BenchmarkIngest(b *testing.B) {
	for _, mode := range []string{"store", "full"} {
		n := 10_000
		if mode == "full" {
			n = 2_000
		}
		docs, size := generatedReports(b, n)
		b.Run(mode, func(b *testing.B) {
			st := pipeline.Stages{NearDuplicate: ingest.NearDuplicate}
			if mode == "full" {
				st = realStages(b)
			}
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				p := pipeline.New(openStore(b), st)
				b.StartTimer()
				for j := 0; j < n; j += 200 {
					if _, err := p.Add(context.Background(), docs[j:min(j+200, n)]); err != nil {
						b.Fatal(err)
					}
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
// in each of 40 countries) — and the candidate query is bounded by country and date window, so the
// cost must stay flat.
func BenchmarkLinkMention(b *testing.B) {
	for _, size := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("incidents=%d", size), func(b *testing.B) {
			s := openStore(b)
			seedIncidents(b, s, size)
			linker := pipeline.NewLinker(nil)
			day := seedStart.AddDate(0, 0, seedSpanDays(size)/2)
			doc := model.Document{ID: "newdoc", Source: "new.txt", ContentHash: "new", Text: "x", Raw: []byte("x"), Format: "text", IngestedAt: day}
			m := model.Mention{DocumentID: "newdoc", Type: model.FacilityAttack, Salience: "primary",
				Date:  model.Date{Start: day, Precision: model.PrecisionDay},
				Place: model.Place{Country: "NG", Name: "Town 40", Lat: 12, Lon: 0, Precision: model.GeoPlace}, Facility: "Town 40 prison"}
			// The new document and its mention are stored once; each iteration links the mention
			// and rolls back, so the store keeps its size and only linking is timed.
			err := s.InTx(context.Background(), func(tx *store.Tx) error {
				if err := tx.InsertDocument(context.Background(), doc); err != nil {
					return err
				}
				return tx.ReplaceMentions(context.Background(), doc.ID, []model.Mention{m})
			})
			if err != nil {
				b.Fatal(err)
			}
			errRollback := fmt.Errorf("rollback")
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				err := s.InTx(context.Background(), func(tx *store.Tx) error {
					if _, err := linker.LinkDocument(context.Background(), tx, doc.ID); err != nil {
						return err
					}
					return errRollback
				})
				if !errors.Is(err, errRollback) {
					b.Fatal(err)
				}
			}
		})
	}
}

var seedStart = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)

// seedSpanDays is how many days n incidents span at one incident every three days per country.
func seedSpanDays(n int) int { return max(1, n*3/40) }

// seedIncidents stores n incidents, each with one mention and document, spread over 40 countries
// and seedSpanDays(n) days, each in a town of its own: the store is as linking would have left it.
func seedIncidents(b *testing.B, s *store.Store, n int) {
	b.Helper()
	countries := []string{"NG", "NE", "ML", "BF", "CM", "TD", "CD", "UG", "MZ", "SO", "KE", "ET", "SD", "LY", "EG", "SY",
		"IQ", "YE", "AF", "PK", "IN", "BD", "MM", "PH", "ID", "TH", "CO", "VE", "EC", "PE", "BR", "MX", "HN", "GT", "SV", "HT", "JM", "GN", "SN", "CI"}
	start := seedStart
	span := seedSpanDays(n)
	ctx := context.Background()
	err := s.InTx(ctx, func(tx *store.Tx) error {
		for i := 0; i < n; i++ {
			day := start.AddDate(0, 0, (i*7919)%span)
			id := fmt.Sprintf("d%07d", i)
			d := model.Document{ID: id, Source: id + ".txt", ContentHash: id, Text: "t", Raw: []byte("t"), Format: "text", IngestedAt: start}
			if err := tx.InsertDocument(ctx, d); err != nil {
				return err
			}
			m := model.Mention{DocumentID: id, Type: model.FacilityAttack, Salience: "primary",
				Date: model.Date{Start: day, Precision: model.PrecisionDay},
				Place: model.Place{Country: countries[i%len(countries)], Name: fmt.Sprintf("Town %d", i),
					Lat: float64(i%500) * 0.3, Lon: float64(i/500%500) * 0.3, Precision: model.GeoPlace}}
			if err := tx.ReplaceMentions(ctx, id, []model.Mention{m}); err != nil {
				return err
			}
			inc := link.Build([]model.Mention{m}, map[string]model.DocumentRef{id: {ID: id, Source: d.Source}}, nil)
			inc.ID = link.ClusterID([]model.Mention{m})
			if err := tx.PutIncident(ctx, inc); err != nil {
				return err
			}
			if err := tx.SetMentionIncident(ctx, id, 0, inc.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}
