package pipeline_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/wallwatch/wallwatch/internal/export"
	"github.com/wallwatch/wallwatch/internal/ingest"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
	"github.com/wallwatch/wallwatch/internal/store"
)

// sourcesOf wraps parsed documents as sources of one document each.
func sourcesOf(docs []model.Document) []pipeline.Source {
	out := make([]pipeline.Source, len(docs))
	for i, d := range docs {
		out[i] = pipeline.Source{Name: d.Source, Size: int64(len(d.Raw)), Load: func(_ context.Context, emit func(model.Document), _ func(error)) {
			runtime.Gosched() // let workers finish out of order
			emit(d)
		}}
	}
	return out
}

// TestParallelIngestMatchesSerial ingests the same documents once serially (one worker, batches
// of 200, as before workers) and once with several workers, small batches and a small budget,
// and requires byte-identical JSON exports, the same documents and duplicates, and the same
// campaign records (refreshed at every Add, and every few batches and at the end of a stream).
func TestParallelIngestMatchesSerial(t *testing.T) {
	docs := append(sharedCorpus(t, "dev", "seeds"), copiedReports(t, 300)...)
	ctx := context.Background()
	serial := openStore(t)
	p := pipeline.New(serial, realStages(t), pipeline.Workers(1))
	for i := 0; i < len(docs); i += 200 {
		if _, err := p.Add(ctx, docs[i:min(i+200, len(docs))]); err != nil {
			t.Fatal(err)
		}
	}
	parallel := openStore(t)
	var failed []error
	ev := pipeline.Events{Failed: func(err error) { failed = append(failed, err) },
		NotStored: func(_ []model.Document, err error) { failed = append(failed, err) }}
	err := pipeline.New(parallel, realStages(t), pipeline.Workers(4)).
		Ingest(ctx, sourcesOf(docs), pipeline.StreamOptions{Budget: 64 << 10, Batch: 7}, ev)
	if err != nil || len(failed) > 0 {
		t.Fatalf("Ingest: %v %v", err, failed)
	}
	a, b := exported(t, serial), exported(t, parallel)
	t.Logf("%d documents, %d incidents, %d near copies", len(docs), strings.Count(a, `"date_start"`), strings.Count(a, `"duplicate_of"`))
	if a != b {
		t.Errorf("exports differ:\nserial   %.400s\nparallel %.400s", a, b)
	}
	if a, b := documentList(t, serial), documentList(t, parallel); a != b {
		t.Errorf("documents differ:\nserial\n%s\nparallel\n%s", a, b)
	}
	a, b = campaignList(t, serial), campaignList(t, parallel)
	if a == "" {
		t.Error("no campaign recorded: the comparison tells nothing")
	}
	if a != b {
		t.Errorf("campaigns differ:\nserial\n%s\nparallel\n%s", a, b)
	}
}

// campaignList lists the campaigns with what the linker recorded of each: actor and dates.
func campaignList(t *testing.T, s *store.Store) string {
	cs, err := s.Campaigns(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, c := range cs {
		lines = append(lines, fmt.Sprintf("%s|%s|%v|%v|%d", c.Name, c.Actor, c.Start, c.End, len(c.Incident)))
	}
	return strings.Join(lines, "\n")
}

// sharedCorpus parses the named sets of ../shared/corpus, skipping the test when it is absent.
func sharedCorpus(t testing.TB, sets ...string) []model.Document {
	dir, _ := filepath.Abs("../../../shared/corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpus not found at %s; skipping", dir)
	}
	var docs []model.Document
	for _, set := range sets {
		paths, _ := filepath.Glob(filepath.Join(dir, set, "*.txt"))
		for _, path := range paths {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			ds, _ := ingest.Parse(path, "", data)
			docs = append(docs, ds...)
		}
	}
	return docs
}

// copiedReports makes n short reports of a few incidents, with exact and near copies among them.
func copiedReports(t *testing.T, n int) []model.Document {
	places := []string{"Kuje custodial centre near Abuja", "Owerri custodial centre in Imo State", "Koton Karfe prison in Kogi", "Bauchi prison"}
	rng := rand.New(rand.NewPCG(1, 2))
	var docs []model.Document
	for i := range n {
		k := rng.IntN(len(places))
		text := fmt.Sprintf("DATE: 202%d-0%d-1%d\nTITLE: Report %d\n\nGunmen attacked the %s on Tuesday night and freed %d inmates, police said. %d were recaptured by Wednesday.",
			k, k+2, k, i, places[k], 100+rng.IntN(50)*10, rng.IntN(40))
		switch {
		case i%10 == 9:
			text = string(docs[rng.IntN(len(docs))].Raw) // an exact copy
		case i%7 == 6:
			text = string(docs[rng.IntN(len(docs))].Raw) + "\n\nSubscribe to our newsletter for more news." // a near copy
		}
		docs = append(docs, parse(t, fmt.Sprintf("gen%03d.txt", i), text))
	}
	return docs
}

func exported(t *testing.T, s *store.Store) string {
	incs, _, err := s.Incidents(context.Background(), store.IncidentQuery{Sort: "-date"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := export.JSON(&buf, incs); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func documentList(t *testing.T, s *store.Store) string {
	ids, err := s.DocumentIDs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, id := range ids {
		d, err := s.Document(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, d.Source+" "+d.ID+" "+d.DuplicateOf)
	}
	return strings.Join(lines, "\n")
}

// TestBytesInFlightStayWithinBudget reads sources of many sizes, one larger than the whole
// budget, through a small budget: the bytes between a source's reading and its end never exceed
// the budget, and every document is stored in order.
func TestBytesInFlightStayWithinBudget(t *testing.T) {
	const budget = 64 << 10
	rng := rand.New(rand.NewPCG(3, 4))
	var inFlight, most atomic.Int64
	var mu sync.Mutex
	sizes := map[string]int64{}
	var sources []pipeline.Source
	for i := range 200 {
		size := int64(rng.IntN(budget / 4))
		if i == 100 {
			size = 3 * budget // a huge file must still pass
		}
		name := fmt.Sprintf("s%03d", i)
		sizes[name] = min(size, budget)
		text := fmt.Sprintf("Report %d about matter %d.", i, i*7919)
		d := model.Document{ID: name, Source: name, ContentHash: name, Text: text, Raw: []byte(text)}
		sources = append(sources, pipeline.Source{Name: name, Size: size, Load: func(_ context.Context, emit func(model.Document), _ func(error)) {
			mu.Lock()
			now := inFlight.Add(sizes[name])
			mu.Unlock()
			for m := most.Load(); now > m && !most.CompareAndSwap(m, now); m = most.Load() {
			}
			runtime.Gosched()
			emit(d)
		}})
	}
	var order []string
	ev := pipeline.Events{
		Result: func(r pipeline.Result) { order = append(order, r.Document.ID) },
		Done: func(name string) {
			mu.Lock()
			inFlight.Add(-sizes[name])
			mu.Unlock()
		},
	}
	p := pipeline.New(openStore(t), pipeline.Stages{}, pipeline.Workers(4))
	if err := p.Ingest(context.Background(), sources, pipeline.StreamOptions{Budget: budget, Batch: 5}, ev); err != nil {
		t.Fatal(err)
	}
	if m := most.Load(); m > budget {
		t.Errorf("%d bytes in flight at most, budget %d", m, budget)
	}
	if len(order) != len(sources) {
		t.Fatalf("%d documents stored, want %d", len(order), len(sources))
	}
	for i, id := range order {
		if id != sources[i].Name {
			t.Fatalf("document %d stored is %s, want %s: out of order", i, id, sources[i].Name)
		}
	}
}

// TestTwoWritersMatchOne ingests the same documents into one store through one pipeline, and
// into another through two connections to the file taking turns, batch by batch, as two
// processes would: each must see what the other linked, however much of the store it keeps in
// memory between its batches, so the incidents come out byte for byte the same.
func TestTwoWritersMatchOne(t *testing.T) {
	docs := append(sharedCorpus(t, "dev", "seeds"), copiedReports(t, 200)...)
	ctx := context.Background()
	one := openStore(t)
	p := pipeline.New(one, realStages(t))
	path := filepath.Join(t.TempDir(), "two.db")
	var turns []*pipeline.Pipeline
	for range 2 {
		s, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		turns = append(turns, pipeline.New(s, realStages(t)))
	}
	const batch = 25
	for i := 0; i < len(docs); i += batch {
		part := docs[i:min(i+batch, len(docs))]
		if _, err := p.Add(ctx, part); err != nil {
			t.Fatal(err)
		}
		if _, err := turns[i/batch%2].Add(ctx, part); err != nil {
			t.Fatal(err)
		}
	}
	shared, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer shared.Close()
	if a, b := exported(t, one), exported(t, shared); a != b {
		t.Errorf("exports differ:\none writer  %.400s\ntwo writers %.400s", a, b)
	}
}
