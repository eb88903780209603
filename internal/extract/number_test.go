package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

// bounds renders a quantity's value as "low..high" with "nil" for an open end.
func bounds(q Quantity) string {
	s := func(p *int) string {
		if p == nil {
			return "nil"
		}
		return fmt.Sprint(*p)
	}
	return s(q.Low) + ".." + s(q.High)
}

// describeQuantity renders a quantity for table tests: `"text" low..high qualifier kind noun`.
func describeQuantity(text string, q Quantity) string {
	return fmt.Sprintf("%q %s %s %s %s", text[q.Start:q.End], bounds(q), q.Qualifier, q.Kind, q.Noun)
}

func TestFindNumbers(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"freed more than 100 prisoners", []string{`"more than 100" 100..nil more_than count prisoners`}},
		{"تجاوز 6 آلاف نزيل", []string{`"تجاوز 6 آلاف" 6000..nil more_than count نزيل`}},
		{"فر أكثر من ألف نزيل", []string{`"أكثر من ألف" 1000..nil more_than count نزيل`}}, // the singular thousand alone is one thousand
		{"نقل الجرحى الستة إلى المستشفى", []string{`"الستة" 6..6 exact count `}},          // a definite number follows the noun it counts
		{"فر النزلاء السبعة من الزنزانة", []string{`"السبعة" 7..7 exact count `}},
		{"هرب خمسة عشر ألف سجين", []string{`"خمسة عشر ألف" 15000..15000 exact count سجين`}},
		{"circa 3 mila detenuti", []string{`"circa 3 mila" 3000..3000 approx count detenuti`}},
		{"около 2 тысяч заключённых", []string{`"около 2 тысяч" 2000..2000 approx count заключённых`}},
		{"из колонии сбежали полторы тысячи осуждённых", []string{`"полторы тысячи" 1500..1500 exact count осуждённых`}},
		{"около полутора тысяч заключённых", []string{`"около полутора тысяч" 1500..1500 approx count заключённых`}},
		{"полтора миллиона рублей", []string{`"полтора миллиона" 1500000..1500000 exact measure рублей`}},
		{"бунт длился полтора часа", nil}, // a half more of nothing is no figure
		{"desde las seis de la tarde", []string{`"seis" 6..6 exact time `}},
		{"estavam no raio 5 do presídio", []string{`"5" 5..5 exact id `}},
		{"en la galería 4 del penal", []string{`"4" 4..4 exact id `}},
		{"às 3 da madrugada", []string{`"3" 3..3 exact time `}},
		{"vers deux heures du matin", []string{`"deux" 2..2 exact measure heures`}}, // the hour word is read first
		{"exceeding 1,500 inmates", []string{`"exceeding 1,500" 1500..nil more_than count inmates`}},
		{"Settantasette detenuti sono evasi", []string{`"Settantasette" 77..77 exact count detenuti`}},
		{"trentuno detenuti", []string{`"trentuno" 31..31 exact count detenuti`}},
		{`said "about 30" prisoners had fled`, []string{`"about 30" 30..30 approx count prisoners`}},
		{"falam em sete ou oito atacantes", []string{`"sete ou oito" 7..8 range count atacantes`}},
		{"entre siete u ocho reos", []string{`"siete u ocho" 7..8 range count reos`}},
		{"ventitré detenuti", []string{`"ventitré" 23..23 exact count detenuti`}},
		{"Veintitrés internos murieron", []string{`"Veintitrés" 23..23 exact count internos`}},
		{"cento e vinte e três presos", []string{`"cento e vinte e três" 123..123 exact count presos`}},
		{"Approximately 40 to 60 insurgents attacked", []string{`"Approximately 40 to 60" 40..60 range count insurgents`}}, // an approximate range
		{"entre 300 e 400 presos", []string{`"entre 300 e 400" 300..400 range count presos`}},
		{"tra 300 e 400 detenuti", []string{`"tra 300 e 400" 300..400 range count detenuti`}},
		{"Lima orang tewas", []string{`"Lima" 5..5 exact count orang`}},
		{"quatre cent douze (412) prisonniers", []string{`"quatre cent douze (412)" 412..412 exact count prisonniers`}}, // restated in brackets: one figure
		{"Dos centenares de reos", []string{`"Dos centenares" 200..200 approx count reos`}},
		{"duas centenas de presos", []string{`"duas centenas" 200..200 approx count presos`}},
		{"tre centinaia di detenuti", []string{`"tre centinaia" 300..300 approx count detenuti`}},
		{"twelve (12) inmates", []string{`"twelve (12)" 12..12 exact count inmates`}},
		{"ما بين 25 و30 سجينا", []string{`"بين 25 و30" 25..30 range count سجينا`}},                    // a conjunction written onto digits is no code
		{"واحدة من أخطر الهجمات في البلاد", nil},                                                      // "one of the worst": a pronoun
		{"قتل واحد من السجناء", []string{`"واحد" 1..1 exact count `}},                                 // one of the prisoners, the article written onto the noun
		{"twelve (13) inmates", []string{`"twelve" 12..12 exact count `, `"13" 13..13 exact count `}}, // another figure: no restatement
		{"30 motorcycle-riding fighters", []string{`"30" 30..30 exact count fighters`}},
		{"12 knife-wielding inmates", []string{`"12" 12..12 exact count inmates`}},
		{"12 motorcycles", []string{`"12" 12..12 exact thing motorcycles`}},
		{"which holds 3,500 captured IS jihadists", []string{`"3,500" 3500..3500 exact count jihadists`}},
		{"a pre-attack population of about 5,000", []string{`"about 5,000" 5000..5000 approx count `}},
		{"Around thirty IS jihadists were killed", []string{`"Around thirty" 30..30 approx count jihadists`}},
		{"some accounts say twenty-eight", []string{`"twenty-eight" 28..28 exact count `}},
		{"it killed over-200 PKK militiamen", []string{`"over-200" 200..nil more_than count militiamen`}},
		{"But Al-Naba 322 was released on Friday", []string{`"322" 322..322 exact id `}},
		{"Some 300 escaped and Nearly 40 died", []string{`"Some 300" 300..300 approx count `, `"Nearly 40" nil..40 up_to count `}},
		{"at least eight separate jailbreaks", []string{`"at least eight" 8..nil more_than thing jailbreaks`}},
		{"and burned twenty-five vehicles", []string{`"twenty-five" 25..25 exact thing vehicles`}},
		{"up to a thousand prisoners escaped", []string{`"up to a thousand" nil..1000 up_to count prisoners`}},
		{"no fewer than 240 inmates", []string{`"no fewer than 240" 240..nil more_than count inmates`}},
		{"just over 1,025 tried to escape", []string{`"just over 1,025" 1025..nil more_than count `}},
		{"Reported Injuries: 7+", []string{`"7+" 7..nil more_than count `}},
		{"housed between 800 and 900 inmates", []string{`"between 800 and 900" 800..900 range count inmates`}},
		{"ranging from 150 to 200", []string{`"ranging from 150 to 200" 150..200 range count `}},
		{"eight to 10 policemen", []string{`"eight to 10" 8..10 range count policemen`}},
		{"300-400 inmates", []string{`"300-400" 300..400 range count inmates`}},
		{"two or three guards", []string{`"two or three" 2..3 range count guards`}},
		{"300 or more prisoners", []string{`"300 or more" 300..nil more_than count prisoners`}},
		{"a 300-odd strong force", []string{`"300-odd" 300..300 approx count `}},
		{"one hundred and twenty inmates", []string{`"one hundred and twenty" 120..120 exact count inmates`}},
		{"FIVE persons died", []string{`"FIVE" 5..5 exact count persons`}},
		{"One died", []string{`"One" 1..1 exact count `}},
		{"one of the guards and no one else", []string{`"one" 1..1 exact count guards`, `"no one" 0..0 exact count `}},
		{"one of the largest prisons and one of us", nil},
		{"Ali Musa, one of the commanders", nil},
		{"the two men", []string{`"two" 2..2 exact count men`}},
		{"a dozen guards", []string{`"a dozen" 12..12 approx count guards`}},
		{"more than a dozen militiamen", []string{`"more than a dozen" 12..nil more_than count militiamen`}},
		{"three dozen rifles", []string{`"three dozen" 36..36 approx thing rifles`}},
		{"1.5 million naira", []string{`"1.5 million" 1500000..1500000 exact money naira`}},
		{"$5,000 in cash", []string{`"5,000" 5000..5000 exact money `}},
		{"a sum of 5 million naira", []string{`"5 million" 5000000..5000000 exact money naira`}},
		{"dozens of others and maybe hundreds", []string{`"dozens" 24..nil vague count others`, `"hundreds" 200..nil vague count `}},
		{"several hundred inmates", []string{`"several hundred" 200..nil vague count inmates`}},
		{"tens of thousands of people", []string{`"tens of thousands" 20000..nil vague count people`}},
		{"scores of gunmen", []string{`"scores" 40..nil vague count gunmen`}},
		{"several prisoners and a few guards", nil},
		{"no prisoners escaped", []string{`"no" 0..0 exact count prisoners`}},
		{"no one was hurt", []string{`"no one" 0..0 exact count `}},
		{"Kelima narapidana itu kabur pada hari kelima", []string{`"Kelima" 5..5 exact count narapidana`}},         // a collective before its noun, none after it
		{"admitted that one inmate died, and that one was never found", []string{`"one" 1..1 exact count inmate`}}, // a pronoun, but before a person's noun a figure
		{"a no man's land", nil},
		{"in 2004", []string{`"2004" 2004..2004 exact year `}},
		{"the 1990s", []string{`"1990s" 1990..1990 exact year `}},
		{"20 October 2020", []string{`"20 October 2020" 20..20 exact date `}},
		{"at 10:30 and at 11 p.m. (0300 GMT)", []string{`"10:30" 10..10 exact time `, `"11" 11..11 exact time `, `"0300" 300..300 exact time `}},
		{"50 per cent of them, 20%", []string{`"50" 50..50 exact percent `, `"20" 20..20 exact percent `}},
		{"the 21st century", []string{`"21st" 21..21 exact ordinal century`}},
		{"a 29-year-old mechanic, aged 25", []string{`"29" 29..29 exact age year`, `"25" 25..25 exact age `}},
		{"30 years in jail and 45 kilometres away", []string{`"30" 30..30 exact measure years`, `"45" 45..45 exact measure kilometres`}},
		{"a 24-hour curfew", []string{`"24" 24..24 exact measure hour`}},
		{"CERESO No. 3 and Block 4", []string{`"3" 3..3 exact id `, `"4" 4..4 exact id `}},
		{"M23 rebels with AK-47 rifles", []string{`"23" 23..23 exact id rebels`, `"47" 47..47 exact id rifles`}},
		{"Image Upright: 1.25", []string{`"1.25" 1..1 exact measure `}},
		{"plus de 130 femmes", []string{`"plus de 130" 130..nil more_than count femmes`}},
		{"environ 4 400 détenus", []string{`"environ 4 400" 4400..4400 approx count détenus`}},
		{"au moins un élément des forces", []string{`"au moins un" 1..nil more_than count élément`}},
		{"une centaine de détenus", []string{`"une centaine" 100..100 approx count détenus`}},
		{"plus d'une centaine de détenus", []string{`"plus d'une centaine" 100..nil more_than count détenus`}},
		{"des dizaines de morts", []string{`"des dizaines" 24..nil vague count morts`}},
		{"entre 300 et 400 prisonniers", []string{`"entre 300 et 400" 300..400 range count prisonniers`}},
		{"le nombre d'évadés dépasse les 4 000", []string{`"dépasse les 4 000" 4000..nil more_than count `}},
		{"o número real passou de 111 mortos", []string{`"passou de 111" 111..nil more_than count mortos`}},
		{"recaptured 7 within two days", []string{`"7" 7..7 exact count `, `"two" 2..2 exact measure days`}},
		{"nelle ultime quarantotto ore", []string{`"quarantotto" 48..48 exact measure ore`}},
		{"ottocento detenuti", []string{`"ottocento" 800..800 exact count detenuti`}},
		{"fra i 1.000 e i 1.500 detenuti", []string{`"fra i 1.000 e i 1.500" 1000..1500 range count detenuti`}},
		{"entre los 200 y los 300 presos", []string{`"entre los 200 y los 300" 200..300 range count presos`}},
		{"of the 879 who escaped", []string{`"879" 879..879 exact count `}},
		{"quatre-vingt-dix-sept évadés", []string{`"quatre-vingt-dix-sept" 97..97 exact count évadés`}},
		{"vingt et un gardiens", []string{`"vingt et un" 21..21 exact count gardiens`}},
		{"aucun mort parmi les gardiens", []string{`"aucun" 0..0 exact count mort`}},
		{"officials said that one of the escapees was caught", []string{`"one" 1..1 exact count escapees`}},    // "that" opens a clause here
		{"at one stage the warders fired tear gas", nil},                                                       // a stage of the events counts nobody
		{"la maison d'arrêt accueille trois fois plus de détenus", []string{`"trois" 3..3 exact thing fois`}},  // a multiplier counts no people
		{"deux morts et un blessé", []string{`"deux" 2..2 exact count morts`, `"un" 1..1 exact count blessé`}}, // the singular of a casualty noun counts one
		{"un incendie et sept détenus", []string{`"sept" 7..7 exact count détenus`}},
		{"3,5 millions de francs", []string{`"3,5 millions" 3500000..3500000 exact money francs`}},
		{"1.300 reclusos", []string{`"1.300" 1300..1300 exact count reclusos`}},
		{"lebih dari 150 narapidana", []string{`"lebih dari 150" 150..nil more_than count narapidana`}},
		{"sedikitnya lima orang tewas", []string{`"sedikitnya lima" 5..nil more_than count orang`}},
		{"dua puluh lima tahanan", []string{`"dua puluh lima" 25..25 exact count tahanan`}},
		{"ratusan narapidana", []string{`"ratusan" 200..nil vague count narapidana`}},
		{"Lima police said", nil},
		{"treinta y cinco presos", []string{`"treinta y cinco" 35..35 exact count presos`}},
		{"to seize a town", nil},
		{"per cent", nil},
		{"the 759 inmates at the prisons", []string{`"759" 759..759 exact count inmates`}},
		{"121 of its own militiamen", []string{`"121" 121..121 exact count militiamen`}},
		{"between 1 and 2 million people", []string{`"between 1 and 2 million" 1000000..2000000 range count people`}},
		{"no-one was hurt", []string{`"no-one" 0..0 exact count `}},
		{"no man's land", nil},
		{"2 lakh people", []string{`"2 lakh" 200000..200000 exact count people`}},
		{"1.5m people", []string{`"1.5m" 1500000..1500000 exact count people`}},
		{"a 50m wall", []string{`"50m" 50..50 exact measure `}},
		{"at 0300 hours", []string{`"0300" 300..300 exact time hours`}},
		{"pukul 10 WIB", []string{`"10" 10..10 exact time `}},
		{"the toll rose from 21 to 22", []string{`"22" 22..22 exact count `}},
		{"o número de mortos passou de 21 para 22", []string{`"22" 22..22 exact count `}},
		{"from 21 to 22 inmates", []string{`"from 21 to 22" 21..22 range count inmates`}},
		{"poco prima delle 16 in via Roma", []string{`"16" 16..16 exact time `}},
		{"si aggiunge alle 16 vittime", []string{`"16" 16..16 exact count vittime`}},
		{"alle 300 in punto", []string{`"300" 300..300 exact count `}},
		{"a 25-year-old man", []string{`"25" 25..25 exact age year`}},
		{"âgé de 25 ans", []string{`"25" 25..25 exact age ans`}},
		{"Rp 5 juta", []string{`"5 juta" 5000000..5000000 exact money `}},
		{"No. 3 prison", []string{`"3" 3..3 exact id `}},
		{"de 10 a 20 presos", []string{`"de 10 a 20" 10..20 range count presos`}},
		{"dari 5 hingga 7 tahanan", []string{`"dari 5 hingga 7" 5..7 range count tahanan`}},
		{"quatre-vingts détenus", []string{`"quatre-vingts" 80..80 exact count détenus`}},
		{"le 1er détenu", []string{`"1er" 1..1 exact ordinal détenu`}},
		{"deux centaines de détenus", []string{`"deux centaines" 200..200 approx count détenus`}},
		{"5k people", []string{`"5k" 5000..5000 exact count people`}},
		{"50 ou plus", []string{`"50 ou plus" 50..nil more_than count `}},
		{"hundreds of thousands of people", []string{`"hundreds of thousands" 200000..nil vague count people`}},
		{"miles de presos", []string{`"miles" 2000..nil vague count presos`}},
		{"miles away", nil},
		{"la segunda fuga", []string{`"segunda" 2..2 exact ordinal `}},
		{"a couple", nil},
		{"4 o’clock", []string{`"4" 4..4 exact time `}},
	}
	for _, tt := range tests {
		var got []string
		for _, q := range FindNumbers(tt.text) {
			got = append(got, describeQuantity(tt.text, q))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("FindNumbers(%q):\ngot  %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// TestFindNumbersParagraph checks every figure of a short report of my own.
func TestFindNumbersParagraph(t *testing.T) {
	text := "Gunmen stormed the Kagara central prison at about 11 p.m. on Sunday, freeing 412 of the 1,020 " +
		"inmates. Two warders and a soldier were killed and at least 14 people were wounded, the police said. " +
		"Some 60 attackers arrived in 15 trucks; the siege lasted three hours. In 2019, a similar raid freed " +
		"around 300 prisoners. Officials put the cost at $2.5 million."
	want := []string{
		`"about 11" 11..11 approx time `,
		`"412" 412..412 exact count inmates`,
		`"1,020" 1020..1020 exact count inmates`,
		`"Two" 2..2 exact count warders`,
		`"at least 14" 14..nil more_than count people`,
		`"Some 60" 60..60 approx count attackers`,
		`"15" 15..15 exact thing trucks`,
		`"three" 3..3 exact measure hours`,
		`"2019" 2019..2019 exact year `,
		`"around 300" 300..300 approx count prisoners`,
		`"2.5 million" 2500000..2500000 exact money `,
	}
	var got []string
	for _, q := range FindNumbers(text) {
		got = append(got, describeQuantity(text, q))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// checkQuantities reports spans outside the text or off rune boundaries, and inverted ranges.
func checkQuantities(t *testing.T, text string, qs []Quantity) {
	t.Helper()
	last := 0
	for _, q := range qs {
		if q.Start < last || q.Start >= q.End || q.End > len(text) {
			t.Fatalf("bad span %d-%d (previous end %d, len %d) in %q", q.Start, q.End, last, len(text), text)
		}
		if utf8.ValidString(text) && (!utf8.RuneStart(text[q.Start]) || q.End < len(text) && !utf8.RuneStart(text[q.End])) {
			t.Fatalf("span %d-%d splits a rune in %q", q.Start, q.End, text)
		}
		if q.Low != nil && q.High != nil && *q.Low > *q.High {
			t.Fatalf("low %d > high %d in %q", *q.Low, *q.High, text[q.Start:q.End])
		}
		if q.Kind == "" || q.Qualifier == "" {
			t.Fatalf("empty kind or qualifier for %q", text[q.Start:q.End])
		}
		last = q.End
	}
}

func FuzzFindNumbers(f *testing.F) {
	for _, s := range []string{"more than 1,000 inmates", "between 300 and 400", "environ 4 400 détenus",
		"1.5 million", "over-200", "twenty-eight", "3,5 millions", "7+", "no one", "quatre-vingt-dix",
		"dua puluh lima", "10:30", "1.2.3", "9/11", "1 000 000 000 000 000 000", "a dozen", "\xff12"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkQuantities(t, text, FindNumbers(text))
	})
}

// numberTestCorpus returns the shared corpus directory beside the repository, or skips.
func numberTestCorpus(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpus not found at %s: %v", dir, err)
	}
	return dir
}

// TestGoldQuoteNumbers checks that the figure of each annotated claim is read from its quote.
// Misses are claims the text states as a sum or a difference ("Two soldiers and a police
// officer" = 3), which are the claim readers' business, not the number finder's.
func TestGoldQuoteNumbers(t *testing.T) {
	dir := numberTestCorpus(t)
	files, _ := filepath.Glob(filepath.Join(dir, "gold", "*.json"))
	total, hits := 0, 0
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("read %s: %v", file, err)
		}
		var rows []struct {
			Metrics map[string][]struct {
				Low, High *int
				Quote     string
			}
		}
		if err := json.Unmarshal(b, &rows); err != nil {
			t.Fatalf("parse %s: %v", file, err)
		}
		for _, r := range rows {
			for metric, claims := range r.Metrics {
				for _, c := range claims {
					if c.Quote == "" {
						continue
					}
					total++
					want := bounds(Quantity{Low: c.Low, High: c.High})
					found := false
					for _, q := range FindNumbers(c.Quote) {
						found = found || q.Kind == "count" && bounds(q) == want
					}
					if found {
						hits++
					} else {
						t.Logf("miss %s %s in %q", metric, want, c.Quote)
					}
				}
			}
		}
	}
	rate := float64(hits) / float64(max(total, 1))
	t.Logf("gold quotes: %d of %d figures found (%.2f)", hits, total, rate)
	if total == 0 || rate < 0.83 {
		t.Errorf("found %d of %d gold figures (%.2f), want at least 0.83", hits, total, rate)
	}
}

func BenchmarkFindNumbers(b *testing.B) {
	b.SetBytes(int64(len(benchmarkArticle)))
	for b.Loop() {
		FindNumbers(benchmarkArticle)
	}
}
