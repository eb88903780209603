package cli

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/config"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/review"
	"github.com/wallwatch/wallwatch/internal/store"
)

// reviewAction is one `wallwatch review` subcommand: its arguments and how they make an action.
type reviewAction struct {
	args, summary string
	nargs         int  // the arguments it needs; merge takes more
	claimFlags    bool // --claimant, --role, --side, --metric, --value
	build         func(args []string, change review.ClaimChange, into string) (review.Action, error)
}

func reviewActions() map[string]reviewAction {
	claimKey := func(s string) (*review.ClaimKey, error) {
		k, err := review.ParseClaimKey(s)
		return &k, err
	}
	onClaim := func(kind review.Kind) func([]string, review.ClaimChange, string) (review.Action, error) {
		return func(args []string, change review.ClaimChange, _ string) (review.Action, error) {
			k, err := claimKey(args[0])
			a := review.Action{Kind: kind, Claim: k}
			if kind == review.Reattribute && err == nil {
				var c model.Claim
				c, err = change.Claim()
				a.NewClaim = &c
			}
			return a, err
		}
	}
	return map[string]reviewAction{
		"merge": {"INTO OTHER...", "Merge incidents: every report of the OTHER incidents joins INTO.", 2,
			false, func(a []string, _ review.ClaimChange, _ string) (review.Action, error) {
				return review.Action{Kind: review.Merge, Incident: a[0], Others: a[1:]}, nil
			}},
		"split": {"INCIDENT DOCUMENT", "Move what DOCUMENT reports out of INCIDENT, into --into or a new incident.", 2,
			false, func(a []string, _ review.ClaimChange, into string) (review.Action, error) {
				return review.Action{Kind: review.Split, Incident: a[0], Document: a[1], Target: into}, nil
			}},
		"set": {"INCIDENT FIELD VALUE", "Correct a field of an incident. Fields:\n" + fieldList(), 3,
			false, func(a []string, _ review.ClaimChange, _ string) (review.Action, error) {
				return review.Action{Kind: review.Set, Incident: a[0], Field: a[1], Value: a[2]}, nil
			}},
		"hide": {"INCIDENT", "Mark an incident as not an incident: it leaves lists, maps and exports, and stays in the audit log.", 1,
			false, func(a []string, _ review.ClaimChange, _ string) (review.Action, error) {
				return review.Action{Kind: review.Hide, Incident: a[0]}, nil
			}},
		"confirm": {"INCIDENT GRADE", "Grade a reviewed incident: confirmed, fair, weak, contested or discounted.", 2,
			false, func(a []string, _ review.ClaimChange, _ string) (review.Action, error) {
				return review.Action{Kind: review.Confirm, Incident: a[0], Grade: review.Grade(a[1])}, nil
			}},
		"accept":      {"CLAIM", "Accept a claim (DOCUMENT:METRIC:START-END, as 'wallwatch incident ID' lists them).", 1, false, onClaim(review.Accept)},
		"reject":      {"CLAIM", "Reject a claim, with --why: it drops out of best, low and high.", 1, false, onClaim(review.Reject)},
		"reattribute": {"CLAIM", "Correct who made a claim, on which side, about what, or its value.", 1, true, onClaim(review.Reattribute)},
		"add-claim": {"INCIDENT DOCUMENT START END", "Add a claim by hand: its quote is the document's text from START to END (characters).", 4,
			true, func(a []string, change review.ClaimChange, _ string) (review.Action, error) {
				c, err := change.Claim()
				if err != nil {
					return review.Action{}, err
				}
				c.DocumentID = a[1]
				if c.Start, err = strconv.Atoi(a[2]); err == nil {
					c.End, err = strconv.Atoi(a[3])
				}
				if err != nil {
					return review.Action{}, fmt.Errorf("%w: START and END are character offsets", review.ErrInvalid)
				}
				return review.Action{Kind: review.AddClaim, Incident: a[0], NewClaim: &c}, nil
			}},
		"copy": {"DOCUMENT ORIGINAL", "Mark a document as a copy of another: it no longer counts as a source of its own.", 2,
			false, func(a []string, _ review.ClaimChange, _ string) (review.Action, error) {
				return review.Action{Kind: review.Copy, Document: a[0], Target: a[1]}, nil
			}},
		"not-copy": {"DOCUMENT", "Mark a document as no copy: it counts as a source of its own.", 1,
			false, func(a []string, _ review.ClaimChange, _ string) (review.Action, error) {
				return review.Action{Kind: review.NotCopy, Document: a[0]}, nil
			}},
		"off-topic": {"DOCUMENT", "Mark a document as off-topic: its mentions leave every incident.", 1,
			false, func(a []string, _ review.ClaimChange, _ string) (review.Action, error) {
				return review.Action{Kind: review.OffTopic, Document: a[0]}, nil
			}},
		"delete": {"DOCUMENT", "Delete a document: its mentions leave every incident, which are rebuilt; the audit log keeps it.", 1,
			false, func(a []string, _ review.ClaimChange, _ string) (review.Action, error) {
				return review.Action{Kind: review.Delete, Document: a[0]}, nil
			}},
		"rename-facility": {"FACILITY NAME", "Name a facility anew in every incident that names it (ids from 'wallwatch facilities').", 2,
			false, func(a []string, _ review.ClaimChange, _ string) (review.Action, error) {
				return review.Action{Kind: review.RenameFacility, Facility: a[0], Value: a[1]}, nil
			}},
		"merge-facility": {"FACILITY INTO", "Merge a facility into another: its incidents take the other's most given name.", 2,
			false, func(a []string, _ review.ClaimChange, _ string) (review.Action, error) {
				return review.Action{Kind: review.RenameFacility, Facility: a[0], Target: a[1]}, nil
			}},
		"undo": {"ACTION", "Revert a review action by its id in 'wallwatch audit'; the undo is logged too.", 1,
			false, func(a []string, _ review.ClaimChange, _ string) (review.Action, error) {
				id, err := strconv.ParseInt(a[0], 10, 64)
				if err != nil || id <= 0 {
					return review.Action{}, fmt.Errorf("%w: ACTION is the number 'wallwatch audit' shows", review.ErrInvalid)
				}
				return review.Action{Kind: review.Undo, Undoes: id}, nil
			}},
	}
}

func fieldList() string {
	names := make([]string, 0, len(review.Fields))
	for f := range review.Fields {
		names = append(names, f)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, f := range names {
		fmt.Fprintf(&b, "  %-15s %s\n", f, review.Fields[f])
	}
	return strings.TrimRight(b.String(), "\n")
}

func runReview(ctx context.Context, e env, args []string) int {
	actions := reviewActions()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		w, code := e.stderr, exitUsage
		if len(args) > 0 {
			w, code = e.stdout, exitOK
		}
		reviewUsage(w, actions)
		return code
	}
	ra, ok := actions[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "wallwatch review: unknown action %q\n\n", args[0])
		reviewUsage(e.stderr, actions)
		return exitUsage
	}
	fs := newFlagSet("review "+args[0], ra.args, ra.summary+"\n\nEvery action is logged with who took it and why ('wallwatch audit'), and survives reprocess.")
	c := settings(fs, e)
	who := fs.String("who", cmp.Or(e.getenv("WALLWATCH_REVIEWER"), e.getenv("USER")), "who reviews (env WALLWATCH_REVIEWER, else USER)")
	why := fs.String("why", "", "the reason, kept in the audit log (required by reject)")
	var into string
	if args[0] == "split" {
		fs.StringVar(&into, "into", "", "the `INCIDENT` to move the document to (a new one when not given)")
	}
	var change review.ClaimChange
	if ra.claimFlags {
		fs.StringVar(&change.Claimant, "claimant", "", "who made the claim")
		fs.StringVar(&change.Role, "role", "", "claimant role: perpetrator, defender, government, independent, media or unknown")
		fs.StringVar(&change.Side, "side", "", "killed/wounded: perpetrators, security, prisoners, civilians or unknown")
		fs.StringVar(&change.Metric, "metric", "", "escaped, recaptured, killed, wounded, attackers or held")
		fs.StringVar(&change.Value, "value", "", "the figure: N, ~N, A-B, >N or <N")
	}
	format := fs.String("format", "text", "output format: text or json")
	if code := parseFlags(fs, e, args[1:]); code >= 0 {
		return code
	}
	if fs.NArg() < ra.nargs || (args[0] != "merge" && fs.NArg() > ra.nargs) {
		fmt.Fprintf(e.stderr, "wallwatch review %s: give %s (see 'wallwatch review %s --help')\n", args[0], ra.args, args[0])
		return exitUsage
	}
	a, err := ra.build(fs.Args(), change, into)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch review %s: %v\n", args[0], err)
		return exitUsage
	}
	if a.Who, a.Why = *who, *why; a.Who == "" {
		fmt.Fprintf(e.stderr, "wallwatch review %s: say who reviews with --who NAME (or set WALLWATCH_REVIEWER)\n", args[0])
		return exitUsage
	}
	return takeReview(ctx, e, c, fs, a, *format)
}

// takeReview opens the store and the pipeline, takes the action and prints it as logged.
func takeReview(ctx context.Context, e env, c *config.Config, fs *flag.FlagSet, a review.Action, format string) int {
	s, ok := openExisting(ctx, e, c)
	if !ok {
		return exitFailed
	}
	defer s.Close()
	p, _, err := newPipeline(s, c, newLogger(e.stderr, c.LogLevel))
	if err == nil {
		a, err = p.Review(ctx, a)
	}
	switch {
	case errors.Is(err, review.ErrInvalid):
		fmt.Fprintf(e.stderr, "wallwatch %s: %v\n", fs.Name(), err)
		return exitUsage
	case errors.Is(err, store.ErrNotFound):
		fmt.Fprintf(e.stderr, "wallwatch %s: %v (see 'wallwatch incidents' and 'wallwatch incident ID')\n", fs.Name(), err)
		return exitFailed
	case err != nil:
		fmt.Fprintf(e.stderr, "wallwatch %s: %v\n", fs.Name(), err)
		return exitFailed
	}
	if format == "json" {
		return writeJSON(e, a)
	}
	printAuditEntry(e.stdout, a)
	return exitOK
}

func reviewUsage(w io.Writer, actions map[string]reviewAction) {
	fmt.Fprint(w, "Usage: wallwatch review ACTION [flags] ARGS\n\nCorrect what extraction and linking got wrong. Actions:\n")
	names := make([]string, 0, len(actions))
	for n := range actions {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		summary, _, _ := strings.Cut(actions[n].summary, "\n")
		fmt.Fprintf(w, "  %-12s %-28s %s\n", n, actions[n].args, summary)
	}
	fmt.Fprint(w, "\nRun 'wallwatch review ACTION --help' for its flags. 'wallwatch audit' lists what was done.\n\nExamples:\n")
	for _, x := range examples("review") {
		fmt.Fprintf(w, "  %s\n", x)
	}
}

// reviewLine says how an incident stands in review, for the incident view.
func reviewLine(r model.Review) string {
	if !r.Reviewed {
		return "not reviewed"
	}
	s := "reviewed by " + r.By + " " + r.At.UTC().Format("2006-01-02")
	if r.Grade != "" {
		s += ", graded " + r.Grade
	}
	if r.Hidden {
		s += ", hidden (not an incident)"
	}
	if r.NewSince {
		s += ", new reports since"
	}
	return s
}

// serverReview lets the API and the pages take review actions once the pipeline has loaded.
func serverReview(pending *pendingPipeline) api.ReviewFunc {
	return func(ctx context.Context, a review.Action) (review.Action, error) {
		p, _, ok := pending.ready()
		if !ok {
			return a, fmt.Errorf("%w: the actor dictionary is still loading", api.ErrNotReady)
		}
		return p.Review(ctx, a)
	}
}
