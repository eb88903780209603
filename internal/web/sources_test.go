package web

import (
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
)

func TestSourceNamesNeverShowLocalPaths(t *testing.T) {
	docs := map[string]model.DocumentRef{
		"a": {ID: "a", Source: "/home/analyst/corpus/101-bauchi.txt", Title: "Bauchi prison break", URL: "https://www.vanguardngr.com/2010/09/x"},
		"b": {ID: "b", Source: "/home/analyst/corpus/notes.txt"},
	}
	tests := []struct {
		claimant, doc, want string
	}{
		{"Bauchi prison break", "a", "vanguardngr.com"},
		{"/home/analyst/corpus/101-bauchi.txt", "a", "vanguardngr.com"},
		{"www.vanguardngr.com", "a", "vanguardngr.com"},
		{"notes.txt", "b", "the report"},
		{"police spokesman", "a", "police spokesman"},
		{"", "a", "unnamed"},
		{"www.rudaw.net", "gone", "rudaw.net"},
	}
	for _, tt := range tests {
		if got := claimantLabel(model.Claim{Claimant: tt.claimant, DocumentID: tt.doc}, docs); got != tt.want {
			t.Errorf("claimant %q of %s = %q, want %q", tt.claimant, tt.doc, got, tt.want)
		}
	}
	for _, s := range []string{"/home/analyst/corpus/notes.txt", `C:\corpus\a.txt`, "notes.txt"} {
		if got := hostOf(s); got != "" {
			t.Errorf("hostOf(%q) = %q, want nothing", s, got)
		}
	}
}
