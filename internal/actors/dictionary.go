package actors

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/wallwatch/wallwatch/internal/model"
)

//go:embed data/actors.tsv
var embedded []byte

// embeddedName labels errors in the embedded data.
const embeddedName = "actors.tsv"

// Dictionary is an immutable, loaded actor dictionary. It is safe for concurrent use.
type Dictionary struct {
	entries []Entry
	family  []int            // index of each entry's root organisation
	byName  map[string]int   // canonical name -> entry
	written map[string]int   // canonical name or alias as written -> entry
	folded  map[string][]int // folded name or alias -> entries
	index   aliasIndex
	opens   map[string]*wordAliases // the index split for Find
	scratch sync.Pool               // of *scratch, reused by Find
}

// File is a user's actor file, in the embedded data's format, to merge over it.
type File struct {
	Name   string // labels errors, usually the file's path
	Reader io.Reader
}

// Load returns the dictionary built from the embedded data.
func Load() (*Dictionary, error) { return LoadWith() }

// LoadWith returns the embedded dictionary extended by the user's files, merged in order. A
// row whose name is new adds an actor. A row whose name is already defined extends it: its
// aliases are added, its non-empty parent, relation, country, role and source replace the old
// ones and its kind replaces the old kind. An alias that would name two actors is an error.
func LoadWith(extra ...File) (*Dictionary, error) {
	rows, err := parseRows(embeddedName, bytes.NewReader(embedded))
	if err != nil {
		return nil, err
	}
	for _, f := range extra {
		more, err := parseRows(f.Name, f.Reader)
		if err != nil {
			return nil, err
		}
		rows = merge(rows, more)
	}
	return build(rows)
}

// merge adds the rows of a later file to earlier ones.
func merge(rows, more []row) []row {
	at := make(map[string]int, len(rows))
	for i, r := range rows {
		at[r.Name] = i
	}
	for _, m := range more {
		i, ok := at[m.Name]
		if !ok {
			at[m.Name] = len(rows)
			rows = append(rows, m)
			continue
		}
		rows[i] = extend(rows[i], m)
	}
	return rows
}

// extend overlays a later row on an earlier one of the same name.
func extend(old, m row) row {
	old.Kind = m.Kind
	old.Aliases = append(slices.Clip(old.Aliases), m.Aliases...)
	if m.Parent != "" {
		old.Parent, old.Relation = m.Parent, m.Relation
	}
	if m.Country != "" {
		old.Country = m.Country
	}
	if m.Role != "" {
		old.Role = m.Role
	}
	if m.Source != "" {
		old.Source = m.Source
	}
	old.origin = m.origin
	return old
}

// build checks the merged rows and indexes them.
func build(rows []row) (*Dictionary, error) {
	d := &Dictionary{
		entries: make([]Entry, len(rows)),
		byName:  make(map[string]int, len(rows)),
		written: make(map[string]int),
		folded:  make(map[string][]int),
		index:   make(aliasIndex),
	}
	for i, r := range rows {
		if r.Role == "" {
			r.Role = defaultRoles[r.Kind]
		}
		d.entries[i] = r.Entry
		d.entries[i].Aliases = nil // filled by addNames, without the data's markers
		d.byName[r.Name] = i
	}
	if err := d.linkFamilies(rows); err != nil {
		return nil, err
	}
	for _, namesakes := range []bool{false, true} { // another country's actor takes a shared name after its own actor has it
		for i, r := range rows {
			if err := d.addNames(i, r, namesakes); err != nil {
				return nil, err
			}
		}
	}
	d.index.sort()
	d.opens = d.index.byWord()
	return d, nil
}

// linkFamilies checks that every parent exists and that parents form no cycle, then records
// each entry's root.
func (d *Dictionary) linkFamilies(rows []row) error {
	d.family = make([]int, len(d.entries))
	for i, e := range d.entries {
		if _, ok := d.byName[e.Parent]; e.Parent != "" && !ok {
			return fmt.Errorf("%s: unknown parent %q of %q", rows[i].origin, e.Parent, e.Name)
		}
		root := i
		for steps := 0; d.entries[root].Parent != ""; steps++ {
			if steps == len(d.entries) {
				return fmt.Errorf("%s: %q is its own ancestor", rows[i].origin, e.Name)
			}
			root = d.byName[d.entries[root].Parent]
		}
		d.family[i] = root
	}
	return nil
}

// addNames indexes the canonical name and the aliases of entry i and adds them to its public
// alias list: as written, without '=' and '~' markers, duplicates or the canonical name. It reads
// either the aliases marked '~' (namesakes) or the others.
func (d *Dictionary) addNames(i int, r row, namesakes bool) error {
	for _, name := range append([]string{r.Name}, r.Aliases...) {
		if strings.HasPrefix(name, "~") != namesakes {
			continue
		}
		a, err := compileAlias(strings.TrimPrefix(name, "~"))
		if err != nil {
			return fmt.Errorf("%s: %w", r.origin, err)
		}
		a.entry = i
		if namesakes {
			if err := d.addNamesake(a, r); err != nil {
				return err
			}
		} else if other, err := d.index.add(&a); err != nil {
			return fmt.Errorf("%s: alias %q of %q already names %q: %w",
				r.origin, name, r.Name, d.entries[other.entry].Name, err)
		}
		if _, ok := d.written[a.text]; !ok {
			d.written[a.text] = i
		}
		key := strings.Join(a.keys, " ")
		if !slices.Contains(d.folded[key], i) {
			d.folded[key] = append(d.folded[key], i)
		}
		if a.text != r.Name && !slices.Contains(d.entries[i].Aliases, a.text) {
			d.entries[i].Aliases = append(d.entries[i].Aliases, a.text)
		}
	}
	return nil
}

// addNamesake files an alias marked '~': a name another country's actor has too ("~Maoist
// rebels" of Nepal's Maoists, whom India's are better known by). It names that other actor
// first, and this one where a text's countries choose it (Match.Namesakes).
func (d *Dictionary) addNamesake(a alias, r row) error {
	for _, b := range d.index[a.keys[0]] {
		if !b.sameMatch(a) {
			continue
		}
		if other := d.entries[b.entry].Country; other == "" || r.Country == "" || other == r.Country {
			return fmt.Errorf("%s: namesake %q of %q: %q must be an actor of another country", r.origin, a.text, r.Name, d.entries[b.entry].Name)
		}
		if !slices.Contains(b.namesakes, a.entry) {
			b.namesakes = append(b.namesakes, a.entry)
		}
		return nil
	}
	return fmt.Errorf("%s: namesake %q of %q names no other actor", r.origin, a.text, r.Name)
}

// lookup finds an entry by canonical name or alias: as written first, then folded when the
// folded form names a single actor.
func (d *Dictionary) lookup(name string) (int, bool) {
	name = strings.TrimSpace(name)
	if i, ok := d.written[name]; ok {
		return i, true
	}
	if hits := d.folded[foldKey(name)]; len(hits) == 1 {
		return hits[0], true
	}
	return 0, false
}

// Lookup returns everything known about the actor with this canonical name or alias.
func (d *Dictionary) Lookup(name string) (Entry, bool) {
	i, ok := d.lookup(name)
	if !ok {
		return Entry{}, false
	}
	return d.entries[i], true
}

// Get returns the actor with this canonical name or alias. Spelling, case and diacritics may
// differ from the data as long as the folded name points to one actor only.
func (d *Dictionary) Get(name string) (model.Actor, bool) {
	e, ok := d.Lookup(name)
	return e.Actor, ok
}

// All returns every actor, sorted by canonical name. The alias slices are shared: read only.
func (d *Dictionary) All() []model.Actor {
	out := make([]model.Actor, len(d.entries))
	for i, e := range d.entries {
		out[i] = e.Actor
	}
	slices.SortFunc(out, func(a, b model.Actor) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// Family returns the canonical name of the root organisation of the named actor, following
// parents through every relation: ISKP, ISWAP and the Islamic State of Iraq are all of the
// "Islamic State" family, JNIM and al-Shabaab of "al-Qaeda", a prison service of its
// government. Two perpetrator names with the same family do not contradict each other. A name
// the dictionary does not know is its own family and is returned trimmed.
func (d *Dictionary) Family(name string) string {
	i, ok := d.lookup(name)
	if !ok {
		return strings.TrimSpace(name)
	}
	return d.entries[d.family[i]].Name
}

// SameFamily reports whether two actor names belong to one organisation family; unknown names
// only match themselves, up to folding.
func (d *Dictionary) SameFamily(a, b string) bool {
	i, okA := d.lookup(a)
	j, okB := d.lookup(b)
	switch {
	case okA && okB:
		return d.family[i] == d.family[j]
	case okA || okB:
		return false
	}
	return foldKey(a) == foldKey(b)
}

// RoleOf returns the claim role of the named actor, or model.RoleUnknown.
func (d *Dictionary) RoleOf(name string) model.Role {
	i, ok := d.lookup(name)
	if !ok {
		return model.RoleUnknown
	}
	return d.entries[i].Role
}
