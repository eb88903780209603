package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

func TestSTIXWaveIsACampaign(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 2, d, 0, 0, 0, 0, time.UTC) }
	wave := model.Wave{ID: "wave-1", Start: day(3), End: day(9), Incidents: []string{"inc-0001", "inc-0002", "inc-not-exported"},
		Countries: []string{"BF", "ML"}, Shared: []string{"Sahel Liberation Army"}, Observed: 3, Expected: 0.1, LLR: 12, PValue: 0.002,
		Method: model.WaveMethod{Name: "temporal-scan", Replications: 999, WindowDays: 30, MinIncidents: 3}}
	other := model.Wave{ID: "wave-2", Start: day(20), End: day(21), Incidents: []string{"inc-elsewhere"}}
	var buf bytes.Buffer
	if err := STIXWithWaves(&buf, stixFixture(), []model.Wave{wave, other}); err != nil {
		t.Fatal(err)
	}
	var doc stixDoc
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, e := range checkSTIX(doc) {
		t.Error(e)
	}
	waveID := stixID("campaign", "wave:wave-1")
	var found bool
	relations := map[string]int{}
	for _, o := range doc.Objects {
		if o["id"] == waveID {
			found = true
			if !strings.Contains(o["description"].(string), "p = 0.002") || o["first_seen"] != "2024-02-03T00:00:00.000Z" {
				t.Errorf("wave campaign %v: want its p-value and period", o)
			}
		}
		if o["id"] == stixID("campaign", "wave:wave-2") {
			t.Errorf("a wave with no exported incident was exported")
		}
		if o["type"] == "relationship" && (o["source_ref"] == waveID || o["target_ref"] == waveID) {
			relations[o["relationship_type"].(string)]++
		}
	}
	if !found || relations["related-to"] != 2 || relations["attributed-to"] != 1 {
		t.Errorf("wave campaign found %v, relationships %v: want 2 related-to (exported incidents) and 1 attributed-to (shared actor)", found, relations)
	}
}
