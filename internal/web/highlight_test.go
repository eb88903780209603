package web

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// spansOf builds spans the way the document page does: through the mentions of a document.
func spansOf(text string, claims [][2]int, evidence ...model.Span) []api.Span {
	m := store.StoredMention{Mention: model.Mention{Evidence: evidence}}
	for _, c := range claims {
		m.Claims = append(m.Claims, model.Claim{Metric: model.Escaped, Start: c[0], End: c[1]})
	}
	return api.Spans([]store.StoredMention{m}, utf8.RuneCountInString(text))
}

func TestHighlight(t *testing.T) {
	for _, tc := range []struct {
		name     string
		text     string
		claims   [][2]int
		evidence []model.Span
		want     string
	}{
		{"plain", "No spans <here>.", nil, nil, "No spans &lt;here&gt;."},
		{"nested", "Police said 52 fled.", [][2]int{{0, 20}}, []model.Span{{Kind: "figure", Start: 12, End: 14, Value: "52", Text: "52"}},
			`<span class="quote" id="span-0-20" title="claim: escaped">Police said <mark class="hl hl-figure" id="span-12-14" title="figure">52</mark> fled.</span>`},
		{"crossing", "abcdef", [][2]int{{0, 4}}, []model.Span{{Kind: "place", Start: 2, End: 6}},
			`<span class="quote" id="span-0-4" title="claim: escaped">ab<mark class="hl hl-place" id="span-2-6" title="place">cd</mark></span><mark class="hl hl-place" title="place">ef</mark>`},
		{"runes", "Cap-Haïtien 400", nil, []model.Span{{Kind: "place", Start: 0, End: 11}, {Kind: "figure", Start: 12, End: 15}},
			`<mark class="hl hl-place" id="span-0-11" title="place">Cap-Haïtien</mark> <mark class="hl hl-figure" id="span-12-15" title="figure">400</mark>`},
		{"unknown kind and hostile value", "x<y", nil, []model.Span{{Kind: `"><script>`, Start: 0, End: 3, Value: `"onmouseover="a()`}},
			`<mark class="hl hl-other" id="span-0-3" title="&#34;&gt;&lt;script&gt;: &#34;onmouseover=&#34;a()">x&lt;y</mark>`},
		{"out of range dropped", "short", nil, []model.Span{{Kind: "date", Start: 3, End: 99}, {Kind: "date", Start: 4, End: 4}}, "short"},
	} {
		got := string(highlight(tc.text, spansOf(tc.text, tc.claims, tc.evidence...)))
		if got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

var tagPattern = regexp.MustCompile(`<(/?)(mark|span)[^>]*>`)

// checkMarkup verifies that out is text with balanced mark/span tags whose text, unescaped, is text.
func checkMarkup(out, text string) error {
	depth := 0
	for _, m := range tagPattern.FindAllStringSubmatch(out, -1) {
		if m[1] == "/" {
			depth--
		} else {
			depth++
		}
		if depth < 0 {
			return fmt.Errorf("closing tag without opening: %s", out)
		}
	}
	if depth != 0 {
		return fmt.Errorf("%d unclosed tags: %s", depth, out)
	}
	plain := tagPattern.ReplaceAllString(out, "")
	if strings.ContainsAny(plain, "<>") {
		return fmt.Errorf("raw markup in text: %s", plain)
	}
	// html/template's escaper replaces NUL, which stored text never has, with U+FFFD.
	if got, want := html.UnescapeString(plain), strings.ReplaceAll(text, "\x00", "\uFFFD"); got != want {
		return fmt.Errorf("text changed: %q, want %q", got, want)
	}
	return nil
}

func FuzzHighlight(f *testing.F) {
	f.Add("Police said 52 inmates fled.", []byte{0, 0, 27, 1, 12, 14, 2, 5, 20})
	f.Add("<script>alert(1)</script>", []byte{1, 0, 8, 3, 4, 30})
	f.Add("Cap-Haïtien à 400", []byte{0, 2, 9, 2, 0, 17, 4, 9, 12})
	f.Fuzz(func(t *testing.T, text string, raw []byte) {
		if !utf8.ValidString(text) {
			return
		}
		n := utf8.RuneCountInString(text)
		kinds := []string{"claim", "figure", "place", "date", "odd kind"}
		var claims [][2]int
		var evidence []model.Span
		for i := 0; i+2 < len(raw) && i < 60; i += 3 {
			kind := kinds[int(raw[i])%len(kinds)]
			start, end := int(raw[i+1])%(n+1), int(raw[i+2])%(n+2)
			if kind == "claim" {
				claims = append(claims, [2]int{start, end})
			} else {
				evidence = append(evidence, model.Span{Kind: kind, Start: start, End: end})
			}
		}
		out := string(highlight(text, spansOf(text, claims, evidence...)))
		if err := checkMarkup(out, text); err != nil {
			t.Fatal(err)
		}
	})
}
