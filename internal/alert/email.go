package alert

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// SMTP is where email goes out: a relay (host:port), the sender and, when the relay wants it,
// a login (sent only over TLS, or to localhost).
type SMTP struct {
	Addr     string
	From     string
	Username string
	Password string
}

// smtpTimeout bounds a whole delivery to the relay.
const smtpTimeout = 30 * time.Second

// sendMail delivers one message to one address through the relay, with STARTTLS when offered.
func (c SMTP) sendMail(ctx context.Context, to, subject, body string, headers map[string]string) (string, error) {
	if _, err := mail.ParseAddress(to); err != nil {
		return "", fmt.Errorf("email to %q: %w", to, err)
	}
	msg, err := c.message(to, subject, body, headers)
	if err != nil {
		return "", err
	}
	deadline := time.Now().Add(smtpTimeout)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	conn, err := (&net.Dialer{Deadline: deadline}).DialContext(ctx, "tcp", c.Addr)
	if err != nil {
		return "", fmt.Errorf("email via %s: %w", c.Addr, err)
	}
	conn.SetDeadline(deadline)
	host, _, _ := net.SplitHostPort(c.Addr)
	client, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return "", fmt.Errorf("email via %s: %w", c.Addr, err)
	}
	defer client.Close()
	if err := c.deliver(client, host, to, msg); err != nil {
		return "", fmt.Errorf("email via %s to %s: %w", c.Addr, to, err)
	}
	return "accepted by " + c.Addr, nil
}

func (c SMTP) deliver(client *smtp.Client, host, to string, msg []byte) error {
	if err := client.Hello("localhost"); err != nil {
		return err
	}
	if ok, _ := client.Extension("STARTTLS"); ok {
		if err := client.StartTLS(&tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}); err != nil {
			return err
		}
	}
	if c.Username != "" {
		if err := client.Auth(smtp.PlainAuth("", c.Username, c.Password, host)); err != nil {
			return err
		}
	}
	if err := client.Mail(c.From); err != nil {
		return err
	}
	if err := client.Rcpt(to); err != nil {
		return err
	}
	w, err := client.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return client.Quit()
}

// message is an RFC 5322 message: plain UTF-8 text, quoted-printable, with a subject encoded for
// any language.
func (c SMTP) message(to, subject, body string, headers map[string]string) ([]byte, error) {
	id := make([]byte, 12)
	rand.Read(id)
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: <%s@wallwatch>\r\n",
		c.From, to, mime.QEncoding.Encode("utf-8", subject), time.Now().Format(time.RFC1123Z), hex.EncodeToString(id))
	for k, v := range headers {
		fmt.Fprintf(&b, "%s: %s\r\n", k, strings.NewReplacer("\r", "", "\n", "").Replace(v))
	}
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n")
	qp := quotedprintable.NewWriter(&b)
	if _, err := qp.Write([]byte(strings.ReplaceAll(body, "\n", "\r\n"))); err != nil {
		return nil, err
	}
	if err := qp.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// emailOf is the subject and text of an event's email.
func emailOf(ev model.AlertEvent, baseURL string) (subject, body string) {
	first, _, _ := strings.Cut(ev.Summary, "\n")
	subject = "[wallwatch] " + first
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", ev.Summary)
	if ev.IncidentID != "" && baseURL != "" {
		fmt.Fprintf(&b, "Incident: %s/incidents/%s\n", baseURL, ev.IncidentID)
	}
	if ev.WaveID != "" && baseURL != "" {
		fmt.Fprintf(&b, "Wave: %s/waves/%s\n", baseURL, ev.WaveID)
	}
	fmt.Fprintf(&b, "Rule: %s (owner %s)\nEvent: %s\n", ev.RuleName, ev.Owner, ev.Key)
	return subject, b.String()
}
