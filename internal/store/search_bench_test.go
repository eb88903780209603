package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

// BenchmarkDocumentSearch is one page of full-text search results (GET /api/v1/documents?q=...)
// as the store grows; "prison" occurs in most documents, so every page has thousands of matches.
func BenchmarkDocumentSearch(b *testing.B) {
	for _, n := range []int{3_000, 30_000} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			ctx := context.Background()
			s, err := store.Open(ctx, filepath.Join(b.TempDir(), "search.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			if err := storetest.SeedDocuments(ctx, s, n); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				docs, err := s.Documents(ctx, store.DocumentQuery{Q: "prison", Limit: 50})
				if err != nil || len(docs) != 50 {
					b.Fatalf("got %d documents, %v", len(docs), err)
				}
			}
		})
	}
}
