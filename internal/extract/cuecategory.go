package extract

import (
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
)

// cueCat is a category of the cue phrases found in running text: what a rule asks of a run of
// tokens ("attack", "side:security"). Rules name a category by its constant, so that a misspelt
// one does not compile and a comparison is of two bytes, not two strings; the lexicon files name
// it as cueCats spells it, a family's member as "family:value". data/README.md says what reads
// each.
type cueCat uint8

const (
	noCue cueCat = iota // no category: the aliases of known facilities, found by their index
	facilityCue
	holdingCue
	inmateCue
	attackCue
	escapeCue
	releaseCue
	riotCue
	thwartedCue
	resistedCue
	escapedCue
	recapturedCue
	arrestedCue
	killedCue
	woundedCue
	heldCue
	attackersCue
	stayedCue
	claimCue
	genericCue
	aggregateCue
	fictionCue
	stagedCue
	exchangeCue
	peacefulCue
	legalCue
	illnessCue
	sidePrisonersCue // the side family: whose dead or wounded a figure counts
	sideSecurityCue
	sidePerpetratorsCue
	sideCiviliansCue
	claimantDefenderCue // the claimant family: the role of a generic source
	claimantGovernmentCue
	claimantIndependentCue
	claimantMediaCue
	claimantUnknownCue
	methodVBIEDCue // the method family: how an attack was carried out
	methodSuicideAttackCue
	methodMortarCue
	methodRPGCue
	methodSmallArmsCue
	methodExplosivesCue
	methodPrisonerRiotCue
	methodInsiderHelpCue
	methodTunnelCue
	methodArsonCue
	cueCatCount
)

// cueCats are the categories' names in the lexicon files and, for a cue that says what a figure
// counts, its metric.
var cueCats = [cueCatCount]struct {
	name   string
	metric model.Metric
}{
	facilityCue:            {name: "facility"},
	holdingCue:             {name: "holding"},
	inmateCue:              {name: "inmate"},
	attackCue:              {name: "attack"},
	escapeCue:              {name: "escape"},
	releaseCue:             {name: "release"},
	riotCue:                {name: "riot"},
	thwartedCue:            {name: "thwarted"},
	resistedCue:            {name: "resisted"},
	escapedCue:             {name: "escaped", metric: model.Escaped},
	recapturedCue:          {name: "recaptured", metric: model.Recaptured},
	arrestedCue:            {name: "arrested"},
	killedCue:              {name: "killed", metric: model.Killed},
	woundedCue:             {name: "wounded", metric: model.Wounded},
	heldCue:                {name: "held", metric: model.Held},
	attackersCue:           {name: "attackers", metric: model.Attackers},
	stayedCue:              {name: "stayed"},
	claimCue:               {name: "claim"},
	genericCue:             {name: "generic"},
	aggregateCue:           {name: "aggregate"},
	fictionCue:             {name: "fiction"},
	stagedCue:              {name: "staged"},
	exchangeCue:            {name: "exchange"},
	peacefulCue:            {name: "peaceful"},
	legalCue:               {name: "legal"},
	illnessCue:             {name: "illness"},
	sidePrisonersCue:       {name: "side:prisoners"},
	sideSecurityCue:        {name: "side:security"},
	sidePerpetratorsCue:    {name: "side:perpetrators"},
	sideCiviliansCue:       {name: "side:civilians"},
	claimantDefenderCue:    {name: "claimant:defender"},
	claimantGovernmentCue:  {name: "claimant:government"},
	claimantIndependentCue: {name: "claimant:independent"},
	claimantMediaCue:       {name: "claimant:media"},
	claimantUnknownCue:     {name: "claimant:unknown"},
	methodVBIEDCue:         {name: "method:vbied"},
	methodSuicideAttackCue: {name: "method:suicide_attack"},
	methodMortarCue:        {name: "method:mortar"},
	methodRPGCue:           {name: "method:rpg"},
	methodSmallArmsCue:     {name: "method:small_arms"},
	methodExplosivesCue:    {name: "method:explosives"},
	methodPrisonerRiotCue:  {name: "method:prisoner_riot"},
	methodInsiderHelpCue:   {name: "method:insider_help"},
	methodTunnelCue:        {name: "method:tunnel"},
	methodArsonCue:         {name: "method:arson"},
}

// cueCatNamed returns the category a file names.
func cueCatNamed(name string) (cueCat, bool) {
	for c := noCue + 1; c < cueCatCount; c++ {
		if cueCats[c].name == name {
			return c, true
		}
	}
	return noCue, false
}

func (c cueCat) String() string { return cueCats[c].name }

// metric is the metric of a cue that says what a figure counts, "" for any other.
func (c cueCat) metric() model.Metric { return cueCats[c].metric }

// isSide, isClaimant and isMethod report a member of a family.
func (c cueCat) isSide() bool     { return c >= sidePrisonersCue && c <= sideCiviliansCue }
func (c cueCat) isClaimant() bool { return c >= claimantDefenderCue && c <= claimantUnknownCue }
func (c cueCat) isMethod() bool   { return c >= methodVBIEDCue && c <= methodArsonCue }

// member is the value a family's member names ("security" of side:security), "" for a category
// of no family.
func (c cueCat) member() string {
	if !c.isSide() && !c.isClaimant() && !c.isMethod() {
		return ""
	}
	_, value, _ := strings.Cut(cueCats[c].name, ":")
	return value
}

// isDeed reports the categories that tell what happened at a facility.
func (c cueCat) isDeed() bool {
	return c == attackCue || c == escapeCue || c == riotCue || c == thwartedCue
}
