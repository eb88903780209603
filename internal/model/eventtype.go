package model

// EventTypeInfo describes one incident type for every stage that reads types: extraction and
// linking, the API's validation, the pages and the exports. A new incident type is one row of
// EventTypes (and, when reports of it may describe an incident of another type, a row of
// compatibleTypes).
type EventTypeInfo struct {
	Type  EventType
	Label string // for people, in lists and on the map
}

// EventTypes lists every incident type in precedence order: when the reports of one incident
// disagree, the more informative account wins (an assault that freed inmates says more than
// "inmates escaped", which says more than "a riot").
var EventTypes = []EventTypeInfo{
	{FacilityAttack, "Facility attack"},
	{MassEscape, "Mass escape"},
	{ThwartedAttack, "Thwarted attack"},
	{Riot, "Riot"},
	{OtherAttack, "Other attack"},
}

// compatibleTypes are the pairs of different types that reports of one incident may give: an
// assault that freed inmates is told as an escape by some and as a riot by others, shells or a
// bomb that struck a prison as an assault by those who tell only "the attack", and an assault
// repelled or violence inside as an attack on the place by those who tell neither its failure
// nor who fought. Any other pair of different types tells two incidents.
var compatibleTypes = [][2]EventType{
	{FacilityAttack, MassEscape},
	{FacilityAttack, ThwartedAttack},
	{FacilityAttack, Riot},
	{MassEscape, Riot},
	{FacilityAttack, OtherAttack},
	{ThwartedAttack, OtherAttack},
	{Riot, OtherAttack},
}

// AllEventTypes returns every type of EventTypes, in its order.
func AllEventTypes() []EventType {
	out := make([]EventType, len(EventTypes))
	for i, e := range EventTypes {
		out[i] = e.Type
	}
	return out
}

// Info returns the row of t, and false for a type that is not in EventTypes.
func (t EventType) Info() (EventTypeInfo, bool) {
	for _, e := range EventTypes {
		if e.Type == t {
			return e, true
		}
	}
	return EventTypeInfo{}, false
}

// Precedence is t's rank in EventTypes, lower first; an unknown type comes last.
func (t EventType) Precedence() int {
	for i, e := range EventTypes {
		if e.Type == t {
			return i
		}
	}
	return len(EventTypes)
}

// CompatibleWith reports whether reports of types t and u may describe one incident.
func (t EventType) CompatibleWith(u EventType) bool {
	if t == u {
		return true
	}
	for _, p := range compatibleTypes {
		if p == [2]EventType{t, u} || p == [2]EventType{u, t} {
			return true
		}
	}
	return false
}
