package ingest

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/model"
)

// header is what the DATE/URL/TITLE block at the top of a text file says.
type header struct {
	Published *time.Time // nil when absent or "unknown"
	URL       string
	Title     string
}

// parseHeader splits a text into its header and its body. A header is one or more lines
// "KEY: value" (KEY one of DATE, URL, TITLE, any case) at the very top, ended by a blank line (or
// by the first other line); a text whose first line is not such a line has no header. A DATE that
// is neither YYYY-MM-DD (optionally followed by a time) nor "unknown" is an error, but the rest of
// the header and the body are still returned.
func parseHeader(s string) (h header, body string, err error) {
	s = strings.TrimPrefix(s, "\uFEFF")
	rest := s
	for rest != "" {
		line, after, _ := strings.Cut(rest, "\n")
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" && rest != s { // a blank line ends a header, never starts one
			return h, after, err
		}
		key, value, ok := headerLine(line)
		if !ok {
			break
		}
		switch key {
		case "DATE":
			h.Published, err = headerDate(value, err)
		case "URL":
			h.URL = value
		case "TITLE":
			h.Title = value
		}
		rest = after
	}
	return h, rest, err
}

// headerLine splits "KEY: value" when KEY is a header key.
func headerLine(line string) (key, value string, ok bool) {
	key, value, ok = strings.Cut(line, ":")
	if !ok {
		return "", "", false
	}
	key = strings.ToUpper(strings.TrimSpace(key))
	switch key {
	case "DATE", "URL", "TITLE":
		return key, strings.TrimSpace(value), true
	}
	return "", "", false
}

// headerDate reads a header DATE value, joining a complaint to err when it is not a date.
func headerDate(value string, err error) (*time.Time, error) {
	if value == "" || strings.EqualFold(value, "unknown") {
		return nil, err
	}
	if t, ok := parseDay(value); ok {
		return &t, err
	}
	return nil, errors.Join(err, fmt.Errorf("header DATE %q is not YYYY-MM-DD or unknown", value))
}

// parseDay reads a date that starts with YYYY-MM-DD and returns that day's UTC midnight.
func parseDay(s string) (time.Time, bool) {
	if len(s) < len(model.DateLayout) {
		return time.Time{}, false
	}
	if len(s) > len(model.DateLayout) && !strings.ContainsRune("T ", rune(s[len(model.DateLayout)])) {
		return time.Time{}, false
	}
	t, err := time.Parse(model.DateLayout, s[:len(model.DateLayout)])
	return t, err == nil
}

// readText reads a plain-text document with an optional header.
func readText(data []byte, contentType string) (model.Document, error) {
	h, body, err := parseHeader(decodeText(data, contentType))
	doc := model.Document{
		Format:      FormatText,
		ContentType: "text/plain",
		URL:         h.URL,
		Title:       h.Title,
		Published:   h.Published,
		Text:        body,
	}
	if doc.Title == "" {
		doc.Title = guessTitle(body)
	}
	return doc, err
}

// Limits of a first line that may be taken for a title.
const (
	maxTitleRunes = 200
	maxTitleWords = 25
)

// guessTitle returns the first line of body when it looks like a headline: short, not ending like
// a sentence in the middle of a paragraph, and followed by more text.
func guessTitle(body string) string {
	body = strings.TrimLeft(body, " \t\r\n")
	line, rest, ok := strings.Cut(body, "\n")
	line = strings.TrimSpace(line)
	switch {
	case !ok || strings.TrimSpace(rest) == "" || line == "":
		return ""
	case utf8.RuneCountInString(line) > maxTitleRunes || len(strings.Fields(line)) > maxTitleWords:
		return ""
	case strings.ContainsAny(line[len(line)-1:], ".,;:"):
		return ""
	}
	return line
}
