package actors

import (
	"strings"
	"testing"
)

func TestParseErrors(t *testing.T) {
	ok := "A\tarmed_group\t\t\t\t\tAy\tx"
	tests := []struct {
		name, data, want string
	}{
		{"no header", "# only a comment\n", "t.tsv: no header line"},
		{"wrong header", "name\tkind\n", "t.tsv:1: want the header line"},
		{"field count", header + "\n\n" + ok + "\nB\tarmed_group\n", "t.tsv:4: want 8 tab-separated fields, got 2"},
		{"kind", header + "\nA\tgang\t\t\t\t\t\tx\n", `t.tsv:2: unknown kind "gang"`},
		{"relation", header + "\nA\tarmed_group\tB\t\t\t\t\tx\n", `t.tsv:2: parent "B" needs a relation`},
		{"orphan relation", header + "\nA\tarmed_group\t\tbranch\t\t\t\tx\n", `t.tsv:2: relation "branch" without a parent`},
		{"own parent", header + "\nA\tarmed_group\tA\tbranch\t\t\t\tx\n", `t.tsv:2: "A" is its own parent`},
		{"country", header + "\nA\tarmed_group\t\t\tSyria\t\t\tx\n", `t.tsv:2: country "Syria"`},
		{"role", header + "\nA\tarmed_group\t\t\t\tvictim\t\tx\n", `t.tsv:2: unknown role "victim"`},
		{"empty alias", header + "\nA\tarmed_group\t\t\t\t\tAy||Be\tx\n", "t.tsv:2: empty alias"},
		{"bad separator", header + "\nA\tarmed_group\t\t\t\t\tAy/Be\tx\n", `t.tsv:2: alias "Ay/Be"`},
		{"no letters", header + "\nA\tarmed_group\t\t\t\t\t--\tx\n", `t.tsv:2: alias "--" has no letters`},
		{"empty name", header + "\n\tarmed_group\t\t\t\t\t\tx\n", "t.tsv:2: empty name"},
		{"duplicate", header + "\n" + ok + "\n" + ok + "\n", `t.tsv:3: "A" is already defined at t.tsv:2`},
		{"bad utf8", header + "\nA\xff\tarmed_group\t\t\t\t\t\tx\n", "t.tsv:2: not valid UTF-8"},
	}
	for _, tt := range tests {
		_, err := parseRows("t.tsv", strings.NewReader(tt.data))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
}

func TestParseRow(t *testing.T) {
	data := "# comment\r\n" + header + "\r\n" +
		"Lakeside Boys\tarmed_group\tBoko Haram\tfaction\tNG\tdefender\t KB | Lakeside gang \tmine\r\n"
	rows, err := parseRows("t.tsv", strings.NewReader(data))
	if err != nil {
		t.Fatalf("parseRows: %v", err)
	}
	if len(rows) != 1 {
		t.Fatalf("got %d rows, want 1", len(rows))
	}
	r := rows[0]
	got := strings.Join([]string{r.Name, r.Kind, r.Parent, string(r.Relation), r.Country, string(r.Role),
		strings.Join(r.Aliases, "|"), r.Source, r.origin}, ",")
	want := "Lakeside Boys,armed_group,Boko Haram,faction,NG,defender,KB|Lakeside gang,mine,t.tsv:3"
	if got != want {
		t.Errorf("row = %q, want %q", got, want)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(header + "\nA\tarmed_group\t\t\t\t\tAy|=Be|CÉ\tx\n")
	f.Add(header + "\nA\tarmed_group\tB\tbranch\tNG\tdefender\tl'A|A's B\tx\n")
	f.Add("# c\n" + header + "\n\t\t\t\t\t\t\t\n")
	f.Add("name\tkind")
	f.Fuzz(func(t *testing.T, data string) {
		rows, err := parseRows("fuzz.tsv", strings.NewReader(data))
		if err != nil {
			return
		}
		for _, r := range rows {
			if r.Name == "" || defaultRoles[r.Kind] == "" {
				t.Fatalf("accepted row %+v", r)
			}
		}
		if d, err := build(rows); err == nil {
			d.Find(data)
		}
	})
}
