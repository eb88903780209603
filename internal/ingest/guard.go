package ingest

import (
	"fmt"
	"net/netip"
	"slices"
	"syscall"
)

// RefusedError is the guard's refusal to connect to an address that is not on the public
// internet.
type RefusedError struct {
	Addr   netip.Addr
	Reason string // "a loopback address", "a private address", ...
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("refused: %s is %s (pass --allow-private to allow)", e.Addr, e.Reason)
}

// guard decides, at dial time and after DNS resolution, which addresses a fetch may connect to.
// Checking there (not on the URL's host name) also covers redirects and DNS rebinding.
type guard struct {
	allowPrivate bool
	allow        []netip.AddrPort // exact addresses allowed anyway (tests' own servers)
}

// control is a net.Dialer Control function: it runs after the socket is created and before it
// connects, so a refused address is never contacted.
func (g guard) control(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("refused: cannot check address %q: %w", address, err)
	}
	return g.check(ap)
}

// check returns a *RefusedError for an address fetches may not reach.
func (g guard) check(ap netip.AddrPort) error {
	addr := ap.Addr().Unmap()
	if g.allowPrivate || slices.Contains(g.allow, netip.AddrPortFrom(addr, ap.Port())) {
		return nil
	}
	if reason := nonPublic(addr); reason != "" {
		return &RefusedError{Addr: addr, Reason: reason}
	}
	return nil
}

// metadataAddrs are cloud instance-metadata services (AWS/GCP/Azure, AWS over IPv6, Alibaba).
var metadataAddrs = []netip.Addr{
	netip.MustParseAddr("169.254.169.254"),
	netip.MustParseAddr("fd00:ec2::254"),
	netip.MustParseAddr("100.100.100.200"),
}

// reservedPrefixes are special-purpose ranges that the netip predicates do not name.
var reservedPrefixes = []struct {
	prefix netip.Prefix
	reason string
}{
	{netip.MustParsePrefix("100.64.0.0/10"), "a carrier-grade NAT address"},
	{netip.MustParsePrefix("0.0.0.0/8"), "a \"this network\" address"},
	{netip.MustParsePrefix("192.0.0.0/24"), "an IETF protocol address"},
	{netip.MustParsePrefix("198.18.0.0/15"), "a benchmarking address"},
	{netip.MustParsePrefix("240.0.0.0/4"), "a reserved address"},
	{netip.MustParsePrefix("192.0.2.0/24"), "a documentation address"},
	{netip.MustParsePrefix("198.51.100.0/24"), "a documentation address"},
	{netip.MustParsePrefix("203.0.113.0/24"), "a documentation address"},
	{netip.MustParsePrefix("2001:db8::/32"), "a documentation address"},
	{netip.MustParsePrefix("100::/64"), "a discard-only address"},
}

// Prefixes of IPv6 addresses that carry an IPv4 address in their bits.
var (
	nat64Prefix = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour   = netip.MustParsePrefix("2002::/16")
)

// nonPublic says why addr is not a public unicast address, or "" when it is.
func nonPublic(addr netip.Addr) string {
	switch {
	case slices.Contains(metadataAddrs, addr):
		return "a cloud metadata address"
	case !addr.IsValid():
		return "an invalid address"
	case addr.IsUnspecified():
		return "an unspecified address"
	case addr.IsLoopback():
		return "a loopback address"
	case addr.IsPrivate():
		return "a private address"
	case addr.IsLinkLocalUnicast(), addr.IsLinkLocalMulticast():
		return "a link-local address"
	case addr.IsMulticast(), addr.IsInterfaceLocalMulticast():
		return "a multicast address"
	case addr == netip.AddrFrom4([4]byte{255, 255, 255, 255}):
		return "a broadcast address"
	}
	for _, r := range reservedPrefixes {
		if r.prefix.Contains(addr) {
			return r.reason
		}
	}
	if v4, ok := embeddedIPv4(addr); ok {
		if reason := nonPublic(v4); reason != "" {
			return reason + " (inside " + addr.String() + ")"
		}
	}
	return ""
}

// embeddedIPv4 returns the IPv4 address a NAT64 or 6to4 address leads to.
func embeddedIPv4(addr netip.Addr) (netip.Addr, bool) {
	b := addr.As16()
	switch {
	case nat64Prefix.Contains(addr):
		return netip.AddrFrom4([4]byte(b[12:16])), true
	case sixToFour.Contains(addr):
		return netip.AddrFrom4([4]byte(b[2:6])), true
	}
	return netip.Addr{}, false
}
