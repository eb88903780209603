package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

func TestIsBusy(t *testing.T) {
	busy := storetest.BusyError(context.Background(), t.TempDir())
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"locked by another writer", busy, true},
		{"wrapped", fmt.Errorf("store batch: %w", busy), true},
		{"same words, not from SQLite", errors.New("database is locked"), false},
		{"not found", store.ErrNotFound, false},
		{"nil", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := store.IsBusy(tt.err); got != tt.want {
				t.Errorf("IsBusy(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}
