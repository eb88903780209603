package cli

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/extract"
	"github.com/wallwatch/wallwatch/internal/ingest"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
)

func runIngest(ctx context.Context, e env, args []string) int {
	fs := newFlagSet("ingest", "PATH|URL...",
		"Read articles from files, directories (recursively), http(s) URLs and RSS/Atom feeds:\nplain text with a DATE:/URL:/TITLE: header, HTML, feeds, JSON Lines, and gzip of any.")
	c := settings(fs, e)
	published := fs.String("published", "", "publication date `YYYY-MM-DD` for every document, overriding what they say")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching from loopback, private and link-local addresses")
	followLinks := fs.Bool("follow-links", false, "for feeds, fetch each item's page and use its main text")
	maxBytes := fs.Int64("max-bytes", 10<<20, "size limit of one file or response body, in bytes")
	var mf markingFlags
	fs.StringVar(&mf.tlp, "tlp", "CLEAR", "TLP 2.0 `marking` of every document: CLEAR, GREEN, AMBER, AMBER+STRICT or RED (docs/accounts.md)")
	fs.StringVar(&mf.org, "org", "", "the `organisation` that owns the documents (needed for AMBER, AMBER+STRICT and RED)")
	if code := parseFlags(fs, e, args); code >= 0 {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "wallwatch ingest: give at least one PATH or URL (see --help)")
		return exitUsage
	}
	marking, err := mf.marking()
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch ingest: %v\n", err)
		return exitUsage
	}
	opts := ingest.Options{AllowPrivate: *allowPrivate, FollowLinks: *followLinks, MaxBytes: *maxBytes, Version: Version(),
		TLP: marking, Org: mf.org}
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
	if code := checkOrganisation(ctx, e, s, "ingest", mf.org); code >= 0 {
		return code
	}
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
	t := newTally(e, len(x.Inputs))
	for _, err := range x.Errs {
		t.fail(err)
	}
	sources := make([]pipeline.Source, len(x.Inputs))
	for i, in := range x.Inputs {
		sources[i] = sourceOf(loader, in, *maxBytes)
	}
	t.storeAll(ctx, pending.p, sources, pipeline.StreamOptions{})
	if t.stored() > 0 {
		if err := s.Optimize(context.WithoutCancel(ctx)); err != nil {
			log.Warn("refresh query statistics", "err", err)
		}
		refreshWaves(context.WithoutCancel(ctx), s, pending.ref, log)
	}
	reportSkipped(e, x.Skipped)
	return t.report(ctx)
}

// undatable reports a document that gives no publication date, no month in its URL's path and
// no date of its own to read its weekdays and "yesterday"s against: nothing it tells can be dated.
func undatable(d model.Document) bool {
	_, ok := extract.ReferenceOf(d)
	return !ok
}

// sourceOf makes an input a source for the pipeline's workers, sized by what reading it holds:
// a file's size, or the body limit for a URL.
func sourceOf(loader *ingest.Loader, input string, maxBytes int64) pipeline.Source {
	size := maxBytes
	if info, err := os.Stat(input); err == nil {
		size = min(info.Size(), maxBytes)
	}
	return pipeline.Source{Name: input, Size: size, Load: func(ctx context.Context, emit func(model.Document), fail func(error)) {
		loader.Load(ctx, input, emit, fail)
	}}
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
func (t *tally) report(ctx context.Context) int {
	fmt.Fprintf(t.e.stdout, "%d new, %d duplicates, %d near-duplicates, %d failed\n", t.counts[pipeline.Stored],
		t.counts[pipeline.Duplicate], t.counts[pipeline.NearDuplicate], t.failed)
	fmt.Fprintf(t.e.stdout, "%d %s of %d %s\n", t.mentions, plural(t.mentions, "mention", "mentions"),
		len(t.incidents), plural(len(t.incidents), "incident", "incidents"))
	switch {
	case ctx.Err() != nil:
		if t.unstored > 0 {
			fmt.Fprintf(t.e.stderr, "wallwatch ingest: interrupted; %d documents read but not stored (listed above)\n", t.unstored)
		}
		reportNotAttempted(t.e, t.notAttempted)
		return exitInterrupted
	case t.storeFailed && t.stored() == 0:
		return exitFailed
	case t.failed > 0:
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

// tally counts and reports what the pipeline made of the inputs. A batch the store cannot take
// (locked by another writer past the busy timeout, disk full) is reported document by document,
// and the pipeline tries the next.
type tally struct {
	e            env
	progress     *progress
	counts       map[pipeline.Outcome]int
	failed       int
	unstored     int // read but not stored when interrupted
	storeFailed  bool
	notAttempted []string
	mentions     int             // incidents the stored documents were found to describe
	incidents    map[string]bool // the incidents they made or joined
}

func newTally(e env, inputs int) *tally {
	return &tally{e: e, progress: newProgress(e, inputs, "inputs"), counts: map[pipeline.Outcome]int{}, incidents: map[string]bool{}}
}

// storeAll runs the sources through the pipeline's workers and writer, tallying as it goes.
func (t *tally) storeAll(ctx context.Context, p *pipeline.Pipeline, sources []pipeline.Source, opts pipeline.StreamOptions) {
	// What went wrong is reported through the events, document by document.
	_ = p.Ingest(ctx, sources, opts, pipeline.Events{
		Result: func(r pipeline.Result) {
			t.counts[r.Outcome]++
			t.progress.document()
			t.mentions += r.Mentions
			for _, id := range r.Incidents {
				t.incidents[id] = true
			}
			if r.Outcome != pipeline.Duplicate && undatable(r.Document) {
				t.progress.clear()
				fmt.Fprintf(t.e.stderr, "wallwatch ingest: %s: no publication date and no dated sentence: its incidents stay undated unless another report dates them; give --published\n", r.Document.Source)
			}
		},
		Failed:       t.fail,
		NotStored:    func(docs []model.Document, err error) { t.notStored(ctx, docs, err) },
		NotAttempted: func(input string) { t.notAttempted = append(t.notAttempted, input) },
		Done:         func(string) { t.progress.step() },
	})
	t.progress.done()
}

func (t *tally) fail(err error) {
	t.failed++
	t.progress.clear()
	fmt.Fprintf(t.e.stderr, "wallwatch ingest: %v\n", err)
}

func (t *tally) notStored(ctx context.Context, docs []model.Document, err error) {
	t.progress.clear()
	reason := "interrupted"
	if ctx.Err() == nil {
		t.storeFailed = true
		t.failed += len(docs)
		reason = err.Error()
		fmt.Fprintf(t.e.stderr, "wallwatch ingest: storing %d documents: %v\n", len(docs), err)
	} else {
		t.unstored += len(docs)
	}
	for _, d := range docs {
		fmt.Fprintf(t.e.stderr, "not stored: %s (%s)\n", d.Source, reason)
	}
}

// stored counts the documents stored, copies included.
func (t *tally) stored() int { return t.counts[pipeline.Stored] + t.counts[pipeline.NearDuplicate] }
