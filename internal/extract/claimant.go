package extract

import (
	"net/url"
	"slices"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
)

// sideAt is the side word among tokens from..to, "unknown" without one.
func sideAt(si *sentenceInfo, from, to int) string {
	for _, c := range si.cues {
		if c.category.isSide() && c.first >= from && c.last <= to {
			return c.category.member()
		}
	}
	return "unknown"
}

// ownSide reads "121 of its own militiamen": the claimant counts its own dead.
func ownSide(si *sentenceInfo, q Quantity, role model.Role) string {
	_, last := tokenSpan(si.toks, q.Start, q.End)
	for k := last + 1; k+1 < len(si.toks) && k <= last+3; k++ {
		if si.lex.phraseAt(ownPossessiveWords, si.toks, k) > 0 || k > last+1 && si.lex.phraseAt(inflictedOnWords, si.toks, k) > 0 {
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

// sideOf reads whose casualties a figure counts from the words right after it, in its own phrase: an actor ("39 IS
// gunmen", "35 SDF personnel") is the perpetrators' side when it is a perpetrator of the incident
// and the defenders' otherwise; else a side word ("prisoners", "guards", "civilians").
func (a *analysis) sideOf(si *sentenceInfo, q Quantity, perpetrators []string) string {
	_, last := tokenSpan(si.toks, q.Start, q.End)
	for _, m := range si.actors {
		first, _ := tokenSpan(si.toks, m.Start, m.End)
		if first <= last || first-last > 3 || containsAny(a.text[q.End:m.Start], clauseMarks+asideOpeners) {
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
	for k := last + 1; k <= last+2 && k < len(si.toks); k++ {
		if si.lex.phraseAt(inCustodyWords, si.toks, k) > 0 {
			return "prisoners" // "two men in police custody": the police hold them
		}
	}
	first, _ := tokenSpan(si.toks, q.Start, q.End)
	for _, c := range si.cues {
		side, ok := c.category.member(), c.category.isSide()
		if ok && c.first == first && c.last == last {
			return side // a noun that counts itself: "حارسان", two guards
		}
		if ok && c.first > last && c.first-last <= 4 && !containsAny(a.text[q.End:si.toks[c.first].start], clauseMarks+asideOpeners) &&
			!subsetMarkerBetween(si, last+1, c.first) && !figureBetween(si, q.End, si.toks[c.first].start) && !wordIn(agentPrepositionWords, si.toks, last+1, c.first) {
			if side == "perpetrators" && escapedBefore(si, c.first) {
				return "prisoners" // "three of the escaped militants were killed": escapees, whatever they were jailed for
			}
			return side // "eight people, including three soldiers": the soldiers are another count; not "two shot by the guards", the guards shot them
		}
	}
	return groupSide(si, first)
}

// figureBetween reports a figure within bytes [from, to) joined by a conjunction: a side word
// after it is that figure's noun ("9 dead and 412 escapees": the escapees are the 412). "None
// of the twelve officers" takes its zero from the twelve, whose noun tells the side.
func figureBetween(si *sentenceInfo, from, to int) bool {
	return slices.ContainsFunc(si.quantities, func(o Quantity) bool {
		if o.Start < from || o.End > to {
			return false
		}
		first, _ := tokenSpan(si.toks, from, o.Start)
		at, _ := tokenSpan(si.toks, o.Start, o.End)
		return first >= 0 && at > first && wordIn(conjunctionWords, si.toks, first, at)
	})
}

// escapedBefore reports an escape word ending right before token k: "the escaped militants".
func escapedBefore(si *sentenceInfo, k int) bool {
	return slices.ContainsFunc(si.cues, func(c cueHit) bool {
		return (c.category == escapedCue || c.category == escapeCue) && c.last == k-1
	})
}

// groupSide is the side of the group a sentence opens with and takes a figure at token first
// from: "Of the three escapees, one was shot dead".
func groupSide(si *sentenceInfo, first int) string {
	if first < 2 || first > groupSideReach || !partitiveToken(&si.toks[0]) {
		return "unknown"
	}
	return sideAt(si, 1, first-1)
}

// groupSideReach is how many words into its sentence a figure may stand and still be taken from
// the group the sentence opens with.
const groupSideReach = 8

// claimant finds who a sentence attributes its statements to: the dictionary actor or generic
// source nearest to a reporting verb; without a reporting verb, the article itself.
func (a *analysis) claimant(si *sentenceInfo) (string, model.Role) {
	return a.claimantIn(si, tokenRange{0, len(si.toks)}, saidAsides(a.text, si))
}

// tokenRange is the tokens first..end-1 of a sentence.
type tokenRange struct{ first, end int }

func (r tokenRange) holds(k int) bool { return k >= r.first && k < r.end }

// saidAsides returns the asides in round brackets of a sentence that hold a word of saying
// ("eight got away (as many as 30, according to local media)"): they name the speaker of the figures
// inside them only.
func saidAsides(text string, si *sentenceInfo) []tokenRange {
	var out []tokenRange
	for _, b := range bracketPairs(text, si.start, si.end) {
		r := tokenRange{first: len(si.toks)}
		for k, t := range si.toks {
			if t.start > b[0] && t.end <= b[1] {
				r.first, r.end = min(r.first, k), k+1
			}
		}
		if r.first < r.end && slices.ContainsFunc(si.cues, func(c cueHit) bool { return c.category == claimCue && r.holds(c.first) }) {
			out = append(out, r)
		}
	}
	return out
}

// asideAround returns the aside of asides that holds a figure: its speaker puts the figure
// forward, not the sentence's.
func asideAround(si *sentenceInfo, asides []tokenRange, q Quantity) (tokenRange, bool) {
	first, _ := tokenSpan(si.toks, q.Start, q.End)
	for _, r := range asides {
		if r.holds(first) {
			return r, true
		}
	}
	return tokenRange{}, false
}

// claimantIn is claimant read on the tokens of span, those of the asides left out.
func (a *analysis) claimantIn(si *sentenceInfo, span tokenRange, asides []tokenRange) (string, model.Role) {
	outside := func(k int) bool {
		return span.holds(k) && !slices.ContainsFunc(asides, func(r tokenRange) bool { return r.holds(k) })
	}
	verb, after := -1, false
	for _, c := range si.cues {
		if c.category == claimCue && outside(c.first) && !withinLongerCue(si.cues, c) {
			verb = c.first
			after = si.lex.phraseAt(sourcePrepositionWords, si.toks, c.first) > 0 // "according to" the one after
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
		if !outside(first) || first > verb && a.addressee(si, first) || after && first < verb {
			continue // "a déclaré à l'AFP le maire", "told Reuters": the listener, not the speaker
		}
		if d := speakerDistance(first, last, verb); d < bestDist {
			bestDist, name, role = d, m.Name, m.Role
		}
	}
	for _, c := range si.cues {
		r, ok := c.category.member(), c.category.isClaimant()
		if !ok || !outside(c.first) || insideActor(si, c) || after && c.first < verb || withinLongerOfMetric(si.cues, c) {
			continue // "15 guards were killed, according to the police chief": the guards do not speak; nor does "hospital" of "in hospital"
		}
		if d := speakerDistance(c.first, c.last, verb); d < bestDist {
			bestDist = d
			name = a.text[si.toks[c.first].start:si.toks[c.last].end]
			role = model.Role(r)
			if si.toks[c.last].is(speakerNounWords) {
				if g, ok := a.speaksFor(si, c.first); ok {
					name, role = g.Name, g.Role // "a Taliban spokesman", "The TTP claimed it. A spokesman said..."
				}
			}
		}
	}
	if len(a.surnames) > 0 {
		// Only a surname nearer the verb than the speaker found can speak instead.
		for k := max(0, verb-bestDist+1); k < len(si.toks) && k < verb+bestDist-2; k++ {
			t := &si.toks[k]
			if !t.upper || after && k < verb || !outside(k) || !a.surnames[withoutPossessive(t.fold)] {
				continue
			}
			if p, ok := a.personRole(t.fold); ok {
				if d := speakerDistance(k, k, verb); d < bestDist {
					bestDist, name, role = d, p.name, p.role // "Vesk said", Vesk named in the lede as the district police chief
				}
			}
		}
	}
	if after {
		// "(as many as seven according to UNMIK)", "according to Kessel Watch, guards shot...": a
		// source no list knows, right after the preposition, speaks before words further on, in
		// the role of the claimant word set beside it ("según Vega, ministra del Interior,").
		if first, last := namedSource(a.text, si, verb, outside); last >= first {
			if speakerDistance(first, last, verb) < bestDist {
				name, role = a.text[si.toks[first].start:si.toks[last].end], appositiveRole(a.text, si, last)
			}
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

// speakerRole is who a person speaks for: the claimant word the text set beside their name.
type speakerRole struct {
	name string
	role model.Role
}

// personRole returns the role the text gives a person it names by a surname (folded), read from
// the first claimant word within personRoleReach words of the surname written after a given name,
// in the same clause or apposition, with no reporting verb between ("Chief Supt. Ola Vesk, the
// regional police director", "prison director Ola Vesk"; not "Vesk told police"): a later "Vesk
// said" speaks for the police. Remembered for the document.
func (a *analysis) personRole(surname string) (speakerRole, bool) {
	if a.personRoles == nil {
		a.personRoles = map[string]speakerRole{}
		for _, si := range a.sentences {
			for k, t := range si.toks {
				if !t.upper || k == 0 || !si.toks[k-1].upper || !a.surnames[t.fold] {
					continue // the full name, a given name before the surname, is where the text says who the person is
				}
				if _, seen := a.personRoles[t.fold]; seen {
					continue
				}
				if slices.ContainsFunc(si.cues, func(c cueHit) bool { return c.category.isClaimant() && c.first <= k && k <= c.last }) {
					continue // "Local media": the word opens a claimant's name here, no person's
				}
				for _, c := range si.cues {
					r, ok := c.category.member(), c.category.isClaimant()
					if !ok || insideActor(si, c) || c.first > k+personRoleReach || c.last < k-personRoleReach {
						continue
					}
					from, to := min(k, c.last), max(k, c.first) // the words between the name and the claimant word
					if containsAny(a.text[si.toks[from].end:si.toks[to].start], ";:.!?") ||
						slices.ContainsFunc(si.cues, func(v cueHit) bool { return v.category == claimCue && v.first > from && v.first < to }) {
						continue // not "Vesk told police": whom the person spoke to
					}
					a.personRoles[t.fold] = a.speakerOf(si, c, model.Role(r))
					break
				}
			}
		}
	}
	p, ok := a.personRoles[surname]
	return p, ok
}

// speakerOf is who a claimant word speaks for: itself, but for a spokesman, the actor he speaks
// for (speaksFor) or the claimant word right beside him ("the army spokesman", "le porte-parole
// de l'armée", "the prisons spokesperson").
func (a *analysis) speakerOf(si *sentenceInfo, c cueHit, role model.Role) speakerRole {
	if !si.toks[c.last].is(speakerNounWords) {
		return speakerRole{a.text[si.toks[c.first].start:si.toks[c.last].end], role}
	}
	if g, ok := a.speaksFor(si, c.first); ok {
		return speakerRole{g.Name, g.Role}
	}
	for _, o := range si.cues {
		r, ok := o.category.member(), o.category.isClaimant()
		if ok && o != c && !si.toks[o.last].is(speakerNounWords) && (o.last < c.first && c.first-o.last <= speakerLinkReach || o.first > c.last && o.first-c.last <= speakerLinkReach) {
			return speakerRole{a.text[si.toks[o.first].start:si.toks[o.last].end], model.Role(r)}
		}
	}
	return speakerRole{a.text[si.toks[c.first].start:si.toks[c.last].end], role}
}

// speakerLinkReach is how many words from a spokesman the body he speaks for may stand ("the
// prisons spokesperson", "portavoce dell'esercito").
const speakerLinkReach = 2

// personRoleReach is how many words from a person's surname the claimant word that says who they
// speak for may stand: "Ola Vesk, the regional police director".
const personRoleReach = 5

// namedSource returns the tokens of the capitalised name right after a source preposition at
// token verb ("according to UNMIK", "selon Kessel Radio"), up to maxSourceWords words that outside
// holds (last < first if none): whoever the text names as its source, though no list knows them.
func namedSource(text string, si *sentenceInfo, verb int, outside func(int) bool) (first, last int) {
	first = verb + si.lex.phraseAt(sourcePrepositionWords, si.toks, verb)
	last = first - 1
	for k := first; k < len(si.toks) && k-first < maxSourceWords && si.toks[k].upper && !si.toks[k].is(stopNameWords) && outside(k); k++ {
		if k > first && text[si.toks[k-1].end:si.toks[k].start] != " " {
			break // "Menurut Ade, Lapas X": the name ends at the comma
		}
		last = k
	}
	return first, last
}

// appositiveRole returns the role of a claimant word that a comma sets right after a name ending
// at token last, within appositiveRoleReach words, in an apposition a comma closes ("Vega, the
// interior minister,"), else RoleUnknown.
func appositiveRole(text string, si *sentenceInfo, last int) model.Role {
	if last+1 >= len(si.toks) || !strings.HasPrefix(text[si.toks[last].end:si.toks[last+1].start], ",") {
		return model.RoleUnknown
	}
	for _, c := range si.cues {
		if r, ok := c.category.member(), c.category.isClaimant(); ok && c.first > last && c.first-last <= appositiveRoleReach && closedAfter(text, si, c.last) {
			return model.Role(r)
		}
	}
	return model.RoleUnknown
}

// closedAfter reports a comma within appositionCloseReach words after token k: the apposition a
// claimant word stands in closes ("Vega, the interior minister, said"), where "according to X,
// guards shot..." goes on with the clause the guards open.
func closedAfter(text string, si *sentenceInfo, k int) bool {
	limit := min(len(si.toks), k+appositionCloseReach+1)
	return markAfter(text, si.toks, k+1, limit, ",") < limit
}

// appositiveRoleReach is how many words after a name its appositive claimant word may start
// ("Vega, the deputy interior minister").
const appositiveRoleReach = 4

// appositionCloseReach is how many words after its claimant word an apposition may run before its
// closing comma ("Menteri Informasi Provinsi Kessel Barat,").
const appositionCloseReach = 6

// maxSourceWords is how many capitalised words the name of a source no list knows may have.
const maxSourceWords = 5

// withinLongerCue reports a cue that is part of a longer cue of another category: "admitted" in
// "admitted to hospital" tells a wound, not a statement.
func withinLongerCue(cues []cueHit, c cueHit) bool {
	return slices.ContainsFunc(cues, func(o cueHit) bool {
		return o.category != c.category && longerOver(o, c)
	})
}

// withinLongerOfMetric reports a cue inside a longer cue of a metric: "hospital" of "were in
// hospital" is where the wounded are, not who speaks.
func withinLongerOfMetric(cues []cueHit, c cueHit) bool {
	return slices.ContainsFunc(cues, func(o cueHit) bool { return o.category.metric() != "" && longerOver(o, c) })
}

// withinLongerOf is withinLongerCue for cues of one category: "stabbed" of "stabbed to death" is
// the killing's word, "struck" of "aircraft struck" the air strike's.
func withinLongerOf(cues []cueHit, c cueHit, category cueCat) bool {
	return slices.ContainsFunc(cues, func(o cueHit) bool { return o.category == category && longerOver(o, c) })
}

// longerOver reports cue o covering cue c and longer than it.
func longerOver(o, c cueHit) bool {
	return o.first <= c.first && o.last >= c.last && o.last-o.first > c.last-c.first
}

// speaksFor returns the organisation a speaker noun at token k speaks for: one named right
// before it ("a Taliban spokesman") or after "for"/"of" ("a spokesman for the Taliban"), or else, for a bare "a spokesman", the armed group the
// sentence before names.
func (a *analysis) speaksFor(si *sentenceInfo, k int) (ActorMatch, bool) {
	for _, m := range si.actors {
		first, last := tokenSpan(si.toks, m.Start, m.End)
		if last >= 0 && last < k && k-last <= 2 || first > k && first-k <= 3 && si.toks[k+1].is(speakerLinkWords) {
			return m, true // "a Taliban spokesman", "a spokesman for the Taliban", "le porte-parole des talibans"
		}
	}
	if k > 1 || si.index == 0 {
		return ActorMatch{}, false
	}
	prev := a.sentences[si.index-1]
	for _, m := range prev.actors {
		if m.Kind == "armed_group" {
			return m, true
		}
	}
	return ActorMatch{}, false
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

// addressee reports a name right after "to" or "à" (an elided article between, "à l'AFP"), or
// after "told": whom a statement was made to.
func (a *analysis) addressee(si *sentenceInfo, k int) bool {
	if k > 1 && si.toks[k-1].is(elisionWords) {
		k--
	}
	return k > 0 && si.toks[k-1].is(addresseeWords)
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
		if toks[i].is(pronounSubjectWords) {
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

// articleName names the document as a source of its own statements: the outlet its address names.
func (a *analysis) articleName() string {
	if u, err := url.Parse(a.doc.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Host, "www.")
	}
	// Neither a headline (it changes from copy to copy) nor a file name (it names a disk, not a
	// speaker): the document itself, which the claim's quote and document id point to.
	return reportClaimant
}

// reportClaimant names the claimant of figures a document states in its own voice when no outlet
// is known.
const reportClaimant = "the report"
