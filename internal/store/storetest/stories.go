package storetest

import "github.com/wallwatch/wallwatch/internal/model"

// The stories below are invented: real towns, made-up facilities' events, groups and figures,
// written for these fixtures. They are shaped like real coverage: several sources per incident,
// figures that disagree and change over time, a campaign spanning three countries, and one
// document full of markup that must never run in a browser.

// CampaignName is the campaign three of the stories belong to.
const CampaignName = "Open the Gates"

// XSSMarker is the global variable the hostile document's scripts would set if they ever ran.
const XSSMarker = "__xss"

var stories = []story{
	{
		key: "makurdi", typ: model.FacilityAttack, date: "2024-03-12",
		place:    model.Place{Country: "NG", Admin1: "Benue", Name: "Makurdi", Lat: 7.7337, Lon: 8.5214, Precision: model.GeoPlace},
		facility: "Makurdi Medium Security Custodial Centre", actors: []string{"Benue Valley Brigade"}, methods: []string{"explosives", "gunfire"},
		articles: []article{{
			title: "Gunmen blast jail wall in Makurdi, 118 inmates flee", source: "https://wire.example.org/2024/03/12/makurdi-jail", published: "2024-03-12",
			text: "Armed men attacked the Makurdi Medium Security Custodial Centre in Benue State late on Tuesday, blasting through the perimeter wall with explosives. " +
				"The Nigerian Correctional Service said 118 inmates escaped during the assault. " +
				"Two guards were killed in an exchange of fire, a police spokesperson said. " +
				"A group calling itself the Benue Valley Brigade claimed the raid in a statement.",
			evidence: []cue{{"date", "late on Tuesday", "2024-03-12"}, {"facility", "Makurdi Medium Security Custodial Centre", ""}, {"place", "Benue State", "NG.Benue"}, {"actor", "Benue Valley Brigade", "Benue Valley Brigade"}, {"figure", "118 inmates", "118"}, {"figure", "Two guards", "2"}},
			claims: []claimCue{
				{model.Escaped, "The Nigerian Correctional Service said 118 inmates escaped during the assault.", 118, 118, "exact", "Nigerian Correctional Service", model.RoleGovernment, ""},
				{model.Killed, "Two guards were killed in an exchange of fire, a police spokesperson said.", 2, 2, "exact", "police spokesperson", model.RoleGovernment, "security"},
			},
		}, {
			title: "Makurdi jailbreak: monitors dispute official count", source: "https://benuetimes.example.com/news/jailbreak-update", published: "2024-03-14",
			text: "Two days after the attack on the Makurdi custodial centre, residents say the number of escapees is far higher than officially stated. " +
				"A local rights monitor put the figure at more than 240 inmates. " +
				"The correctional service said 37 of the escapees had been recaptured by Thursday morning. " +
				"The Benue Valley Brigade said its fighters had freed 300 prisoners.",
			evidence: []cue{{"place", "Makurdi", "Makurdi"}, {"figure", "more than 240 inmates", ">240"}, {"figure", "37 of the escapees", "37"}, {"actor", "Benue Valley Brigade", "Benue Valley Brigade"}, {"figure", "300 prisoners", "300"}},
			claims: []claimCue{
				{model.Escaped, "A local rights monitor put the figure at more than 240 inmates.", 240, -1, "more_than", "local rights monitor", model.RoleIndependent, ""},
				{model.Recaptured, "The correctional service said 37 of the escapees had been recaptured by Thursday morning.", 37, 37, "exact", "Nigerian Correctional Service", model.RoleGovernment, ""},
				{model.Escaped, "The Benue Valley Brigade said its fighters had freed 300 prisoners.", 300, 300, "exact", "Benue Valley Brigade", model.RolePerpetrator, ""},
			},
		}},
	},
	{
		key: "cap-haitien", typ: model.MassEscape, date: "2024-05-02",
		place:    model.Place{Country: "HT", Admin1: "Nord", Name: "Cap-Haïtien", Lat: 19.7578, Lon: -72.2044, Precision: model.GeoFacility},
		facility: "Cap-Haïtien Civil Prison", actors: []string{"Harbour Front Gangs"}, methods: []string{"arson"},
		articles: []article{{
			title: "Hundreds walk out of Cap-Haïtien prison after gate fire", source: "https://radio-nord.example.ht/prison-evasion", published: "2024-05-03",
			text: "Hundreds of detainees walked out of the Cap-Haïtien Civil Prison on Thursday night after armed gangs set fire to the main gate. " +
				"Justice ministry officials said about 400 prisoners escaped. " +
				"Police recaptured 52 of them in the streets around the port by Friday afternoon.",
			evidence: []cue{{"facility", "Cap-Haïtien Civil Prison", ""}, {"date", "Thursday night", "2024-05-02"}, {"actor", "armed gangs", "Harbour Front Gangs"}, {"figure", "about 400 prisoners", "~400"}, {"figure", "52 of them", "52"}},
			claims: []claimCue{
				{model.Escaped, "Justice ministry officials said about 400 prisoners escaped.", 400, 400, "approx", "Justice ministry officials", model.RoleGovernment, ""},
				{model.Recaptured, "Police recaptured 52 of them in the streets around the port by Friday afternoon.", 52, 52, "exact", "Police", model.RoleGovernment, ""},
			},
		}, {
			title: "Rights network counts 489 escapees from Cap-Haïtien", source: "https://monitor.example.org/reports/cap-haitien", published: "2024-05-06",
			text: "A human rights network that monitors Haitian prisons said at least 530 people had been held at the Cap-Haïtien Civil Prison before the breakout, and that only 41 remained inside afterwards. " +
				"By its count 489 inmates escaped, well above the government figure.",
			evidence: []cue{{"facility", "Cap-Haïtien Civil Prison", ""}, {"figure", "at least 530 people", ">=530"}, {"figure", "489 inmates", "489"}},
			claims: []claimCue{
				{model.Held, "A human rights network that monitors Haitian prisons said at least 530 people had been held at the Cap-Haïtien Civil Prison before the breakout, and that only 41 remained inside afterwards.", 530, -1, "more_than", "human rights network", model.RoleIndependent, ""},
				{model.Escaped, "By its count 489 inmates escaped, well above the government figure.", 489, 489, "exact", "human rights network", model.RoleIndependent, ""},
			},
		}},
	},
	{
		key: "butembo", typ: model.Riot, date: "2023-11-20",
		place:    model.Place{Country: "CD", Admin1: "North Kivu", Name: "Butembo", Lat: 0.1419, Lon: 29.2911, Precision: model.GeoPlace},
		facility: "Butembo Central Prison",
		articles: []article{{
			title: "Four dead in Butembo prison riot over food", source: "https://kivu-news.example.cd/butembo-riot", published: "2023-11-21",
			text: "Inmates rioted at Butembo Central Prison on Monday over food shortages, setting mattresses alight in two cell blocks. " +
				"Provincial authorities said four prisoners died and eleven were wounded before soldiers restored order. " +
				"No escape was reported.",
			evidence: []cue{{"facility", "Butembo Central Prison", ""}, {"date", "on Monday", "2023-11-20"}, {"figure", "four prisoners", "4"}, {"figure", "eleven", "11"}},
			claims: []claimCue{
				{model.Killed, "Provincial authorities said four prisoners died and eleven were wounded before soldiers restored order.", 4, 4, "exact", "Provincial authorities", model.RoleGovernment, "prisoners"},
				{model.Wounded, "Provincial authorities said four prisoners died and eleven were wounded before soldiers restored order.", 11, 11, "exact", "Provincial authorities", model.RoleGovernment, "prisoners"},
			},
		}},
	},
	{
		key: "bannu", typ: model.ThwartedAttack, date: "2024-01-15",
		place:    model.Place{Country: "PK", Admin1: "Khyber Pakhtunkhwa", Name: "Bannu", Lat: 32.9861, Lon: 70.6042, Precision: model.GeoPlace},
		facility: "Bannu District Jail", actors: []string{"Mountain Path Movement"}, methods: []string{"gunfire"},
		articles: []article{{
			title: "Police repel pre-dawn attack on Bannu jail", source: "https://frontier.example.pk/bannu-jail-attack", published: "2024-01-15",
			text: "Security forces repelled an attack on Bannu District Jail before dawn on Monday, officials said. " +
				"Around 20 militants opened fire on the main gate but were pushed back after a two-hour gunfight. " +
				"Three attackers were killed and one police officer was wounded, according to the district police chief. " +
				"The Mountain Path Movement later said its men had been sent to free comrades held there. No prisoner escaped.",
			evidence: []cue{{"facility", "Bannu District Jail", ""}, {"figure", "Around 20 militants", "~20"}, {"figure", "Three attackers", "3"}, {"actor", "Mountain Path Movement", "Mountain Path Movement"}},
			claims: []claimCue{
				{model.Attackers, "Around 20 militants opened fire on the main gate but were pushed back after a two-hour gunfight.", 20, 20, "approx", "officials", model.RoleGovernment, ""},
				{model.Killed, "Three attackers were killed and one police officer was wounded, according to the district police chief.", 3, 3, "exact", "district police chief", model.RoleDefender, "perpetrators"},
				{model.Wounded, "Three attackers were killed and one police officer was wounded, according to the district police chief.", 1, 1, "exact", "district police chief", model.RoleDefender, "security"},
			},
		}},
	},
	{
		key: "gao", typ: model.FacilityAttack, date: "2024-02-03", campaign: CampaignName,
		place:    model.Place{Country: "ML", Admin1: "Gao", Name: "Gao", Lat: 16.2717, Lon: -0.0447, Precision: model.GeoPlace},
		facility: "Gao Prison", actors: []string{"Sahel Liberation Army"}, methods: []string{"gunfire", "vehicles"},
		articles: []article{{
			title: "Sahel Liberation Army storms Gao prison", source: "https://sahel-wire.example.net/gao-prison", published: "2024-02-04",
			text: "Fighters of the Sahel Liberation Army stormed Gao Prison on Saturday evening, the first strike of what the group called its Open the Gates campaign. " +
				"A regional official said 62 detainees escaped. " +
				"The group's own statement claimed that 150 brothers had been freed.",
			evidence: []cue{{"actor", "Sahel Liberation Army", "Sahel Liberation Army"}, {"facility", "Gao Prison", ""}, {"date", "Saturday evening", "2024-02-03"}, {"campaign", "Open the Gates", CampaignName}, {"figure", "62 detainees", "62"}, {"figure", "150 brothers", "150"}},
			claims: []claimCue{
				{model.Escaped, "A regional official said 62 detainees escaped.", 62, 62, "exact", "regional official", model.RoleGovernment, ""},
				{model.Escaped, "The group's own statement claimed that 150 brothers had been freed.", 150, 150, "exact", "Sahel Liberation Army", model.RolePerpetrator, ""},
			},
		}},
	},
	{
		key: "tillaberi", typ: model.FacilityAttack, date: "2024-04-21", campaign: CampaignName,
		place:    model.Place{Country: "NE", Admin1: "Tillabéri", Name: "Tillabéri", Lat: 14.2117, Lon: 1.4531, Precision: model.GeoPlace},
		facility: "Tillabéri Civil Prison", actors: []string{"Sahel Liberation Army"}, methods: []string{"motorcycles", "gunfire"},
		articles: []article{{
			title: "Motorcycle gunmen free inmates in Tillabéri", source: "https://sahel-wire.example.net/tillaberi", published: "2024-04-22",
			text: "Gunmen on motorcycles attacked the civil prison in Tillabéri on Sunday, freeing dozens of inmates. " +
				"Interior ministry sources said 45 prisoners escaped and 9 were caught within hours. " +
				"The Sahel Liberation Army described the raid as part of Open the Gates.",
			evidence: []cue{{"place", "Tillabéri", "Tillabéri"}, {"date", "on Sunday", "2024-04-21"}, {"figure", "45 prisoners", "45"}, {"figure", "9 were caught", "9"}, {"actor", "Sahel Liberation Army", "Sahel Liberation Army"}, {"campaign", "Open the Gates", CampaignName}},
			claims: []claimCue{
				{model.Escaped, "Interior ministry sources said 45 prisoners escaped and 9 were caught within hours.", 45, 45, "exact", "Interior ministry sources", model.RoleGovernment, ""},
				{model.Recaptured, "Interior ministry sources said 45 prisoners escaped and 9 were caught within hours.", 9, 9, "exact", "Interior ministry sources", model.RoleGovernment, ""},
			},
		}},
	},
	{
		key: "dori", typ: model.FacilityAttack, date: "2024-06-09", campaign: CampaignName,
		place:    model.Place{Country: "BF", Admin1: "Sahel", Name: "Dori", Lat: 14.0354, Lon: -0.0345, Precision: model.GeoPlace},
		facility: "Dori Prison", actors: []string{"Sahel Liberation Army"}, methods: []string{"gunfire"},
		articles: []article{{
			title: "Dori prison raid: group claims 90 freed, officials say 60", source: "https://sahel-wire.example.net/dori", published: "2024-06-10",
			text: "The Sahel Liberation Army said it attacked the prison in Dori on Sunday and released about 90 inmates. " +
				"Officials in the Sahel region gave a lower figure of 60 escapees and said six soldiers were killed defending the compound.",
			evidence: []cue{{"actor", "Sahel Liberation Army", "Sahel Liberation Army"}, {"place", "Dori", "Dori"}, {"figure", "about 90 inmates", "~90"}, {"figure", "60 escapees", "60"}, {"figure", "six soldiers", "6"}},
			claims: []claimCue{
				{model.Escaped, "The Sahel Liberation Army said it attacked the prison in Dori on Sunday and released about 90 inmates.", 90, 90, "approx", "Sahel Liberation Army", model.RolePerpetrator, ""},
				{model.Escaped, "Officials in the Sahel region gave a lower figure of 60 escapees and said six soldiers were killed defending the compound.", 60, 60, "exact", "Officials in the Sahel region", model.RoleGovernment, ""},
				{model.Killed, "Officials in the Sahel region gave a lower figure of 60 escapees and said six soldiers were killed defending the compound.", 6, 6, "exact", "Officials in the Sahel region", model.RoleGovernment, "security"},
			},
		}, {
			title: "Dori: 71 inmates still at large ten days on", source: "https://burkina-daily.example.bf/dori-suite", published: "2024-06-20",
			text:     "Ten days after the raid on the Dori prison, the regional governor said 71 inmates had escaped in all and that 14 had returned or been arrested.",
			evidence: []cue{{"place", "Dori", "Dori"}, {"figure", "71 inmates", "71"}, {"figure", "14", "14"}},
			claims: []claimCue{
				{model.Escaped, "Ten days after the raid on the Dori prison, the regional governor said 71 inmates had escaped in all and that 14 had returned or been arrested.", 71, 71, "exact", "regional governor", model.RoleGovernment, ""},
				{model.Recaptured, "Ten days after the raid on the Dori prison, the regional governor said 71 inmates had escaped in all and that 14 had returned or been arrested.", 14, 14, "exact", "regional governor", model.RoleGovernment, ""},
			},
		}},
	},
	{
		key: "jos", typ: model.MassEscape, date: "2023-08-30",
		place:    model.Place{Country: "NG", Admin1: "Plateau", Name: "Jos", Lat: 9.8965, Lon: 8.8583, Precision: model.GeoPlace},
		facility: "Jos Custodial Centre <img src=x onerror=window.__xss=3>",
		articles: []article{{
			title: "Desk note <script>window.__xss=1</script> on Jos escape", source: "javascript:window.__xss=4", published: "2023-08-31", hostile: true,
			text: "Report received by the desk <script>window.__xss=1</script> with an image <img src=x onerror=\"window.__xss=2\"> and a link <a href=\"javascript:window.__xss=5\">open</a>. " +
				"Inmates broke out of the Jos Custodial Centre on Wednesday night; prison officials said 26 inmates escaped.",
			evidence: []cue{{"facility", "Jos Custodial Centre", ""}, {"date", "Wednesday night", "2023-08-30"}, {"figure", "26 inmates", "26"}},
			claims: []claimCue{
				{model.Escaped, "Inmates broke out of the Jos Custodial Centre on Wednesday night; prison officials said 26 inmates escaped.", 26, 26, "exact", "prison officials <b>", model.RoleGovernment, ""},
			},
		}},
	},
}
