package server

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

// BenchmarkIncidentDetail is the detail of an incident of 5,000 reports, each with a claim, as
// JSON (GET /api/v1/incidents/{id}) and as its page (/incidents/{id}), through the server's
// handler without accounts or the read cache, on a store deriving histories as serve opens it;
// it reports the response's size.
func BenchmarkIncidentDetail(b *testing.B) {
	h, err := Handler(Config{Store: storetest.LargeStore(b, 5_000, false), Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	for name, path := range map[string]string{"api": "/api/v1/incidents/", "page": "/incidents/"} {
		b.Run(name, func(b *testing.B) {
			var size int
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path+storetest.LargeIncident, nil))
				if w.Code != http.StatusOK {
					b.Fatalf("%s: %d %s", path, w.Code, w.Body)
				}
				size = w.Body.Len()
			}
			b.ReportMetric(float64(size), "resp-bytes")
		})
	}
}
