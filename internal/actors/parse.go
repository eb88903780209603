package actors

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/model"
)

// header is the first line of every actor file that is not a comment.
const header = "name\tkind\tparent\trelation\tcountry\trole\taliases\tsource"

const fieldCount = 8

// maxLine bounds one line of an actor file; alias lists can be long.
const maxLine = 1 << 20

// row is a parsed line: an entry before defaults are applied, and where it was written.
type row struct {
	Entry
	origin string // "file:line"
}

// parseRows reads an actor file in the format of data/README.md. name labels errors, which
// say the line they are about ("mine.tsv:12: ..."). Roles are as written: empty when the row
// leaves the kind's default.
func parseRows(name string, r io.Reader) ([]row, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	var rows []row
	seen := make(map[string]string) // canonical name -> origin
	sawHeader := false
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		origin := fmt.Sprintf("%s:%d", name, n)
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
			continue
		case !utf8.ValidString(line):
			return nil, fmt.Errorf("%s: not valid UTF-8", origin)
		case !sawHeader:
			if line != header {
				return nil, fmt.Errorf("%s: want the header line %q", origin, header)
			}
			sawHeader = true
			continue
		}
		rw, err := parseRow(line)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", origin, err)
		}
		if first, dup := seen[rw.Name]; dup {
			return nil, fmt.Errorf("%s: %q is already defined at %s", origin, rw.Name, first)
		}
		seen[rw.Name] = origin
		rw.origin = origin
		rows = append(rows, rw)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if !sawHeader {
		return nil, fmt.Errorf("%s: no header line", name)
	}
	return rows, nil
}

// parseRow checks and splits one data line.
func parseRow(line string) (row, error) {
	f := strings.Split(line, "\t")
	if len(f) != fieldCount {
		return row{}, fmt.Errorf("want %d tab-separated fields, got %d", fieldCount, len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	rw := row{Entry: Entry{
		Actor:    model.Actor{Name: f[0], Kind: f[1], Parent: f[2], Country: f[4]},
		Relation: Relation(f[3]),
		Role:     model.Role(f[5]),
		Source:   f[7],
	}}
	if err := checkFields(rw.Entry); err != nil {
		return row{}, err
	}
	aliases, err := splitAliases(f[6])
	if err != nil {
		return row{}, err
	}
	rw.Aliases = aliases
	if _, err := compileAlias(rw.Name); err != nil {
		return row{}, fmt.Errorf("name: %w", err)
	}
	return rw, nil
}

// checkFields validates the single-valued columns of a row.
func checkFields(e Entry) error {
	switch {
	case e.Name == "":
		return errors.New("empty name")
	case strings.HasPrefix(e.Name, "="):
		return fmt.Errorf("name %q: only aliases may start with '='", e.Name)
	case defaultRoles[e.Kind] == "":
		return fmt.Errorf("unknown kind %q (want armed_group, state_force, government, monitor, media or perpetrator_media)", e.Kind)
	case e.Parent == e.Name && e.Name != "":
		return fmt.Errorf("%q is its own parent", e.Name)
	case e.Parent != "" && !relations[e.Relation]:
		return fmt.Errorf("parent %q needs a relation (branch, predecessor, faction, affiliate, splinter, agency or outlet), got %q", e.Parent, e.Relation)
	case e.Parent == "" && e.Relation != "":
		return fmt.Errorf("relation %q without a parent", e.Relation)
	case e.Country != "" && !isCountryCode(e.Country):
		return fmt.Errorf("country %q is not an ISO 3166-1 alpha-2 code", e.Country)
	case e.Role != "" && !claimRoles[e.Role]:
		return fmt.Errorf("unknown role %q (want perpetrator, defender, government, independent or media)", e.Role)
	}
	return nil
}

func isCountryCode(s string) bool {
	return len(s) == 2 && 'A' <= s[0] && s[0] <= 'Z' && 'A' <= s[1] && s[1] <= 'Z'
}

// splitAliases splits the '|'-separated alias column and checks each alias can match text.
func splitAliases(col string) ([]string, error) {
	if col == "" {
		return nil, nil
	}
	parts := strings.Split(col, "|")
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			return nil, errors.New("empty alias (doubled or trailing '|')")
		}
		if _, err := compileAlias(p); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}
