package urldate

import (
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
)

func TestOf(t *testing.T) {
	tests := []struct {
		name, url, want string
		precision       model.Precision
	}{
		{"year, month and day segments", "https://news.example.org/2017/09/03/arden-jail", "2017-09-03", model.PrecisionDay},
		{"dashed day segment", "https://news.example.org/world/2017-09-03/arden-jail", "2017-09-03", model.PrecisionDay},
		{"compact day opening a slug", "http://radio.example.org/afrique/20190514-arden-jail-attack", "2019-05-14", model.PrecisionDay},
		{"compact day with the hour and minute", "https://wire.example.org/stories/201705180435.html", "2017-05-18", model.PrecisionDay},
		{"compact day closing a slug", "https://paper.example.org/arden-inmates-escape-20230102-0030.html", "2023-01-02", model.PrecisionDay},
		{"year and month segments", "https://blog.example.org/2007/02/armed-men-free-inmates.html", "2007-02-01", model.PrecisionMonth},
		{"day wins over month", "https://blog.example.org/2007/02/x/20070214-arden", "2007-02-14", model.PrecisionDay},
		{"an id of more digits is no date", "https://news.example.org/2017/1234567", "", ""},
		{"an id of nine digits is no date", "https://news.example.org/story/201705180", "", ""},
		{"an id inside a word is no date", "https://news.example.org/a20170518", "", ""},
		{"impossible month", "https://news.example.org/stories/20171318-x", "", ""},
		{"impossible day", "https://news.example.org/2017/02/31/x", "", ""},
		{"the host is never read", "https://20170518.example.org/x", "", ""},
		{"the query is never read", "https://news.example.org/x?d=2017/05/18/", "", ""},
		{"no URL", "", "", ""},
		{"not a URL", "%zz", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := Of(tt.url)
			got := ""
			if ok {
				got = d.Start.Format(model.DateLayout)
			}
			if got != tt.want || d.Precision != tt.precision {
				t.Errorf("Of(%q) = %q %q, want %q %q", tt.url, got, d.Precision, tt.want, tt.precision)
			}
			if day := Day(tt.url); (day != nil) != (tt.precision == model.PrecisionDay) {
				t.Errorf("Day(%q) = %v, want a day only when the URL gives one", tt.url, day)
			}
		})
	}
}

// FuzzOf checks that any string is read without a panic and that a date found is a real day of
// the last two centuries at the precision said.
func FuzzOf(f *testing.F) {
	f.Add("https://news.example.org/2017/09/03/arden-jail")
	f.Add("https://wire.example.org/stories/201705180435.html")
	f.Add("/2007/02/")
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := Of(s)
		if !ok {
			return
		}
		if y := d.Start.Year(); y < 1900 || y > 2099 {
			t.Errorf("Of(%q) = %v, outside 1900-2099", s, d.Start)
		}
		if d.Precision == model.PrecisionMonth && d.Start.Day() != 1 {
			t.Errorf("Of(%q) = %v, a month that does not start on its first day", s, d.Start)
		}
	})
}
