package pipeline

import (
	"cmp"
	"context"
	"math/bits"
	"slices"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// knownFingerprints keeps the fingerprint of every stored document in memory, in the order
// near-duplicate checks compare them (ingest time as stored, then id), so that a batch reads only
// the documents stored since the previous one (by this process or another) instead of every
// fingerprint and text length again: that full read cost about 2 ms per document at 100,000.
// SimHash matches within a dozen bits cannot be found by exact band lookups that narrow the
// search, so candidates come from a scan of a plain []uint64, which is what a CPU does fastest.
type knownFingerprints struct {
	mu      sync.Mutex          // held for a whole batch: the store has one writer anyway
	fps     []uint64            // scanned for candidates
	docs    []store.Fingerprint // the rest of what a check needs, at the same index
	lastRow int64               // the highest rowid read so far
}

// refresh reads the documents stored since the last refresh. They nearly always come after the
// known ones in the order; when some do not (a clock set back, ingest times given by the caller),
// the whole list is sorted again.
func (k *knownFingerprints) refresh(ctx context.Context, tx *store.Tx) error {
	fresh, err := k.read(ctx, tx)
	if err != nil {
		return err
	}
	inOrder := true
	for _, f := range fresh {
		if n := len(k.docs); n > 0 && compareOrder(k.docs[n-1], f) > 0 {
			inOrder = false
		}
		k.docs = append(k.docs, f)
		k.fps = append(k.fps, f.Fingerprint)
		k.lastRow = max(k.lastRow, f.RowID)
	}
	if !inOrder {
		slices.SortFunc(k.docs, compareOrder)
		for i, f := range k.docs {
			k.fps[i] = f.Fingerprint
		}
	}
	return nil
}

// read returns the documents stored since the last refresh: at the first, every document, in
// the order of the checks and from an index that spares reading their texts (Tx.Fingerprints);
// then those after the highest rowid read, few and recently written.
func (k *knownFingerprints) read(ctx context.Context, tx *store.Tx) ([]store.Fingerprint, error) {
	if k.lastRow == 0 {
		return tx.Fingerprints(ctx)
	}
	return tx.FingerprintsAfter(ctx, k.lastRow)
}

func compareOrder(a, b store.Fingerprint) int {
	return cmp.Or(cmp.Compare(a.IngestedAt, b.IngestedAt), cmp.Compare(a.ID, b.ID))
}

// nearDuplicateOf returns the original of the earliest stored near-duplicate of d, then of the
// earliest among the batch's documents stored before it, or "". A fingerprint match is confirmed
// by length (a copy keeps most of the text) and, when both are known, publication dates within a
// week: chance matches between unrelated texts fall away. Fingerprints match within maxBits.
func (k *knownFingerprints) nearDuplicateOf(d model.Document, batch []store.Fingerprint, maxBits int) string {
	n := utf8.RuneCountInString(d.Text)
	confirmed := func(c store.Fingerprint) bool {
		return similarLength(n, c.Length) && closeDates(d.Published, c.Published)
	}
	for i := within(k.fps, 0, d.Fingerprint, maxBits); i < len(k.fps); i = within(k.fps, i+1, d.Fingerprint, maxBits) {
		if confirmed(k.docs[i]) {
			return originalOf(k.docs[i])
		}
	}
	for _, c := range batch {
		if bits.OnesCount64(d.Fingerprint^c.Fingerprint) <= maxBits && confirmed(c) {
			return originalOf(c)
		}
	}
	return ""
}

// within returns the index of the first fingerprint of fps from index from on that lies within
// maxBits of fp, or len(fps). It compares four at a time and looks at each of the four only when
// one of them is near: every stored fingerprint is compared for every new document, and testing
// the four with one branch halves the time of that scan.
func within(fps []uint64, from int, fp uint64, maxBits int) int {
	i := from
	for ; i+4 <= len(fps); i += 4 {
		f := fps[i : i+4 : i+4]
		if min(bits.OnesCount64(fp^f[0]), bits.OnesCount64(fp^f[1]), bits.OnesCount64(fp^f[2]), bits.OnesCount64(fp^f[3])) <= maxBits {
			break
		}
	}
	for ; i < len(fps); i++ {
		if bits.OnesCount64(fp^fps[i]) <= maxBits {
			return i
		}
	}
	return len(fps)
}

// originalOf is the first copy of c's text: c itself unless c is a near-duplicate.
func originalOf(c store.Fingerprint) string {
	if c.DuplicateOf != "" {
		return c.DuplicateOf
	}
	return c.ID
}

func similarLength(a, b int) bool { return 2*min(a, b) >= max(a, b) }

func closeDates(a, b *time.Time) bool {
	if a == nil || b == nil {
		return true
	}
	d := a.Sub(*b)
	return d <= 7*24*time.Hour && d >= -7*24*time.Hour
}
