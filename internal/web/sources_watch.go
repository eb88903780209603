package web

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/alert"
	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/auth"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/watch"
)

// The watch page (/watch) shows the watched sources with their health, the alert rules and the
// delivery log, with forms that add, pause, resume, test and remove them. Its forms post to
// /watch/...; each answers with the page and a message saying what it did.

func (w *Web) watchRoutes() []route {
	return []route{
		{"GET /watch", w.page(func(r *http.Request) (view, error) { return w.watchView(r, "", "") })},
		{"POST /watch/sources", w.page(w.addWatchSource)},
		{"POST /watch/sources/{id}/{action}", w.page(w.actions(w.sourceActions()))},
		{"POST /watch/rules", w.page(w.addRule)},
		{"POST /watch/rules/{id}/{action}", w.page(w.actions(w.ruleActions()))},
	}
}

// watchData is what the watch page shows.
type watchData struct {
	Sources    []api.SourceJSON
	Rules      []api.RuleJSON
	Deliveries []api.DeliveryJSON
	Message    string // what the last action did
	Problem    string // why it failed
	Changes    []model.Change
	Markings   []model.TLP
	Alerting   bool // alerts run in this server: "send a sample" works
}

func (w *Web) watchView(r *http.Request, message, problem string) (view, error) {
	ctx := r.Context()
	srcs, err := w.cfg.Store.WatchSources(ctx)
	if err != nil {
		return view{}, err
	}
	rules, err := w.cfg.Store.AlertRules(ctx)
	if err != nil {
		return view{}, err
	}
	logs, err := w.cfg.Store.DeliveryLogs(ctx, 0, 50)
	if err != nil {
		return view{}, err
	}
	d := watchData{Message: message, Problem: problem, Changes: model.Changes, Markings: model.TLPs, Alerting: w.cfg.Watch.Alerts != nil}
	now := time.Now()
	for _, s := range srcs {
		d.Sources = append(d.Sources, api.SourceView(s, now))
	}
	for _, rule := range rules {
		d.Rules = append(d.Rules, api.RuleView(rule))
	}
	for _, l := range logs {
		d.Deliveries = append(d.Deliveries, api.DeliveryView(l))
	}
	return view{"watch", "Watch and alerts", d}, nil
}

func (w *Web) addWatchSource(r *http.Request) (view, error) {
	interval, err := time.ParseDuration(cmp.Or(r.FormValue("every"), "15m"))
	if err != nil {
		return w.watchView(r, "", fmt.Sprintf("poll every %q: write a duration such as 30s, 15m or 1h", r.FormValue("every")))
	}
	src, err := watch.NewSource(strings.TrimSpace(r.FormValue("url")), interval, r.FormValue("follow_links") != "", time.Now())
	if err != nil {
		return w.watchView(r, "", err.Error())
	}
	if src.TLP, src.Org, err = api.Marking(r.FormValue("tlp"), auth.PrincipalFrom(r.Context())); err != nil {
		return w.watchView(r, "", err.Error())
	}
	if _, err := w.cfg.Store.AddWatchSource(r.Context(), src); err != nil {
		if errors.Is(err, store.ErrDuplicate) {
			return w.watchView(r, "", src.URL+" is watched already")
		}
		return view{}, err
	}
	return w.watchView(r, "Watching "+src.URL+": the first poll starts now.", "")
}

func (w *Web) addRule(r *http.Request) (view, error) {
	rule, err := ruleFromForm(r)
	if err == nil {
		err = alert.CheckRule(&rule)
	}
	api.OwnRule(&rule, auth.PrincipalFrom(r.Context()))
	if err != nil {
		return w.watchView(r, "", err.Error())
	}
	if rule.ID, err = w.cfg.Store.AddAlertRule(r.Context(), rule); err != nil {
		return view{}, err
	}
	msg := fmt.Sprintf("Rule %q saved.", rule.Name)
	if rule.Webhook != "" {
		msg += " Webhook secret (shown this once, to verify the " + alert.HeaderSignature + " header): " + rule.Secret
	}
	return w.watchView(r, msg, "")
}

// ruleFromForm reads the new-rule form; lists are comma-separated, types and changes checkboxes.
func ruleFromForm(r *http.Request) (model.AlertRule, error) {
	rule := model.AlertRule{Owner: r.FormValue("owner"), Name: r.FormValue("name"), Webhook: strings.TrimSpace(r.FormValue("webhook")),
		Secret: r.FormValue("secret"), Email: strings.TrimSpace(r.FormValue("email")), Digest: r.FormValue("digest"), CreatedAt: time.Now().UTC()}
	text := alert.RuleText{Countries: r.FormValue("countries"), Actors: r.FormValue("actors"), Campaigns: r.FormValue("campaigns"),
		BBox: r.FormValue("bbox"), Precision: r.FormValue("precision"),
		Types: strings.Join(r.Form["type"], ","), Changes: strings.Join(r.Form["change"], ",")}
	f := &rule.Filter
	f.Facility = strings.TrimSpace(r.FormValue("facility"))
	var errs []error
	number := func(name string) float64 {
		v := strings.TrimSpace(r.FormValue(name))
		if v == "" {
			return 0
		}
		n, err := strconv.ParseFloat(v, 64)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s %q: not a number", strings.ReplaceAll(name, "_", " "), v))
		}
		return n
	}
	f.MinEscaped, f.MinSources, rule.MinChange = int(number("min_escaped")), int(number("min_sources")), number("min_change")
	errs = append(errs, text.Apply(&rule))
	return rule, errors.Join(errs...)
}

// actionFunc does one of the actions a form on the watch page posts and says what it did.
type actionFunc func(ctx context.Context, id int64) (string, error)

// actions runs the action the path names ({action}) on the record it names ({id}).
func (w *Web) actions(byName map[string]actionFunc) pageFunc {
	return func(r *http.Request) (view, error) {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		do, ok := byName[r.PathValue("action")]
		if err != nil || !ok {
			return view{}, store.ErrNotFound
		}
		msg, err := do(r.Context(), id)
		if err != nil {
			return view{}, err
		}
		return w.watchView(r, msg, "")
	}
}

func (w *Web) sourceActions() map[string]actionFunc {
	s := w.cfg.Store
	return map[string]actionFunc{
		"pause": func(ctx context.Context, id int64) (string, error) {
			return "Source paused.", s.PauseWatchSource(ctx, id, true, time.Now())
		},
		"resume": func(ctx context.Context, id int64) (string, error) {
			return "Source resumed.", s.PauseWatchSource(ctx, id, false, time.Now())
		},
		"delete": func(ctx context.Context, id int64) (string, error) {
			return "Source removed.", s.DeleteWatchSource(ctx, id)
		},
	}
}

func (w *Web) ruleActions() map[string]actionFunc {
	s := w.cfg.Store
	return map[string]actionFunc{
		"pause": func(ctx context.Context, id int64) (string, error) {
			return "Rule paused.", s.PauseAlertRule(ctx, id, true)
		},
		"resume": func(ctx context.Context, id int64) (string, error) {
			return "Rule resumed.", s.PauseAlertRule(ctx, id, false)
		},
		"delete": func(ctx context.Context, id int64) (string, error) {
			return "Rule deleted.", s.DeleteAlertRule(ctx, id)
		},
		"test": func(ctx context.Context, id int64) (string, error) {
			if w.cfg.Watch.Alerts == nil {
				return "", errors.New("alerts do not run in this server")
			}
			_, err := w.cfg.Watch.Alerts.Sample(ctx, id)
			return "A sample is on its way: see the delivery log below.", err
		},
	}
}
