package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/term"

	"github.com/wallwatch/wallwatch/internal/config"
	"github.com/wallwatch/wallwatch/internal/extract"
	"github.com/wallwatch/wallwatch/internal/ingest"
	"github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/pipeline"
	"github.com/wallwatch/wallwatch/internal/reference"
	"github.com/wallwatch/wallwatch/internal/store"
)

// settings binds the flags every database command shares to a config.
func settings(fs *flag.FlagSet, e env) *config.Config {
	c := config.FromEnv(config.Default(), e.getenv)
	fs.StringVar(&c.DB, "db", c.DB, "database file (env WALLWATCH_DB)")
	fs.StringVar(&c.LogLevel, "log-level", c.LogLevel, "log level: debug, info, warn or error (env WALLWATCH_LOG_LEVEL)")
	return &c
}

func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
}

// openStore validates the config and opens the database it names, creating it when missing.
func openStore(ctx context.Context, e env, c *config.Config) (*store.Store, bool) {
	if err := c.Validate(); err != nil {
		fmt.Fprintf(e.stderr, "wallwatch: %v\n", err)
		return nil, false
	}
	if dir := filepath.Dir(c.DB); !isDir(dir) {
		fmt.Fprintf(e.stderr, "wallwatch: --db %s: folder %s does not exist (create it, or give another --db)\n", c.DB, dir)
		return nil, false
	}
	s, err := store.Open(ctx, c.DB, store.WithHistory(link.History))
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch: open database %s: %v\n", c.DB, err)
		return nil, false
	}
	return s, true
}

// openExisting opens the database for a command that reads: a missing file is a mistyped --db,
// not a wish for an empty database that would answer every question with nothing.
func openExisting(ctx context.Context, e env, c *config.Config) (*store.Store, bool) {
	if _, err := os.Stat(c.DB); errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(e.stderr, "wallwatch: no database at %s (check --db or WALLWATCH_DB; 'wallwatch ingest --db %s PATH' creates one)\n", c.DB, c.DB)
		return nil, false
	}
	return openStore(ctx, e, c)
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// newPipeline builds the pipeline with every stage wired to its reference data, and returns that
// data for the servers.
func newPipeline(s *store.Store, c *config.Config, log *slog.Logger) (*pipeline.Pipeline, reference.Data, error) {
	stages, ref, err := newStages(c, log)
	if err != nil {
		return nil, ref, err
	}
	return pipeline.New(s, stages), ref, nil
}

// newStages loads the reference data and builds the stages from it.
func newStages(c *config.Config, log *slog.Logger) (pipeline.Stages, reference.Data, error) {
	started := time.Now()
	ref, err := reference.Load(*c)
	if err != nil {
		return pipeline.Stages{}, ref, err
	}
	log.Debug("reference data loaded", "duration", time.Since(started).Round(time.Millisecond), "actors", len(ref.Actors.All()))
	x, err := extract.New(ref.ExtractResources())
	if err != nil {
		return pipeline.Stages{}, ref, err
	}
	return pipeline.Stages{
		NearDuplicate: ingest.NearDuplicateDistance,
		Extract:       x.Extract,
		Link:          pipeline.NewLinker(ref.Actors.Family),
	}, ref, nil
}
