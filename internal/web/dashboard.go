package web

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"net/http"
	"sort"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

type dashboardData struct {
	Totals    store.Totals
	Documents int
	Map       mapView
	Timeline  barChart
	ByType    []mark
	Latest    []model.Incident
	Contested []contestedFigure
}

// contestedFigure is a figure sources disagree on, with how far apart they are.
type contestedFigure struct {
	Incident model.Incident
	Metric   model.Metric
	Estimate model.Estimate
	Ratio    float64 // high / low
	Sources  int
	Chart    rangeChart
}

const (
	latestCount    = 6
	contestedCount = 5
	timelineMonths = 120
)

func (w *Web) dashboardPage(r *http.Request) (view, error) {
	mark, err := w.cfg.Store.ChangeMark(r.Context())
	if err != nil {
		return view{}, err
	}
	// Every visitor who may see the same documents sees the same dashboard, and building it reads
	// the whole store; it may be built again after this request has ended.
	ctx := context.WithoutCancel(r.Context())
	aud := store.AudienceFrom(ctx).Key()
	d, current, err := w.dashboard.get(aud, mark, func() (dashboardData, error) { return w.dashboardData(ctx) })
	if err != nil {
		return view{}, err
	}
	render := func() ([]byte, error) {
		var buf bytes.Buffer
		if err := w.pages["dashboard"].ExecuteTemplate(&buf, "dashboard", d); err != nil {
			return nil, fmt.Errorf("render the dashboard: %w", err)
		}
		return buf.Bytes(), nil
	}
	var content []byte
	if current { // kept as the incident list is (incidentList)
		content, err = w.cfg.Cache.Get("dashboard|"+aud, mark, render)
	} else {
		content, err = render()
	}
	if err != nil {
		return view{}, err
	}
	return view{"dashboard", "Dashboard", template.HTML(content)}, nil // html/template escaped it
}

func (w *Web) dashboardData(ctx context.Context) (dashboardData, error) {
	var d dashboardData
	var err error
	if d.Totals, err = w.cfg.Store.IncidentTotals(ctx, store.IncidentQuery{}); err != nil {
		return d, err
	}
	if d.Documents, err = w.cfg.Store.CountDocuments(ctx); err != nil {
		return d, err
	}
	onMap, err := w.cfg.Store.MapIncidents(ctx, store.IncidentQuery{}, mapLimit)
	if err != nil {
		return d, err
	}
	d.Map = w.mapOf(onMap, true)
	d.Map.AreaFilter = "/incidents"
	if d.Latest, _, err = w.cfg.Store.Incidents(ctx, store.IncidentQuery{Limit: latestCount, Brief: true}); err != nil {
		return d, err
	}
	months, err := w.cfg.Store.MonthlyCounts(ctx, store.IncidentQuery{})
	if err != nil {
		return d, err
	}
	d.Timeline = monthlyChart(months, timelineMonths)
	types, err := w.cfg.Store.IncidentTypeCounts(ctx, store.IncidentQuery{}, 10)
	if err != nil {
		return d, err
	}
	d.ByType = breakdown(types, "type")
	contested, err := w.cfg.Store.ContestedIncidents(ctx, 200)
	if err != nil {
		return d, err
	}
	d.Contested = mostContested(contested, contestedCount)
	return d, nil
}

// mostContested ranks the contested figures of incidents by how far apart the sources are.
func mostContested(incs []model.Incident, n int) []contestedFigure {
	var out []contestedFigure
	for _, inc := range incs {
		for _, m := range model.Metrics {
			e, ok := inc.Metrics[m]
			if !ok || !e.Contested || e.High == nil {
				continue
			}
			low := max(valueOr(e.Low, 1), 1)
			out = append(out, contestedFigure{Incident: inc, Metric: m, Estimate: e,
				Ratio: float64(*e.High) / float64(low), Sources: sourceCount(e.Claims), Chart: claimRange(e)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Ratio > out[j].Ratio })
	return out[:min(n, len(out))]
}

// sourceCount counts the distinct claimants behind a figure.
func sourceCount(claims []model.Claim) int {
	seen := map[string]bool{}
	for _, c := range claims {
		seen[c.Claimant+"\x00"+c.DocumentID] = true
	}
	return len(seen)
}
