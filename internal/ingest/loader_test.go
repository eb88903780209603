package ingest

import (
	"errors"
	"fmt"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestExpand(t *testing.T) {
	dir := filepath.Join("testdata", "dir")
	tests := []struct {
		name        string
		args        []string
		want        []string
		wantSkipped map[string]int
		wantErrHas  []string
	}{
		{"directory: sorted, recursive, hidden and non-documents skipped", []string{dir},
			[]string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "sub", "c.html")}, map[string]int{".bin": 1}, nil},
		{"a file named explicitly is tried whatever its name", []string{filepath.Join(dir, "b.bin")},
			[]string{filepath.Join(dir, "b.bin")}, map[string]int{}, nil},
		{"file and URLs pass through", []string{"testdata/header.txt", "https://example.org/a", "HTTP://example.org/b"},
			[]string{"testdata/header.txt", "https://example.org/a", "HTTP://example.org/b"}, map[string]int{}, nil},
		{"missing path is named, the rest still expands", []string{"testdata/nope.txt", "testdata/header.txt"},
			[]string{"testdata/header.txt"}, map[string]int{}, []string{"testdata/nope.txt: no such file or directory"}},
		{"other schemes are refused", []string{"ftp://example.org/feed"}, nil, map[string]int{},
			[]string{"ftp://example.org/feed: unsupported URL scheme (want http or https)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := Expand(tt.args)
			if !slices.Equal(x.Inputs, tt.want) {
				t.Errorf("got inputs %q, want %q", x.Inputs, tt.want)
			}
			if !maps.Equal(x.Skipped, tt.wantSkipped) {
				t.Errorf("got skipped %v, want %v", x.Skipped, tt.wantSkipped)
			}
			if len(x.Errs) != len(tt.wantErrHas) {
				t.Fatalf("got errors %v, want %d", x.Errs, len(tt.wantErrHas))
			}
			for i, want := range tt.wantErrHas {
				if !strings.Contains(x.Errs[i].Error(), want) {
					t.Errorf("got error %q, want it to contain %q", x.Errs[i], want)
				}
			}
		})
	}
}

func TestDocumentExtension(t *testing.T) {
	tests := []struct {
		name string
		ext  string
		ok   bool
	}{
		{"a.txt", ".txt", true}, {"A.HTML", ".html", true}, {"feed.xml.gz", ".xml", true}, {"items.jsonl", ".jsonl", true},
		{"SOURCES.md", ".md", false}, {"photo.jpg", ".jpg", false}, {"Makefile", "", false}, {"x.gz", "", false},
	}
	for _, tt := range tests {
		ext, ok := documentExtension(tt.name)
		if ext != tt.ext || ok != tt.ok {
			t.Errorf("documentExtension(%q) = %q, %v; want %q, %v", tt.name, ext, ok, tt.ext, tt.ok)
		}
	}
}

func TestLoadBinaryFileNamedExplicitly(t *testing.T) {
	path := filepath.Join("testdata", "dir", "b.bin")
	_, failures := load(t, NewLoader(Options{}, nil), path)
	want := path + ": binary file, not a text, HTML, feed or JSON Lines document"
	if len(failures) != 1 || failures[0].Error() != want || !errors.Is(failures[0], ErrBinary) {
		t.Errorf("got errors %v, want [%s]", failures, want)
	}
}

func TestLoadFileLimits(t *testing.T) {
	path := filepath.Join("testdata", "header.txt")
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	docs, errs := load(t, NewLoader(Options{MaxBytes: 100}, nil), path)
	want := fmt.Sprintf("%s: file of %d bytes is over the size limit of 100 bytes", path, info.Size())
	if len(docs) != 0 || len(errs) != 1 || errs[0].Error() != want || !errors.Is(errs[0], ErrTooLarge) {
		t.Errorf("got %d docs, errors %v; want [%s]", len(docs), errs, want)
	}
	docs, errs = load(t, NewLoader(Options{}, nil), filepath.Join("testdata", "missing.txt"))
	if len(docs) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "testdata/missing.txt") {
		t.Errorf("got %d docs, errors %v; want one error naming the file", len(docs), errs)
	}
}

func TestLoadPublishedOverride(t *testing.T) {
	override := time.Date(2024, 5, 6, 23, 30, 0, 0, time.FixedZone("X", -4*3600))
	l := NewLoader(Options{Published: &override}, nil)
	for _, file := range []string{"header.txt", "unknown-date.txt", "feed.rss"} {
		docs, errs := load(t, l, filepath.Join("testdata", file))
		if len(errs) != 0 || len(docs) == 0 {
			t.Fatalf("%s: got %d docs, errors %v", file, len(docs), errs)
		}
		for _, d := range docs {
			if got := published(d); got != "2024-05-06" {
				t.Errorf("%s: got published %q, want 2024-05-06", file, got)
			}
		}
	}
}

func TestLoadFollowLinks(t *testing.T) {
	mux := http.NewServeMux()
	var base string
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Attack on Brisk prison</title><link>%[1]s/story/1</link><pubDate>Tue, 02 Mar 2021 08:00:00 +0000</pubDate>
<description>Summary of the Brisk attack.</description></item>
<item><title>Gone story</title><link>%[1]s/story/missing</link><description>Summary of a gone story.</description></item>
<item><title>Private story</title><link>http://10.0.0.1/story</link><description>Summary of a private story.</description></item>
</channel></rss>`, base)
	})
	mux.HandleFunc("/story/1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><head><title>Brisk prison attacked | Wire</title><link rel="canonical" href="/stories/brisk"></head>
<body><nav>Home News Sport</nav><article><p>Gunmen attacked the prison in Brisk before dawn on Tuesday and freed 17 inmates, the police said.</p>
<p>One guard was wounded in the attack.</p></article><footer>Wire footer</footer></body></html>`)
	})
	srv, l := testServer(t, Options{FollowLinks: true}, mux)
	base = srv.URL
	docs, errs := load(t, l, srv.URL+"/feed.rss")
	if len(docs) != 3 {
		t.Fatalf("got %d docs, errors %v; want 3", len(docs), errs)
	}
	type row struct{ format, title, url, published, textStart string }
	want := []row{
		{"html", "Attack on Brisk prison", srv.URL + "/stories/brisk", "2021-03-02", "Attack on Brisk prison\n\nGunmen attacked the prison in Brisk"},
		{"rss", "Gone story", srv.URL + "/story/missing", "", "Gone story\n\nSummary of a gone story."},
		{"rss", "Private story", "http://10.0.0.1/story", "", "Private story\n\nSummary of a private story."},
	}
	for i, d := range docs {
		got := row{d.Format, d.Title, d.URL, published(d), d.Text[:min(len(d.Text), len(want[i].textStart))]}
		if got != want[i] {
			t.Errorf("doc %d: got %+v, want %+v", i+1, got, want[i])
		}
		if d.Source != srv.URL+"/feed.rss" {
			t.Errorf("doc %d: got source %q, want the feed", i+1, d.Source)
		}
		checkDerived(t, d)
	}
	if strings.Contains(docs[0].Text, "footer") || strings.Contains(docs[0].Text, "Summary") {
		t.Errorf("followed text has boilerplate or the summary: %q", docs[0].Text)
	}
	wantErrs := []string{"follow link: fetch " + srv.URL + "/story/missing: HTTP 404 Not Found", "refused: 10.0.0.1 is a private address"}
	if len(errs) != len(wantErrs) {
		t.Fatalf("got errors %v, want %d", errs, len(wantErrs))
	}
	for i, want := range wantErrs {
		if !strings.HasPrefix(errs[i].Error(), srv.URL+"/feed.rss: ") || !strings.Contains(errs[i].Error(), want) {
			t.Errorf("got error %q, want it to name the feed and contain %q", errs[i], want)
		}
	}
}

func TestLoadCorpusSeeds(t *testing.T) {
	docs := corpusDocuments(t, "seeds")
	want := []string{"2013-07-30", "2022-01-22", "2013-08-08", "2020-11-05", "2022-01-22"}
	var got []string
	for _, d := range docs {
		got = append(got, published(d))
		if d.Format != FormatText || d.Language != "en" || strings.HasPrefix(d.Text, "DATE:") {
			t.Errorf("%s: got format %q language %q text %.20q", d.Source, d.Format, d.Language, d.Text)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("got dates %q, want %q", got, want)
	}
}
