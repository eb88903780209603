package gazetteer

// span is a string of the Gazetteer's arena: its offset and length.
type span struct{ off, n uint32 }

// record is an Entry without pointers. Division names are not copied: admin1 and admin2 are
// the entries of the entry's divisions, -1 when unknown.
type record struct {
	geonameID  int64
	lat, lon   float64
	population int64
	name       span
	ascii      span
	country    span
	feature    span
	admin1Code span
	admin2Code span
	admin1     int32
	admin2     int32
	class      int8 // importance, cached for ranking
}

// str returns a string of the arena.
func (g *Gazetteer) str(s span) string { return g.arena[s.off : s.off+s.n] }

// entry builds entry i.
func (g *Gazetteer) entry(i int32) Entry {
	r := &g.records[i]
	return Entry{GeonameID: r.geonameID, Name: g.str(r.name), ASCIIName: g.str(r.ascii),
		Country: g.str(r.country), Admin1Code: g.str(r.admin1Code), Admin1: g.divisionName(r.admin1),
		Admin2Code: g.str(r.admin2Code), Admin2: g.divisionName(r.admin2), Lat: r.lat, Lon: r.lon,
		Population: int(r.population), Feature: g.str(r.feature)}
}

// divisionName is the name of entry i, "" for -1.
func (g *Gazetteer) divisionName(i int32) string {
	if i < 0 {
		return ""
	}
	return g.str(g.records[i].name)
}

// namedEntries returns the entry indexes under a folded name, best ranked first.
func (g *Gazetteer) namedEntries(key string) []int32 {
	k, ok := g.index.find(key)
	if !ok {
		return nil
	}
	return g.postings[g.postStart[k]:g.postStart[k+1]]
}

// admin returns the entry of a division code ("CC.A1" or "CC.A1.A2").
func (g *Gazetteer) admin(code string) (int32, bool) {
	k, ok := g.admins.find(code)
	if !ok {
		return 0, false
	}
	return g.adminOf[k], true
}
