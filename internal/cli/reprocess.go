package cli

import (
	"context"
	"fmt"

	"github.com/wallwatch/wallwatch/internal/pipeline"
)

// reprocessBatch is larger than ingest's batches: reprocess rewrites every incident, and fewer
// commits write fewer pages twice; a writer meanwhile still waits under a second.
const reprocessBatch = 256

func runReprocess(ctx context.Context, e env, args []string) int {
	fs := newFlagSet("reprocess", "", "Re-extract and re-link every stored document, after an upgrade of rules or reference data.")
	c := settings(fs, e)
	if code := parseFlags(fs, e, args); code >= 0 {
		return code
	}
	s, ok := openExisting(ctx, e, c)
	if !ok {
		return exitFailed
	}
	defer s.Close()
	log := newLogger(e.stderr, c.LogLevel)
	p, ref, err := newPipeline(s, c, log)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch reprocess: %v\n", err)
		return exitFailed
	}
	total, err := s.CountDocuments(ctx)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch reprocess: %v\n", err)
		return exitFailed
	}
	bar := newProgress(e, total, "documents")
	docs, mentions, err := p.Reprocess(ctx, pipeline.StreamOptions{Batch: reprocessBatch}, pipeline.Events{
		Result: func(pipeline.Result) { bar.document() },
		Done:   func(string) { bar.step() },
		Failed: func(err error) { bar.clear(); fmt.Fprintf(e.stderr, "wallwatch reprocess: %v\n", err) },
	})
	bar.done()
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch reprocess: %v; run it again to finish\n", err)
		if ctx.Err() != nil {
			return exitInterrupted
		}
		return exitFailed
	}
	refreshWaves(ctx, s, ref, log)
	n, _ := s.CountIncidents(ctx)
	fmt.Fprintf(e.stdout, "%d documents, %d mentions, %d incidents\n", docs, mentions, n)
	return exitOK
}
