package extract

// phraseCat is a category of words and short phrases read on a text's pieces (number.go, date.go),
// as written in lower case: the figure and date rules match pieces, not tokens, and keep diacritics
// ("año" is no "ano"). A category may carry a value ("vague_number:24", "date_unit:7"), which the
// file gives after a colon as number:N does. Rules name a category by a constant, so that a misspelt
// one does not compile. data/README.md says what each holds and which rule reads it.
type phraseCat uint8

const (
	vagueNumberPhrases phraseCat = iota
	approxNumberPhrases
	exactNumberPhrases
	figureMultiplierPhrases
	approxMultiplierPhrases
	gluedMultiplierPhrases
	ordinalPhrases
	ordinalSuffixPhrases
	zeroPhrases
	zeroDeterminerPhrases
	zeroPluralDeterminerPhrases
	pluralNounPhrases
	weekdayBeforePhrases
	weekdayDirectionPhrases
	periodPartPhrases
	dateUnitPhrases
	agoBeforePhrases
	agoAfterPhrases
	laterAfterPhrases
	fewPhrases
	dayOfMonthBeforePhrases
	timeAfterPhrases
	clockHoursPhrases
	timeBeforePhrases
	ageBeforePhrases
	ageAfterPhrases
	percentAfterPhrases
	moreThanAfterPhrases
	approxAfterPhrases
	monthLinkPhrases
	yearLinkPhrases
	weekdayToPhrases
	weekdayDateLinkPhrases
	weekdayNameBeforePhrases
	updateKeywordPhrases
	rangeAndPhrases
	rangeToPhrases
	rangeOrPhrases
	hundredsAndPhrases
	tensAndOnePhrases
	tensAndUnitPhrases
	currencyBeforePhrases
	idAbbreviationPhrases
	idCapitalisedPhrases
	phraseCatCount
)

// phraseCats are the phrase categories' names in the lexicon files and the values each may take
// (nil for a category without one). The values are those the rules were written with: a file adds
// words, not values.
var phraseCats = [phraseCatCount]struct {
	name   string
	values []string
}{
	vagueNumberPhrases:          {"vague_number", []string{"11", "20", "24", "40", "200", "2000", "20000", "200000", "2000000"}},
	approxNumberPhrases:         {"approx_number", []string{"2", "10", "12", "15", "20", "30", "40", "50", "60", "100", "1000"}},
	exactNumberPhrases:          {"exact_number", []string{"100", "1000", "1000000"}},
	figureMultiplierPhrases:     {"figure_multiplier", []string{"1000", "100000", "1000000", "10000000", "1000000000"}},
	approxMultiplierPhrases:     {"approx_multiplier", []string{"12", "100", "1000"}},
	gluedMultiplierPhrases:      {"glued_multiplier", []string{"1000", "1000000", "1000000000"}},
	ordinalPhrases:              {"ordinal", []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}},
	ordinalSuffixPhrases:        {"ordinal_suffix", nil},
	zeroPhrases:                 {"zero_word", nil},
	zeroDeterminerPhrases:       {"zero_determiner", nil},
	zeroPluralDeterminerPhrases: {"zero_plural_determiner", nil},
	pluralNounPhrases:           {"plural_noun", nil},
	weekdayBeforePhrases:        {"weekday_before", []string{"-1", "0", "1"}},
	weekdayDirectionPhrases:     {"weekday_direction", []string{"-1", "1"}},
	periodPartPhrases:           {"period_part", nil},
	dateUnitPhrases:             {"date_unit", []string{"1", "7", "30", "365"}},
	agoBeforePhrases:            {"ago_before", nil},
	agoAfterPhrases:             {"ago_after", nil},
	laterAfterPhrases:           {"later_after", nil},
	fewPhrases:                  {"few_phrase", nil},
	dayOfMonthBeforePhrases:     {"day_of_month_before", nil},
	timeAfterPhrases:            {"time_after", nil},
	clockHoursPhrases:           {"clock_hours", nil},
	timeBeforePhrases:           {"time_before", nil},
	ageBeforePhrases:            {"age_before", nil},
	ageAfterPhrases:             {"age_after", nil},
	percentAfterPhrases:         {"percent_after", nil},
	moreThanAfterPhrases:        {"more_than_after", nil},
	approxAfterPhrases:          {"approx_after", nil},
	monthLinkPhrases:            {"month_link", nil},
	yearLinkPhrases:             {"year_link", nil},
	weekdayToPhrases:            {"weekday_to", nil},
	weekdayDateLinkPhrases:      {"weekday_date_link", nil},
	weekdayNameBeforePhrases:    {"weekday_name_before", nil},
	updateKeywordPhrases:        {"update_keyword", nil},
	rangeAndPhrases:             {"range_and", nil},
	rangeToPhrases:              {"range_to", nil},
	rangeOrPhrases:              {"range_or", nil},
	hundredsAndPhrases:          {"hundreds_and", nil},
	tensAndOnePhrases:           {"tens_and_one", nil},
	tensAndUnitPhrases:          {"tens_and_unit", nil},
	currencyBeforePhrases:       {"currency_before", nil},
	idAbbreviationPhrases:       {"id_abbreviation", nil},
	idCapitalisedPhrases:        {"id_capitalised", nil},
}
