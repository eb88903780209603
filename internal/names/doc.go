// Package names holds the one folding of names that every wallwatch comparison uses: places and
// countries in the gazetteer, actors' aliases, facility keys in extraction and linking. Spellings
// of one name fold to one key ("Hasaka", "Al-Hasakah", "Hassakeh"), so that a report's spelling
// never splits an incident; Skeleton reduces a folded name to its consonants, so that spellings
// and scripts Fold keeps apart ("Tammeh", "الطمة") can be compared where places already agree.
// It imports nothing of wallwatch's.
package names
