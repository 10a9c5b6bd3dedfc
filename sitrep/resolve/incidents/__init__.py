"""Incidents across sources: events from different documents grouped into incidents.

    index = IncidentIndex(options)
    gone, changed = index.add(nodes)            # incremental, order-independent
    record = fuse(incident_id, members)         # consensus with provenance, contradictions

The store-backed step (`sitrep.store.incidents.update_incidents`) drives these over stored
documents; this package itself knows nothing about the store.
"""

from sitrep.resolve.incidents.cluster import IncidentIndex, incident_id
from sitrep.resolve.incidents.dedup import near_duplicates, signature
from sitrep.resolve.incidents.fuse import Member, cross_contradictions, fuse
from sitrep.resolve.incidents.match import Node, node_from_event, score
from sitrep.resolve.incidents.options import DEFAULT_OPTIONS, IncidentOptions

__all__ = [
    "DEFAULT_OPTIONS", "IncidentIndex", "IncidentOptions", "Member", "Node", "cross_contradictions",
    "fuse", "incident_id", "near_duplicates", "node_from_event", "score", "signature",
]
