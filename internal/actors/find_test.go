package actors

import (
	"strings"
	"testing"
)

// loadT loads the embedded dictionary or stops the test.
func loadT(t testing.TB) *Dictionary {
	t.Helper()
	d, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return d
}

// found renders matches as "text=Canonical" pairs for comparison.
func found(text string, ms []Match) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = text[m.Start:m.End] + "=" + m.Actor.Name
	}
	return strings.Join(parts, "; ")
}

func TestFind(t *testing.T) {
	d := loadT(t)
	checkFind(t, d, []findCase{
		{"verb is", "This is a test of what is said.", ""},
		{"acronym IS", "The IS-claimed attack freed dozens.", "IS=Islamic State"},
		{"possessive", "Daesh's fighters stormed the gate.", "Daesh=Islamic State"},
		{"apostrophe spelling", "Fighters of Da’esh and of DAESH.", "Da’esh=Islamic State; DAESH=Islamic State"},
		{"province", "ISWAP said it freed the inmates.", "ISWAP=Islamic State West Africa Province"},
		{"longest wins over al-Qaeda", "a raid by al-Qaeda in Iraq in 2006", "al-Qaeda in Iraq=al-Qaeda in Iraq"},
		{"longest wins over Taliban", "The Pakistani Taliban claimed it.", "Pakistani Taliban=Tehrik-i-Taliban Pakistan"},
		{"province name", "the Islamic State in Central Africa claimed", "Islamic State in Central Africa=Islamic State Central Africa Province"},
		{"possessive inside name", "Islamic State's West Africa Province fighters", "Islamic State's West Africa Province=Islamic State West Africa Province"},
		{"Islamic State of Iraq", "the Islamic State of Iraq announced", "Islamic State of Iraq=Islamic State of Iraq"},
		{"hyphen and h variants", "Al Nusrah Front and al-Nusra and Jabhat al Nusra", "Al Nusrah Front=Jabhat al-Nusra; al-Nusra=Jabhat al-Nusra; Jabhat al Nusra=Jabhat al-Nusra"},
		{"diacritics", "l'État islamique a revendiqué", "État islamique=Islamic State"},
		{"French elision acronym", "selon l'EI, les détenus", "EI=Islamic State"},
		{"no acronym inside word", "APRIL and ISIS-K and MISSION", "ISIS-K=Islamic State Khorasan Province"},
		{"AP byline", "BAGHDAD (AP) — Gunmen attacked", "AP=Associated Press"},
		{"AP lower case", "the ap said", ""},
		{"shouting headline", "WHY IS THE PRISON EMPTY", ""},
		{"lower-case common word", "a general amnesty for prisoners", ""},
		{"capitalised name", "Amnesty International said", "Amnesty International=Amnesty International"},
		{"lower-case generic phrase", "to build an Islamic state in the region", ""},
		{"case-insensitive name", "ISLAMIC STATE FIGHTERS", "ISLAMIC STATE=Islamic State"},
		{"doubled letters", "Shabab and al-Shabaab militants", "Shabab=al-Shabaab; al-Shabaab=al-Shabaab"},
		{"adjective in lower case", "un commando talebano e i talebani pakistani", "talebano=Taliban; talebani=Taliban"},
		{"not across comma", "al-Qaeda, in Iraq", "al-Qaeda=al-Qaeda"},
		{"not across sentence", "claimed by al-Qaeda. In Iraq, meanwhile", "al-Qaeda=al-Qaeda"},
		{"parenthesised", "the CPI (Maoist) cadres and CPI(Maoist)", "CPI (Maoist)=Communist Party of India (Maoist); CPI(Maoist)=Communist Party of India (Maoist)"},
		{"mixed-case acronym", "LeT and let", "LeT=Lashkar-e-Taiba"},
		{"monitor", "the Syrian Observatory for Human Rights said", "Syrian Observatory for Human Rights=Syrian Observatory for Human Rights"},
		{"initials", "U.S. forces and the U.N. said", "U.S. forces=United States Armed Forces; U.N.=United Nations"},
		{"ampersand", "Armed Conflict Location & Event Data Project", "Armed Conflict Location & Event Data Project=ACLED"},
		{"digits", "400 Mawozo and 5 Segonn and G9", "400 Mawozo=400 Mawozo; 5 Segonn=5 Segonn; G9=G9 an Fanmi e Alye"},
		{"Haitian Creole", "G-Pèp and Viv Ansanm", "G-Pèp=G-Pèp; Viv Ansanm=Viv Ansanm"},
		{"acronym the text defines as another name", "the Ardovia Defence Forces (ADF) said the ADF freed 40", ""},
		{"acronym the text defines as the actor's", "the Allied Democratic Forces (ADF) said the ADF freed 40", "Allied Democratic Forces=Allied Democratic Forces; ADF=Allied Democratic Forces; ADF=Allied Democratic Forces"},
		{"acronym after a name of other initials", "the Kolondo Liberation Front (ADF) and the ADF", "ADF=Allied Democratic Forces; ADF=Allied Democratic Forces"},
		{"French phrase", "il faut vivre ensemble", ""},
		{"gang", "the 18th Street gang and MS-13", "18th Street gang=Barrio 18; MS-13=MS-13"},
		{"Boko Haram long name", "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad", "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad=Boko Haram"},
		{"generic descriptor of one movement", "Anglophone separatists and Amba boys", "Anglophone separatists=Ambazonian separatists; Amba boys=Ambazonian separatists"},
		{"ADF stays the Allied Democratic Forces", "the Tigers of Ambazonia, not the ADF", "Tigers of Ambazonia=Tigers of Ambazonia; ADF=Allied Democratic Forces"},
		{"dotted capital I", "TİKKO and DHKP-C", "TİKKO=Turkish Workers' and Peasants' Liberation Army; DHKP-C=Revolutionary People's Liberation Party-Front"},
		{"longest wins over Taliban", "the Taliban gang, not the Taliban", "Taliban gang=Taliban gang (Haiti); Taliban=Taliban"},
		{"an army that is no militia", "Tanzania People's Defence Force", "Tanzania People's Defence Force=Tanzania People's Defence Force"},
		{"Nepal before India", "Nepalese Maoists, unlike Maoists in India", "Nepalese Maoists=Communist Party of Nepal (Maoist); Maoists=Communist Party of India (Maoist)"},
		{"empty", "", ""},
	})
}

func TestFindMatchFields(t *testing.T) {
	d := loadT(t)
	text := "Amaq said ISWAP's fighters"
	ms := d.Find(text)
	if len(ms) != 2 {
		t.Fatalf("Find(%q) = %d matches, want 2", text, len(ms))
	}
	tests := []struct {
		got, want string
	}{
		{ms[0].Alias, "Amaq"},
		{string(ms[0].Role), "perpetrator"},
		{ms[0].Actor.Kind, KindPerpetratorMedia},
		{ms[1].Alias, "ISWAP"},
		{ms[1].Actor.Parent, "Islamic State"},
		{text[ms[1].Start:ms[1].End], "ISWAP"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("field %d = %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestFindNeverPanicsOnOddText(t *testing.T) {
	d := loadT(t)
	for _, text := range []string{"'", "’s", "a'", "U.", ".", "\xff\xfe", "IS'", "l'", "-IS-", "ʿ"} {
		for _, m := range d.Find(text) {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Errorf("Find(%q) gave span %d-%d", text, m.Start, m.End)
			}
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"the IS-claimed attack", "Daesh's fighters", "l'EI", "U.S. forces", "CPI (Maoist)", "Jama'atu Ahlis", "Da’esh", "ʿAmaq", "\xffIS"} {
		f.Add(s)
	}
	d := loadT(f)
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, m := range d.Find(text) {
			if m.Start < prev || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("Find(%q): span %d-%d after %d", text, m.Start, m.End, prev)
			}
			if m.Start > 0 && wordAt(text, m.Start-1) && wordAt(text, m.Start) {
				t.Fatalf("Find(%q): match at %d starts inside a word", text, m.Start)
			}
			prev = m.End
		}
	})
}

// findCase is a text and the matches Find must give in it, as found writes them.
type findCase struct{ name, text, want string }

// checkFind runs Find on each case's text.
func checkFind(t *testing.T, d *Dictionary, cases []findCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if got := found(tt.text, d.Find(tt.text)); got != tt.want {
				t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
