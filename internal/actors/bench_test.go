package actors

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkFind measures Find over a 5 KB news-style article; extraction needs well over
// 1,000 such articles per second per core, all stages together.
func BenchmarkFind(b *testing.B) {
	d := loadT(b)
	text, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d.Find(string(text))
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestArticleActors(t *testing.T) {
	d := loadT(t)
	text, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, m := range d.Find(string(text)) {
		seen[m.Actor.Name] = true
	}
	for _, want := range []string{"Amaq", "Islamic State", "Islamic State West Africa Province",
		"Nigerian Correctional Service", "Nigerian Army", "Boko Haram", "Human Rights Watch",
		"Amnesty International", "Syrian Observatory for Human Rights", "Syrian Democratic Forces",
		"Asayish", "Global Coalition against Daesh", "Tehrik-i-Taliban Pakistan",
		"Islamic State Khorasan Province", "Taliban", "Allied Democratic Forces", "MONUSCO",
		"Haitian National Police", "Viv Ansanm", "Réseau National de Défense des Droits Humains",
		"Reuters", "Associated Press", "Agence France-Presse", "International Crisis Group"} {
		if !seen[want] {
			t.Errorf("article: %s not found", want)
		}
	}
	if len(seen) > 26 {
		t.Errorf("article: %d actors found, want at most 26: %v", len(seen), seen)
	}
}
