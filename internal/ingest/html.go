package ingest

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	readability "github.com/go-shiori/go-readability"
	"github.com/wallwatch/wallwatch/internal/model"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readHTML reads a page: its main text (go-readability; a plain walk over the page when that finds
// nothing), title, canonical URL, publication date (publishedDate: markup, else the URL's path; never the
// page's free text) and declared language. pageURL is where the page came from, "" for a file.
func readHTML(data []byte, contentType, pageURL string) (model.Document, error) {
	root, err := html.Parse(strings.NewReader(decodeHTML(data, contentType)))
	if err != nil {
		return model.Document{}, fmt.Errorf("parse HTML: %w", err)
	}
	doc := model.Document{Format: FormatHTML, ContentType: "text/html", URL: pageURL}
	article, err := mainText(root, pageURL)
	if err == nil {
		doc.Title = strings.Join(strings.Fields(article.Title), " ")
		doc.Text = htmlFragmentText(article.Content)
	}
	if strings.TrimSpace(doc.Text) == "" {
		doc.Text = blockText(root)
	}
	ld := readArticleLD(root)
	if doc.Title == "" {
		doc.Title = ld.Headline
	}
	if doc.Title == "" {
		doc.Title = pageTitle(root)
	}
	doc.URL = canonicalURL(root, pageURL)
	doc.Published = publishedDate(root, article.PublishedTime, ld)
	doc.Language = declaredLanguage(root)
	doc.Text = withTitle(doc.Title, doc.Text)
	return doc, nil
}

// mainText runs go-readability, turning a panic on hostile input into an error so that one page
// cannot stop a batch. go-readability is chosen over go-trafilatura because the latter imports
// go-dateparser, whose locale tables cost every start of the binary 0.2 s and 95 MB before main
// runs, even for "wallwatch version".
func mainText(root *html.Node, pageURL string) (article readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			article, err = readability.Article{}, fmt.Errorf("extract main text: panic: %v", r)
		}
	}()
	u, err := url.Parse(pageURL)
	if err != nil || !u.IsAbs() {
		u = nil
	}
	parser := readability.NewParser()
	return parser.ParseDocument(root, u)
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
