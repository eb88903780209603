package pipeline

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// reportReader reads reports for the citation check, each text once a run.
type reportReader struct {
	ctx   context.Context
	text  func(ctx context.Context, id string) (string, error) // a document's text
	texts map[string]string                                    // document id -> lower-cased text
	bad   map[string]bool                                      // documents that could not be read
}

func newReportReader(ctx context.Context, text func(ctx context.Context, id string) (string, error)) *reportReader {
	return &reportReader{ctx: ctx, text: text, texts: map[string]string{}, bad: map[string]bool{}}
}

// holds reports whether the text of report id holds name (lower-cased). A report that cannot be
// read counts as not holding it, and sure is then false, so that the answer is not kept beyond
// this run.
func (r *reportReader) holds(id, name string) (found, sure bool) {
	text, ok := r.texts[id]
	if !ok {
		t, err := r.text(r.ctx, id)
		text, r.bad[id] = strings.ToLower(t), err != nil
		r.texts[id] = text
	}
	return strings.Contains(text, name), !r.bad[id]
}

// citation finds, in the reports of one incident, the name of another's facility: reporters tying
// two incidents together ("fighters freed from X took part in Y"). A report of both incidents does
// not count (it merely covers both), nor does a facility named only by generic words ("central
// prison"). holds answers whether one report's text holds the lower-cased name.
func citation(from, to model.Incident, holds func(report, name string) bool) string {
	name := strings.ToLower(to.Facility)
	for _, id := range citingReports(from, to) {
		if holds(id, name) {
			return fmt.Sprintf("a report of %s names %s", cmp.Or(from.Facility, from.ID), to.Facility)
		}
	}
	return ""
}

// citingReports lists the reports of from the check reads for to's facility: none when the name
// is generic, else up to maxCitingReports of from's that are not also reports of to.
func citingReports(from, to model.Incident) []string {
	if !distinctive(strings.ToLower(to.Facility)) {
		return nil
	}
	var ids []string
	for _, d := range from.Documents[:min(len(from.Documents), maxCitingReports)] {
		if !slices.ContainsFunc(to.Documents, func(r model.DocumentRef) bool { return r.ID == d.ID }) {
			ids = append(ids, d.ID)
		}
	}
	return ids
}

// storedCitations is the citation check with what earlier runs found (store.WaveReportNames):
// a report read once is searched for every facility name of the record (numbered in
// store.WaveNames), so a later run asking whether it holds any of them needs no read. A refresh
// reads only the reports no run has read — those an ingest added to incidents of a wave — and
// those asked about a name that was not yet known when they were read. An answer per pair of
// incidents was lost whenever the pair's list of reports changed, and an answer per report and
// name whenever a report met a facility it had not been searched for: most reports were read
// again after every ingest.
type storedCitations struct {
	ctx     context.Context
	s       *store.Store
	texts   *store.DocumentTexts
	numbers map[string]int // facility name (lower-cased) -> its number
	scanner *nameScanner   // finds every numbered name: index i is number i+1
	stored  map[string]store.ReportNames
	asked   map[string]store.ReportNames // what this run found or reused: what to keep
	bad     map[string]bool              // reports that could not be read
}

// newStoredCitations numbers the facility names of incs that are not numbered yet and reads what
// earlier runs found.
func newStoredCitations(ctx context.Context, s *store.Store, incs []model.Incident) (*storedCitations, error) {
	names, err := numberedNames(ctx, s, incs)
	if err != nil {
		return nil, err
	}
	stored, err := s.WaveReportNames(ctx)
	if err != nil {
		return nil, err
	}
	texts, err := s.DocumentTexts(ctx)
	if err != nil {
		return nil, err
	}
	c := &storedCitations{ctx: ctx, s: s, texts: texts, numbers: map[string]int{},
		scanner: newNameScanner(names), stored: stored, asked: map[string]store.ReportNames{}, bad: map[string]bool{}}
	for i, name := range names {
		c.numbers[name] = i + 1
	}
	return c, nil
}

// numberedNames returns every numbered facility name, in number order, after numbering those of
// incs that were not (distinctive ones only, as the check looks for no other; in name order).
// It writes only when some name is new.
func numberedNames(ctx context.Context, s *store.Store, incs []model.Incident) ([]string, error) {
	names, err := s.WaveNames(ctx)
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, n := range names {
		known[n] = true
	}
	var added []string
	for _, inc := range incs {
		if name := strings.ToLower(inc.Facility); distinctive(name) && !known[name] {
			known[name] = true
			added = append(added, name)
		}
	}
	if len(added) == 0 {
		return names, nil
	}
	slices.Sort(added)
	return s.NumberWaveNames(ctx, added)
}

// check is the analyse.Cites of a refresh.
func (c *storedCitations) check(from, to model.Incident) string {
	return citation(from, to, c.holds)
}

// holds answers whether a report holds a name from what this or an earlier run found in it, else
// by searching its text for every numbered name.
func (c *storedCitations) holds(id, name string) bool {
	number, ok := c.numbers[name]
	if !ok { // the facility of no tested incident, which detection does not ask about: read the text
		text, err := c.texts.Text(c.ctx, id)
		return err == nil && strings.Contains(strings.ToLower(text), name)
	}
	r, ok := c.asked[id]
	if !ok {
		r = c.stored[id]
	}
	if found, searched := r.Holds(number); searched {
		c.asked[id] = r
		return found
	}
	if r, ok = c.search(id); !ok {
		return false // counts as not holding it, and is not kept
	}
	c.asked[id] = r
	found, _ := r.Holds(number)
	return found
}

// search reads a report and finds every numbered name in its text; ok is false when it cannot be
// read.
func (c *storedCitations) search(id string) (r store.ReportNames, ok bool) {
	if c.bad[id] {
		return r, false
	}
	text, err := c.texts.Text(c.ctx, id)
	if err != nil {
		c.bad[id] = true
		return r, false
	}
	r.Upto = len(c.numbers)
	for _, i := range c.scanner.scan(strings.ToLower(text)) {
		r.Found = append(r.Found, int(i)+1)
	}
	return r, true
}

// keep stores this run's answers in place of the earlier runs'.
func (c *storedCitations) keep(ctx context.Context) error {
	return c.s.ReplaceWaveReportNames(ctx, c.stored, c.asked)
}

// close releases the reader of texts.
func (c *storedCitations) close() error {
	return c.texts.Close()
}

// maxCitingReports is how many reports of an incident are read for the other's facility name: a
// story told thousands of times names it in its first reports if at all, and reading them all
// would hold every text of the record in memory.
const maxCitingReports = 50

// genericFacilityWords name no facility in particular.
var genericFacilityWords = map[string]bool{"prison": true, "jail": true, "gaol": true, "central": true, "correctional": true,
	"centre": true, "center": true, "custodial": true, "penitentiary": true, "facility": true, "detention": true, "the": true,
	"of": true, "maximum": true, "medium": true, "security": true, "district": true, "state": true, "federal": true,
	"national": true, "main": true, "new": true, "old": true, "city": true, "camp": true, "military": true, "police": true, "station": true}

// distinctive reports whether a facility name has a word of its own besides the generic ones.
func distinctive(name string) bool {
	for _, w := range strings.Fields(name) {
		if !genericFacilityWords[w] {
			return true
		}
	}
	return false
}
