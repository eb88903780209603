package extract

import (
	"net/url"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/model"
)

// sourceCountry is the country a dataset's event id names in the document's source, "" if
// none: coded-event datasets name their events by a three-letter country code and a number
// ("KEN544", "10454IND", or "HTI-20240329-4987a5" where an export had no id), so a short note
// that names no country still tells where it happened.
func (x *Extractor) sourceCountry(source string) string {
	code := eventIDCode(path.Base(source))
	if code == "" {
		return ""
	}
	c, _ := x.res.CountryCode(code)
	return c
}

// outletCountry is the country the web address of the document's outlet names ("example.it"),
// "" if none: local press tells of its own country's towns without naming the country.
func (x *Extractor) outletCountry(doc model.Document) string {
	for _, addr := range []string{doc.URL, doc.Source} {
		if u, err := url.Parse(addr); err == nil && u.Host != "" {
			c, _ := x.res.DomainCountry(u.Hostname())
			return c
		}
	}
	return ""
}

// eventIDCode returns the three capital letters of an event id file name, "" when the name is
// not one: the letters must be joined to a number ("KEN544", "7641IND") or be the first part of
// a name whose other parts hold digits ("HTI-20240329-4987a5").
func eventIDCode(name string) string {
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	first, rest, split := strings.Cut(name, "-")
	if split {
		if !strings.ContainsAny(rest, "0123456789") || !allCapitals(first) || len(first) != 3 {
			return ""
		}
		return first
	}
	letters := strings.Trim(name, "0123456789")
	if len(letters) != 3 || len(letters) == len(name) || !allCapitals(letters) {
		return ""
	}
	if strings.Trim(name[:len(name)-3], "0123456789") != "" && strings.Trim(name[3:], "0123456789") != "" {
		return "" // digits on both sides: "12ABC34"
	}
	return letters
}

// headlineOfAddress reads the words of a web address's path as a headline, each capitalised so
// that names may be found in it ("/en-bref/20220508-tarvonia-un-mort" gives "En Bref Tarvonia Un
// Mort"); "" when the address has no path words. Words are split at anything but a letter, and
// percent-escapes are decoded first ("%C3%A9vad%C3%A9s" is "évadés").
func headlineOfAddress(address string) string {
	u, err := url.Parse(address)
	if err != nil || u.Host == "" {
		return ""
	}
	words := strings.FieldsFunc(u.Path, func(r rune) bool { return !unicode.IsLetter(r) })
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}

func allCapitals(s string) bool {
	return s != "" && strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}
