package model

import (
	"fmt"
	"strings"
)

// TLP is a Traffic Light Protocol 2.0 marking: how far what a document says may be shared. Every
// document carries one; its mentions and claims carry their document's.
type TLP string

// The TLP 2.0 markings, from the least to the most restrictive.
const (
	TLPClear       TLP = "CLEAR"        // no limit on disclosure
	TLPGreen       TLP = "GREEN"        // the community, not the public
	TLPAmber       TLP = "AMBER"        // the recipient's organisation (and its clients)
	TLPAmberStrict TLP = "AMBER+STRICT" // the recipient's organisation only
	TLPRed         TLP = "RED"          // the named recipients only
)

// TLPs lists the markings from the least to the most restrictive.
var TLPs = []TLP{TLPClear, TLPGreen, TLPAmber, TLPAmberStrict, TLPRed}

// Rank orders markings by restriction: CLEAR 0 up to RED 4; an unknown marking ranks as RED.
func (t TLP) Rank() int {
	for i, m := range TLPs {
		if m == t {
			return i
		}
	}
	return len(TLPs) - 1
}

// ParseTLP reads a marking as people write it: case-insensitive, with or without "TLP:", and
// WHITE as TLP 1.0's name for CLEAR.
func ParseTLP(s string) (TLP, error) {
	u := strings.ToUpper(strings.TrimSpace(s))
	u = strings.TrimPrefix(u, "TLP:")
	if u == "WHITE" {
		return TLPClear, nil
	}
	for _, m := range TLPs {
		if string(m) == u {
			return m, nil
		}
	}
	return "", fmt.Errorf("TLP marking %q: want CLEAR, GREEN, AMBER, AMBER+STRICT or RED", s)
}

// Restricted reports whether the marking limits sharing to an organisation (AMBER and above).
func (t TLP) Restricted() bool { return t.Rank() >= TLPAmber.Rank() }
