package cli

import (
	"context"
	"fmt"
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
	s, ok := openStore(ctx, e, c)
	if !ok {
		return exitFailed
	}
	defer s.Close()
	log := newLogger(e.stderr, c.LogLevel)
	p, ref, err := newPipeline(s, c, log)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch ingest: %v\n", err)
		return exitFailed
	}
	loader := ingest.NewLoader(opts, log)
	inputs, errs := ingest.Expand(fs.Args())
	b := &batcher{ctx: ctx, p: p, e: e, progress: newProgress(e, len(inputs))}
	for _, err := range errs {
		b.fail(err)
	}
	for _, in := range inputs {
		if ctx.Err() != nil {
			break
		}
		loader.Load(ctx, in, b.add, b.fail)
		b.progress.step()
	}
	b.flush()
	b.progress.done()
	if b.counts[pipeline.Stored]+b.counts[pipeline.NearDuplicate] > 0 {
		if err := s.Optimize(ctx); err != nil {
			log.Warn("refresh query statistics", "err", err)
		}
		refreshWaves(ctx, s, ref, log)
	}
	fmt.Fprintf(e.stdout, "%d new, %d duplicates, %d near-duplicates, %d failed\n", b.counts[pipeline.Stored],
		b.counts[pipeline.Duplicate], b.counts[pipeline.NearDuplicate], b.failed)
	switch {
	case b.fatal:
		return exitFailed
	case b.failed > 0:
		return exitPartial
	}
	return exitOK
}

// batcher collects loaded documents and hands them to the pipeline in batches.
type batcher struct {
	ctx      context.Context
	p        *pipeline.Pipeline
	e        env
	progress *progress
	pending  []model.Document
	counts   map[pipeline.Outcome]int
	failed   int
	fatal    bool // the store failed: later batches are not attempted
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
	if len(b.pending) == 0 || b.fatal {
		return
	}
	if b.counts == nil {
		b.counts = map[pipeline.Outcome]int{}
	}
	results, err := b.p.Add(b.ctx, b.pending)
	if err != nil {
		b.fatal = true
		b.failed += len(b.pending)
		b.progress.clear()
		fmt.Fprintf(b.e.stderr, "wallwatch ingest: storing %d documents: %v\n", len(b.pending), err)
	}
	for _, r := range results {
		b.counts[r.Outcome]++
		b.progress.document()
	}
	b.pending = b.pending[:0]
}
