// Package storetest seeds stores with realistic fixtures for the tests of the packages that read
// them (api, web, server): invented incidents in several countries with sourced, conflicting
// claims whose quotes point into their documents' text, estimate histories and a campaign.
package storetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

type story struct {
	key      string
	typ      model.EventType
	date     string
	place    model.Place
	facility string
	actors   []string
	methods  []string
	campaign string
	articles []article
}

type article struct {
	title, source, published string
	text                     string
	hostile                  bool // carries markup that must never execute
	tlp                      model.TLP
	org                      string
	unattributed             bool // names no perpetrator, whatever the story's

	evidence []cue
	claims   []claimCue
}

// cue is a span of evidence: words of the text read as a value.
type cue struct{ kind, words, value string }

// claimCue is a figure one source gave; -1 is an open bound.
type claimCue struct {
	metric    model.Metric
	quote     string
	low, high int
	qualifier string
	claimant  string
	role      model.Role
	side      string
}

// Fixture names what Seed stored.
type Fixture struct {
	Incidents   map[string]string // story key (makurdi, cap-haitien, butembo, bannu, gao, tillaberi, dori, jos) -> incident id
	Documents   []string          // every document id, in story order
	XSSDocument string            // the document whose text and title carry script markup
	XSSIncident string
}

// Seed stores the fixture stories: documents, their mentions linked to incidents, the incidents
// and the campaign. It fails on a store that already holds them.
func Seed(ctx context.Context, s *store.Store) (Fixture, error) {
	f := Fixture{Incidents: map[string]string{}}
	var campaign model.Campaign
	err := s.InTx(ctx, func(tx *store.Tx) error {
		for _, st := range stories {
			inc, docs, mentions, err := st.build()
			if err != nil {
				return err
			}
			if err := put(ctx, tx, inc, docs, mentions); err != nil {
				return err
			}
			f.Incidents[st.key] = inc.ID
			for i, d := range docs {
				f.Documents = append(f.Documents, d.ID)
				if st.articles[i].hostile {
					f.XSSDocument, f.XSSIncident = d.ID, inc.ID
				}
			}
			if st.campaign != "" {
				campaign.Incident = append(campaign.Incident, inc.ID)
				widenCampaign(&campaign, inc.Date.Start)
			}
		}
		campaign.Name, campaign.Actor = CampaignName, "Sahel Liberation Army"
		return tx.ReplaceCampaigns(ctx, nil, []model.Campaign{campaign})
	})
	return f, err
}

func put(ctx context.Context, tx *store.Tx, inc model.Incident, docs []model.Document, mentions []model.Mention) error {
	for i, d := range docs {
		if err := tx.InsertDocument(ctx, d); err != nil {
			return err
		}
		if err := tx.ReplaceMentions(ctx, d.ID, mentions[i:i+1]); err != nil {
			return err
		}
	}
	if err := tx.PutIncident(ctx, inc); err != nil {
		return err
	}
	for _, m := range mentions {
		if err := tx.SetMentionIncident(ctx, m.DocumentID, m.Index, inc.ID); err != nil {
			return err
		}
	}
	return nil
}

func widenCampaign(c *model.Campaign, day time.Time) {
	d := day
	if c.Start == nil || d.Before(*c.Start) {
		c.Start = &d
	}
	if c.End == nil || d.After(*c.End) {
		c.End = &d
	}
}

// build turns a story into its incident, documents and one mention per document.
func (st story) build() (model.Incident, []model.Document, []model.Mention, error) {
	date := model.Date{Start: day(st.date), Precision: model.PrecisionDay}
	inc := model.Incident{
		ID: hashID("inc-", st.key, 12), Type: st.typ, Date: date, Place: st.place, Facility: st.facility,
		Perpetrators: st.actors, Methods: st.methods, UpdatedAt: time.Date(2024, 7, 1, 12, 0, 0, 0, time.UTC),
	}
	if st.campaign != "" {
		inc.Campaigns = []string{st.campaign}
	}
	var docs []model.Document
	var mentions []model.Mention
	var claims []model.Claim
	for _, a := range st.articles {
		d := a.document()
		m, err := a.mention(d, st, date)
		if err != nil {
			return inc, nil, nil, fmt.Errorf("story %s: %w", st.key, err)
		}
		docs, mentions = append(docs, d), append(mentions, m)
		claims = append(claims, m.Claims...)
		inc.Documents = append(inc.Documents, model.DocumentRef{ID: d.ID, Source: d.Source, Title: d.Title, Published: d.Published, TLP: d.TLP, Org: d.Org})
	}
	inc.Metrics = reconcile(claims)
	return inc, docs, mentions, nil
}

func (a article) document() model.Document {
	pub := day(a.published)
	sum := sha256.Sum256([]byte(a.text))
	d := model.Document{
		ID: hex.EncodeToString(sum[:])[:16], Source: a.source, Title: a.title, Published: &pub,
		IngestedAt: pub.Add(3 * time.Hour), Format: "text", ContentType: "text/plain", Language: "en",
		ContentHash: hex.EncodeToString(sum[:]), Raw: []byte(a.text), Text: a.text, TLP: a.tlp, Org: a.org,
	}
	if strings.HasPrefix(a.source, "https://") {
		d.URL = a.source
	}
	return d
}

func (a article) mention(d model.Document, st story, date model.Date) (model.Mention, error) {
	m := model.Mention{DocumentID: d.ID, Salience: "primary", Type: st.typ, Date: date, Place: st.place,
		Facility: st.facility, Perpetrators: st.actors, Methods: st.methods}
	if a.unattributed {
		m.Perpetrators = nil
	}
	if st.campaign != "" {
		m.Campaigns = []string{st.campaign}
	}
	for _, c := range a.evidence {
		start, end, ok := runeSpan(a.text, c.words)
		if !ok {
			return m, fmt.Errorf("evidence %q not in text", c.words)
		}
		m.Evidence = append(m.Evidence, model.Span{Kind: c.kind, Start: start, End: end, Text: c.words, Value: c.value})
	}
	for _, c := range a.claims {
		start, end, ok := runeSpan(a.text, c.quote)
		if !ok {
			return m, fmt.Errorf("quote %q not in text", c.quote)
		}
		m.Claims = append(m.Claims, model.Claim{
			Metric: c.metric, Low: bound(c.low), High: bound(c.high), Qualifier: c.qualifier, Side: c.side,
			Claimant: c.claimant, ClaimantRole: c.role, Reported: model.Date{Start: *d.Published, Precision: model.PrecisionDay},
			DocumentID: d.ID, Quote: c.quote, Start: start, End: end,
		})
	}
	return m, nil
}

// runeSpan finds words in text and returns its rune offsets.
func runeSpan(text, words string) (int, int, bool) {
	i := strings.Index(text, words)
	if i < 0 {
		return 0, 0, false
	}
	start := utf8.RuneCountInString(text[:i])
	return start, start + utf8.RuneCountInString(words), true
}

// reconcile is a plain stand-in for the linker's reconciliation: best is the median claimed
// value, low and high the extremes, contested when they differ by more than a tenth; the history
// records the estimate after each reporting day.
func reconcile(claims []model.Claim) map[model.Metric]model.Estimate {
	sort.SliceStable(claims, func(i, j int) bool { return claims[i].Reported.Start.Before(claims[j].Reported.Start) })
	out := map[model.Metric]model.Estimate{}
	for _, c := range claims {
		e := out[c.Metric]
		e.Claims = append(e.Claims, c)
		e.Best, e.Low, e.High, e.Contested = estimate(e.Claims)
		point := model.EstimatePoint{Reported: c.Reported, DocumentID: c.DocumentID, Best: e.Best, Low: e.Low, High: e.High}
		if n := len(e.History); n > 0 && e.History[n-1].DocumentID == c.DocumentID {
			e.History[n-1] = point
		} else {
			e.History = append(e.History, point)
		}
		out[c.Metric] = e
	}
	return out
}

func estimate(claims []model.Claim) (best, low, high *int, contested bool) {
	var values []int
	for _, c := range claims {
		if c.Low != nil {
			values = append(values, *c.Low)
		} else if c.High != nil {
			values = append(values, *c.High)
		}
	}
	sort.Ints(values)
	b, l, h := values[len(values)/2], values[0], values[len(values)-1]
	return &b, &l, &h, float64(h-l) > 0.1*float64(h)
}

func bound(v int) *int {
	if v < 0 {
		return nil
	}
	return &v
}

func day(s string) time.Time {
	t, err := time.Parse(model.DateLayout, s)
	if err != nil {
		panic(fmt.Sprintf("storetest: bad fixture date %q", s))
	}
	return t
}

func hashID(prefix, key string, n int) string {
	sum := sha256.Sum256([]byte(key))
	return prefix + hex.EncodeToString(sum[:])[:n]
}

// Open opens a store as the servers do, deriving estimate histories from claims when it reads
// incidents.
func Open(ctx context.Context, path string) (*store.Store, error) {
	return store.Open(ctx, path, store.WithHistory(link.History))
}
