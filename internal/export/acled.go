package export

import (
	"slices"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
)

// acledEvent is how ACLED would classify an incident: its disorder type, event type and sub-event
// type. The mapping is documented in docs/export-csv.md.
type acledEvent struct{ disorder, event, subEvent string }

func acledEventOf(inc model.Incident) acledEvent {
	switch inc.Type {
	case model.FacilityAttack, model.OtherAttack:
		switch {
		case slices.Contains(inc.Methods, "suicide_attack"):
			return acledEvent{"Political violence", "Explosions/Remote violence", "Suicide bomb"}
		case slices.Contains(inc.Methods, "vbied"), slices.Contains(inc.Methods, "explosives"):
			return acledEvent{"Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED"}
		case slices.Contains(inc.Methods, "mortar"), slices.Contains(inc.Methods, "rpg"):
			return acledEvent{"Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"}
		}
		return acledEvent{"Political violence", "Battles", "Armed clash"}
	case model.ThwartedAttack:
		return acledEvent{"Political violence", "Battles", "Armed clash"}
	case model.Riot:
		return acledEvent{"Demonstrations", "Riots", "Violent demonstration"}
	case model.MassEscape:
		return acledEvent{"Strategic developments", "Strategic developments", "Other"}
	}
	return acledEvent{}
}

// acledActors fills ACLED's actor columns: the first perpetrator is actor1 and the others its
// associates; without a known perpetrator, a riot's or an escape's actor is the prisoners. actor2
// (the guards or security forces) is left empty: reports rarely name the unit.
func acledActors(inc model.Incident, countryName string) (actor1, assoc1, inter1 string) {
	if len(inc.Perpetrators) > 0 {
		return inc.Perpetrators[0], strings.Join(inc.Perpetrators[1:], "; "), "Rebel group"
	}
	switch inc.Type {
	case model.Riot, model.MassEscape:
		name := "Prisoners"
		if countryName != "" {
			name += " (" + countryName + ")"
		}
		if inc.Type == model.Riot {
			return name, "", "Rioters"
		}
		return name, "", "Civilians"
	}
	return "", "", ""
}
