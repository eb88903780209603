// The base map drawn from embedded data: Natural Earth country shapes and, from zoom 3, their
// names, so that the map reads offline without tiles.
import L from "leaflet";
import { feature } from "topojson-client";

const loaded = new Map();
const ANTARCTICA = "010"; // ISO 3166-1 numeric, the id world-atlas gives the shape
const LABEL_MIN_ZOOM = 3;

// labelShown says whether a country of this area (square degrees) is named at this zoom: large
// countries from LABEL_MIN_ZOOM, smaller ones as the map zooms in, so that names never pile up.
function labelShown(area, zoom) {
  return zoom >= LABEL_MIN_ZOOM && area >= 60 / 4 ** (zoom - LABEL_MIN_ZOOM);
}

// loadBoundaries fetches and decodes the TopoJSON country boundaries once per page.
export function loadBoundaries(url) {
  if (!loaded.has(url)) {
    loaded.set(url, fetch(url)
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
  return loaded.get(url);
}

function rings(g) {
  return g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
}

// unwrap moves the western half of shapes that cross the 180th meridian (Fiji, Chukotka) east
// of it, so that no ring is drawn as a line across the whole world.
function unwrap(f) {
  for (const polygon of rings(f.geometry)) {
    for (let i = 0; i < polygon.length; i++) {
      const lons = polygon[i].map((p) => p[0]);
      if (Math.max(...lons) - Math.min(...lons) > 180) {
        polygon[i] = polygon[i].map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]);
      }
    }
  }
  return f;
}

// labelPoint is the centroid of a country's largest polygon's outer ring (shoelace formula).
function labelPoint(f) {
  let best = null;
  for (const polygon of rings(f.geometry)) {
    const ring = polygon[0];
    let area = 0, x = 0, y = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      area += cross;
      x += (ring[j][0] + ring[i][0]) * cross;
      y += (ring[j][1] + ring[i][1]) * cross;
    }
    if (area !== 0 && (!best || Math.abs(area) > best.area)) {
      best = { area: Math.abs(area), lat: y / (3 * area), lon: x / (3 * area) };
    }
  }
  return best;
}

function countryLabels(map, geo) {
  if (!map.getPane("labels")) {
    map.createPane("labels").style.zIndex = 450; // above the land, below the markers
  }
  const labels = [];
  for (const f of geo.features) {
    const at = labelPoint(f);
    const name = f.properties && f.properties.name;
    if (!at || !name) continue;
    const text = document.createElement("span");
    text.textContent = name;
    const icon = L.divIcon({ className: "country-label", iconSize: null, html: text });
    labels.push({ area: at.area, marker: L.marker([at.lat, at.lon], { icon, pane: "labels", interactive: false, keyboard: false }) });
  }
  return labels;
}

// drawBoundaries adds the countries under the markers and their names as the zoom allows.
export function drawBoundaries(map, geo, withTiles) {
  // Over online tiles the boundaries are outlines only; offline they are the land itself.
  const className = withTiles ? "country outline" : "country";
  L.geoJSON(geo, { style: { className }, interactive: false }).addTo(map);
  if (withTiles) return;
  const labels = countryLabels(map, geo);
  const toggle = () => {
    for (const l of labels) {
      if (labelShown(l.area, map.getZoom())) l.marker.addTo(map);
      else l.marker.remove();
    }
  };
  map.on("zoomend", toggle);
  toggle();
}
