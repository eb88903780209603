// Package clientaddr finds who a request comes from: the connection's address, or — only when
// that connection comes from a trusted reverse proxy — the address and scheme the proxy
// forwarded in X-Forwarded-For and X-Forwarded-Proto. The server resolves it once per request;
// the security log, the login lockout and the rate limiter all read the result.
//
// Only the X-Forwarded-* headers are read. The standard Forwarded header is ignored on purpose:
// a proxy writes one of the two, and believing the other would let a client pass its own through.
package clientaddr

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// Resolver believes forwarded headers only from peers inside its trusted ranges.
type Resolver struct {
	trusted []netip.Prefix
}

// New returns a Resolver trusting the given ranges; with none it always uses the connection's
// address and TLS state.
func New(trusted []netip.Prefix) *Resolver {
	return &Resolver{trusted: trusted}
}

// ParseTrusted reads a comma-separated list of CIDR ranges or single addresses
// ("10.0.0.0/8,192.0.2.10").
func ParseTrusted(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for item := range strings.SplitSeq(list, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if p, err := netip.ParsePrefix(item); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(item)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q: want a CIDR range such as 10.0.0.0/8 or an address", item)
		}
		out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return out, nil
}

// Client is where a request came from as far as the server can tell.
type Client struct {
	Addr  string // the client's IP address, or the raw RemoteAddr when it has none
	HTTPS bool   // the client used HTTPS: to this server, or to a trusted proxy in front of it
}

// Resolve finds r's client. The connection's peer is the client unless it is trusted; then the
// X-Forwarded-For chain is walked from the right, past trusted proxies, and the first address
// not trusted is the client (or the left-most, when every hop is trusted). An entry that is not
// an address stops the walk at the hop that passed it on.
func (res *Resolver) Resolve(r *http.Request) Client {
	peer, ok := parseAddr(r.RemoteAddr)
	c := Client{Addr: hostOf(r.RemoteAddr), HTTPS: r.TLS != nil}
	if !ok || !res.isTrusted(peer) {
		return c
	}
	if proto := lastValue(r.Header.Values("X-Forwarded-Proto")); proto != "" {
		c.HTTPS = c.HTTPS || strings.EqualFold(proto, "https")
	}
	hops := forwardedFor(r.Header.Values("X-Forwarded-For"))
	for i := len(hops) - 1; i >= 0; i-- {
		a, ok := parseAddr(hops[i])
		if !ok {
			break
		}
		c.Addr = a.String()
		if !res.isTrusted(a) {
			break
		}
	}
	return c
}

func (res *Resolver) isTrusted(a netip.Addr) bool {
	for _, p := range res.trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// forwardedFor splits every X-Forwarded-For line into its hops, in order.
func forwardedFor(lines []string) []string {
	var hops []string
	for _, line := range lines {
		for hop := range strings.SplitSeq(line, ",") {
			hops = append(hops, strings.TrimSpace(hop))
		}
	}
	return hops
}

// lastValue is the right-most comma-separated value: the one the nearest proxy wrote.
func lastValue(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	line := lines[len(lines)-1]
	return strings.TrimSpace(line[strings.LastIndex(line, ",")+1:])
}

// parseAddr reads an address with or without a port ("192.0.2.1", "[2001:db8::1]:443").
func parseAddr(s string) (netip.Addr, bool) {
	if a, err := netip.ParseAddr(s); err == nil {
		return a.Unmap(), true
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap(), true
	}
	return netip.Addr{}, false
}

func hostOf(remote string) string {
	if a, ok := parseAddr(remote); ok {
		return a.String()
	}
	if host, _, err := net.SplitHostPort(remote); err == nil {
		return host
	}
	return remote
}

type clientKey struct{}

// Middleware resolves every request's client once and passes it on in the context.
func (res *Resolver) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), clientKey{}, res.Resolve(r))))
	})
}

// From is r's client as Middleware resolved it; without Middleware, the connection's.
func From(r *http.Request) Client {
	if c, ok := r.Context().Value(clientKey{}).(Client); ok {
		return c
	}
	return New(nil).Resolve(r)
}
