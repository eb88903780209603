package ingest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// benchCorpusSize is how many distinct documents a benchmark cycles through.
const benchCorpusSize = 10_000

// Word lists for generated reports (invented towns and phrasing).
var (
	benchTowns   = strings.Fields("Arden Brisk Corbin Dunmore Enwick Fenwick Harrow Kessel Lorne Marlow Oskar Tamsin Valdoria")
	benchActors  = []string{"Gunmen", "An armed group", "Attackers on motorcycles", "Men in uniform", "Rebels"}
	benchClauses = []string{
		"the police commander said on %s",
		"according to a statement from the prison service on %s",
		"a hospital source told reporters on %s",
		"residents said by telephone on %s",
	}
	benchDays = strings.Fields("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
)

// generatedReport returns the paragraphs of an invented news report.
func generatedReport(r *rand.Rand) (title string, paragraphs []string) {
	town := benchTowns[r.IntN(len(benchTowns))]
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	title = fmt.Sprintf("%s storm %s prison, %d inmates escape", pick(benchActors), town, 10+r.IntN(900))
	for range 4 + r.IntN(6) {
		paragraphs = append(paragraphs, fmt.Sprintf(
			"%s attacked the prison in %s and freed %d inmates, %s. %d guards were wounded and %d escapees were caught near the %s road, "+
				"while %d others remained at large, "+pick(benchClauses)+".",
			pick(benchActors), town, 10+r.IntN(900), fmt.Sprintf(pick(benchClauses), pick(benchDays)), r.IntN(9),
			r.IntN(90), benchTowns[r.IntN(len(benchTowns))], r.IntN(300), pick(benchDays)))
	}
	return title, paragraphs
}

// generatedDocuments renders benchCorpusSize reports with render.
func generatedDocuments(render func(i int, title string, paragraphs []string) string) [][]byte {
	r := rand.New(rand.NewPCG(1, 2))
	docs := make([][]byte, benchCorpusSize)
	for i := range docs {
		title, paragraphs := generatedReport(r)
		docs[i] = []byte(render(i, title, paragraphs))
	}
	return docs
}

func benchmarkParse(b *testing.B, name string, docs [][]byte) {
	var n, size int
	for b.Loop() {
		doc := docs[n%len(docs)]
		if got, errs := Parse(name, "", doc); len(got) != 1 || len(errs) != 0 {
			b.Fatalf("got %d docs, errors %v", len(got), errs)
		}
		n++
		size += len(doc)
	}
	seconds := b.Elapsed().Seconds()
	b.ReportMetric(float64(n)/seconds, "docs/s")
	b.ReportMetric(float64(size)/1e6/seconds, "MB/s")
}

func BenchmarkParseText(b *testing.B) {
	docs := generatedDocuments(func(i int, title string, paragraphs []string) string {
		return fmt.Sprintf("URL: https://news.example.org/%d\nDATE: 2021-03-%02d\nTITLE: %s\n\n%s\n\n%s\n",
			i, 1+i%28, title, title, strings.Join(paragraphs, "\n\n"))
	})
	benchmarkParse(b, "report.txt", docs)
}

func BenchmarkParseHTML(b *testing.B) {
	docs := generatedDocuments(func(i int, title string, paragraphs []string) string {
		return fmt.Sprintf(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s | Example News</title>
<meta property="article:published_time" content="2021-03-%02dT08:00:00Z"><link rel="canonical" href="https://news.example.org/%d">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>%s</h1><p>%s</p></article><aside>Most read: other stories</aside><footer>Copyright Example News</footer></body></html>`,
			title, 1+i%28, i, title, strings.Join(paragraphs, "</p>\n<p>"))
	})
	benchmarkParse(b, "report.html", docs)
}
