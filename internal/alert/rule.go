package alert

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
)

// CheckRule says what is wrong with a rule a person wrote, in words they can act on; nil when
// it can be stored. It fills in a webhook secret when the rule has a webhook and no secret.
func CheckRule(r *model.AlertRule) error {
	r.Owner, r.Name = strings.TrimSpace(r.Owner), strings.TrimSpace(r.Name)
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if r.Owner == "" {
		bad("owner: give the name of the person the rule is for")
	}
	if r.Name == "" {
		bad("name: give the rule a name")
	}
	if r.Webhook == "" && r.Email == "" {
		bad("give a webhook URL, an email address or both")
	}
	if r.Webhook != "" {
		if u, err := url.Parse(r.Webhook); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			bad("webhook %q: want an http(s) URL", r.Webhook)
		}
	}
	if r.Email != "" {
		if _, err := mail.ParseAddress(r.Email); err != nil {
			bad("email %q: not an address", r.Email)
		}
	}
	if !ValidDigest(r.Digest) {
		bad("digest %q: want daily, weekly or nothing", r.Digest)
	} else if r.Digest != "" && r.Email == "" {
		bad("digest: a digest is an email; give an email address")
	}
	for _, c := range r.Changes {
		if !slices.Contains(model.Changes, c) {
			bad("change %q: want one of %s", c, joinChanges())
		}
	}
	if r.MinChange < 0 {
		bad("min change: want a percentage of 0 or more")
	}
	checkFilter(r.Filter, bad)
	if r.Webhook != "" && r.Secret == "" {
		r.Secret = newSecret()
	}
	return errors.Join(errs...)
}

func checkFilter(f model.AlertFilter, bad func(string, ...any)) {
	for _, t := range f.Types {
		if _, ok := t.Info(); !ok {
			bad("type %q: not an incident type", t)
		}
	}
	if f.Precision != "" {
		if _, ok := precisionRank[f.Precision]; !ok {
			bad("precision %q: want facility, place, admin1 or country", f.Precision)
		}
	}
	if b := f.BBox; b != nil && (b[0] >= b[2] || b[1] >= b[3] || b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90) {
		bad("bbox: want min lon, min lat, max lon, max lat within the globe")
	}
	if f.MinEscaped < 0 || f.MinSources < 0 {
		bad("thresholds: want 0 or more")
	}
}

func joinChanges() string {
	s := make([]string, len(model.Changes))
	for i, c := range model.Changes {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}

// newSecret is a random webhook key: 32 bytes, hex.
func newSecret() string {
	b := make([]byte, 32)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// RuleText is the part of a rule a command line or a form gives as text: lists comma-separated,
// the area as "min lon, min lat, max lon, max lat".
type RuleText struct {
	Countries, Types, Actors, Campaigns, Changes, BBox, Precision string
}

// Apply sets the rule's filter lists, changes and area from the text; CheckRule checks the values.
func (t RuleText) Apply(r *model.AlertRule) error {
	f := &r.Filter
	f.Countries, f.Actors, f.Campaigns = SplitList(t.Countries), SplitList(t.Actors), SplitList(t.Campaigns)
	f.Precision = model.GeoPrecision(strings.TrimSpace(t.Precision))
	for _, v := range SplitList(t.Types) {
		f.Types = append(f.Types, model.EventType(v))
	}
	for _, v := range SplitList(t.Changes) {
		r.Changes = append(r.Changes, model.Change(v))
	}
	if t.BBox == "" {
		return nil
	}
	parts := SplitList(t.BBox)
	var box [4]float64
	for i, p := range parts {
		v, err := strconv.ParseFloat(p, 64)
		if err != nil || len(parts) != 4 {
			return fmt.Errorf("area %q: want four numbers, min lon, min lat, max lon, max lat", t.BBox)
		}
		box[i] = v
	}
	f.BBox = &box
	return nil
}

// SplitList reads a comma-separated list as people type it, dropping blanks and empty items.
func SplitList(s string) []string {
	var out []string
	for part := range strings.SplitSeq(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
