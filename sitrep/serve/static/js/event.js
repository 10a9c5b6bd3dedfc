/* The incident page: consensus fields, claims, contradictions. /incidents/{id} shows the incident
 * (sitrep.store.incidents) when the id is an incident id, else the event with that uid. */
"use strict";

(function () {
  const {el, clear, api} = SR;
  const status = document.getElementById("status");

  function uidFromPath() {
    const match = location.pathname.match(/^\/(?:incidents|events)\/(.+)$/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function field(dl, label, ...value) {
    dl.appendChild(el("dt", {}, label));
    dl.appendChild(el("dd", {}, ...value));
  }

  function value(v) {
    return v === null || v === undefined || v === "" ? "—" : String(v);
  }

  const PRECISION = {1: "exact day", 2: "within a week or range", 3: "month or vaguer"};
  const GEO_PRECISION = {1: "the place itself", 2: "near the place / district", 3: "region or vaguer"};

  function renderFields(event) {
    const dl = document.getElementById("fields");
    const loc = event.location || {};
    field(dl, "Event type", SR.swatch(event.event_type), event.event_type);
    field(dl, "Sub-event type", value(event.sub_event_type));
    field(dl, "Date", SR.dateRange(event), " ", el("span", {class: "hint"}, "(" + (PRECISION[event.time_precision] || "?") + ")"));
    field(dl, "Location", SR.placeLabel(event.location),
      loc.mention && loc.mention !== loc.name ? el("span", {class: "hint"}, " — written “" + loc.mention + "”") : null);
    if (typeof loc.lat === "number") {
      field(dl, "Coordinates", loc.lat.toFixed(3) + ", " + loc.lon.toFixed(3) + " ",
        el("span", {class: "hint"}, "(" + (GEO_PRECISION[loc.geo_precision] || "?") + ")"));
    }
    field(dl, "Actor 1", value(event.actor1),
      event.actor1_mentions && event.actor1_mentions.length ? el("span", {class: "hint"}, " — " + event.actor1_mentions.join(", ")) : null);
    field(dl, "Actor 2", value(event.actor2),
      event.actor2_mentions && event.actor2_mentions.length ? el("span", {class: "hint"}, " — " + event.actor2_mentions.join(", ")) : null);
    field(dl, "Fatalities", value(event.fatalities), " ", el("span", {class: "hint"}, "(most conservative figure reported)"),
      event.fatalities_range && event.fatalities_range[0] !== event.fatalities_range[1]
        ? el("span", {class: "hint"}, " — reports range " + event.fatalities_range[0] + "–" + event.fatalities_range[1]) : null);
    if (event.incident) {
      renderIncidentFields(dl, event.incident);
      return;
    }
    field(dl, "Certainty", SR.badge(event.certainty, "cert-" + event.certainty));
    if (event.incident_id) {
      field(dl, "Incident", el("a", {href: SR.incidentPath(event.incident_id), id: "incident-link"},
        "all reports of this incident"), " ", el("span", {class: "hint"}, event.incident_id));
    }
    const doc = event.document || {};
    field(dl, "Document", el("a", {href: SR.documentPath(event.doc_id), id: "doc-link"}, doc.title || event.doc_id));
    field(dl, "Outlet", value(doc.source), doc.published ? " · published " + doc.published : "");
    if (doc.url) field(dl, "Original", SR.externalLink(doc.url));
    if (event.evidence && event.evidence.length) {
      field(dl, "Evidence", ...event.evidence.map(function (span, i) {
        return [i ? " · " : null, el("a", {href: SR.documentPath(event.doc_id, span), class: "evidence-link", dataset: {start: span.start, end: span.end}},
          "event text " + (event.evidence.length > 1 ? i + 1 : ""))];
      }));
    }
  }

  function renderIncidentFields(dl, record) {
    field(dl, "Reports", record.documents + (record.documents === 1 ? " document" : " documents") + ", " +
      record.independent_sources + " independent", record.first_reported ? " · first reported " + record.first_reported : "");
    field(dl, "Sources", record.sources && record.sources.length ? record.sources.join("; ") : "—");
    // One line per reporting document, with the events of it that joined this incident.
    const list = el("ul", {class: "members reports-list"});
    const byDoc = new Map();
    for (const m of record.members) {
      if (!byDoc.has(m.doc_id)) byDoc.set(m.doc_id, []);
      byDoc.get(m.doc_id).push(m);
    }
    for (const [docId, members] of byDoc) {
      const m = members[0];
      list.appendChild(el("li", {dataset: {doc: docId}},
        el("a", {href: SR.documentPath(docId), class: "doc-link"}, m.title || docId),
        " ", el("span", {class: "hint"}, (m.outlet || docId) + (m.published ? ", " + m.published : "") +
          (m.duplicate_of ? " (near-duplicate of " + m.duplicate_of + ")" : "")),
        el("br"),
        members.map(function (x, i) {
          return [i ? " · " : null, el("a", {href: SR.eventPath(x.event_uid), class: "member-link"},
            (x.event.sub_event_type || x.event.event_type) + " — " + (x.event.location ? x.event.location.name : "place unknown"))];
        }).flat()));
    }
    field(dl, "Reported in", list);
    const disputed = [];
    for (const [name, c] of Object.entries(record.consensus || {})) {
      if (!c || !c.alternatives || !c.alternatives.length) continue;
      const shown = function (v) {
        if (v && typeof v === "object") return Array.isArray(v) ? v.filter(Boolean).join(" – ") : (v.name || [v.date_start, v.date_end].filter(Boolean).join(" – "));
        return value(v);
      };
      disputed.push(el("li", {}, name + ": ", el("strong", {}, shown(c.value)),
        " (" + c.support + (c.support === 1 ? " report" : " reports") + "); also ",
        c.alternatives.map(function (a) { return shown(a.value) + " (" + a.support + ")"; }).join(", ")));
    }
    if (disputed.length) field(dl, "Reports differ on", el("ul", {class: "members consensus-alternatives"}, disputed));
  }

  /* An incident record as the event renderers expect it: claims and contradictions resolved. */
  function incidentView(record) {
    const key = function (docId, claimId) { return docId + "\u001f" + claimId; };
    const byKey = new Map();
    for (const claim of record.claims) byKey.set(key(claim.doc_id, claim.id), claim);
    const contested = new Set();
    const contradictions = record.contradictions.map(function (k) {
      k.claims.forEach(function (ref) { contested.add(key(ref.doc_id, ref.claim)); });
      return {attribute: k.attribute, note: k.note, scope: k.scope,
        claim_objects: k.claims.map(function (ref) { return byKey.get(key(ref.doc_id, ref.claim)); }).filter(Boolean)};
    });
    const claims = record.claims.map(function (claim) {
      return Object.assign({}, claim, {contradicted: contested.has(key(claim.doc_id, claim.id))});
    });
    return Object.assign({}, record, {incident: record, claim_objects: claims, contradiction_objects: contradictions});
  }

  function claimValue(claim) {
    const v = claim.value === null || claim.value === undefined ? (claim.attribute === "occurred" ? "yes" : "—") : String(claim.value);
    return claim.subject ? v + " (" + claim.subject + ")" : v;
  }

  function sourceCell(claim) {
    return el("span", {class: "source"}, claim.source || "the outlet itself",
      claim.via ? el("span", {class: "hint"}, " via " + claim.via) : null);
  }

  function evidenceLink(event, claim) {
    return el("a", {href: SR.documentPath(claim.doc_id || event.doc_id, claim.evidence), class: "evidence-link",
      dataset: {start: claim.evidence.start, end: claim.evidence.end, claim: claim.id, doc: claim.doc_id || event.doc_id}},
      "show in text", el("span", {class: "visually-hidden"}, " (claim " + claim.id + ")"));
  }

  function renderClaims(event) {
    const body = clear(document.getElementById("claim-rows"));
    if (!event.claim_objects.length) {
      body.appendChild(el("tr", {}, el("td", {colspan: "7", class: "empty"}, "No claims recorded.")));
    }
    for (const claim of event.claim_objects) {
      body.appendChild(el("tr", {class: claim.contradicted ? "contradicted" : null, dataset: {claim: claim.id, doc: claim.doc_id || event.doc_id}},
        el("td", {}, claim.attribute, claim.contradicted ? [" ", SR.badge("contested", "contra")] : null,
          event.incident ? el("div", {class: "hint"}, claim.outlet || claim.doc_id)
            : claim.event && claim.event !== event.id ? el("div", {class: "hint"}, "about event " + claim.event) : null),
        el("td", {}, claimValue(claim)),
        el("td", {}, sourceCell(claim)),
        el("td", {}, claim.source_type || "—"),
        el("td", {}, SR.badge(claim.certainty, "cert-" + claim.certainty)),
        el("td", {class: "claim-text"}, claim.quote ? "“" + claim.text + "”" : claim.text),
        el("td", {}, evidenceLink(event, claim))));
    }
  }

  function renderContradictions(event) {
    const box = clear(document.getElementById("contradictions"));
    if (!event.contradiction_objects.length) {
      box.appendChild(el("p", {class: "empty"}, "The sources agree (no contradictions recorded)."));
      return;
    }
    for (const item of event.contradiction_objects) {
      const cards = item.claim_objects.map(function (claim) {
        return el("div", {class: "contra-card", dataset: {claim: claim.id, doc: claim.doc_id || event.doc_id}},
          el("p", {class: "contra-value"}, claimValue(claim)),
          el("p", {}, sourceCell(claim), " ", el("span", {class: "hint"}, claim.source_type || "")),
          el("p", {}, SR.badge(claim.certainty, "cert-" + claim.certainty)),
          el("blockquote", {}, claim.text),
          evidenceLink(event, claim));
      });
      const row = el("div", {class: "contra-row"});
      cards.forEach(function (card, i) {
        if (i) row.appendChild(el("div", {class: "versus", "aria-hidden": "true"}, "vs"));
        row.appendChild(card);
      });
      box.appendChild(el("section", {class: "contradiction", "aria-label": "Contradiction about " + item.attribute},
        el("h3", {}, "Disputed: " + item.attribute, item.note ? el("span", {class: "hint"}, " — " + item.note) : null),
        row));
    }
  }

  async function renderMap(event) {
    const box = document.getElementById("mini-map");
    const loc = event.location;
    if (!loc || typeof loc.lat !== "number" || !SR.leafletReady()) {
      box.hidden = true;
      return;
    }
    const map = await SR.makeMap(box, {zoomControl: true, worldCopyJump: false});
    map.setView([loc.lat, loc.lon], 6);
    SR.marker(event.incident ? Object.assign({}, event, {contradictions: event.contradiction_objects.length}) : event).addTo(map);
  }

  async function init() {
    const uid = uidFromPath();
    let event = null;
    try {
      if (!uid.includes(":") && location.pathname.startsWith("/incidents/")) {
        // An incident id (event uids always have a colon); an unknown one falls back to the event.
        try {
          event = incidentView(await api("/api/incidents/" + encodeURIComponent(uid)));
        } catch (err) {
          if (err.status !== 404) throw err;
        }
      }
      if (!event) event = await api("/api/events/" + encodeURIComponent(uid));
    } catch (err) {
      status.textContent = err.status === 404 ? "No such incident or event: " + uid : "Could not load: " + err.message;
      return;
    }
    document.body.dataset.kind = event.incident ? "incident" : "event";
    const title = (event.sub_event_type || event.event_type) + " — " + SR.placeLabel(event.location);
    document.getElementById("event-title").textContent = title;
    document.title = "sitrep — " + title;
    renderFields(event);
    renderContradictions(event);
    renderClaims(event);
    status.textContent = event.claim_objects.length + " claims, " + event.contradiction_objects.length + " contradictions.";
    document.getElementById("event").hidden = false;
    await renderMap(event);
    document.body.dataset.ready = "1";
  }

  init();
})();
