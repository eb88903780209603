package watch

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"time"
)

// robotsRules are the rules of a robots.txt (RFC 9309) that apply to one user agent.
type robotsRules struct {
	allow, disallow []string // path prefixes; "*" and a final "$" as RFC 9309 defines them
	crawlDelay      time.Duration
}

// maxRobotsBytes is how much of a robots.txt is read; RFC 9309 asks crawlers to read at least
// 500 KiB.
const maxRobotsBytes = 512 << 10

// parseRobots reads the group of a robots.txt that applies to agent (a product token such as
// "wallwatch", compared without case), or else the "*" group. Lines it does not understand are
// skipped, as the RFC asks.
func parseRobots(data []byte, agent string) robotsRules {
	agent = strings.ToLower(agent)
	var mine, star robotsRules
	var foundMine bool
	var current []*robotsRules // the groups the lines being read belong to
	inAgents := false          // reading a group's user-agent lines
	sc := bufio.NewScanner(bytes.NewReader(data[:min(len(data), maxRobotsBytes)]))
	sc.Buffer(make([]byte, 0, 4096), maxRobotsBytes)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key, value = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value)
		if key == "user-agent" {
			if !inAgents {
				current, inAgents = nil, true
			}
			switch name := strings.ToLower(value); {
			case name == "*":
				current = append(current, &star)
			case name == agent || strings.HasPrefix(agent, name) && name != "":
				current, foundMine = append(current, &mine), true
			}
			continue
		}
		inAgents = false
		for _, g := range current {
			g.add(key, value)
		}
	}
	if foundMine {
		return mine
	}
	return star
}

// add applies one rule line to a group.
func (r *robotsRules) add(key, value string) {
	switch key {
	case "allow":
		if value != "" {
			r.allow = append(r.allow, value)
		}
	case "disallow":
		if value != "" { // an empty Disallow allows everything
			r.disallow = append(r.disallow, value)
		}
	case "crawl-delay":
		if secs, err := strconv.ParseFloat(value, 64); err == nil && secs > 0 && secs < 24*3600 {
			r.crawlDelay = time.Duration(secs * float64(time.Second))
		}
	}
}

// allows reports whether the path (with its query) may be fetched: the longest matching rule
// wins, and Allow wins a tie.
func (r robotsRules) allows(path string) bool {
	if path == "" {
		path = "/"
	}
	best, allowed := -1, true
	for _, p := range r.allow {
		if robotsMatch(p, path) && len(p) >= best {
			best, allowed = len(p), true
		}
	}
	for _, p := range r.disallow {
		if robotsMatch(p, path) && len(p) > best {
			best, allowed = len(p), false
		}
	}
	return allowed
}

// robotsMatch matches a robots.txt path pattern against a path: "*" stands for any characters
// and a final "$" anchors the end.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	for _, part := range parts[1:] {
		i := strings.Index(rest, part)
		if i < 0 {
			return false
		}
		rest = rest[i+len(part):]
	}
	if !anchored {
		return true
	}
	if len(parts) > 1 {
		return strings.HasSuffix(path, parts[len(parts)-1])
	}
	return rest == ""
}
