package web

import (
	"fmt"
	"html/template"
	"sort"
	"strings"

	"github.com/wallwatch/wallwatch/internal/api"
)

// spanKinds are the evidence kinds with their own highlight colour; others share one.
var spanKinds = map[string]bool{"date": true, "place": true, "facility": true, "actor": true, "figure": true,
	"method": true, "campaign": true, "claimant": true}

// spanClass is a span's CSS class, from a fixed set whatever the data says.
func spanClass(kind string) string {
	switch {
	case kind == "claim":
		return "quote"
	case spanKinds[kind]:
		return "hl hl-" + kind
	}
	return "hl hl-other"
}

// highlight renders a document's text with its spans marked up: claim quotes as
// <span class="quote">, evidence as <mark class="hl hl-KIND">, each with the anchor id
// span-START-END so that /documents/ID#span-START-END scrolls to it and CSS :target shows it.
// Spans nest; where one crosses the end of another it is closed and reopened (the later piece
// gets no id). Every piece of text and every attribute value is HTML-escaped.
func highlight(text string, spans []api.Span) template.HTML {
	runes := []rune(text)
	type open struct {
		span  api.Span
		first bool // the first piece carries the id
	}
	var b strings.Builder
	var stack []open
	ids := map[string]bool{}
	openTag := func(o *open) {
		id := fmt.Sprintf("span-%d-%d", o.span.Start, o.span.End)
		tag, class := "mark", spanClass(o.span.Kind)
		if o.span.Kind == "claim" {
			tag = "span"
		}
		b.WriteString("<" + tag + ` class="` + class + `"`)
		if o.first && !ids[id] {
			ids[id] = true
			b.WriteString(` id="` + id + `"`)
		}
		if t := spanTitle(o.span); t != "" {
			b.WriteString(` title="` + template.HTMLEscapeString(t) + `"`)
		}
		b.WriteString(">")
		o.first = false
	}
	closeTag := func(o open) {
		if o.span.Kind == "claim" {
			b.WriteString("</span>")
		} else {
			b.WriteString("</mark>")
		}
	}
	bounds := spanBoundaries(spans, len(runes))
	next := 0 // index into spans of the next to open
	for i, pos := range bounds {
		// Close every span ending here, reopening those above it that go on.
		for j := len(stack) - 1; j >= 0; j-- {
			if stack[j].span.End > pos {
				continue
			}
			above := stack[j+1:]
			for k := len(stack) - 1; k >= j; k-- {
				closeTag(stack[k])
			}
			rest := append([]open(nil), above...)
			stack = stack[:j]
			for k := range rest {
				openTag(&rest[k])
				stack = append(stack, rest[k])
			}
		}
		for next < len(spans) && spans[next].Start <= pos {
			if spans[next].Start == pos && spans[next].End > pos {
				o := open{span: spans[next], first: true}
				openTag(&o)
				stack = append(stack, o)
			}
			next++
		}
		if i+1 < len(bounds) {
			b.WriteString(template.HTMLEscapeString(string(runes[pos:bounds[i+1]])))
		}
	}
	for k := len(stack) - 1; k >= 0; k-- {
		closeTag(stack[k])
	}
	return template.HTML(b.String())
}

// spanBoundaries are the sorted distinct offsets where text or a span starts or ends.
func spanBoundaries(spans []api.Span, n int) []int {
	set := map[int]bool{0: true, n: true}
	for _, s := range spans {
		set[s.Start], set[s.End] = true, true
	}
	out := make([]int, 0, len(set))
	for p := range set {
		if p >= 0 && p <= n {
			out = append(out, p)
		}
	}
	sort.Ints(out)
	return out
}

func spanTitle(s api.Span) string {
	if s.Kind == "claim" {
		return "claim: " + s.Value
	}
	if s.Value != "" && s.Value != s.Text {
		return s.Kind + ": " + s.Value
	}
	return s.Kind
}
