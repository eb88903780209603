package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// jsonRecord is one line of a JSON Lines file. Exactly one of Text and HTML carries the body.
type jsonRecord struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
}

// maxLineErrors caps the errors one JSON Lines file reports line by line; a file that is not
// JSON Lines at all would otherwise report every line.
const maxLineErrors = 10

// readJSONL reads one document per non-blank line. A line that is not a JSON object with a text
// or html field is an error naming its line number; the other lines still come. A file that is
// one (pretty-printed) JSON object is one record; a JSON array of objects is one record each.
func readJSONL(data []byte) ([]model.Document, []error) {
	records, where := jsonRecords(data)
	var docs []model.Document
	var errs []error
	broken := 0
	for i, rec := range records {
		rec = bytes.TrimSpace(rec)
		if len(rec) == 0 {
			continue
		}
		doc, err := jsonLine(rec)
		if err != nil {
			if broken++; broken <= maxLineErrors {
				errs = append(errs, fmt.Errorf("%s %d: %w", where, i+1, err))
			}
		}
		if doc.Text != "" {
			docs = append(docs, doc)
		}
	}
	if broken > maxLineErrors {
		errs = append(errs, fmt.Errorf("%d more broken %ss not shown", broken-maxLineErrors, where))
	}
	return docs, errs
}

// jsonRecords splits data into records and says what one is called in errors.
func jsonRecords(data []byte) (records [][]byte, where string) {
	trimmed := bytes.TrimSpace(data)
	if bytes.HasPrefix(trimmed, []byte("[")) {
		var elems []json.RawMessage
		if json.Unmarshal(trimmed, &elems) == nil {
			for _, e := range elems {
				records = append(records, e)
			}
			return records, "record"
		}
	}
	if isJSONObject(trimmed) {
		return [][]byte{trimmed}, "line"
	}
	return bytes.Split(data, []byte("\n")), "line"
}

// jsonLine reads one record. A bad published date is reported but keeps the document.
func jsonLine(line []byte) (model.Document, error) {
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return model.Document{}, fmt.Errorf("invalid JSON: %w", err)
	}
	if strings.TrimSpace(rec.Text) == "" && strings.TrimSpace(rec.HTML) == "" {
		return model.Document{}, errors.New(`no "text" or "html"`)
	}
	doc := model.Document{
		Format:      FormatJSONL,
		ContentType: "application/jsonl",
		Title:       rec.Title,
		URL:         rec.URL,
		Text:        withTitle(rec.Title, rec.Text),
	}
	if rec.HTML != "" && strings.TrimSpace(rec.Text) == "" {
		page, err := readHTML([]byte(rec.HTML), "text/html; charset=utf-8", rec.URL)
		if err != nil {
			return model.Document{}, err
		}
		doc.Text, doc.URL, doc.Published, doc.Language = page.Text, page.URL, page.Published, page.Language
		if doc.Title == "" {
			doc.Title = page.Title
		}
	}
	doc.Raw = line
	if rec.Published == "" {
		return doc, nil
	}
	day, err := parseDate(rec.Published)
	if err != nil {
		return doc, err
	}
	doc.Published = day
	return doc, nil
}

// dateLayouts are the forms a publication date takes in JSON Lines, most common first.
var dateLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", model.DateLayout,
	time.RFC1123Z, time.RFC1123}

// parseDate reads a publication date and returns its day.
func parseDate(s string) (*time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return dayOf(t), nil
		}
	}
	return nil, fmt.Errorf("published %q is not a date (want YYYY-MM-DD or RFC 3339)", s)
}
