// wallwatch's one script: it draws the maps of the server-rendered pages. Each
// <div class="map" data-points="[...]"> becomes a Leaflet map of its incidents over the embedded
// Natural Earth country boundaries (and online tiles when the server was given a tile URL).
// Article text only ever reaches the page through textContent, never as HTML.
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { feature } from "topojson-client";

const boundaries = new Map();
const ANTARCTICA = "010"; // ISO 3166-1 numeric, the id world-atlas gives the shape

// loadBoundaries fetches and decodes the TopoJSON country boundaries once per page.
function loadBoundaries(url) {
  if (!boundaries.has(url)) {
    boundaries.set(url, fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`boundaries: HTTP ${r.status}`);
        return r.json();
      })
      .then((topo) => {
        const countries = feature(topo, topo.objects.countries);
        // Antarctica's outline runs along the map's edge as a stray line; no prison is there.
        countries.features = countries.features.filter((f) => f.id !== ANTARCTICA).map(unwrap);
        return countries;
      }));
  }
  return boundaries.get(url);
}

// unwrap moves the western half of shapes that cross the 180th meridian (Fiji, Chukotka) east
// of it, so that no ring is drawn as a line across the whole world.
function unwrap(f) {
  const g = f.geometry;
  const rings = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  for (const polygon of rings) {
    for (let i = 0; i < polygon.length; i++) {
      const lons = polygon[i].map((p) => p[0]);
      if (Math.max(...lons) - Math.min(...lons) > 180) {
        polygon[i] = polygon[i].map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]);
      }
    }
  }
  return f;
}

// radius makes a circle's area grow with the number of escaped inmates.
function radius(escaped) {
  return 5 + Math.min(Math.sqrt(Math.max(escaped, 0)) * 0.9, 26);
}

// textElement wraps text for Leaflet, which would parse a string as HTML.
function textElement(text) {
  const span = document.createElement("span");
  span.textContent = text;
  return span;
}

function popup(p) {
  const box = document.createElement("div");
  box.className = "map-popup";
  const link = document.createElement("a");
  link.href = "/incidents/" + encodeURIComponent(p.id);
  link.textContent = p.label;
  const sub = document.createElement("p");
  sub.className = "sub";
  sub.textContent = p.figure ? `${p.date} · ${p.figure}` : p.date;
  box.append(link, sub);
  return box;
}

function readPoints(el) {
  try {
    const points = JSON.parse(el.dataset.points || "[]");
    return Array.isArray(points) ? points : [];
  } catch {
    return [];
  }
}

function drawMap(el) {
  const points = readPoints(el);
  const tiles = el.dataset.tiles;
  el.textContent = "";
  const map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: tiles ? 18 : 9, zoomSnap: 0.5 });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Boundaries: Natural Earth");
  if (tiles) {
    L.tileLayer(tiles, { attribution: "Tiles: " + new URL(tiles.replace(/\{[a-z]\}/g, "0")).host }).addTo(map);
  }
  const markers = L.featureGroup();
  // Large circles first, so that small ones stay clickable on top of them.
  points.sort((a, b) => b.escaped - a.escaped);
  for (const p of points) {
    L.circleMarker([p.lat, p.lon], { radius: radius(p.escaped), className: `marker t-${p.type}` })
      .bindPopup(popup(p))
      .bindTooltip(textElement(p.label), { direction: "top" })
      .addTo(markers);
  }
  markers.addTo(map);
  if (points.length === 0) {
    map.setView([15, 10], 2);
  } else if (points.length === 1) {
    map.setView([points[0].lat, points[0].lon], 5);
  } else {
    map.fitBounds(markers.getBounds().pad(0.25), { maxZoom: 5 });
  }
  loadBoundaries(el.dataset.boundaries)
    .then((geo) => {
      // Over online tiles the boundaries are outlines only; offline they are the land itself.
      const className = tiles ? "country outline" : "country";
      L.geoJSON(geo, { style: { className }, interactive: false }).addTo(map);
      markers.bringToFront();
      el.dataset.boundaries = "loaded";
    })
    .catch((err) => {
      el.dataset.boundaries = "failed";
      console.error(err);
    });
  el.dataset.ready = "true";
}

document.querySelectorAll(".map[data-points]").forEach(drawMap);
