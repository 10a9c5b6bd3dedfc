/* The document page: the article text with every extracted evidence span highlighted.
 *
 * Offsets from the API are Python str indices (Unicode code points); JavaScript strings count
 * UTF-16 units, so they are converted before slicing. The text is inserted with text nodes only.
 */
"use strict";

(function () {
  const {el, clear, api} = SR;
  const status = document.getElementById("status");

  function docIdFromPath() {
    const match = location.pathname.match(/^\/documents\/(.+)$/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  /* index i (code points) → UTF-16 offset, for 0..length */
  function codePointOffsets(text) {
    const offsets = [];
    let u = 0;
    for (const ch of text) {
      offsets.push(u);
      u += ch.length;
    }
    offsets.push(u);
    return offsets;
  }

  function targetSpan() {
    const hl = new URLSearchParams(location.search).get("hl") || "";
    const match = hl.match(/^(\d+)-(\d+)$/);
    return match ? {start: Number(match[1]), end: Number(match[2])} : null;
  }

  function renderText(doc, target) {
    const box = clear(document.getElementById("doc-text"));
    const text = doc.text;
    const cp = codePointOffsets(text);
    const n = cp.length - 1;
    const spans = doc.spans.slice();
    if (target) spans.push({start: target.start, end: target.end, kind: "target"});
    const cuts = new Set([0, n]);
    for (const s of spans) {
      if (s.start >= 0 && s.end <= n && s.start < s.end) { cuts.add(s.start); cuts.add(s.end); }
    }
    const points = Array.from(cuts).sort(function (a, b) { return a - b; });
    let firstTarget = null;
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i], b = points[i + 1];
      const piece = text.slice(cp[a], cp[b]);
      const covering = spans.filter(function (s) { return s.start <= a && s.end >= b && s.start < s.end; });
      if (!covering.length) { box.appendChild(document.createTextNode(piece)); continue; }
      const classes = new Set();
      const labels = [];
      for (const s of covering) {
        if (s.kind === "target") classes.add("hl-target");
        else if (s.kind === "event") { classes.add("hl-event"); labels.push("event " + s.ref); }
        else { classes.add(s.contradicted ? "hl-contra" : "hl-claim"); labels.push("claim " + s.ref + (s.contradicted ? " (contested)" : "")); }
      }
      const mark = el("mark", {class: Array.from(classes).join(" "), title: labels.join(", ") || null,
        dataset: {start: a, end: b}}, piece);
      if (classes.has("hl-target") && !firstTarget) {
        firstTarget = mark;
        mark.id = "target";
        mark.tabIndex = -1;
      }
      box.appendChild(mark);
    }
    return firstTarget;
  }

  function renderMeta(doc) {
    const dl = clear(document.getElementById("doc-meta"));
    const add = function (label, ...value) { dl.appendChild(el("dt", {}, label)); dl.appendChild(el("dd", {}, ...value)); };
    add("Outlet", doc.source || "—");
    add("Published", doc.published || "—");
    add("Language", doc.language || "—");
    add("Original", doc.url ? SR.externalLink(doc.url) : "—");
    add("Document id", doc.doc_id);
    if (doc.warnings && doc.warnings.length) add("Warnings", doc.warnings.join("; "));
  }

  function renderSide(doc) {
    const events = clear(document.getElementById("doc-events"));
    for (const event of doc.event_objects) {
      events.appendChild(el("li", {}, SR.swatch(event.event_type),
        el("a", {href: SR.eventPath(event.uid)}, (event.sub_event_type || event.event_type) + " — " + SR.placeLabel(event.location)),
        " ", el("span", {class: "hint"}, SR.dateRange(event))));
    }
    if (!doc.event_objects.length) events.appendChild(el("li", {class: "empty"}, "No events."));
    const claims = clear(document.getElementById("doc-claims"));
    for (const claim of doc.claim_objects) {
      claims.appendChild(el("li", {class: claim.contradicted ? "contradicted" : null},
        el("a", {href: SR.documentPath(doc.doc_id, claim.evidence), class: "span-link", dataset: {start: claim.evidence.start, end: claim.evidence.end}},
          claim.attribute + ": " + (claim.value == null ? "—" : String(claim.value))),
        " — ", claim.source || "the outlet", claim.contradicted ? [" ", SR.badge("contested", "contra")] : null));
    }
    if (!doc.claim_objects.length) claims.appendChild(el("li", {class: "empty"}, "No claims."));
  }

  let current = null;

  function select(target, focus) {
    const mark = renderText(current, target);
    if (mark) {
      mark.scrollIntoView({block: "center"});
      if (focus) mark.focus({preventScroll: true});
    }
  }

  async function init() {
    const docId = docIdFromPath();
    try {
      current = await api("/api/documents/" + encodeURIComponent(docId));
    } catch (err) {
      status.textContent = err.status === 404 ? "No such document: " + docId : "Could not load the document: " + err.message;
      return;
    }
    document.getElementById("doc-title").textContent = current.title || current.doc_id;
    document.title = "sitrep — " + (current.title || current.doc_id);
    if (current.language) document.getElementById("doc-text").setAttribute("lang", current.language);
    renderMeta(current);
    renderSide(current);
    document.getElementById("document").hidden = false;
    status.textContent = current.events + " events, " + current.claims + " claims, " + current.contradictions + " contradictions.";
    select(targetSpan(), true);
    // Span links re-highlight in place (keeping history), so the keyboard user stays on the page.
    document.getElementById("doc-claims").addEventListener("click", function (ev) {
      const link = ev.target.closest("a.span-link");
      if (!link) return;
      ev.preventDefault();
      history.pushState(null, "", link.getAttribute("href"));
      select(targetSpan(), true);
    });
    window.addEventListener("popstate", function () { select(targetSpan(), false); });
    document.body.dataset.ready = "1";
  }

  init();
})();
