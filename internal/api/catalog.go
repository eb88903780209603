package api

import (
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// ActorSummary is an actor with the number of incidents attributed to it.
type ActorSummary struct {
	Name      string   `json:"name"`
	Kind      string   `json:"kind,omitempty"`
	Parent    string   `json:"parent,omitempty"`
	Country   string   `json:"country,omitempty"`
	Aliases   []string `json:"aliases"`
	Incidents int      `json:"incidents"`
}

// MergeActors joins the actor dictionary with the perpetrator counts of the incidents: every
// counted actor (with its dictionary entry when it has one) and, when all is set, the dictionary
// entries no incident names. Most active first.
func MergeActors(dict []model.Actor, counts []store.FacetCount, all bool) []ActorSummary {
	byName := map[string]model.Actor{}
	for _, a := range dict {
		byName[strings.ToLower(a.Name)] = a
	}
	out := []ActorSummary{}
	counted := map[string]bool{}
	for _, c := range counts {
		a, ok := byName[strings.ToLower(c.Value)]
		if !ok {
			a = model.Actor{Name: c.Value}
		}
		counted[strings.ToLower(a.Name)] = true
		out = append(out, summary(a, c.Count))
	}
	if all {
		for _, a := range dict {
			if !counted[strings.ToLower(a.Name)] {
				out = append(out, summary(a, 0))
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Incidents != out[j].Incidents {
			return out[i].Incidents > out[j].Incidents
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func summary(a model.Actor, n int) ActorSummary {
	aliases := a.Aliases
	if aliases == nil {
		aliases = []string{}
	}
	return ActorSummary{Name: a.Name, Kind: a.Kind, Parent: a.Parent, Country: a.Country, Aliases: aliases, Incidents: n}
}

func (a *API) listActors(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	if err := checkKnown(v, "all"); err != nil {
		return err
	}
	all, err := boolParam(v.Get("all"), "all")
	if err != nil {
		return err
	}
	counts, err := a.cfg.Store.ActorCounts(r.Context())
	if err != nil {
		return err
	}
	var dict []model.Actor
	if a.cfg.Actors != nil {
		dict = a.cfg.Actors()
	}
	return writeJSON(w, http.StatusOK, struct {
		Actors []ActorSummary `json:"actors"`
	}{MergeActors(dict, counts, all)})
}

// CampaignSummary is a campaign on the wire.
type CampaignSummary struct {
	Name      string   `json:"name"`
	Actor     string   `json:"actor,omitempty"`
	Start     *string  `json:"start"`
	End       *string  `json:"end"`
	Incidents []string `json:"incidents"`
}

func (a *API) listCampaigns(w http.ResponseWriter, r *http.Request) error {
	if err := checkKnown(r.URL.Query()); err != nil {
		return err
	}
	cs, err := a.cfg.Store.Campaigns(r.Context())
	if err != nil {
		return err
	}
	out := make([]CampaignSummary, 0, len(cs))
	for _, c := range cs {
		out = append(out, CampaignSummary{Name: c.Name, Actor: c.Actor, Start: dayPtr(c.Start), End: dayPtr(c.End), Incidents: nonNil(c.Incident)})
	}
	return writeJSON(w, http.StatusOK, struct {
		Campaigns []CampaignSummary `json:"campaigns"`
	}{out})
}

func dayPtr(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.Format(model.DateLayout)
	return &s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
