// Package ratelimit keeps one token bucket (golang.org/x/time/rate) per key — an API token, a
// client address — in bounded memory: a bucket idle long enough to have filled up again is the
// same as a new one, so it is forgotten when room is needed, and when every bucket is busy the
// least recently used goes.
package ratelimit

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// reportEvery is how often one key's refusals are worth a report (a security-log entry): a
// client hammering the server is logged once a minute, not once per request.
const reportEvery = time.Minute

// Limiter allows each key PerSecond requests a second on average, in bursts of up to Burst.
type Limiter struct {
	limit   rate.Limit
	burst   int
	maxKeys int
	refill  time.Duration // how long an unused bucket takes to fill up

	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	lim      *rate.Limiter
	seen     time.Time // last request
	reported time.Time // last refusal reported
}

// New returns a Limiter of perSecond (> 0) requests a second with bursts of burst (at least 1),
// holding at most maxKeys buckets.
func New(perSecond float64, burst, maxKeys int) *Limiter {
	burst, maxKeys = max(burst, 1), max(maxKeys, 1)
	return &Limiter{limit: rate.Limit(perSecond), burst: burst, maxKeys: maxKeys,
		refill:  time.Duration(float64(burst) / perSecond * float64(time.Second)),
		buckets: map[string]*bucket{}}
}

// Decision is the answer for one request.
type Decision struct {
	Allowed    bool
	RetryAfter time.Duration // when refused: how long until one request would be allowed
	Report     bool          // when refused: the first refusal of this key in reportEvery
}

// Allow takes one request from key's bucket at now.
func (l *Limiter) Allow(key string, now time.Time) Decision {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.buckets[key]
	if b == nil {
		if len(l.buckets) >= l.maxKeys {
			l.makeRoom(now)
		}
		b = &bucket{lim: rate.NewLimiter(l.limit, l.burst)}
		l.buckets[key] = b
	}
	b.seen = now
	res := b.lim.ReserveN(now, 1)
	delay := res.DelayFrom(now)
	if delay == 0 {
		return Decision{Allowed: true}
	}
	res.CancelAt(now)
	d := Decision{RetryAfter: delay}
	if now.Sub(b.reported) >= reportEvery {
		b.reported, d.Report = now, true
	}
	return d
}

// makeRoom forgets the buckets that have filled up again; if none has, the least recently used.
func (l *Limiter) makeRoom(now time.Time) {
	var oldest string
	for k, b := range l.buckets {
		if now.Sub(b.seen) >= l.refill && now.Sub(b.reported) >= reportEvery {
			delete(l.buckets, k)
		} else if oldest == "" || b.seen.Before(l.buckets[oldest].seen) {
			oldest = k
		}
	}
	if len(l.buckets) >= l.maxKeys {
		delete(l.buckets, oldest)
	}
}

// Len is how many buckets are held.
func (l *Limiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.buckets)
}
