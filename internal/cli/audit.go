package cli

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/config"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/review"
	"github.com/wallwatch/wallwatch/internal/store"
)

func runAudit(ctx context.Context, e env, args []string) int {
	fs := newFlagSet("audit", "", "List the review log, oldest first: every action with who took it, when, why, and what it changed.\nUndone actions are marked; their undo is listed too.")
	c := settings(fs, e)
	incident := fs.String("incident", "", "only the actions that name this `ID` (taken on it, merged into it, moved to it)")
	format := fs.String("format", "text", "output format: text or json")
	security := fs.Bool("security", false, "list the security log instead, newest first: every login attempt and every write request, who, from where and how it ended")
	if code := parseFlags(fs, e, args); code >= 0 {
		return code
	}
	s, ok := openExisting(ctx, e, c)
	if !ok {
		return exitFailed
	}
	defer s.Close()
	if *security {
		return listSecurityEvents(ctx, e, s, *format)
	}
	log, err := s.ReviewLog(ctx, *incident)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch audit: %v\n", err)
		return exitFailed
	}
	if *format == "json" {
		if log == nil {
			log = []review.Action{}
		}
		return writeJSON(e, log)
	}
	if len(log) == 0 {
		fmt.Fprintln(e.stdout, "no review actions")
	}
	undone := map[int64]int64{}
	for _, a := range log {
		if a.Kind == review.Undo {
			undone[a.Undoes] = a.ID
		}
	}
	for _, a := range log {
		printAuditEntry(e.stdout, a)
		if by, ok := undone[a.ID]; ok {
			fmt.Fprintf(e.stdout, "    undone by #%d\n", by)
		}
	}
	return exitOK
}

// printAuditEntry writes one action in a few lines: number, time, who, what; before and after;
// why.
func printAuditEntry(w io.Writer, a review.Action) {
	fmt.Fprintf(w, "#%d  %s  %s  %s %s\n", a.ID, a.At.UTC().Format("2006-01-02 15:04:05Z"), a.Who, a.Kind, auditTarget(a))
	if a.Before != "" || a.After != "" {
		fmt.Fprintf(w, "    before: %s\n    after:  %s\n", orDash(a.Before), orDash(a.After))
	}
	if a.Why != "" {
		fmt.Fprintf(w, "    why:    %s\n", a.Why)
	}
}

// auditTarget names what an action was taken on.
func auditTarget(a review.Action) string {
	var parts []string
	switch {
	case a.Kind == review.Undo:
		parts = append(parts, fmt.Sprintf("#%d", a.Undoes))
	case a.Claim != nil:
		parts = append(parts, "claim "+a.Claim.String())
	case a.Incident != "":
		parts = append(parts, a.Incident)
	}
	if len(a.Others) > 0 {
		parts = append(parts, "<- "+strings.Join(a.Others, ", "))
	}
	if a.Document != "" && a.Claim == nil {
		parts = append(parts, "document "+a.Document)
	}
	if a.Field != "" {
		parts = append(parts, a.Field)
	}
	if a.Target != "" {
		parts = append(parts, "-> "+a.Target)
	}
	if a.Grade != "" {
		parts = append(parts, string(a.Grade))
	}
	return strings.Join(parts, " ")
}

// addRejected lists under each incident's figures the claims review rejected (export --rejected).
func addRejected(ctx context.Context, e env, c *config.Config, incs []model.Incident) int {
	s, ok := openExisting(ctx, e, c)
	if !ok {
		return exitFailed
	}
	defer s.Close()
	log, err := s.Rejections(ctx)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch export: %v\n", err)
		return exitFailed
	}
	o := review.NewOverrides(log)
	for i := range incs {
		o.Exclude(&incs[i])
	}
	return -1
}

func listSecurityEvents(ctx context.Context, e env, s *store.Store, format string) int {
	events, err := s.SecurityEvents(ctx, math.MaxInt32)
	views := []api.SecurityEventJSON{} // the API's shape, so that both read alike
	for _, ev := range events {
		views = append(views, api.SecurityEventJSON(ev))
	}
	if format == "text" {
		format = "table"
	}
	return printRecords(e, "audit --security", format, err, views, "ID\tAT\tKIND\tWHO\tFROM\tREQUEST\tSTATUS\tDETAIL",
		func(v api.SecurityEventJSON) string {
			return fmt.Sprintf("%d\t%s\t%s\t%s\t%s\t%s %s\t%d\t%s", v.ID, stamp(&v.At), v.Kind, v.Who, v.Remote, v.Method, v.Path, v.Status, v.Detail)
		})
}
