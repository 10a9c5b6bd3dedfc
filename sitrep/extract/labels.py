"""Event labels: the "Event type/Sub-event type" a sentence's triggers give.

Triggers come from the language pack's events file; rules.yaml combines labels that occur
together ("combine"), keeps the most specific sub-type of each event type ("specificity") and
one event type of each group that cannot co-occur ("exclusive_groups").
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from sitrep.extract.actors import CIVILIAN_ROLES, actor_key, two_armed_sides
from sitrep.extract.dates import DateMention
from sitrep.lang.lexicon import Lexicon, Match, lexicon_from
from sitrep.lang.pack import LanguagePack
from sitrep.lang.segment import Sentence, sentence_initial
from sitrep.model import SUB_EVENT_TYPES

IRREALIS_CHARS = 80  # a modal governs the clause it opens ("may affect the ability to repel offensives")
NEGATION_AFTER_CHARS = 60  # how far after a trigger a denied report verb still governs it
_VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")

NON_STATE_ARMED = {"rebel_group", "political_militia", "identity_militia"}
RAID = "_raid"  # the label of raid words until the sentence tells what the raid was

RULES = yaml.safe_load(Path(__file__).with_name("rules.yaml").read_text(encoding="utf-8"))



def negated_before(negation: Lexicon, folded: str, position: int, floor: int) -> bool:
    """A negation right before `position` in its clause, with a word or two at most between
    ("no clashes", "n'a pas revendiqué", "did not claim")."""
    return any(m.end <= position and not re.search(r"[,;:.]", folded[m.end:position])
               for m in negation.find(folded, max(floor, position - 14), position))

class EventLabeller:
    """Event triggers and the labels they give, for one language pack."""

    def __init__(self, pack: LanguagePack):
        self.pack = pack
        self.triggers = _event_lexicon(pack)
        self.attack = pack.lexicon("events", "_attack")
        self.crowd = pack.lexicon("events", "_crowd")
        self.raid = pack.lexicon("events", "_raid")
        self.agent = pack.lexicon("claims", "agent")  # "by" before the doer of a passive
        self.armed_victim = pack.lexicon("events", "_armed_victim")
        self.generic = pack.lexicon("context", "generic")
        self.irrealis = pack.lexicon("context", "irrealis")
        self.negation = pack.lexicon("context", "negation")
        self.negation_after = pack.lexicon("context", "negation_after")

    def find_triggers(self, text: str, folded: str) -> list[Match]:
        """Every event trigger of the text, except those that are part of a name."""
        found = [t for t in self.triggers.find(folded) if not self._inside_name(text, t)]
        raids = [Match(r.start, r.end, RAID, r.text) for r in self.raid.find(folded) if not self._inside_name(text, r)]
        return sorted(found + raids, key=lambda t: t.start)

    def find_raids(self, folded: str) -> list[Match]:
        return self.raid.find(folded)

    def find_attacks(self, folded: str) -> list[Match]:
        """Every generic attack word of the text (a fallback when a sentence has no trigger)."""
        return self.attack.find(folded)

    def labels(self, folded: str, sent: Sentence, triggers: list[Match], attacks: list[Match], actor_mentions, cues) -> list[tuple[str, Match, bool]]:
        """The event labels a sentence gives, each with its trigger and whether it is weak
        (a generic attack or casualty word rather than a trigger of its own)."""
        found = [t for t in triggers if sent.start <= t.start < sent.end]
        # A raid made to arrest or abduct is that arrest or abduction; otherwise it is a clash.
        arrests = any(sub_of(t.label) in ("Arrests", "Abduction/forced disappearance") for t in found)
        found = [t if t.label != RAID else Match(t.start, t.end, "Battles/Armed clash", t.text) for t in found
                 if t.label != RAID or not arrests]
        civilians = any(sent.start <= a.start < sent.end and getattr(a, "role", None) in CIVILIAN_ROLES for a in actor_mentions)
        armed_pair = two_armed_sides(actor_mentions, sent)
        if not found:
            # A generic attack word, or failing that a killing or wounding with no other
            # trigger, is violence: a clash between two armed sides, else against civilians.
            generic = [a for a in attacks if sent.start <= a.start < sent.end]
            generic = generic or [c for c in cues if sent.start <= c.start < sent.end and c.label in ("killed", "injured")]
            label = "Battles/Armed clash" if armed_pair and not civilians else "Violence against civilians/Attack"
            found = [Match(m.start, m.end, label, m.text) for m in generic[:1]]
            return [(label, m, True) for m in found]
        by_label: dict[str, Match] = {}
        for t in found:
            by_label.setdefault(t.label, t)
        weak_attack = self._competing_attack(found, attacks, sent, armed_pair and not civilians)
        if weak_attack is not None:
            by_label.setdefault(weak_attack.label, weak_attack)
        per_type = _one_per_type(_combined(by_label), by_label)
        self._recode_by_sentence_actors(folded, sent, per_type, by_label, actor_mentions, civilians)
        return sorted(((label, by_label[label], by_label[label] is weak_attack) for label in per_type.values()),
                      key=lambda x: x[1].start)

    def _recode_by_sentence_actors(self, folded, sent, per_type: dict, by_label: dict, actor_mentions, civilians: bool) -> None:
        """A clash told beside civilians and an attack word, with no second armed side, is an
        attack on them; a clash told beside protesters is a riot."""
        if civilians and per_type.get("Battles") == "Battles/Armed clash" and "Violence against civilians" not in per_type:
            if self.attack.find(folded, sent.start, sent.end) and not two_armed_sides(actor_mentions, sent):
                by_label["Violence against civilians/Attack"] = by_label[per_type.pop("Battles")]
                per_type["Violence against civilians"] = "Violence against civilians/Attack"
        if per_type.get("Battles") == "Battles/Armed clash" and "Riots" not in per_type and any(
                sent.start <= a.start < sent.end and getattr(a, "role", None) == "protesters" for a in actor_mentions):
            # "Protesters tried to break the cordon and clashed with officers".
            by_label["Riots/Violent demonstration"] = by_label[per_type.pop("Battles")]
            per_type["Riots"] = "Riots/Violent demonstration"
            per_type.pop("Protests", None)

    @staticmethod
    def _competing_attack(found: list[Match], attacks: list[Match], sent: Sentence, armed_pair: bool) -> Match | None:
        """A generic attack word in a sentence whose triggers tell of no violence ("NDS forces
        attacked a hideout, arresting eight", "the demonstrators attacked workers"): it stands
        for the violence, and competes with the other triggers by rules.yaml."""
        if any(type_of(t.label) in _VIOLENT_TYPES for t in found):
            return None
        for a in attacks:
            # "an arson attack": an attack word right after a strategic trigger is its noun.
            if sent.start <= a.start < sent.end and not any(t.start < a.end and a.start < t.end for t in found) \
                    and not any(0 <= a.start - t.end <= 1 and type_of(t.label) == "Strategic developments" for t in found):
                label = "Battles/Armed clash" if armed_pair else "Violence against civilians/Attack"
                return Match(a.start, a.end, label, a.text)
        return None

    def recode(self, folded: str, sent: Sentence, label: str, trig: Match, a1, a2) -> str:
        """The label by who did what to whom (ACLED's definitions of the event types):
        - violence done by an unarmed crowd ("villagers stoned two officers", "youths attacked a
          guard", "police fought with market vendors") is mob violence;
        - state forces are no mob: their beating of people is an attack on civilians;
        - violence on state forces by someone who is not one is a clash, not an attack on civilians;
        - an armed group is no rioter: what it wrecks is property destruction;
        - an armed group that detains people abducts them: only a state arrests;
        - the killing of a gang member or an armed man is a clash ("the victim was armed"): ACLED's
          civilians are unarmed and belong to no armed group."""
        label = recode_by_actors(label, a1, a2)
        doer_before = a1 is not None and a1.end <= trig.start
        if label in ("Violence against civilians/Attack", "Battles/Armed clash") and self._crowd_acts(folded, sent, label, trig, a1, a2):
            return "Riots/Mob violence"
        # A named group ("QSD detained several women"); a role noun is as often the detainees ("the arrest of 51 terrorists").
        if label == "Strategic developments/Arrests" and doer_before and getattr(a1, "kind", None) in NON_STATE_ARMED \
                and getattr(a1, "canonical", None) and a2 is not None and a2.start >= trig.end:
            return "Violence against civilians/Abduction/forced disappearance"  # only a state arrests
        # "JNIM militants vandalised the prefect's residence": an armed group is no rioter; what
        # it wrecks is property destruction.
        if label == "Riots/Violent demonstration" and doer_before and getattr(a1, "kind", None) in NON_STATE_ARMED \
                and not self.crowd.find(folded, sent.start, sent.end) and getattr(a2, "role", None) not in ("protesters", "rioters"):
            return "Strategic developments/Looting/property destruction"
        if label == "Riots/Mob violence" and doer_before and getattr(a1, "kind", None) == "state_forces" \
                and not self.crowd.find(folded, sent.start, sent.end):
            return "Violence against civilians/Attack"
        if label == "Violence against civilians/Attack" and doer_before and getattr(a1, "kind", None) == "state_forces":
            # "Police officers were shot by a man", "... were attacked by villagers": the state
            # forces named first are the victims of the doer the passive names.
            marker = next((m for m in self.agent.find(folded, trig.end, min(sent.end, trig.end + 12))), None)
            if marker is not None:
                if self.crowd.find(folded, marker.end, min(sent.end, marker.end + 25)):
                    return "Riots/Mob violence"
                if a2 is not None and getattr(a2, "role", None) in CIVILIAN_ROLES and 0 <= a2.start - marker.end <= 25:
                    return "Battles/Armed clash"
        if label == "Violence against civilians/Attack":
            if getattr(a2, "kind", None) == "state_forces" and (a1 is None or getattr(a1, "role", None) in CIVILIAN_ROLES) \
                    and (a1 is None or doer_before) and a2.start >= trig.end:
                return "Battles/Armed clash"
            paragraph_end = folded.find("\n", sent.start)
            if self.armed_victim.find(folded, sent.start, len(folded) if paragraph_end < 0 else paragraph_end):
                return "Battles/Armed clash"
        return label

    def _crowd_acts(self, folded: str, sent: Sentence, label: str, trig: Match, a1, a2) -> bool:
        """An unarmed crowd is the doer: the subject right before the trigger ("youths attacked",
        not "residents said a man was shot"), or one side of a clash whose other side is armed."""
        if label == "Battles/Armed clash":
            sides = {actor_key(a) for a in (a1, a2) if a is not None and getattr(a, "role", None) not in CIVILIAN_ROLES}
            return len(sides) == 1 and bool(self.crowd.find(folded, sent.start, sent.end))
        crowd = self.crowd.find(folded, sent.start, trig.start)
        if not crowd:
            return False
        subject = a1 is not None and a1.end <= trig.start and a1.start >= crowd[-1].end
        return not subject and (a1 is None or getattr(a1, "role", None) in CIVILIAN_ROLES or a1.start >= trig.end)

    def is_generic(self, folded: str, sent: Sentence) -> bool:
        """The sentence tells of a habit, not a happening ("shelling often hits the town")."""
        return bool(self.generic.find(folded, sent.start, sent.end))

    def happened(self, folded: str, label: str, trig: Match, sent_start: int, dates: list[DateMention]) -> bool:
        """The trigger tells of something that took place: not negated, and not hypothetical
        (announced measures, evacuations and agreements, are events even in the future tense)."""
        if self.negated(folded, trig, sent_start):
            return False
        return label.startswith("Strategic developments") or not self.irrealis_before(folded, trig, sent_start, dates)

    def irrealis_before(self, folded: str, trig: Match, sent_start: int, dates: list[DateMention]) -> bool:
        """A modal or intention word just before the trigger ("threatened to attack")."""
        window_start = max(sent_start, trig.start - IRREALIS_CHARS)
        for m in self.irrealis.find(folded, window_start, trig.start):
            if m.end <= trig.start and not any(d.start <= m.start < d.end for d in dates):
                if not re.search(r"[,;:.]", folded[m.end:trig.start]):
                    return True
        return False

    def negated(self, folded: str, trig: Match, sent_start: int) -> bool:
        """"No clashes were reported", "nu au existat lupte": a negation right before the trigger,
        with nothing but a word or two between them; or a denied report verb after it in the
        same clause ("clashes in the city were not reported")."""
        if negated_before(self.negation, folded, trig.start, sent_start):
            return True
        return any(not re.search(r"[,;:.!?()\n]", folded[trig.end:m.start])
                   for m in self.negation_after.find(folded, trig.end, trig.end + NEGATION_AFTER_CHARS))

    def _inside_name(self, text: str, m: Match) -> bool:
        """A trigger written with a capital inside a sentence is part of a name ("Arestovici")."""
        if self.pack.meta.get("capitalised_nouns") or not text[m.start].isupper():
            return False
        if text[m.start:m.end].isupper():
            return False  # an acronym ("IED", "ATGM", "БПЛА") is a word, not a name
        return not sentence_initial(text, m.start)


def _combined(by_label: dict[str, Match]) -> set[str]:
    """The labels after rules.yaml's combinations (`by_label` gets the combined labels' triggers)."""
    labels = set(by_label)
    for rule in RULES["combine"]:
        if set(rule["when"]) <= labels:
            first = min((by_label[w] for w in rule["when"]), key=lambda m: m.start)
            for w in rule["when"]:
                labels.discard(w)
                by_label.pop(w, None)
            labels.add(rule["then"])
            by_label[rule["then"]] = first
    return labels


def _one_per_type(labels: set[str], by_label: dict[str, Match]) -> dict[str, str]:
    """One event per event type, the most specific sub-type; of exclusive types, the one whose
    trigger comes first (the main verb)."""
    per_type: dict[str, str] = {}
    for label in labels:
        etype = type_of(label)
        order = RULES["specificity"].get(etype, [])
        current = per_type.get(etype)
        if current is None:
            per_type[etype] = label
        elif etype == "Strategic developments":
            if by_label[label].start < by_label[current].start:
                per_type[etype] = label  # no sub-type is more specific: the main verb comes first
        elif rank(order, sub_of(label)) < rank(order, sub_of(current)):
            per_type[etype] = label
    for group in RULES["exclusive_groups"]:
        present = sorted((t for t in group if t in per_type), key=lambda t: by_label[per_type[t]].start)
        for loser in present[1:]:
            per_type.pop(loser)
    return per_type


def _event_lexicon(pack: LanguagePack) -> Lexicon:
    entries = {k: v for k, v in (pack.section("events") or {}).items() if not k.startswith("_") and isinstance(v, list)}
    return lexicon_from(entries)


def recode_by_actors(label: str, a1, a2=None) -> str:
    """Violence started by an unarmed crowd is a riot in ACLED's terms, not a battle; so is a
    clash of the police with demonstrators."""
    role = getattr(a1, "role", None)
    if label == "Battles/Armed clash" and getattr(a2, "role", None) == "protesters":
        return "Riots/Violent demonstration"
    if label in ("Battles/Armed clash", "Violence against civilians/Attack"):
        if role in ("protesters",):
            return "Riots/Violent demonstration"
        if role == "rioters" or (role in ("civilians", "settlers", "farmers") and label == "Battles/Armed clash"):
            return "Riots/Mob violence"
    return label


# -- label parts ------------------------------------------------------------------------------

@lru_cache(maxsize=None)  # labels are few and asked about for every sentence
def sub_of(label: str) -> str:
    parts = label.split("/")
    # "Explosions/Remote violence/Air/drone strike": the event type itself may contain "/".
    for i in range(1, len(parts)):
        sub = "/".join(parts[i:])
        if sub in SUB_EVENT_TYPES and "/".join(parts[:i]) == SUB_EVENT_TYPES[sub]:
            return sub
    return parts[-1]


@lru_cache(maxsize=None)
def type_of(label: str) -> str:
    return SUB_EVENT_TYPES.get(sub_of(label), label.split("/")[0])


def rank(order: list[str], sub: str) -> int:
    """A sub-type's place in rules.yaml's specificity order (unlisted ones come last)."""
    return order.index(sub) if sub in order else len(order)
