package extract

import (
	"fmt"
	"os"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
)

func TestDbgCues(t *testing.T) {
	x, err := New(Resources{Place: func(string, []string) (model.Place, bool) { return model.Place{}, false }, Country: func(string) (string, bool) { return "", false }, CountryPlace: func(string) (model.Place, bool) { return model.Place{}, false }, Actors: func(string) []ActorMatch { return nil }})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(os.Getenv("DBG_FILE"))
	a := x.analyse(model.Document{ID: "d", Text: string(b), Language: os.Getenv("DBG_LANG")})
	for _, si := range a.sentences {
		var cs []string
		for _, c := range si.cues {
			cs = append(cs, c.category+"="+a.text[si.toks[c.first].start:si.toks[c.last].end])
		}
		fmt.Printf("[ev=%v det=%v] %.100q\n   %v\n", isEvent(si), namesDetention(si), a.text[si.start:si.end], cs)
	}
}
