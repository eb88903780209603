package auth

import (
	"sync"
	"time"
)

// Lockout limits password guessing: after UserLimit failed logins for one account, or IPLimit
// from one address, within Window, further attempts for it are refused for Lock — even with the
// right password. It lives in memory: a restart forgets it, which costs an attacker a restart
// of the server they cannot cause.
type Lockout struct {
	UserLimit, IPLimit int
	Window, Lock       time.Duration

	mu       sync.Mutex
	failures map[string]*failures // by "user:NAME" and "ip:ADDR"
}

type failures struct {
	count       int
	since       time.Time // start of the current window
	lockedUntil time.Time
}

// maxTracked bounds the memory a flood of names or addresses can take.
const maxTracked = 10000

// NewLockout returns the defaults: 5 failures per account, 20 per address, within 15 minutes,
// lock 15 minutes.
func NewLockout() *Lockout {
	return &Lockout{UserLimit: 5, IPLimit: 20, Window: 15 * time.Minute, Lock: 15 * time.Minute}
}

// Locked reports whether logins for user from ip are refused at now, and until when.
func (l *Lockout) Locked(user, ip string, now time.Time) (bool, time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var until time.Time
	for _, key := range []string{"user:" + user, "ip:" + ip} {
		if f := l.failures[key]; f != nil && now.Before(f.lockedUntil) && f.lockedUntil.After(until) {
			until = f.lockedUntil
		}
	}
	return !until.IsZero(), until
}

// Fail counts a failed login for user from ip.
func (l *Lockout) Fail(user, ip string, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.failures == nil {
		l.failures = map[string]*failures{}
	}
	if len(l.failures) >= maxTracked {
		l.forgetStale(now)
	}
	l.count("user:"+user, l.UserLimit, now)
	l.count("ip:"+ip, l.IPLimit, now)
}

func (l *Lockout) count(key string, limit int, now time.Time) {
	f := l.failures[key]
	if f == nil || now.Sub(f.since) > l.Window {
		f = &failures{since: now, lockedUntil: timeOf(f)}
		l.failures[key] = f
	}
	f.count++
	if f.count >= limit {
		f.lockedUntil = now.Add(l.Lock)
		f.count, f.since = 0, now
	}
}

func timeOf(f *failures) time.Time {
	if f == nil {
		return time.Time{}
	}
	return f.lockedUntil
}

// Succeed clears an account's failures after a good login; the address's stay counted.
func (l *Lockout) Succeed(user string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.failures, "user:"+user)
}

func (l *Lockout) forgetStale(now time.Time) {
	for k, f := range l.failures {
		if now.Sub(f.since) > l.Window && now.After(f.lockedUntil) {
			delete(l.failures, k)
		}
	}
}
