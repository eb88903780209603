package api

import (
	"io"
	"net/http"

	"github.com/wallwatch/wallwatch/internal/export"
	"github.com/wallwatch/wallwatch/internal/model"
)

// exportFormat is one download format of the incidents.
type exportFormat struct {
	extension   string
	contentType string
	write       func(io.Writer, []model.Incident) error
}

var (
	exportJSON    = exportFormat{"json", "application/json", export.JSON}
	exportCSV     = exportFormat{"csv", "text/csv; charset=utf-8", export.CSV}
	exportGeoJSON = exportFormat{"geojson", "application/geo+json", export.GeoJSON}
	exportSTIX    = exportFormat{"stix", "application/stix+json;version=2.1", export.STIX}
)

// export serves every matching incident (no limit unless one is given) in one format.
func (a *API) export(f exportFormat) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		v := r.URL.Query()
		if err := checkKnown(v, IncidentParams...); err != nil {
			return err
		}
		v, err := a.names().Resolve(v)
		if err != nil {
			return err
		}
		q, err := ParseIncidentQuery(v, Limits{})
		if err != nil {
			return err
		}
		incs, _, err := a.cfg.Store.Incidents(r.Context(), q)
		if err != nil {
			return err
		}
		if err := a.cfg.Store.AddDocumentURLs(r.Context(), incs); err != nil {
			return err
		}
		w.Header().Set("Content-Type", f.contentType)
		w.Header().Set("Content-Disposition", `attachment; filename="wallwatch-incidents.`+f.extension+`"`)
		if err := f.write(w, incs); err != nil {
			// The status line is gone; all that is left is to log and cut the response short.
			a.log.WarnContext(r.Context(), "export interrupted", "format", f.extension, "err", err)
		}
		return nil
	}
}
