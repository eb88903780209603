package link

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/wallwatch/wallwatch/internal/model"
)

// ClusterID is the id of an incident made of these mentions: "inc-" and the first 12 hex digits
// of the SHA-256 of the Key of its first mention in key order (DocumentID, then Index). The
// linker gives a new incident the ClusterID of the mention that opens it; incidents only grow,
// so the id stays when the incident later gains a mention that sorts first.
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
