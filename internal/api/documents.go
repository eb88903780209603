package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/auth"
	"github.com/wallwatch/wallwatch/internal/export"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

var documentLimits = Limits{Default: 50, Max: 500}

type documentPage struct {
	Documents []store.DocumentSummary `json:"documents"`
}

func (a *API) listDocuments(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	if err := checkKnown(v, "q", "limit", "offset"); err != nil {
		return err
	}
	q := store.DocumentQuery{Limit: documentLimits.Default}
	var err error
	if q.Q, err = text("q", v.Get("q")); err != nil {
		return err
	}
	if s := v.Get("limit"); s != "" {
		if q.Limit, err = limit(s, documentLimits.Max); err != nil {
			return err
		}
	}
	if s := v.Get("offset"); s != "" {
		if q.Offset, err = offset("offset", s); err != nil {
			return err
		}
	}
	return a.cached(w, r, "documents?"+v.Encode(), func() (any, error) {
		docs, err := a.cfg.Store.Documents(r.Context(), q)
		if err != nil {
			return nil, err
		}
		if docs == nil {
			docs = []store.DocumentSummary{}
		}
		return documentPage{Documents: docs}, nil
	})
}

// DocumentDetail is one document with its text, the spans extraction read and the incidents it
// was linked to.
type DocumentDetail struct {
	ID          string   `json:"id"`
	Source      string   `json:"source"`
	URL         string   `json:"url,omitempty"`
	Title       string   `json:"title"`
	Published   *string  `json:"published"`
	IngestedAt  string   `json:"ingested_at"`
	Format      string   `json:"format"`
	ContentType string   `json:"content_type,omitempty"`
	Language    string   `json:"language,omitempty"`
	DuplicateOf string   `json:"duplicate_of,omitempty"`
	TLP         string   `json:"tlp"`           // its TLP 2.0 marking
	Org         string   `json:"org,omitempty"` // the organisation owning it
	Text        string   `json:"text"`
	Spans       []Span   `json:"spans"`
	Incidents   []string `json:"incidents"`
}

func (a *API) getDocument(w http.ResponseWriter, r *http.Request) error {
	if err := checkKnown(r.URL.Query()); err != nil {
		return err
	}
	d, err := a.cfg.Store.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	ms, err := a.cfg.Store.Mentions(r.Context(), d.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewDocumentDetail(d, ms))
}

// NewDocumentDetail assembles a document's detail from the document and its stored mentions.
func NewDocumentDetail(d model.Document, ms []store.StoredMention) DocumentDetail {
	out := DocumentDetail{ID: d.ID, Source: d.Source, URL: d.URL, Title: d.Title,
		IngestedAt: d.IngestedAt.UTC().Format(time.RFC3339), Format: d.Format, ContentType: d.ContentType,
		Language: d.Language, DuplicateOf: d.DuplicateOf, TLP: string(d.TLP), Org: d.Org, Text: d.Text,
		Spans: Spans(ms, utf8.RuneCountInString(d.Text)), Incidents: []string{}}
	if d.Published != nil {
		p := d.Published.Format(model.DateLayout)
		out.Published = &p
	}
	for _, m := range ms {
		if m.IncidentID != "" && !slices.Contains(out.Incidents, m.IncidentID) {
			out.Incidents = append(out.Incidents, m.IncidentID)
		}
	}
	return out
}

// maxIngestBody bounds a posted document: a long article is a few hundred kilobytes.
const maxIngestBody = 4 << 20

// ingestBody is the wire form of POST /api/v1/documents.
type ingestBody struct {
	URL       string `json:"url"`
	Text      string `json:"text"`
	Title     string `json:"title"`
	Published string `json:"published"`
	TLP       string `json:"tlp"`
}

type ingestResult struct {
	Documents []string          `json:"documents"`
	Incidents []export.Incident `json:"incidents"`
}

func (a *API) ingestDocument(w http.ResponseWriter, r *http.Request) error {
	if a.cfg.Ingest == nil {
		return fmt.Errorf("%w: this server was started without an ingest pipeline", errNotImplemented)
	}
	req, err := readIngestRequest(w, r)
	if err != nil {
		return err
	}
	// The pipeline, waves and alerts work on the whole store, whatever the ingesting user may read;
	// what the answer shows of the incidents is read for the user.
	docIDs, incIDs, err := a.cfg.Ingest(store.WithAudience(r.Context(), store.FullAudience()), req)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	// Only what the user may see: the same text held by another organisation as RED is stored
	// once, as theirs, and its id is not for this user to learn.
	res := ingestResult{Documents: []string{}, Incidents: []export.Incident{}}
	for _, id := range docIDs {
		if !store.AudienceFrom(r.Context()).Restricted() {
			res.Documents = append(res.Documents, id)
		} else if _, err := a.cfg.Store.Document(r.Context(), id); err == nil {
			res.Documents = append(res.Documents, id)
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
	}
	for _, id := range incIDs {
		inc, err := a.cfg.Store.Incident(r.Context(), id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		res.Incidents = append(res.Incidents, export.FromModel(inc))
	}
	return writeJSON(w, http.StatusCreated, res)
}

func readIngestRequest(w http.ResponseWriter, r *http.Request) (IngestRequest, error) {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return IngestRequest{}, badParam("body", "Content-Type %q: send application/json", ct)
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxIngestBody))
	dec.DisallowUnknownFields()
	var body ingestBody
	if err := dec.Decode(&body); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return IngestRequest{}, err
		}
		return IngestRequest{}, badParam("body", "not a JSON object of url, or text with title and published: %v", err)
	}
	if err := dec.Decode(&struct{}{}); !errors.Is(err, io.EOF) {
		return IngestRequest{}, badParam("body", "one JSON object expected")
	}
	req, err := body.request()
	if err != nil {
		return req, err
	}
	req.TLP, req.Org, err = Marking(body.TLP, auth.PrincipalFrom(r.Context()))
	return req, err
}

// Marking is the marking and owner of what a principal ingests or watches, given the marking the
// request names ("" none). The principal's organisation owns it (never one a request names).
// Without a marking, a logged-in user's document is AMBER: a report of unknown provenance stays
// within the organisation until someone shares it on purpose, since a marking too loose cannot be
// taken back once read. Without accounts the default is CLEAR, as before markings, and a
// restricted marking is refused: no organisation could see it.
func Marking(tlp string, p auth.Principal) (model.TLP, string, error) {
	marking := model.TLPClear
	if p.Name != "" {
		marking = model.TLPAmber
	}
	if tlp != "" {
		var err error
		if marking, err = model.ParseTLP(tlp); err != nil {
			return "", "", badParam("tlp", "%v", err)
		}
	}
	if marking.Restricted() && p.Org == "" {
		return "", "", badParam("tlp", "%s shares a document with its organisation only: log in as a member of one", marking)
	}
	return marking, p.Org, nil
}

func (b ingestBody) request() (IngestRequest, error) {
	req := IngestRequest{URL: strings.TrimSpace(b.URL), Text: b.Text, Title: strings.TrimSpace(b.Title)}
	switch {
	case req.URL == "" && strings.TrimSpace(req.Text) == "":
		return req, badParam("url", "give url, or text")
	case req.URL != "" && req.Text != "":
		return req, badParam("text", "give url or text, not both")
	case req.URL != "" && !strings.HasPrefix(req.URL, "http://") && !strings.HasPrefix(req.URL, "https://"):
		return req, badParam("url", "%q: want an http(s) URL", req.URL)
	}
	var err error
	if req.Published, err = date("published", b.Published); err != nil {
		return req, err
	}
	return req, nil
}
