package api

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

func TestParseIncidentQuery(t *testing.T) {
	for _, tc := range []struct {
		query   string
		want    string // fields of the query that matter, or the parameter of the error
		wantErr bool
	}{
		{"", "limit=50", false},
		{"country=ng&type=riot&limit=7&sort=-date", "country=NG type=riot limit=7 sort=-date", false},
		{"since=2024-01-01&until=2024-01-01", "since=2024-01-01 until=2024-01-01 limit=50", false},
		{"bbox=-10.5,-5,10,5.25", "bbox=[-10.5 -5 10 5.25] limit=50", false},
		{"q=" + strings.Repeat("x", 201), "q", true},
		{"country=N1", "country", true},
		{"bbox=a,b,c,d", "bbox", true},
		{"bbox=-200,0,0,0", "bbox", true},
		{"limit=abc", "limit", true},
		{"contested=true&sort=contested", "limit=50 sort=contested contested", false},
		{"contested=maybe", "contested", true},
		{"sort=killed", "limit=50 sort=killed", false},
		{"sort=wounded", "sort", true},
	} {
		v, _ := url.ParseQuery(tc.query)
		q, err := ParseIncidentQuery(v, listLimits)
		if tc.wantErr {
			pe, ok := err.(*ParamError)
			if !ok || pe.Parameter != tc.want {
				t.Errorf("%q: error %v, want one naming %s", tc.query, err, tc.want)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.query, err)
			continue
		}
		if got := describe(q); got != tc.want {
			t.Errorf("%q: got %s, want %s", tc.query, got, tc.want)
		}
	}
}

func FuzzParseIncidentQuery(f *testing.F) {
	for _, s := range []string{"country=NG&since=2024-01-01", "bbox=1,2,3,4&limit=500", "sort=escaped&cursor=abc", "limit=-1&type=riot", "%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, err := ParseIncidentQuery(v, listLimits)
		if err != nil {
			if _, ok := err.(*ParamError); !ok {
				t.Fatalf("%q: error %T is not a *ParamError", raw, err)
			}
			return
		}
		if q.Limit < 1 || q.Limit > listLimits.Max {
			t.Fatalf("%q: limit %d out of bounds", raw, q.Limit)
		}
		if b := q.BBox; b != nil && (b[0] > b[2] || b[1] > b[3]) {
			t.Fatalf("%q: inverted bbox %v", raw, b)
		}
	})
}

func FuzzIngestBody(f *testing.F) {
	for _, s := range []string{`{"url":"https://a.example/"}`, `{"text":"x","published":"2024-01-02"}`, `{"text":1}`, `[]`, `{"url":"x","text":"y"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		r := httptest.NewRequest(http.MethodPost, "/api/v1/documents", strings.NewReader(body))
		req, err := readIngestRequest(httptest.NewRecorder(), r)
		if err != nil {
			if status, _ := classify(err); status != http.StatusBadRequest && status != http.StatusRequestEntityTooLarge {
				t.Fatalf("%q: status %d for %v", body, status, err)
			}
			return
		}
		if (req.URL == "") == (strings.TrimSpace(req.Text) == "") {
			t.Fatalf("%q: accepted with url %q and text %q", body, req.URL, req.Text)
		}
	})
}

// describe prints the set fields of a query compactly for table tests.
func describe(q store.IncidentQuery) string {
	var parts []string
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+"="+v)
		}
	}
	add("country", q.Country)
	add("type", q.Type)
	if q.Since != nil {
		add("since", q.Since.Format(model.DateLayout))
	}
	if q.Until != nil {
		add("until", q.Until.Format(model.DateLayout))
	}
	if q.BBox != nil {
		add("bbox", fmt.Sprint(*q.BBox))
	}
	add("limit", fmt.Sprint(q.Limit))
	add("sort", q.Sort)
	if q.Contested {
		parts = append(parts, "contested")
	}
	return strings.Join(parts, " ")
}
