// Package store keeps documents, mentions and incidents in one database: embedded SQLite by default.
// It is the only package that speaks SQL; the pipeline and the servers read and write through it.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strconv"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// ErrNotFound is returned when a requested record does not exist.
var ErrNotFound = errors.New("not found")

// Store is a database opened for wallwatch: one write connection (SQLite allows one writer at a
// time, so queuing in database/sql beats lock contention) and a pool of readers.
type Store struct {
	write   *sql.DB
	read    *sql.DB
	path    string
	stmts   *statements // prepared on write
	history HistoryFunc // nil: incidents are read without histories
	words   wordMemo    // the text filter's word lookups at the store's current change mark
}

// Open opens (creating if needed) the SQLite database at path and applies pending migrations.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	write, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	read, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	read.SetMaxOpenConns(max(4, runtime.NumCPU()))
	s := &Store{write: write, read: read, path: path}
	for _, o := range opts {
		o(s)
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if s.stmts, err = prepareStatements(ctx, write); err != nil {
		s.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// pageCacheKiB is the page cache of each connection: 64 MiB, so that lookups stay in memory as the
// store grows.
const pageCacheKiB = 65536

func dsn(path string, writer bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	q.Add("_pragma", fmt.Sprintf("cache_size(-%d)", pageCacheKiB))
	// No memory-mapped reads: each page of the file a process touched through the map stayed
	// in its resident memory, 256 MiB more per process once the file outgrew the map, for no
	// measurable gain in CPU (wave refresh over 30,000 reports: 605 → 350 MiB, 7.5 s CPU both).
	if writer {
		q.Set("_txlock", "immediate")
		// A checkpoint copies every page written since the last one into the database; the hot
		// pages of the indexes are written in every batch, so rarer checkpoints copy each of them
		// once for many batches (the default, 1,000 pages, checkpointed every few batches).
		q.Add("_pragma", "wal_autocheckpoint(32768)")
	} else {
		q.Add("_pragma", "query_only(ON)")
	}
	return "file:" + path + "?" + q.Encode()
}

// Path is the database file the store was opened on.
func (s *Store) Path() string { return s.path }

// Close closes the prepared statements and both connection pools.
func (s *Store) Close() error {
	var err error
	if s.stmts != nil {
		err = s.stmts.close()
	}
	return errors.Join(err, s.read.Close(), s.write.Close())
}

// Optimize refreshes the query planner's statistics; call it after large batches so that filters
// pick the right index.
func (s *Store) Optimize(ctx context.Context) error {
	if _, err := s.write.ExecContext(ctx, `PRAGMA optimize`); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	return nil
}

// countChange adds one to the store's count of write transactions (ChangeMark). Migrations,
// which run before the statements are prepared, count none: opening a store changes nothing
// a reader has kept.
func (t *Tx) countChange(ctx context.Context) error {
	if t.stmts == nil {
		return nil
	}
	if _, err := t.stmt(ctx, t.stmts.countChange).ExecContext(ctx); err != nil {
		return fmt.Errorf("count the change: %w", err)
	}
	return nil
}

// ChangeMark returns a value that changes whenever a write transaction commits (InTx counts
// them), so that readers can keep what they built from the store until it changes. It reads one
// row.
func (s *Store) ChangeMark(ctx context.Context) (string, error) {
	var n int64
	if err := s.read.QueryRowContext(ctx, `SELECT changes FROM store_changes WHERE id = 1`).Scan(&n); err != nil {
		return "", fmt.Errorf("change mark: %w", err)
	}
	return strconv.FormatInt(n, 10), nil
}

// Tx is a write transaction. Every write goes through one, so a batch lands whole or not at all.
type Tx struct {
	tx    *sql.Tx
	stmts *statements             // the store's prepared statements (nil while migrating)
	bound map[*sql.Stmt]*sql.Stmt // those of stmts already bound to tx
	// unindexed are the rowids of the documents inserted and not yet in the full-text index.
	unindexed []int64
	// seqs are the numbers of the incidents this transaction touched, by id, and lastSeq the
	// highest number given out (seqOf).
	seqs    map[string]int64
	lastSeq int64
	// windows, when given (KeepWindows), follows what the transaction writes to the windows and
	// answers CandidateIDs.
	windows *WindowIndex
	// updates are the statements that update incidents' changed columns, by set of columns
	// (incidentUpdate), prepared on the transaction.
	updates map[uint32]*sql.Stmt
}

// InTx runs fn in a write transaction, committing when fn returns nil.
func (s *Store) InTx(ctx context.Context, fn func(*Tx) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	t := &Tx{tx: tx, stmts: s.stmts}
	if err := fn(t); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	if err := t.indexDocuments(ctx); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	if err := t.countChange(ctx); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
