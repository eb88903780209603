package ingest

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"github.com/wallwatch/wallwatch/internal/model"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readHTML reads a page: its main text (go-trafilatura, favouring precision, without comments;
// a plain walk over the page when that finds nothing), title, canonical URL, publication date
// (go-htmldate over meta tags, JSON-LD, <time> and the like, never the page's free text) and
// declared language. pageURL is where the page came from, "" for a file.
func readHTML(data []byte, contentType, pageURL string) (model.Document, error) {
	root, err := html.Parse(strings.NewReader(decodeHTML(data, contentType)))
	if err != nil {
		return model.Document{}, fmt.Errorf("parse HTML: %w", err)
	}
	doc := model.Document{Format: FormatHTML, ContentType: "text/html", URL: pageURL}
	if res, err := mainText(root, pageURL); err == nil {
		doc.Title = res.Metadata.Title
		doc.URL = res.Metadata.URL
		doc.Text = blockText(res.ContentNode)
		if strings.TrimSpace(doc.Text) == "" {
			doc.Text = res.ContentText
		}
	}
	if strings.TrimSpace(doc.Text) == "" {
		doc.Text = blockText(root)
	}
	if doc.Title == "" {
		doc.Title = pageTitle(root)
	}
	if doc.URL == "" {
		doc.URL = canonicalURL(root, pageURL)
	}
	doc.Published = publishedDate(root, doc.URL)
	doc.Language = declaredLanguage(root)
	doc.Text = withTitle(doc.Title, doc.Text)
	return doc, nil
}

// mainText runs go-trafilatura, turning a panic on hostile input into an error so that one page
// cannot stop a batch.
func mainText(root *html.Node, pageURL string) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("extract main text: panic: %v", r)
		}
	}()
	opts := trafilatura.Options{
		Focus:           trafilatura.FavorPrecision,
		ExcludeComments: true,
		EnableFallback:  true,
		HtmlDateMode:    trafilatura.Disabled, // publishedDate does it, without free-text guesses
	}
	if u, err := url.Parse(pageURL); err == nil && u.IsAbs() {
		opts.OriginalURL = u
	}
	return trafilatura.ExtractDocument(root, opts)
}

// publishedDate returns the day a page says it was first published, or nil. The fast mode of
// go-htmldate reads markup (meta, JSON-LD, <time>, date-classed elements) and the URL, never
// dates mentioned in the article's sentences, which are usually the event's date.
func publishedDate(root *html.Node, pageURL string) (day *time.Time) {
	defer func() {
		if recover() != nil {
			day = nil
		}
	}()
	res, err := htmldate.FromDocument(root, htmldate.Options{
		UseOriginalDate:     true,
		SkipExtensiveSearch: true,
		DeferUrlExtractor:   true,
		URL:                 pageURL,
	})
	if err != nil || res.IsZero() {
		return nil
	}
	return dayOf(res.DateTime)
}

// dayOf returns the UTC midnight of the calendar day t falls on where it was written.
func dayOf(t time.Time) *time.Time {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return &d
}

// pageTitle returns the text of <title>, or of the first <h1> when there is no title.
func pageTitle(root *html.Node) string {
	for _, a := range []atom.Atom{atom.Title, atom.H1} {
		if n := findElement(root, a); n != nil {
			if t := strings.Join(strings.Fields(blockText(n)), " "); t != "" {
				return t
			}
		}
	}
	return ""
}

// canonicalURL returns <link rel=canonical> resolved against the page's URL when it is an absolute
// http(s) URL, else pageURL.
func canonicalURL(root *html.Node, pageURL string) string {
	for n := range root.Descendants() {
		if n.DataAtom != atom.Link || !strings.EqualFold(attr(n, "rel"), "canonical") {
			continue
		}
		base, _ := url.Parse(pageURL)
		ref, err := url.Parse(strings.TrimSpace(attr(n, "href")))
		if err != nil {
			break
		}
		if base != nil {
			ref = base.ResolveReference(ref)
		}
		if ref.Scheme == "http" || ref.Scheme == "https" {
			return ref.String()
		}
		break
	}
	return pageURL
}

// declaredLanguage returns the primary subtag of <html lang>, when it is a two-letter code.
func declaredLanguage(root *html.Node) string {
	n := findElement(root, atom.Html)
	if n == nil {
		return ""
	}
	lang, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(attr(n, "lang"))), "-")
	if len(lang) != 2 {
		return ""
	}
	return lang
}

// withTitle puts the title before the text as its first paragraph, unless the text already starts
// with it, so that a headline can be cited like any other sentence of the document.
func withTitle(title, text string) string {
	title, text = Normalize(title), Normalize(text)
	if title == "" || strings.HasPrefix(text, title) {
		return text
	}
	if text == "" {
		return title
	}
	return title + "\n\n" + text
}
