package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skippedElements hold no article text: scripts, styles, forms and page furniture.
var skippedElements = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Iframe: true,
	atom.Svg: true, atom.Button: true, atom.Select: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Audio: true, atom.Video: true, atom.Map: true,
}

// blockElements start and end a paragraph of text.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Table: true, atom.Tr: true, atom.Section: true,
	atom.Article: true, atom.Main: true, atom.Header: true, atom.Blockquote: true, atom.Pre: true,
	atom.Figure: true, atom.Figcaption: true, atom.Hr: true, atom.Address: true, atom.Details: true,
	atom.Summary: true, atom.Caption: true, atom.Body: true, atom.Html: true,
}

// blockText returns the visible text under n with a paragraph break around every block element,
// a line break for <br> and a space between table cells. It is the fallback main-text extractor
// and turns feed item HTML into text.
func blockText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	writeBlockText(&b, n)
	return b.String()
}

func writeBlockText(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		if skippedElements[n.DataAtom] {
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	switch {
	case n.DataAtom == atom.Br:
		b.WriteString("\n")
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		b.WriteString(" ")
	case blockElements[n.DataAtom]:
		b.WriteString("\n\n")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeBlockText(b, c)
	}
	if blockElements[n.DataAtom] {
		b.WriteString("\n\n")
	}
}

// htmlFragmentText returns the text of an HTML fragment (a feed item's description or content).
// Text without markup comes back as it is, entities decoded.
func htmlFragmentText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), body)
	if err != nil {
		return html.UnescapeString(s)
	}
	var b strings.Builder
	for _, n := range nodes {
		writeBlockText(&b, n)
	}
	return b.String()
}

// findElement returns the first element of the given kind under root, or nil.
func findElement(root *html.Node, a atom.Atom) *html.Node {
	for n := range root.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == a {
			return n
		}
	}
	return nil
}

// attr returns the value of an attribute of n, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}
