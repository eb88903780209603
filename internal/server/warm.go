package server

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
)

// Warm requests each path of h once, all at once, and discards the answers; it returns when
// every one has answered. The pages that keep what they compute from the whole store (the
// dashboard, the incident list) then have it before their first reader, who would otherwise wait
// for it; side by side, the list is not kept waiting for the dashboard. It starts no request once
// ctx has ended.
func Warm(ctx context.Context, h http.Handler, log *slog.Logger, paths ...string) {
	var wg sync.WaitGroup
	for _, path := range paths {
		if ctx.Err() != nil {
			break
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, path, nil)
		if err != nil {
			log.Warn("warm a page", "path", path, "err", err)
			continue
		}
		wg.Go(func() {
			w := &discard{header: http.Header{}}
			h.ServeHTTP(w, req)
			log.Debug("warmed a page", "path", path, "status", w.status)
		})
	}
	wg.Wait()
}

// discard is a ResponseWriter that keeps only the status.
type discard struct {
	header http.Header
	status int
}

func (d *discard) Header() http.Header { return d.header }

func (d *discard) Write(p []byte) (int, error) {
	if d.status == 0 {
		d.status = http.StatusOK
	}
	return len(p), nil
}

func (d *discard) WriteHeader(status int) { d.status = status }
