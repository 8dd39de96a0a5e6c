"""Where a name the NER tagged begins and ends, and what kind of entity it is. The small
English model glues headline words, roles and titles to names ("Actress Amandla
Stenberg", "Ted Cruz Refuses To Disavow"), cuts a body's remit off ("House Select
Committee" + "on Benghazi") and takes towns for people; these functions mend its spans
before mentions.py adds them to the article's name index."""
from __future__ import annotations

from typing import Optional

from .names import COMMON_WORDS, KNOWN_ORGS, ORG_WORDS, TITLES
from .words import (BODY_WORDS, CENSUS_GENDER, FEMALE_NAMES, GIVEN_NAMES, MALE_NAMES, ORG_LABELS, PERSON_ROLES,
                    PERSON_LABELS, PERSON_TITLES, PLACE_NOUNS, STATES, UNISEX_NAMES, US_STATES, _person_noun)


_PERSONAL = {"he", "she", "they", "we", "you", "him", "her", "them", "me"}  # (not "I": "World War I"; not "US")


def _trim(ent, org: bool = False):
    """The entity without leading words that are not part of a name ("Weak - Rubio"), and
    within one line: "... in the mid-500s B.C.\n\nWallnau elaborated" is not one name.
    An organisation keeps a capitalised adjective or number ("American Crossroads", "One
    Nation")."""
    breaks = [t.i for t in ent if "\n" in t.text]
    if breaks:
        cuts = [ent.start] + [b + 1 for b in breaks]
        pieces = [ent.doc[a:b] for a, b in zip(cuts, breaks + [ent.end]) if b > a]
        if not pieces:
            return None
        ent = max(reversed(pieces), key=len)  # the longest; on a tie, the later one
    colon = next((t.i for t in ent if t.text == ":"), None)
    if colon is not None and colon > ent.start:
        ent = ent.doc[ent.start:colon]  # "De Blasio: Trust Bratton", a headline's label and its words
    pron = next((t.i for t in ent if t.lower_ in _PERSONAL), None)
    if pron is not None:
        # "Schlafly’s Final Column Explains Why She Sees" (ORG) in a headline: no name holds "she"
        if pron == ent.start:
            return None
        ent = ent.doc[ent.start:pron]
    if not org:
        # a person's name holds no possessive: "Schweizer’s Clinton Cash" is Schweizer's book
        poss = next((t.i for t in ent[1:-1] if t.tag_ == "POS" or t.text in ("'s", "’s")), None)
        if poss is not None:
            ent = ent.doc[ent.start:poss]
    i = ent.start
    while i < ent.end - 1 and (ent.doc[i].pos_ not in ("PROPN",) or not ent.doc[i].text[:1].isupper()) \
            and ent.doc[i].lower_ not in ("the",) \
            and not (not org and ent.doc[i].text.istitle() and ent.doc[i + 1].pos_ == "PROPN"
                     and not ent.doc[i].is_sent_start and ent.doc[i + 1].text not in KNOWN_ORGS  # (not "Will Twitter")
                     and (ent.doc[i].lower_ in GIVEN_NAMES or ent.doc[i].lower_ in CENSUS_GENDER)) \
            and not (org and ent.doc[i].pos_ in ("ADJ", "NUM") and ent.doc[i].is_alpha and ent.doc[i].text.istitle()) \
            and not (org and ent.doc[i].pos_ == "NOUN" and ent.doc[i].is_alpha and ent.doc[i].is_upper
                     and len(ent.doc[i]) > 1):  # "KING-TV"
        i += 1
    if i >= ent.end:
        return None
    return ent.doc[i:ent.end] if i > ent.start else ent


def _placename(ent) -> bool:
    """"Myrtle Beach", "Virginia Beach, Va.": a place word ends it, or a state follows it."""
    doc = ent.doc
    after = doc[ent.end + 1] if ent.end + 1 < len(doc) and doc[ent.end].text == "," else None
    return ent[-1].lower_ in PLACE_NOUNS or (after is not None and (
        after.text.rstrip(".") in STATES or after.text in STATES.values() or after.text in US_STATES))


def _with_remit(ent):
    """A body's name with the remit the NER cut off: "House Select Committee" + "on
    Benghazi", "Senate Committee" + "on Foreign Relations"."""
    doc, k = ent.doc, ent.end
    if ent[-1].lower_ not in BODY_WORDS or k + 1 >= len(doc) or doc[k].lower_ not in ("on", "of", "for"):
        return ent
    j = k + 1
    while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and doc[j].ent_type_ not in (
            "DATE", "TIME") or (
            j + 1 < len(doc) and doc[j].lower_ == "and" and j > k + 1 and doc[j + 1].text[:1].isupper()):
        j += 1
    return doc[ent.start:j] if j > k + 1 else ent


def _name_span(ent, t: str, title_case: bool):
    """(span, type) of a tagged name, cleaned of what the small NER model glues to it: the
    rest of a title-case headline, a body's cut-off remit, a capitalised word left off the
    front of an organisation, a role word before a person's name."""
    doc = ent.doc
    poss = next((k for k in range(ent.start + 1, ent.end - 2) if doc[k].tag_ == "POS"
                 or doc[k].text in ("'s", "’s") or (doc[k].text in ("’", "'") and doc[k - 1].text.endswith("s"))), None)
    if poss is not None and ent.end - poss - 1 <= 3 and doc[poss + 1].lower_ in GIVEN_NAMES \
            and all(x.text[:1].isupper() for x in doc[poss + 1:ent.end]):
        # "Fox News’ Bret Baier" tagged as one organisation: the person the outlet owns
        ent, t = doc[poss + 1:ent.end], "person"
    elif t == "organisation":
        given = next((k for k in range(ent.start + 1, ent.end - 1) if doc[k].lower_ in GIVEN_NAMES
                      and doc[k].lower_ not in COMMON_WORDS), None)
        if given is not None and ent.end - given <= 3 and all(x.is_alpha and x.text.istitle() for x in doc[given:ent.end]) \
                and (doc[given - 1].lower_ in ORG_WORDS or (doc[given - 1].is_upper and len(doc[given - 1]) > 1)):
            # "Fox News Sean Hannity", "CNN Jake Tapper" tagged as one organisation: the
            # outlet's person
            ent, t = doc[given:ent.end], "person"
    if t == "person" and len(ent) >= 2 and title_case:
        # a title-case headline or heading runs on past the name ("Ted Cruz Refuses
        # To Disavow", "America Ferrera Sent Donald"): the name ends at the first
        # common word
        k = 0
        while k < len(ent) and (ent[k].lower_ in GIVEN_NAMES or ent[k].lower_ not in COMMON_WORDS):
            k += 1
        k = max(k, 2)  # "Donald Trump Wins": a surname may be a common word too
        if len(ent) >= 3 and k < len(ent) and ent[k].lower_ not in ("jr", "jr.", "sr", "sr.", "iii", "ii"):
            ent = ent[:k]
    if len(ent) > 3:
        cut = _name_in_headline(ent)
        if t == "person" or (len(cut) < len(ent) and cut[0].lower_ in GIVEN_NAMES):
            ent, t = cut, "person"
    if t == "organisation":
        ent = _with_remit(ent)
        before = doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and not before.is_sent_start and before.text[:1].isupper() and (
                before.text in ("Our", "My") or (before.pos_ in ("ADJ", "PROPN") and before.is_alpha
                                                 and before.ent_type_ in ("", "ORG") and before.lower_ not in TITLES)):
            # "a new ad from Our Principles PAC", "Conservative Solutions PAC": a
            # capitalised word the NER left off the front of the name
            ent = doc[ent.start - 1:ent.end]
    inner_title = next((k for k in range(ent.start, ent.end - 1)
                        if doc[k].text.lower().rstrip(".") in PERSON_TITLES), None)
    if inner_title is not None and t == "organisation" and doc[inner_title].lower_ == "general" and (
            inner_title == ent.start or doc[ent.start:inner_title].text.lower() == "the"):
        inner_title = None  # "General Electric", "the General Services Administration": no general
    if inner_title is not None and doc[inner_title + 1].pos_ == "PROPN" and not any(
            x.lower_ in ORG_WORDS or x.lower_ in BODY_WORDS for x in doc[inner_title + 1:ent.end]):
        # ("the Justice Department" is no Justice named Department)
        # "GOP Rep McCaul" (tagged ORG): a person, named after the title
        ent, t = doc[inner_title + 1:ent.end], "person"
    role = next((k for k in range(ent.end - 3, ent.start - 1, -1)
                 if (doc[k].lower_ in COMMON_WORDS or (k == ent.start and doc[k].lower_ in PERSON_ROLES
                                                       and doc[k + 1].lower_ in GIVEN_NAMES))
                 and doc[k].lower_ not in GIVEN_NAMES and doc[k + 1].text[:1].isupper()
                 and doc[k].pos_ in ("NOUN", "PROPN") and _person_noun(doc[k].lower_)
                 and (t == "person" or all(x.lower_ in GIVEN_NAMES or x.lower_ not in COMMON_WORDS
                                           for x in doc[k + 1:ent.end]))), None)
    if role is not None:
        # "Actress Amandla Stenberg" (tagged ORG as often as not), "Maricopa County
        # Recorder Helen Purcell", "DJ Beverly Bond": the role is no part of the name
        ent, t = doc[role + 1:ent.end], "person"
    if t == "person":
        cut = next((k for k in range(ent.start + 1, ent.end) if doc[k].lower_ in ("of", ",", "and")
                    or (doc[k].text in ("-", "–", "—") and doc[k - 1].whitespace_)), None)
        if cut is not None:  # "Meenakshi Ganguly of Human Rights Watch", "Deborah Jordan Reynolds - Santilli's"
            ent = doc[ent.start:cut]
    return ent, t


def _name_gender(words: list[str]) -> Optional[str]:
    first = words[0] if words else ""
    if (first in FEMALE_NAMES) != (first in MALE_NAMES):
        return "f" if first in FEMALE_NAMES else "m"
    if first in FEMALE_NAMES or first in UNISEX_NAMES or len(words) < 2:
        return None  # PolNeAR shows both; or a lone word, likelier a surname ("Clinton")
    return CENSUS_GENDER.get(first)


def _name_in_headline(ent):
    """A title-case headline fools the NER into one long "name" ("Flint Water Response
    Perfectly Captures The Difference Between Bernie Sanders"): keep the trailing words
    that are not common ones, when the rest holds two common words or more."""
    words = list(ent)
    if sum(t.lower_ in COMMON_WORDS for t in words) < 2:
        return ent
    k = len(words)
    while k > 0 and words[k - 1].lower_ not in COMMON_WORDS and words[k - 1].text[:1].isupper():
        k -= 1
    return ent.doc[ent.start + k:ent.end] if 1 <= len(words) - k <= 3 and k > 0 else ent


def _etype(label: str) -> Optional[str]:
    return "person" if label in PERSON_LABELS else "organisation" if label in ORG_LABELS else None
