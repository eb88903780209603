package web

import (
	"path"
	"strings"

	"github.com/wallwatch/wallwatch/internal/export"
	"github.com/wallwatch/wallwatch/internal/model"
)

// A page names a source by its outlet (the publisher's host), title and URL, and never by the local
// path it was ingested from: that path means nothing to a reader and tells about the ingesting machine.

// claimantLabel is who put a figure forward. When extraction found no one named in the text, it
// names the document itself (its title, host or file); then the outlet is the claimant a reader knows.
func claimantLabel(c model.Claim, docs map[string]model.DocumentRef) string {
	d, ok := docs[c.DocumentID]
	name := strings.TrimSpace(c.Claimant)
	switch {
	case name == "":
		return "unnamed"
	case !ok:
		return strings.TrimPrefix(name, "www.")
	case name == d.Title || name == d.Source || name == d.ID || name == fileName(d.Source) ||
		strings.TrimPrefix(name, "www.") == export.Outlet(d):
		if o := export.Outlet(d); o != "" {
			return o
		}
		return "the report"
	}
	return name
}

// fileName is the last element of a local path.
func fileName(p string) string { return path.Base(strings.ReplaceAll(p, "\\", "/")) }
