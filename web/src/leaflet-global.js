// leaflet.markercluster extends the global L, as plugins written for script tags do: this module
// makes the bundled Leaflet that global before the plugin is evaluated (imports run in order).
import L from "leaflet";

window.L = L;
