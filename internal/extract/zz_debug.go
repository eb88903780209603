package extract

import (
	"fmt"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
)

// ZZDebugFrames is a throwaway debugging aid.
func (x *Extractor) ZZDebugFrames(doc model.Document) string {
	var b strings.Builder
	a := x.analyse(doc)
	for i, f := range a.frames() {
		fmt.Fprintf(&b, "frame %d first=%d keys=%v towns=%v date=%v:\n", i, f.first, f.keys, f.towns, f.date)
		for _, si := range f.sentences {
			fmt.Fprintf(&b, "  event=%v %q\n", isEvent(si), a.text[si.start:min(si.end, si.start+120)])
			for _, h := range si.facilities {
				fmt.Fprintf(&b, "     fac %q key=%q town=%q\n", h.name, h.key, h.town)
			}
		}
	}
	return b.String()
}
