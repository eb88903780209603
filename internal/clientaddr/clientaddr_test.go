package clientaddr

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

func TestParseTrusted(t *testing.T) {
	got, err := ParseTrusted(" 10.0.0.0/8, 192.0.2.10,2001:db8::/32,,10.1.2.3/8")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"10.0.0.0/8", "192.0.2.10/32", "2001:db8::/32", "10.0.0.0/8"}
	var gotS []string
	for _, p := range got {
		gotS = append(gotS, p.String())
	}
	if !slices.Equal(gotS, want) {
		t.Errorf("ParseTrusted = %v, want %v", gotS, want)
	}
	for _, bad := range []string{"proxy.example", "10.0.0.0/40", "10.0.0.1:80"} {
		if _, err := ParseTrusted(bad); err == nil || !strings.Contains(err.Error(), bad) {
			t.Errorf("ParseTrusted(%q) = %v, want an error naming it", bad, err)
		}
	}
}

// TestResolve covers honest proxies and spoofing attempts: a header is believed only from a
// trusted peer, and then only up to the right-most hop that is not trusted.
func TestResolve(t *testing.T) {
	trusted, err := ParseTrusted("10.0.0.0/8,2001:db8:1::/48")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		remote string
		tls    bool
		xff    []string
		proto  []string
		want   Client
	}{
		{"direct", "198.51.100.7:5000", false, nil, nil, Client{"198.51.100.7", false}},
		{"direct over TLS", "198.51.100.7:5000", true, nil, nil, Client{"198.51.100.7", true}},
		{"untrusted peer spoofs X-Forwarded-For", "198.51.100.7:5000", false, []string{"203.0.113.9"}, []string{"https"}, Client{"198.51.100.7", false}},
		{"untrusted peer claims to be a trusted hop", "198.51.100.7:5000", false, []string{"203.0.113.9, 10.0.0.2"}, nil, Client{"198.51.100.7", false}},
		{"trusted proxy", "10.0.0.2:41000", false, []string{"203.0.113.9"}, []string{"https"}, Client{"203.0.113.9", true}},
		{"trusted proxy, plain http", "10.0.0.2:41000", false, []string{"203.0.113.9"}, []string{"http"}, Client{"203.0.113.9", false}},
		{"trusted proxy without headers", "10.0.0.2:41000", false, nil, nil, Client{"10.0.0.2", false}},
		{"client prepends a spoofed hop", "10.0.0.2:41000", false, []string{"192.0.2.66, 203.0.113.9"}, nil, Client{"203.0.113.9", false}},
		{"two trusted hops", "10.0.0.2:41000", false, []string{"203.0.113.9, 10.0.0.5"}, nil, Client{"203.0.113.9", false}},
		{"spoofed hops across header lines", "10.0.0.2:41000", false, []string{"192.0.2.66", "203.0.113.9, 10.9.9.9"}, nil, Client{"203.0.113.9", false}},
		{"every hop trusted", "10.0.0.2:41000", false, []string{"10.0.0.9, 10.0.0.5"}, nil, Client{"10.0.0.9", false}},
		{"garbage hop stops the walk", "10.0.0.2:41000", false, []string{"203.0.113.9, unknown, 10.0.0.5"}, nil, Client{"10.0.0.5", false}},
		{"garbage right behind the proxy", "10.0.0.2:41000", false, []string{"203.0.113.9, not-an-ip"}, nil, Client{"10.0.0.2", false}},
		{"hop with a port", "10.0.0.2:41000", false, []string{"203.0.113.9:1234"}, nil, Client{"203.0.113.9", false}},
		{"IPv6 proxy and client", "[2001:db8:1::5]:443", false, []string{"2001:db8:2::7"}, []string{"https"}, Client{"2001:db8:2::7", true}},
		{"IPv4-mapped peer", "[::ffff:10.0.0.2]:41000", false, []string{"203.0.113.9"}, nil, Client{"203.0.113.9", false}},
		{"nearest proxy's proto wins", "10.0.0.2:41000", false, []string{"203.0.113.9"}, []string{"https, http"}, Client{"203.0.113.9", false}},
		{"TLS to us stays https", "10.0.0.2:41000", true, []string{"203.0.113.9"}, []string{"http"}, Client{"203.0.113.9", true}},
	}
	res := New(trusted)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			r.RemoteAddr = tt.remote
			if tt.tls {
				r.TLS = &tls.ConnectionState{}
			}
			for _, v := range tt.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			for _, v := range tt.proto {
				r.Header.Add("X-Forwarded-Proto", v)
			}
			r.Header.Set("Forwarded", "for=192.0.2.200;proto=https") // never read
			if got := res.Resolve(r); got != tt.want {
				t.Errorf("Resolve = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestWithoutTrustedRangesHeadersAreIgnored(t *testing.T) {
	r := httptest.NewRequest("GET", "/", nil)
	r.RemoteAddr = "10.0.0.2:41000"
	r.Header.Set("X-Forwarded-For", "203.0.113.9")
	r.Header.Set("X-Forwarded-Proto", "https")
	if got, want := New(nil).Resolve(r), (Client{"10.0.0.2", false}); got != want {
		t.Errorf("Resolve = %+v, want %+v", got, want)
	}
}

func TestMiddlewarePassesTheClientOn(t *testing.T) {
	trusted, _ := ParseTrusted("127.0.0.0/8")
	var got Client
	h := New(trusted).Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = From(r) }))
	r := httptest.NewRequest("GET", "/", nil)
	r.RemoteAddr = "127.0.0.1:9"
	r.Header.Set("X-Forwarded-For", "203.0.113.9")
	h.ServeHTTP(httptest.NewRecorder(), r)
	if got.Addr != "203.0.113.9" {
		t.Errorf("From = %+v, want the forwarded address", got)
	}
	if direct := From(r); direct.Addr != "127.0.0.1" {
		t.Errorf("From without the middleware = %+v, want the connection's address", direct)
	}
}

// FuzzResolve: whatever a client sends, the answer is the peer or one of the hops it sent, and
// an untrusted peer is always answered with itself.
func FuzzResolve(f *testing.F) {
	f.Add("10.0.0.2:1", "203.0.113.9, 10.0.0.5", "https")
	f.Add("198.51.100.7:5000", "203.0.113.9", "http")
	f.Add("[2001:db8::1]:443", "[2001:db8::2]:80,unknown", "")
	trusted, _ := ParseTrusted("10.0.0.0/8,2001:db8::/32")
	res := New(trusted)
	f.Fuzz(func(t *testing.T, remote, xff, proto string) {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = remote
		r.Header.Set("X-Forwarded-For", xff)
		r.Header.Set("X-Forwarded-Proto", proto)
		got := res.Resolve(r)
		peer, ok := parseAddr(remote)
		if !ok || !res.isTrusted(peer) {
			if got.Addr != hostOf(remote) || got.HTTPS {
				t.Fatalf("untrusted peer %q: Resolve = %+v", remote, got)
			}
			return
		}
		if got.Addr == peer.String() {
			return
		}
		if !containsHop(xff, got.Addr) {
			t.Fatalf("Resolve = %+v, neither the peer nor a hop of %q", got, xff)
		}
	})
}

func containsHop(xff, addr string) bool {
	for _, hop := range forwardedFor([]string{xff}) {
		if a, ok := parseAddr(hop); ok && a.String() == addr {
			return true
		}
	}
	return false
}

// FuzzParseTrusted: any list either fails with an error or gives valid, masked ranges.
func FuzzParseTrusted(f *testing.F) {
	f.Add("10.0.0.0/8, 192.0.2.10")
	f.Add("2001:db8::/32,::ffff:10.0.0.1")
	f.Add("10.0.0.1/40,,")
	f.Fuzz(func(t *testing.T, list string) {
		ranges, err := ParseTrusted(list)
		if err != nil {
			return
		}
		for _, p := range ranges {
			if !p.IsValid() || p != p.Masked() {
				t.Fatalf("ParseTrusted(%q) gave %v", list, p)
			}
		}
	})
}
