package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Sentence is one sentence of a text: text[Start:End], trimmed of surrounding space.
type Sentence struct{ Start, End int }

// Sentences splits text into sentences. A sentence ends at terminal punctuation followed by
// space and a word that does not continue it (a lower-case word, or after "Mr.", "Sept. 27",
// "U.S. officials", "D.I. Khan"), after closing quotes that follow the punctuation, at a blank
// line, and at a line break after a line that is a heading or a list item. A line break inside a
// sentence of hard-wrapped text (the next line starts in lower case, the line ends with a comma
// or a word like "the", or the whole text is wrapped that way) joins the lines. List markers
// ("- ", "• ", "1. ") are left out of the sentence.
func Sentences(text string) []Sentence {
	return sentencesOf(builtinUnion(), text)
}

// sentencesOf is Sentences with the month abbreviations of a lexicon.
func sentencesOf(lx *lexicon, text string) []Sentence {
	wrapped := hardWrapped(text)
	var out []Sentence
	start := skipBullet(text, skipSpace(text, 0))
	emit := func(end int) {
		s, e := skipSpace(text, start), end
		for e > s {
			r, size := utf8.DecodeLastRuneInString(text[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= size
		}
		if s < e && strings.IndexFunc(text[s:e], isLetterOrDigit) >= 0 {
			out = append(out, Sentence{Start: s, End: e}) // a lone "…" or "|" is no sentence
		}
	}
	for i := start; i < len(text); {
		c := text[i]
		if c == '\n' {
			next, blank := afterLineBreak(text, i)
			if blank || hardLineBreak(lx, text, i, next, wrapped) {
				emit(i)
				start = skipBullet(text, next)
				i = start
				continue
			}
			i = next
			continue
		}
		if c == '.' || c == '!' || c == '?' || c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(text[i:])
			if isTerminalRune(r) {
				if end, ok := sentenceEndAfter(lx, text, i); ok {
					emit(end)
					start, i = end, end
					continue
				}
			}
			i += size
			continue
		}
		i++
	}
	emit(len(text))
	return out
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isTerminalRune(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '。', '！', '？', '؟':
		return true
	}
	return false
}

func isClosingRune(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', ')', ']', '›', '*':
		return true
	}
	return false
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// skipSpace skips white space, including no-break spaces, from i.
func skipSpace(text string, i int) int {
	for i < len(text) {
		if isSpaceByte(text[i]) {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r < utf8.RuneSelf || !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// sentenceEndAfter decides whether the terminal punctuation at i ends a sentence and returns
// where it ends (after any closing quotes).
func sentenceEndAfter(lx *lexicon, text string, i int) (int, bool) {
	j, marks := i, 0
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !isTerminalRune(r) {
			break
		}
		j += size
		marks++
	}
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !isClosingRune(r) {
			break
		}
		j += size
	}
	j = skipFootnoteMark(text, i, j)
	k := skipSpace(text, j)
	if j < len(text) && k == j {
		if text[i] == '.' && marks == 1 && missingSpace(text, i, j) {
			return j, true // "12 ont été repris.Le bilan": a sentence run into the next
		}
		return 0, false // "3.5", "U.S.-led", "e.g.,"
	}
	if k >= len(text) {
		return j, true
	}
	next, _ := utf8.DecodeRuneInString(text[k:])
	if unicode.IsLower(next) {
		return 0, false
	}
	if text[i] == '.' && marks == 1 && (abbreviationHolds(lx, wordBeforeDot(text, i), text, k) || dayBeforeMonth(lx, text, i, k)) {
		return 0, false
	}
	return j, true
}

// missingSpace reports a period at i between a lower-case word of at least minRunOnWord letters
// and a capitalised word, or before a word of a script without capitals after such a word or a
// figure, with no space: a typing slip that runs one sentence into the next ("repris.Le bilan").
// Abbreviations ("U.S.A", "د.أحمد": a word too short), decimals and web addresses stay whole.
func missingSpace(text string, i, j int) bool {
	word := wordBeforeDot(text, i)
	r, size := utf8.DecodeLastRuneInString(text[:i])
	if word == "" && isClosingRune(r) {
		word = wordBeforeDot(text, i-size) // "قال "ذلك".وتابعت": a quotation closed the sentence
	}
	if first, _ := utf8.DecodeRuneInString(text[j:]); word == "" && unicode.IsDigit(r) && caseless(first) {
		return true // "بين 2011 و2012.وكان": a figure ends the sentence, a letter of a script without capitals opens the next
	}
	if utf8.RuneCountInString(word) < minRunOnWord || strings.ContainsRune(word, '.') {
		return false
	}
	first, size := utf8.DecodeRuneInString(text[j:])
	if strings.IndexFunc(word, func(r rune) bool { return !caseless(r) }) < 0 {
		return caseless(first) // "السجن.وقالت": a script without capitals runs on at any letter
	}
	if strings.IndexFunc(word, func(r rune) bool { return !unicode.IsLower(r) }) >= 0 {
		return false
	}
	if !unicode.IsUpper(first) || j+size >= len(text) {
		return false
	}
	second, _ := utf8.DecodeRuneInString(text[j+size:])
	return unicode.IsLower(second) || second == '\'' || second == '’'
}

// caseless reports a letter of a script without capitals (Arabic, Hebrew, the scripts of South
// and East Asia).
func caseless(r rune) bool {
	return unicode.IsLetter(r) && !unicode.IsUpper(r) && !unicode.IsLower(r) && !unicode.IsTitle(r)
}

// minRunOnWord is the shortest word a missing space may follow: "e.g" and "i.e" are shorter.
const minRunOnWord = 3

// dayBeforeMonth reports the period of an ordinal day written before a month name ("am 14. März
// 2025", "dnia 3. maja"): it ends no sentence.
func dayBeforeMonth(lx *lexicon, text string, i, k int) bool {
	d := i
	for d > 0 && i-d < 2 && text[d-1] >= '0' && text[d-1] <= '9' {
		d--
	}
	if d == i || d > 0 && (unicode.IsLetter(rune(text[d-1])) || text[d-1] >= '0' && text[d-1] <= '9') {
		return false
	}
	if day, err := strconv.Atoi(text[d:i]); err != nil || day < 1 || day > 31 {
		return false
	}
	e := k
	for e < len(text) {
		r, size := utf8.DecodeRuneInString(text[e:])
		if !unicode.IsLetter(r) {
			break
		}
		e += size
	}
	if _, month := lx.months[strings.ToLower(text[k:e])]; !month || e == k {
		return false
	}
	// A year or a lower-case word goes on with the date: "14. May God help them" ends at "14.".
	n := skipSpace(text, e)
	if n == e || n >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[n:])
	return unicode.IsDigit(r) || unicode.IsLower(r)
}

// skipFootnoteMark skips a note mark glued after the punctuation at i ("killed.[4]", and after a
// word, "people.1"), which ends at j.
func skipFootnoteMark(text string, i, j int) int {
	for j < len(text) && text[j] == '[' {
		k := j + 1
		for k < len(text) && k-j <= 4 && text[k] >= '0' && text[k] <= '9' {
			k++
		}
		if k == j+1 || k >= len(text) || text[k] != ']' {
			return j
		}
		j = k + 1
	}
	if prev, _ := utf8.DecodeLastRuneInString(text[:i]); !unicode.IsLetter(prev) {
		return j
	}
	k := j
	for k < len(text) && k-j < 3 && text[k] >= '0' && text[k] <= '9' {
		k++
	}
	if k > j && (k == len(text) || isSpaceByte(text[k])) {
		return k
	}
	return j
}

// wordBeforeDot returns the letters (and inner periods, as in "U.S") right before the period
// at i.
func wordBeforeDot(text string, i int) string {
	s := i
	for s > 0 && i-s < 16 {
		r, size := utf8.DecodeLastRuneInString(text[:s])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		s -= size
	}
	return strings.TrimLeft(text[s:i], ".")
}

// abbreviationHolds reports a period that belongs to an abbreviation rather than ending the
// sentence, given the word before it and the text at k after the space.
func abbreviationHolds(lx *lexicon, word, text string, k int) bool {
	if word == "" {
		return false
	}
	low := strings.ToLower(word)
	nextIsDigit := text[k] >= '0' && text[k] <= '9'
	first, _ := utf8.DecodeRuneInString(word)
	switch {
	case low == "e.g" || low == "i.e" || lx.has(titleAbbreviationWords, foldWord(low)):
		return true
	case strings.Contains(word, "."), utf8.RuneCountInString(word) == 1 && unicode.IsUpper(first):
		return !startsSentence(lx, text, k) // "U.S. officials", "D.I. Khan", but "in the U.S. The"
	case lx.has(numberAbbreviationWords, foldWord(low)) || lx.months[low].abbr:
		return nextIsDigit
	}
	return false
}

// startsSentence reports a word at k that usually opens a sentence.
func startsSentence(lx *lexicon, text string, k int) bool {
	e := k
	for e < len(text) && e-k < 12 {
		r, size := utf8.DecodeRuneInString(text[e:])
		if !unicode.IsLetter(r) {
			break
		}
		e += size
	}
	return lx.has(sentenceStarterWords, foldWord(text[k:e]))
}

// afterLineBreak returns where the next line's text starts and whether a blank line came first.
func afterLineBreak(text string, i int) (int, bool) {
	j, blank := i+1, false
	for j < len(text) && isSpaceByte(text[j]) {
		if text[j] == '\n' {
			blank = true
		}
		j++
	}
	return j, blank
}

// hardLineBreak decides whether a single line break at i ends a sentence; next is where the
// next line's text starts.
func hardLineBreak(lx *lexicon, text string, i, next int, wrapped bool) bool {
	if next >= len(text) || isBullet(text, next) {
		return true
	}
	e := i
	for e > 0 && isSpaceByte(text[e-1]) {
		e--
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:e])
	nextRune, _ := utf8.DecodeRuneInString(text[next:])
	switch {
	case isTerminalRune(prev), unicode.IsLower(nextRune):
		return false // the punctuation rule has decided, or the sentence goes on
	case prev == ',' || prev == '-' || prev == '(' || prev == '&' || prev == '/':
		return false
	case lx.has(lineJoinWordWords, foldWord(lastWordLower(text, e))):
		return false
	}
	return !wrapped || opensParagraph(text, i)
}

// opensParagraph reports whether the line that ends at i is the first of the text or follows a
// blank line: a title keeps its own sentence even in hard-wrapped text.
func opensParagraph(text string, i int) bool {
	s := strings.LastIndexByte(text[:i], '\n')
	if s < 0 {
		return true
	}
	return strings.TrimSpace(text[strings.LastIndexByte(text[:s], '\n')+1:s]) == ""
}

func lastWordLower(text string, e int) string {
	s := e
	for s > 0 && e-s < 12 {
		r, size := utf8.DecodeLastRuneInString(text[:s])
		if !unicode.IsLetter(r) {
			break
		}
		s -= size
	}
	return strings.ToLower(text[s:e])
}

// hardWrapped reports text whose lines were broken inside sentences: several line breaks after
// a word or a comma are followed by a lower-case word.
func hardWrapped(text string) bool {
	breaks, inside := 0, 0
	for i := strings.IndexByte(text, '\n'); i >= 0; {
		next, blank := afterLineBreak(text, i)
		if !blank && next < len(text) && i > 0 {
			breaks++
			e := i
			for e > 0 && isSpaceByte(text[e-1]) {
				e--
			}
			prev, _ := utf8.DecodeLastRuneInString(text[:e])
			r, _ := utf8.DecodeRuneInString(text[next:])
			if (unicode.IsLetter(prev) || unicode.IsDigit(prev) || prev == ',') && unicode.IsLower(r) {
				inside++
			}
		}
		k := strings.IndexByte(text[next:], '\n')
		if k < 0 {
			break
		}
		i = next + k
	}
	return inside >= 3 && inside*4 >= breaks
}

// listItem reports a sentence starting at start right after a list marker that opens its line:
// "- Tarvo: 300 escaped" labels an item with its town, where a wire report's dateline would not.
func listItem(text string, start int) bool {
	line := strings.LastIndexByte(text[:start], '\n') + 1
	k := skipSpace(text, line)
	return isBullet(text, k) && skipBullet(text, k) == start
}

// isBullet reports a list marker at k: "- ", "• ", "* ", "1. ", "2) ".
func isBullet(text string, k int) bool { return bulletEnd(text, k) > k }

func bulletEnd(text string, k int) int {
	r, size := utf8.DecodeRuneInString(text[k:])
	j := k
	switch r {
	case '-', '•', '*', '·', '–', '—', '▪', '◦', '‣':
		j += size
	default:
		for j < len(text) && j-k < 3 && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j == k || j >= len(text) || text[j] != '.' && text[j] != ')' {
			return k
		}
		j++
	}
	if j >= len(text) || text[j] != ' ' && text[j] != '\t' {
		return k
	}
	return j
}

func skipBullet(text string, k int) int {
	if k < len(text) {
		return skipSpace(text, bulletEnd(text, k))
	}
	return k
}

// Section is a part of a text with its own reporting date: the text before the first update
// header, then one section per header ("UPDATE (23 JANUARY)", "Update, Jan. 23:", "Mise à jour,
// 24 janvier :"). Date is zero when the header gives none (and for the text before the first
// header): the document's own date applies there.
type Section struct {
	Start, End int
	Date       model.Date
	Header     string
	HeaderEnd  int // where the header ends in the text; Start when there is none
}

// Sections splits text at update headers, which stand on a line of their own or end with a
// colon; a year-less header date is the first such day from a week before ref on, since updates
// follow publication. Notes and references headings ("FOOTNOTES") open an undated section. The
// sections cover the whole text, in order.
func Sections(text string, ref Ref) []Section {
	return sectionsOf(builtinUnion(), text, ref)
}

// sectionsOf is Sections with the month and weekday names of a lexicon.
func sectionsOf(lx *lexicon, text string, ref Ref) []Section {
	var out []Section
	cur := Section{}
	for lineStart := 0; lineStart < len(text); {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		s := skipSpace(text, lineStart)
		if s < lineEnd {
			if h, ok := sectionHeader(lx, text[s:lineEnd], ref); ok {
				h.HeaderEnd = s + strings.Index(text[s:lineEnd], h.Header) + len(h.Header)
				if s > cur.Start {
					cur.End = s
					out = append(out, cur)
					h.Start = s
				} else {
					h.Start = cur.Start
				}
				cur = h
			}
		}
		lineStart = lineEnd + 1
	}
	cur.End = len(text)
	return append(out, cur)
}

// maxNotesHeading is the longest notes heading in bytes: longer lines are not folded to be looked up.
const maxNotesHeading = 24

// sectionHeader reads an update header or a notes heading from one line.
func sectionHeader(lx *lexicon, line string, ref Ref) (Section, bool) {
	body := strings.TrimSpace(strings.TrimLeft(line, "[(*#_ "))
	// Lower case maps rune to rune and keeps ":*_ " as they are: the heading lowered is the
	// trimmed body lowered, with as many runes, and a keyword and the rune after it are at the
	// start of the body's first runes lowered. Most lines are paragraphs, not lowered whole.
	if hb := strings.Trim(body, ":*_ "); len(hb) <= utf8.UTFMax*maxNotesHeading && utf8.RuneCountInString(hb) <= maxNotesHeading {
		if h := strings.ToLower(hb); len(h) <= maxNotesHeading && lx.hasWord(notesHeadingWords, h) {
			return Section{Header: strings.TrimSpace(line)}, true
		}
	}
	low := strings.ToLower(firstRunes(body, lx.updateKeywordRunes+1))
	for _, kw := range lx.updateKeywords {
		rest, ok := strings.CutPrefix(low, kw)
		if !ok {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(rest); rest != "" && unicode.IsLetter(r) {
			continue // "updates" is not "update"
		}
		header := body
		if colon := strings.IndexByte(body, ':'); colon >= 0 && colon <= 60 {
			header = body[:colon+1]
		} else if len(body) > 60 {
			return Section{}, false
		}
		return Section{Header: strings.TrimSpace(header), Date: headerDate(lx, header, ref)}, true
	}
	return Section{}, false
}

// firstRunes returns the first n runes of s.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// headerDate resolves the first date of a header, going forward from ref.
func headerDate(lx *lexicon, header string, ref Ref) model.Date {
	ps := scanPieces(header)
	for _, e := range scanDateExprs(lx, header, ps) {
		if d, ok := resolveDate(e, ref, nil, true); ok && d.Precision.Rank() <= model.PrecisionMonth.Rank() {
			return d
		}
	}
	return model.Date{}
}
