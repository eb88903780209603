package link

import (
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
)

func keysOf(t *testing.T, keys ...string) []model.Mention {
	var ms []model.Mention
	for _, k := range keys {
		ms = append(ms, mention(t, k))
	}
	return ms
}

func TestClusterIDStable(t *testing.T) {
	a := keysOf(t, "doc2#0", "doc1#3", "doc1#10")
	b := keysOf(t, "doc1#10", "doc2#0", "doc1#3")
	if ClusterID(a) != ClusterID(b) || ClusterID(a) != idFor("doc1#3") {
		t.Errorf("got %s and %s, want both %s (from doc1#3, first in key order)", ClusterID(a), ClusterID(b), idFor("doc1#3"))
	}
	if len(ClusterID(a)) != len("inc-")+12 {
		t.Errorf("got %q, want inc- and 12 hex digits", ClusterID(a))
	}
}
