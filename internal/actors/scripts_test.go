package actors

import "testing"

// TestFindArabic covers Arabic names: proclitics written onto the first word, hamza forms of
// alif, vowel marks, and generic words that must not name a group.
func TestFindArabic(t *testing.T) {
	d := loadT(t)
	checkFind(t, d, []findCase{
		{"branch in a sentence", "أعلن تنظيم القاعدة في جزيرة العرب مسؤوليته عن اقتحام السجن",
			"تنظيم القاعدة في جزيرة العرب=al-Qaeda in the Arabian Peninsula"},
		{"branch after lam", "نسب المسؤول الهجوم لتنظيم القاعدة في جزيرة العرب",
			"تنظيم القاعدة في جزيرة العرب=al-Qaeda in the Arabian Peninsula"},
		{"waw on the name", "اتهمت السلطات داعش وتنظيم القاعدة بتدبير الهجوم",
			"داعش=Islamic State; تنظيم القاعدة=al-Qaeda"},
		{"lam before the article", "نسبت الحكومة الهجوم للحوثيين", "لحوثيين=Houthis"},
		{"waw and lam before the article", "ونسب الهجوم وللحوثيين أنصار", "لحوثيين=Houthis"},
		{"waw then ba", "يرتبط المهاجمون وبتنظيم الدولة", "تنظيم الدولة=Islamic State"},
		{"kaf", "جماعات متطرفة كداعش تستهدف السجون", "داعش=Islamic State"},
		{"vowel mark on the proclitic", "الصلة بِداعش واضحة", "داعش=Islamic State"},
		{"alif without hamza", "هجوم لتنظيم الدولة الاسلامية على السجن", "تنظيم الدولة الاسلامية=Islamic State"},
		{"alif with hamza", "هجوم لتنظيم الدولة الإسلامية على السجن", "تنظيم الدولة الإسلامية=Islamic State"},
		{"longest wins after lam", "بيان لحركة طالبان باكستان", "حركة طالبان باكستان=Tehrik-i-Taliban Pakistan"},
		{"movement", "اقتحم مقاتلو حركة الشباب السجن المركزي", "حركة الشباب=al-Shabaab"},
		{"province", "تبنت ولاية غرب إفريقيا الهجوم", "ولاية غرب إفريقيا=Islamic State West Africa Province"},
		{"word starting with waw", "أعلنت ولاية خراسان المسؤولية", "ولاية خراسان=Islamic State Khorasan Province"},
		{"two words after lam", "فر السجناء بعد هجوم لقوات الدعم السريع", "قوات الدعم السريع=Rapid Support Forces"},
		{"acronym word", "سيطرت قسد على السجن", "قسد=Syrian Democratic Forces"},
		{"youth", "شارك الشباب في المظاهرة", ""},
		{"base", "عاد الجنود إلى القاعدة العسكرية", ""},
		{"base after waw", "قصفت الطائرات المطار والقاعدة", ""},
		{"state", "قالت الدولة إن السجن آمن", ""},
		{"enthusiasm", "استقبل الجمهور الفريق بحماس", ""},
		{"not across a comma", "حركة، الشباب", ""},
	})
}

// TestFindRussian covers Russian names, which decline: the common case forms are aliases.
func TestFindRussian(t *testing.T) {
	d := loadT(t)
	checkFind(t, d, []findCase{
		{"genitive", "Ответственность взяли боевики Исламского государства", "Исламского государства=Islamic State"},
		{"instrumental", "Колония была захвачена талибами", "талибами=Taliban"},
		{"acronym", "Боевики ИГИЛ напали на колонию", "ИГИЛ=Islamic State"},
		{"genitive in quotes", "представитель «Хезболлы» заявил", "Хезболлы=Hezbollah"},
		{"branch in the genitive", "члены Аль-Каиды на Аравийском полуострове бежали",
			"Аль-Каиды на Аравийском полуострове=al-Qaeda in the Arabian Peninsula"},
		{"root in the instrumental", "связи с аль-Каидой", "аль-Каидой=al-Qaeda"},
		{"emirate", "лидер Имарата Кавказ погиб", "Имарата Кавказ=Caucasus Emirate"},
		{"plural", "хуситы атаковали тюрьму", "хуситы=Houthis"},
		{"capitals", "ХАМАС и Боко Харам", "ХАМАС=Hamas; Боко Харам=Boko Haram"},
		{"lower-case generic phrase", "идея исламского государства", ""},
	})
}

// TestFindTurkish covers Turkish names.
func TestFindTurkish(t *testing.T) {
	d := loadT(t)
	checkFind(t, d, []findCase{
		{"acronym", "IŞİD militanları cezaevine saldırdı", "IŞİD=Islamic State"},
		{"two groups", "DEAŞ ve El Kaide üyeleri", "DEAŞ=Islamic State; El Kaide=al-Qaeda"},
		{"branch", "Arap Yarımadası El Kaidesi saldırıyı üstlendi", "Arap Yarımadası El Kaidesi=al-Qaeda in the Arabian Peninsula"},
		{"plural", "Husiler saldırıyı üstlendi", "Husiler=Houthis"},
		{"full name", "Suriye Demokratik Güçleri cezaevini korudu", "Suriye Demokratik Güçleri=Syrian Democratic Forces"},
		{"suffix after apostrophe", "IŞİD'in cezaevi saldırısı", "IŞİD=Islamic State"},
		{"suffix on an older acronym", "PKK'lı militanlar ve DHKP-C'nin üyeleri", "PKK=Kurdistan Workers' Party; DHKP-C=Revolutionary People's Liberation Party-Front"},
		{"suffix on a two-word name", "El Kaide'nin ve Boko Haram'ın saldırıları", "El Kaide=al-Qaeda; Boko Haram=Boko Haram"},
		{"suffix on a province", "DEAŞ-Horasan'a bağlı militanlar", "DEAŞ-Horasan=Islamic State Khorasan Province"},
		{"apostrophe inside a transliteration", "Da'esh fighters", "Da'esh=Islamic State"},
		{"capital suffix is no suffix", "PKK'NIN", ""},
		{"lower-case generic phrase", "bir İslam devleti kurmak", ""},
	})
}
