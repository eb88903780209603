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

func TestAssignIDs(t *testing.T) {
	oldA, oldB := idFor("b#0"), idFor("d#0")
	tests := []struct {
		name        string
		clusters    [][]model.Mention
		previous    map[string][]string
		wantIDs     []string
		wantRetired map[string]string
	}{
		{"a new cluster gets its key-derived id",
			[][]model.Mention{keysOf(t, "a#0")}, nil,
			[]string{idFor("a#0")}, map[string]string{}},
		{"a cluster that grows keeps its id, even with a smaller first key",
			[][]model.Mention{keysOf(t, "a#0", "b#0", "c#0")}, map[string][]string{oldA: {"b#0", "c#0"}},
			[]string{oldA}, map[string]string{}},
		{"a merge keeps the id of the larger contributor and retires the other",
			[][]model.Mention{keysOf(t, "b#0", "c#0", "d#0")}, map[string][]string{oldA: {"b#0", "c#0"}, oldB: {"d#0"}},
			[]string{oldA}, map[string]string{oldB: oldA}},
		{"a merge of equal contributors keeps the smaller id",
			[][]model.Mention{keysOf(t, "b#0", "d#0")}, map[string][]string{"inc-x": {"b#0"}, "inc-w": {"d#0"}},
			[]string{"inc-w"}, map[string]string{"inc-x": "inc-w"}},
		{"a split gives the larger part the old id and the other a fresh one",
			[][]model.Mention{keysOf(t, "b#0"), keysOf(t, "c#0", "e#0")}, map[string][]string{oldA: {"b#0", "c#0", "e#0"}},
			[]string{idFor("b#0#1"), oldA}, map[string]string{}},
		{"an incident whose mentions are gone is retired to nothing",
			[][]model.Mention{keysOf(t, "a#0")}, map[string][]string{"inc-gone": {"z#0"}},
			[]string{idFor("a#0")}, map[string]string{"inc-gone": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := AssignIDs(tt.clusters, tt.previous)
			for i := range tt.wantIDs {
				if got.IDs[i] != tt.wantIDs[i] {
					t.Errorf("IDs[%d] = %s, want %s", i, got.IDs[i], tt.wantIDs[i])
				}
			}
			if len(got.Retired) != len(tt.wantRetired) {
				t.Errorf("Retired = %v, want %v", got.Retired, tt.wantRetired)
			}
			for k, v := range tt.wantRetired {
				if got.Retired[k] != v {
					t.Errorf("Retired[%s] = %q, want %q", k, got.Retired[k], v)
				}
			}
		})
	}
}
