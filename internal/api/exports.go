package api

import (
	"io"
	"net/http"

	"github.com/wallwatch/wallwatch/internal/export"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// exportFormat is one download format of the incidents.
type exportFormat struct {
	extension   string
	contentType string
	write       func(io.Writer, []model.Incident) error
	withWaves   func(io.Writer, []model.Incident, []model.Wave) error // formats that also carry waves
}

var (
	exportJSON    = exportFormat{"json", "application/json", export.JSON, nil}
	exportCSV     = exportFormat{"csv", "text/csv; charset=utf-8", export.CSV, nil}
	exportGeoJSON = exportFormat{"geojson", "application/geo+json", export.GeoJSON, nil}
	exportSTIX    = exportFormat{"stix", "application/stix+json;version=2.1", export.STIX, export.STIXWithWaves}
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
		if err == nil && store.ByDate(q.Sort) {
			err = a.cfg.Store.InReadingOrder(r.Context(), incs)
		}
		if err != nil {
			return err
		}
		write := f.write
		if f.withWaves != nil {
			run, err := a.cfg.Store.WaveAnalysis(r.Context())
			if err != nil {
				return err
			}
			write = func(w io.Writer, incs []model.Incident) error { return f.withWaves(w, incs, run.Waves) }
		}
		w.Header().Set("Content-Type", f.contentType)
		w.Header().Set("Content-Disposition", `attachment; filename="wallwatch-incidents.`+f.extension+`"`)
		if err := write(w, incs); err != nil {
			// The status line is gone; all that is left is to log and cut the response short.
			a.log.WarnContext(r.Context(), "export interrupted", "format", f.extension, "err", err)
		}
		return nil
	}
}
