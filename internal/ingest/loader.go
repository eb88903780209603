package ingest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/netip"
	"os"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Options says how a Loader reads and fetches. Zero values take the defaults.
type Options struct {
	Published      *time.Time    // overrides every document's publication date when set
	TLP            model.TLP     // every document's sharing marking; "" CLEAR
	Org            string        // the organisation owning every document, "" none
	AllowPrivate   bool          // allow loopback, private, link-local and metadata addresses when fetching
	FollowLinks    bool          // for feeds: fetch each item's page and use its main text
	MaxBytes       int64         // limit on a file, a fetched body or decompressed data; default 10 MiB
	ConnectTimeout time.Duration // limit on connecting (and the TLS handshake); default 10s
	Timeout        time.Duration // limit on a whole fetch, redirects included; default 30s
	Version        string        // wallwatch's version, for the default User-Agent; default "dev"
	UserAgent      string        // default "wallwatch/<Version> (+https://github.com/wallwatch/wallwatch)"

	// allow lets fetches reach these exact addresses even when they are not public, so that tests
	// can talk to their own loopback server and still see every other address refused.
	allow []netip.AddrPort
}

// withDefaults fills in the zero fields.
func (o Options) withDefaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = DefaultConnectTimeout
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Version == "" {
		o.Version = "dev"
	}
	if o.UserAgent == "" {
		o.UserAgent = "wallwatch/" + o.Version + " (+https://github.com/wallwatch/wallwatch)"
	}
	return o
}

// Loader reads files and URLs into documents. It is safe for concurrent use.
type Loader struct {
	opts    Options
	log     *slog.Logger
	fetcher *fetcher
	parser  parser
}

// NewLoader returns a Loader with opts (defaults filled in) that logs to logger (nil: discard).
func NewLoader(opts Options, logger *slog.Logger) *Loader {
	opts = opts.withDefaults()
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	g := guard{allowPrivate: opts.AllowPrivate, allow: opts.allow}
	return &Loader{opts: opts, log: logger, fetcher: newFetcher(opts, g), parser: parser{maxBytes: opts.MaxBytes}}
}

// Load reads one file or http(s) URL and calls emit for every document in it (a feed or a JSON
// Lines file gives many). Every failure, of the whole input or of one item or line, goes to fail
// as an error naming the input (and the item or line); Load never stops early, so one bad input
// never stops a batch.
func (l *Loader) Load(ctx context.Context, input string, emit func(model.Document), fail func(error)) {
	var docs []model.Document
	var errs []error
	if isURL(input) {
		page, err := l.fetcher.fetch(ctx, input)
		if err != nil {
			fail(err)
			return
		}
		docs, errs = l.parser.parse(input, page.url, page.contentType, page.body)
	} else {
		data, err := readFile(input, l.opts.MaxBytes)
		if err != nil {
			fail(err)
			return
		}
		docs, errs = l.parser.parse(input, "", "", data)
	}
	for _, err := range errs {
		fail(err)
	}
	for _, doc := range docs {
		if l.opts.FollowLinks && isFeedFormat(doc.Format) && isURL(doc.URL) {
			doc = l.follow(ctx, doc, fail)
		}
		if l.opts.Published != nil {
			doc.Published = dayOf(*l.opts.Published)
		}
		doc.TLP, doc.Org = l.opts.TLP, l.opts.Org
		emit(doc)
	}
	l.log.Debug("ingest input", "input", input, "documents", len(docs), "errors", len(errs))
}

// follow replaces a feed item's text by the main text of the page it links to, keeping the item's
// title and date when it has them. On failure it reports why and keeps the item as it is.
func (l *Loader) follow(ctx context.Context, item model.Document, fail func(error)) model.Document {
	failed := func(err error) { fail(fmt.Errorf("%s: follow link: %w", item.Source, err)) }
	page, err := l.fetcher.fetch(ctx, item.URL)
	if err != nil {
		failed(err)
		return item
	}
	docs, errs := l.parser.parse(item.URL, page.url, page.contentType, page.body)
	for _, err := range errs {
		failed(err)
	}
	if len(docs) != 1 || docs[0].Format != FormatHTML && docs[0].Format != FormatText {
		if len(errs) == 0 {
			failed(fmt.Errorf("%s: %d documents in the page, want one page", item.URL, len(docs)))
		}
		return item
	}
	doc := docs[0]
	if item.Title != "" && item.Title != doc.Title {
		// The item's headline replaces the page's at the head of the text.
		doc.Text = withTitle(item.Title, strings.TrimPrefix(doc.Text, doc.Title+"\n\n"))
		doc.Title = item.Title
	}
	if err := finish(&doc, item.Source); err != nil {
		failed(fmt.Errorf("%s: %w", item.URL, err))
		return item
	}
	if item.Published != nil {
		doc.Published = item.Published
	}
	return doc
}

// isFeedFormat reports documents that came from a feed item.
func isFeedFormat(format string) bool {
	format = strings.TrimSuffix(format, GzipSuffix)
	return format == FormatRSS || format == FormatAtom
}

// isURL reports whether s is an http(s) URL rather than a path.
func isURL(s string) bool {
	lower := strings.ToLower(s)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// readFile reads a file of at most limit bytes, refusing a larger one without reading it.
func readFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err // *PathError names the path
	}
	defer f.Close()
	var size int64
	if info, err := f.Stat(); err == nil {
		if info.Size() > limit {
			return nil, fmt.Errorf("%s: file of %d bytes is %w of %d bytes", path, info.Size(), ErrTooLarge, limit)
		}
		size = info.Size()
	}
	// Room for the whole file and the read that finds its end: a small file takes two reads,
	// where a buffer grown from 512 bytes took five or six.
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(buf.Len()) > limit {
		return nil, fmt.Errorf("%s: file %w of %d bytes", path, ErrTooLarge, limit)
	}
	return buf.Bytes(), nil
}
