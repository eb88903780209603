package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
)

// readFixture returns a file under testdata.
func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// published renders a publication date for comparison, "" when unknown.
func published(d model.Document) string {
	if d.Published == nil {
		return ""
	}
	return d.Published.Format(model.DateLayout)
}

func TestParseFixtures(t *testing.T) {
	tests := []struct {
		file                   string
		format, title, url     string
		published, language    string
		textHas, textHasNot    []string
		wantDocs, wantErrs     int
		firstErrHas            string
		contentType, textStart string
	}{
		{file: "header.txt", format: "text", title: "Gunmen free dozens from Port Enwick jail",
			url: "https://news.example.org/2021/03/14/port-enwick-jailbreak", published: "2021-03-14", language: "en",
			textStart: "Gunmen free dozens from Port Enwick jail\n\nArmed men attacked", textHasNot: []string{"DATE:", "TITLE:"},
			wantDocs: 1, contentType: "text/plain"},
		{file: "unknown-date.txt", format: "text", title: "Kessel prison riot", language: "en",
			textStart: "Inmates at Kessel prison", wantDocs: 1, contentType: "text/plain"},
		{file: "no-header.txt", format: "text", title: "Riot at Valdoria detention centre ends after talks", language: "en",
			textStart: "Riot at Valdoria detention centre ends after talks\n\nA riot", wantDocs: 1, contentType: "text/plain"},
		{file: "header.txt.gz", format: "text.gz", title: "Gunmen free dozens from Port Enwick jail",
			published: "2021-03-14", language: "en", textStart: "Gunmen free dozens", wantDocs: 1, contentType: "text/plain",
			url: "https://news.example.org/2021/03/14/port-enwick-jailbreak"},
		{file: "truncated.txt.gz", wantErrs: 1, firstErrHas: "truncated.txt.gz: gzip: truncated"},
		{file: "legacy-1252.txt", format: "text", title: "Évasion à Saint-Aubert", published: "2018-04-09", language: "fr",
			textHas: []string{"détenus se sont évadés", "« selon le ministère »"}, wantDocs: 1, contentType: "text/plain"},
		{file: "invalid-utf8.txt", format: "text", language: "en",
			textHas: []string{"café-turned-jail in Montéro", "a \uFFFD riot \uFFFD on Monday"}, wantDocs: 1, contentType: "text/plain"},
		{file: "report.html", format: "html", title: "Attackers storm Lorne prison, 80 inmates escape",
			published: "2019-06-02", language: "en",
			textStart:  "Attackers storm Lorne prison, 80 inmates escape\n\nAttackers armed with rifles",
			textHas:    []string{"23 of the escaped prisoners", "\n\nResidents said the prison"},
			textHasNot: []string{"tracking", "Reader comment", "Copyright", "Sport"},
			wantDocs:   1, contentType: "text/html"},
		{file: "malformed.html", format: "html", title: "Escape at Dunmore farm prison", language: "en",
			textHas:  []string{"Eleven inmates escaped", "took his keys", "railway line"},
			wantDocs: 1, contentType: "text/html"},
		{file: "legacy-1252.html", format: "html", title: "Évasion à la prison de Saint-Aubert", language: "fr",
			textHas:  []string{"Une trentaine de détenus se sont évadés", "l’attaque d’un groupe armé", "forêt voisine"},
			wantDocs: 1, contentType: "text/html"},
		{file: "empty.rss"},
		{file: "reports.jsonl", format: "jsonl", title: "Jail attack in Fenwick", url: "https://example.org/a",
			published: "2020-10-05", language: "en", textStart: "Jail attack in Fenwick\n\nAn armed group attacked",
			wantDocs: 2, wantErrs: 2, firstErrHas: "reports.jsonl: line 2: invalid JSON", contentType: "application/jsonl"},
		{file: "dir/b.bin", wantErrs: 1, firstErrHas: "dir/b.bin: binary file, not a text, HTML, feed or JSON Lines document"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			docs, errs := Parse(tt.file, "", readFixture(t, tt.file))
			if len(docs) != tt.wantDocs || len(errs) != tt.wantErrs {
				t.Fatalf("got %d docs, %d errors %v; want %d docs, %d errors", len(docs), len(errs), errs, tt.wantDocs, tt.wantErrs)
			}
			if tt.firstErrHas != "" && !strings.Contains(errs[0].Error(), tt.firstErrHas) {
				t.Errorf("got error %q, want it to contain %q", errs[0], tt.firstErrHas)
			}
			if len(docs) == 0 {
				return
			}
			d := docs[0]
			got := []string{d.Format, d.Title, d.URL, published(d), d.Language, d.ContentType, d.Source}
			want := []string{tt.format, tt.title, tt.url, tt.published, tt.language, tt.contentType, tt.file}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("field %d: got %q, want %q", i, got[i], want[i])
				}
			}
			if !strings.HasPrefix(d.Text, tt.textStart) {
				t.Errorf("text starts %q, want %q", d.Text[:min(len(d.Text), 80)], tt.textStart)
			}
			for _, s := range tt.textHas {
				if !strings.Contains(d.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, d.Text)
				}
			}
			for _, s := range tt.textHasNot {
				if strings.Contains(d.Text, s) {
					t.Errorf("text has %q:\n%s", s, d.Text)
				}
			}
			checkDerived(t, d)
		})
	}
}

// checkDerived checks the fields every document derives from its text.
func checkDerived(t *testing.T, d model.Document) {
	t.Helper()
	if d.Text != Normalize(d.Text) {
		t.Errorf("text is not normalised")
	}
	if len(d.ContentHash) != 64 || d.ID != d.ContentHash[:16] {
		t.Errorf("got hash %q id %q, want 64 hex digits and their first 16", d.ContentHash, d.ID)
	}
	if d.Fingerprint != Fingerprint(d.Text) {
		t.Errorf("fingerprint is not Fingerprint(text)")
	}
	if len(d.Raw) == 0 {
		t.Errorf("no raw bytes")
	}
	if !d.IngestedAt.IsZero() || d.DuplicateOf != "" {
		t.Errorf("ingest set pipeline fields: %v %q", d.IngestedAt, d.DuplicateOf)
	}
}

func TestParseSniffsContentOverName(t *testing.T) {
	tests := []struct {
		name, contentType, data, wantFormat string
	}{
		{"page.txt", "", "<!DOCTYPE html><html><body><p>Inmates escaped from the jail.</p></body></html>", "html"},
		{"feed.html", "text/html", readFixtureString(t, "feed.rss"), "rss"},
		{"notes", "", `{"title":"t","text":"Inmates escaped from the jail."}`, "jsonl"},
		{"story.html", "", "DATE: 2020-01-02\n\nInmates escaped from the jail.", "text"},
		{"fragment", "text/html", "Inmates <b>escaped</b> from the jail.", "html"},
		{"https://example.org/a.html", "text/plain", "Inmates escaped from the jail.", "text"},
		{"export.ndjson", "", "\n\n  {\"text\":\"Inmates escaped.\"}\n", "jsonl"},
		{"list.json", "", `[{"text":"Inmates escaped."},{"text":"Guards fled."}]`, "jsonl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := Parse(tt.name, tt.contentType, []byte(tt.data))
			if len(errs) != 0 || len(docs) == 0 {
				t.Fatalf("got %d docs, errors %v", len(docs), errs)
			}
			if docs[0].Format != tt.wantFormat {
				t.Errorf("got format %q, want %q", docs[0].Format, tt.wantFormat)
			}
		})
	}
}

func readFixtureString(t testing.TB, name string) string { return string(readFixture(t, name)) }

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		want    string
		wantErr error
	}{
		{"empty.txt", nil, "empty.txt: no text", ErrEmpty},
		{"blank.txt", []byte("DATE: 2020-01-01\n\n \n\t\n"), "blank.txt: no text", ErrEmpty},
		{"bad-date.txt", []byte("DATE: 14 March\n\nText."), `bad-date.txt: header DATE "14 March" is not YYYY-MM-DD or unknown`, nil},
		{"nul.txt", []byte("text\x00with a NUL"), "nul.txt: binary file", ErrBinary},
		{"pic.png", []byte("\x89PNG\r\n\x1a\n"), "pic.png: binary file", ErrBinary},
		{"broken.rss", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title></chan`), "broken.rss: parse feed:", nil},
		{"bomb.gz", gzipped(make([]byte, DefaultMaxBytes+1)), "bomb.gz: gzip: decompressed size over the size limit", ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := Parse(tt.name, "", tt.data)
			if len(errs) != 1 {
				t.Fatalf("got errors %v, want one", errs)
			}
			if !strings.Contains(errs[0].Error(), tt.want) {
				t.Errorf("got %q, want it to contain %q", errs[0], tt.want)
			}
			if tt.wantErr != nil && !errors.Is(errs[0], tt.wantErr) {
				t.Errorf("got %v, want errors.Is %v", errs[0], tt.wantErr)
			}
		})
	}
}

func TestParseKeepsDocumentWithBadHeaderDate(t *testing.T) {
	docs, errs := Parse("bad-date.txt", "", []byte("DATE: soon\nTITLE: A title\n\nInmates escaped."))
	if len(docs) != 1 || len(errs) != 1 {
		t.Fatalf("got %d docs and errors %v, want 1 doc and 1 error", len(docs), errs)
	}
	if docs[0].Published != nil || docs[0].Title != "A title" {
		t.Errorf("got published %v title %q, want nil and %q", docs[0].Published, docs[0].Title, "A title")
	}
}

// TestParseDatesByURL checks that a document no header, feed or markup dates takes the day in its
// URL's path, in every format, and that a date given wins over the URL's.
func TestParseDatesByURL(t *testing.T) {
	tests := []struct {
		name, source, in, want string
	}{
		{"text header, date unknown", "a.txt", "URL: https://news.example.org/2017/09/03/arden-jail\nDATE: unknown\n\nInmates escaped.", "2017-09-03"},
		{"text header, no date line", "a.txt", "URL: https://news.example.org/world/20190514-arden-jail\n\nInmates escaped.", "2019-05-14"},
		{"text header's date wins", "a.txt", "URL: https://news.example.org/2017/09/03/arden-jail\nDATE: 2017-09-04\n\nInmates escaped.", "2017-09-04"},
		{"a month in the URL dates no day", "a.txt", "URL: https://news.example.org/2017/09/arden-jail\n\nInmates escaped.", ""},
		{"HTML page fetched from a dated URL", "https://news.example.org/2017/09/03/arden-jail", "<html><head><title>Arden</title></head><body><p>Inmates escaped from the jail in Arden.</p></body></html>", "2017-09-03"},
		{"JSON Lines record without a date", "a.jsonl", `{"url":"https://news.example.org/stories/201705180435.html","text":"Inmates escaped."}`, "2017-05-18"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := Parse(tt.source, "", []byte(tt.in))
			if len(docs) != 1 || len(errs) != 0 {
				t.Fatalf("got %d docs and errors %v, want 1 doc", len(docs), errs)
			}
			got := ""
			if docs[0].Published != nil {
				got = docs[0].Published.Format(model.DateLayout)
			}
			if got != tt.want {
				t.Errorf("published = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseIsDeterministic(t *testing.T) {
	a, _ := Parse("report.html", "", readFixture(t, "report.html"))
	b, _ := Parse("copy/report.html", "", readFixture(t, "report.html"))
	if a[0].ID != b[0].ID || a[0].ContentHash != b[0].ContentHash {
		t.Errorf("got ids %s and %s for the same content, want equal", a[0].ID, b[0].ID)
	}
}

// gzipped compresses data.
func gzipped(data []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}
