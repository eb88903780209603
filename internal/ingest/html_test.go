package ingest

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

func TestReadHTML(t *testing.T) {
	const story = "<p>Gunmen attacked the prison in Arden late on Sunday and freed forty inmates, officials said on Monday.</p>"
	page := func(head, body string) string {
		return "<!DOCTYPE html><html><head>" + head + "</head><body><article>" + body + "</article></body></html>"
	}
	tests := []struct {
		name, pageURL, html               string
		wantTitle, wantURL, wantPublished string
		wantLanguage, wantTextHas         string
	}{
		{name: "meta published time", html: page(`<meta property="article:published_time" content="2020-02-03T08:00:00Z">`, story),
			wantPublished: "2020-02-03", wantLanguage: "en"},
		{name: "JSON-LD", html: page(`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Arden jail attack","datePublished":"2019-11-12T10:00:00+03:00"}</script>`, story),
			wantTitle: "Arden jail attack", wantPublished: "2019-11-12", wantLanguage: "en"},
		{name: "JSON-LD graph with a context", html: page(`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":"NewsArticle","headline":"Arden jail attack","datePublished":"2019-11-12"}]}</script>`, story),
			wantTitle: "Arden jail attack", wantPublished: "2019-11-12", wantLanguage: "en"},
		{name: "itemprop meta", html: page(`<title>Arden</title><meta itemprop="datePublished" content="2021-04-30T23:10:00-05:00">`, story),
			wantTitle: "Arden", wantPublished: "2021-04-30", wantLanguage: "en"},
		{name: "a number in the URL is no date", pageURL: "https://news.example.org/2017/1234567", html: page("<title>Arden</title>", story),
			wantTitle: "Arden", wantURL: "https://news.example.org/2017/1234567", wantLanguage: "en"},
		{name: "time element", html: page("<title>Arden</title>", `<time datetime="2018-07-08" pubdate>8 July</time>`+story),
			wantTitle: "Arden", wantPublished: "2018-07-08", wantLanguage: "en"},
		{name: "dates in sentences are not publication dates",
			html:      page("<title>Arden</title>", "<p>On 3 March 2019, gunmen attacked the prison in Arden and freed forty inmates, officials said.</p>"),
			wantTitle: "Arden", wantLanguage: "en", wantTextHas: "gunmen attacked the prison"},
		{name: "og:title wins over title", html: page(`<title>Arden | Site</title><meta property="og:title" content="Forty freed in Arden">`, story),
			wantTitle: "Forty freed in Arden", wantLanguage: "en", wantTextHas: "Forty freed in Arden\n\nGunmen attacked"},
		{name: "relative canonical resolved against the page", pageURL: "https://news.example.org/a/b?c=d",
			html:      page(`<title>Arden</title><link rel="canonical" href="/world/arden">`, story),
			wantTitle: "Arden", wantURL: "https://news.example.org/world/arden", wantLanguage: "en"},
		{name: "page URL when there is no canonical", pageURL: "https://news.example.org/a",
			html: page("<title>Arden</title>", story), wantTitle: "Arden", wantURL: "https://news.example.org/a", wantLanguage: "en"},
		{name: "declared language when the text is too short to tell", html: `<html lang="fr-FR"><body><p>Arden, 40.</p></body></html>`,
			wantLanguage: "fr", wantTextHas: "Arden, 40."},
		{name: "meta charset", html: page(`<meta charset="iso-8859-1"><title>Arden</title>`, "<p>Des d\xe9tenus se sont \xe9vad\xe9s.</p>"),
			wantTitle: "Arden", wantTextHas: "Des détenus se sont évadés."},
		{name: "UTF-8 without declaration after a long ASCII start",
			html:      page("<title>Arden</title>"+strings.Repeat("<!-- padding -->", 80), "<p>Des détenus se sont évadés de la prison.</p>"),
			wantTitle: "Arden", wantLanguage: "fr", wantTextHas: "Des détenus se sont évadés"},
		{name: "byte order mark", html: "\uFEFF" + page("<title>Arden</title>", story), wantTitle: "Arden", wantLanguage: "en"},
		{name: "no article markup at all", html: "<p>Gunmen attacked the prison in Arden.",
			wantTextHas: "Gunmen attacked the prison in Arden."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readHTML([]byte(tt.html), "", tt.pageURL)
			if err != nil {
				t.Fatal(err)
			}
			if err := finish(&doc, "test"); err != nil {
				t.Fatal(err)
			}
			got := []string{doc.Title, doc.URL, published(doc), doc.Language}
			want := []string{tt.wantTitle, tt.wantURL, tt.wantPublished, tt.wantLanguage}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("field %d: got %q, want %q (text %q)", i, got[i], want[i], doc.Text)
				}
			}
			if tt.wantTextHas == "" {
				tt.wantTextHas = "Gunmen attacked the prison in Arden late on Sunday"
			}
			if !strings.Contains(doc.Text, tt.wantTextHas) {
				t.Errorf("text %q lacks %q", doc.Text, tt.wantTextHas)
			}
		})
	}
}

func TestDecodeText(t *testing.T) {
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("Évasion à Lorne")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, in, contentType, want string }{
		{"UTF-8", "Évasion à Lorne", "", "Évasion à Lorne"},
		{"UTF-8 byte order mark", "\xef\xbb\xbfÉvasion", "", "Évasion"},
		{"UTF-16 with byte order mark", utf16, "", "Évasion à Lorne"},
		{"windows-1252 by content", "\xc9vasion \xe0 Lorne \x96 \x93guillemets\x94", "", "Évasion à Lorne – “guillemets”"},
		{"charset parameter", "\xc9vasion", "text/plain; charset=ISO-8859-1", "Évasion"},
		{"invalid bytes in UTF-8 stay for Normalize", "café \xff", "", "café \xff"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := decodeText([]byte(tt.in), tt.contentType); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"header.txt", "report.html", "malformed.html", "legacy-1252.html", "feed.rss",
		"feed.atom", "reports.jsonl", "header.txt.gz", "truncated.txt.gz", "invalid-utf8.txt"} {
		f.Add(name, readFixture(f, name))
	}
	f.Add("x.json", []byte(`[{"html":"<p>a</p>"},1,{"text":""}]`))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		docs, _ := Parse(name, "", data)
		for _, d := range docs {
			if d.Text == "" || d.Text != Normalize(d.Text) || d.ID != d.ContentHash[:16] {
				t.Errorf("document with bad text or id: %+v", d)
			}
		}
	})
}
