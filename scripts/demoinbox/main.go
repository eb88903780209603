// Command demoinbox is the other end of wallwatch's demo (scripts/demo), all on
// loopback: a news feed that publishes its invented reports one at a time, a webhook inbox and
// a mailbox, printing every alert that arrives.
//
//	GET  /feed.xml   the feed, with the reports published so far (ETag honoured)
//	POST /publish    publish the next report now
//	POST /webhook    print an alert (event type, idempotency key, signature)
//	SMTP             print an alert email
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"io"
	"log"
	"mime"
	"net"
	"net/http"
	"net/mail"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-smtp"
)

//go:embed feed.xml
var feed string

var (
	itemPattern  = regexp.MustCompile(`(?s)<item>.*?</item>`)
	titlePattern = regexp.MustCompile(`<title>(.*?)</title>`)
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8091", "address of the feed and the webhook inbox")
	smtpAddr := flag.String("smtp", "127.0.0.1:2525", "address of the mailbox (SMTP)")
	every := flag.Duration("every", 45*time.Second, "publish the next report this often (0: only on POST /publish)")
	flag.Parse()
	p := &publisher{items: itemPattern.FindAllString(feed, -1), head: feed[:strings.Index(feed, "<item>")]}
	go serveMail(*smtpAddr)
	if *every > 0 {
		go func() {
			for range time.Tick(*every) {
				p.next()
			}
		}()
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feed.xml", p.serveFeed)
	mux.HandleFunc("POST /publish", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, p.next()) })
	mux.HandleFunc("POST /webhook", printWebhook)
	log.Printf("feed at http://%s/feed.xml (%d reports, the next every %v or on POST /publish), webhook inbox at http://%s/webhook, mailbox at %s",
		*addr, len(p.items), *every, *addr, *smtpAddr)
	log.Fatal(http.ListenAndServe(*addr, mux))
}

// publisher releases the feed's items one by one.
type publisher struct {
	mu        sync.Mutex
	items     []string
	head      string
	published int
}

func (p *publisher) next() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.published == len(p.items) {
		return "every report is published"
	}
	p.published++
	title := titlePattern.FindStringSubmatch(p.items[p.published-1])[1]
	log.Printf("feed: published report %d of %d: %s", p.published, len(p.items), title)
	return "published: " + title
}

func (p *publisher) serveFeed(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	etag := fmt.Sprintf(`"reports-%d"`, p.published)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	fmt.Fprint(w, p.head+strings.Join(p.items[:p.published], "\n")+"\n</channel>\n</rss>\n")
}

func printWebhook(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	log.Printf("webhook: %s %s\n  signature %s\n  %s", r.Header.Get("Wallwatch-Event"), r.Header.Get("Idempotency-Key"),
		r.Header.Get("Wallwatch-Signature"), body)
}

func serveMail(addr string) {
	s := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &session{}, nil }))
	s.Addr, s.Domain = addr, "localhost"
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(s.Serve(ln))
}

type session struct{ to []string }

func (s *session) Reset()                                    { s.to = nil }
func (s *session) Logout() error                             { return nil }
func (s *session) Mail(string, *smtp.MailOptions) error      { return nil }
func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error { s.to = append(s.to, to); return nil }
func (s *session) Data(r io.Reader) error {
	m, err := mail.ReadMessage(r)
	if err != nil {
		return err
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	log.Printf("email to %s: %s", strings.Join(s.to, ", "), subject)
	return nil
}
