package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/wallwatch/wallwatch/internal/export"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// waveListData is the waves page: the last run's parameters and every wave it found.
type waveListData struct {
	Run    model.WaveAnalysis
	Method methodView
	Waves  []waveRow
}

// waveRow is one wave in the list.
type waveRow struct {
	Wave model.Wave
	Name string
}

// methodView is the test and its parameters, as the pages show them.
type methodView struct {
	Ran          bool
	ComputedAt   string
	Name         string
	By           string
	Reference    string
	Window       string
	MinIncidents int
	Alpha        string
	Replications int
	Seed         uint64
	Period       string
	Study        int
	Types        string
	Critical     string
}

func (w *Web) waveList(r *http.Request) (view, error) {
	run, err := w.cfg.Store.WaveAnalysis(r.Context())
	if err != nil {
		return view{}, err
	}
	d := waveListData{Run: run, Method: methodOf(run.Method)}
	d.Method.Ran = !run.ComputedAt.IsZero()
	if d.Method.Ran {
		d.Method.ComputedAt = run.ComputedAt.UTC().Format("2 Jan 2006 15:04 UTC")
	}
	if c := run.CriticalLLR; c != nil {
		d.Method.Critical = fmt.Sprintf("%.2f", *c)
	}
	for _, wave := range run.Waves {
		d.Waves = append(d.Waves, waveRow{Wave: wave, Name: export.WaveName(wave)})
	}
	return view{"waves", "Waves", d}, nil
}

func methodOf(m model.WaveMethod) methodView {
	types := make([]string, len(m.Types))
	for i, t := range m.Types {
		types[i] = typeLabel(t)
	}
	v := methodView{Name: m.Name, By: m.By, Reference: m.Reference, Window: plural(m.WindowDays, "day", "days"), MinIncidents: m.MinIncidents,
		Alpha: fmt.Sprintf("%g", m.Alpha), Replications: m.Replications, Seed: m.Seed, Study: m.StudyIncidents, Types: strings.Join(types, ", ")}
	if !m.Since.IsZero() {
		v.Period = m.Since.Format(model.DateLayout) + " to " + m.Until.Format(model.DateLayout)
	}
	return v
}

// waveData is a wave's page: its incidents on a map and a time line, the statistics and the
// evidence between each pair of incidents.
type waveData struct {
	Wave      model.Wave
	Name      string
	Days      int
	Incidents []model.Incident
	Missing   int // incidents of the wave relinked or removed since the analysis ran
	Map       mapView
	Strip     *stripChart
	Links     []linkRow
	Method    methodView
}

// linkRow is the evidence between two incidents, named for people.
type linkRow struct {
	Link   model.WaveLink
	A, B   string
	Weight string
}

func (w *Web) wave(r *http.Request) (view, error) {
	wave, err := w.cfg.Store.Wave(r.Context(), r.PathValue("id"))
	if err != nil {
		return view{}, err
	}
	d := waveData{Wave: wave, Name: export.WaveName(wave), Days: int(wave.End.Sub(wave.Start).Hours()/24) + 1, Method: methodOf(wave.Method)}
	titles := map[string]string{}
	for _, id := range wave.Incidents {
		inc, err := w.cfg.Store.Incident(r.Context(), id)
		if errors.Is(err, store.ErrNotFound) {
			d.Missing++
			continue
		}
		if err != nil {
			return view{}, err
		}
		d.Incidents = append(d.Incidents, inc)
		titles[id] = incidentTitle(inc) + ", " + formatDate(inc.Date)
	}
	for _, l := range wave.Links {
		d.Links = append(d.Links, linkRow{Link: l, A: orID(titles[l.A], l.A), B: orID(titles[l.B], l.B),
			Weight: fmt.Sprintf("%.2f", l.Weight)})
	}
	d.Map, d.Strip = w.mapOf(d.Incidents, false), incidentStrip(d.Incidents)
	return view{"wave", d.Name, d}, nil
}

func orID(title, id string) string {
	if title == "" {
		return id
	}
	return title
}
