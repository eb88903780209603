package link

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

func TestBuild(t *testing.T) {
	cluster := []model.Mention{
		mention(t, `c#0 salience=secondary type=mass_escape date=2020-08-01 prec=month country=XA place=Edrin geo=place perp="Islamic State"`),
		mention(t, `a#1 salience=primary type=facility_attack date=2020-08-02 country=XA admin1=Nolan place=Edrin geo=facility facility="Nolan prison" perp="Islamic State Khorasan Province"`),
		mention(t, `b#0 salience=primary type=facility_attack date=2020-08-03 country=XA place=Edrin geo=facility facility="Nolan Central Prison" perp=Taliban`),
		mention(t, `d#0 salience=secondary type=mass_escape date=2020-08-02 country=XA place=Edrin geo=place`),
		mention(t, `e#0 salience=primary type=mass_escape date=2020-08-02 country=XA place=Edrin geo=place`),
	}
	cluster[1].Methods = []string{"vbied", "suicide_attack"}
	cluster[2].Methods = []string{"vbied"}
	cluster[0].Campaigns = []string{"Breaking the Walls"}
	cluster[1].Claims = []model.Claim{{Metric: model.Escaped, Low: ip(300), High: ip(300), Qualifier: "exact", DocumentID: "a"}}
	cluster[3].Claims = []model.Claim{{Metric: model.Killed, Low: ip(29), Qualifier: "more_than", DocumentID: "d"}}
	early := time.Date(2020, 8, 3, 0, 0, 0, 0, time.UTC)
	docs := map[string]model.DocumentRef{
		"b": {ID: "b", Source: "b.txt", Published: &early},
		"e": {ID: "e", Source: "e.txt", DuplicateOf: "b"}, // a copy of b: does not vote
	}
	inc := Build(cluster, docs, isFamily)

	if want := ClusterID([]model.Mention{cluster[1]}); inc.ID != want {
		t.Errorf("ID = %s, want %s (from a#1, the first key)", inc.ID, want)
	}
	if inc.Type != model.FacilityAttack {
		t.Errorf("Type = %s, want facility_attack (4 votes against 1 once the copy is left out)", inc.Type)
	}
	if got := inc.Date.Start.Format(model.DateLayout); got != "2020-08-02" || inc.Date.Precision != model.PrecisionDay {
		t.Errorf("Date = %s %s, want 2020-08-02 day (3 votes against 2; the copy e#0 does not vote)", got, inc.Date.Precision)
	}
	if inc.Place.Precision != model.GeoFacility || inc.Place.Admin1 != "Nolan" || inc.Place.Name != "Edrin" {
		t.Errorf("Place = %+v, want the facility-level place of a#1 with admin1 Nolan", inc.Place)
	}
	if inc.Facility != "Nolan Central Prison" {
		t.Errorf("Facility = %q, want the longer of two spellings of one name", inc.Facility)
	}
	if got := strings.Join(inc.Perpetrators, ","); got != "Islamic State Khorasan Province,Taliban" {
		t.Errorf("Perpetrators = %s, want the branch over its root, and the union", got)
	}
	if got := strings.Join(inc.Methods, ","); got != "suicide_attack,vbied" {
		t.Errorf("Methods = %s, want suicide_attack,vbied", got)
	}
	if !slices.Equal(inc.Campaigns, []string{"Breaking the Walls"}) {
		t.Errorf("Campaigns = %v, want [Breaking the Walls]", inc.Campaigns)
	}
	var ids []string
	for _, d := range inc.Documents {
		ids = append(ids, d.ID)
	}
	if got := strings.Join(ids, ","); got != "b,a,c,d,e" {
		t.Errorf("Documents = %s, want b,a,c,d,e (dated first, then by id)", got)
	}
	if e := inc.Metrics[model.Escaped]; e.Best == nil || *e.Best != 300 {
		t.Errorf("escaped = %s, want best 300", estimateString(e))
	}
	if e := inc.Metrics[model.Killed]; e.Best == nil || *e.Best != 29 {
		t.Errorf("killed = %s, want best 29", estimateString(e))
	}
}

// decided is what the tally of mentions that all vote decides.
func decided(ms []model.Mention) model.Incident {
	var vs []Vote
	for _, m := range ms {
		vs = append(vs, Votes(m, true)...)
	}
	return Decide(Tally(vs), nil)
}

func TestChooseFacility(t *testing.T) {
	tests := []struct {
		names []string
		want  string
	}{
		{[]string{"Kabba prison", "Kabba prison", "Kabba Medium Security Custodial Centre"}, "Kabba Medium Security Custodial Centre"},
		{[]string{"the prison", "the prison", "Sorel prison"}, "Sorel prison"},
		{[]string{"Beni prison", "Kolondo prison", "Kolondo prison"}, "Kolondo prison"},
		{[]string{"Beni prison", "Kolondo prison"}, "Kolondo prison"},
		{[]string{"", "the jail"}, "the jail"},
		{[]string{"سجن الطمة الكبير", "Tammeh prison"}, "Tammeh prison"}, // equal support: the Latin script
		{[]string{"سجن الطمة", "سجن الطمة", "Tammeh prison"}, "سجن الطمة"},
		{nil, ""},
	}
	for _, tt := range tests {
		var ms []model.Mention
		for _, n := range tt.names {
			ms = append(ms, model.Mention{Facility: n})
		}
		if got := decided(ms).Facility; got != tt.want {
			t.Errorf("chooseFacility(%q) = %q, want %q", tt.names, got, tt.want)
		}
	}
}

func TestChooseDateSpan(t *testing.T) {
	ms := []model.Mention{
		mention(t, "a#0 date=2022-01-20 end=2022-01-30"),
		mention(t, "b#0 date=2022-01-20"),
		mention(t, "c#0 date=2022-01-01 prec=month"),
	}
	d := decided(ms).Date
	if d.Start.Format(model.DateLayout) != "2022-01-20" || d.End == nil || d.End.Format(model.DateLayout) != "2022-01-30" {
		t.Errorf("got %v..%v, want 2022-01-20..2022-01-30", d.Start, d.End)
	}
	if got := decided(nil).Date; !got.IsZero() {
		t.Errorf("got %v for no mentions, want the zero date", got)
	}
}

func TestBuildTypeVoteTies(t *testing.T) {
	ms := []model.Mention{
		mention(t, "a#0 type=riot"),
		mention(t, "b#0 type=mass_escape"),
	}
	if got := decided(ms).Type; got != model.MassEscape {
		t.Errorf("got %s, want mass_escape (precedence over riot)", got)
	}
}

func TestChooseDateTie(t *testing.T) {
	ms := []model.Mention{
		mention(t, "a#0 salience=primary date=2021-11-09"),
		mention(t, "b#0 salience=primary date=2021-11-08"),
	}
	if got := decided(ms).Date.Start.Format(model.DateLayout); got != "2021-11-08" {
		t.Errorf("got %s, want 2021-11-08 (the earlier of two equally cited days)", got)
	}
}
