package ratelimit

import (
	"fmt"
	"testing"
	"time"
)

var start = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func TestBurstThenRefusal(t *testing.T) {
	l := New(2, 3, 100) // 2 a second, bursts of 3
	tests := []struct {
		at          time.Duration
		key         string
		allowed     bool
		retryAfter  time.Duration
		wantsReport bool
	}{
		{0, "a", true, 0, false},
		{0, "a", true, 0, false},
		{0, "a", true, 0, false},
		{0, "a", false, 500 * time.Millisecond, true}, // the first refusal is reported
		{0, "b", true, 0, false},                      // another key has its own bucket
		{100 * time.Millisecond, "a", false, 400 * time.Millisecond, false},
		{500 * time.Millisecond, "a", true, 0, false}, // one more token has come
		{500 * time.Millisecond, "a", false, 500 * time.Millisecond, false},
		{61 * time.Second, "a", true, 0, false},
	}
	for i, tt := range tests {
		got := l.Allow(tt.key, start.Add(tt.at))
		if got.Allowed != tt.allowed || got.RetryAfter != tt.retryAfter || got.Report != tt.wantsReport {
			t.Errorf("request %d (%s at %v) = %+v, want allowed %v, retry after %v, report %v", i, tt.key, tt.at, got, tt.allowed, tt.retryAfter, tt.wantsReport)
		}
	}
}

func TestRefusalsReportedOnceAMinute(t *testing.T) {
	l := New(0.001, 1, 10) // one request, then a long wait
	l.Allow("k", start)
	var reports []time.Duration
	for s := range 150 {
		at := time.Duration(s) * time.Second
		if d := l.Allow("k", start.Add(at)); !d.Allowed && d.Report {
			reports = append(reports, at)
		}
	}
	if fmt.Sprint(reports) != "[0s 1m0s 2m0s]" {
		t.Errorf("reports at %v, want one a minute", reports)
	}
}

func TestMemoryIsBounded(t *testing.T) {
	l := New(1, 2, 50)
	for i := range 1000 {
		l.Allow(fmt.Sprint("addr-", i), start.Add(time.Duration(i)*time.Millisecond))
	}
	if n := l.Len(); n > 50 {
		t.Errorf("%d buckets held, want at most 50", n)
	}
}

// TestEvictionKeepsBusyBuckets: when room is needed, buckets that filled up again go first, so
// a client that is over its limit is not let off by a flood of new keys.
func TestEvictionKeepsBusyBuckets(t *testing.T) {
	l := New(1, 2, 3)
	for range 3 {
		l.Allow("busy", start.Add(10*time.Second))
	}
	l.Allow("idle", start)
	l.Allow("other", start.Add(10*time.Second))
	l.Allow("new", start.Add(10*time.Second)) // "idle" has refilled: it goes
	if d := l.Allow("busy", start.Add(10*time.Second)); d.Allowed {
		t.Error("the busy key got a fresh bucket; want its exhausted one kept")
	}
	if n := l.Len(); n != 3 {
		t.Errorf("%d buckets held, want 3", n)
	}
}

func BenchmarkAllow(b *testing.B) {
	l := New(1e9, 1000, 10000)
	keys := make([]string, 1000)
	for i := range keys {
		keys[i] = fmt.Sprint("203.0.113.", i)
	}
	now := start
	i := 0
	for b.Loop() {
		l.Allow(keys[i%len(keys)], now)
		i++
	}
}
