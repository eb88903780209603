package api

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

// TestLoad measures the latency of the read endpoints over loopback against a large database.
// It only runs when WALLWATCH_LOAD is set to the number of incidents to generate (e.g. 100000):
//
//	WALLWATCH_LOAD=100000 go test -run TestLoad -v ./internal/api/
func TestLoad(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv("WALLWATCH_LOAD"))
	if err != nil || n <= 0 {
		t.Skip("set WALLWATCH_LOAD=100000 to run the load test")
	}
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "load.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	if err := storetest.SeedMany(ctx, s, n); err != nil {
		t.Fatal(err)
	}
	t.Logf("seeded %d incidents in %s", n, time.Since(start).Round(time.Millisecond))
	if err := s.Optimize(ctx); err != nil { // as ingest does after a batch
		t.Fatal(err)
	}
	measureLoad(t, s, n)
}

// loadTargets are the requests the load test times; the first three carry the 50 ms p99 target.
var loadTargets = []string{
	"/api/v1/incidents",
	"/api/v1/incidents?country=NG",
	"/api/v1/incidents/inc-gen%08d",
	"/api/v1/incidents?country=NG&type=riot&since=2020-01-01",
	"/api/v1/incidents?type=riot",
	"/api/v1/incidents?actor=sahel+liberation+army",
	"/api/v1/incidents?sort=escaped",
	"/api/v1/incidents?q=quetta",
}

func measureLoad(t *testing.T, s *store.Store, n int) {
	srv := httptest.NewServer(New(Config{Store: s, Log: slog.New(slog.DiscardHandler)}).Handler())
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
	const requests = 300
	for i, target := range loadTargets {
		var took []time.Duration
		for j := range requests {
			url := srv.URL + target
			if strings.Contains(target, "%08d") {
				url = srv.URL + fmt.Sprintf(target, (j*7919)%n)
			}
			d, err := timeGet(client, url)
			if err != nil {
				t.Fatal(err)
			}
			took = append(took, d)
		}
		slices.Sort(took)
		p50, p99 := took[len(took)/2], took[len(took)*99/100]
		t.Logf("%-58s p50 %6.2f ms   p99 %6.2f ms", target, ms(p50), ms(p99))
		if i < 3 && p99 > 50*time.Millisecond {
			t.Errorf("%s: p99 %s is over the 50 ms target", target, p99)
		}
	}
}

func timeGet(c *http.Client, url string) (time.Duration, error) {
	start := time.Now()
	res, err := c.Get(url)
	if err != nil {
		return 0, err
	}
	_, err = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("GET %s: %s", url, res.Status)
	}
	return time.Since(start), err
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
