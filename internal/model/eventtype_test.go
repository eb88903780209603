package model

import "testing"

func TestEventTypes(t *testing.T) {
	seen := map[EventType]bool{}
	for i, e := range EventTypes {
		if seen[e.Type] || e.Label == "" {
			t.Errorf("row %d (%s): a type appears once, with a label", i, e.Type)
		}
		seen[e.Type] = true
		if got := e.Type.Precedence(); got != i {
			t.Errorf("%s.Precedence() = %d, want %d", e.Type, got, i)
		}
	}
	for _, p := range compatibleTypes {
		if !seen[p[0]] || !seen[p[1]] {
			t.Errorf("compatible pair %v names a type not in EventTypes", p)
		}
	}
	if _, ok := EventType("jailbreak").Info(); ok {
		t.Error(`"jailbreak" is not a type`)
	}
}

func TestCompatibleWith(t *testing.T) {
	tests := []struct {
		a, b EventType
		want bool
	}{
		{Riot, Riot, true},
		{MassEscape, FacilityAttack, true},
		{FacilityAttack, MassEscape, true},
		{OtherAttack, FacilityAttack, true},
		{OtherAttack, MassEscape, false},
		{OtherAttack, Riot, true},
		{ThwartedAttack, OtherAttack, true},
		{MassEscape, OtherAttack, false},
		{ThwartedAttack, MassEscape, false},
	}
	for _, tt := range tests {
		if got := tt.a.CompatibleWith(tt.b); got != tt.want {
			t.Errorf("%s.CompatibleWith(%s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
