/* sitrep UI helpers shared by every page.
 *
 * Untrusted text (article text, titles, source names, actors, URLs) only ever reaches the
 * page through textContent and setAttribute; nothing here uses innerHTML. External links are
 * kept only when they parse as http(s) URLs.
 */
"use strict";

window.SR = (function () {
  const TYPE_COLOURS = {
    "Battles": "#c62828",
    "Explosions/Remote violence": "#ef6c00",
    "Violence against civilians": "#6a1b9a",
    "Protests": "#2e7d32",
    "Riots": "#795548",
    "Strategic developments": "#1565c0",
  };

  function colour(type) {
    return TYPE_COLOURS[type] || "#546e7a";
  }

  /* el("a", {href: "/x", class: "y"}, "text", childNode, ...) — text children become text nodes. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = String(value);
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key.startsWith("on")) throw new Error("use addEventListener, not attributes");
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  /* An http(s) URL as a string, or null for anything else (javascript:, data:, relative, garbage). */
  function safeUrl(value) {
    if (typeof value !== "string" || !value) return null;
    let url;
    try { url = new URL(value); } catch (e) { return null; }
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  }

  /* A link to an external URL when it is safe, else the URL as plain text. */
  function externalLink(value, label) {
    const href = safeUrl(value);
    if (!href) return el("span", {class: "unsafe-url", title: "not an http(s) link"}, value || "");
    return el("a", {href: href, rel: "noopener noreferrer nofollow", target: "_blank"}, label || href);
  }

  function eventPath(uid) { return "/events/" + encodeURIComponent(uid); }
  function incidentPath(id) { return "/incidents/" + encodeURIComponent(id); }
  function documentPath(docId, span) {
    let path = "/documents/" + encodeURIComponent(docId);
    if (span) path += "?hl=" + encodeURIComponent(span.start + "-" + span.end) + "#target";
    return path;
  }

  async function api(path) {
    const response = await fetch(path, {headers: {"Accept": "application/json"}});
    let body = null;
    try { body = await response.json(); } catch (e) { /* not JSON */ }
    if (!response.ok) {
      const message = body && body.error ? body.error.message : response.status + " " + response.statusText;
      const err = new Error(message);
      err.status = response.status;
      throw err;
    }
    return body;
  }

  function showError(container, err) {
    clear(container);
    container.appendChild(el("p", {class: "error", role: "alert"}, "Could not load: " + (err && err.message || err)));
  }

  function dateRange(event) {
    if (!event.date_start && !event.date_end) return "date unknown";
    if (!event.date_end || event.date_end === event.date_start) return event.date_start || event.date_end;
    return (event.date_start || "?") + " – " + event.date_end;
  }

  function placeLabel(location) {
    if (!location) return "place unknown";
    const parts = [location.name, location.admin1, location.country].filter(Boolean);
    return parts.join(", ");
  }

  function swatch(type) {
    const node = el("span", {class: "swatch", "aria-hidden": "true"});
    node.style.backgroundColor = colour(type);  // CSSOM, allowed by the CSP (no inline style attribute parsing)
    return node;
  }

  function badge(text, kind) {
    return el("span", {class: "badge" + (kind ? " badge-" + kind : "")}, text);
  }

  /* The header search box on every page searches the map page (incidents, or events). */
  function initHeader() {
    const form = document.getElementById("search-form");
    if (!form) return;
    const input = form.querySelector("input[name=q]");
    const params = new URLSearchParams(location.search);
    if (input && params.get("q") && location.pathname === "/") input.value = params.get("q");
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "/" && document.activeElement && !/^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName)) {
        ev.preventDefault();
        input.focus();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", initHeader);

  return {
    TYPE_COLOURS, colour, el, append, clear, safeUrl, externalLink, eventPath, incidentPath, documentPath, api,
    showError, dateRange, placeLabel, swatch, badge,
  };
})();
