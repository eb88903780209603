package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quantity is a figure found in a text: its value as a bound or a range, the noun it counts and
// what kind of figure it is. Only Kind "count" can count people; the other kinds say why not.
type Quantity struct {
	Start, End int    // byte span of the whole expression, qualifier included ("more than 1,000")
	Low, High  *int   // exact/approx N: N, N; more than N: N, nil; up to N: nil, N; range: A, B
	Qualifier  string // exact, approx, more_than, up_to, range, vague
	Noun       string // the head noun that follows, lower-cased ("prisoners"), "" if none
	Kind       string // count, year, date, time, percent, money, ordinal, age, measure, thing, id
}

// FindNumbers returns every figure in text, in order.
//
// Vague words are read as a conventional lower bound with an open upper end (qualifier vague),
// because such words set a floor and no ceiling ("hundreds" is said of 1,500 too):
//
//	tens, des dizaines, decenas, puluhan         20
//	dozens, several/a few dozen, docenas         24
//	scores (of)                                  40
//	hundreds, several/a few hundred, centaines,
//	  cientos, centenares, ratusan               200
//	thousands, milliers, miles (de), ribuan      2,000
//	tens of thousands, des dizaines de milliers  20,000
//	hundreds of thousands                        200,000
//	belasan (Indonesian "teens")                 11
//
// Approximate words are read as their value with qualifier approx: "a dozen" 12, "two dozen" 24,
// "a couple of" 2, "une dizaine" 10, "une quinzaine" 15, "une vingtaine" 20, "une centaine" 100,
// "un millier" 1,000 (and the other -aine words). "several", "a few" and "a handful" alone have
// no conventional value and give no quantity. "no prisoners", "no one", "none", "aucun détenu"
// give 0 when the noun counts people.
func FindNumbers(text string) []Quantity {
	lx := builtinUnion()
	ps := scanPieces(text)
	return numbersIn(lx, text, ps, scanDateExprs(lx, text, ps))
}

// numbersIn is FindNumbers on the text's pieces and date expressions, read once for both.
func numbersIn(lx *lexicon, text string, ps []piece, dates []dateExpr) []Quantity {
	var out []Quantity
	d := 0
	taken := 0 // pieces before it belong to a figure read already
	for i := 0; i < len(ps); {
		for d < len(dates) && dates[d].end <= ps[i].start {
			d++
		}
		if d < len(dates) && ps[i].start >= dates[d].start {
			if q, ok := dateQuantity(ps, i, dates[d]); ok {
				out = append(out, q)
			}
			for i < len(ps) && ps[i].start < dates[d].end {
				i++
			}
			taken = i
			continue
		}
		// A figure never runs into the next date expression ("13-2019-05-04" in an address).
		upto := len(ps)
		if d < len(dates) {
			upto = i + sort.Search(len(ps)-i, func(k int) bool { return ps[i+k].start >= dates[d].start })
		}
		np, ok := parseNumberAt(lx, text, ps[:upto], i)
		if !ok {
			i++
			continue
		}
		q, next := buildQuantity(lx, text, ps[:upto], np, taken)
		out = append(out, q)
		i, taken = next, next
	}
	return out
}

// dateQuantity reports the first figure of a date expression as one quantity of kind date (or
// year for a year alone), so that callers filtering on counts never see "20 October 2020".
func dateQuantity(ps []piece, i int, e dateExpr) (Quantity, bool) {
	for j := i; j < len(ps) && ps[j].start < e.end; j++ {
		if ps[j].kind != pieceDigits {
			continue
		}
		v := atoiPiece(ps[j].low)
		kind := "date"
		if e.yearOnly {
			kind = "year"
		}
		return Quantity{Start: e.start, End: e.end, Low: &v, High: &v, Qualifier: "exact", Kind: kind}, true
	}
	return Quantity{}, false
}

// buildQuantity completes a parsed figure with its qualifier, range partner, kind and noun, and
// returns the index of the first piece after it. Pieces before taken belong to a figure read
// before, so no qualifier of this one starts among them.
func buildQuantity(lx *lexicon, text string, ps []piece, np numParse, taken int) (Quantity, int) {
	q := Quantity{Start: ps[np.first].start, End: ps[np.last].end, Qualifier: "exact"}
	last := np.last
	qual, qstart := lx.qualifierBefore(ps, np.first)
	if qual != "" && qstart < taken {
		qual = "" // "0CA0": the "ca" before the second figure ended the first one
	}
	low, high := np.value, np.value
	rose := false // the figure is the count a rise went to, after the one it came from
	switch {
	case qual != "" && riseFrom(lx, ps, qstart):
		if r, ok := rangePartner(lx, text, ps, np, "from"); ok {
			low, high, last, q.Start, rose = r.value, r.value, r.last, ps[r.first].start, true // "rose from 21 to 22", "passou de 21 para 22": the count now
			break
		}
		if qual == "up_to" {
			break // "выросло до 46": the word a count rose to, which bounds nothing
		}
		q.Qualifier, q.Start = qual, ps[qstart].start
	case qual == "between" || qual == "from":
		if r, ok := rangePartner(lx, text, ps, np, qual); ok {
			high, last, q.Qualifier = r.value, r.last, "range"
			low = scaleLikePartner(np, r)
			q.Start = ps[qstart].start
		}
	case qual != "":
		q.Qualifier, q.Start = qual, ps[qstart].start
	}
	if q.Qualifier == "exact" && np.first > 0 && lx.phraseEndsBefore(riseByPhrases, ps, np.first-1) {
		if r, ok := rangePartner(lx, text, ps, np, "from"); ok {
			low, high, last, q.Start, rose = r.value, r.value, r.last, ps[r.first].start, true // "rose by 6 to 41": the count now, no range
		}
	}
	if (q.Qualifier == "exact" || q.Qualifier == "approx") && !rose {
		if r, ok := rangePartner(lx, text, ps, np, ""); ok {
			low, high, last, q.Qualifier = scaleLikePartner(np, r), r.value, r.last, "range" // "300 to 400", "about 40 to 60 insurgents"
		}
	}
	if q.Qualifier == "exact" {
		if post, end := qualifierAfter(lx, ps, np.last); post != "" {
			q.Qualifier, last = post, end
		} else if np.vague {
			q.Qualifier = "vague"
		} else if np.approx {
			q.Qualifier = "approx"
		}
	}
	if low == high {
		last = restatedInBrackets(lx, text, ps, last, low)
	}
	q.End = ps[last].end
	setBounds(&q, low, high)
	q.Noun, q.Kind = quantityNounAndKind(lx, text, ps, np, last)
	return q, last + 1
}

// restatedInBrackets returns the closing bracket of the same figure restated in brackets right
// after the figure ending at piece last ("quatre cent douze (412) prisonniers", "twelve (12)
// inmates"), else last: one figure, whose noun follows the bracket.
func restatedInBrackets(lx *lexicon, text string, ps []piece, last, value int) int {
	open := last + 1
	if open+2 >= len(ps) || ps[open].low != "(" {
		return last
	}
	np, ok := parseNumberAt(lx, text, ps, open+1)
	if !ok || np.value != value || np.last+1 >= len(ps) || ps[np.last+1].low != ")" {
		return last
	}
	return np.last + 1
}

// riseFrom reports a qualifier phrase starting at piece qstart that a verb of rising opens or
// follows ("rose from", "passou de"): a figure after it, with a second after a word of range, is
// where a count stood before it rose to the second.
func riseFrom(lx *lexicon, ps []piece, qstart int) bool {
	return lx.hasWord(riseVerbWords, foldWord(ps[qstart].low)) || qstart > 0 && lx.hasWord(riseVerbWords, foldWord(ps[qstart-1].low))
}

// setBounds fills Low and High from the qualifier.
func setBounds(q *Quantity, low, high int) {
	switch q.Qualifier {
	case "more_than", "vague":
		q.Low = &low
	case "up_to":
		q.High = &high
	default:
		q.Low, q.High = &low, &high
	}
}

// scaleLikePartner reads "between 1 and 2 million" as 1,000,000: a bare first figure takes the
// multiplier of the second when that keeps the range in order.
func scaleLikePartner(a, b numParse) int {
	if b.mult > 1 && a.mult <= 1 && a.value*b.mult <= b.value {
		return a.value * b.mult
	}
	return a.value
}

// quantityNounAndKind reads the noun after a figure and decides its kind.
func quantityNounAndKind(lx *lexicon, text string, ps []piece, np numParse, last int) (string, string) {
	noun := numberNoun(lx, text, ps, last+1)
	switch {
	case np.isTime || isTimeAfter(lx, ps, last):
		return noun, "time"
	case isMoney(lx, ps, np, noun):
		return noun, "money"
	case isPercent(lx, ps, last):
		return noun, "percent"
	case np.ordinal:
		return noun, "ordinal"
	case isAge(lx, ps, np, last):
		return noun, "age"
	case isYearLike(lx, ps, np, last, noun):
		return noun, "year"
	case np.id || isIDBefore(lx, ps, np.first) || isLabel(lx, ps, np, noun):
		return noun, "id"
	case np.frac || np.unit || lx.hasWord(measureWordWords, noun) || hyphenModifier(lx, ps, last):
		return noun, "measure"
	case lx.hasWord(thingNounWords, noun):
		return noun, "thing"
	}
	return noun, "count"
}

// hyphenModifier reports digits or a number word hyphenated to the word after them that says what
// the figure measures, not whom it counts: "a 21-point agreement", "a 90-minute siege", "three
// two-way radios" (but "a 15-man commando" and "a 20-strong gang" count people).
func hyphenModifier(lx *lexicon, ps []piece, last int) bool {
	if ps[last].kind != pieceDigits && ps[last].kind != pieceWord || !compoundModifier(ps, last) {
		return false
	}
	w := ps[last+2].low
	return !lx.hasWord(peopleNounWords, w) && !lx.hasWord(groupSizeWords, w)
}

// numberNoun returns the head noun after a figure: the first known noun within a few words
// (skipping adjectives, names and "of the"), else the first word that looks like a plural
// ("Naxalites"), else "".
func numberNoun(lx *lexicon, text string, ps []piece, j int) string {
	if j < len(ps) && partitive(lx, foldWord(ps[j].low)) {
		j++
		for j < len(ps) && (lx.hasWord(numberDeterminerWords, ps[j].low) || isJoinerPunct(ps[j].low) || ps[j].kind == pieceDigits ||
			(ps[j].low == "," || ps[j].low == ".") && adjacent(ps, j)) {
			j++ // "10 of the inmates", "412 of the 1,020 inmates", "une centaine de détenus"
		}
	}
	first := ""
	if j < len(ps) && ps[j].kind == piecePunct && strings.Contains(quoteMarks, ps[j].low) {
		j++ // a quote closing the figure: "about 30" prisoners
	}
	for n := 0; j < len(ps) && n < 4; j++ {
		p := ps[j]
		if p.kind == piecePunct && isJoinerPunct(p.low) && adjacent(ps, j) {
			continue
		}
		if p.kind != pieceWord || gapHasParagraphBreak(text, ps, j) || !p.upper && lx.hasWord(numberNounStopWords, p.low) {
			break
		}
		if _, another := lx.numberWord(p.low); another && n > 0 {
			break // "recaptured 7 within two days": the noun after another figure is that figure's
		}
		if modifierNoun(lx, p.low) && j+1 < len(ps) && ps[j+1].kind == pieceWord && lx.hasWord(thingNounWords, ps[j+1].low) {
			return ps[j+1].low // "three prisoner vans": the compound's head is the thing
		}
		if lx.hasWord(measureWordWords, p.low) || lx.hasWord(currencyWords, p.low) ||
			(lx.hasWord(peopleNounWords, p.low) || lx.hasWord(thingNounWords, p.low)) && !compoundModifier(ps, j) {
			return p.low
		}
		if first == "" && len(p.low) > 3 && (strings.HasSuffix(p.low, "s") || strings.HasSuffix(p.low, "x")) {
			first = p.low
		}
		n++
	}
	return first
}

// modifierNoun reports a person's noun in the singular whose plural adds an s ("prisoner",
// "détenu"): after a count it is no head, for a language that marks the plural would write
// "prisoners", so it modifies the noun after it. Words the same in both numbers ("napi",
// "tahanan") are heads.
func modifierNoun(lx *lexicon, w string) bool {
	return lx.hasWord(singularPersonWords, w) && !strings.HasSuffix(w, "s") && lx.hasWord(peopleNounWords, w+"s")
}

// compoundModifier reports a word hyphenated to the word after it: "30 motorcycle-riding
// fighters" counts fighters, not motorcycles.
func compoundModifier(ps []piece, j int) bool {
	return j+2 < len(ps) && ps[j+1].kind == piecePunct && isJoinerPunct(ps[j+1].low) && adjacent(ps, j+1) &&
		adjacent(ps, j+2) && ps[j+2].kind == pieceWord
}

func isJoinerPunct(s string) bool {
	return s == "-" || s == "'" || s == "’" || s == "‐" || s == "‑"
}

// adjacent reports whether piece j starts where piece j-1 ends.
func adjacent(ps []piece, j int) bool { return j > 0 && j < len(ps) && ps[j].start == ps[j-1].end }

// gapHasParagraphBreak reports a paragraph break (a blank line) between piece j-1 and piece j: a
// heading ends there, while a single line break is only hard wrapping.
func gapHasParagraphBreak(text string, ps []piece, j int) bool {
	return j > 0 && strings.Count(text[ps[j-1].end:ps[j].start], "\n") >= 2
}

// pieceIs reports whether piece j is the word or mark s (lower case).
func pieceIs(ps []piece, j int, s string) bool { return j >= 0 && j < len(ps) && ps[j].low == s }

func isOpenQuote(s string) bool { return s == "\"" || s == "“" || s == "«" || s == "‘" }

// phraseEndsAt matches words backwards so that the last word is piece j, skipping hyphens and
// apostrophes between words ("d'au moins"); it returns the index of the first word.
func phraseEndsAt(ps []piece, j int, words []string) (int, bool) {
	for w := len(words) - 1; w >= 0; w-- {
		for j >= 0 && ps[j].kind == piecePunct && isJoinerPunct(ps[j].low) {
			j--
		}
		if j < 0 || ps[j].low != words[w] {
			return 0, false
		}
		if w > 0 {
			j--
		}
	}
	return j, true
}

// phraseStartsAt matches words forwards from piece j, skipping hyphens and apostrophes unless the
// phrase has one there ("o'"); it returns the index of the last word.
func phraseStartsAt(ps []piece, j int, words []string) (int, bool) {
	for w, word := range words {
		// Hyphens and apostrophes join a phrase's words; an opening quote may stand inside it too
		// ("une «vingtaine de détenus»").
		for w > 0 && j < len(ps) && ps[j].kind == piecePunct && (isJoinerPunct(ps[j].low) || isOpenQuote(ps[j].low)) && ps[j].low != word {
			j++
		}
		if j >= len(ps) || ps[j].low != word {
			return 0, false
		}
		if w < len(words)-1 {
			j++
		}
	}
	return j, true
}

// qualifierAfter reads a qualifier that follows the figure: "300+", and the lexicon's
// more_than_after and approx_after phrases ("300 or more", "300-odd").
func qualifierAfter(lx *lexicon, ps []piece, last int) (string, int) {
	j := last + 1
	if j < len(ps) && ps[j].low == "+" && adjacent(ps, j) {
		return "more_than", j
	}
	if _, end, ok := lx.phraseFrom(moreThanAfterPhrases, ps, j); ok {
		return "more_than", end
	}
	if _, end, ok := lx.phraseFrom(approxAfterPhrases, ps, j); ok {
		return "approx", end
	}
	if j < len(ps) && ps[j].kind == pieceWord {
		comma := func(k int) bool { return k < len(ps) && (ps[k].low == "," || ps[k].low == "،") }
		k := j + 1
		if comma(k) {
			k++ // "4 سجناء، على الأقل،", "four inmates, at least,": the bound set off by commas
		}
		if _, end, ok := lx.phraseFrom(moreThanAfterNounPhrases, ps, k); ok && (k == j+1 || comma(end+1)) {
			return "more_than", last // "14 نزيلا على الأقل", "12 détenus au moins": the figure's span stays its own; not "2 dead, at least 10 injured"
		}
	}
	return "", 0
}

// rangePartner reads the second figure of a range: "300-400", "300 to 400", "two or three",
// and after an opener, "between 300 and 400", "from 150 to 200", "entre 300 et 400".
func rangePartner(lx *lexicon, text string, ps []piece, a numParse, opener string) (numParse, bool) {
	j := a.last + 1
	if j >= len(ps) || a.vague || a.frac || a.isTime {
		return numParse{}, false
	}
	sep := ps[j].low
	dash := sep == "-" || sep == "–"
	ok := false
	switch opener {
	case "between":
		ok = dash || lx.isPhraseWord(rangeAndPhrases, sep)
	case "from":
		ok = dash || lx.isPhraseWord(rangeToPhrases, sep)
	default:
		ok = dash && a.mult <= 1 || lx.isPhraseWord(rangeOrPhrases, sep)
	}
	if !ok || j+1 >= len(ps) {
		return numParse{}, false
	}
	if opener != "" && j+2 < len(ps) && lx.has(definiteArticleWords, foldWord(ps[j+1].low)) {
		j++ // "fra i 1.000 e i 1.500": the second figure's article
	}
	b, found := parseNumberAt(lx, text, ps, j+1)
	if !found || b.vague || b.frac || b.isTime || b.value <= scaleLikePartner(a, b) || b.id || b.ordinal {
		return numParse{}, false
	}
	if dash && !adjacent(ps, j) && opener == "" {
		return numParse{}, false // "2 - 1" reads as a score or a list
	}
	return b, true
}

// numParse is one figure read from pieces first..last, before qualifiers and kind.
type numParse struct {
	first, last int
	value       int
	mult        int  // the multiplier read ("million"), 1 if none
	frac        bool // a non-integer without a multiplier ("1.25")
	approx      bool // approximate by its wording ("a dozen", "une centaine")
	vague       bool // a vague plural: value is its conventional lower bound
	isTime      bool // "10:30", "15h", "4am"
	ordinal     bool // "21st", "second"
	decade      bool // "1990s"
	id          bool // "M23", "AK-47", a long run of digits
	unit        bool // a unit glued on ("50km")
	groups      int  // thousands separators read ("3,500" has one)
}

// maxFigure caps values so that arithmetic never overflows; larger figures are ids anyway.
const maxFigure = 1_000_000_000_000

// parseNumberAt reads a figure that starts at piece i.
func parseNumberAt(lx *lexicon, text string, ps []piece, i int) (numParse, bool) {
	switch ps[i].kind {
	case pieceDigits:
		return parseDigitFigure(lx, text, ps, i), true
	case pieceWord:
		if ps[i].cannotStart&numberStarts == numberStarts {
			return numParse{}, false
		}
		if np, ok := parseWordFigure(lx, ps, i); ok {
			return np, true
		}
		if np, ok := parseZero(lx, ps, i); ok {
			return np, true
		}
		if np, ok := parseNumberWords(lx, ps, i); ok {
			return applyMultiplier(lx, ps, np), true
		}
		if v, ok := lx.phraseValue(ordinalPhrases, ps[i].low); ok {
			return numParse{first: i, last: i, value: v, mult: 1, ordinal: true}, true
		}
	}
	return numParse{}, false
}

// parseDigitFigure reads digits with thousands separators ("3,500", "1.300", "4 400"), a
// decimal part, a glued suffix ("21st", "1990s", "15h30", "50km") and a multiplier word.
func parseDigitFigure(lx *lexicon, text string, ps []piece, i int) numParse {
	np := numParse{first: i, last: i, mult: 1}
	if len(ps[i].low) >= 7 || i > 0 && adjacent(ps, i) && ps[i-1].kind == pieceWord && !lx.has(procliticWords, ps[i-1].low) || isHyphenCode(lx, ps, i) {
		// "M23" is a code, but a conjunction written onto digits ("و30") is only a conjunction
		np.id = true
	}
	if i+2 < len(ps) && ps[i+1].low == ":" && adjacent(ps, i+1) && adjacent(ps, i+2) &&
		ps[i+2].kind == pieceDigits && len(ps[i+2].low) == 2 && atoiPiece(ps[i].low) <= 24 {
		np.last, np.isTime = i+2, true
		np.value = atoiPiece(ps[i].low)
		return np
	}
	intPart, fracDigits := readDigitGroups(lx, text, ps, &np)
	np.value = intPart
	np.frac = fracDigits != ""
	readGluedSuffix(lx, ps, &np, fracDigits)
	if !np.isTime && !np.ordinal && !np.id && !np.decade {
		np = applyMultiplierFrac(lx, ps, np, fracDigits)
	}
	return np
}

// isHyphenCode reports digits glued by a hyphen to a word that is not a qualifier: "AK-47",
// "COVID-19" (but "over-200" is a bound).
func isHyphenCode(lx *lexicon, ps []piece, i int) bool {
	if i < 2 || !adjacent(ps, i) || !adjacent(ps, i-1) || ps[i-1].low != "-" || ps[i-2].kind != pieceWord {
		return false
	}
	return !lx.isQualifierWord(ps[i-2].low)
}

// readDigitGroups joins thousands groups after piece np.first and returns the integer part and
// any decimal digits, advancing np.last.
func readDigitGroups(lx *lexicon, text string, ps []piece, np *numParse) (int, string) {
	i := np.first
	s := ps[i].low
	if len(s) > 15 {
		s = s[:15]
	}
	value := atoiPiece(s)
	sep := ""
	j := i
	for len(ps[i].low) <= 3 && j+2 < len(ps) {
		mark := ps[j+1].low
		if (mark != "," && mark != ".") || !adjacent(ps, j+1) || !adjacent(ps, j+2) ||
			ps[j+2].kind != pieceDigits || len(ps[j+2].low) != 3 || sep != "" && sep != mark {
			break
		}
		if mark == "." && sep == "" && isMultiplierAt(lx, ps, j+3) {
			break // "1.500 million" is a decimal
		}
		sep = mark
		value = min(value*1000+atoiPiece(ps[j+2].low), maxFigure)
		j += 2
		np.groups++
	}
	for sep == "" && len(ps[i].low) <= 3 && j+1 < len(ps) && ps[j+1].kind == pieceDigits &&
		len(ps[j+1].low) == 3 && text[ps[j].end:ps[j+1].start] == " " && !continuesDigits(ps, j+1) {
		value = min(value*1000+atoiPiece(ps[j+1].low), maxFigure)
		j++
		np.groups++
	}
	np.last = j
	if j+2 < len(ps) && (ps[j+1].low == "." || ps[j+1].low == ",") && adjacent(ps, j+1) && adjacent(ps, j+2) &&
		ps[j+2].kind == pieceDigits {
		np.last = j + 2
		return value, ps[j+2].low
	}
	return value, ""
}

// continuesDigits reports a group glued to more digits or separators ("300/400", "300.5"),
// which a space-separated thousands group must not be.
func continuesDigits(ps []piece, j int) bool {
	return j+1 < len(ps) && adjacent(ps, j+1) && ps[j+1].kind == piecePunct && ps[j+1].low != "," &&
		ps[j+1].low != ")" && ps[j+1].low != "." && ps[j+1].low != "%"
}

// readGluedSuffix reads letters glued to the digits: ordinal endings, a decade "s", hours,
// multipliers and units; anything else makes the figure an id ("3D").
func readGluedSuffix(lx *lexicon, ps []piece, np *numParse, fracDigits string) {
	j := np.last + 1
	if j >= len(ps) || !adjacent(ps, j) {
		return
	}
	if ps[j].low == "'" && j+1 < len(ps) && ps[j+1].low == "s" && adjacent(ps, j+1) && len(ps[np.first].low) == 4 {
		np.decade, np.last = true, j+1
		return
	}
	if ps[j].kind != pieceWord {
		return
	}
	np.last = j
	switch suffix := ps[j].low; {
	case lx.isPhraseWord(ordinalSuffixPhrases, suffix) && fracDigits == "" && np.groups == 0:
		np.ordinal = true
	case suffix == "s" && len(ps[np.first].low) == 4:
		np.decade = true
	case lx.isPhraseWord(timeAfterPhrases, suffix):
		np.isTime = true
		if j+1 < len(ps) && adjacent(ps, j+1) && ps[j+1].kind == pieceDigits {
			np.last = j + 1
		}
	case lx.gluedMultiplier(suffix) && (fracDigits != "" || !lx.isPhraseWord(gluedUnitPhrases, suffix)):
		np.last = j - 1 // the multiplier is read by applyMultiplierFrac; "1.5m" is a million, "50m" metres
	case lx.hasWord(measureWordWords, suffix) || lx.isPhraseWord(gluedUnitPhrases, suffix):
		np.unit = true
	default:
		np.id = true
	}
}

// applyMultiplierFrac scales a figure by a following multiplier ("1.5 million", "5k", "3 dozen").
func applyMultiplierFrac(lx *lexicon, ps []piece, np numParse, fracDigits string) numParse {
	j := np.last + 1
	if !isMultiplierAt(lx, ps, j) {
		return np
	}
	m, _ := lx.multiplierOf(ps[j].low)
	if m.glued && !adjacent(ps, j) {
		return np
	}
	np.mult, np.last = m.factor, j
	np.approx = np.approx || m.approx
	np.value = min(np.value*m.factor+fracValue(fracDigits, m.factor), maxFigure)
	np.frac = false
	return np
}

func applyMultiplier(lx *lexicon, ps []piece, np numParse) numParse {
	return applyMultiplierFrac(lx, ps, np, "")
}

func isMultiplierAt(lx *lexicon, ps []piece, j int) bool {
	if j >= len(ps) || ps[j].kind != pieceWord {
		return false
	}
	_, ok := lx.multiplierOf(ps[j].low)
	return ok
}

// fracValue is the decimal digits' share of a multiplier: "1.5 million" adds 500,000.
func fracValue(digits string, factor int) int {
	v, scale := 0, factor
	for k := 0; k < len(digits) && scale >= 10; k++ {
		scale /= 10
		v += int(digits[k]-'0') * scale
	}
	return v
}

// parseWordFigure reads vague and approximate words ("hundreds", "a dozen", "une centaine")
// and "a hundred", "a thousand": the lexicon's vague_number:N, approx_number:N and exact_number:N.
func parseWordFigure(lx *lexicon, ps []piece, i int) (numParse, bool) {
	np := numParse{first: i, mult: 1}
	for _, c := range []phraseCat{vagueNumberPhrases, approxNumberPhrases, exactNumberPhrases} {
		if p, last, ok := lx.phraseFrom(c, ps, i); ok {
			np.last, np.value = last, p.value
			np.vague, np.approx = c == vagueNumberPhrases, c == approxNumberPhrases
			return np, true
		}
	}
	return numParse{}, false
}

// parseZero reads "zero", "none", "no one" and "no prisoners" as 0: a zero_word phrase, or a
// people noun after a zero_determiner ("aucun", "ningún") or, if plural, after a
// zero_plural_determiner ("no prisoners", but "no man's land").
func parseZero(lx *lexicon, ps []piece, i int) (numParse, bool) {
	np := numParse{first: i, last: i, mult: 1}
	if _, last, ok := lx.phraseFrom(zeroPhrases, ps, i); ok {
		np.last = last
		return np, true
	}
	anyNoun := lx.isPhraseWord(zeroDeterminerPhrases, ps[i].low)
	if !anyNoun && !lx.isPhraseWord(zeroPluralDeterminerPhrases, ps[i].low) || i+1 >= len(ps) {
		return numParse{}, false
	}
	if next := ps[i+1].low; !lx.hasWord(peopleNounWords, next) && !(anyNoun && lx.hasWord(singularPersonWords, next)) {
		return numParse{}, false // "nenhum guarda": a determiner of zero takes the singular too
	}
	if noun := ps[i+1].low; anyNoun || strings.HasSuffix(noun, "s") || lx.isPhraseWord(pluralNounPhrases, noun) {
		return np, true
	}
	return numParse{}, false
}

// parseNumberWords reads spelled-out numbers in English, French, Indonesian and Spanish
// ("one hundred and twenty", "twenty-eight", "quatre-vingt-dix", "dua puluh lima").
func parseNumberWords(lx *lexicon, ps []piece, i int) (numParse, bool) {
	total, cur, last := 0, 0, -1
	prev := numberWord{}
	prevWord := ""
	for j := i; j < len(ps) && ps[j].kind == pieceWord; {
		w, ok := lx.numberWord(ps[j].low)
		if !ok {
			if last >= 0 && numberConnector(lx, ps, j, prev) {
				j++
				continue
			}
			break
		}
		if !numberWordFollows(lx, prev, prevWord, w, last < 0) {
			break
		}
		total, cur = addNumberWord(lx, total, cur, prev, prevWord, w)
		prev, prevWord, last = w, ps[j].low, j
		j++
		if j+1 < len(ps) && isJoinerPunct(ps[j].low) && adjacent(ps, j) && adjacent(ps, j+1) {
			if _, next := lx.numberWord(ps[j+1].low); next {
				j++
			}
		}
	}
	if last >= 0 {
		cur, last = lx.unitFirstTens(ps, last, prev, cur) // Arabic "خمسة وعشرون", "خمسة عشر"
	}
	if last < 0 || last == i && !standaloneNumberWord(lx, ps, i) {
		return numParse{}, false
	}
	return numParse{first: i, last: last, value: min(total+cur, maxFigure), mult: 1}, true
}

// numberConnector reports a word joining two parts of one spelled number: a hundreds_and word
// after hundreds ("one hundred and twenty"), a tens_and_one word before one or eleven ("vingt et
// un", "soixante et onze"), a tens_and_unit word before a unit ("treinta y cinco").
func numberConnector(lx *lexicon, ps []piece, j int, prev numberWord) bool {
	if j+1 >= len(ps) {
		return false
	}
	next, ok := lx.numberWord(ps[j+1].low)
	if !ok || next.class > wordTens {
		return false
	}
	w := ps[j].low
	return lx.isPhraseWord(hundredsAndPhrases, w) && prev.class >= wordHundredValue && prev.class <= wordMulMillion ||
		lx.isPhraseWord(tensAndOnePhrases, w) && prev.class == wordTens && (next.value == 1 || next.value == 11) ||
		lx.isPhraseWord(tensAndUnitPhrases, w) && prev.class == wordTens && next.class == wordUnit
}

// numberWordFollows reports whether w may come after prev (written prevWord) in one spelled
// number. Counting by twenties is the lexicon's: a unit 7 to 9 after a ten_before_unit word
// ("dix-sept"), a teen after sixty or a twenty_before_teen word ("soixante-dix",
// "quatre-vingt-onze"), twenty after a times_twenty word ("quatre-vingts").
func numberWordFollows(lx *lexicon, prev numberWord, prevWord string, w numberWord, first bool) bool {
	if first {
		return w.class <= wordThousandValue || w.standalone || w.class == wordAndHalf
	}
	scaled := prev.class >= wordHundredValue && prev.class <= wordMulMillion
	switch w.class {
	case wordUnit:
		return prev.class == wordTens || scaled || prev.class == wordPuluh || w.value >= 7 && lx.isPhraseWord(tenBeforeUnitPhrases, prevWord)
	case wordTeen:
		return scaled || prev.class == wordTens && (prev.value == 60 || lx.isPhraseWord(twentyBeforeTeenPhrases, prevWord))
	case wordTens:
		return scaled || w.value == 20 && lx.isPhraseWord(timesTwentyPhrases, prevWord)
	case wordHundredValue, wordThousandValue:
		return prev.class == wordThousandValue || prev.class == wordMulThousand || prev.class == wordMulMillion
	case wordMulHundred:
		return prev.class <= wordTeen || prev.class == wordAndHalf
	case wordMulThousand:
		return prev.class != wordThousandValue && prev.class != wordMulThousand && prev.class != wordMulMillion
	case wordMulMillion:
		return prev.class != wordMulMillion
	case wordPuluh, wordBelas:
		return prev.class == wordUnit
	}
	return false
}

// addNumberWord adds one word's value to a spelled number being read.
func addNumberWord(lx *lexicon, total, cur int, prev numberWord, prevWord string, w numberWord) (int, int) {
	switch w.class {
	case wordUnit, wordTeen, wordTens, wordHundredValue:
		if w.value == 20 && lx.isPhraseWord(timesTwentyPhrases, prevWord) {
			return total, cur - prev.value + prev.value*w.value // quatre-vingt: 4 already read, 80 in all
		}
		return total, cur + w.value
	case wordThousandValue:
		return total + w.value, cur
	case wordMulHundred:
		small := cur % 100
		if prev.class == wordAndHalf {
			return total, cur - small + small*100 + 50
		}
		return total, cur - small + max(small, 1)*100
	case wordPuluh:
		small := cur % 10
		return total, cur - small + max(small, 1)*10
	case wordBelas:
		return total, cur + 10
	case wordMulThousand, wordMulMillion:
		if prev.class == wordAndHalf {
			return min(total+cur*w.value+w.value/2, maxFigure), 0
		}
		return min(total+max(cur, 1)*w.value, maxFigure), 0
	case wordAndHalf:
		return total, cur + w.value
	}
	return total, cur
}

// standaloneNumberWord decides whether a lone number word is a figure: "one" as a pronoun,
// French and Spanish articles, and words that are also names or other words are not.
func standaloneNumberWord(lx *lexicon, ps []piece, i int) bool {
	p := ps[i]
	prev, next := "", ""
	if i > 0 {
		prev = ps[i-1].low
	}
	if i+1 < len(ps) {
		next = ps[i+1].low
	}
	switch {
	case lx.hasWord(pronounNumberWords, p.low): // "one" is also a pronoun: "no one", "one of"
		// Before a person's noun it counts, whatever comes before: "admitted that one inmate died".
		// "One of the escapees" counts one of them; "one of the largest prisons" counts nothing,
		// nor does ", one of the commanders," which says who someone named is.
		// After "that" as a complementizer it counts the part it takes: "officials said that one of
		// the escapees was caught".
		return (!lx.hasWord(pronounBeforeWords, prev) || lx.hasWord(singularPersonWords, next) ||
			lx.hasWord(complementizerWords, prev) && partOfPeople(lx, ps, i)) &&
			(!lx.hasWord(pronounAfterWords, next) || prev != "," && partOfPeople(lx, ps, i)) && !isJoinerPunct(next) // "one's", "one-off"
	case lx.hasWord(articleNumberWords, p.low):
		// "plus d'un détenu" and "d'un assaillant tué" are figures; "d'une prison" is an article
		// ("de" opens no range here); "sept" is also a month, "dos" a back; but "dos centenares"
		// is two hundreds, whatever follows.
		q, _ := lx.qualifierBefore(ps, i)
		m, scales := lx.multiplierOf(next)
		return q != "" && q != "from" && q != "between" || lx.hasWord(peopleNounWords, next) || lx.hasWord(singularPersonWords, next) ||
			scales && !m.glued || partOfPeople(lx, ps, i) || // "Dos de los evadidos fueron recapturados"
			lx.hasWord(personalObjectWords, prev) && (i+1 == len(ps) || ps[i+1].kind != pieceWord || lx.hasWord(conjunctionWords, next)) // "recapturaron a dos, los demás"
	case lx.hasWord(boundNumberWords, p.low): // "mil" (a thousand) stands before its noun
		return i+1 < len(ps) && ps[i+1].kind == pieceWord
	case lx.hasWord(nameNumberWords, p.low):
		// "Lima" is the city, "Lima orang" five people; so is "Lima tahanan" in a language whose
		// nouns take no plural, while "Lima police" is the city's.
		return !p.upper || lx.hasWord(counterWords, next) || lx.hasWord(singularPersonWords, next)
	case lx.hasWord(rateNumberWords, p.low): // "cent" of "per cent", "pour cent"
		return !lx.hasWord(rateWords, prev) && (i == 0 || ps[i-1].kind != pieceDigits)
	}
	w, _ := lx.numberWord(p.low)
	return w.class <= wordThousandValue || w.standalone
}

// partOfPeople reports a number word at piece i that takes a part of a group of people ("dos de
// los evadidos"), or of a group counted before ("two of the seven", "uno dei sette"): a figure,
// unless an article before it makes it a noun ("le dos de la chaise"); "una de las galerías"
// counts no one.
func partOfPeople(lx *lexicon, ps []piece, i int) bool {
	if i+2 >= len(ps) || i > 0 && lx.hasWord(definiteArticleWords, ps[i-1].low) {
		return false
	}
	if lx.hasWord(partitiveArticleWords, ps[i+1].low) {
		return countAlone(lx, ps, i+2)
	}
	if !lx.hasWord(partitiveWords, ps[i+1].low) {
		return false
	}
	if i+3 < len(ps) && lx.hasWord(definiteArticleWords, ps[i+2].low) {
		group := i + 3
		if lx.hasWord(wholeModifierWords, ps[group].low) && countAt(lx, ps, group+1) {
			group++ // "one of the other 30": a word that sets the group apart before its count
		}
		return peopleNounAt(lx, ps, group) || countAlone(lx, ps, group) || group > i+3 && peopleNounAt(lx, ps, group+1)
	}
	// An article written onto the noun ("واحد من السجناء"): a noun of people known only without it.
	noun := foldWord(ps[i+2].low)
	return !lx.isWord(peopleNounWords, noun) && lx.has(peopleNounWords, noun) || !lx.isWord(escapeeNounWords, noun) && lx.has(escapeeNounWords, noun)
}

// peopleNounAt reports a noun of people or of escapees at piece k.
func peopleNounAt(lx *lexicon, ps []piece, k int) bool {
	return k < len(ps) && (lx.hasWord(peopleNounWords, ps[k].low) || lx.hasWord(escapeeNounWords, ps[k].low))
}

// countAt reports a number at piece k, in digits or words.
func countAt(lx *lexicon, ps []piece, k int) bool {
	return k < len(ps) && countWord(lx, ps[k].low)
}

// countAlone reports a number at piece k that names a group counted before by its count, its
// noun of people after it or not, with the verb of the part taken from it next: an auxiliary, an
// adverb or a mark ("two of the seven were caught", "dos de los siete fugados ya fueron
// recapturados"). "One of the nine inmates killed" tells what befell the whole, and "un des trois
// étages" counts no people.
func countAlone(lx *lexicon, ps []piece, k int) bool {
	if !countAt(lx, ps, k) {
		return false
	}
	next := k + 1
	if peopleNounAt(lx, ps, next) {
		next++
	}
	return next >= len(ps) || ps[next].kind != pieceWord || verbOpensAt(lx, ps, next) ||
		next+1 < len(ps) && ps[next+1].kind == pieceWord && verbOpensAt(lx, ps, next+1) // "è stato catturato": a finite verb before the auxiliary
}

// verbOpensAt reports an auxiliary or a word that stands before a verb at piece k.
func verbOpensAt(lx *lexicon, ps []piece, k int) bool {
	return lx.hasWord(auxiliaryWords, ps[k].low) || lx.hasWord(beforeVerbWords, ps[k].low)
}

// atoiPiece converts a run of ASCII digits, capped at maxFigure.
func atoiPiece(s string) int {
	v := 0
	for k := 0; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			break
		}
		v = v*10 + int(s[k]-'0')
		if v > maxFigure {
			return maxFigure
		}
	}
	return v
}

// isTimeAfter reports a clock time: digits before a time_after phrase ("4 am", "11 p.m.", "0300
// GMT"), four digits before a clock_hours word ("0300 hours"), digits after a time_before word
// ("pukul 10"), or any figure before a day_part phrase ("seis de la tarde").
func isTimeAfter(lx *lexicon, ps []piece, last int) bool {
	j := last + 1
	if j >= len(ps) {
		return false
	}
	if _, _, ok := lx.phraseFrom(dayPartPhrases, ps, j); ok {
		return true // "desde las seis de la tarde", "às 3 da madrugada": an hour, spelled or not
	}
	if ps[last].kind != pieceDigits {
		return false
	}
	if _, _, ok := lx.phraseFrom(timeAfterPhrases, ps, j); ok {
		return true
	}
	if lx.isPhraseWord(clockHoursPhrases, ps[j].low) {
		return len(ps[last].low) == 4
	}
	return last > 0 && lx.isPhraseWord(timeBeforePhrases, ps[last-1].low) && hourAt(lx, ps, last)
}

// hourAt reports digits at piece last that may be an hour of the clock after a time_before word:
// at most 24, and no word for people or things after them that they would count ("alle 16" is
// four in the afternoon, "alle 16 vittime" sixteen victims).
func hourAt(lx *lexicon, ps []piece, last int) bool {
	if atoiPiece(ps[last].low) > 24 {
		return false
	}
	next := last + 1
	if next >= len(ps) || ps[next].kind != pieceWord {
		return true
	}
	w := foldWord(ps[next].low)
	return !lx.has(personNounWords, w) && !lx.has(peopleNounWords, w) && !lx.has(thingNounWords, w)
}

// isMoney reports a currency sign before the figure or a currency noun after it.
func isMoney(lx *lexicon, ps []piece, np numParse, noun string) bool {
	b := np.first - 1
	return lx.hasWord(currencyWords, noun) || b >= 0 && (currencySigns[ps[b].low] || ps[b].kind == pieceWord && lx.isPhraseWord(currencyBeforePhrases, ps[b].low))
}

// isPercent reports "%" or a percent_after phrase after the figure ("per cent", "persen").
func isPercent(lx *lexicon, ps []piece, last int) bool {
	if pieceIs(ps, last+1, "%") {
		return true
	}
	_, _, ok := lx.phraseFrom(percentAfterPhrases, ps, last+1)
	return ok
}

// isAge reports an age_before phrase before the figure ("aged 25", "âgé de 25 ans"), an
// age_after phrase after it ("25-year-old", "25 years old") and "Name (25)".
func isAge(lx *lexicon, ps []piece, np numParse, last int) bool {
	if lx.phraseEndsBefore(ageBeforePhrases, ps, np.first-1) {
		return true
	}
	j := last + 1
	if pieceIs(ps, j, "-") {
		j++
	}
	if _, _, ok := lx.phraseFrom(ageAfterPhrases, ps, j); ok {
		return true
	}
	f := np.first
	return f >= 2 && ps[f-1].low == "(" && pieceIs(ps, last+1, ")") && ps[f].kind == pieceDigits &&
		ps[f-2].kind == pieceWord && ps[f-2].upper && np.value >= 10 && np.value <= 110 && np.first == np.last
}

// isYearLike reports a year: a bare four-digit figure from 1900 to 2039 that no noun follows
// ("in 2004", "the 2013 attack"), or a decade ("1990s").
func isYearLike(lx *lexicon, ps []piece, np numParse, last int, noun string) bool {
	if np.decade {
		return true
	}
	if np.first != last || ps[np.first].kind != pieceDigits || len(ps[np.first].low) != 4 || np.value < 1900 || np.value > 2039 {
		return false
	}
	return !(lx.hasWord(peopleNounWords, noun) || lx.hasWord(thingNounWords, noun)) || !pieceIs(ps, last+1, noun)
}

// isIDBefore reports a figure named by the word before it: an id_word ("Block 4"), an
// id_abbreviation and its period ("No. 3", "Art. 5"), a capitalised id_capitalised word ("No 3"),
// "#5", "nº 5".
func isIDBefore(lx *lexicon, ps []piece, first int) bool {
	j := first - 1
	if j < 0 {
		return false
	}
	if ps[j].low == "#" || ps[j].low == "nº" || ps[j].low == "n°" {
		return true
	}
	if ps[j].low == "." && j > 0 {
		return lx.isPhraseWord(idAbbreviationPhrases, ps[j-1].low)
	}
	return lx.hasWord(idWordWords, ps[j].low) || ps[j].upper && lx.isPhraseWord(idCapitalisedPhrases, ps[j].low)
}

// isLabel reports digits that number a named thing rather than count people: "Al-Naba 322 was
// released", "Flight 370", "the wing, Block 9, where". The name before them is not the
// sentence's first word ("Some 300 escaped"; a comma before it opens no sentence) and no noun
// follows.
func isLabel(lx *lexicon, ps []piece, np numParse, noun string) bool {
	j := np.first - 1
	if noun != "" || j < 1 || ps[np.first].kind != pieceDigits || ps[j].kind != pieceWord || !ps[j].upper {
		return false
	}
	if q, _ := lx.qualifierBefore(ps, np.first); q != "" {
		return false
	}
	if _, ok := lx.months[ps[j].low]; ok {
		return false
	}
	return ps[j-1].kind != piecePunct || isJoinerPunct(ps[j-1].low) || ps[j-1].low == ","
}

type pieceKind uint8

const (
	pieceWord pieceKind = iota + 1
	pieceDigits
	piecePunct
)

// piece is one word, run of ASCII digits or punctuation mark of a text with its byte span.
// Dates and figures are read from pieces so that "Sept. 27", "3,500" and "twenty-eight" come
// apart the same way everywhere; hyphens and apostrophes are pieces of their own.
type piece struct {
	start, end int
	low        string // the text, lower-cased for words
	kind       pieceKind
	upper      bool // a word that starts with an upper-case letter
	// cannotStart tells what the piece is known not to start (markPieces): bit c, no phrase of
	// phrase category c; bit noNumberWord, no spelled number. Zero, for pieces no lexicon has
	// marked, knows nothing.
	cannotStart uint64
}

// noNumberWord is the bit of piece.cannotStart for a word that is no number word: above the
// phrase categories' bits.
const noNumberWord = 63

// numberStarts are the bits of piece.cannotStart that tell a word no figure starts with
// (parseNumberAt): none of them unset, none of its readers can read one.
const numberStarts = 1<<vagueNumberPhrases | 1<<approxNumberPhrases | 1<<exactNumberPhrases | 1<<zeroPhrases |
	1<<zeroDeterminerPhrases | 1<<zeroPluralDeterminerPhrases | 1<<ordinalPhrases | 1<<noNumberWord

// markPieces sets what each piece cannot start, so that the figure and date readers skip most
// words with one test instead of a look-up per category.
func (lx *lexicon) markPieces(ps []piece) {
	for i := range ps {
		p := &ps[i]
		var m pieceMark
		if lx.filter.mayHave(pieceMarkSet, p.low) {
			m = lx.pieceMarks[p.low]
		}
		p.cannotStart = ^m.starts &^ (1 << noNumberWord)
		if p.kind == pieceWord && !lx.pieceIsNumber(p.low, m) {
			p.cannotStart |= 1 << noNumberWord
		}
	}
}

// pieceMark is what the lexicon says of a piece's word for markPieces: the phrase categories
// (bit c) whose phrases start with it, and whether it is one of the number words as written.
type pieceMark struct {
	starts uint64
	number bool
}

// pieceIsNumber is isNumberWord for a word piece whose marks m are read. A word in lower-case
// ASCII, most of a text, is its own fold: it is a number word as written (m) or as tens and a
// unit, and has no proclitics; any other is read as numberWord reads it.
func (lx *lexicon) pieceIsNumber(low string, m pieceMark) bool {
	if ascii, upper := asciiCase(low); !ascii || upper {
		return lx.isNumberWord(low)
	}
	if m.number {
		return true
	}
	_, glued := lx.gluedTensAndUnit(low)
	return glued
}

// scanPieces splits text into pieces; spaces separate pieces and are dropped.
func scanPieces(text string) []piece {
	return appendPieces(make([]piece, 0, len(text)/3+1), text, asciiLower(text))
}

// appendPieces is scanPieces appending to ps, so that a caller can reuse one buffer, with lower
// as appendTokens takes it.
func appendPieces(ps []piece, text, lower string) []piece {
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			i++
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			ps = append(ps, piece{start: i, end: j, kind: pieceDigits, low: text[i:j]})
			i = j
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			if p, ok := arabicIndicPiece(text, i); ok {
				ps = append(ps, p)
				i = p.end
				continue
			}
			switch {
			case unicode.IsLetter(r):
				j := wordEnd(text, i+size)
				low := lower[i:j]
				if !isASCII(low) {
					low = strings.ToLower(text[i:j])
				}
				ps = append(ps, piece{start: i, end: j, kind: pieceWord, low: low, upper: unicode.IsUpper(r)})
				i = j
			case unicode.IsSpace(r):
				i += size
			default:
				ps = append(ps, piece{start: i, end: i + size, kind: piecePunct, low: text[i : i+size]})
				i += size
			}
		}
	}
	return ps
}

// wordEnd returns where the letters (and combining marks) that continue at i stop.
func wordEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			return i
		}
		i += size
	}
	return i
}

// numberWordClass says how a number word combines with its neighbours.
type numberWordClass uint8

const (
	wordUnit          numberWordClass = iota // 0-9
	wordTeen                                 // 10-19
	wordTens                                 // 20-90
	wordHundredValue                         // a whole hundreds value: seratus, cien, doscientos
	wordThousandValue                        // a whole thousands value: seribu
	wordMulHundred                           // multiplies what precedes by 100: hundred, cent, ratus
	wordMulThousand                          // thousand, mille, ribu, mil
	wordMulMillion                           // million, juta, millón, billion
	wordPuluh                                // Indonesian tens: dua puluh = 20
	wordBelas                                // Indonesian teens: dua belas = 12
	wordAndHalf                              // its value and a half of the multiplier after it: полторы тысячи = 1,500
)

type numberWord struct {
	value      int
	class      numberWordClass
	standalone bool // a multiplier that is a figure by itself (French "cent", "mille")
}

// multiplier scales a figure written in digits ("3 million", "5k", "two dozen").
type multiplier struct {
	factor int
	approx bool // "two dozen", "deux centaines" are approximate
	glued  bool // only when glued to the digits ("5k", "1.5m")
}

// gluedMultiplier reports a glued_multiplier word ("k" of "5k").
func (lx *lexicon) gluedMultiplier(low string) bool {
	return lx.isPhraseWord(gluedMultiplierPhrases, low)
}

// multiplierOf looks a word (lower case) up among the lexicon's multipliers of digits:
// figure_multiplier:N ("million"), approx_multiplier:N ("dozen") and glued_multiplier:N ("k").
func (lx *lexicon) multiplierOf(low string) (multiplier, bool) {
	if v, ok := lx.phraseValue(figureMultiplierPhrases, low); ok {
		return multiplier{factor: v}, true
	}
	if v, ok := lx.phraseValue(approxMultiplierPhrases, low); ok {
		return multiplier{factor: v, approx: true}, true
	}
	if v, ok := lx.phraseValue(gluedMultiplierPhrases, low); ok {
		return multiplier{factor: v, glued: true}, true
	}
	return multiplier{}, false
}

// qualifierPhrase is a bound or approximation said before a figure.
type qualifierPhrase struct {
	words     []string
	qualifier string // approx, more_than, up_to; between and from open a range
}

var currencySigns = setOf("$ € £ ₦ ₹ ¥ ₱ ₩ ₺ ₽ ₵ ₪")

// setOf builds a lookup set from space-separated words.
func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
