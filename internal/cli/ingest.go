package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/ingest"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
)

// batchSize is how many documents share one write transaction: large enough that commits do not
// dominate, small enough that a crash loses little.
const batchSize = 200

func runIngest(ctx context.Context, e env, args []string) int {
	fs := newFlagSet("ingest", "PATH|URL...",
		"Read articles from files, directories (recursively), http(s) URLs and RSS/Atom feeds:\nplain text with a DATE:/URL:/TITLE: header, HTML, feeds, JSON Lines, and gzip of any.")
	c := settings(fs, e)
	published := fs.String("published", "", "publication date `YYYY-MM-DD` for every document, overriding what they say")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching from loopback, private and link-local addresses")
	followLinks := fs.Bool("follow-links", false, "for feeds, fetch each item's page and use its main text")
	maxBytes := fs.Int64("max-bytes", 10<<20, "size limit of one file or response body, in bytes")
	if code := parseFlags(fs, e, args); code >= 0 {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "wallwatch ingest: give at least one PATH or URL (see --help)")
		return exitUsage
	}
	opts := ingest.Options{AllowPrivate: *allowPrivate, FollowLinks: *followLinks, MaxBytes: *maxBytes, Version: Version()}
	if *published != "" {
		t, err := time.Parse(model.DateLayout, *published)
		if err != nil {
			fmt.Fprintf(e.stderr, "wallwatch ingest: --published %q: want YYYY-MM-DD\n", *published)
			return exitUsage
		}
		opts.Published = &t
	}
	// Opening takes milliseconds; an interrupt is handled below, where what was not done is reported.
	s, ok := openStore(context.WithoutCancel(ctx), e, c)
	if !ok {
		return exitFailed
	}
	defer s.Close()
	log := newLogger(e.stderr, c.LogLevel)
	pending := loadPipeline(s, c, log)
	select {
	case <-pending.done:
	case <-ctx.Done(): // loading takes seconds: do not make Ctrl-C wait for it
		reportNotAttempted(e, fs.Args())
		return exitInterrupted
	}
	if pending.err != nil {
		fmt.Fprintf(e.stderr, "wallwatch ingest: %v\n", pending.err)
		return exitFailed
	}
	loader := ingest.NewLoader(opts, log)
	x := ingest.Expand(fs.Args())
	b := &batcher{ctx: ctx, p: pending.p, e: e, progress: newProgress(e, len(x.Inputs), "inputs"), counts: map[pipeline.Outcome]int{}}
	for _, err := range x.Errs {
		b.fail(err)
	}
	var notAttempted []string
	for i, in := range x.Inputs {
		if ctx.Err() != nil {
			notAttempted = x.Inputs[i:]
			break
		}
		loader.Load(ctx, in, b.add, b.fail)
		b.progress.step()
	}
	b.finish()
	b.progress.done()
	if b.stored() > 0 {
		if err := s.Optimize(context.WithoutCancel(ctx)); err != nil {
			log.Warn("refresh query statistics", "err", err)
		}
		refreshWaves(ctx, s, pending.ref, log)
	}
	reportSkipped(e, x.Skipped)
	return b.report(notAttempted)
}

// reportSkipped says how many files directory walks left out and why, so that a missing document
// is not a mystery; skipping is not a failure.
func reportSkipped(e env, skipped map[string]int) {
	if len(skipped) == 0 {
		return
	}
	n, exts := 0, make([]string, 0, len(skipped))
	for ext, count := range skipped {
		n += count
		if ext == "" {
			ext = "no extension"
		}
		exts = append(exts, fmt.Sprintf("%s: %d", ext, count))
	}
	slices.Sort(exts)
	fmt.Fprintf(e.stderr, "wallwatch ingest: skipped %d %s in directories that are no document type (%s); name a file to try it anyway\n",
		n, plural(n, "file", "files"), strings.Join(exts, ", "))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// report prints the summary, and what was not done when interrupted, and returns the exit code.
func (b *batcher) report(notAttempted []string) int {
	fmt.Fprintf(b.e.stdout, "%d new, %d duplicates, %d near-duplicates, %d failed\n", b.counts[pipeline.Stored],
		b.counts[pipeline.Duplicate], b.counts[pipeline.NearDuplicate], b.failed)
	switch {
	case b.ctx.Err() != nil:
		if b.unstored > 0 {
			fmt.Fprintf(b.e.stderr, "wallwatch ingest: interrupted; %d documents read but not stored (listed above)\n", b.unstored)
		}
		reportNotAttempted(b.e, notAttempted)
		return exitInterrupted
	case b.storeFailed && b.stored() == 0:
		return exitFailed
	case b.failed > 0:
		return exitPartial
	}
	return exitOK
}

// reportNotAttempted lists the inputs an interrupted ingest did not start, so that they can be
// given again (documents already stored are skipped as duplicates then).
func reportNotAttempted(e env, inputs []string) {
	fmt.Fprintf(e.stderr, "wallwatch ingest: interrupted; %d inputs not attempted\n", len(inputs))
	for _, in := range inputs {
		fmt.Fprintf(e.stderr, "not attempted: %s\n", in)
	}
}

// interruptGrace is how long an interrupted ingest goes on storing the documents it has already
// read before it stops, so that Ctrl-C takes effect within a second and keeps what it can.
const interruptGrace = 500 * time.Millisecond

// batcher collects loaded documents and hands them to the pipeline in batches. A batch the store
// cannot take (locked by another writer past the busy timeout, disk full) is reported document by
// document and the next batch is tried.
type batcher struct {
	ctx         context.Context
	grace       context.Context // once ctx ends: the short while left to store what was read
	stopGrace   context.CancelFunc
	p           *pipeline.Pipeline
	e           env
	progress    *progress
	pending     []model.Document
	counts      map[pipeline.Outcome]int
	failed      int
	unstored    int // read but not stored when interrupted
	storeFailed bool
}

func (b *batcher) add(d model.Document) {
	b.pending = append(b.pending, d)
	if len(b.pending) >= batchSize {
		b.flush()
	}
}

func (b *batcher) fail(err error) {
	b.failed++
	b.progress.clear()
	fmt.Fprintf(b.e.stderr, "wallwatch ingest: %v\n", err)
}

func (b *batcher) flush() {
	if len(b.pending) == 0 {
		return
	}
	results, err := b.p.Add(b.storeContext(), b.pending)
	for _, r := range results {
		b.counts[r.Outcome]++
		b.progress.document()
	}
	if rest := b.pending[len(results):]; err != nil && len(rest) > 0 {
		b.progress.clear()
		reason := "interrupted"
		if b.ctx.Err() == nil {
			b.storeFailed = true
			b.failed += len(rest)
			reason = err.Error()
			fmt.Fprintf(b.e.stderr, "wallwatch ingest: storing %d documents: %v\n", len(rest), err)
		} else {
			b.unstored += len(rest)
		}
		for _, d := range rest {
			fmt.Fprintf(b.e.stderr, "not stored: %s (%s)\n", d.Source, reason)
		}
	}
	b.pending = b.pending[:0]
}

// stored counts the documents stored, copies included.
func (b *batcher) stored() int { return b.counts[pipeline.Stored] + b.counts[pipeline.NearDuplicate] }

// finish stores what is left.
func (b *batcher) finish() {
	b.flush()
	if b.stopGrace != nil {
		b.stopGrace()
	}
}

// storeContext is the context batches are stored under: the command's until it is interrupted,
// then one that ends interruptGrace later.
func (b *batcher) storeContext() context.Context {
	if b.ctx.Err() == nil {
		return b.ctx
	}
	if b.grace == nil {
		b.grace, b.stopGrace = context.WithTimeout(context.WithoutCancel(b.ctx), interruptGrace)
	}
	return b.grace
}
