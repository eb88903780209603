// wallwatch's one script: it draws the maps of the server-rendered pages. Each
// <div class="map" data-points="[...]"> becomes a Leaflet map of its incidents over the embedded
// Natural Earth country boundaries (and online tiles when the server was given a tile URL).
// Article text only ever reaches the page through textContent, never as HTML.
import "./leaflet-global.js";
import L from "leaflet";
import "leaflet.markercluster";
import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.css";
import { addMarkers } from "./markers.js";
import { loadBoundaries, drawBoundaries } from "./boundaries.js";
import { addAreaFilter } from "./area.js";
import { watchQuoteSelection } from "./quote.js";
import { watchChanges } from "./live.js";

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
  const map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: tiles ? 18 : 10, zoomSnap: 0.5 });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Boundaries: Natural Earth");
  if (tiles) {
    L.tileLayer(tiles, { attribution: "Tiles: " + new URL(tiles.replace(/\{[a-z]\}/g, "0")).host }).addTo(map);
  }
  const markers = addMarkers(map, points);
  if (points.length === 0) {
    map.setView([15, 10], 2);
  } else if (points.length === 1) {
    map.setView([points[0].lat, points[0].lon], 5);
  } else {
    map.fitBounds(markers.getBounds().pad(0.25), { maxZoom: 5 });
  }
  if (el.dataset.areaFilter) addAreaFilter(map, el.dataset.areaFilter);
  loadBoundaries(el.dataset.boundaries)
    .then((geo) => {
      drawBoundaries(map, geo, Boolean(tiles));
      el.dataset.boundaries = "loaded";
    })
    .catch((err) => {
      el.dataset.boundaries = "failed";
      console.error(err);
    });
  el.dataset.ready = "true";
}

document.querySelectorAll(".map[data-points]").forEach(drawMap);
watchQuoteSelection();
watchChanges(document);
