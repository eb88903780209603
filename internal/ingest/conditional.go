package ingest

import (
	"context"
	"net/http"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Validators are what a server said identifies the version of a resource it sent (ETag and
// Last-Modified); sent back, they let it answer 304 Not Modified instead of the same body.
type Validators struct {
	ETag, LastModified string
}

// Fetched is the answer to a conditional fetch.
type Fetched struct {
	URL         string // after redirects
	ContentType string
	Body        []byte
	NotModified bool       // the server answered 304: Body is empty and the validators unchanged
	Validators  Validators // of this answer, to send with the next fetch
}

// FetchConditional gets a URL under the guard and the loader's limits, sending v as If-None-Match
// and If-Modified-Since. Errors say why as Load's do; an HTTP status other than 2xx and 304
// wraps a *StatusError.
func (l *Loader) FetchConditional(ctx context.Context, rawURL string, v Validators) (Fetched, error) {
	header := http.Header{}
	if v.ETag != "" {
		header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		header.Set("If-Modified-Since", v.LastModified)
	}
	f, err := l.fetcher.fetchWith(ctx, rawURL, header)
	if err != nil {
		return Fetched{}, err
	}
	out := Fetched{URL: f.url, ContentType: f.contentType, Body: f.body, NotModified: f.notModified, Validators: v}
	if !f.notModified {
		out.Validators = Validators{ETag: f.header.Get("ETag"), LastModified: f.header.Get("Last-Modified")}
	}
	return out, nil
}

// Documents reads the documents of a fetched body as Load does, source naming where it came
// from (the URL that was asked for). Feed items are not followed: see Follow.
func (l *Loader) Documents(source string, f Fetched) ([]model.Document, []error) {
	return l.parser.parse(source, f.URL, f.ContentType, f.Body)
}

// Follow replaces a feed item by the main text of the page it links to, as Load does with
// FollowLinks, and returns the item as it was with the reason when that fails.
func (l *Loader) Follow(ctx context.Context, item model.Document) (model.Document, error) {
	var errs []error
	doc := l.follow(ctx, item, func(err error) { errs = append(errs, err) })
	if len(errs) > 0 {
		return item, errs[0]
	}
	return doc, nil
}

// IsFeedItem reports whether a document is an item of an RSS or Atom feed.
func IsFeedItem(d model.Document) bool { return isFeedFormat(d.Format) }

// GuardedClient returns an HTTP client whose connections pass the guard fetches pass (no
// private addresses unless opts.AllowPrivate) and that follows no redirect: for sending, as
// webhooks do, to addresses a user typed.
func GuardedClient(opts Options) *http.Client {
	opts = opts.withDefaults()
	c := newFetcher(opts, guard{allowPrivate: opts.AllowPrivate, allow: opts.allow}).client
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return c
}
