package web

import (
	"html/template"
	"net/http"
	"sort"

	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

type documentData struct {
	Doc       model.Document
	SourceURL string
	Body      template.HTML
	Kinds     []kindCount
	Incidents []model.Incident
	Forms     reviewForms
}

// kindCount is one entry of the highlight legend.
type kindCount struct {
	Kind  string
	Class string
	Count int
}

func (w *Web) document(r *http.Request) (view, error) {
	ctx := r.Context()
	doc, err := w.cfg.Store.Document(ctx, r.PathValue("id"))
	if err != nil {
		return view{}, err
	}
	ms, err := w.cfg.Store.Mentions(ctx, doc.ID)
	if err != nil {
		return view{}, err
	}
	detail := api.NewDocumentDetail(doc, ms)
	d := documentData{Doc: doc, SourceURL: webURL(doc.URL), Body: highlight(doc.Text, detail.Spans), Kinds: legendOf(detail.Spans),
		Forms: w.reviewForms(r)}
	if d.SourceURL == "" {
		d.SourceURL = webURL(doc.Source)
	}
	for _, id := range detail.Incidents {
		inc, err := w.cfg.Store.Incident(ctx, id)
		if err != nil {
			continue // the incident was merged away since the mention was linked
		}
		d.Incidents = append(d.Incidents, inc)
	}
	title := doc.Title
	if title == "" {
		title = "Document " + doc.ID
	}
	return view{"document", title, d}, nil
}

func legendOf(spans []api.Span) []kindCount {
	counts := map[string]int{}
	for _, s := range spans {
		counts[s.Kind]++
	}
	var out []kindCount
	for kind, n := range counts {
		out = append(out, kindCount{Kind: kind, Class: spanClass(kind), Count: n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Kind < out[j].Kind })
	return out
}

type documentListData struct {
	Q         string
	Documents []store.DocumentSummary
	Next      string
	Offset    int
}

const documentPageSize = 50

func (w *Web) documentList(r *http.Request) (view, error) {
	q := r.URL.Query().Get("q")
	offset := pageOffset(r)
	docs, err := w.cfg.Store.Documents(r.Context(), store.DocumentQuery{Q: q, Limit: documentPageSize + 1, Offset: offset})
	if err != nil {
		return view{}, err
	}
	d := documentListData{Q: q, Documents: docs, Offset: offset}
	if len(docs) > documentPageSize {
		d.Documents = docs[:documentPageSize]
		d.Next = documentsURL(q, offset+documentPageSize)
	}
	return view{"documents", "Sources", d}, nil
}
