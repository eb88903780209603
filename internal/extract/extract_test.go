package extract_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/config"
	"github.com/wallwatch/wallwatch/internal/extract"
	"github.com/wallwatch/wallwatch/internal/ingest"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/reference"
)

var (
	extractorOnce sync.Once
	extractor     *extract.Extractor
	extractorErr  error
)

// newExtractor builds the extractor over the real embedded gazetteer and actor dictionary, once.
func newExtractor(t testing.TB) *extract.Extractor {
	t.Helper()
	extractorOnce.Do(func() {
		ref, err := reference.Load(config.Default())
		if err != nil {
			extractorErr = err
			return
		}
		extractor, extractorErr = extract.New(ref.ExtractResources())
	})
	if extractorErr != nil {
		t.Fatal(extractorErr)
	}
	return extractor
}

func document(published, text string) model.Document {
	d := model.Document{ID: "doc1", Source: "test.txt", Text: ingest.Normalize(text)}
	if published != "" {
		t, _ := time.Parse(model.DateLayout, published)
		d.Published = &t
	}
	return d
}

// figures renders a mention's claims as "metric[/side]=low..high" for comparison.
func figures(m model.Mention) string {
	var out []string
	for _, c := range m.Claims {
		s := string(c.Metric)
		if c.Side != "" && c.Side != "unknown" {
			s += "/" + c.Side
		}
		out = append(out, fmt.Sprintf("%s=%s..%s", s, bound(c.Low), bound(c.High)))
	}
	return strings.Join(out, " ")
}

func bound(v *int) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(*v)
}

// want is what a test expects of one mention.
type want struct{ typ, date, country, facility, perpetrator string }

func wantOf(m model.Mention) want {
	return want{string(m.Type), m.Date.Start.Format(model.DateLayout), m.Place.Country, m.Facility, strings.Join(m.Perpetrators, ",")}
}

// matches reports whether a mention's values are the wanted ones, its facility and perpetrators
// containing the wanted ones.
func (got want) matches(w want) bool {
	return got.typ == w.typ && got.date == w.date && got.country == w.country &&
		strings.Contains(got.facility, w.facility) && strings.Contains(got.perpetrator, w.perpetrator)
}

func TestExtract(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		name      string
		published string
		language  string // the document's language; "" reads it with every lexicon
		url       string // where it was published, "" for none
		text      string
		want      []want
		figures   []string // per mention: figures(m)
		places    []string // per mention: the place's name
		regions   []string // per mention: the place's first-level division
	}{
		{
			name:      "facility attack with escapes and recaptures",
			published: "2022-07-06",
			text: "Gunmen attacked the Kuje Medium Security Custodial Centre near Abuja on Tuesday night and freed 879 inmates, the Nigerian Correctional Service said.\n\n" +
				"Of the 879 who escaped, 443 were recaptured by Wednesday. Two guards were killed in the attack, officials said.\n\n" +
				"Islamic State West Africa Province claimed responsibility for the attack.",
			want:    []want{{"facility_attack", "2022-07-05", "NG", "Kuje", "Islamic State West Africa Province"}},
			figures: []string{"escaped=879..879 recaptured=443..443 killed/security=2..2"},
		},
		{
			name:      "riot without escape",
			published: "2021-09-29",
			text:      "Fighting between rival gangs inside the Litoral penitentiary in Guayaquil, Ecuador, left at least 31 inmates dead and 14 injured on Tuesday, the prison service said. No inmate escaped.",
			want:      []want{{"riot", "2021-09-28", "EC", "Litoral", ""}},
			figures:   []string{"killed/prisoners=31.. wounded=14..14"},
		},
		{
			name:      "an Italian verb that opens a sentence capitalised is no place",
			published: "2019-03-04",
			language:  "it",
			text:      "Era la notte del 3 marzo 2019 quando i detenuti si sono ribellati nel carcere, in Italia.",
			want:      []want{{"riot", "2019-03-03", "IT", "", ""}},
			places:    []string{""},
		},
		{
			name:      "a small town of the outlet's country, in a text that names another country only by an adjective",
			published: "2019-08-26",
			language:  "it",
			url:       "https://www.cronaca.example.it/2019/08/26/volterra",
			text:      "Ieri i detenuti si sono ribellati nel carcere di Volterra, l'antica fortezza spagnola che domina la valle. La rivolta è finita in serata.",
			want:      []want{{"riot", "2019-08-25", "IT", "carcere di Volterra", ""}},
			places:    []string{"Volterra"},
		},
		{
			name:      "a town named with its division lies in that division's country though the text names only another",
			published: "2019-03-04",
			language:  "fr",
			text:      "Le 3 mars 2019, trois détenus se sont évadés de la maison d'arrêt de Draguignan (Draguignan, Var). Ils ont été repris en Espagne, près de Barcelone, en septembre.",
			want:      []want{{"mass_escape", "2019-03-03", "FR", "maison d'arrêt de Draguignan", ""}},
			places:    []string{"Draguignan"},
		},
		{
			name:      "a name that is a small town only abroad does not take a report that names no country from its outlet's country",
			published: "2021-03-09",
			language:  "pt",
			url:       "https://www.jornal.example.com.br/2021/03/09/fuga",
			text:      "BELO HORIZONTE — Doze presos fugiram ontem da cadeia pública de Kisoro, segundo a polícia.",
			want:      []want{{"mass_escape", "2021-03-08", "BR", "cadeia pública de Kisoro", ""}},
			places:    []string{"Belo Horizonte"},
		},
		{
			name:      "a town a facility's name recalls in another country than the report's is not where it stands",
			published: "2019-06-05",
			language:  "en",
			text:      "On 4 June 2019, in Trujillo (La Libertad), inmates of El Milagro prison clashed with guards; one inmate died and nine people were injured.",
			want:      []want{{"riot", "2019-06-04", "PE", "El Milagro prison", ""}},
			places:    []string{"Trujillo"},
		},
		{
			name:      "a country's name that ends a town's name is part of the name",
			published: "2022-03-09",
			language:  "en",
			text: "PORT OF SPAIN - A former guard was jailed on Tuesday for helping a remand inmate walk out of the Port of Spain General Hospital in 2016, ending a case that took six years.\n\n" +
				"The judge said the guard had taken a bribe to remove the inmate's leg restraints. The inmate was caught eleven days later in Laventille.\n\n" +
				"The court heard that the guard had served in the prison service for twelve years.\n\n" +
				"Three other inmates escaped from the prison in Port of Spain in March 2019.",
			want: []want{{"mass_escape", "2019-03-01", "TT", "", ""}},
		},
		{
			name:      "a country guessed from namesakes is no context for another name of one of its villages",
			published: "2018-05-10",
			language:  "id",
			text:      "Kerusuhan terjadi di Rumah Tahanan Cabang Salemba di Markas Komando Brimob, Kelapa Dua, Depok, Jawa Barat, pada Selasa malam. Lima polisi tewas dan satu narapidana tewas.",
			want:      []want{{"riot", "2018-05-08", "ID", "", ""}},
		},
		{
			name:      "the town a wire report was filed from splits no sentence into towns' incidents",
			published: "2020-03-28",
			language:  "en",
			text: "DUBAI, March 28 - About 70 inmates escaped from a prison in the western Iranian city of Saqqez on Friday after a riot, state media reported, as fears of disease spread through the country's crowded jails.\n\n" +
				"The provincial prosecutor was quoted as saying that between 20 and 30 of the escapees had been caught by Saturday.",
			want:    []want{{"mass_escape", "2020-03-27", "IR", "Saqqez", ""}},
			figures: []string{"escaped=70..70 recaptured=20..30"},
		},
		{
			name:      "a town read together with the word opening the sentence still names the facility's town",
			published: "2020-03-09",
			language:  "en",
			text:      "At Modena's Sant'Anna prison, six inmates died after a riot on Sunday, officials said.",
			want:      []want{{"riot", "2020-03-08", "IT", "Sant'Anna", ""}},
			places:    []string{"Modena"},
		},
		{
			name:      "a capital letter alone after a dateline is a word, not an initial that makes the town a person",
			published: "2022-12-29",
			language:  "it",
			text:      "MILANO - È evaso lunedì sera dal carcere un gruppo di sette detenuti.",
			want:      []want{{"mass_escape", "2022-12-26", "IT", "", ""}},
			places:    []string{"Milan"},
		},
		{
			name:      "a capital letter before a class word is no initial, so the town before it stays a town",
			published: "2015-11-16",
			language:  "tr",
			text:      "Kırşehir E Tipi Kapalı Cezaevi'nden pazar günü 5 mahkum firar etti.",
			want:      []want{{"mass_escape", "2015-11-15", "TR", "Kırşehir E Tipi", ""}},
			places:    []string{"Kırşehir"},
		},
		{
			name:      "a capital letter before a capitalised word is an initial even without its full stop",
			published: "2021-05-04",
			language:  "en",
			text:      "Twenty inmates escaped from a prison in Nigeria on Monday, Bauchi D Musa of the police said on Tuesday.",
			want:      []want{{"mass_escape", "2021-05-03", "NG", "", ""}},
			places:    []string{""},
		},
		{
			name:      "a country after a facility's linking word makes no name: the country's prison",
			published: "2013-08-24",
			language:  "es",
			text: "Al menos 30 personas murieron el viernes en un enfrentamiento entre reclusos en la cárcel de Palmasola, en Bolivia.\n\n" +
				"Palmasola, el mayor penal de Bolivia, alberga a unos 3.500 internos.",
			want:    []want{{"riot", "2013-08-23", "BO", "Palmasola", ""}},
			figures: []string{"killed=30.. held=3500..3500"},
		},
		{
			name:      "a known facility named in other words is found by its key",
			published: "2021-05-04",
			text:      "Des hommes armés ont attaqué lundi la prison de Bosaso, en Somalie, et libéré 12 détenus.",
			want:      []want{{"facility_attack", "2021-05-03", "SO", "Bosaso central prison", ""}},
			places:    []string{"Bosaso"},
			figures:   []string{"escaped=12..12"},
		},
		{
			name:      "a group's home country outranks the country of a town's best-known namesake",
			published: "2017-03-23",
			text:      "On 22 March 2017, Ambazonian separatists attacked the gendarmerie post in Bali and freed two detainees.",
			want:      []want{{"facility_attack", "2017-03-22", "CM", "", "Ambazonian separatists"}},
			places:    []string{"Bali"},
		},
		{
			name:      "a central prison of one country is not another's whose name has the same generic words",
			published: "2020-09-12",
			text:      "Une dizaine de détenus se sont évadés dans la nuit de vendredi à samedi de la maison centrale d'arrêt de Bamako, a annoncé le ministère de la Justice.",
			want:      []want{{"mass_escape", "2020-09-11", "ML", "Bamako central prison", ""}},
		},
		{
			name:      "the assault named again after the security forces' raid is that raid, not an attack on the prison",
			published: "1999-04-19",
			text: "CANON CITY, Colo., April 18 (APS) - Troops stormed the Colorado State Penitentiary this morning and ended a riot in which convicts had controlled two cellblocks since Thursday.\n\n" +
				"The revolt left three men dead. A guard was killed by the rioters on its first day.\n\n" +
				"The warden, who was held for an hour on Thursday, said the convicts had seized guns from the guards and had tried to dig their way out before the assault.",
			want: []want{{"riot", "1999-04-18", "US", "Colorado State Penitentiary", ""}},
		},
		{
			name:      "a country's name before a bracket of the divisions it lies in is a town of that name",
			published: "2019-05-04",
			text:      "On 3 May 2019, inmates at the Pennsylvania State Prison at Lebanon (Lebanon County, Pennsylvania) rioted and held two guards for several hours.",
			want:      []want{{"riot", "2019-05-03", "US", "Pennsylvania State Prison", ""}},
		},
		{
			name:      "thwarted attack",
			published: "2019-05-14",
			text:      "Soldiers repelled an attack on the high-security prison at Koutoukale, west of Niamey, on Monday, the defence ministry said. One soldier was wounded and no inmate escaped.",
			want:      []want{{"thwarted_attack", "2019-05-13", "NE", "Koutoukal", ""}},
		},
		{
			name:      "a subset is not a claim",
			published: "2013-07-30",
			text:      "Taliban fighters stormed the central jail in Dera Ismail Khan, Pakistan, late on Monday, freeing over 250 prisoners including 35 militants, police said.",
			want:      []want{{"facility_attack", "2013-07-29", "PK", "", "Taliban"}},
			figures:   []string{"escaped=250.."},
		},
		{
			name:      "fighters named with an escape verb escaped; armed fighters who attack are the assault force",
			published: "2016-03-02",
			text: "Around 150 heavily armed militants stormed the main jail of Sokoto, Nigeria, on Tuesday, freeing 90 prisoners. " +
				"Officials later said 40 militants had escaped with them.",
			want:    []want{{"facility_attack", "2016-03-01", "NG", "", ""}},
			figures: []string{"attackers=150..150 escaped=90..90 escaped=40..40"},
		},
		{
			name:      "a total is not the population; a cue in the figure's own clause wins",
			published: "2018-05-10",
			text: "Rebels raided the district jail in Gulu, Uganda, on Wednesday. A total of 389 prisoners were freed. " +
				"One guard died, eight inmates have been recaptured and the 389 escapees are sought.",
			want:    []want{{"facility_attack", "2018-05-09", "UG", "", ""}},
			figures: []string{"escaped=389..389 killed/security=1..1 recaptured=8..8"},
		},
		{
			name:      "a country named as a force's flag does not move the incident",
			published: "2013-07-25",
			text: "Insurgents attacked the central prison of Kirkuk, Iraq, on Monday night and freed 200 prisoners. " +
				"Several of them had been captured by U.S. troops in 2007, the police said.",
			want: []want{{"facility_attack", "2013-07-22", "IQ", "", ""}},
		},
		{
			name:      "figures of a period or of many places are not the incident's; Tuesday is not a death",
			published: "2015-06-03",
			text: "Gunmen stormed the prison in Gombe, Nigeria, on Tuesday and freed 120 inmates, the police said. " +
				"Thousands have died in the insurgency in the past six years. " +
				"The authorities hold about 9,000 suspects across twenty detention centres. " +
				"It was the deadliest month since 2013, with 400 people killed.",
			want:    []want{{"facility_attack", "2015-06-02", "NG", "", ""}},
			figures: []string{"escaped=120..120"},
		},
		{
			name:      "the capital is the capital of the country the text is about",
			published: "2013-06-12",
			text: "Soldiers repelled an attack on a jail at Abéché, Chad, on Monday. " +
				"The civil prison in the capital was attacked on 1 June 2013 by an armed group, leaving two warders dead.",
			want:   []want{{"thwarted_attack", "2013-06-10", "TD", "", ""}, {"other_attack", "2013-06-01", "TD", "", ""}},
			places: []string{"Abéché", "N'Djamena"},
		},
		{
			name:      "subsets, glued footnote marks, earlier events and many prisons give no claims",
			published: "2021-11-10",
			text: "Gunmen attacked the central prison of Herat, Afghanistan, on Monday and freed 40 inmates, two of them commanders, the police said.3 " +
				"Around eighty people were killed in the city last year, ten of them beheaded. " +
				"The Taliban say thousands of their fighters are held in government prisons.",
			want:    []want{{"facility_attack", "2021-11-08", "AF", "", ""}},
			figures: []string{"escaped=40..40"},
		},
		{
			name:      "an unnamed jail takes its town's name; a city an informant is based in is not the place",
			published: "2019-04-02",
			text: "Gunmen stormed a jail in Haiti on Monday and freed 80 inmates. " +
				"The police said the attack began on Sunday night in Hinche, a town in the centre of the country. " +
				"The target of the attack was the prison, according to a Cap-Haïtien based rights group.",
			want:   []want{{"facility_attack", "2019-04-01", "HT", "Hinche jail", ""}},
			places: []string{"Hinche"},
		},
		{
			name:      "a sentence led by a pronoun goes on with its incident; a person's patronymic is no place",
			published: "2013-06-05",
			text: "An armed group attacked the civil prison of N'Djamena, Chad, on 1 June 2013 and freed 22 inmates. " +
				"They also freed a smuggler from Mali, Omar Ould Hama, who had killed an American in 2000. " +
				"It was reported that gunmen had attacked another jail at Abéché on 2 June 2013.",
			want:   []want{{"facility_attack", "2013-06-01", "TD", "", ""}, {"other_attack", "2013-06-02", "TD", "Abéché", ""}},
			places: []string{"N'Djamena", "Abéché"},
		},
		{
			name:      "a region named as one splits the story from an incident in another region",
			published: "2016-03-07",
			text: "Gunmen attacked the central prison in Kano, Nigeria, on 5 March 2016 and freed 40 inmates. " +
				"On 6 March 2016, attacks had spread east into the state of Kaduna. " +
				"It was reported that gunmen had attacked another prison there.",
			want:    []want{{"facility_attack", "2016-03-05", "NG", "", ""}, {"other_attack", "2016-03-06", "NG", "", ""}},
			places:  []string{"Kano", ""},
			regions: []string{"Kano State", "Kaduna State"},
		},
		{
			name:      "attempts, conjunctions, relative clauses and subsets",
			published: "2020-09-17",
			text: "Inmates overpowered guards at the prison in Kotido, Uganda, on Wednesday and some 200 were turned loose. " +
				"At least three inmates who escaped from the prison on Wednesday, have been killed. " +
				"Seven were captured and four others are counted dead. " +
				"Of the 400 prisoners, just over 100 tried to escape and were recaptured. " +
				"Twelve convicts were among the inmates who fled.",
			want:    []want{{"mass_escape", "2020-09-16", "UG", "", ""}},
			figures: []string{"escaped=200..200 killed/prisoners=3.. recaptured=7..7 killed=4..4 held=400..400 recaptured=100.."},
		},
		{
			name:      "a person named after a title is no place",
			published: "2020-05-04",
			text:      "Inmates rioted on Friday in a Venezuelan prison run by its director, Pedro Toro. At least 30 people were injured.",
			want:      []want{{"riot", "2020-05-01", "VE", "", ""}},
			places:    []string{""},
		},
		{
			name:      "Indonesian: a head-first facility word takes no name before it; a repeated sentence is one claim",
			published: "2014-03-08",
			text: "Sekitar 60 narapidana kabur dari penjara Kerobokan di Bali, Indonesia, dalam kerusuhan yang menewaskan sedikitnya dua orang, Jumat (7/3). " +
				"Sumber-sumber penjara mengatakan tiga sipir terluka. " +
				"Sekitar 60 narapidana kabur dari penjara Kerobokan di Bali, Indonesia, dalam kerusuhan yang menewaskan sedikitnya dua orang, Jumat (7/3).",
			want:    []want{{"mass_escape", "2014-03-07", "ID", "Kerobokan", ""}},
			figures: []string{"escaped=60..60 killed=2.. wounded/security=3..3"},
		},
		{
			name:      "a country acting or briefing is not a new incident",
			published: "2019-03-12",
			text: "Islamic State fighters stormed the central prison of Raqqa, Syria, on Monday and freed 70 inmates. " +
				"Islamic State threatened to kill the guards if the U.S. and the Kurds continued attacking them. " +
				"At a U.S. Defense Department briefing, it was admitted that prisoners had escaped from the prison.",
			want: []want{{"facility_attack", "2019-03-11", "SY", "", "Islamic State"}},
		},
		{
			name:      "the sect is the group named before; a plan by a group to break in is its attack",
			published: "2014-11-10",
			text: "Boko Haram has long targeted prisons in the north-east. " +
				"The sect struck again at the prison in Gombe, Nigeria, on 3 November 2014, freeing 40 prisoners. " +
				"Police said they thwarted a plan by Ansaru to break into the jail in Kaduna, Nigeria, on 5 October 2014.",
			want: []want{{"facility_attack", "2014-11-03", "NG", "", "Boko Haram"}, {"thwarted_attack", "2014-10-05", "NG", "", "Ansaru"}},
		},
		{
			name:      "sides: a group told as doer once is no perpetrator; a later figure takes the side before it",
			published: "2019-03-12",
			text: "Islamic State fighters stormed the central prison of Raqqa, Syria, on Monday and freed 70 inmates. " +
				"Islamic State said it attacked the guards at dawn. " +
				"The Syrian Democratic Forces counter-attacked at noon. " +
				"At least seven SDF fighters were killed and some accounts say twenty.",
			want:    []want{{"facility_attack", "2019-03-11", "SY", "", "Islamic State"}},
			figures: []string{"escaped=70..70 killed/security=7.. killed/security=20..20"},
		},
		{
			name:      "French report: escapees recaptured, claimants in French",
			published: "2024-03-12",
			text: "Des hommes armés ont attaqué dans la nuit de dimanche à lundi la maison d'arrêt de Kéniéba, dans l'ouest du Mali, libérant au moins 45 détenus, selon une source sécuritaire.\n" +
				"\n" +
				"Deux gardes pénitentiaires ont été tués et trois autres blessés lors de l'assaut, a indiqué le ministère de la Justice dans un communiqué. L'attaque n'a pas été revendiquée, mais la zone est le théâtre d'activités du Groupe de soutien à l'islam et aux musulmans (JNIM).\n" +
				"\n" +
				"Selon le ministère, 12 évadés ont été rattrapés mardi.",
			want:    []want{{"facility_attack", "2024-03-10", "ML", "Kéniéba", ""}},
			figures: []string{"escaped=45.. killed/security=2..2 wounded=3..3 recaptured=12..12"},
		},
		{
			name:      "an update header dates the report, not a new incident; \"he said\" is the speaker before",
			published: "2023-03-05",
			text: "KOTIDO, Uganda (Reuters) - Heavily armed gunmen stormed a government prison in northeastern Uganda late on Saturday, freeing some 230 inmates after a two-hour gun battle with wardens, police said on Sunday.\n" +
				"\n" +
				"Police spokesman Fred Enanga said four attackers and one warder were killed. \"So far 61 of the escapees have been rearrested,\" he said, adding that security forces were hunting for the rest.\n" +
				"\n" +
				"UPDATE, March 7: The Uganda Prisons Service said 140 escapees had been recaptured and that the raid was carried out by cattle rustlers seeking to free relatives.",
			want:    []want{{"facility_attack", "2023-03-04", "UG", "Kotido", ""}},
			figures: []string{"escaped=230..230 killed/perpetrators=4..4 killed/security=1..1 recaptured=61..61 recaptured=140..140"},
		},
		{
			name:      "two prisons in one report; a date of the deed outranks the date it was said; who remained is no figure",
			published: "2024-03-04",
			text: "PORT-AU-PRINCE, Haiti — Armed gangs stormed Haiti's two largest prisons over the weekend, freeing thousands of inmates, officials said on Monday.\n" +
				"\n" +
				"The attack on the National Penitentiary in Port-au-Prince began late on Saturday. Of the roughly 3,800 inmates held there, only about 100 remained on Sunday, according to the National Human Rights Defense Network. At least three prison staff and several inmates were killed.\n" +
				"\n" +
				"On Sunday, gangs also attacked the civil prison in Croix-des-Bouquets, which held about 1,000 inmates. Most of them escaped, a police union said.\n" +
				"\n" +
				"The gang leader Jimmy Chérizier, known as Barbecue, had announced a coordinated offensive to topple the prime minister.",
			want: []want{{"facility_attack", "2024-03-02", "HT", "National Penitentiary", ""},
				{"facility_attack", "2024-03-03", "HT", "Croix-des-Bouquets", ""}},
			figures: []string{"escaped=2000.. held=3800..3800 killed/security=3..", "held=1000..1000"},
		},
		{
			name:      "a side belongs to its own phrase: eight people, including three soldiers; prisoners who attack make a riot",
			published: "2023-07-15",
			text: "MOGADISHU (AP) — Five al-Shabaab prisoners armed with guns and grenades attacked guards at Mogadishu's central prison on Friday, sparking a gunfight that killed eight people, including three soldiers, officials said.\n" +
				"\n" +
				"All five attackers were killed, according to Somalia's information minister, who said no prisoner escaped. Two guards and several inmates were wounded. It was not clear how the weapons were smuggled into the prison.",
			want:    []want{{"riot", "2023-07-14", "SO", "Mogadishu", "al-Shabaab"}},
			figures: []string{"killed=8..8 killed/security=3..3 killed/perpetrators=5..5 wounded/security=2..2"},
		},
		{
			name:      "four of them were recaptured; three remain at large",
			published: "2019-12-10",
			text:      "SANTIAGO — Seven inmates escaped from a prison in Arica, in northern Chile, through a 30-metre tunnel they had dug from a cell, the gendarmerie said on Monday. Four of them were recaptured within hours; three remain at large.",
			want:      []want{{"mass_escape", "2019-12-09", "CL", "Arica", ""}},
			figures:   []string{"escaped=7..7 recaptured=4..4 escaped=3..3"},
		},
		{
			name:      "the words of a link are not the text's",
			published: "2020-01-10",
			text:      "The river flooded three villages. Read more: https://news.example.com/Gunmen_storm_Kano_prison,_free_300_inmates and www.example.org/search?q=prison+riot+12+killed",
		},
		{
			name:      "an assault team of 100 men; a prison built to house 2,000 of them",
			published: "2017-05-03",
			text: "Islamic State fighters stormed the central prison of Deraa, Syria, on Tuesday. " +
				"The assault team consisted of 100 men. The prison, the largest in the south, was estimated to house 2,000 of them.",
			want:    []want{{"other_attack", "2017-05-02", "SY", "", "Islamic State"}},
			figures: []string{"attackers=100..100 held=2000..2000"},
		},
		{
			name:      "two guards and a soldier were killed: three in all",
			published: "2021-09-13",
			text:      "Two guards and a soldier were killed when gunmen attacked the prison in Lokoja, Nigeria, on Sunday night and freed 200 inmates.",
			want:      []want{{"facility_attack", "2021-09-12", "NG", "", ""}},
			figures:   []string{"killed/security=2..2 killed/security=3..3 escaped=200..200"},
		},
		{
			name:      "French: a date before \"selon\" is the deed's; maison d'arrêt et de correction",
			published: "2022-07-06",
			text: "Une attaque contre la maison d'arrêt et de correction de Kaya, dans le centre-nord du Burkina Faso, a fait au moins six morts dans la nuit de lundi à mardi, selon un bilan officiel. Quatre gardes de sécurité pénitentiaire et deux assaillants ont été tués, a précisé le gouverneur de la région.\n" +
				"\n" +
				"Plus de 60 détenus se sont évadés à la faveur de l'attaque, revendiquée mercredi par l'État islamique au Sahel. Une vingtaine d'entre eux ont été repris par les forces de défense et de sécurité.",
			want:    []want{{"facility_attack", "2022-07-04", "BF", "maison d'arrêt et de correction de Kaya", "Islamic State"}},
			figures: []string{"killed=6.. killed/security=4..4 killed/perpetrators=2..2 escaped=60.. recaptured=20..20"},
		},
		{
			name:      "French: dead among the guards are the guards; found escapees are recaptured",
			published: "2021-04-16",
			text:      "Des hommes armés non identifiés ont attaqué jeudi soir la prison centrale de Kakwangura, à Butembo, dans la province du Nord-Kivu, libérant une centaine de détenus. Le bilan provisoire fait état de trois morts parmi les gardes et d'un assaillant tué, a déclaré à l'AFP le maire de la ville. Selon la police, 35 évadés ont déjà été retrouvés.",
			want:      []want{{"facility_attack", "2021-04-15", "CD", "Kakwangura", ""}},
			figures:   []string{"escaped=100..100 killed/security=3..3 killed/perpetrators=1..1 recaptured=35..35"},
		},
		{
			name:      "Spanish: feminine dead and wounded",
			published: "2019-03-13",
			text: "Al menos 12 reclusas murieron el martes en un enfrentamiento entre pandillas en la cárcel de mujeres de San Pedro Sula, Honduras, " +
				"informaron las autoridades. Siete internas resultaron heridas.",
			want:    []want{{"riot", "2019-03-12", "HN", "", ""}},
			figures: []string{"killed/prisoners=12.. wounded/prisoners=7..7"},
		},
		{
			name:      "a group's home country places a town the text names without its country",
			published: "2024-05-14",
			text:      "Islamic State West Africa Province said its fighters stormed the prison in Lokoja on Saturday night and freed more than 300 prisoners.",
			want:      []want{{"facility_attack", "2024-05-11", "NG", "Lokoja", "Islamic State West Africa Province"}},
			places:    []string{"Lokoja"},
		},
		{
			name:      "a toll that rose dates its count, not the deed",
			published: "2019-08-07",
			text: "The death toll from the Taliban attack on the main prison in Kunduz, the capital of Afghanistan's Kunduz province, rose to 29 on Tuesday, provincial officials said. " +
				"The assault began on Sunday evening with a car bomb at the prison gate. About 400 prisoners fled.",
			want:    []want{{"facility_attack", "2019-08-04", "AF", "", "Taliban"}},
			figures: []string{"killed=29..29 escaped=400..400"},
		},
		{
			name:      "prisons in two towns are two incidents; respectively gives each its figure",
			published: "2022-04-05",
			text:      "Separatist fighters attacked prisons in Bamenda and Kumbo, Cameroon, on Sunday night, freeing 80 and 45 inmates respectively, the army said. In Bamenda two guards were killed. In Kumbo, the attackers also burned the prison registry.",
			want: []want{{"facility_attack", "2022-04-03", "CM", "Kumbo prison", ""},
				{"facility_attack", "2022-04-03", "CM", "Bamenda prison", ""}},
			figures: []string{"escaped=45..45", "escaped=80..80 killed/security=2..2"},
		},
		{
			name:      "a dateline says where the report was filed",
			published: "2021-02-24",
			text:      "QUITO, Ecuador (AP) — Inmates rioted in a prison in southern Ecuador on Tuesday, leaving 20 dead, officials said. The riot broke out in Machala.",
			want:      []want{{"riot", "2021-02-23", "EC", "", ""}},
			places:    []string{"Machala"},
		},
		{
			name:      "prisons in a town near another are not two towns' incidents",
			published: "2022-07-06",
			text:      "Gunmen attacked the prisons in Kuje, near Abuja, Nigeria, on Tuesday night and freed 600 inmates.",
			want:      []want{{"facility_attack", "2022-07-05", "NG", "", ""}},
			figures:   []string{"escaped=600..600"},
		},
		{
			name:      "no incident in a text about something else",
			published: "2020-01-01",
			text:      "The river flooded three villages and the government promised to rebuild the bridge before the rainy season.",
		},
		{
			name:      "a text naming no country is placed where its names nest: a town and its region",
			published: "2021-05-04",
			text:      "On 3 May 2021, gunmen stormed the jail of Filingue (Filingue, Tillaberi) and freed 40 inmates.",
			want:      []want{{"facility_attack", "2021-05-03", "NE", "", ""}},
			figures:   []string{"escaped=40..40"},
		},
		{
			name:      "a numeric date reads month first when only that falls near the publication",
			published: "2019-05-09",
			text:      "05/09/2019: Gunmen stormed a jail in Kaduna, Nigeria, freeing 12 inmates.",
			want:      []want{{"facility_attack", "2019-05-09", "NG", "", ""}},
		},
		{
			name:      "an escape attempted is no escape",
			published: "2020-03-07",
			text:      "On Friday two inmates tried to escape from the prison in Kisumu, Kenya, the police said.",
		},
		{
			name:      "an assault that aimed to free and was brought under control freed nobody",
			published: "2016-08-08",
			text:      "About fifty youths stormed the police station in Tamale, Ghana, on Sunday in an attempt to free a relative held in its cells. Officers fired warning shots and brought the situation under control.",
			want:      []want{{"thwarted_attack", "2016-08-07", "GH", "", ""}},
		},
		{
			name:      "a prison guard shot on his way home is an attack on a person, not on a prison",
			published: "2021-03-04",
			text:      "On 3 March 2021, an off-duty prison guard was shot dead by unidentified gunmen near his home in Tarlac City, Philippines.",
			want:      []want{{"other_attack", "2021-03-03", "PH", "", ""}},
		},
		{
			name:      "the country written after a facility outranks a namesake town elsewhere",
			published: "2014-06-14",
			text:      "Seven inmates, four of them Libyan nationals, escaped from the Tripoli prison in Lebanon on Friday, security sources said.",
			want:      []want{{"mass_escape", "2014-06-13", "LB", "Tripoli", ""}},
			places:    []string{"Tripoli"},
		},
		{
			name:      "an elided article leaves its word a cue: l'évasion",
			published: "2022-05-12",
			text:      "L'évasion de douze détenus de la prison de Mbalmayo, au Cameroun, a eu lieu dans la nuit de mardi, selon l'administration pénitentiaire.",
			want:      []want{{"mass_escape", "2022-05-10", "CM", "Mbalmayo", ""}},
		},
		{
			name:      "a capitalised pronoun is no place, and a name after an article is a division, never a town",
			published: "2021-02-10",
			text:      "Des hommes armés ont attaqué mardi la prison de Bossangoa, dans l'Ouham, en Centrafrique, et libéré une trentaine de détenus. Il s'agit de la deuxième attaque contre une prison dans le pays cette année.",
			want:      []want{{"facility_attack", "2021-02-09", "CF", "Bossangoa", ""}},
			places:    []string{"Bossangoa"},
		},
		{
			name:      "the places of a dated earlier event the report recalls are not this incident's",
			published: "2024-03-06",
			text:      "Un fourgon pénitentiaire a été attaqué mardi en France, et un détenu s'est évadé. Un drame qui rappelle l'attaque d'un fourgon en 2013 à Orléans, au cours de laquelle un agent avait été tué.",
			want:      []want{{"facility_attack", "2024-03-05", "FR", "", ""}},
			places:    []string{""},
		},
		{
			name:      "a figure after a subset marker, or before a copula and among, counts part of another",
			published: "2019-08-13",
			text:      "Des hommes armés ont attaqué la prison de Kindu, en RDC, lundi et libéré 120 détenus, dont au moins 15 miliciens. Environ 30 sont des combattants parmi les évadés, selon la police.",
			want:      []want{{"facility_attack", "2019-08-12", "CD", "Kindu", ""}},
			figures:   []string{"escaped=120..120"},
		},
		{
			name:      "an arrest counts recaptured escapees only; guards neither escape nor are held; a coder's remark is no figure",
			published: "2018-07-03",
			text:      "On 2 July 2018, inmates rioted at the prison in Kisii, Kenya, and 14 of them escaped while only three guards were on duty. Police arrested 20 people for looting nearby shops. Fatalities were coded as 3.",
			want:      []want{{"mass_escape", "2018-07-02", "KE", "", ""}},
			figures:   []string{"escaped=14..14"},
		},
		{
			name:      "a subset marker governs the first group after it, not the next conjunct",
			published: "2022-03-09",
			text:      "Nine people including four inmates and three guards were killed when gunmen ambushed a prison van in Matara, Sri Lanka, on Tuesday and freed a gang leader.",
			want:      []want{{"facility_attack", "2022-03-08", "LK", "", ""}},
			figures:   []string{"killed=9..9 killed/prisoners=4..4 killed/security=3..3 escaped=1..1"},
		},
		{
			name:      "Portuguese: a claim verb, people nouns and the sides of the dead",
			published: "2023-04-18",
			text:      "Criminosos armados atacaram a cadeia pública de Caxias, no Maranhão, Brasil, na segunda-feira e libertaram 14 detentos. Dois agentes penitenciários morreram, segundo a polícia militar.",
			want:      []want{{"facility_attack", "2023-04-17", "BR", "", ""}},
			figures:   []string{"escaped=14..14 killed/security=2..2"},
		},
		{
			name:      "Indonesian: dead and wounded officers, told by the police",
			published: "2022-09-14",
			text:      "Ratusan narapidana mengamuk di Lapas Kelas IIA Kendari, Sulawesi Tenggara, pada Selasa. Tiga sipir terluka dan seorang narapidana tewas, kata polisi.",
			want:      []want{{"riot", "2022-09-13", "ID", "Kendari", ""}},
		},
		{
			name:      "a figure inside a reference to another event is that event's",
			published: "2021-11-14",
			text:      "On 13 November 2021, a riot at the prison in Riobamba, Ecuador, left 12 inmates dead, less than a month after the massacre of September at the same prison that had left 40 dead.",
			want:      []want{{"riot", "2021-11-13", "EC", "", ""}},
			figures:   []string{"killed/prisoners=12..12"},
		},
		{
			name:      "the prison of a person's past tells no incident, even beside a killing",
			published: "2024-05-03",
			text:      "On 2 May 2024, in Delmas, Ouest, Haiti, police killed three suspected gang members, including a man who had escaped from prison last year.",
		},
		{
			name:      "a prison in a clause of a person's life, or an attempted murder, tells no incident",
			published: "2022-03-02",
			text:      "Protests went on for a second day in Bastia, France. On 1 March 2022, a man was beaten to death by a crowd in Durban, South Africa, weeks after he left prison, and the attempted murder of a prisoner was reported at another prison.",
		},
		{
			name:      "an attempt to slip out of police custody is no assault on a police station",
			published: "2022-07-02",
			text:      "On 1 July 2022, in Soledad, Colombia, an officer shot and killed a detained man when he tried to escape from police custody.",
		},
		{
			name:      "a prison named after its town keeps the report's spelling of the town",
			published: "2021-04-02",
			text:      "On 1 April 2021, gunmen attacked the prison in Segou, Mali, and freed 30 inmates.",
			want:      []want{{"facility_attack", "2021-04-01", "ML", "Segou prison", ""}},
		},
		{
			name:      "people freed by the security forces were rescued, not broken out",
			published: "2020-03-07",
			text:      "On 6 March 2020, thirty captives were freed by soldiers from a rebel prison near Beni, DR Congo.",
		},
		{
			name:      "a number opening a sentence names no facility: its figures join the incident; inmates who attack make a riot",
			published: "2009-03-10",
			text:      "Inmates attacked guards in the district jail in Ranchi, India, on Monday. Four prison guards and two prisoners were injured.",
			want:      []want{{"riot", "2009-03-09", "IN", "Ranchi", ""}},
			figures:   []string{"wounded/security=4..4 wounded/prisoners=2..2"},
		},
		{
			name:      "one person named beside what befell them counts one; away from the verb, nothing",
			published: "2019-04-06",
			text:      "On 5 April 2019, gunmen attacked the jail in Marawi, Philippines. A jail officer was shot dead. A prisoner told reporters that 20 inmates escaped.",
			want:      []want{{"facility_attack", "2019-04-05", "PH", "", ""}},
			figures:   []string{"killed/security=1..1 escaped=20..20"},
		},
		{
			name:      "an armed group killing prison staff away from any assault tells an other attack",
			published: "2020-03-04",
			text:      "On 3 March 2020, Boko Haram fighters killed two prison warders at their homes in Maiduguri, Nigeria.",
			want:      []want{{"other_attack", "2020-03-03", "NG", "", "Boko Haram"}},
			figures:   []string{"killed/security=2..2"},
		},
		{
			name:      "a month's event takes the day the same sentence gives inside that month",
			published: "2019-12-01",
			text:      "La masacre de la cárcel de Cuenca, Ecuador, de noviembre de 2019 ocurrió en la noche del 14 de noviembre de 2019.",
			want:      []want{{"riot", "2019-11-14", "EC", "", ""}},
		},
		{
			name:      "a dateline with a colon says where the report was filed; a state names no prison",
			published: "2011-05-02",
			text:      "Patna: Inmates overpowered guards at a jail in Gaya district of Bihar on Sunday and 40 escaped, police said.\n\nInspector General (Jail) R. K. Singh said 12 had been caught.",
			want:      []want{{"mass_escape", "2011-05-01", "IN", "", ""}},
			places:    []string{"Gaya"},
		},
		{
			name:      "a review of a film about a breakout tells no incident",
			published: "2019-02-11",
			text: "The film retells the 1962 escape from Alcatraz in France's version of the story. Starring two young actors, the remake follows three inmates who dig out of their cells and flee the prison. " +
				"Adapted from the novel by the real escapee, the movie keeps the plot tight, and the cast gives strong performances.",
		},
		{
			name:      "a drill, a prisoner exchange and a hunger strike are no incidents",
			published: "2021-06-02",
			text: "Police staged a mock jailbreak drill at the central prison in Kisumu, Kenya, on Tuesday. " +
				"On 1 June 2021, 40 prisoners were freed in a prisoner exchange between the two sides in Aden, Yemen. " +
				"Inmates at the main prison in Rabat, Morocco, are on a hunger strike over conditions, amid simmering unrest.",
		},
		{
			name:      "an attack named by its date is a past event, not a new incident",
			published: "2013-05-02",
			text:      "Detainees held since the Nov. 26, 2008 attacks on Mumbai, India, remain in custody, officials said on Tuesday.",
		},
		{
			name:      "a person's past escape and a prison term are no incident",
			published: "2020-10-27",
			text: "On 26 October 2020, a drug suspect who had escaped from jail was killed during a police raid in Davao City, Philippines. " +
				"A court in Kano, Nigeria, sentenced two men to life in prison for the attack.",
		},
		{
			name:      "a town read from a prison's name that lies outside the division the text names yields to the town the division holds",
			published: "2000-02-24",
			text:      "On 23 February 2000, a brawl among some 200 inmates at Pelican Bay State Prison near Crescent City (Del Norte County, California) became a riot; guards opened fire and killed one inmate.",
			want:      []want{{"riot", "2000-02-23", "US", "Pelican Bay State Prison", ""}},
			places:    []string{"Crescent City"},
			regions:   []string{"California"},
		},
		{
			name:      "people counted right before an attack or a killing in the active voice are the assault force",
			published: "2019-03-05",
			text:      "On 4 March 2019, three suicide bombers attacked the prison in Maradi, Niger. One guard was killed and two guards were injured.",
			want:      []want{{"other_attack", "2019-03-04", "NE", "", ""}},
			figures:   []string{"attackers=3..3 killed/security=1..1 wounded/security=2..2"},
		},
		{
			name:      "another event named to say when is a point of reference, not an incident",
			published: "2020-05-20",
			text:      "On 18 May 2020 a riot at the prison in Latacunga, Ecuador, left 12 inmates dead. The riot broke out two months after the riot of March 2020 in Quito, officials said.",
			want:      []want{{"riot", "2020-05-18", "EC", "Latacunga", ""}},
			figures:   []string{"killed/prisoners=12..12"},
		},
		{
			name:      "a release by a crowd that burned the police station is an assault; a release alone is not",
			published: "2016-12-09",
			text: "On 8 December 2016, protesters burned the police station in Kumba, Cameroon, and released the prisoners detained there. " +
				"On 1 June 2016, 40 prisoners were released from the prison in Buea, Cameroon, after serving their terms.",
			want: []want{{"facility_attack", "2016-12-08", "CM", "Kumba police station", ""}},
		},
		{
			name:      "the prison of another event a sentence names to say when is not this incident's",
			published: "2019-05-20",
			text: "Twenty-nine inmates and three guards were killed in a riot at a high-security prison in the town of Vahdat, Tajikistan, on Sunday. " +
				"It was the second deadly prison riot in six months, after unrest at the prison in Khujand in November 2018 in which two guards and 21 inmates died.",
			want:   []want{{"riot", "2019-05-19", "TJ", "", ""}},
			places: []string{"Vahdat"},
		},
		{
			name:      "the capital of a province is its seat, not the country's capital",
			published: "2015-04-03",
			text: "ADEN — Militants stormed the central prison in the Yemeni city of Mukalla on Thursday and freed about 300 inmates, officials said.\n\n" +
				"The militants attacked the jail with grenades before dawn, then overran government buildings in the capital of Hadramawt province, residents said. " +
				"Two soldiers and five militants were killed in clashes across the city.",
			want:    []want{{"facility_attack", "2015-04-02", "YE", "", ""}},
			figures: []string{"escaped=300..300 killed/security=2..2 killed/perpetrators=5..5"},
			places:  []string{"Mukalla"},
		},
		{
			name:      "a country's name after a town and a comma is the state the town lies in when it is one",
			published: "2020-06-15",
			text:      "Four inmates escaped from a jail in Macon, Georgia, on Sunday by climbing over a fence, the sheriff's office said.",
			want:      []want{{"mass_escape", "2020-06-14", "US", "", ""}},
			figures:   []string{"escaped=4..4"},
			places:    []string{"Macon"},
		},
		{
			name:      "Italian: contractions are no places; di names the town; e separates clauses",
			published: "2020-03-10",
			text:      "Nella notte di lunedì 9 marzo 2020 una rivolta è scoppiata nel carcere di Foggia, in Puglia: 72 detenuti sono evasi e 3 agenti sono rimasti feriti, secondo la polizia.",
			want:      []want{{"mass_escape", "2020-03-09", "IT", "", ""}},
			figures:   []string{"escaped=72..72 wounded/security=3..3"},
			places:    []string{"Foggia"},
		},
		{
			name:      "a breakdown that adds up gives its total as well as its parts, whichever side the verb stands",
			published: "2020-02-04",
			text:      "Un incendie à la prison de Bunia, en RD Congo, le lundi 3 février 2020, a coûté la vie à 12 femmes et 3 nourrissons, selon la police.",
			want:      []want{{"mass_escape", "2020-02-03", "CD", "", ""}},
			figures:   []string{"killed/prisoners=12..12 killed/prisoners=15..15 killed/prisoners=3..3"},
		},
		{
			name:      "Indonesian \"Kota\" after a town's name is \"city\", not the town of Kota",
			published: "2019-08-20",
			language:  "id",
			text:      "Kerusuhan pecah di Lapas Manokwari Kota setelah massa melempari tembok, dan 258 narapidana melarikan diri.",
			want:      []want{{"mass_escape", "2019-08-20", "ID", "", ""}},
			figures:   []string{"escaped=258..258"},
			places:    []string{"Manokwari"},
		},
		{
			name:      "an article alone is no place: El of a prison's nickname is not Ell in Luxembourg",
			published: "2011-05-03",
			language:  "en",
			text:      "On 2 May 2011, 12 inmates escaped from the prison known as El Infierno in Escuintla (Escuintla, Escuintla) through a tunnel.",
			want:      []want{{"mass_escape", "2011-05-02", "GT", "", ""}},
			places:    []string{"Escuintla"},
		},
		{
			name:      "a country named as what a wing is called places no incident there: better none than Vietnam",
			published: "2005-03-08",
			language:  "es",
			text:      "Un motín estalló el domingo en el pabellón conocido como Vietnam de la cárcel pública de Baní y dejó 12 reclusos muertos.",
			want:      []want{},
		},
		{
			name:      "a police station is a place of detention when someone is freed from it",
			published: "2017-04-04",
			text:      "On 3 April 2017, about 150 youths stormed the police station in Tamale, Ghana, and freed two suspects held in its cells.",
			want:      []want{{"facility_attack", "2017-04-03", "GH", "", ""}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := document(tt.published, tt.text)
			doc.Language, doc.URL = tt.language, tt.url
			ms := x.Extract(doc)
			if len(ms) != len(tt.want) {
				t.Fatalf("got %d mentions, want %d: %+v", len(ms), len(tt.want), ms)
			}
			for i, m := range ms {
				w := tt.want[i]
				if got := wantOf(m); !got.matches(w) {
					t.Errorf("mention %d = %+v, want %+v (facility and perpetrator contained)", i, got, w)
				}
				if i < len(tt.places) && m.Place.Name != tt.places[i] {
					t.Errorf("place of mention %d = %q, want %q", i, m.Place.Name, tt.places[i])
				}
				if i < len(tt.regions) && m.Place.Admin1 != tt.regions[i] {
					t.Errorf("region of mention %d = %q, want %q", i, m.Place.Admin1, tt.regions[i])
				}
				if i < len(tt.figures) {
					if got := figures(m); got != tt.figures[i] {
						t.Errorf("figures of mention %d = %q, want %q", i, got, tt.figures[i])
					}
				}
				for _, c := range m.Claims {
					if c.Start >= c.End || !strings.Contains(tt.text, strings.TrimSpace(c.Quote)) {
						t.Errorf("claim quote %q at [%d,%d) does not come from the text", c.Quote, c.Start, c.End)
					}
				}
			}
		})
	}
}

// BenchmarkExtract measures extraction of a typical 5 KB article: eight short reports of different
// incidents, with dates, places, facilities, actors and figures.
func BenchmarkExtract(b *testing.B) {
	x := newExtractor(b)
	para := []string{
		"Gunmen attacked the Kuje Medium Security Custodial Centre near Abuja on Tuesday night and freed 879 inmates, the Nigerian Correctional Service said. Of the 879 who escaped, 443 were recaptured by Wednesday.",
		"Fighting between rival gangs inside the Litoral penitentiary in Guayaquil, Ecuador, left at least 31 inmates dead and 14 injured on Tuesday, the prison service said.",
		"Soldiers repelled an attack on the high-security prison at Koutoukale, west of Niamey, on Monday, the defence ministry said. One soldier was wounded and no inmate escaped.",
		"Taliban fighters stormed the central jail in Dera Ismail Khan, Pakistan, late on Monday, freeing over 250 prisoners including 35 militants, police said.",
		"According to the Syrian Observatory for Human Rights, 39 Islamic State gunmen and 35 members of the Syrian Democratic Forces were killed in the fighting around the prison in Hasakah.",
		"Armed gangs stormed the National Penitentiary in Port-au-Prince on Saturday night, freeing most of the roughly 3,800 inmates held there, officials said on Sunday.",
		"About 200 prisoners fled the Tanjung Gusta prison in Medan during a riot over water and power cuts on Thursday, police said, and 42 had been caught by Friday.",
		"The army said on Sunday that its troops had killed 12 attackers who tried to storm the prison in Maiduguri overnight, and that no inmate escaped.",
	}
	var text string
	for len(text) < 5000 {
		for _, p := range para {
			text += p + "\n\n"
		}
	}
	doc := document("2022-07-06", text[:5000])
	doc.Language = ingest.GuessLanguage(doc.Text)
	b.SetBytes(int64(len(doc.Text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Extract(doc)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// FuzzExtract runs extraction on arbitrary text: it must not panic, and every claim's offsets
// must lie inside the text it quotes.
func FuzzExtract(f *testing.F) {
	f.Add("Gunmen stormed the central prison in Kano, Nigeria, on Tuesday and freed 120 inmates, police said.")
	f.Add("UPDATE (23 JANUARY)\nAbu Hamza said the jail in the capital was attacked; 3 of them died.4")
	f.Add("Sekitar 60 narapidana kabur dari penjara Kerobokan, Jumat (7/3).")
	x := newExtractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		doc := document("2020-01-01", text)
		runes := utf8.RuneCountInString(doc.Text)
		for _, m := range x.Extract(doc) {
			for _, c := range m.Claims {
				if c.Start < 0 || c.End > runes || c.Start > c.End {
					t.Fatalf("claim offsets [%d,%d) outside a text of %d runes", c.Start, c.End, runes)
				}
			}
		}
	})
}

// TestClaimants checks who each figure is attributed to.
func TestClaimants(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		text   string
		figure int
		want   string // claimant [role]
	}{
		{"Gunmen stormed the prison in Kotido, Uganda, on Saturday, freeing 230 inmates. Police spokesman Fred Enanga said one warder was killed. \"So far 61 of the escapees have been rearrested,\" he said.",
			61, "Police [defender]"}, // "he said" is Enanga's, a police spokesman's
		{"Des hommes armés ont attaqué la prison de Kéniéba, au Mali, dimanche. Deux gardes ont été tués, a indiqué le ministère de la Justice.",
			2, "ministère [government]"},
		{"Gunmen stormed the prison in Kotido, Uganda, on Saturday, freeing 230 inmates.", 230, "the report [media]"},
		{"Des hommes armés ont attaqué la prison de Butembo, en RDC, jeudi. Trois gardes ont été tués, a déclaré à l'AFP le maire de la ville.",
			3, "maire [government]"},
		{"Islamic State fighters stormed a prison in Raqqa, Syria, on Monday. The Syrian Observatory for Human Rights said that 39 IS gunmen were killed.",
			39, "Syrian Observatory for Human Rights [independent]"},
		{"Islamic State fighters stormed a prison in Raqqa, Syria, on Monday. The SDF released a statement claiming they caught 89 of the escapees.",
			89, "Syrian Democratic Forces [defender]"},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range x.Extract(document("2023-03-05", tt.text)) {
			for _, c := range m.Claims {
				if c.Low != nil && *c.Low == tt.figure {
					got = append(got, fmt.Sprintf("%s [%s]", c.Claimant, c.ClaimantRole))
				}
			}
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("claimant of %d in %q = %v, want %q", tt.figure, tt.text, got, tt.want)
		}
	}
}

// A report's own figures are claimed by its outlet when its address is known, never by its title.
func TestOutletClaimant(t *testing.T) {
	x := newExtractor(t)
	doc := document("2023-03-05", "Gunmen stormed the prison in Kotido, Uganda, on Saturday, freeing 230 inmates.")
	doc.URL = "https://www.daily-example.org/2023/03/kotido"
	doc.Title = "Kotido breakout"
	ms := x.Extract(doc)
	if len(ms) != 1 || len(ms[0].Claims) != 1 {
		t.Fatalf("mentions = %+v, want one with one claim", ms)
	}
	if c := ms[0].Claims[0]; c.Claimant != "daily-example.org" || c.ClaimantRole != model.RoleMedia {
		t.Errorf("claimant = %q [%s], want daily-example.org [media]", c.Claimant, c.ClaimantRole)
	}
}
