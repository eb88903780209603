package api

import (
	"net/url"
	"strings"
	"testing"
)

func TestNamesResolve(t *testing.T) {
	names := Names{
		Country: func(s string) (string, bool) {
			code, ok := map[string]string{"ng": "NG", "nigeria": "NG"}[strings.ToLower(s)]
			return code, ok
		},
		Actor: func(s string) (string, bool) { return "Islamic State", s == "ISIS" },
		Words: func(s string) string { return strings.ReplaceAll(s, "Koutoukale", "Koutoukalé") },
	}
	for _, tc := range []struct{ query, want, wantErr string }{
		{"country=Nigeria&actor=ISIS", "actor=Islamic+State&country=NG", ""},
		{"country=ng&actor=Someone+new", "actor=Someone+new&country=NG", ""},
		{"country=XX", "", "country"},
		{"q=kano", "q=kano", ""},
		{"q=Koutoukale", "q=Koutoukal%C3%A9", ""},
	} {
		v, _ := url.ParseQuery(tc.query)
		got, err := names.Resolve(v)
		if tc.wantErr != "" {
			if pe, ok := err.(*ParamError); !ok || pe.Parameter != tc.wantErr {
				t.Errorf("%q: error %v, want one naming %s", tc.query, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got.Encode() != tc.want {
			t.Errorf("%q: got %q, %v; want %q", tc.query, got.Encode(), err, tc.want)
		}
	}
	if got, err := (Names{}).Resolve(url.Values{"country": {"Nigeria"}}); err != nil || got.Get("country") != "Nigeria" {
		t.Errorf("without reference data: got %v, %v; want the value as typed", got, err)
	}
}
