package ingest

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// articleLD is what a page's JSON-LD says of its article.
type articleLD struct {
	Headline      string
	DatePublished string
}

// readArticleLD returns the headline and publication date of the first JSON-LD object that has
// them, looking into arrays and @graph lists. go-readability reads JSON-LD too, but only with a
// schema.org @context; pages that leave it out still mean the same.
func readArticleLD(root *html.Node) articleLD {
	var found articleLD
	for n := range root.Descendants() {
		if n.DataAtom != atom.Script || !strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") || n.FirstChild == nil {
			continue
		}
		var v any
		if json.Unmarshal([]byte(n.FirstChild.Data), &v) != nil {
			continue
		}
		walkLD(v, &found)
		if found.Headline != "" && found.DatePublished != "" {
			break
		}
	}
	return found
}

// walkLD fills what is still missing in found from v and the objects inside it.
func walkLD(v any, found *articleLD) {
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			walkLD(e, found)
		}
	case map[string]any:
		if s, ok := t["headline"].(string); ok && found.Headline == "" {
			found.Headline = strings.Join(strings.Fields(html.UnescapeString(s)), " ")
		}
		if s, ok := t["datePublished"].(string); ok && found.DatePublished == "" {
			found.DatePublished = s
		}
		walkLD(t["@graph"], found)
	}
}
