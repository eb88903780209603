package cli

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/wallwatch/wallwatch/internal/analyse"
	"github.com/wallwatch/wallwatch/internal/export"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
	"github.com/wallwatch/wallwatch/internal/reference"
	"github.com/wallwatch/wallwatch/internal/store"
)

// refreshWaves recomputes the waves with the default parameters after the incidents changed. A
// failure is reported but does not fail the ingest that stored them.
func refreshWaves(ctx context.Context, s *store.Store, ref reference.Data, log *slog.Logger) {
	started := time.Now()
	r, err := pipeline.RefreshWaves(ctx, s, ref.Actors.Family, analyse.DefaultParams(), time.Now())
	if err != nil {
		log.Warn("waves not refreshed; run wallwatch waves", "err", err)
		return
	}
	log.Debug("waves refreshed", "waves", len(r.Analysis.Waves), "new", strings.Join(r.New, ","),
		"incidents", r.Analysis.Method.StudyIncidents, "duration", time.Since(started).Round(time.Millisecond))
}

func runWaves(ctx context.Context, e env, args []string) int {
	fs := newFlagSet("waves", "", "Find waves: clusters of incidents in time beyond what the baseline rate predicts (temporal scan\nstatistic, Monte Carlo p-value; see docs/waves.md). Stores the result, which the web UI and API show.")
	c := settings(fs, e)
	p := analyse.DefaultParams()
	fs.IntVar(&p.WindowDays, "window", p.WindowDays, "longest window scanned, in `days`")
	fs.IntVar(&p.MinIncidents, "min", p.MinIncidents, "fewest incidents a wave holds")
	fs.Float64Var(&p.Alpha, "alpha", p.Alpha, "significance level")
	fs.IntVar(&p.Replications, "replications", p.Replications, "Monte Carlo replications")
	fs.Uint64Var(&p.Seed, "seed", p.Seed, "seed of the replications")
	since := fs.String("since", "", "start of the baseline period `YYYY-MM-DD` (default: the first incident)")
	until := fs.String("until", "", "end of the baseline period `YYYY-MM-DD` (default: the last incident)")
	types := fs.String("types", joinTypes(p.Types), "incident types analysed, comma-separated")
	by := fs.String("by", "", "also require one `group`: family (actor family) or country, tested with the space-time permutation scan")
	format := fs.String("format", "table", "output format: table or json")
	if code := parseFlags(fs, e, args); code >= 0 {
		return code
	}
	p.By = analyse.Grouping(*by)
	if err := parseWaveFlags(&p, *since, *until, *types); err != nil || (*format != "table" && *format != "json") {
		fmt.Fprintf(e.stderr, "wallwatch waves: %v (see --help)\n", orFormat(err, *format))
		return exitUsage
	}
	s, ok := openStore(ctx, e, c)
	if !ok {
		return exitFailed
	}
	defer s.Close()
	ref, err := reference.Load(*c)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch waves: %v\n", err)
		return exitFailed
	}
	r, err := pipeline.RefreshWaves(ctx, s, ref.Actors.Family, p, time.Now())
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch waves: %v\n", err)
		return exitFailed
	}
	if *format == "json" {
		return writeJSON(e, export.FromWaveAnalysis(r.Analysis))
	}
	printWaves(e, r.Analysis)
	return exitOK
}

func parseWaveFlags(p *analyse.Params, since, until, types string) error {
	for _, f := range []struct {
		name, value string
		dst         **time.Time
	}{{"since", since, &p.Since}, {"until", until, &p.Until}} {
		if f.value == "" {
			continue
		}
		t, err := time.Parse(model.DateLayout, f.value)
		if err != nil {
			return fmt.Errorf("--%s %q: want YYYY-MM-DD", f.name, f.value)
		}
		*f.dst = &t
	}
	p.Types = nil
	for _, t := range strings.Split(types, ",") {
		if t = strings.TrimSpace(t); t != "" {
			p.Types = append(p.Types, model.EventType(t))
		}
	}
	if len(p.Types) == 0 {
		return fmt.Errorf("--types: name at least one incident type")
	}
	return p.Validate()
}

func orFormat(err error, format string) error {
	if err != nil {
		return err
	}
	return fmt.Errorf("--format %q: want table or json", format)
}

func joinTypes(ts []model.EventType) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = string(t)
	}
	return strings.Join(s, ",")
}

func printWaves(e env, a model.WaveAnalysis) {
	m := a.Method
	if m.By != "" {
		fmt.Fprintf(e.stdout, "by %s: ", m.By)
	}
	fmt.Fprintf(e.stdout, "%s over %d incidents from %s to %s: windows up to %d days, at least %d incidents, α = %g, %d replications (seed %d)\n",
		m.Name, m.StudyIncidents, m.Since.Format(model.DateLayout), m.Until.Format(model.DateLayout), m.WindowDays, m.MinIncidents, m.Alpha, m.Replications, m.Seed)
	if len(a.Waves) == 0 {
		fmt.Fprintln(e.stdout, "no wave")
		return
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTART\tEND\tGROUP\tINCIDENTS\tEXPECTED\tP\tCOUNTRIES\tSHARED ACTORS")
	for _, w := range a.Waves {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%.3f\t%.3f\t%s\t%s\n", w.ID, w.Start.Format(model.DateLayout), w.End.Format(model.DateLayout),
			orDash(w.Group), w.Observed, w.Expected, w.PValue, strings.Join(w.Countries, " "), orDash(strings.Join(w.Shared, ", ")))
	}
	tw.Flush()
}
