package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseHeader(t *testing.T) {
	tests := []struct {
		name, in                     string
		wantDate, wantURL, wantTitle string
		wantBody                     string
		wantErr                      string
	}{
		{name: "full", in: "URL: https://e.org/a\nDATE: 2013-07-30\nTITLE: A title\n\nBody.\n",
			wantDate: "2013-07-30", wantURL: "https://e.org/a", wantTitle: "A title", wantBody: "Body.\n"},
		{name: "unknown date", in: "DATE: unknown\n\nBody.", wantBody: "Body."},
		{name: "unknown in capitals", in: "DATE: UNKNOWN\nTITLE: T\n\nBody.", wantTitle: "T", wantBody: "Body."},
		{name: "empty date", in: "DATE:\n\nBody.", wantBody: "Body."},
		{name: "date with time", in: "DATE: 2020-05-04T10:00:00Z\n\nBody.", wantDate: "2020-05-04", wantBody: "Body."},
		{name: "lower-case keys and CRLF", in: "date: 2020-05-04\r\nurl: https://e.org\r\n\r\nBody.",
			wantDate: "2020-05-04", wantURL: "https://e.org", wantBody: "Body."},
		{name: "no blank line after header", in: "DATE: 2020-05-04\nBody starts here.", wantDate: "2020-05-04",
			wantBody: "Body starts here."},
		{name: "only the first blank line is eaten", in: "DATE: 2020-05-04\n\n\nBody.", wantDate: "2020-05-04",
			wantBody: "\nBody."},
		{name: "no header", in: "Body: with a colon.\n\nMore.", wantBody: "Body: with a colon.\n\nMore."},
		{name: "leading blank line is no header", in: "\nDATE: 2020-05-04\n\nBody.", wantBody: "\nDATE: 2020-05-04\n\nBody."},
		{name: "byte order mark", in: "\uFEFFDATE: 2020-05-04\n\nBody.", wantDate: "2020-05-04", wantBody: "Body."},
		{name: "bad date", in: "DATE: 30/07/2013\nTITLE: T\n\nBody.", wantTitle: "T", wantBody: "Body.",
			wantErr: `header DATE "30/07/2013" is not YYYY-MM-DD or unknown`},
		{name: "impossible date", in: "DATE: 2013-02-30\n\nBody.", wantBody: "Body.",
			wantErr: `header DATE "2013-02-30" is not YYYY-MM-DD or unknown`},
		{name: "date glued to text", in: "DATE: 2013-02-03x\n\nBody.", wantBody: "Body.",
			wantErr: `header DATE "2013-02-03x" is not YYYY-MM-DD or unknown`},
		{name: "header only", in: "DATE: 2013-02-03\nTITLE: T", wantDate: "2013-02-03", wantTitle: "T"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, body, err := parseHeader(tt.in)
			gotDate := ""
			if h.Published != nil {
				gotDate = h.Published.Format("2006-01-02")
			}
			gotErr := ""
			if err != nil {
				gotErr = err.Error()
			}
			got := []string{gotDate, h.URL, h.Title, body, gotErr}
			want := []string{tt.wantDate, tt.wantURL, tt.wantTitle, tt.wantBody, tt.wantErr}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("field %d: got %q, want %q", i, got[i], want[i])
				}
			}
		})
	}
}

func TestGuessTitle(t *testing.T) {
	tests := []struct{ body, want string }{
		{"Gunmen free 40 inmates\n\nText follows.", "Gunmen free 40 inmates"},
		{"\n\n  Headline with spaces  \nText.", "Headline with spaces"},
		{"Why did the wall fall?\nText.", "Why did the wall fall?"},
		{"A first sentence of a paragraph ends with a full stop.\nText.", ""},
		{"Only one line", ""},
		{strings.Repeat("word ", 30) + "\nText.", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := guessTitle(tt.body); got != tt.want {
			t.Errorf("guessTitle(%q) = %q, want %q", tt.body, got, tt.want)
		}
	}
}

func FuzzHeader(f *testing.F) {
	for _, name := range []string{"header.txt", "unknown-date.txt", "no-header.txt"} {
		f.Add(readFixtureString(f, name))
	}
	f.Add("DATE: 2013-02-30\r\nURL:\r\n\r\n")
	f.Add("\uFEFFtitle: x\nDATE: 9999-99-99T\n")
	f.Fuzz(func(t *testing.T, in string) {
		h, body, _ := parseHeader(in)
		if !strings.HasSuffix(in, body) {
			t.Errorf("body %q is not a suffix of the input", body)
		}
		if h.Published != nil && (h.Published.Hour() != 0 || h.Published.Location().String() != "UTC") {
			t.Errorf("got date %v, want a UTC midnight", h.Published)
		}
		if utf8.ValidString(in) && !utf8.ValidString(h.Title+h.URL) {
			t.Errorf("header fields of valid input are invalid UTF-8")
		}
	})
}
