// Package gazetteer owns wallwatch's knowledge of places: names and alternate names of
// populated places, first- and second-level divisions and countries, the one name-folding
// function (Fold) every lookup in wallwatch goes through, lookup by folded name, and
// disambiguation with country context.
//
// It is pure and offline: the data (GeoNames and Natural Earth derived, plus small hand-made
// files) is embedded, and a user may load a fuller GeoNames extract converted by Import. The
// extraction stage finds candidate names in text and asks Lookup or Resolve about them.
package gazetteer
