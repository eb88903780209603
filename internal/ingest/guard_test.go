package ingest

import (
	"net/netip"
	"testing"
)

func TestNonPublic(t *testing.T) {
	tests := []struct{ addr, want string }{
		{"127.0.0.1", "a loopback address"},
		{"127.0.0.2", "a loopback address"},
		{"::1", "a loopback address"},
		{"10.0.0.1", "a private address"},
		{"172.16.5.4", "a private address"},
		{"192.168.1.1", "a private address"},
		{"fc00::1", "a private address"},
		{"169.254.169.254", "a cloud metadata address"},
		{"fd00:ec2::254", "a cloud metadata address"},
		{"100.100.100.200", "a cloud metadata address"},
		{"169.254.10.1", "a link-local address"},
		{"fe80::1", "a link-local address"},
		{"ff02::1", "a link-local address"},
		{"0.0.0.0", "an unspecified address"},
		{"::", "an unspecified address"},
		{"224.0.0.251", "a link-local address"},
		{"239.1.2.3", "a multicast address"},
		{"ff0e::1", "a multicast address"},
		{"100.64.0.1", "a carrier-grade NAT address"},
		{"100.127.255.254", "a carrier-grade NAT address"},
		{"255.255.255.255", "a broadcast address"},
		{"64:ff9b::a00:1", "a private address (inside 64:ff9b::a00:1)"},
		{"2002:7f00:1::", "a loopback address (inside 2002:7f00:1::)"},
		{"93.184.216.34", ""},
		{"100.128.0.1", ""},
		{"2606:4700:4700::1111", ""},
	}
	for _, tt := range tests {
		if got := nonPublic(netip.MustParseAddr(tt.addr)); got != tt.want {
			t.Errorf("nonPublic(%s) = %q, want %q", tt.addr, got, tt.want)
		}
	}
}

func TestGuardCheck(t *testing.T) {
	server := netip.MustParseAddrPort("127.0.0.1:8080")
	tests := []struct {
		name  string
		g     guard
		addr  string
		allow bool
	}{
		{"public", guard{}, "93.184.216.34:443", true},
		{"loopback refused", guard{}, "127.0.0.1:8080", false},
		{"IPv4-mapped loopback refused", guard{}, "[::ffff:127.0.0.1]:80", false},
		{"allowed test server", guard{allow: []netip.AddrPort{server}}, "127.0.0.1:8080", true},
		{"same host, other port", guard{allow: []netip.AddrPort{server}}, "127.0.0.1:8081", false},
		{"other loopback address", guard{allow: []netip.AddrPort{server}}, "127.0.0.2:8080", false},
		{"allow private", guard{allowPrivate: true}, "10.0.0.1:80", true},
		{"allow private covers metadata", guard{allowPrivate: true}, "169.254.169.254:80", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.g.control("tcp", tt.addr, nil)
			if got := err == nil; got != tt.allow {
				t.Errorf("got error %v, want allowed=%v", err, tt.allow)
			}
		})
	}
}
