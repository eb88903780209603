package ingest

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NearDuplicateDistance is the largest Hamming distance between two fingerprints that still counts
// as a near-duplicate. Calibrated on the shared corpus (TestNearDuplicateCalibration): copies of
// an article with another headline and byline, or with boilerplate appended, are 0-10 bits away
// (dropping a closing paragraph too: up to 12), while distinct articles, even two reports of the
// same incident, are 22 or more apart. Unrelated texts differ by 32 +- 4 bits; at 12 a random pair
// collides with probability about 2e-7, so a store of 100,000 documents sees a false match for
// about one new document in fifty: confirm a match (dates, lengths) before merging.
const NearDuplicateDistance = 12

// shingleSize is how many consecutive words make one SimHash feature.
const shingleSize = 3

// Fingerprint returns a 64-bit SimHash of text over overlapping 3-word shingles of case-folded
// words (letters and digits only), so that copies of a story that differ in a headline, a byline
// or some boilerplate get fingerprints a few bits apart. Only prose lines count (see proseLines),
// so a new headline or byline moves even a short story's fingerprint by nothing. Texts of fewer
// than three words use their
// words as one shingle; an empty text has fingerprint 0.
func Fingerprint(text string) uint64 {
	words := wordHashes(proseLines(text))
	if len(words) < shingleSize {
		words = wordHashes(text)
	}
	if len(words) == 0 {
		return 0
	}
	var ones [64]int // per bit, how many shingle hashes have it set
	shingles := 0
	add := func(h uint64) {
		for i := range ones {
			ones[i] += int(h >> i & 1) // branch-free: the bits are random
		}
		shingles++
	}
	if len(words) < shingleSize {
		add(shingleHash(words))
	}
	for i := 0; i+shingleSize <= len(words); i++ {
		add(shingleHash(words[i : i+shingleSize]))
	}
	var fp uint64
	for i, n := range ones {
		if 2*n > shingles {
			fp |= 1 << i
		}
	}
	return fp
}

// NearDuplicate reports whether two fingerprints are within NearDuplicateDistance bits.
func NearDuplicate(a, b uint64) bool {
	return bits.OnesCount64(a^b) <= NearDuplicateDistance
}

// wordHashes splits text into runs of letters and digits, folds their case and hashes each
// (FNV-1a over the folded UTF-8).
func wordHashes(text string) []uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	var hashes []uint64
	h := uint64(offset)
	inWord := false
	var buf [utf8.UTFMax]byte
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			for _, c := range buf[:utf8.EncodeRune(buf[:], unicode.ToLower(r))] {
				h = (h ^ uint64(c)) * prime
			}
			inWord = true
		case r == '\'' || r == '\u2019':
			// apostrophes join: "prison's" and "prison’s" are the same word
		case inWord:
			hashes = append(hashes, h)
			h, inWord = offset, false
		}
	}
	if inWord {
		hashes = append(hashes, h)
	}
	return hashes
}

// shingleHash combines word hashes in order and mixes the result so that every bit is equally
// likely to be set (splitmix64's finaliser).
func shingleHash(words []uint64) uint64 {
	var h uint64
	for i, w := range words {
		h ^= bits.RotateLeft64(w, i*21)
	}
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// proseLines returns text without its short lines that do not end as a sentence does (with a full
// stop, a question or exclamation mark, a closing quote or bracket): headlines, bylines, datelines
// and menus, in which syndicated copies of a story mostly differ. Hard-wrapped prose keeps its
// long lines, and a short line dropped from one copy is dropped from the other too.
func proseLines(text string) string {
	var b strings.Builder
	for line := range strings.Lines(text) {
		trimmed := strings.TrimRightFunc(line, unicode.IsSpace)
		last, _ := utf8.DecodeLastRuneInString(trimmed)
		if len(strings.Fields(trimmed)) >= minProseLineWords || strings.ContainsRune(".!?…\"”»'’)]؟。", last) {
			b.WriteString(trimmed)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// minProseLineWords is the length from which a line without closing punctuation still counts as
// prose: headlines and bylines are mostly shorter.
const minProseLineWords = 8
