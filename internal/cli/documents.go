package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

func runDocuments(ctx context.Context, e env, args []string) int {
	fs := newFlagSet("documents", "", "List stored documents, newest first, or search their title and text with --q.")
	c := settings(fs, e)
	q := fs.String("q", "", "full-text query: every word must occur")
	format := fs.String("format", "table", "output format: table or json")
	limit := fs.Int("limit", 100, "at most this many documents")
	if code := parseFlags(fs, e, args); code >= 0 {
		return code
	}
	if *format != "table" && *format != "json" {
		fmt.Fprintf(e.stderr, "wallwatch documents: --format %q: want table or json\n", *format)
		return exitUsage
	}
	s, ok := openExisting(ctx, e, c)
	if !ok {
		return exitFailed
	}
	defer s.Close()
	docs, err := s.Documents(ctx, store.DocumentQuery{Q: *q, Limit: *limit})
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch documents: %v\n", err)
		return exitFailed
	}
	if *format == "json" {
		if docs == nil {
			docs = []store.DocumentSummary{}
		}
		return writeJSON(e, docs)
	}
	printDocuments(e, docs, *q != "")
	return exitOK
}

// printDocuments lists documents as a table; a search adds the [matched] words in their context.
func printDocuments(e env, docs []store.DocumentSummary, withSnippets bool) {
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	header := "ID\tPUBLISHED\tLANG\tFORMAT\tTITLE\tSOURCE"
	if withSnippets {
		header += "\tMATCH"
	}
	fmt.Fprintln(tw, header)
	for _, d := range docs {
		title := d.Title
		if d.DuplicateOf != "" {
			title = "(copy of " + d.DuplicateOf + ") " + title
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s", d.ID, dayOrDash(d.Published), orDash(d.Language), d.Format,
			truncate(title, 50), truncate(d.Source, 40))
		if withSnippets {
			fmt.Fprintf(tw, "\t%s", strings.Join(strings.Fields(d.Snippet), " "))
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
}

func runDocument(ctx context.Context, e env, args []string) int {
	d, format, code := showOne(ctx, e, args, "document", "Show one document: its metadata and normalised text.",
		(*store.Store).Document)
	if code >= 0 {
		return code
	}
	if format == "json" {
		return writeJSON(e, documentJSON(d))
	}
	fmt.Fprintf(e.stdout, "ID:          %s\nTitle:       %s\nSource:      %s\nURL:         %s\nPublished:   %s\nIngested:    %s\nFormat:      %s (%s)\nLanguage:    %s\nHash:        %s\n",
		d.ID, d.Title, d.Source, orDash(d.URL), dayOrDash(d.Published), d.IngestedAt.Format("2006-01-02 15:04:05Z07:00"),
		d.Format, orDash(d.ContentType), orDash(d.Language), d.ContentHash)
	if d.DuplicateOf != "" {
		fmt.Fprintf(e.stdout, "Copy of:     %s\n", d.DuplicateOf)
	}
	fmt.Fprintf(e.stdout, "\n%s\n", d.Text)
	return exitOK
}

// documentJSON is a document as the CLI and API show it: everything but the raw bytes.
func documentJSON(d model.Document) map[string]any {
	out := map[string]any{"id": d.ID, "source": d.Source, "url": d.URL, "title": d.Title, "published": nil,
		"ingested_at": d.IngestedAt, "format": d.Format, "content_type": d.ContentType, "language": d.Language,
		"content_hash": d.ContentHash, "duplicate_of": d.DuplicateOf, "size": len(d.Raw), "text": d.Text}
	if d.Published != nil {
		out["published"] = d.Published.Format(model.DateLayout)
	}
	return out
}

func writeJSON(e env, v any) int {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(e.stderr, "wallwatch: write json: %v\n", err)
		return exitFailed
	}
	return exitOK
}

// showOne runs the common part of the commands that show one stored record by ID ("document",
// "incident"): flags, the ID argument, the store, and the lookup, with errors that point to the
// list command. code is -1 when v is ready to print in format ("text" or "json").
func showOne[T any](ctx context.Context, e env, args []string, kind, help string,
	get func(*store.Store, context.Context, string) (T, error)) (v T, format string, code int) {
	fs := newFlagSet(kind, "ID", help)
	c := settings(fs, e)
	f := fs.String("format", "text", "output format: text or json")
	if code := parseFlags(fs, e, args); code >= 0 {
		return v, "", code
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(e.stderr, "wallwatch %s: give exactly one %s ID (see 'wallwatch %ss')\n", kind, kind, kind)
		return v, "", exitUsage
	}
	s, ok := openExisting(ctx, e, c)
	if !ok {
		return v, "", exitFailed
	}
	defer s.Close()
	v, err := get(s, ctx, fs.Arg(0))
	if errors.Is(err, store.ErrNotFound) {
		fmt.Fprintf(e.stderr, "wallwatch %s: no %s %q (see 'wallwatch %ss')\n", kind, kind, fs.Arg(0), kind)
		return v, "", exitFailed
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch %s: %v\n", kind, err)
		return v, "", exitFailed
	}
	return v, *f, -1
}
