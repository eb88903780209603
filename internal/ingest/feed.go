package ingest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/wallwatch/wallwatch/internal/model"
)

// readFeed reads an RSS or Atom feed: one document per item, with the item's title, link,
// publication (or else update) date and its content (or else description) as text. A feed with
// no items gives no documents and no error; an item with neither title nor text is an error
// naming it, and the other items still come.
func readFeed(data []byte) ([]model.Document, []error) {
	feed, err := parseFeed(data)
	if err != nil {
		return nil, []error{fmt.Errorf("parse feed: %w", err)}
	}
	format, contentType := FormatRSS, "application/rss+xml"
	if feed.FeedType == "atom" {
		format, contentType = FormatAtom, "application/atom+xml"
	}
	raws := itemBytes(data)
	if len(raws) != len(feed.Items) {
		raws = nil // cannot pair them: every item keeps the whole feed as its raw bytes
	}
	var docs []model.Document
	var errs []error
	for i, item := range feed.Items {
		doc := feedItem(item)
		doc.Format, doc.ContentType, doc.Raw = format, contentType, data
		if raws != nil {
			doc.Raw = raws[i]
		}
		if doc.Language == "" {
			doc.Language = shortLanguage(feed.Language)
		}
		if doc.Text == "" {
			errs = append(errs, fmt.Errorf("item %d%s: no title or text", i+1, linkSuffix(doc.URL)))
			continue
		}
		docs = append(docs, doc)
	}
	return docs, errs
}

// parseFeed runs gofeed, turning a panic on hostile input into an error.
func parseFeed(data []byte) (feed *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			feed, err = nil, fmt.Errorf("panic: %v", r)
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(data))
}

// feedItem turns one item into a document (Text already carries the title).
func feedItem(item *gofeed.Item) model.Document {
	doc := model.Document{
		Title: Normalize(strings.Join(strings.Fields(htmlFragmentText(item.Title)), " ")),
		URL:   strings.TrimSpace(item.Link),
	}
	if doc.URL == "" && len(item.Links) > 0 {
		doc.URL = strings.TrimSpace(item.Links[0])
	}
	switch {
	case item.PublishedParsed != nil:
		doc.Published = feedDay(item.Published, *item.PublishedParsed)
	case item.UpdatedParsed != nil:
		doc.Published = feedDay(item.Updated, *item.UpdatedParsed)
	}
	body := item.Content
	if strings.TrimSpace(htmlFragmentText(body)) == "" {
		body = item.Description
	}
	doc.Text = withTitle(doc.Title, htmlFragmentText(body))
	return doc
}

// feedDateLayouts are the usual RSS and Atom date forms.
var feedDateLayouts = []string{time.RFC1123Z, time.RFC1123, time.RFC3339, "Mon, 2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 -0700"}

// feedDay returns the day of an item's date in the writer's own time zone (gofeed hands back
// UTC, which moves a late-evening item in the Americas to the next day), else of parsed.
func feedDay(raw string, parsed time.Time) *time.Time {
	raw = strings.TrimSpace(raw)
	for _, layout := range feedDateLayouts {
		if t, err := time.Parse(layout, raw); err == nil {
			return dayOf(t)
		}
	}
	return dayOf(parsed)
}

// itemBytes returns the bytes of every <item> or <entry> element of a feed, in order, or nil
// when the XML cannot be walked.
func itemBytes(data []byte) [][]byte {
	dec := xml.NewDecoder(bytes.NewReader(asciiMasked(data)))
	dec.Strict = false
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var items [][]byte
	depth, start, name := 0, int64(-1), ""
	for {
		offset := dec.InputOffset()
		tok, err := dec.RawToken()
		if err != nil {
			if err == io.EOF && start < 0 {
				return items
			}
			return nil
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if start < 0 && (t.Name.Local == "item" || t.Name.Local == "entry") {
				start, depth, name = offset, 0, t.Name.Local
			}
			depth++
		case xml.EndElement:
			depth--
			if start >= 0 && depth == 0 {
				if t.Name.Local != name {
					return nil // unbalanced: the item's end is not where its start says
				}
				items = append(items, data[start:dec.InputOffset()])
				start = -1
			}
		}
	}
}

// asciiMasked returns a copy of data with every byte above 0x7F replaced by 'x'. Offsets stay
// those of data, element names (ASCII in practice) stay readable, and the walk needs neither
// the feed's encoding nor valid UTF-8.
func asciiMasked(data []byte) []byte {
	masked := bytes.Clone(data)
	for i, c := range masked {
		if c >= 0x80 {
			masked[i] = 'x'
		}
	}
	return masked
}

// linkSuffix names an item's link in an error, when it has one.
func linkSuffix(link string) string {
	if link == "" {
		return ""
	}
	return " (" + link + ")"
}

// shortLanguage returns the primary subtag of a language tag when it is two letters.
func shortLanguage(tag string) string {
	lang, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
	if len(lang) != 2 {
		return ""
	}
	return lang
}
