package link

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"

	"github.com/wallwatch/wallwatch/internal/model"
)

// ClusterID is the id a new incident gets: "inc-" and the first 12 hex digits of the SHA-256 of
// the Key of its first mention in key order (DocumentID, then Index). The same mentions always
// give the same id, whatever order they were ingested in. Once assigned, an id is kept by
// AssignIDs even when the cluster later gains a mention that sorts first.
func ClusterID(cluster []model.Mention) string {
	if len(cluster) == 0 {
		return ""
	}
	first := cluster[0]
	for _, m := range cluster[1:] {
		if less(m, first) {
			first = m
		}
	}
	return idFor(Key(first))
}

func idFor(key string) string {
	sum := sha256.Sum256([]byte(key))
	return "inc-" + hex.EncodeToString(sum[:])[:12]
}

// Assignment is the outcome of AssignIDs.
type Assignment struct {
	IDs []string // IDs[i] is the incident id of clusters[i]
	// Retired maps each previous id that no cluster keeps to the id of the cluster that holds
	// most of its mentions (ties: the smaller id), or "" when none of its mentions is left, so
	// that the store can delete it and redirect its readers.
	Retired map[string]string
}

// AssignIDs keeps incident ids stable once assigned. previous maps each existing incident id to
// the keys of its mentions. A cluster keeps the id of the previous incident that contributed most
// of its mentions (ties: the smaller id); each previous id goes to one cluster only, decided
// greedily by contributed count, then id, then cluster order. A cluster with no previous id
// left gets ClusterID, or, when that is already in use, the id of its next key in key order.
func AssignIDs(clusters [][]model.Mention, previous map[string][]string) Assignment {
	owner := ownerOfKeys(previous)
	counts := make([]map[string]int, len(clusters))
	type claim struct {
		cluster int
		id      string
		count   int
	}
	var claims []claim
	for i, c := range clusters {
		counts[i] = map[string]int{}
		for _, m := range c {
			if id, ok := owner[Key(m)]; ok {
				counts[i][id]++
			}
		}
		for id, n := range counts[i] {
			claims = append(claims, claim{i, id, n})
		}
	}
	sort.Slice(claims, func(x, y int) bool {
		a, b := claims[x], claims[y]
		if a.count != b.count {
			return a.count > b.count
		}
		if a.id != b.id {
			return a.id < b.id
		}
		return a.cluster < b.cluster
	})
	out := Assignment{IDs: make([]string, len(clusters)), Retired: map[string]string{}}
	used := map[string]bool{}
	for _, c := range claims {
		if out.IDs[c.cluster] == "" && !used[c.id] {
			out.IDs[c.cluster], used[c.id] = c.id, true
		}
	}
	for i, c := range clusters {
		if out.IDs[i] == "" {
			out.IDs[i] = freshID(c, previous, used)
			used[out.IDs[i]] = true
		}
	}
	for id := range previous {
		if !used[id] {
			out.Retired[id] = successor(id, counts, out.IDs)
		}
	}
	return out
}

// ownerOfKeys inverts previous; a key listed under two incidents belongs to the smaller id.
func ownerOfKeys(previous map[string][]string) map[string]string {
	owner := map[string]string{}
	for id, keys := range previous {
		for _, k := range keys {
			if cur, ok := owner[k]; !ok || id < cur {
				owner[k] = id
			}
		}
	}
	return owner
}

// freshID derives an id from the cluster's keys in key order, skipping ids in use now or before.
func freshID(cluster []model.Mention, previous map[string][]string, used map[string]bool) string {
	sorted := uniqueSorted(cluster)
	taken := func(id string) bool {
		_, old := previous[id]
		return used[id] || old
	}
	for _, m := range sorted {
		if id := idFor(Key(m)); !taken(id) {
			return id
		}
	}
	base := ""
	if len(sorted) > 0 {
		base = Key(sorted[0])
	}
	for n := 1; ; n++ {
		if id := idFor(base + "#" + strconv.Itoa(n)); !taken(id) {
			return id
		}
	}
}

// successor is the id of the cluster holding most mentions of the retired incident.
func successor(retired string, counts []map[string]int, ids []string) string {
	best, bestN := "", 0
	for i, c := range counts {
		n := c[retired]
		if n > bestN || n == bestN && n > 0 && ids[i] < best {
			best, bestN = ids[i], n
		}
	}
	return best
}
