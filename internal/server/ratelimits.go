package server

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/auth"
	"github.com/wallwatch/wallwatch/internal/clientaddr"
	"github.com/wallwatch/wallwatch/internal/ratelimit"
)

// Rate is a request rate limit: PerSecond on average, in bursts of up to Burst. A zero
// PerSecond turns the limit off.
type Rate struct {
	PerSecond float64
	Burst     int
}

// PerSecond is a limit of n requests a second in bursts of ten seconds' worth: a page that
// loads its scripts, styles and data at once never meets it.
func PerSecond(n float64) Rate {
	return Rate{PerSecond: n, Burst: int(math.Ceil(10 * n))}
}

// maxRateKeys bounds the buckets one limiter keeps (addresses or tokens seen recently).
const maxRateKeys = 10000

func (r Rate) limiter() *ratelimit.Limiter {
	if r.PerSecond <= 0 {
		return nil
	}
	return ratelimit.New(r.PerSecond, r.Burst, maxRateKeys)
}

// limitAddresses refuses a client address over its rate before anything else is done for it, so
// a flood of requests with forged credentials costs no database look-ups. Behind a trusted proxy
// the address is the forwarded client's.
func limitAddresses(l *ratelimit.Limiter, g *auth.Guard) middleware {
	return func(next http.Handler) http.Handler {
		if l == nil {
			return next
		}
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			d := l.Allow(clientaddr.From(r).Addr, time.Now())
			if !d.Allowed {
				tooManyRequests(w, r, d, g, "", "client address over its request rate")
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// limitTokens refuses an API token over its rate. It runs after the guard, which has checked the
// token: only real tokens get a bucket, and the log can name the user.
func limitTokens(l *ratelimit.Limiter, g *auth.Guard) middleware {
	return func(next http.Handler) http.Handler {
		if l == nil {
			return next
		}
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			p := auth.PrincipalFrom(r.Context())
			if p.Via != "token" {
				next.ServeHTTP(w, r)
				return
			}
			d := l.Allow(strconv.FormatInt(p.TokenID, 10), time.Now())
			if !d.Allowed {
				tooManyRequests(w, r, d, g, p.Name, fmt.Sprintf("API token %d over its request rate", p.TokenID))
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// tooManyRequests answers 429 with Retry-After in whole seconds (JSON under /api/) and records
// the first refusal of a key each minute in the security log.
func tooManyRequests(w http.ResponseWriter, r *http.Request, d ratelimit.Decision, g *auth.Guard, who, detail string) {
	if d.Report {
		g.Audit(r, "rate_limited", who, http.StatusTooManyRequests, detail)
	}
	w.Header().Set("Retry-After", strconv.FormatInt(int64(math.Ceil(d.RetryAfter.Seconds())), 10))
	msg := "too many requests: " + detail + "; retry later"
	if strings.HasPrefix(r.URL.Path, "/api/") {
		auth.WriteAPIError(w, http.StatusTooManyRequests, "rate_limited", msg)
		return
	}
	http.Error(w, msg, http.StatusTooManyRequests)
}
