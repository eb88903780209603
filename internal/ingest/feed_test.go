package ingest

import (
	"strings"
	"testing"
)

func TestReadFeed(t *testing.T) {
	type item struct{ title, url, published, textStart, rawStart string }
	tests := []struct {
		file   string
		format string
		items  []item
	}{
		{"feed.rss", "rss", []item{
			{"Inmates escape after wall collapses in Harrow Creek", "https://wire.example.net/prisons/harrow-creek-escape",
				"2021-02-08", "Inmates escape after wall collapses in Harrow Creek\n\nFourteen inmates escaped", "<item>"},
			// content:encoded wins over the description; the date is the writer's day, not UTC's.
			{"Guards repel attack on Tamsin jail", "https://wire.example.net/prisons/tamsin-attack",
				"2021-03-13", "Guards repel attack on Tamsin jail\n\nGuards at the Tamsin jail fought off", "<item>"},
		}},
		{"feed.atom", "atom", []item{
			{"Mass escape reported in Oskar Bay", "https://monitor.example.com/oskar-bay",
				"2022-05-01", "Mass escape reported in Oskar Bay\n\nMore than 200 detainees", "<entry>"},
			// an HTML title is stripped; with no published date the updated date serves.
			{"Court orders inquiry into Oskar Bay escape", "https://monitor.example.com/oskar-bay-inquiry",
				"2022-05-02", "Court orders inquiry into Oskar Bay escape\n\nA court ordered", "<entry>"},
		}},
		{"empty.rss", "rss", nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			docs, errs := Parse(tt.file, "", readFixture(t, tt.file))
			if len(errs) != 0 || len(docs) != len(tt.items) {
				t.Fatalf("got %d docs, errors %v; want %d docs, no errors", len(docs), errs, len(tt.items))
			}
			for i, want := range tt.items {
				d := docs[i]
				got := item{d.Title, d.URL, published(d), d.Text[:min(len(d.Text), len(want.textStart))], string(d.Raw[:len(want.rawStart)])}
				if got != want {
					t.Errorf("item %d: got %+v, want %+v", i+1, got, want)
				}
				if d.Format != tt.format || d.Source != tt.file {
					t.Errorf("item %d: got format %q source %q, want %q %q", i+1, d.Format, d.Source, tt.format, tt.file)
				}
				checkDerived(t, d)
			}
		})
	}
}

func TestReadFeedItemErrors(t *testing.T) {
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>Prison attack in Arden</title><description>Gunmen attacked the Arden jail.</description></item>
<item><link>https://example.org/empty</link></item>
</channel></rss>`
	docs, errs := Parse("wire.rss", "", []byte(feed))
	if len(docs) != 1 || len(errs) != 1 {
		t.Fatalf("got %d docs, errors %v; want 1 doc and 1 error", len(docs), errs)
	}
	want := "wire.rss: item 2 (https://example.org/empty): no title or text"
	if errs[0].Error() != want {
		t.Errorf("got %q, want %q", errs[0], want)
	}
}

func TestReadFeedLegacyEncoding(t *testing.T) {
	feed := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>t</title>" +
		"<item><title>\xc9vasion \xe0 Lorne</title><description>Des d\xe9tenus se sont \xe9vad\xe9s.</description></item>" +
		"</channel></rss>"
	docs, errs := Parse("latin1.rss", "", []byte(feed))
	if len(errs) != 0 || len(docs) != 1 {
		t.Fatalf("got %d docs, errors %v", len(docs), errs)
	}
	if want := "Évasion à Lorne\n\nDes détenus se sont évadés."; docs[0].Text != want {
		t.Errorf("got %q, want %q", docs[0].Text, want)
	}
	if !strings.HasPrefix(string(docs[0].Raw), "<item>") {
		t.Errorf("got raw %q, want the item's bytes", docs[0].Raw)
	}
}

func TestItemBytesFallsBackToFeed(t *testing.T) {
	// An unclosed item cannot be cut out: every document keeps the whole feed as raw bytes.
	if got := itemBytes([]byte("<rss><channel><item><title>x</title></channel>")); got != nil {
		t.Errorf("got %q, want nil", got)
	}
}

func FuzzFeed(f *testing.F) {
	for _, name := range []string{"feed.rss", "feed.atom", "empty.rss"} {
		f.Add(readFixture(f, name))
	}
	f.Add([]byte(`<rss><channel><item><title><![CDATA[<b>x</b>]]></title></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml"><div>y</div></content></entry></feed>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, _ := readFeed(data)
		for _, d := range docs {
			if d.Format != FormatRSS && d.Format != FormatAtom {
				t.Errorf("got format %q", d.Format)
			}
			if len(d.Raw) == 0 {
				t.Errorf("item without raw bytes")
			}
		}
	})
}
