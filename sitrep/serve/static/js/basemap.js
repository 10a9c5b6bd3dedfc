/* The offline basemap: Natural Earth country outlines (npm world-atlas TopoJSON) drawn by Leaflet.
 * With SITREP_TILE_URL set on the server, online tiles are drawn instead (outlines stay as a fallback).
 */
"use strict";

SR.leafletReady = function () {
  return typeof window.L === "object" && typeof window.topojson === "object";
};

SR.config = null;
SR.loadConfig = async function () {
  if (!SR.config) {
    try { SR.config = await SR.api("/api/config"); } catch (e) { SR.config = {tile_url: null}; }
  }
  return SR.config;
};

SR.makeMap = async function (container, options) {
  const map = L.map(container, Object.assign({
    worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomSnap: 0.5, keyboard: true, attributionControl: true,
  }, options || {}));
  map.attributionControl.setPrefix(false);
  const config = await SR.loadConfig();
  try {
    const topo = await SR.api("/vendor/world-atlas/countries-50m.json");
    const land = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(land, {
      interactive: false,
      style: {color: "#9aa5ad", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1},
    }).addTo(map);
    map.attributionControl.addAttribution("Natural Earth");
  } catch (err) {
    container.classList.add("no-basemap");
  }
  const tiles = SR.safeUrl((config.tile_url || "").replace(/\{/g, "%7B").replace(/\}/g, "%7D"));
  if (tiles) {
    L.tileLayer(config.tile_url, {maxZoom: 18}).addTo(map);
  }
  return map;
};

/* Circle radius in pixels from fatalities (area grows with the count). */
SR.radius = function (fatalities) {
  const n = typeof fatalities === "number" && fatalities > 0 ? fatalities : 0;
  return Math.min(26, 5 + 2.2 * Math.sqrt(n));
};

SR.marker = function (event) {
  const loc = event.location;
  const contested = event.contradictions > 0;
  return L.circleMarker([loc.lat, loc.lon], {
    radius: SR.radius(event.fatalities),
    color: contested ? "#111" : SR.colour(event.event_type),
    weight: contested ? 2.5 : 1,
    fillColor: SR.colour(event.event_type),
    fillOpacity: 0.72,
    className: "event-marker",
  });
};
