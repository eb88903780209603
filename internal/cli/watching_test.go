package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestSourcesAndAlertsVerbs(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.db")
	for _, tc := range []struct {
		args     []string
		wantCode int
		wantOut  string
	}{
		{[]string{"sources", "add", "--db", db, "--every", "2m", "--follow-links", "https://news.example.org/feed.xml"}, exitOK, "source 1: https://news.example.org/feed.xml, every 2m0s"},
		{[]string{"sources", "add", "--db", db, "https://news.example.org/feed.xml"}, exitFailed, "already exists"},
		{[]string{"sources", "add", "--db", db, "--every", "10ms", "https://other.example.org/"}, exitUsage, "at least 1s"},
		{[]string{"sources", "pause", "--db", db, "1"}, exitOK, "sources 1: pause done"},
		{[]string{"sources", "list", "--db", db}, exitOK, "paused"},
		{[]string{"sources", "list", "--db", db, "--format", "json"}, exitOK, `"follow_links": true`},
		{[]string{"sources", "rm", "--db", db, "7"}, exitFailed, "no 7"},
		{[]string{"sources", "rm", "--db", db, "1"}, exitOK, "rm done"},
		{[]string{"sources", "frobnicate"}, exitUsage, "unknown verb"},
		{[]string{"sources", "--help"}, exitOK, "resume"},

		{[]string{"alerts", "add", "--db", db, "--owner", "ada", "--name", "big escapes", "--country", "NG", "--min-escaped", "100",
			"--on", "new_incident,estimate_changed", "--min-change", "20", "--webhook", "https://hooks.example.org/in"}, exitOK, "webhook secret"},
		{[]string{"alerts", "add", "--db", db, "--owner", "ada", "--name", "x", "--email", "ada@example.org", "--on", "rumour"}, exitUsage, `change "rumour"`},
		{[]string{"alerts", "add", "--db", db, "--name", "x"}, exitUsage, "owner"},
		{[]string{"alerts", "list", "--db", db}, exitOK, "new_incident,estimate_changed"},
		{[]string{"alerts", "test", "--db", db, "1"}, exitOK, "sample r1:new_incident:sample@"},
		{[]string{"alerts", "log", "--db", db}, exitOK, "retrying"},
		{[]string{"alerts", "pause", "--db", db, "1"}, exitOK, "pause done"},
		{[]string{"alerts", "rm", "--db", db, "1"}, exitOK, "rm done"},
	} {
		code, out, errOut := runCLI(t, tc.args...)
		if code != tc.wantCode || !strings.Contains(out+errOut, tc.wantOut) {
			t.Errorf("%s: code %d, output %q %q; want code %d and %q", strings.Join(tc.args, " "), code, out, errOut, tc.wantCode, tc.wantOut)
		}
	}
}
