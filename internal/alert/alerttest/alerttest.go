// Package alerttest runs, for the tests of the packages that send alerts, the real receivers:
// an SMTP server (go-smtp, in process) that keeps every message, and a webhook receiver that
// checks signatures, can refuse the first attempts and counts deliveries per idempotency key.
package alerttest

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/wallwatch/wallwatch/internal/alert"
)

// Message is an email the SMTP server accepted.
type Message struct {
	From, To string
	Header   mail.Header
	Body     string // as sent: quoted-printable
}

// SMTPServer is a real SMTP server on a loopback port.
type SMTPServer struct {
	Addr string
	mu   sync.Mutex
	msgs []Message
	got  chan struct{}
}

// StartSMTP starts an SMTP server for the test's lifetime.
func StartSMTP(t testing.TB) *SMTPServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &SMTPServer{Addr: ln.Addr().String(), got: make(chan struct{}, 1024)}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &session{server: s}, nil }))
	srv.Domain = "localhost"
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return s
}

// Messages returns the messages accepted so far.
func (s *SMTPServer) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

// Wait returns once n messages were accepted, or false after timeout.
func (s *SMTPServer) Wait(n int, timeout time.Duration) bool {
	deadline := time.After(timeout)
	for len(s.Messages()) < n {
		select {
		case <-s.got:
		case <-deadline:
			return false
		}
	}
	return true
}

type session struct {
	server   *SMTPServer
	from, to string
}

func (s *session) Reset()        {}
func (s *session) Logout() error { return nil }
func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	s.from = from
	return nil
}
func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = to
	return nil
}
func (s *session) Data(r io.Reader) error {
	m, err := mail.ReadMessage(r)
	if err != nil {
		return err
	}
	body, err := io.ReadAll(m.Body)
	if err != nil {
		return err
	}
	s.server.mu.Lock()
	s.server.msgs = append(s.server.msgs, Message{From: s.from, To: s.to, Header: m.Header, Body: string(body)})
	s.server.mu.Unlock()
	s.server.got <- struct{}{}
	return nil
}

// Receiver is a webhook endpoint: it answers 500 to the first FailFirst attempts of each event,
// 401 to a bad signature, and records what it accepted.
type Receiver struct {
	*httptest.Server
	Secret    string
	FailFirst int
	Delay     time.Duration // how long each request takes to answer; set before the first request

	mu        sync.Mutex
	attempts  map[string]int       // per idempotency key, every request
	accepted  map[string]int       // per idempotency key, requests answered 200
	arrivals  map[string]time.Time // first acceptance per key
	bodies    map[string][]byte
	badSigned int
	got       chan string
}

// StartReceiver starts a webhook receiver for the test's lifetime.
func StartReceiver(t testing.TB, secret string, failFirst int) *Receiver {
	rc := &Receiver{Secret: secret, FailFirst: failFirst, attempts: map[string]int{}, accepted: map[string]int{},
		arrivals: map[string]time.Time{}, bodies: map[string][]byte{}, got: make(chan string, 100000)}
	rc.Server = httptest.NewServer(http.HandlerFunc(rc.serve))
	t.Cleanup(rc.Close)
	return rc
}

func (rc *Receiver) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	time.Sleep(rc.Delay)
	key := r.Header.Get(alert.HeaderIdempotency)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if err := alert.Verify(rc.Secret, r.Header.Get(alert.HeaderSignature), body, 5*time.Minute, time.Now()); err != nil || r.Header.Get(alert.HeaderEvent) == "" {
		rc.badSigned++
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	rc.attempts[key]++
	if rc.attempts[key] <= rc.FailFirst {
		http.Error(w, "try again later", http.StatusInternalServerError)
		return
	}
	rc.accepted[key]++
	if _, ok := rc.arrivals[key]; !ok {
		rc.arrivals[key] = time.Now()
		rc.bodies[key] = body
	}
	rc.got <- key
}

// Next returns the key of the next accepted delivery, or "" after timeout.
func (rc *Receiver) Next(timeout time.Duration) string {
	select {
	case k := <-rc.got:
		return k
	case <-time.After(timeout):
		return ""
	}
}

// Accepted returns, per idempotency key, how many times a delivery was accepted.
func (rc *Receiver) Accepted() map[string]int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	out := map[string]int{}
	for k, v := range rc.accepted {
		out[k] = v
	}
	return out
}

// Attempts returns how many requests with a good signature came for key.
func (rc *Receiver) Attempts(key string) int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return rc.attempts[key]
}

// BadSigned counts requests refused for their signature.
func (rc *Receiver) BadSigned() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return rc.badSigned
}

// Arrival returns when the first delivery of key was accepted.
func (rc *Receiver) Arrival(key string) (time.Time, bool) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	t, ok := rc.arrivals[key]
	return t, ok
}

// Body returns the body of the first accepted delivery of key.
func (rc *Receiver) Body(key string) []byte {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return rc.bodies[key]
}
