package pipeline

import (
	"cmp"
	"context"
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// reportReader reads reports for the citation check, each text once a run.
type reportReader struct {
	ctx   context.Context
	s     *store.Store
	texts map[string]string // document id -> lower-cased text
	bad   map[string]bool   // documents that could not be read
}

func newReportReader(ctx context.Context, s *store.Store) *reportReader {
	return &reportReader{ctx: ctx, s: s, texts: map[string]string{}, bad: map[string]bool{}}
}

// cite finds, in the reports of one incident, the name of another's facility: reporters tying
// two incidents together ("fighters freed from X took part in Y"). A report of both incidents does
// not count (it merely covers both), nor does a facility named only by generic words ("central
// prison"). A report that cannot be read counts as not naming it, and sure is then false, so that
// the answer is not kept beyond this run.
func (r *reportReader) cite(from, to model.Incident) (how string, sure bool) {
	name := strings.ToLower(to.Facility)
	sure = true
	for _, id := range citingReports(from, to) {
		text, ok := r.texts[id]
		if !ok {
			t, err := r.s.DocumentText(r.ctx, id)
			text, r.bad[id] = strings.ToLower(t), err != nil
			r.texts[id] = text
		}
		sure = sure && !r.bad[id]
		if strings.Contains(text, name) {
			return fmt.Sprintf("a report of %s names %s", cmp.Or(from.Facility, from.ID), to.Facility), true
		}
	}
	return "", sure
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

// storedCitations is the citation check with the answers of earlier runs (store.WaveCitations):
// a pair whose inputs are unchanged is answered without reading its reports, so a refresh reads
// only the reports of pairs that are new or changed. The answer depends on nothing but what the
// key holds: both facilities, the citing incident's label and the ids of the reports read, which
// derive from their texts.
type storedCitations struct {
	s      *store.Store
	reader *reportReader
	stored map[string]string // answers of earlier runs, by key
	asked  map[string]string // answers of this run, by key: those to keep
}

func newStoredCitations(ctx context.Context, s *store.Store) (*storedCitations, error) {
	stored, err := s.WaveCitations(ctx)
	if err != nil {
		return nil, err
	}
	return &storedCitations{s: s, reader: newReportReader(ctx, s), stored: stored, asked: map[string]string{}}, nil
}

// check is the analyse.Cites of a refresh.
func (c *storedCitations) check(from, to model.Incident) string {
	reports := citingReports(from, to)
	if len(reports) == 0 {
		return ""
	}
	key := citationKey(from, to, reports)
	how, ok := c.stored[key]
	if !ok {
		var sure bool
		if how, sure = c.reader.cite(from, to); !sure {
			return how
		}
	}
	c.asked[key] = how
	return how
}

// keep stores this run's answers in place of the earlier runs'.
func (c *storedCitations) keep(ctx context.Context) error {
	return c.s.ReplaceWaveCitations(ctx, c.stored, c.asked)
}

// citationKey is a digest of what the check reads for a pair, each value ended by a zero byte.
func citationKey(from, to model.Incident, reports []string) string {
	h := sha256.New()
	for _, v := range append([]string{cmp.Or(from.Facility, from.ID), to.Facility}, reports...) {
		h.Write([]byte(v))
		h.Write([]byte{0})
	}
	return string(h.Sum(nil))
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
