package ingest

import (
	"strings"
	"unicode"
)

// stopwords lists frequent function words per language (ISO 639-1). A word may belong to several
// languages; the words only one language uses decide.
var stopwords = map[string][]string{
	"en": strings.Fields("the and of to in is was that for on with as by at from it are were he his she " +
		"her said have has had an be this which after who they their not but been would will its"),
	"fr": strings.Fields("le la les des du et est une dans par pour sur au aux qui que ont été pas il elle " +
		"ils avec ce cette sont selon plus lors ses leur ou mais était avait de un en"),
	"es": strings.Fields("el los las del y que por con para una se es fue al como más su sus han según " +
		"entre pero lo este esta desde sobre fueron hay también de la en un muy hasta donde cuando durante tras dijo ya"),
	"pt": strings.Fields("o os do da dos das e em no na nos que para com uma um foi por ao pelo pela não " +
		"mais são segundo também ele ela foram de se"),
	"id": strings.Fields("yang dan di ke dari dengan ini itu untuk pada dalam tidak akan oleh sebagai " +
		"telah juga karena mereka adalah tersebut sudah kata bahwa sekitar"),
	"de": strings.Fields("der die das und ist nicht den dem mit von zu ein eine im auf für wurde sich des " +
		"auch bei nach aus wurden sind"),
	"it": strings.Fields("il gli della delle dei degli di e che per con una sono nel nella alla è non anche " +
		"dal stato alle ha la un"),
	"nl": strings.Fields("de het een en van is dat op te zijn met voor niet door werd ook bij naar hij " +
		"werden"),
	"sw": strings.Fields("na ya wa kwa katika za ni kuwa hiyo huo baada pia lakini hao wao hii"),
	"tl": strings.Fields("ang ng mga sa ay si ni kay nang noong hindi sila kanilang ito iyon"),
	"tr": strings.Fields("ve bir bu ile için olarak olan çok gibi daha sonra kadar ama değil"),
	"ar": strings.Fields("في من على إلى أن التي الذي عن مع هذا هذه كان قد وقد بعد ذلك بين حيث"),
	"fa": strings.Fields("و در به از که این را با است برای آن یک شد می ها"),
	"ur": strings.Fields("کے کی میں ہے اور سے کو نے کا پر یہ تھا ہیں"),
	"ru": strings.Fields("и в не на что с по как из за от для это был были к о его она они"),
	"uk": strings.Fields("і в на що з не до та як за від це у була було його вони"),
}

// stopwordLanguages maps each stopword to the languages that use it, built once from stopwords.
var stopwordLanguages = func() map[string][]string {
	m := make(map[string][]string)
	for lang, words := range stopwords {
		for _, w := range words {
			m[w] = append(m[w], lang)
		}
	}
	return m
}()

// scriptLanguages names the language of scripts that (nearly) one language writes.
var scriptLanguages = []struct {
	table *unicode.RangeTable
	lang  string
}{
	{unicode.Hebrew, "he"}, {unicode.Greek, "el"}, {unicode.Thai, "th"}, {unicode.Hangul, "ko"},
	{unicode.Hiragana, "ja"}, {unicode.Katakana, "ja"}, {unicode.Han, "zh"}, {unicode.Georgian, "ka"},
	{unicode.Armenian, "hy"},
}

const (
	languageSampleWords = 2000 // enough words to decide; the rest of a long text adds nothing
	minStopwordHits     = 3    // fewer hits than this is a guess, not an answer
)

// GuessLanguage returns the ISO 639-1 code of the language text is most likely in, or "" when
// unsure. Latin, Arabic and Cyrillic texts are told apart by counting frequent function words
// (a word shared by k languages weighs 1/k; the winner needs at least 3 hits and a 1.5-fold
// lead over the runner-up), and a short text by the letters of its script (letterLanguage); a few scripts that
// one language owns (Hebrew, Greek, Thai, Hangul, kana, Han, Georgian, Armenian) decide by
// themselves.
func GuessLanguage(text string) string {
	if lang := scriptLanguage(text); lang != "" {
		return lang
	}
	// A word shared by k languages gives each of them 1/k: the words only one language uses decide.
	scores := make(map[string]float64)
	hits := make(map[string]int)
	words := 0
	for word := range strings.FieldsFuncSeq(strings.ToLower(text), isWordBreak) {
		langs := stopwordLanguages[word]
		for _, lang := range langs {
			scores[lang] += 1 / float64(len(langs))
			hits[lang]++
		}
		if words++; words == languageSampleWords {
			break
		}
	}
	best, first, second := "", 0.0, 0.0
	for lang, n := range scores {
		switch {
		case n > first || n == first && lang < best:
			best, first, second = lang, n, max(first, second)
		case n > second:
			second = n
		}
	}
	if hits[best] < minStopwordHits || 2*first < 3*second {
		return letterLanguage(text) // too few function words: a short report
	}
	return best
}

// letterLanguage names the language of a text written mostly in a script several languages share
// when its letters tell them apart: Arabic script without the letters Persian and Urdu add (پ چ ژ گ
// ی ک ٹ ڈ ڑ ں ے ہ) is Arabic; Cyrillic with ы or э and none of і ї є ґ ў is Russian (Bulgarian,
// Serbian and Macedonian have neither ы nor э); with і ї є ґ and none of ы э, Ukrainian.
// Otherwise "".
func letterLanguage(text string) string {
	var letters, arabic, persian, cyrillic, russian, ukrainian int
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case strings.ContainsRune("پچژگیکٹڈڑںےہ", r):
			persian++
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case strings.ContainsRune("ыэЫЭ", r):
			russian++
		case strings.ContainsRune("іїєґўІЇЄҐЎ", r):
			ukrainian++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
		}
		if letters == 10*languageSampleWords {
			break
		}
	}
	switch {
	case 2*(arabic+persian) > letters:
		if persian == 0 {
			return "ar"
		}
	case 2*(cyrillic+russian+ukrainian) > letters:
		if russian > 0 && ukrainian == 0 {
			return "ru"
		}
		if ukrainian > 0 && russian == 0 {
			return "uk"
		}
	}
	return ""
}

// isWordBreak reports runes that are not part of a word (apostrophes split "l'attaque").
func isWordBreak(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r)
}

// scriptLanguage returns the language of the script most letters of text are written in, when that
// script belongs to one language; Japanese wins over Chinese as soon as kana appear.
func scriptLanguage(text string) string {
	counts := make(map[string]int)
	letters := 0
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if r < '\u0370' {
			continue // Latin: no script of scriptLanguages starts below Greek
		}
		for _, s := range scriptLanguages {
			if unicode.Is(s.table, r) {
				counts[s.lang]++
				break
			}
		}
		if letters == 10*languageSampleWords {
			break
		}
	}
	if counts["ja"] > 0 && counts["ja"]+counts["zh"] > letters/2 {
		return "ja"
	}
	for lang, n := range counts {
		if n > letters/2 {
			return lang
		}
	}
	return ""
}
