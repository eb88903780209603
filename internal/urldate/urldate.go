// Package urldate reads the publication date that news sites write into the paths of their
// articles' URLs ("/2017/05/18/", "/20170518-", "/stories/201705180435.html", "/2017/05/"). A
// report's own sentences date its events, not its publication; its URL is the one place outside
// the markup that says when it was published.
package urldate

import (
	"net/url"
	"regexp"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

var (
	// separatedDay is /YYYY/MM/DD or /YYYY-MM-DD ending a segment or followed by - or /.
	separatedDay = regexp.MustCompile(`/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/-]|$)`)
	// compactDay is YYYYMMDD opening a segment or a word of a slug, optionally followed by the
	// hour and minute (HHMM) as some agencies number their stories; more digits make an id.
	compactDay = regexp.MustCompile(`(?:^|[/_-])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[0-2]\d[0-5]\d)?(?:[^\d]|$)`)
	// month is /YYYY/MM/ as blogs and many papers file their articles.
	month = regexp.MustCompile(`/((?:19|20)\d\d)/(0[1-9]|1[0-2])/`)
)

// Of returns the publication date in rawURL's path: a day (Start is that day's UTC midnight) or a
// month (Start is its first day), and false when the path holds none. The host and query are
// never read: numbers there are ids and tracking codes.
func Of(rawURL string) (model.Date, bool) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Path == "" {
		return model.Date{}, false
	}
	for _, pattern := range []*regexp.Regexp{separatedDay, compactDay} {
		if m := pattern.FindStringSubmatch(u.Path); m != nil {
			day, err := time.Parse(model.DateLayout, m[1]+"-"+m[2]+"-"+m[3])
			if err != nil {
				return model.Date{}, false // "2017/02/31": numbers shaped like a date that is none
			}
			return model.Date{Start: day, Precision: model.PrecisionDay}, true
		}
	}
	if m := month.FindStringSubmatch(u.Path); m != nil {
		if first, err := time.Parse(model.DateLayout, m[1]+"-"+m[2]+"-01"); err == nil {
			return model.Date{Start: first, Precision: model.PrecisionMonth}, true
		}
	}
	return model.Date{}, false
}

// Day returns the publication day in rawURL's path, or nil when it holds none or only a month.
func Day(rawURL string) *time.Time {
	if d, ok := Of(rawURL); ok && d.Precision == model.PrecisionDay {
		return &d.Start
	}
	return nil
}
