package actors

import (
	"slices"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
)

func TestGet(t *testing.T) {
	d := loadT(t)
	tests := []struct {
		name, want string
		ok         bool
	}{
		{"Islamic State", "Islamic State", true},
		{"ISIS", "Islamic State", true},
		{"  Daesh ", "Islamic State", true},
		{"islamic state of iraq and the levant", "Islamic State", true},
		{"ISKP", "Islamic State Khorasan Province", true},
		{"Wilayat Khorasan", "Islamic State Khorasan Province", true},
		{"AQI", "al-Qaeda in Iraq", true},
		{"Al Qaida in Mesopotamia", "al-Qaeda in Iraq", true},
		{"Jabhat al-Nusrah", "Jabhat al-Nusra", true},
		{"Naxalites", "Communist Party of India (Maoist)", true},
		{"Vivre Ensemble", "Viv Ansanm", true},
		{"Syrian Observatory", "Syrian Observatory for Human Rights", true},
		{"AFP", "Agence France-Presse", true},
		{"Chonekiller", "Los Chone Killers", true},
		{"Anglophone separatists", "Ambazonian separatists", true},
		{"No Such Group", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := d.Get(tt.name)
		if ok != tt.ok || got.Name != tt.want {
			t.Errorf("Get(%q) = %q, %v; want %q, %v", tt.name, got.Name, ok, tt.want, tt.ok)
		}
	}
}

func TestGetAliases(t *testing.T) {
	d := loadT(t)
	a, ok := d.Get("Islamic State")
	if !ok {
		t.Fatal("Get(Islamic State) not found")
	}
	for _, want := range []string{"ISIS", "Daesh", "État islamique"} {
		if !contains(a.Aliases, want) {
			t.Errorf("aliases of Islamic State lack %q", want)
		}
	}
	if contains(a.Aliases, "Islamic State") {
		t.Error("aliases repeat the canonical name")
	}
	lt, _ := d.Get("LeT")
	if !contains(lt.Aliases, "LeT") || contains(lt.Aliases, "=LeT") {
		t.Errorf("aliases of %s = %q, want LeT without its '=' marker", lt.Name, lt.Aliases)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestFamily(t *testing.T) {
	d := loadT(t)
	tests := []struct{ name, want string }{
		{"ISKP", "Islamic State"},
		{"ISWAP", "Islamic State"},
		{"ISCAP", "Islamic State"},
		{"ADF", "Islamic State"},
		{"Boko Haram", "Islamic State"},
		{"AQI", "Islamic State"},
		{"Tawhid wal-Jihad", "Islamic State"},
		{"Amaq", "Islamic State"},
		{"JNIM", "al-Qaeda"},
		{"al-Shabaab", "al-Qaeda"},
		{"Jabhat al-Nusra", "al-Qaeda"},
		{"HTS", "Hay'at Tahrir al-Sham"},
		{"TTP", "Taliban"},
		{"Haqqani network", "Taliban"},
		{"M23", "Alliance Fleuve Congo"},
		{"G9", "Viv Ansanm"},
		{"SDF", "Autonomous Administration of North and East Syria"},
		{"Nigerian Prisons Service", "Nigerian government"},
		{"Tigers of Ambazonia", "Ambazonian separatists"},
		{"TİKKO", "Communist Party of Turkey (Marxist-Leninist)"},
		{"Real IRA", "Irish Republican Army"},
		{"MUJAO", "al-Qaeda"},
		{"Jund al-Khilafa", "Islamic State"},
		{"Taliban", "Taliban"},
		{" Unknown Band ", "Unknown Band"},
	}
	for _, tt := range tests {
		if got := d.Family(tt.name); got != tt.want {
			t.Errorf("Family(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSameFamily(t *testing.T) {
	d := loadT(t)
	tests := []struct {
		a, b string
		want bool
	}{
		{"ISKP", "Islamic State of Iraq", true},
		{"ISCAP", "Allied Democratic Forces", true},
		{"TTP", "Taliban", true},
		{"ISIS", "al-Qaeda", false},
		{"Boko Haram", "Ansaru", false},
		{"ISIS", "Unknown Band", false},
		{"Unknown Band", "unknown  band", true},
		{"Unknown Band", "Other Band", false},
	}
	for _, tt := range tests {
		if got := d.SameFamily(tt.a, tt.b); got != tt.want {
			t.Errorf("SameFamily(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestRoleOf(t *testing.T) {
	d := loadT(t)
	tests := []struct {
		name string
		want model.Role
	}{
		{"ISIS", model.RolePerpetrator},
		{"Amaq", model.RolePerpetrator},
		{"SDF", model.RoleDefender},
		{"Uganda Prisons Service", model.RoleDefender},
		{"Iraqi Ministry of Justice", model.RoleGovernment},
		{"SOHR", model.RoleIndependent},
		{"Reuters", model.RoleMedia},
		{"nobody", model.RoleUnknown},
	}
	for _, tt := range tests {
		if got := d.RoleOf(tt.name); got != tt.want {
			t.Errorf("RoleOf(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestAll(t *testing.T) {
	d := loadT(t)
	all := d.All()
	if len(all) < 300 {
		t.Errorf("All() has %d actors, want at least 300", len(all))
	}
	kinds := map[string]int{}
	for i, a := range all {
		kinds[a.Kind]++
		if i > 0 && all[i-1].Name >= a.Name {
			t.Errorf("All() not sorted at %q, %q", all[i-1].Name, a.Name)
		}
	}
	for _, k := range []string{KindArmedGroup, KindStateForce, KindGovernment, KindMonitor, KindMedia, KindPerpetratorMedia} {
		if kinds[k] == 0 {
			t.Errorf("no actor of kind %s", k)
		}
	}
}

func TestLoadWith(t *testing.T) {
	user := header + "\n" +
		"Islamic State\tarmed_group\t\t\t\t\tDawlat Islamiya\tmine\n" +
		"Lakeside Boys\tarmed_group\tBoko Haram\tfaction\tNG\t\tKB Gang\tmine\n"
	d := loadUser(t, user)
	tests := []struct{ got, want string }{
		{d.Family("KB Gang"), "Islamic State"},
		{found("Dawlat Islamiya fighters", d.Find("Dawlat Islamiya fighters")), "Dawlat Islamiya=Islamic State"},
		{found("ISIS", d.Find("ISIS")), "ISIS=Islamic State"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: got %q, want %q", i, tt.got, tt.want)
		}
	}
	if e, _ := d.Lookup("Islamic State"); e.Source != "mine" {
		t.Errorf("merged source = %q, want mine", e.Source)
	}
}

// loadUser loads the built-in dictionary with a user's file, mine.tsv, merged over it.
func loadUser(t *testing.T, user string) *Dictionary {
	t.Helper()
	d, err := LoadWith(File{Name: "mine.tsv", Reader: strings.NewReader(user)})
	if err != nil {
		t.Fatalf("LoadWith: %v", err)
	}
	return d
}

func TestLoadWithErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"alias conflict", header + "\nOther\tarmed_group\t\t\t\t\tISIS\tx\n", `mine.tsv:2: alias "ISIS" of "Other" already names "Islamic State"`},
		{"alias of two countries unmarked", header + "\nOne\tarmed_group\t\t\tXA\t\tRed Hand\tx\nTwo\tarmed_group\t\t\tXB\t\tRed Hand\tx\n", `mine.tsv:3: alias "Red Hand" of "Two" already names "One"`},
		{"namesake in one country", header + "\nOne\tarmed_group\t\t\tXA\t\tRed Hand\tx\nTwo\tarmed_group\t\t\tXA\t\t~Red Hand\tx\n", `mine.tsv:3: namesake "Red Hand" of "Two": "One" must be an actor of another country`},
		{"namesake of nobody", header + "\nTwo\tarmed_group\t\t\tXB\t\t~Grey Hand\tx\n", `mine.tsv:2: namesake "Grey Hand" of "Two" names no other actor`},
		{"unknown parent", header + "\nOther\tarmed_group\tNobody\tbranch\t\t\t\tx\n", `mine.tsv:2: unknown parent "Nobody"`},
		{"cycle", header + "\nA1\tarmed_group\tB1\tbranch\t\t\t\tx\nB1\tarmed_group\tA1\tbranch\t\t\t\tx\n", "is its own ancestor"},
	}
	for _, tt := range tests {
		_, err := LoadWith(File{Name: "mine.tsv", Reader: strings.NewReader(tt.data)})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
}

// TestNamesakes: an alias marked '~' names an actor of another country that has it too; Find
// gives that other actor first and lists this one for the text's countries to choose.
func TestNamesakes(t *testing.T) {
	user := header + "\n" +
		"Red Hand of Ardovia\tarmed_group\t\t\tXA\t\tRed Hand|Red Hand rebels\tmine\n" +
		"Red Hand of Belmark\tarmed_group\t\t\tXB\t\t~Red Hand rebels|Belmark Red Hand\tmine\n"
	d := loadUser(t, user)
	ms := d.Find("Red Hand rebels stormed the jail")
	if len(ms) != 1 || ms[0].Actor.Name != "Red Hand of Ardovia" || len(ms[0].Namesakes) != 1 || ms[0].Namesakes[0].Name != "Red Hand of Belmark" {
		t.Fatalf("Find = %+v, want Red Hand of Ardovia with Red Hand of Belmark as namesake", ms)
	}
	if ms := d.Find("Belmark Red Hand fighters"); len(ms) != 1 || ms[0].Actor.Name != "Red Hand of Belmark" || len(ms[0].Namesakes) != 0 {
		t.Errorf("Find(own alias) = %+v, want Red Hand of Belmark alone", ms)
	}
	if e, ok := d.Lookup("Red Hand of Belmark"); !ok || !slices.Contains(e.Aliases, "Red Hand rebels") {
		t.Errorf("Lookup = %+v, %v; want the shared alias among its aliases", e, ok)
	}
}
