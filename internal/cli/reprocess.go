package cli

import (
	"context"
	"fmt"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
)

func runReprocess(ctx context.Context, e env, args []string) int {
	fs := newFlagSet("reprocess", "", "Re-extract and re-link every stored document, after an upgrade of rules or reference data.\nOn a terminal a bar shows the extraction; linking follows in one go.")
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
	stages, ref, err := newStages(c, log)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch reprocess: %v\n", err)
		return exitFailed
	}
	ids, err := s.DocumentIDs(ctx)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch reprocess: %v\n", err)
		return exitFailed
	}
	stages.Extract = withProgress(stages.Extract, newProgress(e, len(ids), "documents"), e)
	docs, mentions, err := pipeline.New(s, stages).Reprocess(ctx)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch reprocess: %v\n", err)
		return exitFailed
	}
	refreshWaves(ctx, s, ref, log)
	n, _ := s.CountIncidents(ctx)
	fmt.Fprintf(e.stdout, "%d documents, %d mentions, %d incidents\n", docs, mentions, n)
	return exitOK
}

// withProgress counts the documents extract reads on bar, and says when linking starts: the
// pipeline links them all at the end.
func withProgress(extract func(model.Document) []model.Mention, bar *progress, e env) func(model.Document) []model.Mention {
	return func(d model.Document) []model.Mention {
		ms := extract(d)
		bar.document()
		bar.step()
		if bar.inputs == bar.total && bar.on {
			bar.done()
			fmt.Fprintln(e.stderr, "wallwatch reprocess: linking…")
		}
		return ms
	}
}
