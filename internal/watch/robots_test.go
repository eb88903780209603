package watch

import (
	"testing"
	"time"
)

func TestRobots(t *testing.T) {
	const robots = `# an invented site's rules
User-agent: otherbot
Disallow: /

User-agent: WallWatch
User-agent: examplebot
Disallow: /private/
Allow: /private/open
Disallow: /*.pdf$
Crawl-delay: 2.5

User-agent: *
Disallow: /feeds/
`
	for _, tc := range []struct {
		agent, path string
		want        bool
	}{
		{"wallwatch", "/news/feed.xml", true},
		{"wallwatch", "/private/notes", false},
		{"wallwatch", "/private/open/page", true},
		{"wallwatch", "/report.pdf", false},
		{"wallwatch", "/report.pdf?x=1", true},
		{"wallwatch", "/feeds/all", true}, // its own group replaces "*"
		{"somebot", "/feeds/all", false},
		{"somebot", "/private/notes", true},
		{"otherbot", "/anything", false},
	} {
		if got := parseRobots([]byte(robots), tc.agent).allows(tc.path); got != tc.want {
			t.Errorf("%s %s: allowed %v, want %v", tc.agent, tc.path, got, tc.want)
		}
	}
	if got := parseRobots([]byte(robots), "wallwatch").crawlDelay; got != 2500*time.Millisecond {
		t.Errorf("crawl delay %v, want 2.5s", got)
	}
	if !parseRobots(nil, "wallwatch").allows("/x") {
		t.Error("an empty robots.txt should allow everything")
	}
}

func FuzzParseRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /a*b$\nAllow: /a\nCrawl-delay: 1\n"), "/ab")
	f.Add([]byte("user-agent:wallwatch\ndisallow:\n"), "/")
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		r := parseRobots(data, "wallwatch")
		r.allows(path)
		if r.crawlDelay < 0 || r.crawlDelay > 24*time.Hour {
			t.Errorf("crawl delay %v", r.crawlDelay)
		}
	})
}
