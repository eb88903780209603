package ingest

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/mmcdole/gofeed"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/urldate"
)

// Formats of Document.Format; a gzipped input adds GzipSuffix.
const (
	FormatText  = "text"
	FormatHTML  = "html"
	FormatRSS   = "rss"
	FormatAtom  = "atom"
	FormatJSONL = "jsonl"
	GzipSuffix  = ".gz"
)

// DefaultMaxBytes is the default limit on a file, a fetched body and a decompressed gzip stream.
const DefaultMaxBytes = 10 << 20

// Errors callers may want to tell apart (with errors.Is) from a document that merely failed to parse.
var (
	ErrBinary   = errors.New("binary file, not a text, HTML, feed or JSON Lines document")
	ErrTooLarge = errors.New("over the size limit")
	ErrEmpty    = errors.New("no text")
)

// kind is what a sniffed input is read as.
type kind int

const (
	kindText kind = iota
	kindHTML
	kindFeed
	kindJSONL
)

// Parse reads the documents in data. name (a path or URL) and contentType are hints used only
// when the content itself does not tell the format; a name that is an http(s) URL is also the
// page's URL. Every error names the input (and the line or item); the documents that could be
// read come back with them. Parse limits decompressed gzip to DefaultMaxBytes.
func Parse(name, contentType string, data []byte) ([]model.Document, []error) {
	pageURL := ""
	if isURL(name) {
		pageURL = name
	}
	return parser{maxBytes: DefaultMaxBytes}.parse(name, pageURL, contentType, data)
}

// parser reads documents from bytes under a size limit for decompressed data.
type parser struct {
	maxBytes int64
}

// parse reads the documents of one input: source names it, pageURL is where it was fetched from.
func (p parser) parse(source, pageURL, contentType string, data []byte) ([]model.Document, []error) {
	docs, errs := p.read(source, pageURL, contentType, data)
	kept := docs[:0]
	for _, doc := range docs {
		if err := finish(&doc, source); err != nil {
			errs = append(errs, err)
			continue
		}
		kept = append(kept, doc)
	}
	for i, err := range errs {
		errs[i] = fmt.Errorf("%s: %w", source, err)
	}
	return kept, errs
}

// read decompresses and sniffs data and hands it to the reader of its format.
func (p parser) read(name, pageURL, contentType string, data []byte) ([]model.Document, []error) {
	gzipped := isGzip(data)
	if gzipped {
		var err error
		if data, err = gunzip(data, p.maxBytes); err != nil {
			return nil, []error{err}
		}
		name, contentType = strings.TrimSuffix(name, GzipSuffix), ""
	}
	if isBinary(data) {
		return nil, []error{ErrBinary}
	}
	var docs []model.Document
	var errs []error
	switch sniff(name, contentType, data) {
	case kindFeed:
		docs, errs = readFeed(data)
	case kindJSONL:
		docs, errs = readJSONL(data)
	case kindHTML:
		docs, errs = single(readHTML(data, contentType, pageURL))
	default:
		docs, errs = single(readText(data, contentType))
	}
	for i := range docs {
		if docs[i].Raw == nil {
			docs[i].Raw = data
		}
		if docs[i].URL == "" {
			docs[i].URL = pageURL
		}
		if gzipped {
			docs[i].Format += GzipSuffix
		}
	}
	return docs, errs
}

// single adapts a one-document reader: a document with a non-fatal error is still kept.
func single(doc model.Document, err error) ([]model.Document, []error) {
	var errs []error
	if err != nil {
		errs = append(errs, err)
	}
	if doc.Format == "" {
		return nil, errs
	}
	return []model.Document{doc}, errs
}

// finish normalises a document's title and text, dates it by the day in its URL's path when
// nothing else did, and derives its hash, id, fingerprint and language.
func finish(doc *model.Document, source string) error {
	doc.Source = source
	if doc.Published == nil {
		doc.Published = urldate.Day(doc.URL)
	}
	doc.Title = strings.Join(strings.Fields(Normalize(doc.Title)), " ")
	doc.Text = Normalize(doc.Text)
	if doc.Text == "" {
		if doc.URL != "" && doc.URL != source {
			return fmt.Errorf("%s: %w", doc.URL, ErrEmpty)
		}
		return ErrEmpty
	}
	sum := sha256.Sum256([]byte(doc.Text))
	doc.ContentHash = hex.EncodeToString(sum[:])
	doc.ID = doc.ContentHash[:16]
	doc.Fingerprint = Fingerprint(doc.Text)
	if lang := GuessLanguage(doc.Text); lang != "" {
		doc.Language = lang
	}
	return nil
}

// isGzip reports the gzip magic bytes.
func isGzip(data []byte) bool {
	return len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b
}

// gunzip decompresses data, refusing more than limit bytes of output.
func gunzip(data []byte, limit int64) ([]byte, error) {
	r, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	out, err := io.ReadAll(io.LimitReader(r, limit+1))
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return nil, fmt.Errorf("gzip: truncated (the file ends before the compressed stream does)")
	case err != nil:
		return nil, fmt.Errorf("gzip: %w", err)
	case int64(len(out)) > limit:
		return nil, fmt.Errorf("gzip: decompressed size %w of %d bytes", ErrTooLarge, limit)
	}
	return out, nil
}

// binaryMagic starts common binary formats that hold few NUL bytes near their start.
var binaryMagic = [][]byte{
	[]byte("%PDF-"), []byte("PK\x03\x04"), []byte("\x89PNG"), []byte("GIF8"), []byte("\xFF\xD8\xFF"),
	[]byte("\x7FELF"), []byte("7z\xBC\xAF"), []byte("BZh"), []byte("\xFD7zXZ"),
}

// isBinary reports data that is no text: a known binary signature, a NUL byte in the first 8 KiB
// (after a UTF-16 byte order mark, NULs are expected), or more than one control byte in ten.
func isBinary(data []byte) bool {
	for _, magic := range binaryMagic {
		if bytes.HasPrefix(data, magic) {
			return true
		}
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return false
	}
	head := data[:min(len(data), 8<<10)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	controls := 0
	for _, c := range head {
		if c < 0x20 && !strings.ContainsRune("\t\n\r\f\v\x1b", rune(c)) || c == 0x7f {
			controls++
		}
	}
	return controls*10 > len(head)
}

// sniff decides how to read data: by its first characters when they are clear (a feed root, HTML
// markup, a JSON object, a text header), else by the name's extension or the media type, else as
// text.
func sniff(name, contentType string, data []byte) kind {
	head := bytes.TrimLeft(data[:min(len(data), 4096)], "\xEF\xBB\xBF \t\r\n")
	switch {
	case bytes.HasPrefix(head, []byte("<")):
		if t := gofeed.DetectFeedType(bytes.NewReader(head)); t == gofeed.FeedTypeRSS || t == gofeed.FeedTypeAtom {
			return kindFeed
		}
		if looksLikeHTML(head) {
			return kindHTML
		}
	case opensJSONObject(head):
		return kindJSONL
	case opensHeader(head):
		return kindText
	}
	return kindByName(name, contentType)
}

// htmlMarks are lower-case openings that only HTML (or XHTML) starts with.
var htmlMarks = []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<?xml",
	"<!--", "<article", "<div", "<p>", "<p ", "<h1", "<main", "<section", "<link", "<script", "<style"}

// looksLikeHTML reports whether head opens with HTML markup.
func looksLikeHTML(head []byte) bool {
	lower := strings.ToLower(string(head[:min(len(head), 64)]))
	for _, mark := range htmlMarks {
		if strings.HasPrefix(lower, mark) {
			return true
		}
	}
	return false
}

// kindByName decides by a file extension or a media type.
func kindByName(name, contentType string) kind {
	switch mediaType(contentType) {
	case "text/html", "application/xhtml+xml":
		return kindHTML
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml":
		return kindFeed
	case "application/jsonl", "application/x-ndjson", "application/x-jsonlines", "application/json":
		return kindJSONL
	}
	if isURL(name) {
		return kindText // a URL's path says little about what the server sent
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return kindHTML
	case ".rss", ".atom":
		return kindFeed
	case ".jsonl", ".ndjson", ".json":
		return kindJSONL
	}
	return kindText
}

// opensHeader reports whether head starts with a DATE, URL or TITLE header line.
func opensHeader(head []byte) bool {
	line, _, _ := bytes.Cut(head, []byte("\n"))
	_, _, ok := headerLine(string(line))
	return ok
}

// opensJSONObject reports whether head starts a JSON object or an array of objects.
func opensJSONObject(head []byte) bool {
	if rest, ok := bytes.CutPrefix(head, []byte("[")); ok {
		head = bytes.TrimLeft(rest, " \t\r\n")
	}
	return bytes.HasPrefix(head, []byte("{"))
}

// isJSONObject reports whether b is one complete JSON object.
func isJSONObject(b []byte) bool {
	b = bytes.TrimSpace(b)
	return bytes.HasPrefix(b, []byte("{")) && json.Valid(b)
}
