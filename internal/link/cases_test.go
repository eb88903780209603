package link

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
)

// clusterCase is one linking case of testdata/cluster/*.txt.
type clusterCase struct {
	name     string
	mentions []model.Mention
	want     []string // expected groups, each "[key key ...]" in key order
}

// readClusterCases reads the linking case format:
//
//	# comment
//	family "Islamic State Khorasan Province" "Islamic State"   (for the whole file)
//	case NAME
//	mention doc#idx key=value ...                                (see parseMention)
//	group doc#idx doc#idx ...                                    (one line per expected incident)
func readClusterCases(path string) ([]clusterCase, Family, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("open cases: %w", err)
	}
	defer f.Close()
	parents := map[string]string{}
	var cases []clusterCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields, err := splitQuoted(line)
		if err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if err := applyCaseLine(&cases, parents, fields); err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", path, err)
	}
	return cases, testFamily(parents), nil
}

func applyCaseLine(cases *[]clusterCase, parents map[string]string, f []string) error {
	if f[0] == "case" {
		*cases = append(*cases, clusterCase{name: strings.Join(f[1:], " ")})
		return nil
	}
	if f[0] == "family" {
		if len(f) != 3 {
			return fmt.Errorf("family wants two names")
		}
		parents[f[1]] = f[2]
		return nil
	}
	if len(*cases) == 0 {
		return fmt.Errorf("%q before the first case", f[0])
	}
	c := &(*cases)[len(*cases)-1]
	switch f[0] {
	case "mention":
		if len(f) < 2 {
			return fmt.Errorf("mention without key")
		}
		m, err := parseMention(f[1], f[2:])
		if err != nil {
			return err
		}
		c.mentions = append(c.mentions, m)
	case "group":
		c.want = append(c.want, "["+strings.Join(f[1:], " ")+"]")
	default:
		return fmt.Errorf("unknown line kind %q", f[0])
	}
	return nil
}

func TestClusterCases(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "cluster", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cluster cases: %v", err)
	}
	for _, path := range paths {
		cases, fam, err := readClusterCases(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			t.Run(filepath.Base(path)+"/"+c.name, func(t *testing.T) {
				want := strings.Join(c.want, " ")
				rng := rand.New(rand.NewPCG(1, uint64(len(c.mentions))))
				for i := range 10 {
					ms := append([]model.Mention(nil), c.mentions...)
					if i > 0 {
						rng.Shuffle(len(ms), func(a, b int) { ms[a], ms[b] = ms[b], ms[a] })
					}
					if got := groupKeys(Cluster(ms, fam)); got != want {
						t.Fatalf("shuffle %d: got %s, want %s", i, got, want)
					}
				}
			})
		}
	}
}
