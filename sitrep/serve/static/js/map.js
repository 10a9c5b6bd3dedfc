/* The map page: filters (kept in the URL), markers, the timeline and the list.
 *
 * It maps incidents (events of several documents fused by sitrep.store.incidents: one marker at
 * the consensus place, coloured by type, sized by the consensus fatalities) when the store has
 * any, and events otherwise (a store nobody grouped yet). body[data-mode] says which. */
"use strict";

(function () {
  const {el, clear, api, colour} = SR;
  const LIMIT = 1000;
  const FIELDS = ["q", "date_from", "date_to", "event_type", "country", "admin1", "actor", "certainty", "has_contradiction"];
  let map = null;
  let layer = null;
  let loading = 0;
  // What the page lists: incidents when the store has any (decided once the facets load).
  const MODES = {
    incidents: {noun: "incident", nouns: "incidents", list: "/api/incidents", timeline: "/api/incidents/timeline",
      facets: "/api/incidents/facets", key: function (x) { return x.id; }, path: function (x) { return SR.incidentPath(x.id); }},
    events: {noun: "event", nouns: "events", list: "/api/events", timeline: "/api/timeline",
      facets: "/api/facets", key: function (x) { return x.uid; }, path: function (x) { return SR.eventPath(x.uid); }},
  };
  let mode = MODES.events;

  const form = document.getElementById("filters");
  const status = document.getElementById("status");

  function paramsFromForm() {
    const params = new URLSearchParams();
    for (const name of FIELDS) {
      const value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    }
    if (form.elements.in_view.checked) params.set("in_view", "1");
    return params;
  }

  function formFromParams(params) {
    for (const name of FIELDS) form.elements[name].value = params.get(name) || "";
    form.elements.in_view.checked = params.get("in_view") === "1";
    const header = document.getElementById("search-q");
    if (header) header.value = params.get("q") || "";
  }

  function apiQuery(params) {
    const query = new URLSearchParams(params);
    query.delete("in_view");
    if (params.get("in_view") === "1" && map) {
      const b = map.getBounds();
      const west = Math.max(-180, b.getWest()), east = Math.min(180, b.getEast());
      const south = Math.max(-90, b.getSouth()), north = Math.min(90, b.getNorth());
      query.set("bbox", [west, south, east, north].map(function (v) { return v.toFixed(4); }).join(","));
    }
    return query;
  }

  async function fillFacets() {
    let facets = await api(MODES.incidents.facets);
    if (facets.incidents > 0) {
      mode = MODES.incidents;
    } else {
      facets = await api(MODES.events.facets);
    }
    document.body.dataset.mode = mode.nouns;
    nameThings();
    const typeSelect = form.elements.event_type;
    for (const item of facets.event_types) {
      typeSelect.appendChild(el("option", {value: item.value}, item.value + " (" + item.count + ")"));
    }
    const countrySelect = form.elements.country;
    for (const item of facets.countries) {
      countrySelect.appendChild(el("option", {value: item.value}, item.name + " (" + item.count + ")"));
    }
    const list = document.getElementById("admin1-list");
    for (const item of facets.admin1) list.appendChild(el("option", {value: item.value}));
    const legend = document.getElementById("legend");
    for (const type of Object.keys(SR.TYPE_COLOURS)) {
      legend.appendChild(el("li", {}, SR.swatch(type), type));
    }
  }

  /* Labels that name what the page lists. */
  function nameThings() {
    const n = mode.nouns, Cap = n.charAt(0).toUpperCase() + n.slice(1);
    document.getElementById("list-title").textContent = Cap;
    document.getElementById("timeline-hint").textContent = n + " per day by type — click a day to filter";
    document.getElementById("map").setAttribute("aria-label", "Map of " + n);
    document.getElementById("bbox-label").textContent = "Only " + n + " in the map view";
    document.getElementById("contra-yes").textContent = "only contested " + n;
    document.getElementById("contra-no").textContent = "only uncontested " + n;
    document.getElementById("legend-hint").textContent = mode === MODES.incidents
      ? "One circle per incident, at the place its reports agree on; size grows with fatalities (the most conservative figure reported). A dark ring marks an incident whose sources disagree."
      : "Circle size grows with fatalities. A ring marks a contested event.";
    document.getElementById("certainty-label").textContent = mode === MODES.incidents ? "Certainty (of any report)" : "Certainty";
    document.getElementById("search-q").setAttribute("aria-label", "Search " + n);
    document.title = "sitrep — map of " + n;
  }

  async function refresh(push) {
    const params = paramsFromForm();
    const shown = params.toString();
    if (push) history.pushState(null, "", shown ? "/?" + shown : "/");
    const query = apiQuery(params);
    const ticket = ++loading;
    status.textContent = "Loading…";
    document.body.classList.add("loading");
    try {
      query.set("limit", String(LIMIT));
      const [events, timeline] = await Promise.all([
        api(mode.list + "?" + query.toString()),
        api(mode.timeline + "?" + apiQuery(params).toString()),
      ]);
      if (ticket !== loading) return;
      drawMarkers(events.items);
      drawList(events.items);
      drawTimeline(timeline);
      const mapped = events.items.filter(hasPoint).length;
      let text = events.total + " " + (events.total === 1 ? mode.noun : mode.nouns) + " match";
      if (events.total > events.items.length) text += "; the " + events.items.length + " most recent are shown";
      text += "; " + mapped + " on the map.";
      status.textContent = text;
      document.body.dataset.total = String(events.total);
      document.body.dataset.markers = String(mapped);
    } catch (err) {
      if (ticket === loading) status.textContent = "Could not load " + mode.nouns + ": " + err.message;
    } finally {
      if (ticket === loading) document.body.classList.remove("loading");
    }
  }

  function hasPoint(event) {
    return event.location && typeof event.location.lat === "number" && typeof event.location.lon === "number";
  }

  function tooltip(event) {
    if (mode === MODES.incidents) return incidentTooltip(event);
    return el("div", {class: "tip"},
      el("strong", {}, event.sub_event_type || event.event_type), el("br"),
      SR.placeLabel(event.location), el("br"),
      SR.dateRange(event) + (event.fatalities != null ? " · " + event.fatalities + " killed" : ""),
      event.contradictions ? el("div", {class: "tip-contra"}, "contested: " + event.contradictions + " contradiction(s)") : null);
  }

  function incidentTooltip(inc) {
    const range = inc.fatalities_range && inc.fatalities_range[0] !== inc.fatalities_range[1]
      ? " (reports: " + inc.fatalities_range[0] + "–" + inc.fatalities_range[1] + ")" : "";
    return el("div", {class: "tip"},
      el("strong", {}, inc.sub_event_type || inc.event_type), el("br"),
      SR.placeLabel(inc.location), el("br"),
      SR.dateRange(inc) + (inc.fatalities != null ? " · " + inc.fatalities + " killed" + range : ""), el("br"),
      inc.documents + (inc.documents === 1 ? " report" : " reports") + ", " + inc.independent_sources + " independent",
      inc.has_contradiction ? el("div", {class: "tip-contra"}, "sources disagree: " + inc.contradictions + " contradiction(s)") : null);
  }

  function drawMarkers(events) {
    if (!map) return;
    if (layer) layer.remove();
    layer = L.featureGroup();
    // Biggest first so small circles stay clickable on top.
    const sorted = events.filter(hasPoint).sort(function (a, b) { return (b.fatalities || 0) - (a.fatalities || 0); });
    for (const event of sorted) {
      const marker = SR.marker(event);
      marker.bindTooltip(tooltip(event), {direction: "top", offset: [0, -4]});
      marker.on("click", function () { location.href = mode.path(event); });
      marker.on("add", function () {
        const path = marker.getElement();
        if (path) {
          path.dataset.uid = mode.key(event);
          path.dataset.kind = mode.noun;
          path.setAttribute("aria-label", (event.sub_event_type || "") + ", " + SR.placeLabel(event.location));
        }
      });
      layer.addLayer(marker);
    }
    layer.addTo(map);
  }

  function drawList(events) {
    const body = clear(document.getElementById("event-rows"));
    if (!events.length) {
      body.appendChild(el("tr", {}, el("td", {colspan: "7", class: "empty"}, "No " + mode.nouns + " match these filters.")));
      return;
    }
    for (const event of events.slice(0, 300)) {
      const incident = mode === MODES.incidents;
      const sources = incident ? (event.sources || []).filter(Boolean)
        : (event.sources || []).map(function (s) { return s.name; }).filter(Boolean);
      const actors = [event.actor1, event.actor2].filter(Boolean).join(" vs ");
      const range = incident && event.fatalities_range && event.fatalities_range[0] !== event.fatalities_range[1]
        ? el("span", {class: "hint"}, " (" + event.fatalities_range[0] + "–" + event.fatalities_range[1] + ")") : null;
      const row = el("tr", {dataset: {uid: mode.key(event)}},
        el("td", {class: "nowrap"}, SR.dateRange(event)),
        el("td", {}, SR.swatch(event.event_type),
          el("a", {href: mode.path(event)}, event.sub_event_type || event.event_type)),
        el("td", {}, SR.placeLabel(event.location)),
        el("td", {}, actors || "—"),
        el("td", {class: "num"}, event.fatalities == null ? "—" : String(event.fatalities), range),
        el("td", {}, incident ? el("span", {class: "reports"}, event.documents + (event.documents === 1 ? " report" : " reports")) : null,
          incident && sources.length ? " · " : null,
          sources.length ? sources.join("; ") : incident ? null : (event.document && event.document.source) || "—"),
        el("td", {}, event.contradictions ? SR.badge("contested", "contra") : ""));
      const link = row.querySelector("a");
      link.addEventListener("focus", function () { highlight(event); });
      link.addEventListener("mouseenter", function () { highlight(event); });
      body.appendChild(row);
    }
  }

  function highlight(event) {
    if (!map || !layer || !hasPoint(event)) return;
    layer.eachLayer(function (m) {
      const path = m.getElement && m.getElement();
      if (path) path.classList.toggle("focused", path.dataset.uid === mode.key(event));
    });
  }

  function drawTimeline(data) {
    const box = clear(document.getElementById("timeline"));
    const days = data.days;
    if (!days.length) {
      box.appendChild(el("p", {class: "empty"}, "No dated " + mode.nouns + "."));
      return;
    }
    const NS = "http://www.w3.org/2000/svg";
    const svg = (tag, attrs) => {
      const node = document.createElementNS(NS, tag);
      for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
      return node;
    };
    const dayMs = 86400000;
    const first = Date.parse(days[0].date), last = Date.parse(days[days.length - 1].date);
    const span = Math.round((last - first) / dayMs) + 1;
    const width = Math.max(600, box.clientWidth || 900), height = 120, pad = {l: 34, r: 10, t: 8, b: 22};
    const plotW = width - pad.l - pad.r, plotH = height - pad.t - pad.b;
    const max = Math.max.apply(null, days.map(function (d) { return d.total; }));
    const barW = Math.max(2, Math.min(24, plotW / span - 1));
    const root = svg("svg", {class: "timeline-chart", viewBox: "0 0 " + width + " " + height, width: "100%", height: height,
      role: "img", "aria-label": (mode === MODES.incidents ? "Incidents" : "Events") + " per day from " + days[0].date + " to " + days[days.length - 1].date});
    root.appendChild(svg("line", {x1: pad.l, y1: pad.t + plotH, x2: width - pad.r, y2: pad.t + plotH, class: "axis"}));
    const yLabel = svg("text", {x: pad.l - 6, y: pad.t + 8, "text-anchor": "end", class: "tick"});
    yLabel.textContent = String(max);
    root.appendChild(yLabel);
    for (const [x, anchor, label] of [[pad.l, "start", days[0].date], [width - pad.r, "end", days[days.length - 1].date]]) {
      const t = svg("text", {x: x, y: height - 6, "text-anchor": anchor, class: "tick"});
      t.textContent = label;
      root.appendChild(t);
    }
    for (const day of days) {
      const offset = Math.round((Date.parse(day.date) - first) / dayMs);
      const x = pad.l + (span === 1 ? plotW / 2 - barW / 2 : offset * (plotW - barW) / (span - 1));
      const group = svg("g", {class: "day"});
      const title = svg("title");
      title.textContent = day.date + ": " + Object.entries(day.counts).map(function (e) { return e[0] + " " + e[1]; }).join(", ");
      group.appendChild(title);
      let y = pad.t + plotH;
      for (const type of data.event_types) {
        const n = day.counts[type];
        if (!n) continue;
        const h = Math.max(1, n / max * plotH);
        y -= h;
        const rect = svg("rect", {x: x.toFixed(1), y: y.toFixed(1), width: barW.toFixed(1), height: h.toFixed(1)});
        rect.setAttribute("fill", colour(type));
        group.appendChild(rect);
      }
      group.dataset.date = day.date;
      group.addEventListener("click", function () {
        form.elements.date_from.value = day.date;
        form.elements.date_to.value = day.date;
        refresh(true);
      });
      root.appendChild(group);
    }
    box.appendChild(root);
  }

  async function init() {
    form.addEventListener("submit", function (ev) { ev.preventDefault(); refresh(true); });
    form.addEventListener("reset", function () { setTimeout(function () { refresh(true); }, 0); });
    for (const name of ["event_type", "country", "certainty", "has_contradiction", "in_view"]) {
      form.elements[name].addEventListener("change", function () { refresh(true); });
    }
    // The header search box filters this page in place.
    const header = document.getElementById("search-form");
    header.addEventListener("submit", function (ev) {
      ev.preventDefault();
      form.elements.q.value = document.getElementById("search-q").value;
      refresh(true);
    });
    window.addEventListener("popstate", function () {
      formFromParams(new URLSearchParams(location.search));
      refresh(false);
    });
    try { await fillFacets(); } catch (err) { status.textContent = "Could not load filters: " + err.message; }
    formFromParams(new URLSearchParams(location.search));  // after the facets: selects need their options
    const mapBox = document.getElementById("map");
    if (SR.leafletReady()) {
      map = await SR.makeMap(mapBox);
      map.setView([35, 20], 2.5);
      map.on("moveend", function () { if (form.elements.in_view.checked) refresh(false); });
    } else {
      mapBox.appendChild(el("p", {class: "error"}, "The map library is not installed on the server (run `npm ci` in web/). The list below still works."));
    }
    await refresh(false);
    if (map && layer && layer.getLayers().length && !form.elements.in_view.checked) {
      map.fitBounds(layer.getBounds().pad(0.3), {maxZoom: 6, animate: false});
    }
    document.body.dataset.ready = "1";
  }

  init();
})();
