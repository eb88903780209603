package gazetteer

import "github.com/wallwatch/wallwatch/internal/names"

// Fold reduces a place or country name to the key every lookup compares: names.Fold, the one
// folding wallwatch compares names by.
func Fold(name string) string { return names.Fold(name) }
