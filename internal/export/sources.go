package export

import (
	"path"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
)

// SourceURL is where a cited document was published: its URL, or its source when that is a web
// address; "" for a local file without a URL.
func SourceURL(d model.DocumentRef) string {
	if u := webURL(d.URL); u != "" {
		return u
	}
	return webURL(d.Source)
}

// Outlet names who published a cited document, as a reader would cite it: the host of its URL
// ("vanguardngr.com"); "" when only a local file is known, which is never shown.
func Outlet(d model.DocumentRef) string {
	return sourceHost(SourceURL(d))
}

// SourceLabel is how a page or an export names a cited document without a local path: its title,
// else its outlet, else the name of its file without folders, else its id.
func SourceLabel(d model.DocumentRef) string {
	switch {
	case d.Title != "":
		return d.Title
	case Outlet(d) != "":
		return Outlet(d)
	case d.Source != "" && !strings.Contains(d.Source, "://"):
		return path.Base(strings.ReplaceAll(d.Source, "\\", "/"))
	}
	return d.ID
}
