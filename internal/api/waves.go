package api

import (
	"net/http"

	"github.com/wallwatch/wallwatch/internal/export"
)

// listWaves serves the last run of wave detection: its parameters and every wave it found.
func (a *API) listWaves(w http.ResponseWriter, r *http.Request) error {
	if err := checkKnown(r.URL.Query()); err != nil {
		return err
	}
	run, err := a.cfg.Store.WaveAnalysis(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, export.FromWaveAnalysis(run))
}

func (a *API) getWave(w http.ResponseWriter, r *http.Request) error {
	if err := checkKnown(r.URL.Query()); err != nil {
		return err
	}
	wave, err := a.cfg.Store.Wave(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, export.FromWave(wave))
}
