"""Deterministic, incremental grouping of event nodes into incidents.

The grouping is a function of the *set* of nodes only, never of the order they arrived in:

0. within each document, events that are facets of one happening (match.facet: same day,
   same place, the same happening told twice or a context event beside it) are joined; a weak
   event that is a facet of exactly one best strong event of its own document is anchored
   there and takes no part in steps 2-3;
1. strong nodes (precise places) form connected components over linking pairs (match.score);
2. each remaining unit of weak nodes (region only / no place: one node, or a document's weak
   facets) joins the component of its best strong neighbour, best = highest score, ties broken
   by the neighbour's canonical order;
3. weak nodes with no strong neighbour form components among themselves.

Incident ids hash the earliest member in canonical order (published, content hash, event id),
so the same documents give the same incidents and ids whatever the ingestion order.

Incremental update (``IncidentIndex.add``): only the incidents that a new node links to are
regrouped, together with the new nodes. Components only grow when nodes are added, and a weak
node's choice depends on its own neighbours only, so regrouping that neighbourhood gives the
same result as regrouping everything (tests/test_incidents.py checks it against a full run).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Callable, Iterable

from sitrep.resolve.incidents.match import Node, facet, score
from sitrep.resolve.incidents.options import DEFAULT_OPTIONS, IncidentOptions

Key = tuple[str, str]  # (doc_id, event_id)


def incident_id(first: Node) -> str:
    """The id of an incident whose earliest member (canonical order) is ``first``."""
    digest = hashlib.sha256(f"{first.order[1]}\x1f{first.event_id}".encode("utf-8")).hexdigest()
    return "inc-" + digest[:16]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Key, Key] = {}

    def find(self, k: Key) -> Key:
        parent = self.parent.setdefault(k, k)
        while parent != k:
            grand = self.parent.setdefault(parent, parent)
            self.parent[k] = grand
            k, parent = parent, grand
        return k

    def union(self, a: Key, b: Key) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


class IncidentIndex:
    """Nodes blocked by (day, country), with their current incident.

    ``fetch_range(lo, hi)`` / ``fetch_incidents(ids)``, when given, load stored nodes (and
    their incident ids) lazily, so a store-backed update only reads the days it touches.
    """

    def __init__(
        self,
        options: IncidentOptions = DEFAULT_OPTIONS,
        fetch_range: Callable[[int, int], Iterable[tuple[Node, str]]] | None = None,
        fetch_incidents: Callable[[set[str]], Iterable[tuple[Node, str]]] | None = None,
    ):
        self.options = options
        self.nodes: dict[Key, Node] = {}
        self.assign: dict[Key, str] = {}
        self.members: dict[str, set[Key]] = defaultdict(set)
        self._days: dict[int, dict[str | None, list[Key]]] = defaultdict(lambda: defaultdict(list))
        self._fetch_range = fetch_range
        self._fetch_incidents = fetch_incidents
        self._loaded_days: set[int] = set()  # days already fetched
        self._loaded_incidents: set[str] = set()

    # -- holding nodes -------------------------------------------------------------------

    def _put(self, node: Node, incident: str | None) -> None:
        if node.key in self.nodes:
            return
        self.nodes[node.key] = node
        if node.d0 is not None:
            for day in range(node.d0, node.d1 + 1):  # type: ignore[operator]
                self._days[day][node.country].append(node.key)
        if incident is not None:
            self.assign[node.key] = incident
            self.members[incident].add(node.key)

    def load(self, items: Iterable[tuple[Node, str]]) -> None:
        """Known nodes with their incident ids (e.g. read from the store)."""
        for node, incident in items:
            self._put(node, incident)

    def remove_documents(self, doc_ids: set[str]) -> set[str]:
        """Drop the nodes of these documents (replaced texts); returns the incidents they were in."""
        touched = set()
        for key in [k for k in self.nodes if k[0] in doc_ids]:
            node = self.nodes.pop(key)
            if node.d0 is not None:
                for day in range(node.d0, node.d1 + 1):  # type: ignore[operator]
                    self._days[day][node.country].remove(key)
            incident = self.assign.pop(key, None)
            if incident is not None:
                touched.add(incident)
                self.members[incident].discard(key)
        return touched

    def _ensure_days(self, nodes: Iterable[Node]) -> None:
        """Fetch stored nodes for the days these nodes' neighbours can be on (once per day)."""
        if self._fetch_range is None:
            return
        w = self.options.day_window
        need = set()
        for n in nodes:
            if n.d0 is not None:
                need.update(range(n.d0 - w, n.d1 + w + 1))  # type: ignore[operator]
        need -= self._loaded_days
        if not need:
            return
        days = sorted(need)
        run_start = prev = days[0]
        for day in days[1:] + [None]:
            if day is None or day != prev + 1:
                self.load(self._fetch_range(run_start, prev))
                if day is not None:
                    run_start = day
            if day is not None:
                prev = day
        self._loaded_days |= need

    def _ensure_incidents(self, ids: set[str]) -> None:
        missing = ids - self._loaded_incidents
        if self._fetch_incidents is not None and missing:
            self.load(self._fetch_incidents(missing))
        self._loaded_incidents |= ids

    # -- neighbours ----------------------------------------------------------------------

    def neighbours(self, node: Node) -> list[tuple[int, Key]]:
        if node.d0 is None:
            return []
        w = self.options.day_window
        seen: set[Key] = set()
        found = []
        for day in range(node.d0 - w, node.d1 + w + 1):  # type: ignore[operator]
            buckets = self._days.get(day)
            if not buckets:
                continue
            groups = buckets.values() if node.country is None else (buckets.get(node.country, ()), buckets.get(None, ()))
            for group in groups:
                for key in group:
                    if key in seen:
                        continue
                    seen.add(key)
                    s = score(node, self.nodes[key], self.options)
                    if s is not None:
                        found.append((s, key))
        return found

    # -- grouping ------------------------------------------------------------------------

    def group(self, keys: set[Key]) -> dict[str, list[Key]]:
        """Incidents over exactly ``keys`` (a closed set: see module doc), id -> members."""
        uf = _UnionFind()
        nodes = self.nodes
        nbrs = {k: self.neighbours(nodes[k]) for k in keys}
        for k in sorted(keys):
            uf.find(k)
        # 0. Facets within one document (match.facet): precise events at the same place join; a
        # vague one joins its document's one best precise facet and then goes nowhere else.
        anchored = self._facets(keys, uf)
        # 1. Strong nodes over linking pairs.
        for k in sorted(keys):
            if nodes[k].strong:
                for _, o in nbrs[k]:
                    if o in keys and nodes[o].strong:
                        uf.union(k, o)
        # 2. Each unit of weak nodes (one, or a document's weak facets) joins its best strong
        # neighbour: highest score, then the neighbour's canonical order.
        units: dict[Key, list[Key]] = defaultdict(list)
        for k in sorted(keys):
            if not nodes[k].strong and k not in anchored:
                units[uf.find(k)].append(k)
        weak_free = []
        for unit in units.values():
            strong = [(s, o) for k in unit for s, o in nbrs[k] if o in keys and nodes[o].strong]
            if strong:
                best = min(strong, key=lambda so: (-so[0], nodes[so[1]].order))
                uf.union(unit[0], best[1])
            else:
                weak_free.extend(unit)
        # 3. Weak nodes with no strong neighbour, among themselves.
        free = set(weak_free)
        for k in weak_free:
            for _, o in nbrs[k]:
                if o in free:
                    uf.union(k, o)
        comps: dict[Key, list[Key]] = defaultdict(list)
        for k in keys:
            comps[uf.find(k)].append(k)
        out = {}
        for members in comps.values():
            members.sort(key=lambda k: nodes[k].order)
            out[incident_id(nodes[members[0]])] = members
        return out

    def _facets(self, keys: set[Key], uf: _UnionFind) -> set[Key]:
        """Union the facets of each document's events; returns the weak nodes anchored to a
        strong event of their own document."""
        by_doc: dict[str, list[Key]] = defaultdict(list)
        for k in sorted(keys):
            by_doc[k[0]].append(k)
        anchored = set()
        for ks in by_doc.values():
            if len(ks) < 2:
                continue
            events = [self.nodes[k] for k in ks]
            strong = [n for n in events if n.strong]
            weak = [n for n in events if not n.strong]
            for i, a in enumerate(strong):
                for b in strong[i + 1:]:
                    if facet(a, b, self.options) is not None:
                        uf.union(a.key, b.key)
            loose = []
            for w in weak:
                cands = [(s, n) for n in strong if (s := facet(w, n, self.options)) is not None]
                top = max((s for s, _ in cands), default=None)
                best = {uf.find(n.key) for s, n in cands if s == top}
                if len(best) == 1:  # unambiguous: the one happening of its document it belongs to
                    uf.union(w.key, best.pop())
                    anchored.add(w.key)
                else:
                    loose.append(w)
            for i, a in enumerate(loose):
                for b in loose[i + 1:]:
                    s = facet(a, b, self.options)
                    if s is not None and s >= 1:
                        uf.union(a.key, b.key)
        return anchored

    def closure(self, seed: set[Key]) -> set[Key]:
        """``seed`` plus everything whose incident can change with it (see module doc)."""
        keys = set(seed)
        frontier = set(seed)
        while frontier:
            self._ensure_days(self.nodes[k] for k in frontier)
            touched: set[str] = set()
            for k in frontier:
                node = self.nodes[k]
                for _, o in self.neighbours(node):
                    if o in keys:
                        continue
                    other = self.nodes[o]
                    # New links: anything linked to a seed node, and strong-strong chains.
                    if k in seed or (node.strong and other.strong) or (not node.strong and other.strong):
                        if o in self.assign:
                            touched.add(self.assign[o])
                        else:
                            keys.add(o)
            for k in frontier:
                if k in self.assign:
                    touched.add(self.assign[k])
            self._ensure_incidents(touched)
            new = set()
            for incident in touched:
                new |= self.members.get(incident, set()) - keys
            keys |= new
            frontier = new
        return keys

    def add(self, nodes: Iterable[Node], removed_from: set[str] = frozenset()) -> tuple[set[str], dict[str, list[Key]]]:
        """Add new nodes; returns (incident ids that no longer exist, new/changed incidents).

        ``removed_from``: incidents that lost members (replaced documents) and must be regrouped.
        """
        seed = set()
        for node in nodes:
            if node.key not in self.nodes:
                self._put(node, None)
                seed.add(node.key)
        self._ensure_incidents(set(removed_from))
        for incident in removed_from:
            seed |= self.members.get(incident, set())
        keys = self.closure(seed)
        old = {self.assign[k] for k in keys if k in self.assign} | set(removed_from)
        grouped = self.group(keys)
        # Incidents that lost members are rewritten even when what is left looks the same here.
        before = {i: frozenset(self.members.get(i, ())) for i in old if i not in removed_from}
        for incident in old:
            for k in self.members.pop(incident, set()):
                self.assign.pop(k, None)
        changed = {}
        for incident, members in grouped.items():
            self.members[incident] = set(members)
            for k in members:
                self.assign[k] = incident
            if before.get(incident) != frozenset(members):
                changed[incident] = members
        gone = {i for i in old if i not in grouped}
        return gone, changed

    def incidents(self) -> dict[str, list[Key]]:
        return {i: sorted(m, key=lambda k: self.nodes[k].order) for i, m in self.members.items() if m}
