package store

import (
	"errors"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// IsBusy reports whether err is SQLite giving up on a lock another connection (another process
// writing the same file) held past busy_timeout. The work may succeed when retried later, so the
// API answers 503 with Retry-After and the ingest command goes on with its next batch.
func IsBusy(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	switch e.Code() & 0xff { // extended codes such as SQLITE_BUSY_SNAPSHOT keep the primary code in the low byte
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return true
	}
	return false
}
