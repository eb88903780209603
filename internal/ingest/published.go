package ingest

import (
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// publishedDate returns the day a page says it was first published, or nil. It reads markup only:
// the article metadata go-readability found (JSON-LD datePublished, article:published_time,
// Dublin Core), JSON-LD without a @context, a <time> or <meta> marked as the publication date,
// then a date in the URL's path. Dates in the article's sentences are usually the event's date
// and are never used.
func publishedDate(root *html.Node, metadata *time.Time, ld articleLD, pageURL string) *time.Time {
	if metadata != nil && !metadata.IsZero() {
		return dayOf(*metadata)
	}
	if day := parseMarkupDate(ld.DatePublished); day != nil {
		return day
	}
	if day := markedDate(root); day != nil {
		return day
	}
	return urlDate(pageURL)
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

// urlDatePattern matches a /YYYY/MM/DD/ or /YYYY-MM-DD path segment, as news sites date articles.
var urlDatePattern = regexp.MustCompile(`/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/-]|$)`)

// urlDate returns the day in a page URL's path, or nil.
func urlDate(pageURL string) *time.Time {
	m := urlDatePattern.FindStringSubmatch(pageURL)
	if m == nil {
		return nil
	}
	return parseMarkupDate(m[1] + "-" + m[2] + "-" + m[3])
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
