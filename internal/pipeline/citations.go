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

// storedCitations is the citation check with the answers of earlier runs
// (store.WaveReportNames): whether a report holds a name is read from the store when any earlier
// run asked it, so a refresh reads only the reports that no run read for that name — those an
// ingest added to an incident, or the reports of an incident newly paired with a facility. An
// answer per pair would be lost whenever the pair's list of reports changed, and every report of
// the pair read again.
type storedCitations struct {
	s      *store.Store
	texts  *store.DocumentTexts
	reader *reportReader
	stored map[store.ReportName]bool // answers of earlier runs
	asked  map[store.ReportName]bool // answers of this run: those to keep
}

func newStoredCitations(ctx context.Context, s *store.Store) (*storedCitations, error) {
	stored, err := s.WaveReportNames(ctx)
	if err != nil {
		return nil, err
	}
	texts, err := s.DocumentTexts(ctx)
	if err != nil {
		return nil, err
	}
	return &storedCitations{s: s, texts: texts, reader: newReportReader(ctx, texts.Text), stored: stored,
		asked: map[store.ReportName]bool{}}, nil
}

// check is the analyse.Cites of a refresh.
func (c *storedCitations) check(from, to model.Incident) string {
	return citation(from, to, c.holds)
}

// holds answers whether a report holds a name from the stored answers, else from its text, and
// notes the answer to keep unless the text could not be read.
func (c *storedCitations) holds(id, name string) bool {
	q := store.ReportName{Name: name, DocumentID: id}
	found, ok := c.stored[q]
	if !ok {
		var sure bool
		if found, sure = c.reader.holds(id, name); !sure {
			return found
		}
	}
	c.asked[q] = found
	return found
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
