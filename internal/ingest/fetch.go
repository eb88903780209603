package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"
)

// Fetch limits and defaults.
const (
	maxRedirects          = 5
	DefaultConnectTimeout = 10 * time.Second
	DefaultTimeout        = 30 * time.Second
	acceptHeader          = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, " +
		"application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5"
)

// fetcher gets URLs over HTTP(S) under the guard, size and time limits.
type fetcher struct {
	client    *http.Client
	userAgent string
	maxBytes  int64
}

// fetched is a response body with what is known about it.
type fetched struct {
	url         string // after redirects
	contentType string
	body        []byte
	notModified bool        // a conditional fetch was answered 304: no body
	header      http.Header // the response's headers
}

// newFetcher builds a client whose every connection, redirects included, passes the guard. It
// ignores proxy settings on purpose: through a proxy the guard would check the proxy, not the site.
func newFetcher(opts Options, g guard) *fetcher {
	dialer := &net.Dialer{Timeout: opts.ConnectTimeout, Control: g.control}
	transport := &http.Transport{
		Proxy:                  nil,
		DialContext:            dialer.DialContext,
		TLSHandshakeTimeout:    opts.ConnectTimeout,
		ResponseHeaderTimeout:  opts.Timeout,
		MaxResponseHeaderBytes: 1 << 20,
		ForceAttemptHTTP2:      true,
		MaxIdleConns:           10,
		IdleConnTimeout:        30 * time.Second,
	}
	client := &http.Client{
		Transport:     transport,
		Timeout:       opts.Timeout,
		CheckRedirect: checkRedirect,
	}
	return &fetcher{client: client, userAgent: opts.UserAgent, maxBytes: opts.MaxBytes}
}

// errTooManyRedirects ends a chain of more than maxRedirects redirects.
var errTooManyRedirects = fmt.Errorf("stopped after %d redirects", maxRedirects)

// checkRedirect stops after maxRedirects and refuses redirects to URLs a fetch would refuse.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > maxRedirects {
		return errTooManyRedirects
	}
	return checkURL(req.URL)
}

// checkURL refuses what is not a plain http(s) URL: other schemes and user:password@ parts.
func checkURL(u *url.URL) error {
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Errorf("refused: scheme %q (only http and https)", u.Scheme)
	case u.User != nil:
		return errors.New("refused: URL carries credentials (user@host)")
	case u.Host == "":
		return errors.New("refused: URL has no host")
	}
	return nil
}

// fetch gets one URL. Errors start with "fetch URL:" and say why: refused address, redirects,
// HTTP status, size limit or the network error.
func (f *fetcher) fetch(ctx context.Context, rawURL string) (fetched, error) {
	return f.fetchWith(ctx, rawURL, nil)
}

// fetchWith is fetch with extra request headers; a 304 answer to a conditional request is no
// error but a fetched with notModified set.
func (f *fetcher) fetchWith(ctx context.Context, rawURL string, header http.Header) (fetched, error) {
	u, err := url.Parse(rawURL)
	if err == nil {
		err = checkURL(u)
	}
	if err != nil {
		return fetched{}, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return fetched{}, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", f.userAgent)
	req.Header.Set("Accept", acceptHeader)
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return fetched{}, fetchError(rawURL, u.String(), err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified && header != nil {
		return fetched{url: resp.Request.URL.String(), notModified: true, header: resp.Header}, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fetched{}, fmt.Errorf("fetch %s: %w", rawURL, &StatusError{Code: resp.StatusCode, Status: resp.Status})
	}
	if resp.ContentLength > f.maxBytes {
		return fetched{}, fmt.Errorf("fetch %s: body of %d bytes is %w of %d bytes",
			rawURL, resp.ContentLength, ErrTooLarge, f.maxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.maxBytes+1))
	if err != nil {
		return fetched{}, fmt.Errorf("fetch %s: read body: %w", rawURL, err)
	}
	if int64(len(body)) > f.maxBytes {
		return fetched{}, fmt.Errorf("fetch %s: body %w of %d bytes", rawURL, ErrTooLarge, f.maxBytes)
	}
	return fetched{url: resp.Request.URL.String(), contentType: resp.Header.Get("Content-Type"), body: body, header: resp.Header}, nil
}

// StatusError is an HTTP answer other than 2xx (or 304 to a conditional fetch).
type StatusError struct {
	Code   int
	Status string // "404 Not Found"
}

func (e *StatusError) Error() string { return "HTTP " + e.Status }

// fetchError rewrites a client error as "fetch URL: [redirected to URL2: ]why"; requested is the
// URL as sent, to tell a failed redirect from a failed first request.
func fetchError(rawURL, requested string, err error) error {
	var refused *RefusedError
	var urlErr *url.Error
	cause := err
	if errors.As(err, &urlErr) {
		cause = urlErr.Err
	}
	if errors.As(err, &refused) {
		cause = refused
	}
	if urlErr != nil && urlErr.URL != requested && !errors.Is(err, errTooManyRedirects) {
		return fmt.Errorf("fetch %s: redirected to %s: %w", rawURL, urlErr.URL, cause)
	}
	return fmt.Errorf("fetch %s: %w", rawURL, cause)
}
