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
	earlierAfterPhrases
	toTheDayPhrases
	fewPhrases
	dayOfMonthBeforePhrases
	timeAfterPhrases
	dayPartPhrases
	clockHoursPhrases
	timeBeforePhrases
	ageBeforePhrases
	ageAfterPhrases
	percentAfterPhrases
	moreThanAfterPhrases
	moreThanAfterNounPhrases
	remainderPhrases
	writtenAuxiliaryPhrases
	reflexivePhrases
	stillPhrases
	causativeFreeingPhrases
	legalCasePhrases
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
	tenBeforeUnitPhrases
	twentyBeforeTeenPhrases
	timesTwentyPhrases
	gluedUnitPhrases
	riseByPhrases
	movedFromPhrases
	protestVerbPhrases
	comesAfterPhrases
	oneOwnerPhrases
	manyOfPhrases
	survivalAfterPhrases
	penaltyToPhrases
	partLinkPhrases
	equipmentPhrases
	illnessAfterPhrases
	heldEventPhrases
	custodyPersonPhrases
	damageVerbPhrases
	rumourPhrases
	crowdControlPhrases
	borderWithPhrases
	originFromPhrases
	takenOutOfPhrases
	bannedInPhrases
	gearParticiplePhrases
	landmarkNounPhrases
	countPrepositionPhrases
	treatmentPlacePhrases
	phraseCatCount
)

// phraseCats are the phrase categories' names in the lexicon files, the values each may take (nil
// for a category without one) and whether rules look them up one word at a time. The values are
// those the rules were written with: a file adds words, not values.
var phraseCats = [phraseCatCount]struct {
	name   string
	values []string
	word   bool // looked up one word at a time: a phrase of several words is an error
}{
	vagueNumberPhrases:          {name: "vague_number", values: []string{"11", "20", "24", "40", "200", "2000", "20000", "200000", "2000000"}},
	approxNumberPhrases:         {name: "approx_number", values: []string{"2", "10", "12", "15", "20", "30", "40", "50", "60", "70", "80", "90", "100", "1000"}},
	exactNumberPhrases:          {name: "exact_number", values: []string{"100", "1000", "1000000"}},
	figureMultiplierPhrases:     {name: "figure_multiplier", values: []string{"1000", "100000", "1000000", "10000000", "1000000000"}, word: true},
	approxMultiplierPhrases:     {name: "approx_multiplier", values: []string{"12", "100", "1000"}, word: true},
	gluedMultiplierPhrases:      {name: "glued_multiplier", values: []string{"1000", "1000000", "1000000000"}, word: true},
	ordinalPhrases:              {name: "ordinal", values: []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}, word: true},
	ordinalSuffixPhrases:        {name: "ordinal_suffix", word: true},
	zeroPhrases:                 {name: "zero_word"},
	zeroDeterminerPhrases:       {name: "zero_determiner", word: true},
	zeroPluralDeterminerPhrases: {name: "zero_plural_determiner", word: true},
	pluralNounPhrases:           {name: "plural_noun", word: true},
	weekdayBeforePhrases:        {name: "weekday_before", values: []string{"-1", "0", "1"}},
	weekdayDirectionPhrases:     {name: "weekday_direction", values: []string{"-1", "1"}, word: true},
	periodPartPhrases:           {name: "period_part"},
	dateUnitPhrases:             {name: "date_unit", values: []string{"1", "7", "30", "365"}, word: true},
	agoBeforePhrases:            {name: "ago_before"},
	agoAfterPhrases:             {name: "ago_after"},
	laterAfterPhrases:           {name: "later_after"},
	earlierAfterPhrases:         {name: "earlier_after"},
	toTheDayPhrases:             {name: "to_the_day"},
	fewPhrases:                  {name: "few_phrase"},
	dayOfMonthBeforePhrases:     {name: "day_of_month_before"},
	timeAfterPhrases:            {name: "time_after"},
	dayPartPhrases:              {name: "day_part"},
	clockHoursPhrases:           {name: "clock_hours", word: true},
	timeBeforePhrases:           {name: "time_before", word: true},
	ageBeforePhrases:            {name: "age_before"},
	ageAfterPhrases:             {name: "age_after"},
	percentAfterPhrases:         {name: "percent_after"},
	moreThanAfterPhrases:        {name: "more_than_after"},
	moreThanAfterNounPhrases:    {name: "more_than_after_noun"},
	remainderPhrases:            {name: "remainder"},
	writtenAuxiliaryPhrases:     {name: "written_auxiliary", word: true},
	reflexivePhrases:            {name: "reflexive", word: true},
	stillPhrases:                {name: "still", word: true},
	causativeFreeingPhrases:     {name: "causative_freeing", word: true},
	legalCasePhrases:            {name: "legal_case"},
	approxAfterPhrases:          {name: "approx_after"},
	monthLinkPhrases:            {name: "month_link", word: true},
	yearLinkPhrases:             {name: "year_link", word: true},
	weekdayToPhrases:            {name: "weekday_to", word: true},
	weekdayDateLinkPhrases:      {name: "weekday_date_link", word: true},
	weekdayNameBeforePhrases:    {name: "weekday_name_before", word: true},
	updateKeywordPhrases:        {name: "update_keyword"},
	rangeAndPhrases:             {name: "range_and", word: true},
	rangeToPhrases:              {name: "range_to", word: true},
	riseByPhrases:               {name: "rise_by"},
	movedFromPhrases:            {name: "moved_from"},
	protestVerbPhrases:          {name: "protest_verb", word: true},
	comesAfterPhrases:           {name: "comes_after"},
	oneOwnerPhrases:             {name: "one_owner", word: true},
	manyOfPhrases:               {name: "many_of"},
	survivalAfterPhrases:        {name: "survival_after"},
	penaltyToPhrases:            {name: "penalty_to", word: true},
	partLinkPhrases:             {name: "part_link", word: true},
	equipmentPhrases:            {name: "equipment"},
	illnessAfterPhrases:         {name: "illness_after"},
	heldEventPhrases:            {name: "held_event"},
	custodyPersonPhrases:        {name: "custody_person", word: true},
	damageVerbPhrases:           {name: "damage_verb", word: true},
	rumourPhrases:               {name: "rumour", word: true},
	crowdControlPhrases:         {name: "crowd_control"},
	borderWithPhrases:           {name: "border_with"},
	originFromPhrases:           {name: "origin_from"},
	takenOutOfPhrases:           {name: "taken_out_of"},
	bannedInPhrases:             {name: "banned_in"},
	gearParticiplePhrases:       {name: "gear_participle", word: true},
	landmarkNounPhrases:         {name: "landmark_noun", word: true},
	countPrepositionPhrases:     {name: "count_preposition", word: true},
	treatmentPlacePhrases:       {name: "treatment_place"},
	rangeOrPhrases:              {name: "range_or", word: true},
	hundredsAndPhrases:          {name: "hundreds_and", word: true},
	tensAndOnePhrases:           {name: "tens_and_one", word: true},
	tensAndUnitPhrases:          {name: "tens_and_unit", word: true},
	currencyBeforePhrases:       {name: "currency_before", word: true},
	idAbbreviationPhrases:       {name: "id_abbreviation", word: true},
	idCapitalisedPhrases:        {name: "id_capitalised", word: true},
	tenBeforeUnitPhrases:        {name: "ten_before_unit", word: true},
	twentyBeforeTeenPhrases:     {name: "twenty_before_teen", word: true},
	timesTwentyPhrases:          {name: "times_twenty", word: true},
	gluedUnitPhrases:            {name: "glued_unit", word: true},
}
