package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/alert"
	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// ruleFlags are the flags of "alerts add".
type ruleFlags struct {
	rule   model.AlertRule
	text   alert.RuleText
	format string
	ruleID int64
}

func (f *ruleFlags) bind(fs *flag.FlagSet) {
	r := &f.rule
	fs.StringVar(&r.Owner, "owner", "", "the person the rule is for")
	fs.StringVar(&r.Org, "org", "", "the `organisation` owning the rule: it announces what the organisation may see, never RED; without one, once accounts exist, CLEAR only")
	fs.StringVar(&r.Name, "name", "", "the rule's name")
	fs.StringVar(&f.text.Countries, "country", "", "ISO country codes, comma-separated")
	fs.StringVar(&f.text.BBox, "bbox", "", "area: `minlon,minlat,maxlon,maxlat`")
	fs.StringVar(&f.text.Types, "type", "", "incident types, comma-separated ("+strings.Join(typeNames(), ", ")+")")
	fs.StringVar(&f.text.Actors, "actor", "", "perpetrators, canonical names, comma-separated")
	fs.StringVar(&f.text.Campaigns, "campaign", "", "campaigns, comma-separated")
	fs.StringVar(&r.Filter.Facility, "facility", "", "a word of the facility's name")
	fs.IntVar(&r.Filter.MinEscaped, "min-escaped", 0, "escaped best estimate at least `N`")
	fs.IntVar(&r.Filter.MinSources, "min-sources", 0, "independent sources at least `N`")
	fs.StringVar(&f.text.Precision, "precision", "", "place known at least to: facility, place, admin1 or country")
	fs.StringVar(&f.text.Changes, "on", string(model.ChangeNewIncident), "changes announced, comma-separated: "+joinChangeNames())
	fs.Float64Var(&r.MinChange, "min-change", 0, "for estimate_changed: the least change worth announcing, in `percent`")
	fs.StringVar(&r.Webhook, "webhook", "", "URL that receives each event as a signed JSON POST")
	fs.StringVar(&r.Secret, "secret", "", "the webhook's signing key (default: a random one, printed once)")
	fs.StringVar(&r.Email, "email", "", "address that receives each event")
	fs.StringVar(&r.Digest, "digest", "", "email a daily or weekly digest instead of each event")
}

// build makes the rule the flags describe.
func (f *ruleFlags) build() (model.AlertRule, error) {
	r := f.rule
	r.CreatedAt = time.Now().UTC()
	if err := f.text.Apply(&r); err != nil {
		return r, err
	}
	return r, alert.CheckRule(&r)
}

func runAlerts(ctx context.Context, e env, args []string) int {
	f := &ruleFlags{}
	format := func(fs *flag.FlagSet) { fs.StringVar(&f.format, "format", "table", "output format: table or json") }
	verbs := map[string]subcommand{
		"add": {"", "Make an alert rule: which incidents and changes to announce, by webhook and/or email.\nExample: wallwatch alerts add --owner ada --name 'big escapes' --country NG --min-escaped 100 --webhook https://hooks.example.org/in",
			func(ctx context.Context, e env, s *store.Store, _ []string) int { return addRule(ctx, e, s, f) }, f.bind},
		"list": {"", "List the alert rules.", func(ctx context.Context, e env, s *store.Store, _ []string) int {
			return listRules(ctx, e, s, f.format)
		}, format},
		"rm":     {"ID", "Delete a rule (its deliveries stay in the log).", ruleVerb("rm"), nil},
		"pause":  {"ID", "Stop a rule's announcements until resumed.", ruleVerb("pause"), nil},
		"resume": {"ID", "Resume a rule's announcements.", ruleVerb("resume"), nil},
		"test":   {"ID", "Queue a sample event for the rule's webhook and email; wallwatch serve sends it within seconds.", ruleVerb("test"), nil},
		"log": {"", "Show the delivery log, newest first: every event, channel, attempts and the last error.",
			func(ctx context.Context, e env, s *store.Store, _ []string) int {
				return deliveryLog(ctx, e, s, f.ruleID, f.format)
			},
			func(fs *flag.FlagSet) {
				format(fs)
				fs.Int64Var(&f.ruleID, "rule", 0, "only this rule's deliveries")
			}},
	}
	return runVerbs(ctx, e, "alerts", verbs, []string{"add", "list", "rm", "pause", "resume", "test", "log"}, args)
}

func addRule(ctx context.Context, e env, s *store.Store, f *ruleFlags) int {
	r, err := f.build()
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch alerts add: %v\n", err)
		return exitUsage
	}
	if code := checkOrganisation(ctx, e, s, "alerts add", r.Org); code >= 0 {
		return code
	}
	id, err := s.AddAlertRule(ctx, r)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch alerts add: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "rule %d: %q for %s\n", id, r.Name, r.Owner)
	if r.Webhook != "" && f.rule.Secret == "" {
		fmt.Fprintf(e.stdout, "webhook secret (shown this once; verify the %s header with it): %s\n", alert.HeaderSignature, r.Secret)
	}
	return exitOK
}

func listRules(ctx context.Context, e env, s *store.Store, format string) int {
	rules, err := s.AlertRules(ctx)
	views := []api.RuleJSON{}
	for _, r := range rules {
		views = append(views, api.RuleView(r))
	}
	return printRecords(e, "alerts list", format, err, views, "ID\tOWNER\tNAME\tPAUSED\tCHANGES\tWEBHOOK\tEMAIL",
		func(v api.RuleJSON) string {
			changes := make([]string, len(v.Changes))
			for i, c := range v.Changes {
				changes[i] = string(c)
			}
			return fmt.Sprintf("%d\t%s\t%s\t%v\t%s\t%s\t%s", v.ID, v.Owner, v.Name, v.Paused, strings.Join(changes, ","), v.Webhook, strings.TrimSpace(v.Email+" "+v.Digest))
		})
}

func ruleVerb(verb string) func(ctx context.Context, e env, s *store.Store, args []string) int {
	return func(ctx context.Context, e env, s *store.Store, args []string) int {
		id, ok := oneID(e, "alerts", verb, args)
		if !ok {
			return exitUsage
		}
		var err error
		switch verb {
		case "rm":
			err = s.DeleteAlertRule(ctx, id)
		case "test":
			var ev model.AlertEvent
			if ev, err = alert.NewEngine(s, nil, nil, nil).Sample(ctx, id); err == nil {
				fmt.Fprintf(e.stdout, "sample %s queued\n", ev.Key)
			}
		default:
			err = s.PauseAlertRule(ctx, id, verb == "pause")
		}
		return reportVerb(e, "alerts", verb, id, err)
	}
}

func deliveryLog(ctx context.Context, e env, s *store.Store, ruleID int64, format string) int {
	logs, err := s.DeliveryLogs(ctx, ruleID, 200)
	views := []api.DeliveryJSON{}
	for _, l := range logs {
		views = append(views, api.DeliveryView(l))
	}
	return printRecords(e, "alerts log", format, err, views, "ID\tSTATUS\tATTEMPTS\tCHANNEL\tTARGET\tEVENT\tLAST ERROR",
		func(v api.DeliveryJSON) string {
			return fmt.Sprintf("%d\t%s\t%d\t%s\t%s\t%s\t%s", v.ID, v.Status, v.Attempts, v.Channel, v.Target, v.Event.Key, v.LastError)
		})
}

func typeNames() []string {
	var out []string
	for _, t := range model.AllEventTypes() {
		out = append(out, string(t))
	}
	return out
}

func joinChangeNames() string {
	var out []string
	for _, c := range model.Changes {
		out = append(out, string(c))
	}
	return strings.Join(out, ", ")
}
