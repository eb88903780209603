// Package ingest owns the first stage of wallwatch's pipeline: it turns files, URLs and feeds into
// model.Document values. It reads plain text (with an optional DATE/URL/TITLE header), HTML (main
// text, title, canonical URL and publication date), RSS and Atom feeds, JSON Lines and gzip of any
// of these; fetches URLs through a guarded HTTP client that refuses private addresses; and
// normalises text, hashes it and fingerprints it for near-duplicate detection.
//
// The package has no store: the pipeline stores what Load emits and checks Fingerprint against
// the documents it already holds.
package ingest
