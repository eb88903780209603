package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Audience is who a read is for, and so which documents it may see (docs/accounts.md, "What each
// principal sees"): everything (no accounts, the CLI), or the documents of every organisation up
// to a shared marking plus the documents of the reader's own organisation. Incidents, claims,
// figures, counts and search results are derived only from the documents the audience may see.
type Audience struct {
	restricted bool
	shared     int   // rank of the most restrictive marking visible from any organisation
	org        int64 // the reader's organisation, whose documents are visible; 0 none
	noRed      bool  // even the organisation's own RED documents are not (alert deliveries)
}

// FullAudience sees every document: a store without accounts, and the command line.
func FullAudience() Audience { return Audience{} }

// PublicAudience is an anonymous reader (serve --public-read): CLEAR documents only.
func PublicAudience() Audience { return Audience{restricted: true, shared: model.TLPClear.Rank()} }

// MemberAudience is a logged-in user of organisation org: CLEAR and GREEN documents of everyone,
// and every document of org (AMBER, AMBER+STRICT and RED included).
func MemberAudience(org int64) Audience {
	return Audience{restricted: true, shared: model.TLPGreen.Rank(), org: org}
}

// DeliveryAudience is what an alert rule of organisation org may send out by webhook or email:
// what its members see but RED, which is for the eyes of named recipients only and never leaves
// wallwatch for addresses nobody vouched for.
func DeliveryAudience(org int64) Audience {
	a := MemberAudience(org)
	a.noRed = true
	return a
}

// Restricted reports whether the audience may miss some documents.
func (a Audience) Restricted() bool { return a.restricted }

// Key names the audience for caches: two audiences with one key see the same documents.
func (a Audience) Key() string {
	if !a.restricted {
		return "all"
	}
	key := string(model.TLPs[a.shared]) + "/" + strconv.FormatInt(a.org, 10)
	if a.noRed {
		key += "/nored"
	}
	return key
}

type audienceKey struct{}

// WithAudience returns ctx carrying the audience every store read made with it is for.
func WithAudience(ctx context.Context, a Audience) context.Context {
	return context.WithValue(ctx, audienceKey{}, a)
}

// AudienceFrom is the audience ctx carries; FullAudience when it carries none.
func AudienceFrom(ctx context.Context) Audience {
	a, _ := ctx.Value(audienceKey{}).(Audience)
	return a
}

// sharedMarkings lists the markings visible from any organisation, as SQL string literals.
func (a Audience) sharedMarkings() string {
	var quoted []string
	for _, m := range model.TLPs[:a.shared+1] {
		quoted = append(quoted, "'"+string(m)+"'")
	}
	return strings.Join(quoted, ", ")
}

// ownOrg is the organisation whose documents the audience sees whatever their marking, or -1
// (no organisation's id) when none.
func (a Audience) ownOrg() int64 {
	if a.org == 0 {
		return -1
	}
	return a.org
}

// own is the condition that a row (under alias) belongs to the audience's organisation and,
// for an audience that may not see RED, that notRed (its marking is not RED) holds.
func (a Audience) own(alias, notRed string) (string, []any) {
	cond := alias + ".org_id = ?"
	if a.noRed {
		cond = "(" + cond + " AND " + notRed + ")"
	}
	return cond, []any{a.ownOrg()}
}

// redRank is RED's rank as incident_markings keeps it.
var redRank = strconv.Itoa(model.TLPRed.Rank())

// documentFilter is the condition on the documents table (under alias) that keeps what the
// audience may see; "1" when it sees everything.
func (a Audience) documentFilter(alias string) (string, []any) {
	if !a.restricted {
		return "1", nil
	}
	own, args := a.own(alias, alias+".tlp <> 'RED'")
	return "(" + alias + ".tlp IN (" + a.sharedMarkings() + ") OR " + own + ")", args
}

// markingFilter is the condition on incident_markings (under alias) that keeps the rows of
// documents the audience may see.
func (a Audience) markingFilter(alias string) (string, []any) {
	if !a.restricted {
		return "1", nil
	}
	own, args := a.own(alias, alias+".tlp_rank < "+redRank)
	return "(" + alias + ".tlp_rank <= ? OR " + own + ")", append([]any{a.shared}, args...)
}

// incidentFilter is the condition on the incidents table (under alias) that keeps the incidents
// with a document the audience may see. The row's own tlp_open answers for every incident with
// a document shared widely enough; only incidents whose every document is restricted are looked
// up in incident_markings, by their primary key.
func (a Audience) incidentFilter(alias string) (string, []any) {
	if !a.restricted {
		return "", nil
	}
	if a.org == 0 {
		return alias + ".tlp_open <= ?", []any{a.shared}
	}
	own, args := a.own("k", "k.tlp_rank < "+redRank)
	return "(" + alias + ".tlp_open <= ? OR EXISTS (SELECT 1 FROM incident_markings k WHERE k.incident_id = " + alias +
		".id AND " + own + "))", append([]any{a.shared}, args...)
}

// andVisible appends the audience's incident filter to a WHERE clause's conditions.
func (a Audience) andVisible(where []string, args []any, alias string) ([]string, []any) {
	if cond, more := a.incidentFilter(alias); cond != "" {
		return append(where, cond), append(args, more...)
	}
	return where, args
}

// visibleIncidents is an SQL condition keeping incidents (under alias) visible to the audience,
// ready to follow AND: "1" when it sees everything.
func (a Audience) visibleIncidents(alias string) (string, []any) {
	if cond, args := a.incidentFilter(alias); cond != "" {
		return cond, args
	}
	return "1", nil
}

// wholeIncidents is a condition keeping the incidents (their id in column col) that cite no
// document the audience may not see: those whose stored fields were decided only from what it may
// see. Catalogues of names (actors, campaigns, facilities) and waves count only these, since a
// partly visible incident's stored names may come from a document the audience may not see.
func (a Audience) wholeIncidents(col string) (string, []any) {
	if !a.restricted {
		return "1", nil
	}
	visible, args := a.markingFilter("m")
	return col + " NOT IN (SELECT incident_id FROM incident_markings m WHERE m.tlp_rank > ? AND NOT " + visible + ")",
		append([]any{a.shared}, args...)
}

// seenWhole is visibleIncidents and wholeIncidents together, for incidents under alias.
func (a Audience) seenWhole(alias string) (string, []any) {
	visible, args := a.visibleIncidents(alias)
	whole, more := a.wholeIncidents(alias + ".id")
	return visible + " AND " + whole, append(args, more...)
}

// seenActions is a condition on review_actions (as a) keeping the actions a restricted audience
// may read: those on incidents it sees whole and on documents it may see (their data quotes
// claims and names fields).
func (a Audience) seenActions() (string, []any) {
	if !a.restricted {
		return "1", nil
	}
	seen, args := a.seenWhole("i")
	docs, docArgs := a.documentFilter("d")
	cond := `(a.incident_id = '' OR EXISTS (SELECT 1 FROM incidents i WHERE i.id = a.incident_id AND ` + seen + `))
		AND (a.document_id = '' OR EXISTS (SELECT 1 FROM documents d WHERE d.id = a.document_id AND ` + docs + `))`
	return cond, append(args, docArgs...)
}

// owned is a condition on a table with an org_id column (under alias) keeping what belongs to the
// audience: its organisation's records and the unowned ones made before accounts. Watched sources
// and alert rules are an organisation's own configuration, not shared by marking.
func (a Audience) owned(alias string) (string, []any) {
	if !a.restricted {
		return "1", nil
	}
	return "(" + alias + ".org_id IS NULL OR " + alias + ".org_id = ?)", []any{a.ownOrg()}
}

// IncidentSeenWhole reports whether the context's audience sees every document of an incident:
// what a review action needs before it may change the incident.
func (s *Store) IncidentSeenWhole(ctx context.Context, id string) (bool, error) {
	seen, args := AudienceFrom(ctx).seenWhole("i")
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM incidents i WHERE id = ? AND `+seen, append([]any{id}, args...)...).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("incident %s: %w", id, err)
	}
	return n == 1, nil
}
