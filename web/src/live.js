// The "new since you looked" bar: every page listens to the server's stream of changes
// (/api/v1/alerts/stream, server-sent events) and counts what arrived since it loaded, naming the
// latest change and linking to it. Summaries come from articles: they reach the page only
// through textContent.
export function watchChanges(doc) {
  if (!("EventSource" in window)) return;
  // Before logging in the stream would be refused: the login page does not listen.
  if (doc.querySelector("main.page-login")) return;
  const bar = doc.createElement("div");
  bar.className = "live-bar";
  bar.hidden = true;
  bar.setAttribute("role", "status");
  const count = doc.createElement("strong");
  const latest = doc.createElement("a");
  const reload = doc.createElement("a");
  reload.href = location.pathname + location.search;
  reload.textContent = "Reload this page";
  bar.append(count, " ", latest, " ", reload);
  const main = doc.getElementById("main");
  main.parentNode.insertBefore(bar, main);

  let seen = 0;
  const stream = new EventSource("/api/v1/alerts/stream");
  stream.addEventListener("change", (e) => {
    let change;
    try {
      change = JSON.parse(e.data);
    } catch {
      return;
    }
    seen += 1;
    count.textContent = `${seen} new since you looked:`;
    latest.textContent = change.summary || change.type;
    latest.href = change.incident_id
      ? "/incidents/" + encodeURIComponent(change.incident_id)
      : change.wave_id
        ? "/waves/" + encodeURIComponent(change.wave_id)
        : "/watch";
    bar.hidden = false;
    bar.dataset.count = String(seen);
  });
}
