package server

import (
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// TestReadCacheKeepsAudiencesApart: every response the read cache keeps (the dashboard, the
// incident list, the API's incident and document lists) is read first by a member of organisation
// A, who sees its AMBER and RED documents; then organisation B and an anonymous reader must get
// exactly what a server without the cache gives them.
func TestReadCacheKeepsAudiencesApart(t *testing.T) {
	a, m := markedAccounts(t)
	cached := handlersByPublicRead(t, Config{Store: a.store, ReadCache: 1 << 20})
	plain := handlersByPublicRead(t, Config{Store: a.store, Log: slog.New(slog.DiscardHandler)})
	later := time.Now().Add(time.Hour)
	// Sessions first: making one is a write, which would empty the cache between the reads.
	aCookie, bCookie := a.session("a-viewer", later), a.session("b-viewer", later)
	asA := func(r *http.Request) { r.AddCookie(aCookie) }
	readers := []struct {
		name       string
		publicRead bool
		prepare    func(*http.Request)
	}{
		{"b-viewer", false, func(r *http.Request) { r.AddCookie(bCookie) }},
		{"anonymous, public read", true, func(*http.Request) {}},
	}
	word := m.ByMarking[model.TLPRed].Word
	for _, path := range []string{"/", "/incidents", "/incidents?q=" + word, "/api/v1/incidents", "/api/v1/incidents?facets=true",
		"/api/v1/documents", "/api/v1/documents?q=" + word} {
		for _, publicRead := range []bool{false, true} {
			if status, _ := markedGet(cached[publicRead], path, asA); status != http.StatusOK {
				t.Fatalf("GET %s as organisation A: %d", path, status)
			}
		}
		for _, rd := range readers {
			_, got := markedGet(cached[rd.publicRead], path, rd.prepare)
			_, want := markedGet(plain[rd.publicRead], path, rd.prepare)
			if got != want {
				t.Errorf("GET %s as %s: the cached server answered otherwise than one without the cache", path, rd.name)
			}
		}
	}
}
