package pipeline

import "slices"

// nameScanner finds which of a list of names occur in a text in one pass over its bytes (an
// Aho–Corasick automaton): the citation check looks for every facility name of the record in
// each report it reads once, so that a later run asking about another of those names needs no
// read. Names and texts are compared byte for byte, as strings.Contains compares them.
type nameScanner struct {
	class   [256]int32 // each byte's column in next: 0 for bytes no name holds
	classes int32      // columns per state
	next    []int32    // next[state*classes+column]: transitions, failures folded in
	found   [][]int32  // indexes of the names ending at each state, through its failures too
}

// newNameScanner builds the scanner of names (lower-cased, none empty); a name's index in
// names is what scan returns for it. Bytes share a column unless some name holds them, which
// keeps the table small enough to stay in the processor's caches (a column for each of 256
// bytes made it 15 MB for 800 names).
func newNameScanner(names []string) *nameScanner {
	n := &nameScanner{classes: 1}
	for _, name := range names {
		for i := 0; i < len(name); i++ {
			if n.class[name[i]] == 0 {
				n.class[name[i]] = n.classes
				n.classes++
			}
		}
	}
	n.addState()
	for i, name := range names {
		n.insert(name, int32(i))
	}
	n.link()
	return n
}

// addState appends a state without transitions and returns it.
func (n *nameScanner) addState() int32 {
	n.next = append(n.next, make([]int32, n.classes)...)
	n.found = append(n.found, nil)
	return int32(len(n.found) - 1)
}

// insert adds the states spelling name, the last of them finding it. Until link, 0 stands for
// no transition (the root is never a transition's target before then).
func (n *nameScanner) insert(name string, index int32) {
	state := int32(0)
	for i := 0; i < len(name); i++ {
		at := state*n.classes + n.class[name[i]]
		if n.next[at] == 0 {
			s := n.addState()
			n.next[at] = s
		}
		state = n.next[at]
	}
	n.found[state] = append(n.found[state], index)
}

// link computes, breadth first, each state's failure (the longest proper suffix of its spelling
// that is a state) and folds it in: a missing transition takes the failure's, and a state finds
// what its failure finds. Column 0 (bytes of no name) always leads back to the root.
func (n *nameScanner) link() {
	fail := make([]int32, len(n.found))
	var queue []int32
	for c := int32(1); c < n.classes; c++ {
		if s := n.next[c]; s != 0 {
			queue = append(queue, s)
		}
	}
	for len(queue) > 0 {
		state := queue[0]
		queue = queue[1:]
		n.found[state] = append(n.found[state], n.found[fail[state]]...)
		for c := int32(1); c < n.classes; c++ {
			at := state*n.classes + c
			s := n.next[at]
			if s == 0 {
				n.next[at] = n.next[fail[state]*n.classes+c]
				continue
			}
			fail[s] = n.next[fail[state]*n.classes+c]
			queue = append(queue, s)
		}
	}
}

// scan returns the indexes of the names that occur in text, ascending, each once.
func (n *nameScanner) scan(text string) []int32 {
	var out []int32
	state := int32(0)
	for i := 0; i < len(text); i++ {
		state = n.next[state*n.classes+n.class[text[i]]]
		out = append(out, n.found[state]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
