// Fills the "add a claim by hand" form from the words the analyst selects in the document: the
// offsets count characters (code points) of the stored text, as the server's spans do. The
// selected words are shown through textContent only.
export function watchQuoteSelection() {
  const form = document.getElementById("add-claim");
  const text = document.querySelector(".doc-text");
  if (!form || !text) return;
  const preview = form.querySelector(".quote-preview");
  document.addEventListener("selectionchange", () => {
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    const range = sel.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return;
    const before = document.createRange();
    before.setStart(text, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const start = Array.from(before.toString()).length;
    const quote = range.toString();
    form.elements.start.value = start;
    form.elements.end.value = start + Array.from(quote).length;
    if (preview) preview.textContent = "“" + quote + "”";
  });
}
