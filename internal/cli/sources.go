package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/watch"
)

// subcommand is one verb of a command with verbs (sources add, alerts test...).
type subcommand struct {
	argsUsage, summary string
	run                func(ctx context.Context, e env, s *store.Store, args []string) int
	flags              func(fs *flag.FlagSet) // binds the verb's own flags; nil: none
}

// runVerbs runs "wallwatch NAME VERB [flags] [args]" against the database.
func runVerbs(ctx context.Context, e env, name string, verbs map[string]subcommand, order []string, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		w, code := e.stdout, exitOK
		if len(args) == 0 {
			w, code = e.stderr, exitUsage
		}
		fmt.Fprintf(w, "Usage: wallwatch %s VERB [flags] [args]\n\nVerbs:\n", name)
		for _, v := range order {
			first, _, _ := strings.Cut(verbs[v].summary, "\n")
			fmt.Fprintf(w, "  %-8s %s\n", v, first)
		}
		fmt.Fprintf(w, "\nRun 'wallwatch %s VERB --help' for a verb's flags.\n", name)
		return code
	}
	v, ok := verbs[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "wallwatch %s: unknown verb %q (see 'wallwatch %s --help')\n", name, args[0], name)
		return exitUsage
	}
	fs := newFlagSet(name+" "+args[0], v.argsUsage, v.summary)
	c := settings(fs, e)
	if v.flags != nil {
		v.flags(fs)
	}
	if code := parseFlags(fs, e, args[1:]); code >= 0 {
		return code
	}
	s, ok := openStore(ctx, e, c)
	if !ok {
		return exitFailed
	}
	defer s.Close()
	return v.run(ctx, e, s, fs.Args())
}

// sourcesFlags are the flags of "sources add" and "sources list".
type sourcesFlags struct {
	every   time.Duration
	follow  bool
	format  string
	marking markingFlags
}

func runSources(ctx context.Context, e env, args []string) int {
	f := &sourcesFlags{}
	verbs := map[string]subcommand{
		"add": {"URL", "Watch a feed (RSS/Atom), page or JSON Lines endpoint: wallwatch serve polls it.\nIt asks with conditional GETs and ingests what is new.\nExample: wallwatch sources add --every 10m https://news.example.org/feed.xml",
			func(ctx context.Context, e env, s *store.Store, args []string) int {
				return addSource(ctx, e, s, f, args)
			},
			func(fs *flag.FlagSet) {
				fs.DurationVar(&f.every, "every", watch.DefaultInterval, "poll interval")
				fs.BoolVar(&f.follow, "follow-links", false, "fetch each feed item's article and read its main text")
				fs.StringVar(&f.marking.tlp, "tlp", "CLEAR", "TLP 2.0 `marking` of the documents it brings (docs/accounts.md)")
				fs.StringVar(&f.marking.org, "org", "", "the `organisation` that owns the source and its documents (needed for AMBER and above)")
			}},
		"list": {"", "List the watched sources with their health: last success, last error, items seen, new documents, next poll.",
			func(ctx context.Context, e env, s *store.Store, _ []string) int {
				return listSources(ctx, e, s, f.format)
			},
			func(fs *flag.FlagSet) { fs.StringVar(&f.format, "format", "table", "output format: table or json") }},
		"rm":     {"ID", "Stop watching a source (its documents stay).", sourceVerb("rm"), nil},
		"pause":  {"ID", "Stop polling a source until resumed.", sourceVerb("pause"), nil},
		"resume": {"ID", "Poll a paused source again, at once.", sourceVerb("resume"), nil},
	}
	return runVerbs(ctx, e, "sources", verbs, []string{"add", "list", "rm", "pause", "resume"}, args)
}

func addSource(ctx context.Context, e env, s *store.Store, f *sourcesFlags, args []string) int {
	if len(args) != 1 {
		fmt.Fprintln(e.stderr, "wallwatch sources add: give exactly one URL")
		return exitUsage
	}
	src, err := watch.NewSource(args[0], f.every, f.follow, time.Now())
	if err == nil {
		src.TLP, err = f.marking.marking()
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch sources add: %v\n", err)
		return exitUsage
	}
	if code := checkOrganisation(ctx, e, s, "sources add", f.marking.org); code >= 0 {
		return code
	}
	src.Org = f.marking.org
	id, err := s.AddWatchSource(ctx, src)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch sources add: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "source %d: %s, every %v; wallwatch serve polls it\n", id, src.URL, src.Interval)
	return exitOK
}

func listSources(ctx context.Context, e env, s *store.Store, format string) int {
	srcs, err := s.WatchSources(ctx)
	views := []api.SourceJSON{}
	for _, src := range srcs {
		views = append(views, api.SourceView(src, time.Now()))
	}
	return printRecords(e, "sources list", format, err, views, "ID\tSTATUS\tEVERY\tITEMS\tNEW\t304s\tLAST SUCCESS\tNEXT POLL\tURL\tLAST ERROR",
		func(v api.SourceJSON) string {
			return fmt.Sprintf("%d\t%s\t%gs\t%d\t%d\t%d\t%s\t%s\t%s\t%s", v.ID, v.Status, v.IntervalSeconds, v.ItemsSeen, v.NewDocuments,
				v.NotModified, stamp(v.LastSuccess), stamp(v.NextPoll), v.URL, v.LastError)
		})
}

// printRecords writes what a list verb read — or the error reading it — as JSON or as a table of
// a header and one row per record (tab-separated cells).
func printRecords[T any](e env, name, format string, err error, records []T, header string, row func(T) string) int {
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch %s: %v\n", name, err)
		return exitFailed
	}
	switch format {
	case "json":
		return writeJSON(e, records)
	case "table":
	default:
		fmt.Fprintf(e.stderr, "wallwatch %s: --format %q: want table or json\n", name, format)
		return exitUsage
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, header)
	for _, r := range records {
		fmt.Fprintln(tw, row(r))
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintf(e.stderr, "wallwatch: %v\n", err)
		return exitFailed
	}
	return exitOK
}

func stamp(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04:05")
}

// sourceVerb runs rm, pause or resume on the source named by the one argument.
func sourceVerb(verb string) func(ctx context.Context, e env, s *store.Store, args []string) int {
	return func(ctx context.Context, e env, s *store.Store, args []string) int {
		id, ok := oneID(e, "sources", verb, args)
		if !ok {
			return exitUsage
		}
		var err error
		switch verb {
		case "rm":
			err = s.DeleteWatchSource(ctx, id)
		default:
			err = s.PauseWatchSource(ctx, id, verb == "pause", time.Now())
		}
		return reportVerb(e, "sources", verb, id, err)
	}
}

// oneID reads the one ID argument of "wallwatch COMMAND VERB ID".
func oneID(e env, command, verb string, args []string) (int64, bool) {
	if len(args) == 1 {
		if id, err := strconv.ParseInt(args[0], 10, 64); err == nil && id > 0 {
			return id, true
		}
	}
	fmt.Fprintf(e.stderr, "wallwatch %s %s: give one ID (see 'wallwatch %s list')\n", command, verb, command)
	return 0, false
}

// reportVerb says how "wallwatch COMMAND VERB ID" went.
func reportVerb(e env, command, verb string, id int64, err error) int {
	switch {
	case errors.Is(err, store.ErrNotFound):
		fmt.Fprintf(e.stderr, "wallwatch %s %s: no %d (see 'wallwatch %s list')\n", command, verb, id, command)
		return exitFailed
	case err != nil:
		fmt.Fprintf(e.stderr, "wallwatch %s %s: %v\n", command, verb, err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "%s %d: %s done\n", command, id, verb)
	return exitOK
}
