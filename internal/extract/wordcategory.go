package extract

// wordCat is a word category. Rules name it by a constant, so that a misspelt category does not
// compile, and its value indexes the lexicon's word sets, so that a look-up is one map access.
// data/README.md says what each holds and which rule reads it.
type wordCat uint8

const (
	stopNameWords wordCat = iota
	titleWords
	capitalNotPlaceWords
	perfectAuxiliaryWords
	pastPerfectWords
	plainCaptureWords
	onePronounWords
	relativePronounWords
	agentPrepositionWords
	portfolioLinkWords
	officeNounWords
	reporterVerbWords
	directionWords
	regionNounWords
	regionBeforeWords
	forceNounWords
	campaignWordWords
	conjunctionWords
	singularArticleWords
	singularPersonWords
	beforeVerbWords
	auxiliaryWords
	reportVerbWords
	attributionWords
	groupNounWords
	escapeeNounWords
	copulaWords
	negationWords
	titleAbbreviationWords
	numberAbbreviationWords
	sentenceStarterWords
	lineJoinWordWords
	notesHeadingWords
	peopleNounWords
	thingNounWords
	measureWordWords
	idWordWords
	partitiveWords
	numberDeterminerWords
	numberNounStopWords
	partOfDayWords
	oneWordWords
	fewWordWords
	monthTriggerWords
	dayFollowerWords
	attemptVerbWords
	infinitiveMarkerWords
	elisionWords
	addresseeWords
	divisionArticleWords
	subsetMarkerWords
	amongWords
	complementizerWords
	partOfThemWords
	allOfThemWords
	deathTollWords
	distanceUnitWords
	distanceFromWords
	sameWords
	partOfWholeWords
	reviewWords
	encliticWords
	counterWords
	speakerNounWords
	speakerLinkWords
	sourcePrepositionWords
	definiteArticleWords
	wholeWords
	numberingWords
	tollPrepositionWords
	recentWords
	longPeriodWords
	periodPrepositionWords
	cellWords
	orderVerbWords
	inflictVerbWords
	spreadWords
	denyWords
	groupPartitiveWords
	partitiveArticleWords
	groupRelativeWords
	bombingWords
	flightFromWords
	onsetNounWords
	capacityWords
	lynchWords
	singularPronounWords
	comitativeWords
	outsideWords
	unrealisedWords
	codedTallyWords
	lawfulReleaseWords
	courtVerbWords
	penaltyNounWords
	penaltyPlaceWords
	numberSignWords
	capacityForWords
	otherWords
	revisionWords
	governmentNounWords
	publishVerbWords
	topicMarkerWords
	additiveWords
	offenceLinkWords
	capitalPhraseWords
	responsibilityVerbWords
	pronounNumberWords
	pronounBeforeWords
	pronounAfterWords
	articleNumberWords
	boundNumberWords
	nameNumberWords
	rateNumberWords
	rateWords
	currencyWords
	nameParticleWords
	kunyaWords
	patronymicWords
	ownPossessiveWords
	inflictedOnWords
	impersonalPronounWords
	tollNounWords
	riseVerbWords
	respectivelyWords
	townFacilityWords
	townHoldingWords
	arabicArticleWords
	vicinityWords
	directionLinkWords
	reporterLinkWords
	basedWords
	dualSuffixWords
	cumulativeWords
	heldInWords
	crowdWords
	possessVerbWords
	populationWords
	allButWords
	sequenceWords
	blameVerbWords
	hostageWords
	hostageVerbWords
	leadVerbWords
	blameWordWords
	responsibilityWordWords
	clauseConjunctionWords
	facilityHeadFirstWords
	facilityModifierWords
	facilityPluralWords
	deedPluralWords
	otherFateWords
	subordinatorWords
	outOfWords
	facilityGenericWords
	pronounSubjectWords
	anotherWords
	temporalReferenceWords
	facilityLinkWords
	facilityLocativeWords
	facilityNearWords
	procliticWords
	diseaseCountWords
	storyNounWords
	mediumNounWords
	aimPrepositionWords
	caseNounWords
	wholeModifierWords
	placeBeforeWords
	streetNounWords
	originWords
	personalObjectWords
	caseEndingWords
	adjectiveEndingWords
	lemmaEndingWords
	possessiveDeterminerWords
	afterWordWords
	beforeWordWords
	freeingWords
	blamedAfterWords
	formerWords
	placeModifierWords
	institutionNounWords
	comparativeAfterWords
	appealVerbWords
	apostropheSuffixWords
	otherTargetWords
	disasterWords
	naturalForceWords
	inspiredSuffixWords
	peopleGroupWords
	motiveWords
	motiveClauseWords
	abilityVerbWords
	failureVerbWords
	condemnVerbWords
	thisTownWords
	forceUnitWords
	riotUnitWords
	captureVerbWords
	captiveWords
	letterLabelWords
	givenNameWords
	disguiseWords
	conditionalWords
	rightNounWords
	negativeConjunctionWords
	towardWords
	arrivedFromWords
	dayNameNounWords
	thereWords
	sourceNounWords
	outletNounWords
	releaseDemandWords
	roadToWords
	destinationWords
	escortWords
	verbParticleWords
	inCustodyWords
	localityWords
	nicknameWords
	personNounWords
	accidentWords
	whenWords
	comparisonWords
	legalGroundWords
	groupKindWords
	groupKindFirstWords
	areaNounWords
	assailantNounWords
	occasionWords
	hearsayNounWords
	refutedWords
	securityGradeWords
	releasingAuthorityWords
	modalWords
	speechNounWords
	otherMatterWords
	groupSizeWords
	consequenceVerbWords
	onsetVerbWords
	endVerbWords
	retrospectiveWords
	cleftOpenerWords
	deniedVerbWords
	operateVerbWords
	fireVerbWords
	deathVerbWords
	aircraftNounWords
	landVerbWords
	leaveVerbWords
	demandWords
	anyWords
	townFacilityLinkWords
	seeAlsoWords
	genericAttackWords
	wordCatCount
)

// wordCatNames are the word categories' names in the lexicon files.
var wordCatNames = [wordCatCount]string{
	stopNameWords:             "stop_name",
	titleWords:                "title",
	capitalNotPlaceWords:      "capital_not_place",
	perfectAuxiliaryWords:     "perfect_auxiliary",
	pastPerfectWords:          "past_perfect",
	plainCaptureWords:         "plain_capture",
	onePronounWords:           "one_pronoun",
	relativePronounWords:      "relative_pronoun",
	agentPrepositionWords:     "agent_preposition",
	portfolioLinkWords:        "portfolio_link",
	officeNounWords:           "office_noun",
	reporterVerbWords:         "reporter_verb",
	directionWords:            "direction",
	regionNounWords:           "region_noun",
	regionBeforeWords:         "region_before",
	forceNounWords:            "force_noun",
	campaignWordWords:         "campaign_word",
	conjunctionWords:          "conjunction",
	singularArticleWords:      "singular_article",
	singularPersonWords:       "singular_person",
	beforeVerbWords:           "before_verb",
	auxiliaryWords:            "auxiliary",
	reportVerbWords:           "report_verb",
	attributionWords:          "attribution",
	groupNounWords:            "group_noun",
	escapeeNounWords:          "escapee_noun",
	copulaWords:               "copula",
	negationWords:             "negation",
	titleAbbreviationWords:    "title_abbreviation",
	numberAbbreviationWords:   "number_abbreviation",
	sentenceStarterWords:      "sentence_starter",
	lineJoinWordWords:         "line_join_word",
	notesHeadingWords:         "notes_heading",
	peopleNounWords:           "people_noun",
	thingNounWords:            "thing_noun",
	measureWordWords:          "measure_word",
	idWordWords:               "id_word",
	partitiveWords:            "partitive",
	numberDeterminerWords:     "number_determiner",
	numberNounStopWords:       "number_noun_stop",
	partOfDayWords:            "part_of_day",
	oneWordWords:              "one_word",
	fewWordWords:              "few_word",
	monthTriggerWords:         "month_trigger",
	dayFollowerWords:          "day_follower",
	attemptVerbWords:          "attempt_verb",
	infinitiveMarkerWords:     "infinitive_marker",
	elisionWords:              "elision",
	addresseeWords:            "addressee_word",
	divisionArticleWords:      "division_article",
	subsetMarkerWords:         "subset_marker",
	amongWords:                "among",
	complementizerWords:       "complementizer",
	partOfThemWords:           "part_of_them",
	allOfThemWords:            "all_of_them",
	deathTollWords:            "death_toll",
	distanceUnitWords:         "distance_unit",
	distanceFromWords:         "distance_from",
	sameWords:                 "same_word",
	partOfWholeWords:          "part_of_whole",
	reviewWords:               "review_word",
	encliticWords:             "enclitic",
	counterWords:              "counter_word",
	speakerNounWords:          "speaker_noun",
	speakerLinkWords:          "speaker_link",
	sourcePrepositionWords:    "source_preposition",
	definiteArticleWords:      "definite_article",
	wholeWords:                "whole_word",
	numberingWords:            "numbering",
	tollPrepositionWords:      "toll_preposition",
	recentWords:               "recent_word",
	longPeriodWords:           "long_period",
	periodPrepositionWords:    "period_preposition",
	cellWords:                 "cell_word",
	orderVerbWords:            "order_verb",
	inflictVerbWords:          "inflict_verb",
	spreadWords:               "spread_word",
	denyWords:                 "deny_verb",
	groupPartitiveWords:       "group_partitive",
	partitiveArticleWords:     "partitive_article",
	groupRelativeWords:        "group_relative",
	bombingWords:              "bombing",
	flightFromWords:           "flight_from",
	onsetNounWords:            "onset_noun",
	capacityWords:             "capacity_word",
	lynchWords:                "lynch_word",
	singularPronounWords:      "singular_pronoun",
	comitativeWords:           "comitative",
	outsideWords:              "outside_word",
	unrealisedWords:           "unrealised",
	codedTallyWords:           "coded_tally",
	lawfulReleaseWords:        "lawful_release",
	courtVerbWords:            "court_verb",
	penaltyNounWords:          "penalty_noun",
	penaltyPlaceWords:         "penalty_place",
	numberSignWords:           "number_sign",
	capacityForWords:          "capacity_for",
	otherWords:                "other_word",
	revisionWords:             "revision",
	governmentNounWords:       "government_noun",
	publishVerbWords:          "publish_verb",
	topicMarkerWords:          "topic_marker",
	additiveWords:             "additive",
	offenceLinkWords:          "offence_link",
	capitalPhraseWords:        "capital_phrase",
	responsibilityVerbWords:   "responsibility_verb",
	pronounNumberWords:        "pronoun_number",
	pronounBeforeWords:        "pronoun_before",
	pronounAfterWords:         "pronoun_after",
	articleNumberWords:        "article_number",
	boundNumberWords:          "bound_number",
	nameNumberWords:           "name_number",
	rateNumberWords:           "rate_number",
	rateWords:                 "rate_word",
	currencyWords:             "currency_word",
	nameParticleWords:         "name_particle",
	kunyaWords:                "kunya_word",
	patronymicWords:           "patronymic",
	ownPossessiveWords:        "own_possessive",
	inflictedOnWords:          "inflicted_on",
	impersonalPronounWords:    "impersonal_pronoun",
	tollNounWords:             "toll_noun",
	riseVerbWords:             "rise_verb",
	respectivelyWords:         "respectively",
	townFacilityWords:         "town_facility",
	townHoldingWords:          "town_holding",
	arabicArticleWords:        "arabic_article",
	vicinityWords:             "vicinity",
	directionLinkWords:        "direction_link",
	reporterLinkWords:         "reporter_link",
	basedWords:                "based_word",
	dualSuffixWords:           "dual_suffix",
	cumulativeWords:           "cumulative_word",
	heldInWords:               "held_in",
	crowdWords:                "crowd",
	possessVerbWords:          "possess_verb",
	populationWords:           "population_phrase",
	allButWords:               "all_but",
	sequenceWords:             "sequence_word",
	blameVerbWords:            "blame_verb",
	hostageWords:              "hostage",
	hostageVerbWords:          "hostage_verb",
	leadVerbWords:             "lead_verb",
	blameWordWords:            "blame_word",
	responsibilityWordWords:   "responsibility_word",
	clauseConjunctionWords:    "clause_conjunction",
	facilityHeadFirstWords:    "facility_head_first",
	facilityModifierWords:     "facility_modifier",
	facilityPluralWords:       "facility_plural",
	deedPluralWords:           "deed_plural",
	otherFateWords:            "other_fate",
	subordinatorWords:         "subordinator",
	outOfWords:                "out_of",
	facilityGenericWords:      "facility_generic",
	pronounSubjectWords:       "pronoun_subject",
	anotherWords:              "another",
	temporalReferenceWords:    "temporal_reference",
	facilityLinkWords:         "facility_link",
	facilityLocativeWords:     "facility_locative",
	facilityNearWords:         "facility_near",
	procliticWords:            "proclitic",
	diseaseCountWords:         "disease_count",
	storyNounWords:            "story_noun",
	mediumNounWords:           "medium_noun",
	aimPrepositionWords:       "aim_preposition",
	caseNounWords:             "case_noun",
	wholeModifierWords:        "whole_modifier",
	placeBeforeWords:          "place_before",
	streetNounWords:           "street_noun",
	originWords:               "origin",
	personalObjectWords:       "personal_object",
	caseEndingWords:           "case_ending",
	adjectiveEndingWords:      "adjective_ending",
	lemmaEndingWords:          "lemma_ending",
	possessiveDeterminerWords: "possessive_determiner",
	afterWordWords:            "after_word",
	beforeWordWords:           "before_word",
	freeingWords:              "freeing",
	blamedAfterWords:          "blamed_after",
	formerWords:               "former",
	placeModifierWords:        "place_modifier",
	institutionNounWords:      "institution_noun",
	comparativeAfterWords:     "comparative_after",
	appealVerbWords:           "appeal_verb",
	apostropheSuffixWords:     "apostrophe_suffix",
	otherTargetWords:          "other_target",
	disasterWords:             "disaster",
	naturalForceWords:         "natural_force",
	inspiredSuffixWords:       "inspired_suffix",
	peopleGroupWords:          "people_group",
	motiveWords:               "motive",
	motiveClauseWords:         "motive_clause",
	abilityVerbWords:          "ability_verb",
	failureVerbWords:          "failure_verb",
	condemnVerbWords:          "condemn_verb",
	thisTownWords:             "this_town",
	forceUnitWords:            "force_unit",
	riotUnitWords:             "riot_unit",
	captureVerbWords:          "capture_verb",
	captiveWords:              "captive",
	letterLabelWords:          "letter_label",
	givenNameWords:            "given_name",
	disguiseWords:             "disguise",
	conditionalWords:          "conditional",
	rightNounWords:            "right_noun",
	negativeConjunctionWords:  "negative_conjunction",
	towardWords:               "toward",
	arrivedFromWords:          "arrived_from",
	dayNameNounWords:          "day_name_noun",
	thereWords:                "there",
	sourceNounWords:           "source_noun",
	outletNounWords:           "outlet_noun",
	releaseDemandWords:        "release_demand",
	roadToWords:               "road_to",
	destinationWords:          "destination",
	escortWords:               "escort",
	verbParticleWords:         "verb_particle",
	inCustodyWords:            "in_custody",
	localityWords:             "locality",
	nicknameWords:             "nickname",
	personNounWords:           "person_noun",
	accidentWords:             "accident",
	whenWords:                 "when",
	comparisonWords:           "comparison",
	legalGroundWords:          "legal_ground",
	groupKindWords:            "group_kind",
	groupKindFirstWords:       "group_kind_first",
	areaNounWords:             "area_noun",
	assailantNounWords:        "assailant_noun",
	occasionWords:             "occasion",
	hearsayNounWords:          "hearsay_noun",
	refutedWords:              "refuted",
	securityGradeWords:        "security_grade",
	releasingAuthorityWords:   "releasing_authority",
	modalWords:                "modal",
	speechNounWords:           "speech_noun",
	otherMatterWords:          "other_matter",
	groupSizeWords:            "group_size",
	consequenceVerbWords:      "consequence_verb",
	onsetVerbWords:            "onset_verb",
	endVerbWords:              "end_verb",
	retrospectiveWords:        "retrospective",
	cleftOpenerWords:          "cleft_opener",
	deniedVerbWords:           "denied_verb",
	operateVerbWords:          "operate_verb",
	fireVerbWords:             "fire_verb",
	deathVerbWords:            "death_verb",
	aircraftNounWords:         "aircraft_noun",
	landVerbWords:             "land_verb",
	leaveVerbWords:            "leave_verb",
	demandWords:               "demand",
	anyWords:                  "any",
	townFacilityLinkWords:     "town_facility_link",
	seeAlsoWords:              "see_also",
	genericAttackWords:        "generic_attack",
}

// wordCategoryNamed returns the word category a file names.
func wordCategoryNamed(name string) (wordCat, bool) {
	for c, n := range wordCatNames {
		if n == name {
			return wordCat(c), true
		}
	}
	return 0, false
}
