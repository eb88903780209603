package pipeline

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/wallwatch/wallwatch/internal/link"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// Linker links a document's mentions into incidents: it finds the incidents whose date window
// overlaps each mention's in its country, lets link.Assign place the mentions among their
// summaries, and adds each mention to its incident by delta. Nothing it reads or writes grows
// with the store or with the incidents' number of reports.
type Linker struct {
	family link.Family
	now    func() time.Time
	mu     sync.Mutex
	caches map[*store.Store]*summaryCache // one for each store linked, each valid on its own
}

// NewLinker builds a linker; family maps an actor to its root organisation.
func NewLinker(family link.Family) *Linker {
	return &Linker{family: family, now: time.Now, caches: map[*store.Store]*summaryCache{}}
}

// Batch links the documents of one write transaction. Each mention joins its incident at once
// (member, window, document, claims and positions), so that the next document of the batch
// finds it there; what only the incident's fields depend on — its votes and the fields and
// figures decided from them — is gathered and written once per incident when the batch ends
// (Finish). A batch of reports of one story then decides that story once, not once per report.
type Batch struct {
	l       *Linker
	votes   map[string][]store.Vote // the votes cast on each incident, in order
	touched map[string][]model.Metric
	created map[string]*started // incidents the batch created: their whole tally and claims are the batch's
	// cache holds the summaries the batch read or changed, those of the incidents it created
	// among them (they have no row to read them from until Finish): kept between batches
	// (BeginLinking), or the batch's own.
	cache    *summaryCache
	changes  int64 // with a kept cache, the store's count of write transactions at the start
	deferred bool  // the transaction checks foreign keys at its commit (start)
}

// Begin starts a batch that reads from the store every summary it did not read or change itself,
// for a transaction that also changes incidents otherwise than by adding mentions (Rebuild); end
// it with Finish in the same transaction.
func (l *Linker) Begin() *Batch {
	return &Batch{l: l, votes: map[string][]store.Vote{}, touched: map[string][]model.Metric{}, created: map[string]*started{},
		cache: newSummaryCache()}
}

// BeginLinking starts a batch, in a transaction of store s, that links new mentions with the
// summaries earlier batches kept (summaryCache); end it with Finish in the same transaction, and
// call Forget if the transaction fails.
func (l *Linker) BeginLinking(ctx context.Context, s *store.Store, tx *store.Tx) (*Batch, error) {
	changes, err := tx.Changes(ctx)
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	c, ok := l.caches[s]
	if !ok {
		c = newSummaryCache()
		l.caches[s] = c
	}
	l.mu.Unlock()
	c.begin(changes)
	tx.KeepWindows(c.windows)
	b := l.Begin()
	b.cache, b.changes = c, changes
	return b, nil
}

// Forget drops the summaries kept between batches, of every store: one changed in a way linking
// did not follow (a failed transaction, an incident rebuilt or summarised anew). A batch under
// way reads again from its store what it then lacks.
func (l *Linker) Forget() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, c := range l.caches {
		c.forget()
	}
}

// LinkDocument links the mentions of one new document, stored before without them, and returns
// the incidents they joined or started: each mention is stored as it joins its incident. doc is
// the document's reference as the store reads it back (store.RefOf): the batch has it in hand.
func (b *Batch) LinkDocument(ctx context.Context, tx *store.Tx, doc model.DocumentRef, mentions []store.EncodedMention) ([]string, error) {
	ordered := slices.Clone(mentions)
	slices.SortStableFunc(ordered, func(a, b store.EncodedMention) int { return cmp.Compare(a.Mention.Index, b.Mention.Index) }) // as the store orders them
	own := make([]model.Mention, len(ordered))
	for i, em := range ordered {
		own[i] = em.Mention
	}
	ids, err := b.place(ctx, tx, own)
	if err != nil {
		return nil, err
	}
	for i, m := range own {
		created := ids[i] == ""
		if created {
			ids[i] = link.ClusterID([]model.Mention{m})
			if err := b.start(ctx, tx, ids[i], m); err != nil {
				return nil, err
			}
		}
		if err := b.join(ctx, tx, ids[i], m, doc, created, &ordered[i]); err != nil {
			return nil, err
		}
	}
	out := append([]string(nil), ids...)
	sort.Strings(out)
	return out, nil
}

// start creates an incident for its first mention m. Its row is written when Finish decides it
// (store.StartIncident): until then the cache holds its summary, and the transaction checks
// foreign keys at its commit.
func (b *Batch) start(ctx context.Context, tx *store.Tx, id string, m model.Mention) error {
	if !b.deferred {
		if err := tx.DeferForeignKeys(ctx); err != nil {
			return err
		}
		b.deferred = true
	}
	first := link.SortKey(m)
	window, err := tx.StartIncident(ctx, id, first, windowOf(m))
	if err != nil {
		return err
	}
	b.created[id] = &started{first: first, window: window, current: currents{}}
	b.cache.created(id, first)
	return nil
}

// Finish writes the batch's votes and decides the fields and figures of every incident it
// touched, each once. A cached batch's summaries then hold for the store its commit leaves.
func (b *Batch) Finish(ctx context.Context, tx *store.Tx) error {
	for _, id := range slices.Sorted(maps.Keys(b.touched)) {
		created := b.created[id]
		tally, err := b.tally(ctx, tx, id, created != nil)
		if err != nil {
			return err
		}
		if err := b.l.decide(ctx, tx, id, b.touched[id], tally, created); err != nil {
			return err
		}
	}
	b.cache.keep(b.changes + 1)
	return nil
}

// tally writes an incident's tally with the batch's votes added, and returns it: the stored
// tally is read, summed with them and written whole. An incident the batch created has none
// stored: its tally is the batch's votes.
func (b *Batch) tally(ctx context.Context, tx *store.Tx, id string, created bool) ([]store.Vote, error) {
	cast := b.votes[id]
	var stored []store.Vote
	if !created {
		var err error
		if stored, err = tx.IncidentVotes(ctx, id); err != nil || len(cast) == 0 {
			return stored, err
		}
	}
	tally := store.SumVotes(append(stored, cast...))
	if len(tally) == 0 {
		return nil, nil
	}
	return tally, tx.PutVotes(ctx, id, tally)
}

// vote adds a mention's vote to the batch's votes on an incident.
func (b *Batch) vote(id string, v link.Vote) {
	b.votes[id] = append(b.votes[id], store.Vote(v))
}

// touch records that an incident's fields, and the figures of the given metrics, are to be
// decided when the batch ends.
func (b *Batch) touch(id string, metrics []model.Metric) {
	have := b.touched[id]
	for _, m := range metrics {
		if !slices.Contains(have, m) {
			have = append(have, m)
		}
	}
	b.touched[id] = have
}

// place returns the incident each mention joins, "" for a new one. A mention without a country
// is compared with nothing: it could only match by facility name, and incidents are found by
// country.
func (b *Batch) place(ctx context.Context, tx *store.Tx, own []model.Mention) ([]string, error) {
	var ms []model.Mention
	var windows []store.Window
	var at []int // at[i] is the index in own of ms[i]
	for i, m := range own {
		if m.Place.Country == "" {
			continue
		}
		ms, at = append(ms, m), append(at, i)
		windows = append(windows, windowOf(m))
	}
	found, err := b.candidates(ctx, tx, windows)
	if err != nil {
		return nil, err
	}
	cands := make([]*link.Decoded, len(found))
	for i, c := range found {
		if cands[i], err = b.cache.decode(c); err != nil {
			return nil, fmt.Errorf("assign: %w", err)
		}
	}
	joined := link.AssignDecoded(ms, cands, b.l.family)
	ids := make([]string, len(own))
	for i, id := range joined {
		ids[at[i]] = id
	}
	return ids, nil
}

// candidates returns the summaries of the incidents near the windows, in id order: from the cache,
// reading from the store only those it lacks.
func (b *Batch) candidates(ctx context.Context, tx *store.Tx, windows []store.Window) ([]*cachedSummary, error) {
	near, err := tx.Candidates(ctx, windows)
	if err != nil {
		return nil, err
	}
	found, missing := b.cache.get(near)
	if len(missing) == 0 {
		return found, nil
	}
	read, err := tx.Summaries(ctx, missing)
	if err != nil {
		return nil, err
	}
	added := b.cache.put(read)
	out := make([]*cachedSummary, 0, len(found)+len(added))
	for len(found) > 0 || len(added) > 0 { // both in id order; an id of no incident is in neither
		if len(added) > 0 && (len(found) == 0 || added[0].ID < found[0].ID) {
			out, added = append(out, added[0]), added[1:]
			continue
		}
		out, found = append(out, found[0]), found[1:]
	}
	return out, nil
}

// windowOf is where a mention's candidates lie: the days its date may stand for in its country
// (every day when it is undated).
func windowOf(m model.Mention) store.Window {
	from, to, _ := link.Window(m.Date)
	return store.Window{Country: m.Place.Country, From: from, To: to}
}

// join adds a mention and its claims to an incident, and its votes to the batch's tally; created
// says the incident was just created for it; unstored is the mention's encoding when it is not
// stored yet (store.Join), nil for a stored one. A mention of a near-duplicate of a document the
// incident already cites does not vote.
func (b *Batch) join(ctx context.Context, tx *store.Tx, id string, m model.Mention, doc model.DocumentRef, created bool, unstored *store.EncodedMention) error {
	voter := true
	if doc.DuplicateOf != "" {
		cited, err := tx.HasDocument(ctx, id, doc.DuplicateOf)
		if err != nil {
			return err
		}
		voter = !cited
	}
	for _, v := range link.Votes(m, voter) {
		b.vote(id, v)
	}
	code := link.ProfileCode(m, b.l.family)
	j := store.Join{Incident: id, Mention: m, Code: code, Window: windowOf(m), Created: created, Unstored: unstored}
	var mem currents
	if s := b.created[id]; s != nil {
		j.Started, mem = s.window, s.current
	}
	if err := tx.AddToIncident(ctx, j); err != nil {
		return err
	}
	b.cache.joined(id, code)
	docs := map[string]model.DocumentRef{doc.ID: doc}
	metrics, err := b.l.addClaims(ctx, tx, id, link.ReportedClaims(m.Claims, docs), docs, mem)
	if err != nil {
		return err
	}
	b.touch(id, metrics)
	return nil
}

// addClaims stores claims of an incident and updates the current positions they change; it
// returns the metrics claimed. mem, for an incident the batch created, keeps its current positions
// as the store does, and answers in its place; nil for another incident.
func (l *Linker) addClaims(ctx context.Context, tx *store.Tx, id string, claims []model.Claim, docs map[string]model.DocumentRef, mem currents) ([]model.Metric, error) {
	var metrics []model.Metric
	for _, c := range claims {
		if c.Metric == "" {
			continue
		}
		voice := c.DocumentID
		if d := docs[c.DocumentID]; d.DuplicateOf != "" {
			voice = d.DuplicateOf
		}
		row, err := tx.AddClaim(ctx, id, c, voice)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(metrics, c.Metric) {
			metrics = append(metrics, c.Metric)
		}
		mem.claim(c)
		p, ok := link.PositionOf(c.Metric, c, docs)
		if !ok {
			continue
		}
		latest, none, err := mem.latest(c.Metric, p, func() (time.Time, bool, error) {
			return tx.LatestPosition(ctx, id, c.Metric, store.Position(p))
		})
		if err != nil {
			return nil, err
		}
		if change, current := positionChange(p, latest, none); current {
			if err := tx.PutPosition(ctx, id, c.Metric, store.Position(p), row, change); err != nil {
				return nil, err
			}
			mem.put(p, c, change != store.JoinPositions)
		}
	}
	return metrics, nil
}

// currents are the current positions of an incident the batch created, by metric, kept as the
// store keeps them: its estimates are then made without reading them back. A nil currents keeps
// nothing and leaves every question to the store.
type currents map[model.Metric]*link.Current

// claim notes a stored claim of a metric.
func (m currents) claim(c model.Claim) {
	if m == nil {
		return
	}
	if m[c.Metric] == nil {
		m[c.Metric] = link.NewCurrent(c.Metric)
	}
	m[c.Metric].Claim(storedClaim(c))
}

// latest is what the store's LatestPosition answers for p, a position of a claim noted before;
// stored asks the store when nothing is kept.
func (m currents) latest(metric model.Metric, p link.Position, stored func() (time.Time, bool, error)) (time.Time, bool, error) {
	if m == nil {
		return stored()
	}
	latest, none := m[metric].Latest(p)
	return latest, none, nil
}

// put makes p, the position of claim c noted before, current.
func (m currents) put(p link.Position, c model.Claim, replace bool) {
	if m == nil {
		return
	}
	p.Reported = storedDay(p.Reported)
	m[c.Metric].Put(p, storedClaim(c), replace)
}

// estimate is the estimate of a metric from the positions kept; a metric without a claim has none.
func (m currents) estimate(metric model.Metric) model.Estimate {
	if m[metric] == nil {
		return model.Estimate{}
	}
	return m[metric].Estimate()
}

// storedClaim is a claim as the store reads it back: its reported date a day.
func storedClaim(c model.Claim) model.Claim {
	if !c.Reported.IsZero() {
		c.Reported.Start = storedDay(c.Reported.Start)
	}
	return c
}

// storedDay is a reported day as the store keeps it: the UTC day, zero when unknown.
func storedDay(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, mo, d := t.UTC().Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
}

// positionChange is what a position does to its source's current positions on its quantity,
// given their reported day (latest; none when there is none); current is false for an earlier
// one, which is no current position (link.Supersedes).
func positionChange(p link.Position, latest time.Time, none bool) (change store.Change, current bool) {
	replace, join := link.Supersedes(p, latest, none)
	switch {
	case none:
		return store.FirstPosition, true
	case replace:
		return store.ReplacePositions, true
	case join:
		return store.JoinPositions, true
	}
	return 0, false
}

// started is an incident a batch created: the key of its first mention, its window's row id
// (store.StartIncident) and the current positions of each metric it claims.
type started struct {
	first   string
	window  int64
	current currents
}

// decide writes an incident's fields from its tally, and the figures of the given metrics from
// their current positions. created is an incident created in this transaction, which has no row
// yet, its positions in memory; nil for another, whose positions are read.
func (l *Linker) decide(ctx context.Context, tx *store.Tx, id string, metrics []model.Metric, tally []store.Vote, created *started) error {
	votes := make([]link.Vote, len(tally))
	for i, v := range tally {
		votes[i] = link.Vote(v)
	}
	inc := link.Decide(votes, l.family)
	inc.ID, inc.UpdatedAt = id, l.now().UTC()
	figures := make(map[model.Metric]model.Estimate, len(metrics))
	for _, metric := range metrics {
		if created != nil {
			figures[metric] = created.current.estimate(metric)
			continue
		}
		positions, err := tx.Positions(ctx, id, metric)
		if err != nil {
			return fmt.Errorf("figures of %s: %w", id, err)
		}
		if figures[metric], err = link.Figures(metric, positions); err != nil {
			return fmt.Errorf("figures of %s: %w", id, err)
		}
	}
	if created != nil {
		return tx.FirstDecision(ctx, inc, figures, created.first, created.window)
	}
	return tx.UpdateIncident(ctx, inc, figures)
}

// Summarise gives the incidents stored whole (before incremental linking, or by PutIncident) the
// summary linking keeps, from their mentions: a store made by an older version upgrades the
// first time it links.
func (l *Linker) Summarise(ctx context.Context, tx *store.Tx) error {
	ids, err := tx.UnsummarisedIncidents(ctx)
	if err != nil {
		return err
	}
	if len(ids) > 0 {
		l.Forget()
	}
	for _, id := range ids {
		stored, err := tx.IncidentMentions(ctx, id)
		if err != nil {
			return err
		}
		ms := make([]model.Mention, len(stored))
		docIDs := make([]string, len(stored))
		w := store.Window{}
		for i, sm := range stored {
			ms[i], docIDs[i] = sm.Mention, sm.DocumentID
			w = narrower(w, windowOf(sm.Mention))
		}
		docs, err := tx.DocumentRefs(ctx, docIDs)
		if err != nil {
			return err
		}
		s := link.Summarise(ms, docs, l.family)
		members := make([]store.Member, len(s.Members))
		for i, m := range s.Members {
			members[i] = store.Member(m)
		}
		votes := make([]store.Vote, len(s.Votes))
		for i, v := range s.Votes {
			votes[i] = store.Vote(v)
		}
		if err := tx.SetSummary(ctx, id, s.First, w, members, votes); err != nil {
			return err
		}
		claims, voices, err := tx.TakeClaims(ctx, id)
		if err != nil {
			return err
		}
		metrics, err := l.addClaims(ctx, tx, id, claims, voices, nil)
		if err != nil {
			return err
		}
		tally, err := tx.IncidentVotes(ctx, id)
		if err != nil {
			return err
		}
		if err := l.decide(ctx, tx, id, metrics, tally, nil); err != nil {
			return err
		}
	}
	return nil
}

// narrower is the days two windows share; an undated window (zero) shares every day.
func narrower(a, b store.Window) store.Window {
	switch {
	case b.From.IsZero() && b.To.IsZero():
		if a.Country == "" {
			a.Country = b.Country
		}
		return a
	case a.From.IsZero() && a.To.IsZero():
		return b
	}
	if b.From.After(a.From) {
		a.From = b.From
	}
	if b.To.Before(a.To) {
		a.To = b.To
	}
	return a
}

// RefreshCampaigns rebuilds the records of the campaigns the given incidents cite, from every
// incident that cites them; the other campaigns stand as they are.
func (l *Linker) RefreshCampaigns(ctx context.Context, tx *store.Tx, incidentIDs []string) error {
	cited, err := tx.CampaignNames(ctx, incidentIDs)
	if err != nil {
		return err
	}
	return l.RefreshCited(ctx, tx, cited)
}

// RefreshCited rebuilds the records of the campaigns named (in any spelling), from every
// incident that cites them.
func (l *Linker) RefreshCited(ctx context.Context, tx *store.Tx, cited []string) error {
	if len(cited) == 0 {
		return nil
	}
	all, err := tx.CampaignSpellings(ctx)
	if err != nil {
		return err
	}
	touched := map[string]bool{}
	for _, name := range cited {
		touched[link.CampaignKey(name)] = true
	}
	var names []string
	for _, name := range all {
		if touched[link.CampaignKey(name)] {
			names = append(names, name)
		}
	}
	incs, err := tx.CampaignMembers(ctx, names)
	if err != nil {
		return err
	}
	var cs []model.Campaign
	for _, c := range link.Campaigns(incs, l.family) {
		if touched[link.CampaignKey(c.Name)] {
			cs = append(cs, c)
		}
	}
	return tx.ReplaceCampaigns(ctx, names, cs)
}
