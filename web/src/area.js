// A map button that lists the incidents inside the visible area (shift-drag first to zoom to a
// drawn box): it opens the incident list with the map's extent as the bbox filter.
import L from "leaflet";

function clamp(v, lo, hi) {
  return Math.min(Math.max(v, lo), hi);
}

// areaURL is base (the incident list with the other filters) with the map's extent added.
function areaURL(base, bounds) {
  const box = [
    clamp(bounds.getWest(), -180, 180), clamp(bounds.getSouth(), -90, 90),
    clamp(bounds.getEast(), -180, 180), clamp(bounds.getNorth(), -90, 90),
  ].map((v) => v.toFixed(2)).join(",");
  return base + (base.includes("?") ? "&" : "?") + "bbox=" + encodeURIComponent(box);
}

export function addAreaFilter(map, base) {
  const control = L.control({ position: "topright" });
  control.onAdd = () => {
    const button = L.DomUtil.create("button", "map-tools area-button");
    button.type = "button";
    button.textContent = "Show incidents in this area";
    L.DomEvent.disableClickPropagation(button);
    L.DomEvent.on(button, "click", () => {
      window.location.assign(areaURL(base, map.getBounds()));
    });
    return button;
  };
  control.addTo(map);
}
