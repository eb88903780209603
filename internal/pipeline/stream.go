package pipeline

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Source is one input the workers read: a file, a URL, a stored document.
type Source struct {
	Name string
	// Size is the bytes it holds once read, as far as known beforehand (a file's size), counted
	// against the budget; 0 when unknown.
	Size int64
	// Load reads the source and calls emit for each document in it and fail for each problem.
	Load func(ctx context.Context, emit func(model.Document), fail func(error))
}

// Events receive what becomes of the sources, in the sources' order, from one goroutine. Any
// may be nil.
type Events struct {
	Result       func(Result)                           // a document stored, or found a duplicate
	Failed       func(error)                            // a source, or an item in it, could not be read
	NotStored    func(docs []model.Document, err error) // read but not stored: the store refused their batch, or interrupted
	NotAttempted func(source string)                    // not read: interrupted first
	Done         func(source string)                    // all of a source's documents were dealt with
}

// StreamOptions tune Ingest and Reprocess; the zero value takes the defaults.
type StreamOptions struct {
	Budget int64 // bytes of read documents in flight between readers and writer; 0: DefaultBudget
	Batch  int   // documents per write transaction at most; 0: DefaultBatch
}

const (
	// DefaultBudget bounds the bytes in flight. Extraction allocates tens of times a text's size,
	// so two sources together larger than this are not extracted at once.
	DefaultBudget = 16 << 20
	// DefaultBatch keeps a write transaction to a fifth of a second or so in a small store
	// (linking and storing cost about 1.5 ms a document; half a second at 100,000 documents,
	// about 4 ms), so that Ctrl-C and other writers wait well under a second, while commits stay
	// a small share: each dirties a leaf of every index for each new incident wherever its id
	// falls, so a larger batch shares more of them. 128 instead of 64 wrote 113 KiB a document
	// instead of 154 and took 15–20 % less of the writer's CPU; at 32 it took a tenth more
	// than at 128.
	DefaultBatch = 128
	// minUnitsShare: every source counts at least Budget/minUnitsShare bytes, which also bounds
	// the number of sources in flight and so the reorder buffer.
	minUnitsShare = 256
)

// unit is one source on its way from a worker to the writer.
type unit struct {
	seq      int
	src      Source
	weight   int64 // bytes it holds of the budget
	docs     []prepared
	errs     []error
	complete bool // read and every document extracted: false when interrupted first
}

// Ingest reads the sources in the workers, extracts their documents there and stores them from
// one writer, in the sources' order, in transactions of at most opts.Batch documents. Results
// are the same as one Add of every document in order, whatever the number of workers. When ctx
// ends, the batch in hand is committed and the sources the writer had not reached are reported
// not attempted. A batch the store refuses is reported document by document, and the next is
// tried; the error returned joins those refusals and the interruption.
func (p *Pipeline) Ingest(ctx context.Context, sources []Source, opts StreamOptions, ev Events) error {
	return p.stream(ctx, sources, opts, ev, p.add)
}

func (p *Pipeline) stream(ctx context.Context, sources []Source, opts StreamOptions, ev Events, storeDoc storeFunc) error {
	budget := newByteBudget(cmp.Or(opts.Budget, DefaultBudget))
	units := p.readAll(ctx, sources, budget)
	w := &writer{p: p, ev: ev, storeDoc: storeDoc, budget: budget, batchSize: cmp.Or(opts.Batch, DefaultBatch),
		stop: ctx, ctx: context.WithoutCancel(ctx), campaigns: campaignsDue{every: campaignBatches}}
	pending := map[int]*unit{} // the reorder buffer, bounded by the budget
	next := 0
	for {
		u, ok := receiveOrFlush(units, w)
		if !ok {
			break
		}
		pending[u.seq] = u
		for pending[next] != nil && ctx.Err() == nil && pending[next].complete {
			w.take(pending[next])
			delete(pending, next)
			next++
		}
	}
	w.flush()
	w.finish()
	for _, src := range sources[next:] {
		if ev.NotAttempted != nil {
			ev.NotAttempted(src.Name)
		}
	}
	if ctx.Err() != nil {
		w.errs = append(w.errs, fmt.Errorf("interrupted with %d of %d sources not attempted: %w", len(sources)-next, len(sources), context.Cause(ctx)))
	}
	return errors.Join(w.errs...)
}

// receiveOrFlush returns the next finished unit; when none is waiting, the writer stores what it
// has in hand first rather than hold it while the workers catch up.
func receiveOrFlush(units <-chan *unit, w *writer) (*unit, bool) {
	select {
	case u, ok := <-units:
		return u, ok
	default:
		w.flush()
		u, ok := <-units
		return u, ok
	}
}

// readAll hands the sources, in order and within the budget, to the workers, which read and
// extract them; it returns the channel of finished units, closed when all are done.
func (p *Pipeline) readAll(ctx context.Context, sources []Source, budget *byteBudget) <-chan *unit {
	jobs := make(chan *unit)
	go func() {
		defer close(jobs)
		least := budget.limit / minUnitsShare
		for i, src := range sources {
			w, err := budget.acquire(ctx, max(src.Size, least))
			if err != nil {
				return // interrupted: the writer reports the rest as not attempted
			}
			jobs <- &unit{seq: i, src: src, weight: w}
		}
	}()
	done := make(chan *unit, minUnitsShare) // as many as the budget lets be in flight: workers never wait for the writer
	var wg sync.WaitGroup
	for range p.workers {
		wg.Go(func() {
			for u := range jobs {
				p.read(ctx, u)
				done <- u
			}
		})
	}
	go func() {
		wg.Wait()
		close(done)
	}()
	return done
}

// read loads a unit's source and extracts its documents, unless ctx has ended.
func (p *Pipeline) read(ctx context.Context, u *unit) {
	if ctx.Err() != nil {
		return
	}
	var docs []model.Document
	u.src.Load(ctx, func(d model.Document) { docs = append(docs, d) }, func(err error) { u.errs = append(u.errs, err) })
	for _, d := range docs {
		if ctx.Err() != nil {
			return
		}
		pr := p.prepare(d)
		if pr.err != nil {
			u.errs = append(u.errs, pr.err)
		}
		u.docs = append(u.docs, pr)
	}
	u.complete = true
}
