"""Actors in a sentence: who acts around a trigger or cue, and how ACLED names them.

The actor mentions themselves come from the registry the caller passes in (sitrep.resolve's
actors); this module only picks among them and applies ACLED's coding conventions.
"""

from __future__ import annotations

from sitrep.extract.numbers import NumberMention
from sitrep.lang.lexicon import Match
from sitrep.lang.segment import Sentence

CIVILIAN_ROLES = {"civilians", "protesters", "journalists", "students", "workers", "farmers", "refugees", "children",
                  "women", "health_workers", "aid_workers", "prisoners"}
FOREIGN_ROLES = {"invaders", "partisans"}
ARMED_ROLES = {"military", "security_forces", "police", "rebels", "militants", "gunmen", "rioters", "settlers"} | FOREIGN_ROLES
CIVILIAN_NAMES = ("Civilians", "Protesters")  # the registry's names for unarmed parties


def actor_key(a) -> str:
    return getattr(a, "canonical", None) or getattr(a, "role", None) or a.mention


def two_armed_sides(actor_mentions, sent: Sentence) -> bool:
    armed = {actor_key(a) for a in actor_mentions if sent.start <= a.start < sent.end and getattr(a, "role", None) not in CIVILIAN_ROLES}
    return len(armed) >= 2


# -- around an event trigger ------------------------------------------------------------------

def actors_around(actor_mentions, trig: Match, s: int, e: int, folded: str = "", agents=()):
    """Actor 1 is who acts before the trigger (an armed actor when there is one), actor 2 the
    other side after it; with nobody before the trigger, an armed actor after it acts. An actor
    in an aside between commas only describes the one before it ("al-Shabaab, linked to
    al-Qaeda, claimed the attack")."""
    here = [a for a in actor_mentions if s <= a.start < e]
    # "Russian drones hit the port", "Hamas rockets": the side named with the weapon that is the
    # trigger fired it.
    before = [a for a in here if a.end <= trig.start or (a.start <= trig.start < a.end and (
              getattr(a, "role", None) == "weapons" or a.start < trig.start))]
    before = [a for a in before if not _in_aside(folded, a, before, trig.start)]
    armed_before = [a for a in before if getattr(a, "role", None) not in CIVILIAN_ROLES]
    after = [a for a in here if a.start >= trig.end]
    a1 = (armed_before or before or [None])[-1]
    a2 = next((a for a in after if a1 is None or actor_key(a) != actor_key(a1)), None)
    if a1 is None and a2 is not None and getattr(a2, "role", None) not in CIVILIAN_ROLES:
        a1, a2 = a2, next((a for a in after if actor_key(a) != actor_key(a2)), None)
    # "two police were injured in an attack by a mob": the doer the passive names acts.
    marker = next((m for m in agents if 0 <= m.start - trig.end <= 12 and m.start < e), None)
    doer = next((a for a in after if marker is not None and 0 <= a.start - marker.end <= 25
                 and getattr(a, "role", None) not in CIVILIAN_ROLES), None)
    if doer is not None and (a1 is None or actor_key(doer) != actor_key(a1)):
        a1, a2 = doer, (a1 if a1 is not None and actor_key(a1) != actor_key(doer) else a2)
    return a1, a2


# -- around a claim cue -------------------------------------------------------------------------

def victim_subject(actor_mentions, cue: Match, s: int, e: int, number: NumberMention | None = None) -> str | None:
    """Whom a count is about: the noun the figure counts ("50 people", "three children"), else
    the victims named between the figure and the cue, else those around the cue."""
    if number is not None:
        counted = next((a for a in actor_mentions if 0 <= a.start - number.end <= 12), None)
        if counted is not None:
            return actor_key(counted)
    lo = number.end if number is not None and number.end <= cue.start else max(s, cue.start - 60)
    hi = cue.start if number is None or number.end <= cue.start else min(e, cue.end + 40)
    # (weapons are no victims: "four wounded when Ukrainian rockets hit the city")
    near = [a for a in actor_mentions if lo <= a.start < max(hi, cue.end + 30) and a.start < e
            and getattr(a, "role", None) != "weapons"]
    return actor_key(near[0]) if near else None


def nearest_actor_any(actor_mentions, cue: Match, s: int, e: int) -> str | None:
    """The side a control claim credits: the closest armed actor in the sentence."""
    here = [a for a in actor_mentions if s <= a.start < e and getattr(a, "role", None) not in CIVILIAN_ROLES]
    if not here:
        return None
    a = min(here, key=lambda a: abs(a.start - cue.start))
    return getattr(a, "canonical", None) or getattr(a, "country", None) or a.mention


def actor_after(actor_mentions, cue: Match, e: int):
    after = [a for a in actor_mentions if cue.end <= a.start < min(e, cue.end + 60)]
    return after[0] if after else None


def _in_aside(folded: str, actor, before, limit: int) -> bool:
    if not folded or "," not in folded[actor.end:limit]:
        return False
    opening = folded.rfind(",", 0, actor.start)
    return opening >= 0 and any(b.end <= opening and opening - b.end <= 3 for b in before)


def actor_before(actor_mentions, cue: Match, s: int):
    """The subject of a cue: the first named actor of the sentence before it ("al-Shabaab,
    linked to al-Qaeda, claimed the attack" is al-Shabaab)."""
    before = [a for a in actor_mentions if s <= a.start and a.end <= cue.start and getattr(a, "canonical", None)]
    return before[0] if before else None


def nearest_actor(actor_mentions, cue: Match, s: int, e: int):
    named = [a for a in actor_mentions if s <= a.start < e and getattr(a, "canonical", None)]
    return min(named, key=lambda a: abs(a.start - cue.start)) if named else None


def actor_label(a) -> str:
    return getattr(a, "canonical", None) or a.mention


# -- ACLED's names for the actors of an event -----------------------------------------------------

def actor_name(a, country: str | None, actors, event_type: str = "") -> str | None:
    if a is None:
        return None
    if getattr(a, "canonical", None):
        return a.canonical
    role = getattr(a, "role", None)
    # People in a crowd are protesters or rioters in ACLED's coding of such events.
    if role == "civilians" and event_type in ("Protests", "Riots"):
        role = "protesters" if event_type == "Protests" else "rioters"
    if role and actors is not None:
        # Where a role noun has no nationality, ACLED names the group by the event's country;
        # invaders and partisans come from elsewhere by definition.
        fallback = None if role in FOREIGN_ROLES else country
        return actors.canonical_for(role, getattr(a, "country", None) or fallback)
    return None


VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def coded_actors(event_type: str, actor1: str | None, actor2: str | None, country: str | None, actors):
    """ACLED's coding conventions for who acts: demonstrators are "Protesters (X)" or
    "Rioters (X)" by event type, and violence by nobody named is by an "Unidentified Armed
    Group (X)" of the event's country, with civilians on the receiving side."""
    if actors is None or not country:
        return actor1, actor2
    civilian = (actor1 or "").startswith("Civilians")
    if event_type in ("Protests", "Riots"):
        crowd = actors.canonical_for("protesters" if event_type == "Protests" else "rioters", country)
        if crowd and not (actor1 or "").startswith(("Protesters", "Rioters")):
            actor2 = actor1 if actor1 and actor1 != crowd and not civilian else actor2
            actor1 = crowd
    elif event_type in VIOLENT_TYPES and (actor1 is None or civilian):
        if civilian and actor2 is None:
            actor2 = actor1
        actor1 = actors.canonical_for("gunmen", country)
    return actor1, actor2


def victims_side(subject: str | None) -> str | None:
    """Whose dead a count is about: civilians, armed men of no named party, or a named party
    ("Military Forces of Turkey", "PKK: Kurdistan Workers Party"). Counts of different sides can
    both be true, counts of one side cannot. A subject is a role ("children", "militants") or a
    registry name; anything else has no known side."""
    if not subject:
        return None
    if subject in CIVILIAN_ROLES or subject.startswith(CIVILIAN_NAMES):
        return "civilian"
    if subject in ARMED_ROLES:
        return "armed"
    return subject if subject[:1].isupper() else None  # a named party is a side of its own
