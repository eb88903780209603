// Package cli is wallwatch's command line: one file per subcommand, and all the wiring of
// config, logger, store and pipeline stages, top to bottom. Nothing imports it but main.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// Exit codes scripts can rely on.
const (
	exitOK      = 0
	exitFailed  = 1 // the command ran but something failed (an input, a lookup)
	exitUsage   = 2 // the command line was wrong
	exitPartial = 3 // a batch finished but some inputs failed

	exitInterrupted = 130 // stopped by Ctrl-C or SIGTERM, as shells report SIGINT
)

// env is what every command gets: its streams and the process environment.
type env struct {
	stdout, stderr io.Writer
	stdin          io.Reader
	getenv         func(string) string
	isTerminal     func(io.Writer) bool
}

type command struct {
	summary string
	run     func(ctx context.Context, e env, args []string) int
}

func commands() map[string]command {
	return map[string]command{
		"ingest":     {"read files, directories, URLs and feeds into the database", runIngest},
		"documents":  {"list or search stored documents", runDocuments},
		"document":   {"show one document's metadata and text", runDocument},
		"export":     {"write incidents as json, csv, geojson or stix, filtered as by incidents", runExport},
		"mentions":   {"show what extraction read from each document", runMentions},
		"incidents":  {"list incidents with filters, as a table, json, csv, geojson or stix", runIncidents},
		"incident":   {"show one incident with every claim and its quote", runIncident},
		"reprocess":  {"re-extract and re-link every stored document", runReprocess},
		"serve":      {"serve the web UI and the REST API", runServe},
		"waves":      {"find waves of incidents closer in time than chance, with their p-values", runWaves},
		"version":    {"print the version", runVersion},
		"gazetteer":  {"import a GeoNames dump as the gazetteer (gazetteer import FILE)", runGazetteer},
		"sources":    {"watch feeds, pages and JSON Lines endpoints: add, list, rm, pause, resume", runSources},
		"alerts":     {"alert rules, samples and the delivery log: add, list, rm, pause, resume, test, log", runAlerts},
		"review":     {"correct, merge, split, hide and grade incidents and judge claims (review ACTION)", runReview},
		"audit":      {"list the review log: who changed what, when and why", runAudit},
		"users":      {"accounts: add (the first admin: users add --admin), list, rm", runUsers},
		"tokens":     {"API tokens: add (printed once), list, revoke", runTokens},
		"facilities": {"list the facilities incidents name, with the ids review takes", runFacilities},
	}
}

// Main runs wallwatch with the given arguments and returns the process exit code.
func Main(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // the command is winding down; a second Ctrl-C ends the process at once
	}()
	e := env{stdout: os.Stdout, stderr: os.Stderr, stdin: os.Stdin, getenv: os.Getenv, isTerminal: isTerminal}
	return run(ctx, e, args)
}

func run(ctx context.Context, e env, args []string) int {
	cmds := commands()
	switch {
	case len(args) == 0:
		usage(e.stderr, cmds)
		return exitUsage
	case args[0] == "-h" || args[0] == "--help" || args[0] == "help":
		usage(e.stdout, cmds)
		return exitOK
	case args[0] == "--version" || args[0] == "-version":
		return runVersion(ctx, e, args[1:])
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "wallwatch: unknown command %q\n\n", args[0])
		usage(e.stderr, cmds)
		return exitUsage
	}
	return c.run(ctx, e, args[1:])
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprint(w, "wallwatch turns open-source reporting on prison attacks into a sourced incident database.\n\nUsage: wallwatch COMMAND [flags] [args]\n\nCommands:\n")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprint(w, "\nEvery command takes --db FILE (default ./wallwatch.db, env WALLWATCH_DB) and --help.\n"+
		"Run 'wallwatch COMMAND --help' for a command's flags and examples; 'wallwatch --version' prints the version.\n\n"+
		"Examples:\n  wallwatch ingest articles/\n  wallwatch incidents --country Nigeria --sort escaped\n"+
		"  wallwatch export --format csv --output incidents.csv\n  wallwatch serve\n")
}

// parseFlags parses a subcommand's flags, printing help on --help. Flags may come before or after
// the arguments ("incident ID --format json"), as users expect; "--" ends the flags. It returns a
// non-negative exit code when the command should stop there.
func parseFlags(fs *flag.FlagSet, e env, args []string) int {
	var flagErr strings.Builder
	fs.SetOutput(&flagErr) // flag writes its error and the whole help there; only the error is shown
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(e.stdout)
				fs.Usage()
				return exitOK
			}
			fmt.Fprintf(e.stderr, "wallwatch %s: %v (see 'wallwatch %s --help')\n", fs.Name(), err, fs.Name())
			return exitUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			positional = append(positional, rest...) // the caller ended the flags
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	if err := fs.Parse(append([]string{"--"}, positional...)); err != nil {
		return exitUsage
	}
	return -1
}

// newFlagSet makes a subcommand's flag set whose help names its arguments and shows examples.
func newFlagSet(name, argsUsage, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() { printHelp(fs.Output(), fs, argsUsage, summary) }
	return fs
}
