package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// WatchSource is a feed, page or JSON Lines endpoint that the server polls, with its health.
type WatchSource struct {
	ID          int64
	URL         string
	Interval    time.Duration
	FollowLinks bool
	Paused      bool
	CreatedAt   time.Time

	ETag, LastModified string // validators of the last full answer

	NextPoll     time.Time
	LastPoll     time.Time // zero: never polled
	LastSuccess  time.Time
	LastError    string
	LastErrorAt  time.Time
	FailingSince time.Time // zero while the last poll succeeded
	Failures     int       // consecutive failed polls
	Polls        int
	NotModified  int // polls answered 304
	ItemsSeen    int
	NewDocuments int

	TLP model.TLP // the marking of the documents it brings; "" CLEAR
	Org string    // the organisation owning it and them, "" none
}

// ErrDuplicate is returned when a record with the same unique key already exists.
var ErrDuplicate = errors.New("already exists")

// PollOutcome is what one poll of a source learned, recorded by RecordPoll.
type PollOutcome struct {
	At           time.Time
	NextPoll     time.Time
	Err          error  // nil: the poll succeeded
	NotModified  bool   // answered 304
	ETag         string // validators of a full answer; kept as they were after a 304 or an error
	LastModified string
	ItemsSeen    int
	NewDocuments int
}

const sourceColumns = `s.id, s.url, s.interval_ms, s.follow_links, s.paused, s.created_at, s.etag, s.last_modified, s.next_poll,
	s.last_poll, s.last_success, s.last_error, s.last_error_at, s.failing_since, s.failures, s.polls, s.not_modified,
	s.items_seen, s.new_documents, s.tlp, COALESCE((SELECT name FROM organisations o WHERE o.id = s.org_id), '')`

// AddWatchSource registers a source, to be polled first at its NextPoll; it returns the source's
// id, or ErrDuplicate when the URL is already watched.
func (s *Store) AddWatchSource(ctx context.Context, src WatchSource) (int64, error) {
	tlp := src.TLP
	if tlp == "" {
		tlp = model.TLPClear
	}
	res, err := s.write.ExecContext(ctx, `INSERT INTO watch_sources (url, interval_ms, follow_links, paused, created_at, next_poll,
		tlp, org_id) VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT id FROM organisations WHERE name = ?))`, src.URL,
		src.Interval.Milliseconds(), src.FollowLinks, src.Paused, formatTime(src.CreatedAt), formatTime(src.NextPoll), string(tlp), src.Org)
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return 0, fmt.Errorf("watch source %s: %w", src.URL, ErrDuplicate)
		}
		return 0, fmt.Errorf("add watch source %s: %w", src.URL, err)
	}
	return res.LastInsertId()
}

// WatchSources returns every source the context's audience owns (all of them without accounts) in
// the order they were added.
func (s *Store) WatchSources(ctx context.Context) ([]WatchSource, error) {
	owned, args := AudienceFrom(ctx).owned("s")
	out, err := listOf(ctx, s.read, scanSource, `SELECT `+sourceColumns+` FROM watch_sources s WHERE `+owned+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("watch sources: %w", err)
	}
	return out, nil
}

// WatchSource returns one source, or ErrNotFound (also when the context's audience does not own it).
func (s *Store) WatchSource(ctx context.Context, id int64) (WatchSource, error) {
	owned, args := AudienceFrom(ctx).owned("s")
	src, err := scanSource(s.read.QueryRowContext(ctx, `SELECT `+sourceColumns+` FROM watch_sources s WHERE id = ? AND `+owned,
		append([]any{id}, args...)...))
	if errors.Is(err, sql.ErrNoRows) {
		return WatchSource{}, fmt.Errorf("watch source %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return WatchSource{}, fmt.Errorf("watch source %d: %w", id, err)
	}
	return src, nil
}

// DeleteWatchSource forgets a source and the items it took (their documents stay).
func (s *Store) DeleteWatchSource(ctx context.Context, id int64) error {
	return s.changeOwned(ctx, "watch source", "watch_sources", id, `DELETE FROM watch_sources WHERE id = ?`, id)
}

// PauseWatchSource stops or resumes polling a source; a resumed source is polled at next.
func (s *Store) PauseWatchSource(ctx context.Context, id int64, paused bool, next time.Time) error {
	return s.changeOwned(ctx, "watch source", "watch_sources", id, `UPDATE watch_sources SET paused = ?, next_poll = ? WHERE id = ?`,
		paused, formatTime(next), id)
}

// changeOwned is changeByID for a record of table the context's audience must own: another
// organisation's source or rule is not found.
func (s *Store) changeOwned(ctx context.Context, what, table string, id int64, query string, args ...any) error {
	owned, more := AudienceFrom(ctx).owned(table)
	return s.changeByID(ctx, what, id, query+` AND `+owned, append(args, more...)...)
}

// changeByID runs a statement that changes one record, what with id, and returns ErrNotFound
// when it changed none.
func (s *Store) changeByID(ctx context.Context, what string, id int64, query string, args ...any) error {
	res, err := s.write.ExecContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("%s %d: %w", what, id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%s %d: %w", what, id, ErrNotFound)
	}
	return nil
}

// RecordPoll stores what a poll learned: health counters, validators and the next poll time.
func (s *Store) RecordPoll(ctx context.Context, id int64, o PollOutcome) error {
	at := formatTime(o.At)
	var err error
	if o.Err != nil {
		_, err = s.write.ExecContext(ctx, `UPDATE watch_sources SET last_poll = ?, next_poll = ?, polls = polls + 1,
			last_error = ?, last_error_at = ?, failures = failures + 1,
			failing_since = CASE WHEN failing_since = '' THEN ? ELSE failing_since END WHERE id = ?`,
			at, formatTime(o.NextPoll), o.Err.Error(), at, at, id)
	} else {
		_, err = s.write.ExecContext(ctx, `UPDATE watch_sources SET last_poll = ?, next_poll = ?, polls = polls + 1,
			last_success = ?, failures = 0, failing_since = '', not_modified = not_modified + ?,
			etag = CASE WHEN ? THEN etag ELSE ? END, last_modified = CASE WHEN ? THEN last_modified ELSE ? END,
			items_seen = items_seen + ?, new_documents = new_documents + ? WHERE id = ?`,
			at, formatTime(o.NextPoll), at, o.NotModified, o.NotModified, o.ETag, o.NotModified, o.LastModified,
			o.ItemsSeen, o.NewDocuments, id)
	}
	if err != nil {
		return fmt.Errorf("record poll of watch source %d: %w", id, err)
	}
	return nil
}

// UnseenItems returns the keys among keys that no source has taken yet, in their order.
func (s *Store) UnseenItems(ctx context.Context, keys []string) ([]string, error) {
	var out []string
	for _, k := range keys {
		var one int
		err := s.read.QueryRowContext(ctx, `SELECT 1 FROM watch_items WHERE item_key = ?`, k).Scan(&one)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			out = append(out, k)
		case err != nil:
			return nil, fmt.Errorf("watch items: %w", err)
		}
	}
	return out, nil
}

// MarkItemsSeen records that a source took these items; keys already recorded are left as they are.
func (s *Store) MarkItemsSeen(ctx context.Context, sourceID int64, keys []string, at time.Time) error {
	if len(keys) == 0 {
		return nil
	}
	return s.InTx(ctx, func(tx *Tx) error {
		for _, k := range keys {
			if _, err := tx.tx.ExecContext(ctx, `INSERT OR IGNORE INTO watch_items (item_key, source_id, seen_at) VALUES (?, ?, ?)`,
				k, sourceID, formatTime(at)); err != nil {
				return fmt.Errorf("mark watch item %s: %w", k, err)
			}
		}
		return nil
	})
}

type rowScanner interface{ Scan(dest ...any) error }

func scanSource(row rowScanner) (WatchSource, error) {
	var src WatchSource
	var interval int64
	var created, next, lastPoll, lastSuccess, lastErrorAt, failingSince string
	err := row.Scan(&src.ID, &src.URL, &interval, &src.FollowLinks, &src.Paused, &created, &src.ETag, &src.LastModified,
		&next, &lastPoll, &lastSuccess, &src.LastError, &lastErrorAt, &failingSince, &src.Failures, &src.Polls,
		&src.NotModified, &src.ItemsSeen, &src.NewDocuments, &src.TLP, &src.Org)
	if err != nil {
		return WatchSource{}, err
	}
	src.Interval = time.Duration(interval) * time.Millisecond
	src.CreatedAt, src.NextPoll, src.LastPoll = parseTime(created), parseTime(next), parseTime(lastPoll)
	src.LastSuccess, src.LastErrorAt, src.FailingSince = parseTime(lastSuccess), parseTime(lastErrorAt), parseTime(failingSince)
	return src, nil
}

// formatTime writes a time as RFC 3339 UTC with nanoseconds, "" for the zero time, so that the
// text sorts as the time does.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02T15:04:05.000000000Z")
}

// parseTime reads what formatTime wrote; "" and anything unreadable are the zero time.
func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}
