package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/wallwatch/wallwatch/internal/store"
)

func runFacilities(ctx context.Context, e env, args []string) int {
	fs := newFlagSet("facilities", "", "List the facilities incidents name, most incidents first: the id review takes, the spellings\n(most given first), where, how many incidents and from when to when.")
	c := settings(fs, e)
	format := fs.String("format", "table", "output format: table or json")
	if code := parseFlags(fs, e, args); code >= 0 {
		return code
	}
	s, ok := openExisting(ctx, e, c)
	if !ok {
		return exitFailed
	}
	defer s.Close()
	all, err := s.Facilities(ctx)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch facilities: %v\n", err)
		return exitFailed
	}
	if *format == "json" {
		if all == nil {
			all = []store.Facility{}
		}
		return writeJSON(e, all)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tFACILITY\tCOUNTRY\tPLACE\tINCIDENTS\tFROM\tTO")
	for _, f := range all {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", f.ID, truncate(strings.Join(f.Names, " / "), 50), f.Country,
			orDash(f.Place), f.Incidents, orDash(f.First), orDash(f.Last))
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintf(e.stderr, "wallwatch facilities: %v\n", err)
		return exitFailed
	}
	return exitOK
}
