package extract

import (
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/wallwatch/wallwatch/internal/model"
)

// metricCategories are the cue categories that say what a figure counts.
var metricCategories = []model.Metric{model.Escaped, model.Recaptured, model.Killed, model.Wounded, model.Held, model.Attackers}

// maxCueDistance is how many words may stand between a figure and the cue that gives its meaning.
const maxCueDistance = 12

// claims reads every figure of the frame's sentences as a claim: which metric it measures, whose
// side it counts (for killed and wounded), who put it forward and when.
func (a *analysis) claims(f *frame, perpetrators []string) []model.Claim {
	var out []model.Claim
	seen := map[int]bool{} // low bounds already claimed in the frame
	for _, si := range f.sentences {
		if aggregate(si) || f.date != nil && earlier(si, f.date.Date) {
			continue
		}
		claimant, role := a.claimant(si)
		role = roleIn(role, claimant, perpetrators, a.x.res.SameFamily)
		part, split := f.parts[si]
		for k, q := range si.quantities {
			if split && !slices.Contains(part.figures, k) {
				continue // another town's figure, or one no town can claim
			}
			if !figure(a.text, si, q) || backReference(si, q, seen) {
				continue
			}
			metric, ok := metricOf(a.text, si, q)
			if !ok || metric == model.Held && heldAcrossFacilities(si) {
				continue
			}
			c := model.Claim{Metric: metric, Low: q.Low, High: q.High, Qualifier: q.Qualifier,
				Claimant: claimant, ClaimantRole: role, DocumentID: a.doc.ID,
				Reported: model.Date{Start: dayOf(si.ref.Date), Precision: si.ref.Precision},
				Quote:    a.text[si.start:si.end], Start: a.offsets.at(si.start), End: a.offsets.at(si.end)}
			if si.ref.Date.IsZero() {
				c.Reported = model.Date{}
			}
			if metric == model.Killed || metric == model.Wounded {
				c.Side = a.sideOf(si, q, perpetrators)
				if c.Side == "unknown" {
					c.Side = ownSide(si, q, role)
				}
				if c.Side == "unknown" {
					c.Side = sideBefore(out, c)
				}
			}
			if q.Low != nil {
				seen[*q.Low] = true
			}
			if repeated(out, c) {
				continue // the same sentence twice in one page
			}
			out = append(out, c)
			if total, ok := a.coordinatedTotal(si, q, c); ok {
				out = append(out, total)
			}
		}
	}
	return out
}

// coordinatedTotal reads "Two soldiers and a police officer were killed": a count of people
// joined by "and" to another group of the same side that one verb governs counts them all, 3 here.
func (a *analysis) coordinatedTotal(si *sentenceInfo, q Quantity, c model.Claim) (model.Claim, bool) {
	if c.Qualifier != "exact" || c.Low == nil || !peopleNouns[q.Noun] {
		return model.Claim{}, false
	}
	_, last := tokenSpan(si.toks, q.Start, q.End)
	and := last + 1
	for and < len(si.toks) && and <= last+3 && si.toks[and].fold != "and" {
		if !peopleNouns[si.toks[and].fold] && !nameLike(si.toks[and]) {
			return model.Claim{}, false // only the first group's own words before "and"
		}
		and++
	}
	if and >= len(si.toks) || si.toks[and].fold != "and" || and+2 >= len(si.toks) {
		return model.Claim{}, false
	}
	second, noun := 0, and+2
	switch w := si.toks[and+1].fold; w {
	case "a", "an", "one":
		second = 1
	default:
		for _, o := range si.quantities {
			if first, _ := tokenSpan(si.toks, o.Start, o.End); first == and+1 && o.Qualifier == "exact" && o.Low != nil && peopleNouns[o.Noun] {
				second = *o.Low
			}
		}
	}
	for noun < len(si.toks) && noun <= and+4 && !peopleNouns[si.toks[noun].fold] {
		noun++
	}
	if second == 0 || noun >= len(si.toks) || noun > and+4 || !peopleNouns[si.toks[noun].fold] {
		return model.Claim{}, false
	}
	// One verb must govern both: the metric cue comes after the second group.
	if m, ok := metricAfter(si, noun); !ok || m != c.Metric {
		return model.Claim{}, false
	}
	if c.Side != "" && sideAt(si, and+1, noun) != c.Side {
		return model.Claim{}, false // "four attackers and one warder": sides are counted apart
	}
	sum := *c.Low + second
	total := c
	total.Low, total.High = &sum, &sum
	return total, true
}

// metricAfter is the metric of the first metric cue within a few words after token k.
func metricAfter(si *sentenceInfo, k int) (model.Metric, bool) {
	for _, c := range si.cues {
		if m := model.Metric(c.category); isMetric(m) && c.first > k && c.first <= k+4 {
			return m, true
		}
	}
	return "", false
}

// sideAt is the side word among tokens from..to, "unknown" without one.
func sideAt(si *sentenceInfo, from, to int) string {
	for _, c := range si.cues {
		if side, ok := strings.CutPrefix(c.category, "side:"); ok && c.first >= from && c.last <= to {
			return side
		}
	}
	return "unknown"
}

// figure reports a quantity that can be a claim: a count of people, not a subset, a reference
// mark or a count of things.
func figure(text string, si *sentenceInfo, q Quantity) bool {
	return q.Kind == "count" && !subset(text, si, q) && !footnote(text, q) && !countsThings(si, q)
}

// aggregate reports a sentence whose figures add up a period or many places: "the deadliest month
// since...", "in the past 30 years", "across fourteen detention centres".
func aggregate(si *sentenceInfo) bool {
	if si.is("aggregate") {
		return true
	}
	for i, t := range si.toks {
		switch t.fold {
		case "past", "last":
			for k := i + 1; k < len(si.toks) && k <= i+2; k++ {
				if w := si.toks[k].fold; w == "years" || w == "decades" || w == "decade" {
					return true
				}
			}
		case "across":
			for k := i + 1; k < len(si.toks) && k <= i+3; k++ {
				if pluralFacilityWord(si.toks[k].fold) {
					return true
				}
			}
		}
	}
	return false
}

// earlier reports a sentence whose event date ends before the incident's: its figures belong to
// an earlier event ("around eighty people were killed there last year").
func earlier(si *sentenceInfo, incident model.Date) bool {
	d := eventDateOf(si)
	slack := max(incident.Precision.Tolerance(), earlierSlackDays)
	return d != nil && periodEnd(d.Date).Before(incident.Start.AddDate(0, 0, -slack))
}

// earlierSlackDays is how long before the incident's date a sentence may be dated and still tell
// of it: sieges begin, and reports misdate, by days.
const earlierSlackDays = 7

// periodEnd is the last day a date can stand for.
func periodEnd(d model.Date) time.Time {
	switch {
	case d.End != nil:
		return *d.End
	case d.Precision == model.PrecisionWeek:
		return d.Start.AddDate(0, 0, 6)
	case d.Precision == model.PrecisionMonth:
		return d.Start.AddDate(0, 1, -1)
	case d.Precision == model.PrecisionYear:
		return d.Start.AddDate(1, 0, -1)
	}
	return d.Start
}

// heldAcrossFacilities reports a population spread over several places: "thousands of fighters
// held in [SDF] prisons".
func heldAcrossFacilities(si *sentenceInfo) bool {
	for i, t := range si.toks {
		if t.fold != "in" && t.fold != "across" {
			continue
		}
		for k := i + 1; k < len(si.toks) && k <= i+3; k++ {
			if pluralFacilityWord(si.toks[k].fold) {
				return true
			}
		}
	}
	return false
}

// ownSide reads "121 of its own militiamen": the claimant counts its own dead.
func ownSide(si *sentenceInfo, q Quantity, role model.Role) string {
	_, last := tokenSpan(si.toks, q.Start, q.End)
	for k := last + 1; k+1 < len(si.toks) && k <= last+3; k++ {
		w, next := si.toks[k].fold, si.toks[k+1].fold
		if (w == "its" || w == "their") && next == "own" || w == "on" && (next == "it" || next == "them") && k > last+1 {
			switch role {
			case model.RoleDefender, model.RoleGovernment:
				return "security"
			case model.RolePerpetrator:
				return "perpetrators"
			}
		}
	}
	return "unknown"
}

// sideBefore is the side of the claim of the same metric just before in the same sentence: "At
// least seven PKK operatives were killed and some accounts say twenty-eight".
func sideBefore(claims []model.Claim, c model.Claim) string {
	if n := len(claims); n > 0 {
		prev := claims[n-1]
		if prev.Metric == c.Metric && prev.Quote == c.Quote && prev.Side != "" {
			return prev.Side
		}
	}
	return "unknown"
}

// repeated reports a claim already read from an identical sentence.
func repeated(claims []model.Claim, c model.Claim) bool {
	for _, o := range claims {
		if o.Metric == c.Metric && o.Quote == c.Quote && sameBound(o.Low, c.Low) && sameBound(o.High, c.High) {
			return true
		}
	}
	return false
}

func sameBound(a, b *int) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// backReference reports a figure that names again a group already counted: "the 1,500 escapees
// are still on the run" after "over 1,500 prisoners escaped".
func backReference(si *sentenceInfo, q Quantity, seen map[int]bool) bool {
	first, _ := tokenSpan(si.toks, q.Start, q.End)
	return first > 0 && si.toks[first-1].fold == "the" && q.Low != nil && seen[*q.Low]
}

// tokenSpan returns the first and last token indexes covering bytes [s, e).
func tokenSpan(toks []token, s, e int) (int, int) {
	first, last := -1, -1
	for i, t := range toks {
		if t.end > s && t.start < e {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}

// metricOf picks the metric cue nearest to the figure in words; a cue after the figure wins ties
// ("39 gunmen were killed"). A figure whose own noun names attackers counts the assault force
// unless a casualty cue is close.
func metricOf(text string, si *sentenceInfo, q Quantity) (model.Metric, bool) {
	first, last := tokenSpan(si.toks, q.Start, q.End)
	if first < 0 {
		return "", false
	}
	// A cue must lie within maxCueDistance words, a comma between counting as three; among those,
	// a conjunction between a cue and the figure after it ranks the cue lower.
	best, bestRank, bestDist := model.Metric(""), 1<<30, 0
	var attackerNoun, bestBefore, bestComma bool
	if wholePopulation(si, first, last) {
		return model.Held, true
	}
	ofPhraseEnd := last
	if first < 1 || si.toks[first-1].fold != "the" && si.toks[first-1].fold != "of" {
		ofPhraseEnd = groupPhraseEnd(text, si.toks, last) // not "Of the 879 who escaped": that clause says what they did
	}
	for _, c := range si.cues {
		metric := model.Metric(c.category)
		if !isMetric(metric) && (c.category != "stayed" || insideMetricCue(si, c)) {
			continue
		}
		if attempted(si.toks, c.first) {
			continue // "tried to escape and were recaptured"
		}
		var dist, rank int
		commaBefore := false
		switch {
		case c.first > last && c.first <= ofPhraseEnd:
			continue
		case c.first > last:
			dist = c.first - ofPhraseEnd + clauseBreak(text, si.toks[last].end, si.toks[c.first].start)
			rank = dist
		case c.last < first:
			brk := clauseBreak(text, si.toks[c.last].end, si.toks[first].start)
			dist = first - c.last + brk
			rank = dist + conjunctionBreak(si.toks[c.last+1:first])
			commaBefore = brk > 0
		default:
			continue // the cue is inside the figure's own words
		}
		if dist > maxCueDistance {
			continue
		}
		if c.first == last+1 && escapeeWords[si.toks[c.first].fold] {
			rank = maxCueDistance // "12 escapees were recaptured": the noun says who, a verb what befell them
		}
		if metric == model.Attackers {
			// "150 fighters", "the assault team consisted of 100 men"
			if c.first > last && c.first-last <= 3 || c.last < first && first-c.last <= 4 && !escapeeWords[si.toks[c.last].fold] {
				attackerNoun = true
			}
			continue
		}
		if rank < bestRank || rank == bestRank && c.first > last {
			best, bestRank, bestDist, bestBefore, bestComma = metric, rank, dist, c.last < first, commaBefore
		}
	}
	// "150 fighters stormed..." counts attackers; "39 gunmen ... were killed", "300 jihadists had
	// escaped" and "holds 3,500 jihadists" do not.
	if best == "stayed" {
		return "", false // "only about 100 remained"
	}
	if best == "" && first > 0 && (si.toks[first-1].fold == "to" || si.toks[first-1].fold == "at") && tollUpdate(si) {
		return model.Killed, true // "the death toll from the attack on the prison in X rose to 29"
	}
	if bestBefore && bestComma && partOfThem(text, si, q) {
		return "", false // "freed 300, two of them known by name": a part, not a second count
	}
	casualty := best == model.Killed || best == model.Wounded
	if attackerNoun && !casualty && (best == "" || bestDist > attackerVerbReach || best == model.Held && !bestBefore) {
		return model.Attackers, true
	}
	return best, best != ""
}

// attackerVerbReach is how many words an escape or holding cue may stand from a figure of
// fighters and still say what happened to them rather than what they did.
const attackerVerbReach = 5

// wholePopulation reports a figure that counts everyone held: "of the 759 inmates", "all 145
// inmates". "A total of 389 prisoners were freed" says nothing of the population.
func wholePopulation(si *sentenceInfo, first, last int) bool {
	if first < 1 || last+1 >= len(si.toks) || !isInmateWord(si, last+1) || escapeeWords[si.toks[last+1].fold] {
		return false
	}
	prev := si.toks[first-1].fold
	if prev == "all" {
		return true
	}
	return prev == "the" && first >= 2 && si.toks[first-2].fold == "of" && (last+2 >= len(si.toks) || !relativeWord(si.toks[last+2].fold))
}

// escapeeWords name inmates by their escape: "the 1,500 escapees" are not the population.
var escapeeWords = setOf("escapees escapee fugitives fugitive evades evadés fugados")

// isInmateWord reports whether token k is an inmate cue.
func isInmateWord(si *sentenceInfo, k int) bool {
	for _, c := range si.cues {
		if c.category == "inmate" && c.first == k {
			return true
		}
	}
	return false
}

// groupPhraseEnd returns the last token of the words after a figure that describe the group it
// is taken from rather than what happened to it: "421 of the inmates who escaped [had been
// recaptured]", "six inmates who fled [returned]", "64 of the escaped inmates [were militants]".
func groupPhraseEnd(text string, toks []token, last int) int {
	i := last + 1
	if i < len(toks) && toks[i].fold == "of" {
		i++
		for i < len(toks) && i <= last+4 && !relativeWord(toks[i].fold) && !(auxiliaries[toks[i].fold] && !toks[i].upper) {
			i++ // "421 of the inmates [who...]", but "four of them [were recaptured]" ends before its verb
		}
	} else if i+1 < len(toks) && relativeWord(toks[i+1].fold) {
		i++ // "six inmates who fled": the noun, then the relative clause
	}
	if i < len(toks) && relativeWord(toks[i].fold) {
		return relativeClauseEnd(text, toks, i) // "who escaped", "who escaped from X on Wednesday,"
	}
	return i - 1
}

// relativeClauseEnd returns the last token of a relative clause opening at token i: up to a
// comma when one closes it within a dozen words, else its first two words.
func relativeClauseEnd(text string, toks []token, i int) int {
	for k := i + 1; k < len(toks) && k <= i+12; k++ {
		if strings.Contains(text[toks[k-1].end:toks[k].start], ",") {
			return k - 1
		}
	}
	return min(i+2, len(toks)-1)
}

// insideMetricCue reports a cue that is part of a longer metric cue: "remain" in "remain at large".
func insideMetricCue(si *sentenceInfo, c cueHit) bool {
	for _, o := range si.cues {
		if o != c && isMetric(model.Metric(o.category)) && o.first <= c.first && o.last >= c.last {
			return true
		}
	}
	return false
}

// attempted reports a cue after "tried to", "attempted to": the escape did not happen.
func attempted(toks []token, k int) bool {
	if k < 2 || toks[k-1].fold != "to" {
		return false
	}
	switch toks[k-2].fold {
	case "tried", "trying", "attempted", "attempting", "tries", "attempt", "attempts":
		return true
	}
	return false
}

// conjunctionBreak is the extra distance a conjunction between a cue and the figure after it
// adds: "seven were captured and three others are counted dead" — three are the dead.
func conjunctionBreak(between []token) int {
	for _, t := range between {
		switch t.fold {
		case "and", "but", "while", "whereas", "et", "mais", "dan", "y", "pero":
			return 2
		}
	}
	return 0
}

var copulas = setOf("were was are is etaient etait sont figuraient figurent di")

var auxiliaries = setOf("was were is are have has had been be will would could")

func relativeWord(w string) bool { return w == "who" || w == "that" || w == "which" }

// clauseBreak is the extra distance a comma, semicolon or dash between a cue and a figure adds: a
// cue in the figure's own clause wins ("Of the 879 who escaped, 443 were recaptured"; "one died,
// eight have been recaptured").
func clauseBreak(text string, from, to int) int {
	if from < to && strings.ContainsAny(text[from:to], ",;—–") {
		return 3
	}
	return 0
}

func isMetric(m model.Metric) bool {
	for _, c := range metricCategories {
		if c == m {
			return true
		}
	}
	return false
}

// sideOf reads whose casualties a figure counts from the words right after it, in its own phrase: an actor ("39 IS
// gunmen", "35 SDF personnel") is the perpetrators' side when it is a perpetrator of the incident
// and the defenders' otherwise; else a side word ("prisoners", "guards", "civilians").
func (a *analysis) sideOf(si *sentenceInfo, q Quantity, perpetrators []string) string {
	_, last := tokenSpan(si.toks, q.Start, q.End)
	for _, m := range si.actors {
		first, _ := tokenSpan(si.toks, m.Start, m.End)
		if first <= last || first-last > 3 || strings.ContainsAny(a.text[q.End:m.Start], ",;(") {
			continue
		}
		for _, p := range perpetrators {
			if a.x.res.SameFamily(p, m.Name) {
				return "perpetrators"
			}
		}
		if m.Kind == "armed_group" || m.Kind == "state_force" || m.Kind == "government" {
			return "security"
		}
	}
	for _, c := range si.cues {
		side, ok := strings.CutPrefix(c.category, "side:")
		if ok && c.first > last && c.first-last <= 4 && !strings.ContainsAny(a.text[q.End:si.toks[c.first].start], ",;(") {
			return side // "eight people, including three soldiers": the soldiers are another count
		}
	}
	return "unknown"
}

// subset reports a figure that counts part of another ("including 123 militants").
func subset(text string, si *sentenceInfo, q Quantity) bool {
	before := strings.ToLower(text[max(si.start, q.Start-24):q.Start])
	for _, w := range []string{"including", "among them", "among whom", "dont ", "termasuk", "incluidos"} {
		if strings.Contains(before, w) {
			return true
		}
	}
	if len(si.toks) > 0 && si.toks[0].fold == "among" {
		return true // "Among the inmates who escaped were all the 123 members of the group"
	}
	_, last := tokenSpan(si.toks, q.Start, q.End)
	for k := last + 2; k < len(si.toks) && k <= last+4; k++ {
		if w := si.toks[k].fold; (w == "among" || w == "parmi" || w == "antara") && copulas[si.toks[k-1].fold] {
			return true // "12 terrorists were among the inmates who fled", not "three dead among the guards"
		}
	}
	return false
}

// partOfThem reports a figure taken from a group named before: "two of them", "ten of whom".
func partOfThem(text string, si *sentenceInfo, q Quantity) bool {
	after := strings.ToLower(text[q.End:min(si.end, q.End+16)])
	for _, w := range []string{" of them", " of whom", " d'entre eux", " d’entre eux", " de ellos"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// countsThings reports a figure followed within three words by a noun of things (number.go's
// list): FindNumbers reads only the head noun, "nine INTERPOL member countries" hides it.
func countsThings(si *sentenceInfo, q Quantity) bool {
	_, last := tokenSpan(si.toks, q.Start, q.End)
	for k := last + 1; k < len(si.toks) && k <= last+3; k++ {
		if thingNouns[si.toks[k].fold] {
			return true
		}
	}
	return false
}

// footnote reports a reference mark such as "[4]", "[note 2]" or the "4" glued to the end of a
// sentence ("at once.4"), not a figure.
func footnote(text string, q Quantity) bool {
	if q.Start > 0 && text[q.Start-1] == '[' && q.End < len(text) && text[q.End] == ']' {
		return true
	}
	before := text[:q.Start]
	if q.Start == q.End || !unicode.IsDigit(rune(text[q.Start])) {
		return false // "”One died" is a figure
	}
	for _, mark := range []string{".", "”", "\"", "’", ")"} {
		if rest, ok := strings.CutSuffix(before, mark); ok && rest != "" && !unicode.IsDigit(rune(rest[len(rest)-1])) && !unicode.IsSpace(rune(rest[len(rest)-1])) {
			return true
		}
	}
	return false
}

// claimant finds who a sentence attributes its statements to: the dictionary actor or generic
// source nearest to a reporting verb; without a reporting verb, the article itself.
func (a *analysis) claimant(si *sentenceInfo) (string, model.Role) {
	verb := -1
	for _, c := range si.cues {
		if c.category == "claim" {
			verb = c.first
			break
		}
	}
	if verb < 0 {
		return a.articleName(), model.RoleMedia
	}
	bestDist := 1 << 30
	name, role := "", model.RoleUnknown
	for _, m := range si.actors {
		first, last := tokenSpan(si.toks, m.Start, m.End)
		if first > verb && a.addressee(si, first) {
			continue // "a déclaré à l'AFP le maire", "told Reuters": the listener, not the speaker
		}
		if d := speakerDistance(first, last, verb); d < bestDist {
			bestDist, name, role = d, m.Name, m.Role
		}
	}
	for _, c := range si.cues {
		r, ok := strings.CutPrefix(c.category, "claimant:")
		if !ok || insideActor(si, c) {
			continue
		}
		if d := speakerDistance(c.first, c.last, verb); d < bestDist {
			bestDist = d
			name = a.text[si.toks[c.first].start:si.toks[c.last].end]
			role = model.Role(r)
		}
	}
	if name == "" && pronounNear(si.toks, verb) && si.index > 0 {
		return a.claimant(a.sentences[si.index-1]) // `"...," he said` after the spokesman's sentence
	}
	if name == "" {
		return a.articleName(), model.RoleMedia
	}
	return name, role
}

// roleIn is a claimant's role in this incident: an armed group that is not among its
// perpetrators speaks for the side holding the prison (a militia running it).
func roleIn(role model.Role, claimant string, perpetrators []string, sameFamily func(a, b string) bool) model.Role {
	if role != model.RolePerpetrator || len(perpetrators) == 0 {
		return role
	}
	for _, p := range perpetrators {
		if sameFamily(p, claimant) {
			return role
		}
	}
	return model.RoleDefender
}

// addressee reports a name right after "to" or "à", or after "told": whom a statement was made to.
func (a *analysis) addressee(si *sentenceInfo, k int) bool {
	if k == 0 {
		return false
	}
	prev := si.toks[k-1]
	return prev.fold == "to" || prev.fold == "told" || a.text[prev.start:prev.end] == "à"
}

// speakerDistance is how far a name at tokens first..last stands from the reporting verb at k,
// counted from its nearer end; a name after the verb counts two more, since the speaker is more
// often its subject ("the Observatory said that 39 IS gunmen...").
func speakerDistance(first, last, k int) int {
	if last < k {
		return k - last
	}
	return first - k + 2
}

// pronounNear reports a personal pronoun right before or after the reporting verb at k.
func pronounNear(toks []token, k int) bool {
	for i := max(0, k-2); i < len(toks) && i <= k+2; i++ {
		switch toks[i].fold {
		case "he", "she", "they", "il", "elle", "ils", "elles", "dia", "mereka":
			return true
		}
	}
	return false
}

// insideActor reports a cue that is part of a dictionary actor's name ("Human Rights" in the
// Syrian Observatory for Human Rights).
func insideActor(si *sentenceInfo, c cueHit) bool {
	s, e := si.toks[c.first].start, si.toks[c.last].end
	for _, m := range si.actors {
		if s >= m.Start && e <= m.End {
			return true
		}
	}
	return false
}

// articleName names the document as a source: its title, else where it came from.
func (a *analysis) articleName() string {
	if a.doc.Title != "" {
		return a.doc.Title
	}
	if u, err := url.Parse(a.doc.URL); err == nil && u.Host != "" {
		return u.Host
	}
	return path.Base(filepath.ToSlash(a.doc.Source)) // the file, not where it lay on one machine
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
