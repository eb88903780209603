package api

import (
	"net/url"
	"strings"
)

// Names resolves what people type in the incident filters to the names the store keeps: a
// country's name to its ISO code ("Nigeria", "DRC" -> NG, CD) and an actor's alias to its
// canonical name ("ISIS", "Daesh" -> Islamic State). The functions come from the reference data;
// a nil one leaves its values as typed, as before the data has loaded.
type Names struct {
	Country func(string) (code string, ok bool)
	Actor   func(string) (canonical string, ok bool)
	// Words rewrites a text query that is a spelling variant of a name the store keeps: an actor
	// alias to its canonical name, a place spelt without its diacritics to the gazetteer's name.
	Words func(string) string
}

// Resolve returns v with its country and actor resolved. A country that is neither a known code
// nor a known name is an error; an actor the dictionary does not know is kept as typed.
func (n Names) Resolve(v url.Values) (url.Values, error) {
	out := url.Values{}
	for k, vals := range v {
		out[k] = vals
	}
	if c := strings.TrimSpace(v.Get("country")); c != "" && n.Country != nil {
		code, ok := n.Country(c)
		if !ok {
			return v, badParam("country", "%q: no country by that ISO code or name (try NG or Nigeria)", c)
		}
		out.Set("country", code)
	}
	if a := strings.TrimSpace(v.Get("actor")); a != "" && n.Actor != nil {
		if canonical, ok := n.Actor(a); ok {
			out.Set("actor", canonical)
		}
	}
	if q := strings.TrimSpace(v.Get("q")); q != "" && n.Words != nil {
		out.Set("q", n.Words(q))
	}
	return out, nil
}
