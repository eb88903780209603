package extract

// namedGroups finds armed groups the actor dictionary does not know, by the noun that says what
// they are: a name in capitals before a group noun ("the Hollow Creek gang", "Red Hand militiamen") or,
// in languages that put the noun first, after it ("la pandilla Los Ñetas"). The name is kept as
// written, noun included: a reader knows the group by it. A country or its people ("Haitian
// gangs"), a title or a word that only starts a sentence names no group, nor does a run the
// dictionary already read.
func (a *analysis) namedGroups(si *sentenceInfo) []ActorMatch {
	var out []ActorMatch
	for i := range si.toks {
		first, last := -1, -1
		switch {
		case si.toks[i].is(groupKindWords):
			first = i
			for first > 0 && i-first < maxGroupNameWords && a.groupNameWord(si, first-1) {
				first--
			}
			if first == i {
				continue
			}
			last = i
		case si.toks[i].is(groupKindFirstWords):
			start := i + 1
			if start < len(si.toks) && si.toks[start].is(nameParticleWords) {
				start++ // "el Cártel de Tarvo"
			}
			last = start - 1
			for last+1 < len(si.toks) && last+1-start < maxGroupNameWords && a.groupNameWord(si, last+1) {
				last++
			}
			if last < start {
				continue
			}
			first = i
		default:
			continue
		}
		m := ActorMatch{Start: si.toks[first].start, End: si.toks[last].end, Kind: "armed_group"}
		if knownActorIn(si, m.Start, m.End) {
			continue
		}
		m.Name = a.text[m.Start:m.End]
		out = append(out, m)
	}
	return out
}

// maxGroupNameWords is how many words in capitals a group's name may have beside its noun.
const maxGroupNameWords = 3

// groupNameWord reports a token that may be a word of a group's name: written in capitals, not
// the first word of the sentence, and neither a title, a function word, a month or a country.
func (a *analysis) groupNameWord(si *sentenceInfo, k int) bool {
	t := &si.toks[k]
	if !t.upper || k == 0 || t.is(stopNameWords) || t.is(titleWords) || t.is(sentenceStarterWords) {
		return false
	}
	if _, month := a.lex.months[t.fold]; month {
		return false
	}
	_, isCountry := a.country(a.text[t.start:t.end])
	return !isCountry
}

// knownActorIn reports a dictionary actor overlapping bytes [start, end).
func knownActorIn(si *sentenceInfo, start, end int) bool {
	for _, m := range si.actors {
		if m.Start < end && m.End > start {
			return true
		}
	}
	return false
}
