package alert

import (
	"errors"
	"testing"
	"time"
)

func TestSignVerify(t *testing.T) {
	body := []byte(`{"id":"r1:new_incident:inc1"}`)
	at := time.Unix(1_800_000_000, 0)
	header := Sign("s3cret", at, body)
	for _, tc := range []struct {
		name, secret, header string
		body                 []byte
		now                  time.Time
		want                 error
	}{
		{"good", "s3cret", header, body, at.Add(time.Minute), nil},
		{"other secret", "guess", header, body, at, ErrBadSignature},
		{"changed body", "s3cret", header, []byte(`{"id":"x"}`), at, ErrBadSignature},
		{"replayed later", "s3cret", header, body, at.Add(time.Hour), ErrStale},
		{"no header", "s3cret", "", body, at, ErrBadSignature},
		{"no v1", "s3cret", "t=1800000000", body, at, ErrBadSignature},
	} {
		if err := Verify(tc.secret, tc.header, tc.body, 5*time.Minute, tc.now); !errors.Is(err, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, err, tc.want)
		}
	}
}

func FuzzVerify(f *testing.F) {
	f.Add("t=1800000000,v1=00", []byte("{}"))
	f.Add("v1=,t=-1,,=", []byte(""))
	f.Fuzz(func(t *testing.T, header string, body []byte) {
		now := time.Unix(1_800_000_000, 0)
		if Verify("k", header, body, time.Minute, now) == nil && header != Sign("k", now, body) {
			// Another header may verify only by carrying the same timestamp and MAC.
			if Verify("other", header, body, time.Minute, now) == nil {
				t.Errorf("header %q verifies under two secrets", header)
			}
		}
	})
}
