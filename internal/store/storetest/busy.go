package storetest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
)

// BusyError returns the error SQLite gives a writer while another connection holds the write lock
// of the same file (a database in dir), without waiting: the error a busy store returns once
// busy_timeout runs out, for tests of how callers classify it.
func BusyError(ctx context.Context, dir string) error {
	dsn := "file:" + filepath.Join(dir, "busy.db") + "?_pragma=busy_timeout(0)&_txlock=immediate"
	holder, err := sql.Open("sqlite", dsn)
	if err != nil {
		return fmt.Errorf("open lock holder: %w", err)
	}
	defer holder.Close()
	tx, err := holder.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("take write lock: %w", err)
	}
	defer tx.Rollback()
	other, err := sql.Open("sqlite", dsn)
	if err != nil {
		return fmt.Errorf("open second writer: %w", err)
	}
	defer other.Close()
	otx, err := other.BeginTx(ctx, nil)
	if err == nil {
		otx.Rollback()
		return errors.New("a second writer got the write lock")
	}
	return err
}
