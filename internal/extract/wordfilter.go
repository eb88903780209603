package extract

import "math/bits"

// wordFilter is a Bloom filter over a lexicon's word sets: the words of each word category and
// the first words of its phrases. The rules ask of most tokens whether they are of one category
// or another, a few dozen times each, and nearly always they are not: a cheap hash and two bit
// tests answer most of those questions, and only a word that may be in a set costs a map
// lookup. It is built once with the lexicon and only read after, so concurrent extractions
// share it.
type wordFilter struct {
	bits  []uint64 // nil (a lexicon built without a filter): every word may be in every set
	shift uint     // 64 - log2 of the number of bits: a hash's top bits index them
}

// wordFilterBits is how many filter bits each word takes, at least: with two bits set per word,
// about one in seventy words of no set passes.
const wordFilterBits = 16

// wordSetID and phraseStartSetID number the filter's sets: a word category is its own set, the
// first words of its phrases come after all categories.
func wordSetID(c wordCat) uint64        { return uint64(c) }
func phraseStartSetID(c wordCat) uint64 { return uint64(wordCatCount) + uint64(c) }

func newWordFilter(words, phraseStarts *[wordCatCount]map[string]bool) wordFilter {
	n := 0
	for c := range wordCatCount {
		n += len(words[c]) + len(phraseStarts[c])
	}
	size := 64
	for size < n*wordFilterBits {
		size *= 2
	}
	f := wordFilter{bits: make([]uint64, size/64), shift: uint(64 - bits.TrailingZeros(uint(size)))}
	for c := range wordCatCount {
		for w := range words[c] {
			f.add(wordSetID(c), w)
		}
		for w := range phraseStarts[c] {
			f.add(phraseStartSetID(c), w)
		}
	}
	return f
}

func (f *wordFilter) add(set uint64, w string) {
	a, b := f.positions(setHash(set, w))
	f.bits[a/64] |= 1 << (a % 64)
	f.bits[b/64] |= 1 << (b % 64)
}

// mayHave reports whether w may be in the set: false means it is not.
func (f *wordFilter) mayHave(set uint64, w string) bool {
	a, b := f.positions(setHash(set, w))
	return f.bits == nil || f.bits[a/64]&(1<<(a%64)) != 0 && f.bits[b/64]&(1<<(b%64)) != 0
}

// setHash is the hash of w in the set.
func setHash(set uint64, w string) uint64 { return wordHash(w) + set*0x632be59bd9b4e019 }

// positions are the two bits that stand for a hash: the top bits of two products of it.
func (f *wordFilter) positions(h uint64) (uint64, uint64) {
	return (h * 0x9e3779b97f4a7c15) >> f.shift, (h * 0xbf58476d1ce4e5b9) >> f.shift
}

// wordHash packs a word's length and its first and last four bytes (or all its bytes): words
// differ there, and reading them costs two loads where hashing every byte costs a loop.
func wordHash(w string) uint64 {
	if n := len(w); n >= 4 {
		return load32(w) | load32(w[n-4:])<<32 ^ uint64(n)<<58
	}
	return shortWordHash(w)
}

// shortWordHash packs a word of fewer than four bytes and its length.
func shortWordHash(w string) uint64 {
	h := uint64(len(w)) << 58
	for i := 0; i < len(w); i++ {
		h |= uint64(w[i]) << (8 * i)
	}
	return h
}

func load32(s string) uint64 {
	_ = s[3]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}
