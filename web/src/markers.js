// Incident markers: a dot per incident sized by inmates escaped, a ring for one located only to a
// region or country (with a dashed circle of how far off it may be once zoomed in), and groups of
// nearby incidents that split as the map zooms. Markers are buttons: Tab reaches them, Enter opens.
import L from "leaflet";

const PRECISE = new Set(["facility", "place"]);
const UNCERTAINTY_MIN_ZOOM = 5;

// pinSize grows a dot's area with the number of escaped inmates, from 12 to 26 pixels across.
function pinSize(escaped) {
  return Math.round(12 + Math.min(Math.sqrt(Math.max(escaped, 0)) * 0.4, 14));
}

// hiddenText is text for screen readers only: the accessible name of an icon.
function hiddenText(text) {
  const span = document.createElement("span");
  span.className = "visually-hidden";
  span.textContent = text;
  return span;
}

function textElement(text) {
  const span = document.createElement("span");
  span.textContent = text;
  return span;
}

function describe(p) {
  return [p.label, p.date, p.figure, PRECISE.has(p.precision) ? "" : `located to ${p.precision} only`]
    .filter(Boolean).join(", ");
}

function popup(p) {
  const box = document.createElement("div");
  box.className = "map-popup";
  const link = document.createElement("a");
  link.href = "/incidents/" + encodeURIComponent(p.id);
  link.textContent = p.label;
  const sub = document.createElement("p");
  sub.className = "sub";
  sub.textContent = [p.date, p.figure, PRECISE.has(p.precision) ? "" : `located to ${p.precision}`].filter(Boolean).join(" · ");
  box.append(link, sub);
  return box;
}

function pin(p) {
  const size = pinSize(p.escaped);
  const icon = L.divIcon({
    className: `map-pin t-${p.type} ${PRECISE.has(p.precision) ? "precise" : "approx"}`,
    iconSize: [size, size],
    html: hiddenText(describe(p)),
  });
  return L.marker([p.lat, p.lon], { icon, keyboard: true, riseOnHover: true })
    .bindPopup(popup(p))
    .bindTooltip(textElement(p.label), { direction: "top", offset: [0, -size / 2] });
}

function clusterIcon(cluster) {
  const n = cluster.getChildCount();
  const size = n < 10 ? 30 : n < 100 ? 36 : 44;
  const label = document.createElement("span");
  label.className = "count";
  label.dataset.count = String(n);
  label.textContent = String(n);
  label.append(hiddenText(" incidents: press to zoom in"));
  return L.divIcon({ className: "map-cluster", iconSize: [size, size], html: label });
}

// addMarkers puts the points on map and returns the layer holding them, for fitting the view.
export function addMarkers(map, points) {
  const clusters = L.markerClusterGroup({
    maxClusterRadius: 36,
    disableClusteringAtZoom: 8,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    iconCreateFunction: clusterIcon,
  });
  const uncertainty = L.layerGroup();
  // Large dots first, so that small ones stay clickable on top of them.
  points.sort((a, b) => b.escaped - a.escaped);
  for (const p of points) {
    clusters.addLayer(pin(p));
    if (!PRECISE.has(p.precision) && p.uncertainty_km > 0) {
      L.circle([p.lat, p.lon], { radius: p.uncertainty_km * 1000, className: `uncertainty t-${p.type}`, interactive: false })
        .addTo(uncertainty);
    }
  }
  clusters.addTo(map);
  const showUncertainty = () => {
    if (map.getZoom() >= UNCERTAINTY_MIN_ZOOM) uncertainty.addTo(map);
    else uncertainty.remove();
  };
  map.on("zoomend", showUncertainty);
  map.whenReady(showUncertainty);
  return clusters;
}
