// Package extract turns a document's text into mentions of incidents: it splits the text into
// sentences and update sections, reads dates, figures, places, facilities, actors and claims,
// and groups them into one mention per incident the document tells. It sits between ingest and
// link in the pipeline and is pure: no I/O, no store, only the model types and the reference
// data it is given. Offsets are bytes internally and runes in the mentions it returns.
package extract
