package model

import "time"

// Document is one ingested article: its original bytes, its normalised text and what is known
// about where and when it was published.
type Document struct {
	ID          string // derived from ContentHash: the same text always gets the same id
	Source      string // the path or URL it was ingested from
	URL         string // canonical URL when the page or header names one
	Title       string
	Published   *time.Time // publication date (UTC midnight) or nil when unknown
	IngestedAt  time.Time
	Format      string // text, html, rss, atom, jsonl (with a .gz suffix when it came compressed)
	ContentType string // media type of the original bytes
	Language    string // ISO 639-1 guess, "" when unsure
	ContentHash string // hex SHA-256 of Text
	Fingerprint uint64 // SimHash of Text, for near-duplicate detection
	DuplicateOf string // id of the first document this one is a near-duplicate of, "" if none
	Raw         []byte // the original bytes as read or fetched
	Text        string // UTF-8 NFC, whitespace folded, control characters removed
	TLP         TLP    // its sharing marking; "" is taken as CLEAR when stored
	Org         string // the organisation that ingested and owns it, "" none (no accounts)
}
