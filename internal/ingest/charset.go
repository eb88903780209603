package ingest

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decodeText returns the bytes of a plain-text document as UTF-8. A byte order mark or a charset
// in contentType decides; otherwise valid UTF-8 is taken as it is, and bytes that hold no UTF-8
// sequence at all but high bytes are read as windows-1252 (a superset of ISO-8859-1), the usual
// legacy encoding of Western news text. Anything else stays UTF-8 with its invalid bytes left for
// Normalize to replace.
func decodeText(data []byte, contentType string) string {
	if e := bomEncoding(data); e != nil {
		return decodeWith(e, data)
	}
	if e := contentTypeEncoding(contentType); e != nil {
		return decodeWith(e, data)
	}
	if utf8.Valid(data) || hasUTF8Sequence(data) {
		return string(data)
	}
	return decodeWith(charmap.Windows1252, data)
}

// decodeHTML returns the bytes of an HTML page as UTF-8, following the HTML rules: byte order
// mark, then the Content-Type charset, then <meta charset> in the first 1024 bytes. A page that
// declares nothing (or only in a meta tag) but is valid UTF-8 throughout is taken as UTF-8, since
// mislabelled UTF-8 is far more common than Latin-1 that happens to be valid UTF-8.
func decodeHTML(data []byte, contentType string) string {
	e, name, certain := charset.DetermineEncoding(data, contentType)
	if name == "utf-8" || !certain && utf8.Valid(data) {
		return string(data)
	}
	return decodeWith(e, data)
}

// bomEncoding returns the encoding a byte order mark announces, or nil.
func bomEncoding(data []byte) encoding.Encoding {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8BOM
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	}
	return nil
}

// contentTypeEncoding returns the encoding named by the charset parameter of a media type, or nil
// when there is none or it is UTF-8.
func contentTypeEncoding(contentType string) encoding.Encoding {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["charset"] == "" {
		return nil
	}
	e, name := charset.Lookup(params["charset"])
	if e == nil || name == "utf-8" {
		return nil
	}
	return e
}

// decodeWith converts data to UTF-8, falling back to the bytes as they are if the decoder fails.
func decodeWith(e encoding.Encoding, data []byte) string {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return string(data)
	}
	return string(out)
}

// hasUTF8Sequence reports whether data holds at least one valid multi-byte UTF-8 sequence.
func hasUTF8Sequence(data []byte) bool {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r != utf8.RuneError || size > 1 {
			return true
		}
		i++
	}
	return false
}

// mediaType returns the bare, lower-case media type of a Content-Type value, or "".
func mediaType(contentType string) string {
	t, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		t, _, _ = strings.Cut(contentType, ";")
	}
	return strings.ToLower(strings.TrimSpace(t))
}
