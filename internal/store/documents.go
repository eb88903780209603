package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/model"
)

// DocumentIDByHash returns the id of the document with this content hash, or "" when there is none.
func (t *Tx) DocumentIDByHash(ctx context.Context, hash string) (string, error) {
	var id string
	err := t.tx.QueryRowContext(ctx, `SELECT id FROM documents WHERE content_hash = ?`, hash).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("look up hash: %w", err)
	}
	return id, nil
}

// Fingerprint is what near-duplicate detection needs to know of a stored document.
type Fingerprint struct {
	ID          string
	Fingerprint uint64
	DuplicateOf string
	Published   *time.Time
	Length      int    // characters of text
	IngestedAt  string // as stored (IngestedText): with ID, the order in which stored documents are compared
	RowID       int64  // the order of storing, for reading only what is new
}

// FingerprintsAfter returns the fingerprints of the documents stored after the one with rowid
// after (0: all of them), in the order of storing. The pipeline keeps them in memory and reads
// only what is new at each batch, rather than every fingerprint again.
func (t *Tx) FingerprintsAfter(ctx context.Context, after int64) ([]Fingerprint, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT rowid, id, fingerprint, COALESCE(duplicate_of, ''), published,
		length, ingested_at FROM documents WHERE rowid > ? ORDER BY rowid`, after)
	if err != nil {
		return nil, fmt.Errorf("read fingerprints: %w", err)
	}
	return scanFingerprints(rows)
}

// Fingerprints returns the fingerprints of every stored document in the order near-duplicate
// checks compare them (ingest time as stored, then id). It reads the covering index
// documents_fingerprints alone: a row of documents holds its raw bytes and text before its
// length, so reading every row through the table follows each text's overflow pages, which cost
// 1.4 s of a 10,000-document ingest into a store of 90,000.
func (t *Tx) Fingerprints(ctx context.Context) ([]Fingerprint, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT rowid, id, fingerprint, COALESCE(duplicate_of, ''), published,
		length, ingested_at FROM documents INDEXED BY documents_fingerprints ORDER BY ingested_at, id`)
	if err != nil {
		return nil, fmt.Errorf("read fingerprints: %w", err)
	}
	return scanFingerprints(rows)
}

// scanFingerprints reads the rows of FingerprintsAfter or Fingerprints and closes them.
func scanFingerprints(rows *sql.Rows) ([]Fingerprint, error) {
	defer rows.Close()
	var out []Fingerprint
	for rows.Next() {
		var f Fingerprint
		var fp int64
		var published sql.NullString
		if err := rows.Scan(&f.RowID, &f.ID, &fp, &f.DuplicateOf, &published, &f.Length, &f.IngestedAt); err != nil {
			return nil, fmt.Errorf("read fingerprints: %w", err)
		}
		f.Fingerprint, f.Published = uint64(fp), parseDay(published)
		out = append(out, f)
	}
	return out, rows.Err()
}

// storedInstant is how a document's ingestion instant is written: fixed width, so that the
// column's text order, which lists and the near-duplicate comparison follow, is time order (RFC
// 3339 with its trailing zeros trimmed is not: "…:01.1Z" sorts after "…:01.15Z"). time.Parse
// with RFC3339Nano reads it back.
const storedInstant = "2006-01-02T15:04:05.000000000Z07:00"

// IngestedText is the text an ingestion instant is stored as, which Fingerprint.IngestedAt holds.
func IngestedText(t time.Time) string { return t.UTC().Format(storedInstant) }

// InsertDocument stores a new document. Documents are immutable once stored. It enters the
// full-text index when the transaction commits (indexDocuments). Its organisation, when named,
// must exist (CheckOrganisation): an unknown name stores the document unowned.
func (t *Tx) InsertDocument(ctx context.Context, d model.Document) error {
	tlp := d.TLP
	if tlp == "" {
		tlp = model.TLPClear
	}
	res, err := t.stmt(ctx, t.stmts.insertDocument).ExecContext(ctx,
		d.ID, d.Source, d.URL, d.Title, dayOrNil(d.Published), IngestedText(d.IngestedAt),
		d.Format, d.ContentType, d.Language, d.ContentHash, int64(d.Fingerprint),
		nullIfEmpty(d.DuplicateOf), d.Raw, d.Text, utf8.RuneCountInString(d.Text), string(tlp), d.Org)
	if err != nil {
		return fmt.Errorf("insert document %s (%s): %w", d.ID, d.Source, err)
	}
	row, err := res.LastInsertId()
	if err != nil {
		return fmt.Errorf("insert document %s (%s): %w", d.ID, d.Source, err)
	}
	t.unindexed = append(t.unindexed, row)
	return nil
}

// indexDocuments adds the documents inserted in the transaction to the full-text index in one
// statement, so that FTS5 flushes its pending terms once rather than at every later statement.
func (t *Tx) indexDocuments(ctx context.Context) error {
	if len(t.unindexed) == 0 {
		return nil
	}
	rows, err := json.Marshal(t.unindexed)
	if err != nil {
		return fmt.Errorf("index documents: %w", err)
	}
	if _, err := t.stmt(ctx, t.stmts.indexDocuments).ExecContext(ctx, string(rows)); err != nil {
		return fmt.Errorf("index %d documents: %w", len(t.unindexed), err)
	}
	t.unindexed = nil
	return nil
}

// DocumentQuery selects documents for listing.
type DocumentQuery struct {
	Q      string // full-text query over title and text; "" lists all
	Limit  int    // 0 means 100
	Offset int
}

// DocumentSummary is a listed document without its text and bytes.
type DocumentSummary struct {
	ID          string     `json:"id"`
	Source      string     `json:"source"`
	Title       string     `json:"title"`
	Published   *time.Time `json:"published,omitempty"`
	IngestedAt  time.Time  `json:"ingested_at"`
	Format      string     `json:"format"`
	Language    string     `json:"language"`
	DuplicateOf string     `json:"duplicate_of,omitempty"`
	Size        int        `json:"size"`
	Snippet     string     `json:"snippet,omitempty"`
	TLP         model.TLP  `json:"tlp"`
	Org         string     `json:"org,omitempty"` // the organisation owning it
}

const summaryColumns = `d.id, d.source, d.title, d.published, d.ingested_at, d.format, d.language,
	COALESCE(d.duplicate_of, ''), length(d.raw), d.tlp, COALESCE((SELECT name FROM organisations o WHERE o.id = d.org_id), '')`

// Documents lists documents, newest ingest first, with a snippet around the matched words when q
// is given. Matches come newest first too (rowid order, which is ingest order) rather than by
// relevance: FTS5 walks its index backwards and stops at the limit, where ranking would score
// every match first (seconds for a common word in a large store). A restricted audience lists and
// finds only the documents it may see: the full-text match is joined to the documents it may
// see before the limit, so neither snippets nor the page's length reveal another's document.
func (s *Store) Documents(ctx context.Context, q DocumentQuery) ([]DocumentSummary, error) {
	if q.Limit <= 0 {
		q.Limit = 100
	}
	visible, args := AudienceFrom(ctx).documentFilter("d")
	var rows *sql.Rows
	var err error
	if strings.TrimSpace(q.Q) == "" {
		rows, err = s.read.QueryContext(ctx, `SELECT `+summaryColumns+`, '' FROM documents d WHERE `+visible+`
			ORDER BY d.ingested_at DESC, d.id LIMIT ? OFFSET ?`, append(args, q.Limit, q.Offset)...)
	} else if !AudienceFrom(ctx).Restricted() {
		rows, err = s.read.QueryContext(ctx, `SELECT `+summaryColumns+`, f.snippet
			FROM (SELECT rowid, snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet FROM documents_fts
				WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?) f
			JOIN documents d ON d.rowid = f.rowid ORDER BY f.rowid DESC`, ftsQuery(q.Q), q.Limit, q.Offset)
	} else {
		rows, err = s.read.QueryContext(ctx, `SELECT `+summaryColumns+`, snippet(documents_fts, 1, '[', ']', '…', 12)
			FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
			WHERE documents_fts MATCH ? AND `+visible+` ORDER BY documents_fts.rowid DESC LIMIT ? OFFSET ?`,
			append(append([]any{ftsQuery(q.Q)}, args...), q.Limit, q.Offset)...)
	}
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	defer rows.Close()
	var out []DocumentSummary
	for rows.Next() {
		var d DocumentSummary
		var published sql.NullString
		var ingested string
		if err := rows.Scan(&d.ID, &d.Source, &d.Title, &published, &ingested, &d.Format, &d.Language,
			&d.DuplicateOf, &d.Size, &d.TLP, &d.Org, &d.Snippet); err != nil {
			return nil, fmt.Errorf("list documents: %w", err)
		}
		d.Published = parseDay(published)
		d.IngestedAt, _ = time.Parse(time.RFC3339Nano, ingested)
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	originals := make([]*string, len(out))
	for i := range out {
		originals[i] = &out[i].DuplicateOf
	}
	return out, s.hideOriginals(ctx, originals)
}

// ftsQuery turns free text into an FTS5 query of quoted terms, so user input can never be a
// syntax error: every word must occur.
func ftsQuery(q string) string {
	var terms []string
	for _, w := range strings.Fields(q) {
		terms = append(terms, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	return strings.Join(terms, " ")
}

// Document returns one document with its text and original bytes; ErrNotFound when the context's
// audience may not see it.
func (s *Store) Document(ctx context.Context, id string) (model.Document, error) {
	var d model.Document
	var published sql.NullString
	var ingested string
	var fp int64
	var dup sql.NullString
	visible, args := AudienceFrom(ctx).documentFilter("d")
	err := s.read.QueryRowContext(ctx, `SELECT id, source, url, title, published, ingested_at, format,
		content_type, language, content_hash, fingerprint, duplicate_of, raw, text, tlp,
		COALESCE((SELECT name FROM organisations o WHERE o.id = d.org_id), '') FROM documents d WHERE id = ? AND `+visible,
		append([]any{id}, args...)...).
		Scan(&d.ID, &d.Source, &d.URL, &d.Title, &published, &ingested, &d.Format, &d.ContentType,
			&d.Language, &d.ContentHash, &fp, &dup, &d.Raw, &d.Text, &d.TLP, &d.Org)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("document %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("document %s: %w", id, err)
	}
	d.Published = parseDay(published)
	d.IngestedAt, _ = time.Parse(time.RFC3339Nano, ingested)
	d.Fingerprint = uint64(fp)
	d.DuplicateOf = dup.String
	return d, s.hideOriginals(ctx, []*string{&d.DuplicateOf})
}

// hideOriginals blanks, for a restricted audience, the ids of the documents that near-duplicates
// copy which it may not see: that another's document reads like this one is not for it to know.
func (s *Store) hideOriginals(ctx context.Context, originals []*string) error {
	aud := AudienceFrom(ctx)
	var ids []string
	for _, o := range originals {
		if *o != "" {
			ids = append(ids, *o)
		}
	}
	if !aud.Restricted() || len(ids) == 0 {
		return nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return fmt.Errorf("originals: %w", err)
	}
	visible, args := aud.documentFilter("d")
	seen, err := column[string](s.read.QueryContext(ctx, `SELECT id FROM documents d WHERE id IN (SELECT value FROM json_each(?)) AND `+visible,
		append([]any{string(list)}, args...)...))
	if err != nil {
		return fmt.Errorf("originals: %w", err)
	}
	for _, o := range originals {
		if *o != "" && !slices.Contains(seen, *o) {
			*o = ""
		}
	}
	return nil
}

// DocumentText returns one document's text alone, for readers that search it: the whole row
// holds the original bytes too, as many again.
func (s *Store) DocumentText(ctx context.Context, id string) (string, error) {
	var text string
	err := s.read.QueryRowContext(ctx, `SELECT text FROM documents WHERE id = ?`, id).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("document %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("document %s: %w", id, err)
	}
	return text, nil
}

// DocumentTexts reads document texts through one statement prepared on a connection of the
// read pool: the citation check of wave detection reads thousands of them a run, and parsing the
// query afresh for each cost about a third of the read. The connection reads them with a page
// cache of textsCacheKiB: a text is read once a run, and a cache as large as the others' was
// filled page after page with pages read once, each page of the cache new memory the process
// had to be given (at 90,000 documents, more of the read's time than reading the pages). Close
// it when done: the connection goes back to the pool with the cache the others have.
type DocumentTexts struct {
	conn *sql.Conn
	stmt *sql.Stmt
}

// textsCacheKiB is the page cache DocumentTexts reads through: enough for the upper levels of
// the documents' B-trees.
const textsCacheKiB = 2048

// DocumentTexts prepares a reader of document texts.
func (s *Store) DocumentTexts(ctx context.Context) (*DocumentTexts, error) {
	conn, err := s.read.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("prepare document texts: %w", err)
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, textsCacheKiB)); err != nil {
		return nil, errors.Join(fmt.Errorf("prepare document texts: %w", err), conn.Close())
	}
	stmt, err := conn.PrepareContext(ctx, `SELECT text FROM documents WHERE id = ?`)
	if err != nil {
		return nil, errors.Join(fmt.Errorf("prepare document texts: %w", err), restoreCache(conn), conn.Close())
	}
	return &DocumentTexts{conn: conn, stmt: stmt}, nil
}

// Text returns the text of one document, as DocumentText does.
func (d *DocumentTexts) Text(ctx context.Context, id string) (string, error) {
	var text string
	err := d.stmt.QueryRowContext(ctx, id).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("document %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("document %s: %w", id, err)
	}
	return text, nil
}

// Close releases the prepared statement and gives the connection back to the pool with the page
// cache it had.
func (d *DocumentTexts) Close() error {
	return errors.Join(d.stmt.Close(), restoreCache(d.conn), d.conn.Close())
}

// restoreCache gives a connection of the pool its page cache back (pageCacheKiB).
func restoreCache(conn *sql.Conn) error {
	if _, err := conn.ExecContext(context.Background(), fmt.Sprintf(`PRAGMA cache_size = -%d`, pageCacheKiB)); err != nil {
		return fmt.Errorf("page cache of a reader: %w", err)
	}
	return nil
}

// DocumentIDs lists every document id in ingest order.
func (s *Store) DocumentIDs(ctx context.Context) ([]string, error) {
	ids, err := column[string](s.read.QueryContext(ctx, `SELECT id FROM documents ORDER BY ingested_at, id`))
	if err != nil {
		return nil, fmt.Errorf("list document ids: %w", err)
	}
	return ids, nil
}

// CountDocuments counts the stored documents the context's audience may see.
func (s *Store) CountDocuments(ctx context.Context) (int, error) {
	var n int
	visible, args := AudienceFrom(ctx).documentFilter("d")
	err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM documents d WHERE `+visible, args...).Scan(&n)
	return n, err
}

func dayOrNil(t *time.Time) any {
	if t == nil {
		return nil
	}
	return dayOrNilValue(*t)
}

func parseDay(s sql.NullString) *time.Time {
	if !s.Valid {
		return nil
	}
	t, err := time.Parse(model.DateLayout, s.String)
	if err != nil {
		return nil
	}
	return &t
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
