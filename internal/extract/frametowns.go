package extract

import "github.com/wallwatch/wallwatch/internal/model"

// A sentence can tell attacks on prisons in several towns at once ("attacked prisons in X and Y,
// freeing 80 and 45 inmates respectively"). These helpers give each town its own incident and
// route later sentences that name one of the towns to it.

// frameOfTown returns the frame of a town the sentence names, when that town is the frame's own
// and no other frame's.
func (a *analysis) frameOfTown(frames []*frame, si *sentenceInfo) *frame {
	var found *frame
	for _, p := range si.places {
		if p.landmark || p.place.Precision != model.GeoPlace {
			continue
		}
		key := a.placeKey(p.place.Name)
		for _, f := range frames {
			if f.towns[key] {
				if found != nil && found != f {
					return nil
				}
				found = f
			}
		}
	}
	return found
}

// townPart is one town's share of a sentence that tells attacks on several towns' prisons.
type townPart struct {
	anchors anchors
	place   placeHit
	figures []int // indexes into the sentence's quantities that count this town's incident
}

// splitByTown reads a sentence naming prisons (plural) in two or more towns as one incident per
// town. With "respectively" and one figure per town, the figures go to their towns in order;
// otherwise no town can claim them.
func (a *analysis) splitByTown(si *sentenceInfo, an anchors) []townPart {
	plural := false
	for _, c := range si.cues {
		if c.category == facilityCue && si.toks[c.last].is(facilityPluralWords) {
			plural = true
		}
	}
	if !plural || len(si.facilities) > 0 {
		return nil
	}
	var towns []placeHit
	seen := map[string]bool{}
	for _, p := range si.places {
		if p.landmark || p.dateline || p.place.Precision != model.GeoPlace || seen[p.place.Name] || !nearEventWord(si, p.start, p.end) || nearby(si, p) {
			continue
		}
		seen[p.place.Name] = true
		towns = append(towns, p)
	}
	if len(towns) < 2 {
		return nil
	}
	var figures []int
	for k := range si.quantities {
		if a.isFigure(si, si.quantities, k) {
			figures = append(figures, k)
		}
	}
	respectively := wordIn(respectivelyWords, si.toks, 0, len(si.toks))
	parts := make([]townPart, len(towns))
	for k, t := range towns {
		part := an
		part.towns = []string{a.placeKey(t.place.Name)}
		part.regions = nil
		if t.place.Admin1 != "" {
			part.regions = []string{a.placeKey(t.place.Admin1)}
		}
		parts[k] = townPart{anchors: part, place: t}
		if respectively && len(figures) == len(towns) {
			parts[k].figures = []int{figures[k]}
		}
	}
	return parts
}

// nearby reports a place given as the neighbourhood of another: "in Kuje, near Abuja".
func nearby(si *sentenceInfo, p placeHit) bool {
	first, _ := tokenSpan(si.toks, p.start, p.end)
	return phraseEndsBefore(si.lex, vicinityWords, si.toks, first)
}

// phraseEndsBefore reports a phrase of the category that ends right before token k.
func phraseEndsBefore(lx *lexicon, category wordCat, toks []token, k int) bool {
	for start := max(0, k-maxPhraseWords); start < k; start++ {
		if start+lx.phraseAt(category, toks, start) == k {
			return true
		}
	}
	return false
}
