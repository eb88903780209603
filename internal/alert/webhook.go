package alert

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Webhook request headers.
const (
	HeaderSignature   = "Wallwatch-Signature" // "t=UNIX,v1=HEX": HMAC-SHA256 of "UNIX." + body under the rule's secret
	HeaderEvent       = "Wallwatch-Event"     // the change kind, e.g. new_incident
	HeaderIdempotency = "Idempotency-Key"     // the event's key, the same on every retry
)

// Sign returns the signature header value of body sent at t.
func Sign(secret string, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	return "t=" + ts + ",v1=" + mac(secret, ts, body)
}

func mac(secret, ts string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(ts))
	m.Write([]byte("."))
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}

// Errors of Verify.
var (
	ErrBadSignature = errors.New("signature does not match")
	ErrStale        = errors.New("signature timestamp outside the tolerance")
)

// Verify checks a signature header against body, refusing a timestamp further than tolerance
// from now (a replayed request): what a receiver does before trusting a webhook.
func Verify(secret, header string, body []byte, tolerance time.Duration, now time.Time) error {
	var ts, sig string
	for part := range strings.SplitSeq(header, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			sig = v
		}
	}
	unix, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || sig == "" {
		return fmt.Errorf("%w: malformed header %q", ErrBadSignature, header)
	}
	if d := now.Sub(time.Unix(unix, 0)); d > tolerance || d < -tolerance {
		return ErrStale
	}
	if !hmac.Equal([]byte(sig), []byte(mac(secret, ts, body))) {
		return ErrBadSignature
	}
	return nil
}

// webhooks posts events as signed JSON.
type webhooks struct {
	client *http.Client
	agent  string
}

// send posts one event; an answer other than 2xx is an error naming the status. A 4xx other
// than 408 and 429 will not get better by retrying: permanent says so.
func (wh webhooks) send(ctx context.Context, url, secret string, ev model.AlertEvent) (detail string, permanent bool, err error) {
	body, err := json.Marshal(ev)
	if err != nil {
		return "", true, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return "", true, fmt.Errorf("webhook %s: %w", url, err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", wh.agent)
	req.Header.Set(HeaderEvent, string(ev.Change))
	req.Header.Set(HeaderIdempotency, ev.Key)
	req.Header.Set(HeaderSignature, Sign(secret, time.Now(), body))
	resp, err := wh.client.Do(req)
	if err != nil {
		return "", false, fmt.Errorf("webhook %s: %w", url, err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	detail = "HTTP " + resp.Status
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		c := resp.StatusCode
		return detail, c >= 400 && c < 500 && c != http.StatusRequestTimeout && c != http.StatusTooManyRequests,
			fmt.Errorf("webhook %s: %s", url, detail)
	}
	return detail, false, nil
}
