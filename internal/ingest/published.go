package ingest

import (
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// publishedDate returns the day a page says it was first published, or nil. It reads markup only:
// the article metadata go-readability found (JSON-LD datePublished, article:published_time,
// Dublin Core), JSON-LD without a @context, then a <time> or <meta> marked as the publication
// date. Dates in the article's sentences are usually the event's date and are never used; a date
// in the URL's path is every format's last resort (finish).
func publishedDate(root *html.Node, metadata *time.Time, ld articleLD) *time.Time {
	if metadata != nil && !metadata.IsZero() {
		return dayOf(*metadata)
	}
	if day := parseMarkupDate(ld.DatePublished); day != nil {
		return day
	}
	return markedDate(root)
}

// markedDate reads <time pubdate datetime=...>, and <time> or <meta> with itemprop=datePublished.
func markedDate(root *html.Node) *time.Time {
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		var value string
		switch {
		case n.DataAtom == atom.Time && (hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished")):
			value = attr(n, "datetime")
		case n.DataAtom == atom.Meta && strings.EqualFold(attr(n, "itemprop"), "datePublished"):
			value = attr(n, "content")
		default:
			continue
		}
		if day := parseMarkupDate(value); day != nil {
			return day
		}
	}
	return nil
}

// markupDateLayouts are the forms machine-readable dates take in markup: ISO 8601 and its prefixes.
var markupDateLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"}

// parseMarkupDate returns the day of an ISO 8601 date or timestamp, as written, or nil.
func parseMarkupDate(s string) *time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range markupDateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return dayOf(t)
		}
	}
	return nil
}

// hasAttr reports whether n carries the attribute at all (pubdate has no value).
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}
