package pipeline

import "slices"

// nameScanner finds which of a list of names occur in a text in one pass over its bytes (an
// Aho–Corasick automaton): the citation check looks for every facility name of the record in
// each report it reads once, so that a later run asking about another of those names needs no
// read. Names and texts are compared byte for byte, as strings.Contains compares them.
type nameScanner struct {
	next  [][256]int32 // transitions of each state, failures folded in
	found [][]int32    // indexes of the names ending at each state, through its failures too
}

// newNameScanner builds the scanner of names (lower-cased, none empty); a name's index in
// names is what scan returns for it.
func newNameScanner(names []string) *nameScanner {
	n := &nameScanner{next: make([][256]int32, 1), found: make([][]int32, 1)}
	for i, name := range names {
		n.insert(name, int32(i))
	}
	n.link()
	return n
}

// insert adds the states spelling name, the last of them finding it. Until link, 0 stands for
// no transition (the root is never a transition's target before then).
func (n *nameScanner) insert(name string, index int32) {
	state := int32(0)
	for i := 0; i < len(name); i++ {
		c := name[i]
		if n.next[state][c] == 0 {
			n.next = append(n.next, [256]int32{})
			n.found = append(n.found, nil)
			n.next[state][c] = int32(len(n.next) - 1)
		}
		state = n.next[state][c]
	}
	n.found[state] = append(n.found[state], index)
}

// link computes, breadth first, each state's failure (the longest proper suffix of its spelling
// that is a state) and folds it in: a missing transition takes the failure's, and a state finds
// what its failure finds.
func (n *nameScanner) link() {
	fail := make([]int32, len(n.next))
	var queue []int32
	for c := range 256 {
		if s := n.next[0][c]; s != 0 {
			queue = append(queue, s)
		}
	}
	for len(queue) > 0 {
		state := queue[0]
		queue = queue[1:]
		n.found[state] = append(n.found[state], n.found[fail[state]]...)
		for c := range 256 {
			s := n.next[state][c]
			if s == 0 {
				n.next[state][c] = n.next[fail[state]][c]
				continue
			}
			fail[s] = n.next[fail[state]][c]
			queue = append(queue, s)
		}
	}
}

// scan returns the indexes of the names that occur in text, ascending, each once.
func (n *nameScanner) scan(text string) []int32 {
	seen := map[int32]bool{}
	state := int32(0)
	for i := 0; i < len(text); i++ {
		state = n.next[state][text[i]]
		for _, f := range n.found[state] {
			seen[f] = true
		}
	}
	out := make([]int32, 0, len(seen))
	for f := range seen {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}
