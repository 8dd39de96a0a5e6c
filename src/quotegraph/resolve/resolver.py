"""Resolve each attribution's source to a canonical speaker, in article order.

What a source span is decides how it resolves:
- a name (an entity, or capitalised words the NER missed): its name cluster;
- a pronoun: the most salient fitting entity named before it, as the learned ranker of
  salience.py scores them (the last speaker quoted, gender, recency, subjecthood, ...);
- a description ("the chancellor", "the paper"): an entity it was put beside earlier
  (apposition: "Angela Merkel, the chancellor"; predicate: "Merkel is the chancellor"),
  else the most recent entity of the kind it names (a newspaper for "the paper"), else
  the article's most mentioned person;
- an anonymous or generic source ("a source", "officials"): no speaker, anonymous;
- several named people ("Trump and Clinton"): each named, no single speaker;
- no source at all: the previous attribution's speaker (a quote with no cue continues).
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any, Optional

from ..model import Attribution, Speaker
from . import salience
from .names import COMMON_WORDS, KNOWN_ORGS, ORG_WORDS, SUFFIXES, TITLES, Entity, NameIndex, display_name
from .spans import _etype, _name_gender, _name_span, _placename, _trim
from .words import (ANON, ANON_MARKERS, CAPITALS, CENSUS_GENDER, CONTEST_ROLES, COUNTRIES, COURT_WORKS, DEMONYMS,
                    DEMONYM_ADJECTIVES, DOCUMENTS, FAMOUS, FAMOUS_ROLES, FEMALE, GENERIC_PLACES, GIVEN_NAMES,
                    GIVING_VERBS, KIN, MADE_WORKS, MAKING_VERBS, MALE, MAX_GAP_WORDS, NATIONS, NEWSROOM,
                    NOT_NAMES, ORG_DESC, ORG_ENDINGS, OUTLET_NOUNS, PARTIES, PARTY_WORDS, PERSON_ORGS,
                    PERSON_ORG_NAMES, PERSON_ROLES,
                    PERSON_TITLES, PLACE_BODIES, POLL_OUTPUT, POLL_WORDS, PRONOUNS, PUBLIC_BODY_WORDS, ROLE_KINDS,
                    SPEECH_NOUNS, SPOKES_ROLES, STATES, TITLE_WORDS, UNMARKED_ORG_DESC, US_STATES,
                    WORK_NOUNS, _LINK_STOP, _person_noun, _singular)

# "(I-Vt.)", "(R-Texas)", "(D-NY)": party and state after a legislator's name
_PARTY_STATE = re.compile(r"\s*\(([DRI])-([A-Z][A-Za-z.]*?)\.?\)")
_TRANSCRIPT_LABEL = re.compile(r"^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):", re.M)
# interview transcripts: "A: Because they needed help" answers "QWhy ..." / "Q: Why ..."
_ANSWER = re.compile(r"^A[:.] ", re.M)
_QUESTION = re.compile(r"Q(?=[:.]? ?[A-Z])")
_BULLETED = re.compile(r"^[-–—•][A-Z][a-z]+$")  # "-Nate", a list item's dash on a given name
_CAMEL = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")  # "RealClearPolitics", "BuzzFeed", "YouGov"
_WEB_NAME = re.compile(r"(?<![\w./@-])[A-Z][A-Za-z0-9-]+\.(?:com|org|net)(?![\w/-])")
_NICKNAMED = re.compile(r"\b([A-Z][a-z]+) [“\"‘']([A-Z][\w.-]*)[”\"’'] ([A-Z][\w’'-]+)")
_REGNAL = re.compile(r"\b(Pope|King|Queen) ([A-Z][a-z]+)\b")  # "Pope Francis": the title is part of the name
_WORDS = re.compile(r"\w+")
_LABEL = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}): ")  # "Bill Clinton: ..." at a line's start
_NO_LAST = object()  # _linked called without a last speaker: no salience tie-break


# the fallback when models/pronoun_ranker.json is missing (salience.py): how a he/she/it
# source picks its antecedent among the people (or organisations) that agree with it: being the speaker just quoted, a known gender, a recent subject, how
# often it was named so far, how long ago it was named last, and whether that was in this
# paragraph or the one before. Fitted by a coarse grid search on our tune sets
# (training/fit_pronoun_weights.py). Being named in the headline, being the last subject
# and being the most named person were tried too and gained nothing there.
PRONOUN_WEIGHTS = {"last": 4.0, "gender": 2.0, "subject": 1.0, "freq": 1.0, "dist": 0.0, "para": 1.0}


# what a reading of a source gives: (entity, speaker_type, all named entities)
Reading = tuple[Optional[Entity], str, list[Entity]]


@dataclass
class _Source:
    """A source span being resolved, as the readings in Resolver.resolve see it."""
    span: Any                 # the spaCy Span
    start: int
    end: int
    last: Optional[Entity]    # the previous attribution's speaker
    ents: list[Entity]        # entities with a token in the span, in order
    head: Any                 # the word the span is about (Resolver._source_head)
    words: list[str]          # the span's words, lower-cased
    hw: str                   # the head word, lower-cased


def _ascii_fold(word: str) -> str:
    """ "Tomás" -> "Tomas": the given-name lists are unaccented."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii")


_DEFINED_SHORT = re.compile(r"(?:,\s+or\s+(?:the\s+)?|\s+\()([A-Z][A-Za-z]{1,5})(?=[,)])")


class Resolver:
    use_ranker = True  # rank pronoun candidates with the learned ranker when it is shipped

    def __init__(self, doc):
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token on each access: read it once
        self.index = NameIndex()
        self.descriptions: list[tuple[str, Entity, int]] = []  # (head noun, entity, position)
        self.head_plural = False
        self.head_is_subject = False  # is the description its clause's subject ("The Democrat told ...")
        self.gender_votes: dict[int, Counter] = {}  # id(entity) -> titles seen: m / f
        self.former_roles: set[tuple[str, int]] = set()  # (role word, id(entity)) held formerly
        self.content: list[tuple[int, int]] = []  # content of the attribution being resolved
        self.all_content: list[tuple[int, int]] = []  # every attribution's content (pronoun salience)
        self.ent_at: dict[int, Entity] = {}  # token index -> entity
        self.last_end = 0  # where the previous attribution ends (for pronoun salience)
        self.times_quoted: dict[int, int] = {}  # id(entity) -> attributions resolved to it so far
        self.on_pronoun = None  # training hook: called with (pos, candidates, feature rows)
        self.first_person: Optional[Entity] = None  # who an unquoted "I" was last resolved to
        self._bio: Any = ...  # the writer a closing bio line names (_closing_bio), looked up once
        self._campaigns: dict[tuple[int, str], Optional[str]] = {}  # _named_campaign's answers
        self.article_name: dict[int, str] = {}  # id(entity) -> the name the article gives, when FAMOUS filled it out
        self._body_names: Optional[dict[str, str]] = None  # names the NER found outside headlines -> label
        from ..attribute.quotes import find_quotes
        self.quote_spans = sorted((f[0], f[1]) for q in find_quotes(self.text) if not q.level for f in q.frags)
        self.quote_starts = [s for s, _ in self.quote_spans]
        self._nicknamed(doc)
        self._transcript_labels(doc)
        labels = Counter((x.text, x.label_) for x in doc.ents)
        person_surnames = {x[-1].text for x in doc.ents if x.label_ == "PERSON" and len(x) >= 2
                           and all(w.is_alpha and w.text.istitle() for w in x)}
        for ent in doc.ents:
            t, label = _etype(ent.label_), ent.label_  # (a re-cut span has no label)
            if ent.label_ == "PERSON" and len(ent) == 1 and ent.text not in person_surnames \
                    and labels[ent.text, "GPE"] >= max(3, 2 * labels[ent.text, "PERSON"] + 1):
                continue  # "Clarkston became his home": a town the NER mostly calls one
            of = next((k for k in range(ent.start + 2, ent.end - 1) if doc[k].lower_ == "of"), None)
            if of is not None and of - ent.start <= 3 and all(
                    x.pos_ == "PROPN" and x.lower_ not in ORG_WORDS for x in doc[ent.start:of]):
                # "Meenakshi Ganguly of Human Rights Watch" (but "Bank of America")
                ent, t = doc[ent.start:of], "person"
            if ent.label_ == "PERSON":
                end = ent.end
                while end < len(doc) and not doc[end - 1].whitespace_ and (
                        doc[end].is_alpha or (doc[end].text in "©®ª™" and not doc[end].whitespace_)):
                    end += 1  # "Marc TrÃ©vidic": a double-encoded letter the tokenizer broke the name at
                ent = doc[ent.start:end]
                # "Aung San Suu Kyi" where the NER took only "Kyi": capitalised name parts
                # hanging on the name belong to it (not titles, roles, parties or places)
                k = ent.start
                while k > 0 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].dep_ == "compound" \
                        and doc[k - 1].lower_ not in COMMON_WORDS \
                        and ent.start <= doc[k - 1].head.i < ent.end and doc[k - 1].text[:1].isupper() \
                        and doc[k - 1].text.isalpha() and doc[k - 1].lower_ not in TITLES \
                        and doc[k - 1].ent_type_ not in ("NORP", "GPE", "ORG", "LOC") \
                        and not (ent.end - k >= 2 and _person_noun(doc[k - 1].lower_)
                                 and doc[k - 1].lower_ not in GIVEN_NAMES):  # "Recorder Helen Purcell"
                    k -= 1
                ent = doc[k:ent.end]
            titled = ent.start > 0 and doc[ent.start - 1].text.lower().rstrip(".") in PERSON_TITLES
            given = 2 <= len(ent) <= 3 and all(x.text[:1].isupper() for x in ent) and (
                ent[0].lower_ in GIVEN_NAMES or (ent[0].lower_, ent[-1].lower_) in FAMOUS_ROLES or (
                    # "Naghmeh Abedini" (ORG) beside "Saeed Abedini": a family name
                    len(ent) == 2 and ent.label_ == "ORG" and ent[-1].text in person_surnames and ent[0].is_alpha
                    and ent[-1].lower_ not in COMMON_WORDS and ent[0].lower_ not in COMMON_WORDS
                    and ent[0].lower_ not in ORG_WORDS and not labels[ent.text, "PERSON"]) or (ent[0].lower_ in CENSUS_GENDER and ent[0].lower_ not in COMMON_WORDS
                                                 and ent.label_ == "GPE" and ent[-1].pos_ == "PROPN"
                                                 and all(x.text.istitle() for x in ent) and not _placename(ent)))
            # "Maryam Violet, an Iranian journalist": a role in apposition marks a person
            # (an indefinite one: "Doral, the candidate boasted" is a misparse)
            # "Schilling's son, Grant,": a given name in apposition to kin is a person
            kin = len(ent) == 1 and ent.root.dep_ == "appos" and ent.root.head.lower_ in KIN \
                and ent[0].lower_ in GIVEN_NAMES
            described = kin or len(ent) >= 2 and any(c.dep_ == "appos" and c.lower_ in PERSON_ROLES
                            and any(d.lower_ in ("a", "an") for d in c.children) for c in ent.root.children)
            if (titled or given or described) and ent.label_ in ("ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"):
                t = "person"
            elif t is None and ent.label_ in ("PRODUCT", "WORK_OF_ART", "FAC") and ent.end < len(doc) \
                    and doc[ent.end].lower_ in OUTLET_NOUNS:
                t = "organisation"  # "Family Circle magazine" (PRODUCT): an outlet, "the magazine"
            elif t == "person" and (ent[0].lower_ == "the" or ent.text in KNOWN_ORGS):
                # "The Harbour Gazette": people are not named with "the"; "Twitter", which
                # the small NER model takes for a person in most articles that name it
                t = "organisation"
            elif ent.label_ == "GPE" and ent.text.removeprefix("the ") in COUNTRIES:
                t = "organisation"  # "Saudi Arabia", a government that speaks ("it said")
            elif t is None or ent.label_ in ("GPE", "NORP"):
                continue
            if t == "person" and len(ent) >= 2 and ent[-1].lower_ in ORG_ENDINGS:
                t = "organisation"  # "Swiss People’s Party" (PERSON): a name that ends so is a body's
            elif t == "person" and label == "PERSON" and ent[-1].text not in person_surnames \
                    and ent[-1].lower_ not in GIVEN_NAMES and ent[-1].text not in FAMOUS \
                    and (ent[-1].text.isupper() and len(ent[-1]) > 1 or labels[ent[-1].text, "ORG"] > 2 * labels[ent[-1].text, "PERSON"]) \
                    and (len(ent) == 1 or (len(ent) == 3 and ent[0].lower_ in ("anti", "pro") and ent[1].text == "-")):
                # "LGBT", "anti-LGBT" (tagged ORG elsewhere): an initialism, or one word the
                # NER mostly calls a body, no one's surname, names no person
                t = "organisation"
            ent = _trim(ent, org=t == "organisation")
            if ent is None or (t == "person" and ent.text.islower() and ent.text.replace(" ", "").isalpha()):
                continue  # (the NER's "jabbed" PERSON: a name has a capital)
            if t is not None and ent.start > 0 and "Ã" in doc[ent.start - 1].text and doc[ent.start - 1].text[:1].isupper() \
                    and _ascii_fold(display_name(doc[ent.start - 1].text)).lower() in GIVEN_NAMES:
                ent, t = doc[ent.start - 1:ent.end], "person"  # "TomÃ¡s Regalado": a double-encoded given name
            title_case = self._title_case_line(ent.start_char)
            if title_case:
                ent, t = self._headline_cut(ent, t)
            elif t == "organisation" and len(ent) >= 3 and ent[0].is_sent_start and ent[0].pos_ in ("ADJ", "PROPN") \
                    and ent[0].lower_ in COMMON_WORDS and any(x.text == ent[1:].text for x in doc.ents):
                ent = ent[1:]  # "Internal Trump University records ...": the sentence's capital, no part of the name
            ent, t = _name_span(ent, t, title_case)
            if all(x.lower_ in ("super", "pac", "pacs", "the", "a") for x in ent) or (
                    len(ent) == 1 and t == "organisation" and ent[0].lower_ in ("party", "committee", "campaign")):
                # ("the Party’s platform": a capitalised word for a kind of body, not its name)
                continue  # "a super PAC": a kind of group, not its name
            if all(x.lower_ in GENERIC_PLACES and x.is_lower for x in ent):
                continue  # "secretary of state’s" tagged ORG: "state" names no body
            if t == "person" and len(ent) == 2 and ent[0].lower_ in COMMON_WORDS and ent[0].lower_ not in GIVEN_NAMES \
                    and any(p.type == "person" and len(p.words) >= 2 and p.words[-1] == ent[1].lower_
                            for p in self.index.entities):
                ent = ent[1:]  # "Dean Amar said", "Stated Stone:" after Vikram Amar, Roger Stone
            prev_w = doc[ent.start - 1].text.lower().rstrip(".") if ent.start else ""
            hint = "m" if prev_w in MALE else "f" if prev_w in FEMALE else None  # "Mr.", "Mrs." 
            name, lo = ent.text, ent.start_char
            if t == "person" and ent.start and _BULLETED.match(doc[ent.start - 1].text) and doc[ent.start - 1].whitespace_:
                # "-Nate Cohn explains": a list's dash glued to the given name, which the NER left out
                lo = doc[ent.start - 1].idx + 1
                name = self.text[lo:ent.end_char]
            e = self.index.add(name, t, (lo, ent.end_char), rename=not self.in_quote(ent.start_char),
                               gender=hint if t == "person" else None, gender_of=_name_gender)
            if e is None:
                continue
            for tok in (doc[ent.start - 1:ent.end] if lo < ent.start_char else ent):
                self.ent_at[tok.i] = e
            short = _DEFINED_SHORT.match(self.text, ent.end_char) if t == "organisation" and len(ent) >= 2 else None
            if short and short.group(1) not in ent.text:
                self.index.aliases[short.group(1).lower()] = e  # "the Swiss People’s Party, or SVP," / "(SVP)"
            if t == "person" and hint:
                self.gender_votes.setdefault(id(e), Counter())[hint] += 1
            if t == "person" and e.gender is None and ent.root.dep_ == "appos" and ent.root.head.lower_ in KIN:
                e.gender = KIN[ent.root.head.lower_]  # "Her husband, Saeed Abedini,": told apart from "Mrs. Abedini"
            self._link_descriptions(ent, e)
        self._unlabelled_names(doc)
        self._web_names(doc)
        self._missed_org_mentions(doc)
        self._genders_from_names()
        self.polls = self._named_polls(doc)
        self._famous_full_names()
        self._regnal_names()
        self._famous_roles()
        self.interviewee = self._interviewee()

    def _link_descriptions(self, ent, e: Entity):
        """'Angela Merkel, the chancellor,' / 'the chancellor, Angela Merkel' /
        'Chancellor Angela Merkel' / 'Merkel is the chancellor' -> chancellor = Merkel."""
        root = ent.root
        for tok in list(root.children) + [root.head]:
            if tok.i in self.ent_at and self.ent_at[tok.i] is not e:
                continue
            if tok.dep_ == "appos" or root.dep_ == "appos" and tok is root.head:
                if tok.pos_ == "NOUN":
                    self.descriptions.append((_singular(tok), e, ent.start_char))
                    mods = [m.text.lower() for m in tok.children
                            if m.dep_ in ("amod", "compound") and m.pos_ in ("NOUN", "ADJ", "PROPN")]
                    for w in mods:
                        self.descriptions.append((w, e, ent.start_char))
                    if {"former", "ex"} & set(mods):
                        # "Lawrence H. Summers, a former Treasury secretary" is no "the Treasury secretary"
                        for w in [_singular(tok)] + mods:
                            self.former_roles.add((w, id(e)))
        if root.dep_ in ("nsubj", "nsubjpass"):
            # "Khan was elected as mayor of London": the role the subject takes "as"
            for p in root.head.children:
                if p.dep_ == "prep" and p.lower_ == "as":
                    for tok in p.children:
                        if tok.dep_ == "pobj" and tok.pos_ == "NOUN" and tok.i not in self.ent_at \
                                and _person_noun(_singular(tok)):
                            self.descriptions.append((_singular(tok), e, ent.start_char))
        if root.dep_ == "nsubj":
            # "Trump would become the Republican presidential candidate", "Ailes is the
            # chairman": the predicate noun is a child of the verb, not of the name
            for tok in root.head.children:
                if tok.dep_ == "attr" and tok.pos_ == "NOUN" and tok.i not in self.ent_at:
                    self.descriptions.append((_singular(tok), e, ent.start_char))
                    for mod in tok.children:
                        if mod.dep_ in ("amod", "compound") and mod.pos_ in ("NOUN", "ADJ", "PROPN") \
                                and mod.i not in self.ent_at:
                            self.descriptions.append((mod.text.lower(), e, ent.start_char))
        # its maker owns a document: "an affidavit written by Marc Bujnowski", "a message
        # from Wendy Sherman" -> "the affidavit", "the message"
        prep = root.head
        if root.dep_ == "pobj" and prep.dep_ == "agent" and prep.head.lower_ in MAKING_VERBS \
                and prep.head.dep_ != "acl":
            # "The email ... was sent at 7:19 p.m. by Jeremy Bash": the passive's subject
            for subj in prep.head.children:
                if subj.dep_ == "nsubjpass" and subj.pos_ == "NOUN" and _singular(subj) in DOCUMENTS:
                    self.descriptions.append((subj.lower_, e, ent.start_char))
                    self.descriptions.append((_singular(subj), e, ent.start_char))
        if root.dep_ == "pobj" and prep.lower_ in ("by", "from"):
            made = prep.head.pos_ == "VERB" and prep.head.dep_ == "acl" and prep.lower_ == "by"
            doc_noun = prep.head.head if made else prep.head
            w = _singular(doc_noun)
            # ("records compiled by" a watchdog are not the watchdog's own)
            if doc_noun.pos_ == "NOUN" and w in DOCUMENTS and (not made or prep.head.lower_ in MAKING_VERBS):
                self.descriptions.append((doc_noun.lower_, e, ent.start_char))
                self.descriptions.append((w, e, ent.start_char))
        if e.type == "organisation" and root.dep_ == "pobj" and prep.lower_ in ("of", "at", "for") \
                and _singular(prep.head) in NEWSROOM:
            # "the editors of The Advocate": an outlet, whatever its name says
            for w in ("newspaper", "paper", "editorial", "outlet", "publication"):
                self.descriptions.append((w, e, ent.start_char))
        if e.type == "person":
            # "Sen. Bernie Sanders (I-Vt.)": his party and his state describe him ("the
            # independent Vermont senator")
            m = _PARTY_STATE.match(self.text, ent.end_char)
            if m and m.group(2) in STATES:
                for w in [PARTIES[m.group(1)]] + STATES[m.group(2)].lower().split():
                    self.descriptions.append((w, e, ent.start_char))
        # titles inside or before the entity: "Chancellor Angela Merkel", "Sen. Warren"
        lead = ent.start  # the run of titles just before the name ("Republican Sen."), not any title nearby
        while lead > 0 and ent.start - lead < 3 and self.doc[lead - 1].text.lower().rstrip(".") in TITLES:
            lead -= 1
        for tok in self.doc[lead:ent.end]:
            if e.type != "person":
                break
            w = tok.text.lower().rstrip(".")
            if w == "president" and tok.i > 0 and self.doc[tok.i - 1].lower_ == "vice":
                continue  # "Vice President Joe Biden" is no president
            if w in TITLES and w not in ("the", "former", "then", "mr", "mrs", "ms", "dr"):
                self.descriptions.append((TITLE_WORDS.get(w, w), e, ent.start_char))
        # a name that modifies a noun owns it: "the Morning Consult poll" -> "the poll",
        # "Powell's office" -> "the office"
        if root.dep_ in ("compound", "poss", "nmod") and root.head.pos_ == "NOUN" \
                and root.head.lower_ not in CONTEST_ROLES \
                and (root.head.lower_ in SPOKES_ROLES or not _person_noun(root.head.lower_)) \
                and not (root.dep_ == "compound" and e.name in COUNTRIES):
            # ("the GOP candidate" is not the GOP, "the Iran sanctions bill" not Iran's)
            self.descriptions.append((root.head.lower_, e, ent.start_char))
        # role words in front of the name: "billionaire Paul Singer", "Florida Sen. Marco
        # Rubio", "Republican nominee Donald Trump", "the former secretary of state Hillary"
        # (in the headline, whose words the parser reads worst, a clause's subject is no
        # modifier: "London's Muslim mayor rebuffs Trump" makes no mayor of Trump)
        i = ent.start - 1
        roles = []
        headline = ent.start_char < self.text.find("\n")
        while i >= 0 and i >= ent.start - 6 and not (headline and self.doc[i].dep_ in ("nsubj", "dobj")) \
                and self.doc[i].pos_ in ("NOUN", "ADJ", "PROPN", "DET", "ADP", "PUNCT") \
                and self.doc[i].text not in (",", ".", ";", ":", "(") and i not in self.ent_at \
                and (self.doc[i].pos_ != "ADP" or self.doc[i].lower_ in ("of", "from", "by")):  # not "an editorial at Clinton"
            # "Hispanics!”Former" is one token when the source lacks a space
            w = re.split(r"[\"“”'’!?]", self.doc[i].text)[-1].lower().rstrip(".")
            if self.doc[i].pos_ in ("NOUN", "ADJ") or w in TITLES or (
                    self.doc[i].pos_ == "PROPN" and self.doc[i + 1].text.lower().rstrip(".") in TITLES):
                # ("Treasury Secretary Jacob J. Lew": the department before a title too)
                roles.append(TITLE_WORDS.get(w, w))
            i -= 1
        if "vice" in roles and "president" in roles:
            roles.remove("president")  # "Vice President Joe Biden"
        for w in roles:
            self.descriptions.append((w, e, ent.start_char))
            if "former" in roles or "ex" in roles:
                # "former President Bill Clinton" is not "the president"
                self.former_roles.add((w, id(e)))

    def _famous_full_names(self):
        """A person the article calls only "Obama" is Barack Obama
        (famous_names.json, built by training/build_famous_names.py)."""
        for e in self.index.entities:
            if e.type != "person" or len(e.words) != 1 or e.name not in FAMOUS:
                continue
            if e.gender and _name_gender(FAMOUS[e.name].lower().split()) not in (None, e.gender):
                continue  # "Mr. Clinton" is not Hillary Clinton
            self.article_name[id(e)] = e.name
            e.name = FAMOUS[e.name]
            e.gender = e.gender or _name_gender(e.words)

    def _interviewee(self) -> Optional[Entity]:
        """In a question-and-answer interview (paragraphs opening "Q" and "A:"), the person
        who answers: the one the headline names, else the one named most."""
        answers = _ANSWER.findall(self.text)
        if len(answers) < 2:
            return None
        people = [e for e in self.index.entities if e.type == "person"]
        head_end = self.text.find("\n")
        named = [e for e in people if any(s < head_end for s, _ in e.mentions)]
        if named:
            return named[0]
        return max(people, key=lambda e: len(e.mentions), default=None)

    def _in_paragraph(self, pos: int, pattern) -> bool:
        """Does the paragraph holding pos open with the pattern?"""
        return bool(pattern.match(self.text, self.text.rfind("\n", 0, pos) + 1))

    def _famous_roles(self):
        """What the news calls a well-known person it has named: "the billionaire" and
        "the real estate mogul" are Donald Trump, "the Vermont senator" Bernie Sanders
        (famous_roles.json). Each of the person's mentions carries the words, so
        recency among people who fit works as for the article's own descriptions."""
        for e in self.index.entities:
            parts = [w for w in e.name.lower().replace("’", "'").split() if w.rstrip(".") not in SUFFIXES]
            if e.type != "person" or len(parts) < 2:
                continue
            roles = FAMOUS_ROLES.get((parts[0], parts[-1]))
            if roles is None:
                continue
            for s, _ in e.mentions:
                for w in roles.get("now", []) + roles.get("former", []):
                    # a party is a trait, never the head ("the Democratic front-runner" is
                    # Clinton; "a California Democrat" need not be anyone famous)
                    self.descriptions.append(("+" + w if w in PARTY_WORDS else w, e, s))
            for w in roles.get("former", []):
                self.former_roles.add((w, id(e)))

    def _regnal_names(self):
        """A pope or monarch known by one name keeps the title that makes it a name:
        "Pope Francis", not "Francis"."""
        for e in self.index.entities:
            if e.type != "person" or len(e.words) != 1 or " " in e.name:
                continue
            for s, _ in e.mentions:
                m = _REGNAL.search(self.text, max(0, s - 8), s + 8)
                if m and s in (m.start(1), m.start(2)):  # the mention is "Pope Francis" or its "Francis"
                    e.name = f"{m.group(1)} {m.group(2)}"
                    break

    def _named_polls(self, doc) -> list[tuple[int, int, "Entity"]]:
        """(start, end, owner) of each poll named by its maker: "the Reuters/Ipsos poll",
        "a new Washington Post-ABC News national poll" -> Reuters/Ipsos, Washington
        Post-ABC News. A poll speaks for whoever ran it."""
        out = []
        for tok in doc:
            if tok.lower_ not in POLL_WORDS or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            i, first, last_cap = tok.i - 1, None, None
            while i >= 0 and i >= tok.i - 12:
                t = doc[i]
                if t.ent_type_ in ("DATE", "TIME"):
                    break  # "an early-October CBS News poll"
                # capitalised name words, whatever the tagger calls them ("Post-SurveyMonkey"
                # comes out as adjectives)
                if t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ", "NOUN", "NUM") and t.is_alpha:
                    first = i
                    last_cap = last_cap if last_cap is not None else i
                elif t.text in ("-", "/", "&", "–") and last_cap is not None:
                    pass
                elif t.lower_ in ("the", "of", "and") and first == i + 1 and i > 0 and doc[i - 1].text[:1].isupper() \
                        and doc[i - 1].pos_ != "DET":
                    pass  # "USA TODAY/Rock the Vote"
                elif t.pos_ == "DET" and t.text[:1].isupper() and first == i + 1:
                    break  # "The Reuters/Ipsos poll": the article, not a name word
                elif t.pos_ == "ADJ" and t.text.islower() and last_cap is None:
                    pass  # "national", "new"
                else:
                    break
                i -= 1
            if first is None:
                maker = self._poll_maker(tok)
                if maker is not None:
                    out.append((tok.idx, tok.idx + len(tok), maker))
                continue
            while last_cap is not None and last_cap > first and doc[last_cap].ent_type_ in ("GPE", "LOC") \
                    and doc[first].ent_type_ not in ("GPE", "LOC"):
                last_cap -= 1  # "the Marist South Carolina poll": Marist's, of South Carolina
            if tok.text[:1].isupper() and not tok.is_sent_start:
                last_cap = tok.i  # "the USA TODAY/Rock the Vote Millennial Poll": its name
            s, e = doc[first].idx, doc[last_cap].idx + len(doc[last_cap])
            ent = self.index.add(self.text[s:e], "organisation", (s, e))
            if ent is not None:
                start = doc[first].idx
                out.append((start, tok.idx + len(tok), ent))
        return out

    def _poll_maker(self, tok) -> Optional[Entity]:
        """The organisation an unnamed poll is credited to in its own sentence: "a poll
        of 400 voters released on Friday by Latino Decisions", "In an online poll of 800
        voters, Democracy Corp found that"."""
        def org_at(t):
            e = self.ent_at.get(t.i)
            return e if e is not None and e.type == "organisation" else None
        for t in tok.subtree:
            if t.lower_ == "by" and t.dep_ in ("agent", "prep") and t.head.pos_ == "VERB":
                found = next((org_at(c) for c in t.children if c.dep_ == "pobj" and org_at(c)), None)
                if found is not None:
                    return found
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ in ("in", "according") and head.head.pos_ == "VERB":
            found = next((org_at(c) for c in head.head.children if c.dep_ == "nsubj" and org_at(c)), None)
            if found is not None:
                return found
        return None

    def _poll_owner(self, head, span) -> Optional[Entity]:
        """The organisation a poll's words name as its owner: "Gallup's own tracking poll",
        "the RealClearPolitics average", "A poll from Marquette Law School"."""
        owners = [c for c in head.children if c.dep_ in ("poss", "compound", "nsubj") and c.i < head.i] + [
            o for p in head.children if p.dep_ == "prep" and p.lower_ in ("from", "by")
            for o in p.children if o.dep_ == "pobj" and o.i < span.end]
        for c in owners:
            e = self.ent_at.get(c.i)
            if e is not None and e.type == "organisation":
                return e
            if e is None and (_CAMEL.match(c.text) or (c.text.isupper() and len(c.text.strip(".")) > 2)):
                # a run-together or all-caps name the NER left untagged ("RealClearPolitics")
                return self.index.find(c.text, before=span.end_char) or self.index.add(
                    c.text, "organisation", (c.idx, c.idx + len(c)))
        return None

    def _poll(self, start: int, end: int) -> Optional[Entity]:
        """The maker of the poll a source names ("The Reuters/Ipsos poll"), or of the one
        poll named nearest before it ("the poll", "this poll"), else of the only poll the
        article names after it ("according to a new poll ... The Marist poll")."""
        for s, e, ent in self.polls:
            if s < end and start < e:
                return ent
        before = [p for p in self.polls if p[0] < start]
        if before:
            return before[-1][2]
        # "The new poll of voters in all 50 states ... The Post-SurveyMonkey poll": the first named after
        return self.polls[0][2] if self.polls else None

    def _genders_from_names(self):
        """Gender for pronoun agreement: a common given name decides; else the titles
        in front of the mentions, by majority ("Mr. Clinton" once in a story about
        Hillary Clinton does not make her a man)."""
        for e in self.index.entities:
            if e.type != "person" or not e.words:
                continue
            if _name_gender(e.words):
                e.gender = _name_gender(e.words)
                continue
            votes = self.gender_votes.get(id(e))
            if votes:
                (g, n), *rest = votes.most_common()
                e.gender = g if not rest or rest[0][1] < n else None

    def _transcript_labels(self, doc):
        """ "JAKE TAPPER: Donald Trump released a video ..." / "FALLIN: Well, I think ...":
        a transcript's speaker labels are people, named in capitals (the NER misses most
        of them); "TAPPER" joins "Jake Tapper", "FALLIN" joins Mary Fallin."""
        labels = list(_TRANSCRIPT_LABEL.finditer(self.text))
        full = {m.group(1).split()[-1] for m in labels if len(m.group(1).split()) > 1}
        for m in labels:
            label = m.group(1)
            words = label.split()
            # a full label opens with a given name ("JAKE TAPPER"); a bare one ("FALLIN")
            # is a surname the article gives elsewhere ("Gov. Mary Fallin"), not a
            # heading word ("BYLINE:", "CLARIFICATION:")
            if len(words) > 1:
                if words[0].lower() not in GIVEN_NAMES:
                    continue
            elif len(label) < 4 or label.lower() in COMMON_WORDS or (
                    label not in full and not re.search(rf"\b{re.escape(label.title())}\b", self.text)):
                continue
            self._add_found(label.title(), "person", m.start(1), m.end(1))

    def _nicknamed(self, doc):
        """John “Tig” Tiegen: a nickname in quotes splits the name for the NER, which then
        finds "John" and "Tiegen" apart. The name is John Tiegen; "Tiegen" joins it."""
        for m in _NICKNAMED.finditer(self.text):
            if m.group(1).lower() not in GIVEN_NAMES:
                continue
            self._add_found(f"{m.group(1)} {m.group(3)}", "person", m.start(), m.end())

    def _add_found(self, name: str, typ: str, start: int, end: int) -> Optional[Entity]:
        """Add a name found by a pattern, not by the NER, and mark its tokens as it."""
        e = self.index.add(name, typ, (start, end))
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if e is not None and span is not None:
            for tok in span:
                self.ent_at[tok.i] = e
        return e

    def _unlabelled_names(self, doc):
        """Proper-noun phrases the NER missed ("The Harbour Gazette"): kept as names, an
        organisation when "the" or an organisation word goes with them, a person when
        they start with a given name."""
        for chunk in doc.noun_chunks:
            root = chunk.root
            if root.pos_ != "PROPN" or any(t.i in self.ent_at for t in chunk):
                continue
            poss = [t.i for t in chunk if t.tag_ == "POS" or t.text in ("’", "'") and doc[t.i - 1].text.endswith("s")]
            if poss and max(poss) + 1 < chunk.end:
                chunk = doc[max(poss) + 1:chunk.end]  # "Democracy Corps’ Stan Greenberg": the owner is not the name
            toks = [t for t in chunk if t.pos_ == "PROPN" or t.lower_ == "the"]
            # "the editors of The Advocate": a capital "The" inside a sentence names a
            # title, so one proper noun after it is enough
            inner_the = len(chunk) == 2 and chunk[0].text == "The" and chunk.start > 0 \
                and doc[chunk.start - 1].is_alpha and not chunk[0].is_sent_start \
                and chunk[1].text[:1].isupper() and not self._title_case_line(chunk.start_char)
            if not toks or (len([t for t in toks if t.pos_ == "PROPN"]) < 2 and not inner_the):
                continue
            if chunk[-1].lower_ in ("republican", "democrat", "independent"):
                continue  # "the Utah Republican": a party member, described
            if all(t.lower_ in ("super", "pac", "pacs", "the") for t in toks):
                continue  # "a Super PAC": a kind of group
            first = next(t for t in toks if t.pos_ == "PROPN")
            titled = [k for k, t in enumerate(toks[:-1]) if t.text.lower().rstrip(".") in PERSON_TITLES
                      or (t.lower_ in PERSON_ROLES and t.text[:1].isupper())]
            propn_words = [t.lower_ for t in toks if t.pos_ == "PROPN"]
            if titled and 1 <= len(toks) - titled[-1] - 1 <= 3:
                # "Phoenix Mayor Greg Stanton": the name after the title
                first, typ = toks[titled[-1] + 1], "person"
            elif first.lower_ in GIVEN_NAMES or any(
                    e.type == "person" and len(e.words) < len(propn_words) and propn_words[-len(e.words):] == e.words
                    for e in self.index.entities):
                # a given name first, or a fuller form of a known person ("Aung San Suu Kyi")
                typ = "person"
            elif chunk[0].lower_ == "the" or any(t.lower_ in ORG_WORDS for t in toks):
                typ = "organisation"
            else:
                continue
            lo = first.i - (typ == "organisation" and first.i > chunk.start and doc[first.i - 1].text in ("Our", "My"))
            name = doc[lo:toks[-1].i + 1]  # ("Our Principles PAC", "My Brother's Keeper": the title's "Our")
            if self._title_case_line(name.start_char):
                name, typ = self._headline_cut(name, typ)  # "Zoe Questioned Why ..."
            s, e = name.start_char, name.end_char
            ent = self.index.add(self.text[s:e], typ, (s, e))
            if ent is not None:
                for t in name:
                    self.ent_at[t.i] = ent
                self._link_descriptions(name, ent)

    def _web_names(self, doc):
        """A site named by its address ("GunBroker.com", "MoveOn.org"), which the NER
        leaves untagged: an organisation, and "the website" or "the company" after it."""
        for m in _WEB_NAME.finditer(self.text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or any(t.i in self.ent_at for t in span):
                continue
            e = self._add_found(m.group(0), "organisation", m.start(), m.end())
            if e is None:
                continue
            for w in ("website", "site", "company"):
                self.descriptions.append((w, e, m.start()))

    def _missed_org_mentions(self, doc):
        """An organisation's name where the NER missed it ("Twitter takes bigger steps"
        in a headline the small model leaves untagged) is a mention of it all the same:
        "The company said" just below needs it."""
        for name in KNOWN_ORGS:
            # a curated organisation the NER never tagged, named at least twice (once
            # could be "Apple" the fruit)
            found = list(re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", self.text))
            span = doc.char_span(found[0].start(), found[0].end()) if len(found) >= 2 else None
            if span is not None and not any(t.i in self.ent_at for t in span) \
                    and self.index.find(name, "organisation") is None:
                self.index.add(name, "organisation", (found[0].start(), found[0].end()))
        # people named outside quotes ("Wilayat Twitter", a handle in a quote, is not one)
        people = [p for p in self.index.entities if p.type == "person"
                  and any(not self.in_quote(s) for s, _ in p.mentions)]
        for e in self.index.entities:
            if e.type != "organisation" or len(e.name) < 3 or any(
                    set(e.name.lower().split()) <= set(p.words) for p in people):
                continue  # "Pate", a person the NER also typed as an organisation
            for m in re.finditer(rf"(?<![\w-]){re.escape(e.name)}(?![\w-])", self.text):
                span = doc.char_span(m.start(), m.end())
                if span is None or any(t.i in self.ent_at for t in span):
                    continue
                e.mentions.append((m.start(), m.end()))
                for t in span:
                    self.ent_at[t.i] = e

    # ------------------------------------------------------------------ one source

    def resolve(self, start: int, end: int, last: Optional[Entity]) -> Reading:
        """(entity, speaker_type, all named entities) for a source span: the first reading
        that applies, in the order below (a place before a poll before a campaign ...
        before a description). Each reading returns None when it does not apply."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None, "unknown", []
        ents = []
        for tok in span:
            e = self.ent_at.get(tok.i)
            if e is not None and e not in ents:
                ents.append(e)
        head = self._source_head(span)
        # "Coal miners are still smarting": a capitalised common word the NER took for a
        # person, modifying the head, is not who speaks
        ents = [e for e in ents if not (self.ent_at.get(head.i) is not e and self._doubtful_person(e))]
        src = _Source(span, start, end, last, ents, head, [t.text.lower() for t in span], head.text.lower())
        for reading in (self._place_reading, self._role_then_name_reading, self._organisation_reading, self._related_reading,
                        self._named_reading, self._capitalised_reading, self._relative_reading,
                        self._pronoun_reading, self._common_noun_reading):
            got = reading(src)
            if got is not None:
                return got
        return None, "unknown", []

    @staticmethod
    def _source_head(span):
        """The word a source span is about: its parse root, unless a misparse made that the
        determiner, a preposition or a date."""
        head = span.root
        if head.pos_ == "DET" and len(span) > 1 and head.head.i >= span.end:
            # "the editorial read": a misparse hangs both words from the verb, and the
            # span's root comes out as "the"; the last word is the head
            head = max((t for t in span if t.is_alpha and t.pos_ != "DET"), key=lambda t: t.i, default=head)
        elif (head.pos_ == "ADP" or head.ent_type_ in ("DATE", "TIME")) and len(span) > 1:
            # "the president on Tuesday night", the prepositional phrase hung elsewhere:
            # the noun before it heads the source, not "on"
            head = next((t for t in span if t.i < head.i and t.pos_ in ("NOUN", "PROPN", "PRON")
                         and not (span.start <= t.head.i < span.end)), head)
        if span[-1].lower_ in PERSON_ORG_NAMES and not (span.start <= span[-1].head.i < span.end) and len(span) > 1:
            head = span[-1]  # "Clinton campaign" cut out of "Clinton campaign officials"
        return head

    def _place_reading(self, src: _Source) -> Optional[Reading]:
        """A place or its body: "the Saudis" (a country), "the state legislature", "the state"."""
        span, start, end = src.span, src.start, src.end
        people = " ".join(t.lower_ for t in span[1:]) if len(span) > 1 and span[0].lower_ == "the" else None
        if people in DEMONYMS and span[1].text[:1].isupper():
            return self._country(DEMONYMS[people], start, end)
        place_body = self._place_body(span)
        if place_body is not None:
            return place_body, "organisation", [place_body]
        nation = " ".join(t.lower_ for t in span[:-1] if t.lower_ not in ("the", "a")) if len(span) > 1 else None
        if span[-1].lower_ == "government" and nation in DEMONYM_ADJECTIVES and span[-2].text[:1].isupper():
            return self._country(DEMONYM_ADJECTIVES[nation], start, end)  # "the Turkish government": Turkey
        head = src.head
        capital = next((o.text for p in head.children if p.dep_ == "prep" and p.lower_ == "in"
                        for o in p.children if o.dep_ == "pobj" and o.i < span.end), None) \
            if head.lower_ in ("government", "regime", "authorities", "leadership") else None
        if capital in CAPITALS:
            return self._country(CAPITALS[capital], start, end)  # "the government in Riyadh": Saudi Arabia
        if len(span) == 2 and span[0].lower_ in ("the", "this") and span[1].lower_ == "state":
            place = self._home_state(start)
            if place is not None:
                return place, "organisation", [place]
        return None

    def _country(self, name: str, start: int, end: int) -> Reading:
        """A country speaking as its government, named as the article names it."""
        e = self.index.find(name, "organisation") or self.index.add(name, "organisation", (start, end))
        return e, "organisation", [e]

    def _role_then_name_reading(self, src: _Source) -> Optional[Reading]:
        """A role, then the person who holds it, ending the span: "Google's chief human
        resources executive, Laszlo Bock,", "Clinton top aide Huma Abedin", "Fox News Vice
        President and Washington Managing Editor Bill Sammon"."""
        span, ents = src.span, src.ents
        toks = [t for t in span if not t.is_punct]
        if len(toks) < 3 or len(ents) < 2:
            return None
        e = self.ent_at.get(toks[-1].i)
        if e is None or e.type != "person" or self.ent_at.get(toks[0].i) is e:
            return None
        k = toks[-1].i
        while k - 1 > span.start and self.ent_at.get(k - 1) is e:
            k -= 1
        j = k - 1
        while j > span.start and self.doc[j].text.lower().rstrip(".") in PERSON_TITLES:
            j -= 1  # "former Colorado Rep. Pat Schroeder"
        before = self.doc[j]
        role = before.text == "," or (before.pos_ in ("NOUN", "PROPN") and before.i not in self.ent_at and (
            _person_noun(before.lower_) or before.lower_.rstrip(".") in PERSON_TITLES))
        # after a comma the name is the role's, whatever the parse ("The director of the
        # European Centre, Ina Kirsch,"), unless someone else was named first ("Huffman,
        # who does not support Grayson’s opponent, Murphy")
        others = any(x is not None and x is not e and x.type == "person" and self.doc[i + 1].text in (",", "(")
                     for i, x in ((i, self.ent_at.get(i)) for i in range(span.start, k)))
        nested = any(a.dep_ in ("prep", "relcl") and span.start <= a.i < span.end
                     for t in self.doc[k:toks[-1].i + 1] for a in t.ancestors)
        if not role or others or (nested and before.text != ","):
            return None  # ("a spokesman for Donald Trump" is not Trump, nor "X, who backs Y" Y)
        return e, e.type, [e]

    def _organisation_reading(self, src: _Source) -> Optional[Reading]:
        """A poll, a person's campaign or office ("her campaign", "the Cruz campaign"), or the
        unnamed staff of a named organisation ("a Twitter spokesman")."""
        span, start, end, last, head, ents = src.span, src.start, src.end, src.last, src.head, src.ents
        if head.pos_ in ("NOUN", "PROPN") and (head.lower_ in POLL_WORDS or (
                # "the results", "Findings" in an article about a named poll are its own
                head.lower_ in POLL_OUTPUT and self.polls and not ents
                and (span[0].lower_ in ("the", "its", "these") or head.i == span.start))):
            # the poll the source names, else the organisation that owns it ("Gallup's own
            # tracking poll"), else the poll named before ("Poll" capitalised is tagged a
            # proper noun)
            e = next((ent for lo, hi, ent in self.polls if lo < end and start < hi), None) or self._poll_owner(
                head, span) or self._poll(start, end)
            return (e, e.type, [e]) if e is not None else (None, "unknown", [])
        if head.pos_ == "NOUN" and head.lower_ in ("polling", "average", "averages"):
            # "The RealClearPolitics rolling average of polls", "polling by the A.F.L.-C.I.O."
            e = self._poll_owner(head, span)
            if e is not None:
                return e, e.type, [e]
        # "her campaign", "the Cruz campaign", "Trump's campaign": the person's organisation
        if head.lower_ in PERSON_ORG_NAMES:
            owner = [t for t in head.children if t.dep_ in ("poss", "compound")] or [
                # "the campaign of presumptive Democratic nominee Hillary Clinton"
                # "Aides to Mr. Sanders"
                o for p in head.children if p.dep_ == "prep" and p.lower_ in ("of", "to")
                for o in p.children if o.dep_ == "pobj" and o.i in self.ent_at] or [
                # "Clinton campaign" cut from "A Clinton campaign official", where the parse
                # hangs both words from "official": the name just before
                t for t in span[-2:-1] if t.i == head.i - 1 and t.i in self.ent_at and t.pos_ == "PROPN"]
            oe = None
            if not owner and head.lower_ in ("aides", "advisers", "advisors", "strategists") \
                    and last is not None and last.type == "person":
                oe = last  # "senior aides said" just after the candidate spoke: the candidate's
            if owner:
                o = owner[0]
                oe = self.ent_at.get(o.i) or (self.index.find(o.text, "person", before=start)
                                             if o.text[:1].isupper() else None)
                if oe is None and o.lower_ in ("his", "her", "their"):
                    oe, _, _ = self._pronoun(PRONOUNS[o.lower_], start, last)
            elif head.lower_ in ("campaign", "administration", "camp") and (
                    span[0].lower_ in ("the", "this", "that") or len(span) == 1):
                # "the campaign" (or "campaign officials"): the one the article named
                # before, "the Trump campaign" / "Trump's campaign"
                alike = ("campaign", "camp", "team") if head.lower_ != "administration" else ("administration",)
                # the candidate whose campaign it is, not "Steven Cheung, a campaign spokesman"
                runs = None if head.lower_ == "administration" else \
                    (lambda p: self._named_campaign(p, "campaign|team|camp") is not None)
                oe = next((o for o in (self._linked(w, {w}, start, keep=runs) for w in alike) if o is not None), None)
                if oe is None and head.lower_ == "administration":
                    # "the administration insisted" where no administration was named: the
                    # president's
                    oe = self._linked("president", {"president"}, start, before_only=True)
            if oe is not None and oe.type == "person":
                suffix = PERSON_ORG_NAMES[head.lower_]
                if suffix in ("campaign", "'s team"):
                    # a campaign is a speaker only when the article names it as one ("the
                    # Clinton campaign", or "Clinton's team" for "her campaign"); "Bush's
                    # team" becomes his campaign only when a campaign is named
                    said = self._named_campaign(oe, "campaign|team|camp" if suffix == "campaign" else "campaign")
                    if said is None and suffix == "campaign" and head.lower_ != "campaign" \
                            and self._named_campaign(oe, "administration") is not None:
                        said = "administration"  # "Obama aides" where the article names his administration
                    if said is None and suffix == "campaign":
                        return None, "unknown", []
                    suffix = said or suffix
                # "the Obama administration": named as the article names its owner,
                # not with the full name FAMOUS gives the person
                owner_name = self.article_name.get(id(oe), oe.name)
                surname = owner_name.split()[-1]
                if suffix == "administration" and f"{owner_name} administration" not in self.text:
                    owner_name = surname  # "the Obama administration", as the article says it (or as it is said)
                name = f"{owner_name}{suffix}" if suffix.startswith("'") else f"{owner_name} {suffix}"
                e = self.index.find(name, "organisation") or self.index.add(name, "organisation", (start, end))
                return e, "organisation", [e]
        if _singular(head) in SPOKES_ROLES and head.i not in self.ent_at:
            # "A senior Obama administration official", "a Twitter spokesman": unnamed
            # officials of one named organisation speak for it
            # "Staff for the House Select Committee", "officials at Homeland Security"
            objs = [o for p in head.children if p.dep_ == "prep" and p.lower_ in ("for", "of", "at", "with")
                    for o in p.children if o.dep_ == "pobj" and o.i < span.end]
            for mod in list(head.children) + objs:
                if (mod.dep_ not in ("compound", "poss") and mod not in objs) or mod.i < span.start:
                    continue
                e = None
                if mod.lower_ in PERSON_ORG_NAMES:
                    lo = min(t.i for t in mod.subtree)
                    while lo - 1 >= span.start and self.doc[lo - 1].head.i == head.i \
                            and self.doc[lo - 1].dep_ == "compound" and self.doc[lo - 1].pos_ == "PROPN":
                        lo -= 1  # "A Clinton campaign official": both words hang from "official"
                    sub = self.resolve(self.doc[lo].idx, mod.idx + len(mod), last)
                    if sub[0] is not None and sub[1] == "organisation":
                        e = sub[0]
                e = e or self.ent_at.get(mod.i)
                if e is not None and e.type == "organisation":
                    # "... the official said" further on is this one again
                    self.descriptions.append((_singular(head), e, start))
                    return e, e.type, [e]
        return None

    def _related_reading(self, src: _Source) -> Optional[Reading]:
        """Someone the source points at rather than names: kin ("his daughter"), a court by its
        order, a name the NER missed, a work's maker, a group named in apposition."""
        span, start, end, last, head, ents = src.span, src.start, src.end, src.last, src.head, src.ents
        kin = self._kin(head)
        if kin is not None:  # before the owner named in the span: "Donald Trump's eldest daughter"
            return kin, kin.type, [kin]
        if not ents and head.pos_ == "NOUN" and _singular(head) in COURT_WORKS:
            court = max((e for e in self.index.entities if e.type == "organisation" and "court" in e.words
                         and any(s < start for s, _ in e.mentions)),
                        key=lambda e: max(s for s, _ in e.mentions if s < start), default=None)
            if court is not None:
                return court, court.type, [court]
        missed = self._missed_name(span, end)
        if missed is not None:
            return missed, missed.type, [missed]
        maker = self._maker_in_clause(head, start, last) or self._work_by(span, head, start) \
            or self._unmarked_owner(span, head, start)
        if maker is not None:
            return maker, maker.type, [maker]
        named_group = next((self.ent_at[c.i] for c in head.children if c.dep_ == "appos" and c.i in self.ent_at
                            and self.ent_at[c.i].type == "organisation"), None)
        if named_group is not None and head.pos_ == "NOUN" and head.lower_ in ORG_DESC:
            return named_group, "organisation", [named_group]  # "Law's advocacy group One Nation"
        return None

    def _named_reading(self, src: _Source) -> Optional[Reading]:
        """The names in the span: the one its head is, the person its role describes, each of
        several named speakers, a body a work comes from."""
        span, start, end, last, head, ents = src.span, src.start, src.end, src.last, src.head, src.ents
        if len(ents) == 1 and ents[0].type == "person" and last is not None and last is not ents[0] \
                and last.type == "person" and ents[0].words and last.words:
            toks = [t for t in span if not t.is_punct and t.tag_ != "POS"]
            bare = [t for t in toks if t.lower_.rstrip(".") not in TITLES]
            titled = {t.lower_.rstrip(".") for t in toks} - {t.lower_ for t in bare}
            clash = (titled & MALE and last.gender == "f") or (titled & FEMALE and last.gender == "m")
            if len(bare) == 1 and self.ent_at.get(bare[0].i) is ents[0] and not clash \
                    and bare[0].lower_ == ents[0].words[-1] == last.words[-1]:
                # "Smith" with Sean and Patricia Smith in the article: the namesake just quoted
                return last, last.type, [last]
        definite = span[0].lower_ in ("the", "this", "that")
        if ents and head.i not in self.ent_at and all(e.type == "organisation" for e in ents) and (
                head.lower_ in CONTEST_ROLES
                or (definite and _singular(head) not in SPOKES_ROLES and _person_noun(head.lower_)
                    and head.tag_ == "NN")):
            ents = []  # "The GOP candidate", "the Gawker employee": a person, described
        if ents and head.i not in self.ent_at and _person_noun(head.lower_) and _singular(head) not in SPOKES_ROLES \
                and head.lower_ not in PERSON_ORGS and head.tag_ in ("NN", "NNP") and all(
                t.i < head.i for t in span if t.i in self.ent_at):
            # "Former Clinton Pollster", "a Trump adviser": the person the role describes,
            # not the one named in it
            ents = []
        if ents and definite and head.i not in self.ent_at and head.tag_ == "NN" and _person_noun(head.lower_) \
                and _singular(head) not in SPOKES_ROLES and head.lower_ not in PERSON_ORGS and all(
                    any(a.dep_ == "prep" and a.lower_ == "of" and a.head.i == head.i for a in t.ancestors)
                    for t in span if t.i in self.ent_at):
            # "The head of the Service Employees International Union": its holder, described
            ents = []
        if ents and head.i not in self.ent_at and head.tag_ == "NNS" and _person_noun(_singular(head)) \
                and _singular(head) not in SPOKES_ROLES \
                and head.lower_ not in PERSON_ORGS and head.lower_ not in PERSON_ORG_NAMES and all(
                    any(a.dep_ == "prep" and a.lower_ in ("to", "of") and a.head.i == head.i for a in t.ancestors)
                    for t in span if t.i in self.ent_at):
            # "the two chief antagonists to Donald J. Trump", "critics of the plan's author":
            # people set against or about the one named, not that one
            return None, "anonymous", []
        if ents and head.i not in self.ent_at and head.pos_ == "NOUN":
            # "Guidelines recently issued by the Obama administration", "A statement from
            # Ryan’s office": a work speaks for the body it comes from, named as the body
            for p in [c for c in head.children if c.dep_ == "prep" and c.lower_ == "from"] + [
                    a for v in head.children if v.dep_ == "acl" and v.lower_ in MAKING_VERBS
                    for a in v.children if a.dep_ == "agent"]:
                obj = next((o for o in p.children if o.dep_ == "pobj" and o.lower_ in PERSON_ORG_NAMES), None)
                if obj is not None and obj.i < span.end:
                    sub = self.resolve(min(t.idx for t in obj.subtree), obj.idx + len(obj), last)
                    if sub[0] is not None and sub[1] == "organisation":
                        return sub
        if ents:
            # names deep in a relative clause ("Sen. Ted Cruz (R-Tex.), who ... rival
            # Marco Rubio") are not the source
            depth = {e: min(self._depth(t) for t in span if self.ent_at.get(t.i) is e) for e in ents}
            ents = [e for e in ents if depth[e] <= min(depth.values()) + 1]
            people = [e for e in ents if e.type == "person"]
            # "Marsh and Reyes said": the head's conjuncts are each a speaker
            conj = [t for t in head.children if t.dep_ == "conj"]
            if conj:
                named = [self.ent_at.get(head.i)] + [self.ent_at.get(t.i) or self.index.find(t.text, before=end)
                                                      for t in conj if t.pos_ == "PROPN"]
                named = [e for e in dict.fromkeys(named) if e is not None]
                if len(named) > 1:
                    return None, "unknown", named
            # the same when the parse garbles it: "and" between two different people
            # (a name that only modifies a noun is no one in the group: "former Hewlett-Packard
            # CEO and presidential candidate Carly Fiorina")
            last_tok = {self.ent_at[x.i]: x for x in span if x.i in self.ent_at}
            modifier = {e for e, x in last_tok.items() if x.dep_ in ("compound", "poss", "nmod")
                        and x.head.pos_ in ("NOUN", "PROPN") and x.head.i not in self.ent_at}
            for t in span:
                if t.lower_ in ("and", "&"):
                    left = {self.ent_at.get(x.i) for x in span if x.i < t.i} & set(ents) - modifier
                    right = {self.ent_at.get(x.i) for x in span if x.i > t.i} & set(ents) - modifier
                    lp = sorted(left, key=lambda e: e.name)
                    rp = sorted(right - left, key=lambda e: e.name)
                    if all(e.type == "organisation" for e in lp) and len(rp) == 1 and rp[0].type == "person" \
                            and self.ent_at.get(head.i) is rp[0]:
                        continue  # "Yahoo News and former TV network anchor Katie Couric": her roles
                    if lp and rp and head.i not in (x.i for x in span if x.dep_ == "pobj"):
                        return None, "unknown", lp + rp
            if conj and any(t.pos_ == "NOUN" for t in conj) and self.ent_at.get(head.i) is not None:
                # "Sanders and his top aides", "Neither Donald J. Trump nor his opponents": a
                # group, the one named in it listed
                return None, "unknown", [self.ent_at[head.i]]
            e_head = self.ent_at.get(head.i)
            k = span.start + (len(span) > 2 and span[0].lower_.rstrip(".") in PERSON_TITLES)
            lead = self.ent_at.get(k)
            if lead is None and len(people) > 1:
                # "former Vermont governor Howard Dean (D), a Clinton supporter": the first
                # person, when only role words come before the name
                first = next(x for x in span if self.ent_at.get(x.i) in people)
                if all(x.i not in self.ent_at for x in span if x.i < first.i):
                    k, lead = first.i, self.ent_at[first.i]
            if lead is not None and lead.type == "person" and lead is not e_head:
                j = k
                while j + 1 < span.end and self.ent_at.get(j + 1) is lead:
                    j += 1
                if j + 1 < span.end and self.doc[j + 1].text in (",", "(", "–", "—"):
                    # "David Brock, a Clinton confidant who heads ... Correct the Record": the
                    # name the span opens with, whatever the parse made of the rest
                    return lead, lead.type, [lead]
            if e_head is None and head.pos_ == "PROPN" and head.text[:1].isupper() and head.lower_ not in PRONOUNS:
                # "Elmendorf, who supports Clinton": a name the NER missed heads the span
                e_head = self._head_name(span, head, start)
            if e_head is not None and e_head.type == "organisation" and people:
                # "Breitbart News’ Michael Patrick Leahy": the parse misses a curly
                # possessive and heads the span with the outlet; the person it owns speaks
                mark = next((t.i for t in span if t.i > head.i and t.lower_ in ("’", "'", "'s", "’s")), None)
                owned = [e for e in people if mark is not None and any(
                    self.ent_at.get(t.i) is e for t in span if t.i > mark)]
                if owned:
                    e_head = owned[-1]
            if e_head is not None:
                return e_head, e_head.type, [e_head]

            # "Amnesty International's Europe director Jane Roe": prefer the person
            return (people[-1] if people else ents[-1]), (people[-1] if people else ents[-1]).type, ents
        return None

    def _capitalised_reading(self, src: _Source) -> Optional[Reading]:
        """"The Democrat" (a party member, described), or a capitalised head the NER missed."""
        span, start, last, head, words, hw = src.span, src.start, src.last, src.head, src.words, src.hw
        if hw in ("democrat", "republican") and (words[0] in ("the", "a") or len(span) == 1):
            self.head_plural = False  # "The Democrat", "the Utah Republican" is a party member, described
            self.head_is_subject = head.dep_ in ("nsubj", "nsubjpass")
            return self._description(hw, words, start, last)
        if head.text[:1].isupper() and hw in PERSON_ROLES and head.i not in self.ent_at \
                and (self._title_case_line(head.idx) or len(span) == 1):
            # "Former Clinton Pollster Says ...", "This Big-Name Senator", a lone "Senator":
            # a headline's or a sentence's capital makes no name of a role
            self.head_plural = head.tag_ in ("NNS", "NNPS")
            return self._description(hw, words, start, last)
        if hw in ("pac", "pacs") and all(t.lower_ in ("the", "a", "this", "that", "super", "pac", "pacs")
                                         for t in span if t.text[:1].isupper()):
            # "the PAC", "the major Super PAC": a kind of group, described, not a name of its own
            self.head_plural = hw == "pacs"
            return self._description("pac", words, start, last)
        if head.text[:1].isupper() and hw not in PRONOUNS and hw not in ANON and head.ent_type_ not in NOT_NAMES:
            e = self._head_name(span, head, start)
            if e is not None:
                return e, e.type, [e]
        return None

    def _relative_reading(self, src: _Source) -> Optional[Reading]:
        """"who", "which", "that", "whose": the antecedent the relative clause hangs from."""
        span, start, last, head, hw = src.span, src.start, src.last, src.head, src.hw
        if len(span) <= 3 and hw in ("who", "which", "that", "whose"):
            # "Cruz, who has proposed ...", "Murdoch, whose new role ...": the antecedent
            # the relative clause hangs from
            before = self.ent_at.get(head.i - 2) if head.i >= 2 and self.doc[head.i - 1].text == "," else None
            k = head.i - 2
            while k > 0 and (self.ent_at.get(k - 1) is before or self.doc[k - 1].text.lower().rstrip(".") in TITLES):
                k -= 1
            singular = hw == "who" and head.head.i != head.i and (head.head.tag_ == "VBZ" or any(
                c.dep_ == "aux" and c.tag_ == "VBZ" for c in head.head.children))
            if hw in ("who", "whose") and before is not None and before.type == "person" and (singular or not (
                    k >= 2 and self.doc[k - 1].lower_ in ("and", "&") and (k - 2) in self.ent_at)):
                # ("Trump and Cruz, who has opposed": the verb says one, the one just before)
                # ("Jeb Bush and Chris Christie, who say": both, below)
                # "between Mrs. Clinton, who ..., and Ms. Warren, who ...": the person named
                # just before the comma, whatever the parse hung the clause from
                e = self.ent_at[head.i - 2]
                return e, e.type, [e]
            verb = head
            while verb.dep_ != "relcl" and verb.head.i != verb.i and abs(verb.i - head.i) < 8:
                verb = verb.head
            ante = verb.head if verb.dep_ == "relcl" else None
            if ante is not None and ante.lower_ in ("those", "people") and ante.dep_ == "pobj" \
                    and ante.head.lower_ == "among":
                # "Naureen Jahangir ... is among those who say": she is one who says it
                subj = max((c for c in ante.head.head.children if c.dep_ == "nsubj" and c.i < ante.i),
                           key=lambda c: c.i, default=None)  # (the nearest: a parse can give two)
                if subj is not None and subj.i in self.ent_at:
                    e = self.ent_at[subj.i]
                    return e, e.type, [e]
            if ante is not None and ante.lower_ in ("those", "anyone", "everyone", "someone", "others", "people"):
                return None, "anonymous", []  # "even those who did so", "anyone who says"
            if ante is not None:
                ante = self._through_copula(ante)
                lo = min(t.i for t in ante.subtree)
                if hw in ("which", "that") and any(t.lower_ in ("v.", "vs.") for t in self.doc[lo:head.i]):
                    # "Walmart Stores v. Dukes, which denied class-action status": a case
                    # speaks for the court that decided it
                    courts = [e for e in self.index.entities if e.type == "organisation" and "court" in e.words
                              and any(s < start for s, _ in e.mentions)]
                    if courts:
                        e = max(courts, key=lambda e: max(s for s, _ in e.mentions if s < start))
                        return e, e.type, [e]
                nation = next((c.lower_ for c in ante.children if c.dep_ == "amod" and c.text[:1].isupper()), None)
                if ante.lower_ in ("government", "leadership", "regime") and nation in DEMONYM_ADJECTIVES:
                    return self._country(DEMONYM_ADJECTIVES[nation], start, start + 1)  # "the Russian leadership, which"
                # "Govs. Jeb Bush and Chris Christie, who say ...": each of them
                pair = [ante.head] if ante.dep_ == "conj" else []
                pair += [c for c in ante.children if c.dep_ == "conj"]
                named = [x for x in dict.fromkeys(self.ent_at.get(t.i) for t in [ante] + pair) if x is not None]
                if len(named) > 1:
                    return None, "unknown", named
                e = self.ent_at.get(ante.i) or (self.index.find(ante.text, before=start)
                                                if ante.text[:1].isupper() else None)
                if e is not None:
                    return e, e.type, [e]
                if hw == "who" and ante.pos_ == "NOUN" and not _person_noun(_singular(ante)) \
                        and ante.lower_ not in ORG_DESC:
                    # "a president who authorized the raid that killed ... and who hoped":
                    # the parse hung the second clause from "raid"; a "who" is a person's,
                    # the one an earlier "who" of the sentence stands for
                    earlier = next((t for t in reversed(self.doc[head.sent.start:head.i])
                                    if t.lower_ == "who"), None)
                    if earlier is not None:
                        return self.resolve(earlier.idx, earlier.idx + len(earlier), last)
                kin = self._kin(ante)
                if kin is not None:
                    return kin, kin.type, [kin]
                if ante.pos_ == "NOUN":
                    self.head_plural = ante.tag_ in ("NNS", "NNPS")
                    got = self._description(ante.lower_, [ante.lower_], start, last)
                    if got[0] is None and hw == "who" and not self.head_plural and ante.lower_ not in ORG_DESC:
                        # "the political novice who wants ...": a "who" makes any noun a person's
                        near = self._recent_person(start) or (last if last is not None and last.type == "person"
                                                              else None)
                        if near is not None:
                            got = near, "person", [near]
                    return got
            if ante is None and head.i >= 2 and self.doc[head.i - 1].text == ",":
                # "her father, whose campaign website has ...", the clause hung elsewhere
                kin = self._kin(self.doc[head.i - 2])
                if kin is not None:
                    return kin, kin.type, [kin]
            if hw in ("who", "whose") and ante is None and head.dep_ != "relcl":
                # a parse that lost the clause ("Gregory W. Slayton, whom Bush appointed
                # ..., and who is now supporting"): the person an earlier relative clause
                # of the sentence hangs from
                for k in range(head.i - 3, head.sent.start - 1, -1):
                    e = self.ent_at.get(k)
                    if e is not None and e.type == "person" and self.doc[k + 1].text == "," \
                            and self.doc[k + 2].lower_ in ("who", "whom", "whose"):
                        return e, e.type, [e]
            if hw in ("who", "whose"):
                return None, "unknown", []
        return None

    def _pronoun_reading(self, src: _Source) -> Optional[Reading]:
        """A personal pronoun, or an interviewer's "you" for the interviewee."""
        span, start, last, hw = src.span, src.start, src.last, src.hw
        if len(span) <= 2 and hw in ("you", "your") and self.interviewee is not None \
                and self._in_paragraph(start, _QUESTION):
            return self.interviewee, "person", [self.interviewee]  # the questioner's "you"
        if len(span) <= 2 and hw in PRONOUNS:
            return self._pronoun(PRONOUNS[hw], start, last)
        return None

    def _common_noun_reading(self, src: _Source) -> Optional[Reading]:
        """What is left: anonymous sources, works and their makers, capitalised names of their
        own, and descriptions ("the chancellor", "the paper")."""
        span, start, end, last, head, words, hw = src.span, src.start, src.end, src.last, src.head, src.words, src.hw
        party = next((c.lower_ for c in head.children if c.dep_ in ("amod", "compound") and c.lower_ in PARTY_WORDS),
                     None)
        if hw == "platform" and party is not None:
            # "the Democratic platform" is the party's
            name = "Republican Party" if party in ("republican", "gop") else "Democratic Party"
            e = self.index.find(name, "organisation") or self.index.add(name, "organisation", (start, end))
            return e, e.type, [e]
        if head.pos_ == "NOUN" and hw in ANON and self._linked(hw, set(words), start) is not None:
            e = self._linked(hw, set(words), start)  # "the poll" after "the Morning Consult poll"
            return e, e.type, [e]
        owned_work = words[0] in ("his", "her", "its") and _singular(head) in DOCUMENTS
        if (hw in ANON and not owned_work) or (words and words[0] in ANON_MARKERS and head.pos_ in ("NOUN", "PRON")):
            # ("reports" are anyone's, "his campaign finance documents" his)
            return None, "anonymous", []
        if head.pos_ == "NOUN" and (_singular(head) in DOCUMENTS or _singular(head) in SPOKES_ROLES):
            # "FEC records", "Vatican officials": a name the NER left untagged owns the
            # work or speaks through its staff, when the article names it in full
            owner = self._name_owner(span, head)
            e = self.index.find(owner.text, "organisation", before=start) if owner is not None else None
            if e is not None:
                return e, e.type, [e]
        if (hw in DOCUMENTS or hw.rstrip("s") in DOCUMENTS) and words[0] in ("the", "this", "that", "these", "his",
                                                                            "her", "its", "their"):
            # "the statement", "the petition", "the emails": said by whoever made it. The
            # maker named with it before ("Nunberg's petition", "Clinton's emails"); a
            # possessive pronoun's person ("her submission"); else the speaker just quoted
            # (a document points back: "a message from Wendy Sherman" further down is another one)
            owner = self._linked(hw, {hw}, start, before_only=True) or self._linked(
                hw.rstrip("s"), {hw.rstrip("s")}, start, before_only=True)
            if owner is not None:
                return owner, owner.type, [owner]
            if words[0] in ("his", "her", "its", "their") and PRONOUNS.get(words[0]) in ("m", "f", "org"):
                return self._pronoun(PRONOUNS[words[0]], start, last)
            maker = self._recent_maker(head, start)
            if maker is not None:
                return maker, maker.type, [maker]
            if head.tag_ == "NN":
                return (last, last.type, [last]) if last is not None else (None, "unknown", [])
            return None, "unknown", []
        # capitalised words the NER did not mark: a name of its own
        propn = [t for t in span if t.pos_ == "PROPN" and t.text[:1].isupper() or _BULLETED.match(t.text)]
        while propn and propn[0].i > span.start and propn[0].i - 1 not in self.ent_at and (
                prev := self.doc[propn[0].i - 1]).is_alpha and prev.text.istitle() \
                and prev.pos_ in ("ADJ", "NOUN") and prev.lower_ not in TITLES and not _person_noun(prev.lower_):
            propn.insert(0, prev)  # "Black Lives Matter": capitalised words the tagger calls common
        owner_end = max((t.i for t in span if t.i < head.i and (t.tag_ == "POS" or (
            t.text in ("’", "'") and t.i > span.start and t.nbor(-1).text.endswith("s")))), default=None)
        if owner_end is not None and any(t.i > owner_end for t in propn):
            # "The Post's Greg Sargent", "Fox News’ Bret Baier": the name after the owner's
            propn = [t for t in propn if t.i > owner_end]
        if propn and head.pos_ == "PROPN" and head.ent_type_ not in NOT_NAMES:
            lead = propn[0].idx + bool(_BULLETED.match(propn[0].text))  # "-Philip Bump": not the dash
            text = self.text[lead:propn[-1].idx + len(propn[-1])]
            e = self.index.find(text, before=start)
            if e is None:
                # "the Daily Planet", "the Institute": a determiner before a name marks
                # an organisation; two or more bare capitalised words, a person
                det = propn[0].i > span.start and self.doc[propn[0].i - 1].lower_ == "the"
                # ... unless every word is a common one ("Right Wing Watch")
                common = all(t.lower_ in COMMON_WORDS for t in propn)
                typ = "person" if ((len(propn) >= 2 and not det and not common) or propn[0].lower_ in GIVEN_NAMES) \
                    and text not in KNOWN_ORGS else "organisation"
                e = self.index.add(text, typ, (start, end))
            return e, e.type if e else "unknown", [e] if e else []
        if _CAMEL.match(head.text) and head.i not in self.ent_at:
            # "according to RealClearPolitics": a run-together name the parse calls a noun
            e = self.index.find(head.text, before=end) or self.index.add(
                head.text, "organisation", (head.idx, head.idx + len(head)))
            return e, e.type if e else "unknown", [e] if e else []
        if head.pos_ in ("NOUN", "PROPN"):
            self.head_plural = head.tag_ in ("NNS", "NNPS")
            self.head_is_subject = head.dep_ in ("nsubj", "nsubjpass")
            return self._description(hw, [t.text.lower() for t in span], start, last)
        if head.lower_ == "old" and any(c.lower_ in ("year", "years") for c in head.children):
            # "the 43-year-old asked": an age standing alone for the person (the parse
            # heads it with the adjective "old")
            self.head_plural = False
            self.head_is_subject = head.dep_ in ("nsubj", "nsubjpass") or head.head.dep_ in ("nsubj", "nsubjpass")
            return self._description("year-old", words, start, last)
        return None

    def _maker_in_clause(self, head, start: int, last: Optional[Entity]) -> Optional[Entity]:
        """A work whose relative clause says who made it: "an account she gave to The
        Washington Free Beacon" is hers, "the document he released" his; one the maker
        speaks in: "Thiel wrote in a statement to Wired"."""
        if head.pos_ != "NOUN" or (_singular(head) not in DOCUMENTS and head.lower_ not in WORK_NOUNS):
            return None
        clauses = [c for c in head.children if c.dep_ == "relcl" and c.lower_ in GIVING_VERBS]
        if head.dep_ == "pobj" and head.head.lower_ in ("in", "through", "via") and head.head.head.pos_ == "VERB" \
                and not any(c.dep_ == "poss" for c in head.children):  # ("Trump's tweet" is his)
            clauses.append(head.head.head)  # "Thiel wrote in a statement to Wired": the writer's
        for clause in clauses:
            subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            if subj.lower_ in PRONOUNS and PRONOUNS[subj.lower_] in ("m", "f"):
                e, _, _ = self._pronoun(PRONOUNS[subj.lower_], subj.idx, last)
                return e
            return self.ent_at.get(subj.i)
        return None

    def _kin(self, head) -> Optional[Entity]:
        """ "His wife", "Trump's eldest daughter": the one other person of the article who
        shares the owner's surname and has the kin word's gender."""
        if head.lower_ not in KIN or head.tag_ != "NN" or head.i in self.ent_at \
                or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children):
            return None  # ("his first wife, Ivana, ...": named in the span)
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if poss is None:
            return None

        def seen(e):  # (named before or after: "His wife" may be named further on)
            return e.type == "person" and len(e.words) >= 2

        def kin_of(owner):
            return {e for e in self.index.entities if e is not owner and seen(e) and e.words[-1] == owner.words[-1]
                    and e.gender == KIN[head.lower_]}
        if poss.lower_ in ("his", "her"):
            # whoever "her" is, the kin word needs a namesake: any woman of the article
            # whose surname one man shares is a reading ("her father")
            owners = [e for e in self.index.entities if seen(e) and e.gender in (PRONOUNS[poss.lower_], None)]
        else:
            owners = [e for e in [self.ent_at.get(poss.i)] if e is not None and seen(e)]
        kin = set().union(*[kin_of(o) for o in owners]) if owners else set()
        return kin.pop() if len(kin) == 1 else None

    def _work_by(self, span, head, start: int) -> Optional[Entity]:
        """The maker a work's own "by" or "from" names, hung from the work, from a noun
        under it ("an analysis of F.E.C. data by Crowdpac") or from a verb of making under
        it ("polls conducted for the A.P. by Edison Research"): not the body it names on
        the way, nor the one it was made for."""
        if head.pos_ != "NOUN" or head.i in self.ent_at or _singular(head) not in MADE_WORKS:
            return None
        for p in span:
            if p.lower_ not in ("by", "from") or not (p.head.i == head.i or head.is_ancestor(p.head)):
                continue
            if p.head.pos_ == "VERB" and p.head.lower_ not in MAKING_VERBS | {"conducted", "prepared", "produced"}:
                continue  # records "compiled by" a watchdog, a document "obtained by" a paper
            obj = next((o for o in p.children if o.dep_ == "pobj" and o.i < span.end), None)
            if obj is None:
                continue
            e = self.ent_at.get(obj.i)
            if e is None and obj.text[:1].isupper():  # "the A.F.L.-C.I.O.", parsed an adjective
                e = self._head_name(span, obj, start)
            if e is not None:
                return e
        return None

    def _unmarked_owner(self, span, head, start: int) -> Optional[Entity]:
        """A work or a response owned by a name the NER left unmarked here but found
        elsewhere: "Rubio’s response" is Rubio's, "G-III reports" G-III's."""
        if head.pos_ != "NOUN" or head.i in self.ent_at or (
                _singular(head) not in DOCUMENTS and _singular(head) not in SPEECH_NOUNS):
            return None
        owner = self._name_owner(span, head)
        if owner is None or owner.i in self.ent_at:
            return None
        lo = min(t.i for t in owner.subtree if t.dep_ != "case")
        return self.index.find(self.doc[max(lo, span.start):owner.i + 1].text, before=start)

    @staticmethod
    def _name_owner(span, head):
        """The one capitalised proper noun in the source that owns its head noun ("FEC" in
        "FEC records", "Rubio" in "Rubio’s response"), or None."""
        owners = [t for t in head.children if t.dep_ in ("compound", "poss") and t.pos_ == "PROPN"
                  and t.text[:1].isupper() and span.start <= t.i < head.i]
        return owners[0] if len(owners) == 1 else None

    def _missed_name(self, span, end: int) -> Optional[Entity]:
        """A name the NER missed or mistyped, heading a source beside words that say what
        it names: "Rosette Pambakian, a Tinder spokeswoman," is her, not Tinder;
        "Priorities USA, a pro-Clinton super PAC," and "the Koch-backed advocacy group
        Americans for Prosperity" are the groups, not Clinton or Koch."""
        root = span.root
        if root.pos_ != "PROPN" or root.i in self.ent_at or not root.text[:1].isupper() or not root.is_alpha:
            return None
        appos = [c for c in root.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")]
        lead = [c for c in root.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < root.i]
        if any(c.pos_ == "NOUN" and _person_noun(_singular(c)) for c in appos) and root.lower_ not in ORG_WORDS:
            typ = "person"
        elif any(c.lower_ in ORG_WORDS or c.lower_ in ORG_DESC for c in appos + lead):
            typ = "organisation"
        else:
            return None
        lo = root.i
        while lo - 1 >= span.start and self.doc[lo - 1].dep_ in ("compound", "flat", "nummod") \
                and self.doc[lo - 1].head.i == root.i and self.doc[lo - 1].pos_ in ("PROPN", "NUM") \
                and self.doc[lo - 1].text[:1].isupper():
            lo -= 1
        hi = root.i + 1
        if typ == "organisation" and hi + 1 < span.end and self.doc[hi].lower_ in ("for", "of") \
                and self.doc[hi + 1].pos_ == "PROPN":  # "Americans for Prosperity"
            hi += 2
            while hi < span.end and self.doc[hi].pos_ == "PROPN":
                hi += 1
        name = self.doc[lo:hi]
        if typ == "person" and name[0].lower_.rstrip(".") in TITLES:
            name = name[1:]
        if not len(name):
            return None
        return self.index.find(name.text, typ, before=end) or self.index.add(
            name.text, typ, (name.start_char, name.end_char))

    def _head_name(self, span, head, start: int) -> Optional[Entity]:
        """The entity a capitalised head the NER missed names, read with the capitalised
        words compounded onto it: "Purple PAC, steered by ..." is Purple PAC, not any PAC."""
        lo = head.i
        while lo - 1 >= span.start and self.doc[lo - 1].dep_ == "compound" and self.doc[lo - 1].head.i == head.i \
                and self.doc[lo - 1].text[:1].isupper() and self.doc[lo - 1].is_alpha:
            lo -= 1
        if lo < head.i:
            whole = self.doc[lo:head.i + 1]
            e = self.index.find(whole.text, before=start)
            if e is None and head.lower_ in ORG_WORDS:
                e = self.index.add(whole.text, "organisation", (whole.start_char, whole.end_char))
            if e is not None:
                return e
        return self.index.find(head.text, before=start)

    def _recent_maker(self, head, start: int) -> Optional[Entity]:
        """ "The AFL-CIO started distributing its first direct mail pieces ... the materials
        echo ...": the named maker of a work in the sentence before, when the work points
        back with "the" and names no owner."""
        sent = head.sent
        if sent.start == 0:
            return None
        for tok in self.doc[sent.start - 1].sent:
            if tok.pos_ == "VERB" and (tok.lower_ in GIVING_VERBS or tok.lower_ in MAKING_VERBS or any(
                    c.dep_ == "xcomp" and (c.lower_ in GIVING_VERBS or c.lower_.startswith("distribut"))
                    for c in tok.children)):
                subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i in self.ent_at), None)
                if subj is not None:
                    return self.ent_at[subj.i]
        return None

    def _home_state(self, start: int) -> Optional[Entity]:
        """ "The state admitted it made a mistake": the US state the article names most
        before it, speaking as its government. ("The town" was tried the same way: the
        most named place before it is as often another town.)"""
        seen: dict[str, list] = {}
        for ent in self.doc.ents:
            if ent.label_ == "GPE" and ent.start_char < start and ent.text in US_STATES:
                seen.setdefault(ent.text, []).append((ent.start_char, ent.end_char))
        if not seen:
            return None
        name = max(seen, key=lambda n: (len(seen[n]), seen[n][-1]))
        return self.index.find(name, "organisation") or self.index.add(name, "organisation", seen[name][-1])

    def _place_body(self, span) -> Optional[Entity]:
        """ "the West Virginia legislature", "Cologne police", "the U.K. parliament": a
        body named by its place (a place, not a people: "German police" stays nobody).
        "The legislature" further on is the same body; "the police", not always."""
        head = span.root
        if head.lower_ not in PLACE_BODIES or head.pos_ not in ("NOUN", "PROPN"):
            return None
        place = [t for t in span if t.i < head.i and t.ent_type_ == "GPE"]
        # right before the body, or before its possessive and remit: "China’s foreign ministry"
        between = self.doc[place[-1].i + 1:head.i] if place else []
        if not place or any(t.ent_type_ == "NORP" for t in span) or not all(
                t.tag_ == "POS" or (t.is_alpha and t.is_lower) for t in between) \
                or (between and head.lower_ != "ministry"):
            return None
        lo = place[0].i
        while lo > span.start and self.doc[lo - 1].ent_type_ == "GPE":
            lo -= 1
        s, e = self.doc[lo].idx, head.idx + len(head)
        name = f"{self.text[s:self.doc[head.i - 1].idx + len(self.doc[head.i - 1])]} {head.lower_}"
        body = self.index.find(name, "organisation") or self.index.add(name, "organisation", (s, e))
        if body is not None and head.lower_ != "police":  # (a story has several forces)
            # the body, not its country, is "the ministry" (a possessive made the country one)
            country = {self.ent_at.get(t.i) for t in place}
            self.descriptions = [d for d in self.descriptions if not (d[0] == head.lower_ and d[1] in country)]
            self.descriptions.append((head.lower_, body, s))
        return body

    def _named_campaign(self, person: Entity, as_words: str = "campaign") -> Optional[str]:
        """ "campaign" when the article speaks of "the Clinton campaign" or "Clinton's
        campaign" (or of any of as_words: "campaign|team|camp") for this person; else None."""
        key = (id(person), as_words)  # asked once per description in _linked's filter: remember
        if key not in self._campaigns:
            self._campaigns[key] = self._find_campaign(person, as_words)
        return self._campaigns[key]

    def _find_campaign(self, person: Entity, as_words: str) -> Optional[str]:
        names = set(person.words[-1:]) | {person.name.lower()}
        for n in names:
            n = re.escape(n).replace("'", "['’]")  # "O’Malley" is "o'malley" in the name words
            if re.search(rf"\b{n}(?:['’]s?)? (?:{as_words})\b", self.text, re.I) or re.search(
                    rf"\b(?:{as_words}) of (?:[\w.-]+ ){{0,5}}{n}\b", self.text, re.I):
                return "campaign"  # "the Clinton campaign", "the campaign of ... Hillary Clinton"
        return None

    def _through_copula(self, tok):
        """The named thing a common noun stands for by grammar: "Corey is the attorney
        who ..." (predicate), "Ailes, the one who ..." (apposition) -> the name."""
        for _ in range(2):
            if tok.i in self.ent_at or (tok.pos_ == "PROPN" and tok.text[:1].isupper()):
                return tok
            first = tok
            while first.dep_ == "conj" and first.head.i != first.i and not first.text[:1].isupper():
                first = first.head  # "X is a liar, racist and bully who ...": the list's first noun
            if first.dep_ == "attr":
                tok = first
            if tok.dep_ == "appos":
                tok = tok.head
            elif tok.dep_ == "attr":
                subj = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
                if not subj:
                    return tok
                tok = subj[0]
            else:
                return tok
        return tok

    def _pronoun(self, kind: str, pos: int, last: Optional[Entity]):
        if kind == "self" and self.interviewee is not None and self._in_paragraph(pos, _ANSWER):
            return self.interviewee, "person", [self.interviewee]  # "I" answering in a Q&A
        if kind == "self":
            # "I", "my" outside quotes: the writer of a letter or column, who signs it on
            # a line of its own below ("Bruce R. Gary." / "Rhinelander, Wis.")
            if not self.in_quote(pos):
                signer = self._signature_after(pos)
                if signer is not None:
                    return signer, signer.type, [signer]
                if self.first_person is not None:
                    # a speech or a column in the first person: whoever said "I" before
                    # still does, whoever was quoted in between
                    return self.first_person, self.first_person.type, [self.first_person]
                first = last if last is not None else self._recent_person(pos)
                if first is not None:
                    # (with nobody quoted yet: the person named just before, "Hillary Clinton
                    # will deliver her acceptance speech ... I accept your nomination")
                    self.first_person = first
                    return first, first.type, [first]
            if last is not None:
                return last, last.type, [last]
            # a letter or column in the first person: the name that signs it, standing
            # at the start of a later paragraph
            for e in self.index.entities:
                for s, _ in e.mentions:
                    if s > pos and e.type == "person" and (s == 0 or self.text[s - 1] == "\n"):
                        return e, e.type, [e]
            return None, "unknown", []
        if kind == "pl":
            # "they" usually means a group the article does not name as one entity
            # ("Republicans say ..."): only a speaking organisation just quoted is safe
            if last is not None and last.type == "organisation":
                return last, last.type, [last]
            return None, "unknown", []
        if kind in ("m", "f"):
            ahead = self._cataphor(pos, kind)
            if ahead is not None:
                return ahead, ahead.type, [ahead]
        if kind in ("org", "any"):
            maker = self._document_it(pos)
            if maker is not None:
                return maker, maker.type, [maker]
        want = {"m": "person", "f": "person", "org": "organisation", "any": None}[kind]

        def fits(e: Entity) -> bool:
            if want and e.type != want:
                return False
            if kind in ("m", "f") and e.gender and e.gender != kind:
                return False
            if kind == "pl" and e.type == "person":
                return False
            return True
        bound = self._clause_mates(pos)

        def seen(s: int) -> bool:
            return s < pos and not self.in_quote(s) and not self._in_content(s)
        cands = [e for e in self.index.entities if fits(e) and e not in bound and any(seen(s) for s, _ in e.mentions)
                 and not self._doubtful_person(e)]
        if last is not None and fits(last) and last not in bound and last not in cands \
                and any(s < pos for s, _ in last.mentions) and not self._doubtful_person(last):
            cands.append(last)
        if not cands:
            return None, "unknown", []
        para = self.text.rfind("\n", 0, max(0, self.text.rfind("\n", 0, pos)))
        W = PRONOUN_WEIGHTS

        def score(e: Entity) -> float:
            before = [s for s, _ in e.mentions if seen(s)]
            latest = max(before, default=-1)
            return (W["last"] * (e is last)
                    + W["gender"] * (kind in ("m", "f") and e.gender == kind)
                    + W["subject"] * self._was_subject_near(e, pos)
                    + W["freq"] * math.log1p(len(before))
                    - W["dist"] * math.log1p(max(0, pos - latest) / 100 if latest >= 0 else 100)
                    + W["para"] * (latest >= para))
        ranker = salience.load_ranker() if self.use_ranker else None
        if ranker is None and self.on_pronoun is None:
            e = max(cands, key=lambda e: (score(e), max((s for s, _ in e.mentions if s < pos), default=-1)))
            return e, e.type, [e]
        rows = salience.candidate_features(self, cands, kind, pos, last, self.last_end, self.times_quoted)
        if ranker is not None:
            best = max(range(len(cands)), key=lambda i: (ranker.score(rows[i]), -rows[i][5]))
        else:
            best = max(range(len(cands)), key=lambda i: (score(cands[i]), max(
                (s for s, _ in cands[i].mentions if s < pos), default=-1)))
        if self.on_pronoun is not None:
            self.on_pronoun(pos, cands, rows, best)
        return cands[best], cands[best].type, [cands[best]]

    def _headline_cut(self, ent, t: str):
        """A name in a title-case headline that the body never uses, holding one the body
        does ("Obama Claims", "Former AG Mukasey", "Bernie Sanders Promises Action On"):
        the NER ran the name on into the headline's words; keep the part the body names."""
        if len(ent) < 2:
            return ent, t
        if self._body_names is None:
            self._body_names = {}
            for x in self.doc.ents:
                if x.label_ in ("PERSON", "ORG") and not self._title_case_line(x.start_char):
                    self._body_names.setdefault(x.text, x.label_)
        body = self._body_names
        if ent.text in body:
            return ent, t

        def named(part) -> Optional[str]:  # the body's label for these words, if it names them
            if part.text in body:
                return body[part.text]
            return next((lab for name, lab in body.items()
                         if name.endswith(" " + part.text) or name.startswith(part.text + " ")), None)
        for n in range(len(ent) - 1, 0, -1):
            for part, rest in ((ent[:n], ent[n:]), (ent[len(ent) - n:], ent[:len(ent) - n])):
                label = named(part)
                # (not "Donald" off "Donald Trump Jr.", nor "Salma" off "Salma Hayek": what
                # is cut must hold a common word or a title, no part of a name)
                if label and any(((x.lower_ in COMMON_WORDS or x.lower_[:-1] in COMMON_WORDS and x.lower_[-1] == "s")
                                  and x.lower_ not in GIVEN_NAMES)  # ("Pins": "pin" with an s)
                                 or x.lower_.rstrip(".") in TITLES for x in rest):
                    return part, "person" if label == "PERSON" or part[0].lower_ in GIVEN_NAMES else _etype(label)
        return ent, t

    def _title_case_line(self, pos: int) -> bool:
        """Is the line around pos written in title case (a headline or a heading), where
        the NER runs names on into the words after them?"""
        lo = self.text.rfind("\n", 0, pos) + 1
        hi = self.text.find("\n", pos)
        words = re.findall(r"[A-Za-z][\w’'-]*", self.text[lo:hi if hi >= 0 else len(self.text)])
        return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)

    def _org_by_name_words(self, head: str, words: list[str], pos: int) -> Optional[Entity]:
        """"the budget office" for the Congressional Budget Office, "the committee" for the
        House Judiciary Committee: a description made of words of an organisation's own
        name is that organisation (the one named last before it)."""
        if self.head_plural or head in GENERIC_PLACES or _person_noun(head):
            return None
        content = [w for w in words if w not in ("the", "this", "that", "its", "a", "an") and w.isalpha()]
        if not content or head not in content:
            return None
        orgs = [e for e in self.index.entities if e.type == "organisation" and len(e.words) > len(content)
                and set(content) <= set(e.words) and any(s < pos for s, _ in e.mentions)]
        if not orgs:
            return None
        return max(orgs, key=lambda e: max(s for s, _ in e.mentions if s < pos))

    def _cataphor(self, pos: int, kind: str) -> Optional[Entity]:
        """'After he blasted the film ..., Pastor Kevin Swanson has now ...': a he/she in a
        clause before its sentence's subject points ahead to that subject."""
        tok = self._token_at(pos)
        if tok is None or self.in_quote(pos):
            return None
        root = tok.sent.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.i <= tok.i:
            return None
        x = tok
        while x.head.i != root.i and x.head.i != x.i:
            x = x.head
        if x.dep_ not in ("advcl", "prep") or x.i > subj.i:
            return None
        e = self.ent_at.get(subj.i)
        if e is None or e.type != "person" or (e.gender and e.gender != kind):
            return None
        return e

    def _document_it(self, pos: int) -> Optional[Entity]:
        """'The email ... was sent by Jeremy Bash. “...,” it reads.': an "it" whose
        nearest subject before it, outside quotes, is a document speaks for the document's
        maker. Another "it" on the way continues the chain."""
        tok = self._token_at(pos)
        if tok is None:
            return None
        seen = 0
        for i in range(tok.i - 1, -1, -1):
            t = self.doc[i]
            if self.in_quote(t.idx):
                continue
            seen += 1
            if seen > 80:
                return None
            if t.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if t.lower_ in ("it", "he", "she", "they", "we", "i", "you") or t.tag_ in ("NNS", "NNPS"):
                continue  # the chain of "it", or what "it" cannot stand for ("Two Americans")
            if t.pos_ == "NOUN" and _singular(t) in DOCUMENTS and t.i not in self.ent_at:
                return self._linked(_singular(t), {_singular(t)}, pos, before_only=True) or self._linked(
                    t.lower_, {t.lower_}, pos, before_only=True)
            return None
        return None

    @staticmethod
    def _depth(tok) -> int:
        """Steps from tok up to its sentence's root (a compound or flat name part counts
        as its head)."""
        d = 0
        while tok.head.i != tok.i and d < 50:
            if tok.dep_ not in ("compound", "flat"):
                d += 1
            tok = tok.head
        return d

    def _doubtful_person(self, e: Entity) -> bool:
        """A "person" the NER made of one capitalised common word that only ever stands
        where a capital is owed to something else: the start of a sentence ("Counter to
        his reputation"), or the end of a longer name ("Last Man Standing", "the Justice
        Department"). Nobody a pronoun or a description should go to."""
        if e.type != "person" or len(e.words) != 1 or e.words[0] not in COMMON_WORDS or e.words[0] in GIVEN_NAMES \
                or e.gender is not None:
            return False
        for s, _ in e.mentions:
            tok = self._token_at(s)
            if tok is None:
                return False
            prev = self.doc[tok.i - 1] if tok.i > 0 else None
            if not (tok.is_sent_start or prev is None or "\n" in prev.text
                    or (prev.text[:1].isupper() and prev.is_alpha and prev.text.lower().rstrip(".") not in TITLES)):
                return False
        return True

    def _tells_apart(self, e: Optional[Entity], head: str, words: list[str]) -> bool:
        """Do a description's words beyond its head match what e was called?"""
        if e is None:
            return False
        extra = {w.lstrip("+") for w in words if w not in (head, *_LINK_STOP)}
        return bool(extra & {h.lstrip("+") for h, x, _ in self.descriptions if x is e})

    def _previous_subject(self, pos: int) -> Optional[Entity]:
        """The person who is the subject of the sentence before pos's, outside quotes."""
        tok = self._token_at(pos)
        if tok is None or tok.sent.start == 0:
            return None
        sent = self.doc[tok.sent.start - 1].sent
        # the main verb's subject first: in "Trump is on solid ground attacking Clinton,
        # Carly Fiorina said" the sentence is about Fiorina
        for t in sorted(sent, key=lambda t: (t.head.i != sent.root.i, t.i)):
            if t.dep_ in ("nsubj", "nsubjpass") and t.i in self.ent_at and not self.in_quote(t.idx):
                e = self.ent_at[t.i]
                if e.type == "person" and not self._doubtful_person(e):
                    return e
        return None

    def _recent_person(self, pos: int) -> Optional[Entity]:
        """The person mentioned last before pos, outside quotes, no further back than the
        start of the previous paragraph."""
        text = self.text
        k = text.rfind("\n", 0, pos)  # this paragraph starts after k; skip the blank lines above it
        while k > 0 and text[k - 1] in "\n \t":
            k -= 1
        floor = max(0, text.rfind("\n", 0, k))
        best = None
        for e in self.index.entities:
            if e.type != "person" or self._doubtful_person(e):
                continue
            for s, _ in e.mentions:
                if floor <= s < pos and not self.in_quote(s) and not self._in_content(s) \
                        and (best is None or s > best[0]):
                    best = (s, e)
        return best[1] if best else None

    def _closing_bio(self) -> Optional[Entity]:
        """The writer of an opinion piece, named in the bio line that closes it: "Rick Scott
        is the Republican governor of Florida." (one of the last two paragraphs, opening
        with a person's name and "is" / "was" / "has" / "writes")."""
        paras = [p for p in re.finditer(r"[^\n]+", self.text) if p.group().strip()][-2:]
        for p in reversed(paras):
            if len(p.group()) > 300:
                continue
            for e in self.index.entities:
                if e.type == "person" and any(s == p.start() and re.match(r"\s+(is|was|has|writes)\b", self.text[t:])
                                              for s, t in e.mentions):
                    return e
        return None

    def _signature_after(self, pos: int) -> Optional[Entity]:
        """The first person named alone on a short line after pos (a signature), else the
        person a closing bio line names."""
        if self._bio is ...:
            self._bio = self._closing_bio()
        best = None
        for e in self.index.entities:
            if e.type != "person":
                continue
            for s, t in e.mentions:
                if s <= pos or (best is not None and s >= best[0]):
                    continue
                line_start = self.text.rfind("\n", 0, s) + 1
                line_end = self.text.find("\n", t)
                line_end = len(self.text) if line_end == -1 else line_end
                rest = self.text[t:line_end].strip(" .,;")
                if line_start == s and len(rest.split()) <= 3:
                    best = (s, e)
        return best[1] if best else self._bio

    def _in_content(self, pos: int) -> bool:
        """Is pos inside the content of the attribution being resolved (a name the
        speaker talks about, not the speaker)?"""
        return any(s <= pos < e for s, e in self.content)

    def take_label(self, a) -> None:
        """A line opening "Milbank: Republicans ‘Waving The Flag ...’" (a headline, a
        transcript): when the content has no source and no cue and the label before the
        colon names someone the article names, the label is the source and the colon the
        cue (in place)."""
        start = min(f[0] for f in a.content)
        line = self.text.rfind("\n", 0, start) + 1
        m = _LABEL.match(self.text, line)
        if m is None or start > m.end() or max(f[1] for f in a.content) <= m.end():
            return
        e = self.index.find(m.group(1))
        if e is None or e.type not in ("person", "organisation") or not any(
                s >= m.end() for s, _ in e.mentions):
            return  # "The Latest:", "Breaking:", "Poll:" name nobody the article goes on to name
        a.source, a.cue = [m.span(1)], [(m.end(1), m.end(1) + 1)]
        a.content = [(max(s, m.end()), t) for s, t in a.content if t > m.end()]

    def solid(self, a) -> list[tuple[int, int]]:
        """The fragments of a's content that hide the names in them from pronouns. Quoted
        ones do; unquoted ones are the tagger's guesses, and two kinds of guess are strays
        rather than what was said: a lone word, and a fragment before the source and cue
        with a clause between it and the rest of the attribution ("Suu| Kyi's fate is still
        unclear, but she said that ..." - she is Suu Kyi; "Trump's beef with Fox News| was
        aimed at Megyn Kelly, who he claims ..." - he is Trump)."""
        parts = sorted([tuple(f) for f in list(a.source) + list(a.cue) + list(a.content)])
        first = min([f[0] for f in list(a.source) + list(a.cue)], default=None)
        out = []
        for f in sorted(tuple(f) for f in a.content):
            if not self.in_quote(f[0]):
                if len(self.text[f[0]:f[1]].split()) <= 1:
                    continue
                if first is not None and f[1] <= first:
                    after = min(p[0] for p in parts if p[0] >= f[1])
                    if len(_WORDS.findall(self.text, f[1], after)) > MAX_GAP_WORDS:
                        continue
            out.append(f)
        return out

    def in_quote(self, pos: int) -> bool:
        """Is pos inside quotation marks (a name someone else said)?"""
        import bisect
        k = bisect.bisect_right(self.quote_starts, pos) - 1
        return k >= 0 and pos < self.quote_spans[k][1]

    def _clause_mates(self, pos: int) -> set:
        """Entities a pronoun at pos cannot mean: names under the same verb ("he told
        Hannity" - he is not Hannity)."""
        tok = self._token_at(pos)
        if tok is None:
            return set()
        verb = tok.head
        out = set()
        for t in verb.subtree:
            if t.i == tok.i or t.dep_ not in ("dobj", "pobj", "dative", "iobj", "compound", "appos") \
                    or t.head.i not in (verb.i,) + tuple(c.i for c in verb.children):
                continue
            e = self.ent_at.get(t.i)
            if e is None and t.pos_ == "PROPN":  # a name the NER typed as a place, say
                e = self.index.find(t.text, before=pos)
            if e is not None:
                out.add(e)
        return out

    def _token_at(self, pos: int):
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _was_subject_near(self, e: Entity, pos: int) -> bool:
        """Was e the subject of a clause in the last 600 characters before pos?"""
        for s, _ in e.mentions:
            if pos - 600 <= s < pos:
                t = self._token_at(s)
                if t is not None:
                    head = t
                    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
                        head = head.head
                    if head.dep_ in ("nsubj", "nsubjpass"):
                        return True
        return False

    def _linked(self, head: str, words: set, pos: int, last=_NO_LAST, keep=None, before_only=False
                ) -> Optional[Entity]:
        """The entity whose description words best match: the head noun counts double
        ("the Republican nominee": nominee over every Republican), then recency. Only
        entities `keep` accepts, when given."""
        if head == "president" and "vice" in words:
            head = "vice"  # "the vice president" is described by "vice", as titles are read
        elif head in ("nominee", "candidate", "pick", "choice") and any(w == "vice" or w.startswith("vice-") for w in words):
            head, words = "vice", {w for w in words if w != head}  # "the vice-presidential nominee"
        content_words = {w for w in words if w not in _LINK_STOP}
        content_words = {TITLE_WORDS.get(w.rstrip("."), w) for w in content_words}
        content_words |= {"+" + w for w in content_words if w in PARTY_WORDS and w != head}
        score: dict[Entity, list] = {}
        current = not ({"former", "ex"} & set(words))
        for h, e, p in self.descriptions:
            if current and (h, id(e)) in self.former_roles:
                continue
            if (h == head or h in content_words) and (keep is None or keep(e)) and (p < pos or not before_only):
                sc = score.setdefault(e, [0, set(), -1])
                sc[1].add(h)
                sc[0] = 2 * (head in sc[1]) + len(sc[1] - {head})
                if p < pos:
                    sc[2] = max(sc[2], p)
        if head in CONTEST_ROLES or (head not in ORG_DESC and head not in SPOKES_ROLES and _person_noun(head)):
            score = {e: v for e, v in score.items() if e.type == "person"}  # "the candidate" is a person
        elif head in ORG_DESC and head not in PERSON_ORG_NAMES:
            score = {e: v for e, v in score.items() if e.type == "organisation"}  # "the court" is no justice
            named_so = {e for e in self.index.entities if e.type == "organisation"
                        and any(k in e.name.lower().split() for k in ORG_DESC[head])} \
                if head in ("newspaper", "paper", "magazine", "network", "channel", "tabloid", "outlet") else None
            if named_so:
                # "The newspaper, long a vocal advocate of immigration reform", with the Wall
                # Street Journal named: a body of a kind is one described so or named so, not
                # one that only shares a modifier
                score = {e: v for e, v in score.items() if head in v[1] or e in named_so}
        if not score:
            return None
        best = max(score, key=lambda e: (score[e][0], score[e][2] >= 0, score[e][2]))
        tied = [e for e in score if score[e][0] == score[best][0] and score[e][2] >= 0]
        if last is not _NO_LAST and len(tied) > 1 and best.type == "person" and all(e.type == "person" for e in tied) \
                and self.use_ranker and salience.load_ranker() is not None:
            # "the candidate" when two candidates were named: the salient one (the ranker)
            ranker = salience.load_ranker()
            rows = salience.candidate_features(self, tied, "person", pos, last, self.last_end, self.times_quoted)
            best = tied[max(range(len(tied)), key=lambda i: ranker.score(rows[i]))]
        return best

    @staticmethod
    def _public_body(e: Entity) -> bool:
        """A country, a state, or a body of government by its name ("Missouri Senate")."""
        return e.name in NATIONS or e.name in US_STATES or not PUBLIC_BODY_WORDS.isdisjoint(e.name.lower().split())

    def _description(self, head: str, words: list[str], pos: int, last: Optional[Entity]):
        if head in POLL_WORDS:
            e = self._poll(pos, pos + 1)
            return (e, e.type, [e]) if e is not None else (None, "unknown", [])
        e = self._linked(head, set(words), pos, last)
        kin_role = False
        if e is None and head in ROLE_KINDS:
            # "The anchor for Univision" for "reporter Jorge Ramos": a role of the same kind
            # (which the previous sentence's subject must hold too to be preferred)
            e = next((x for x in (self._linked(w, set(words) | {w}, pos, last) for w in ROLE_KINDS[head])
                      if x is not None), None)
            kin_role = e is not None
        subject = self._previous_subject(pos) if words and words[0] == "the" and not self.head_plural \
            and self.head_is_subject and _person_noun(head) and head not in ORG_DESC and head not in SPOKES_ROLES \
            and head not in CONTEST_ROLES and head not in PERSON_ORGS and head != "president" else None
        if subject is not None and subject is not e and (e is None or e.type == "person") \
                and not self._tells_apart(e, head, words) \
                and not (kin_role and not any(x is subject and h in (head, *ROLE_KINDS[head])
                                              for h, x, _ in self.descriptions)) \
                and ({"former", "ex"} & set(words) or (head, id(subject)) not in self.former_roles):
            # "Former Florida Sen. Bob Graham ... has pushed for it. The Democrat told Yahoo":
            # a role opening the story's next step is the one the last sentence was about
            # (unless the words beyond the role tell the linked one apart, "the Democratic
            # front-runner", or the subject held the role before: "a former Treasury
            # secretary" is no "the Treasury secretary")
            return subject, "person", [subject]
        if e is not None and not (self.head_plural and e.type == "person" and _person_noun(head.rstrip("s"))):
            # "campaign officials" are not one person ("Clinton's missteps" are hers)
            return e, e.type, [e]
        named = self._org_by_name_words(head, words, pos)
        if named is not None:
            return named, named.type, [named]
        if head in ORG_DESC:
            keys = ORG_DESC[head]
            orgs = [e for e in self.index.entities if e.type == "organisation"
                    and any(s < pos for s, _ in e.mentions)]
            match = [e for e in orgs if any(k in e.name.lower().split() for k in keys)
                     or (head in UNMARKED_ORG_DESC and e.name in KNOWN_ORGS)] or (orgs if not keys else [])
            if match:
                e = max(match, key=lambda e: max(s for s, _ in e.mentions if s < pos))
                return e, e.type, [e]
            firms = [e for e in orgs if not self._public_body(e)]
            if head in UNMARKED_ORG_DESC and firms and not self.head_plural:
                # "the company" for Twitter: company names rarely say "Inc."; take the
                # organisation the article mentions most so far (a country, a state or a
                # legislature is no company)
                e = max(firms, key=lambda e: (sum(s < pos for s, _ in e.mentions),
                                              max(s for s, _ in e.mentions if s < pos)))
                return e, e.type, [e]
            return None, "unknown", []
        # a person described by role ("the senator", "the 63-year-old"): the last speaker,
        # else the article's main person. Plural or non-person heads ("the groups", "the
        # letter") name nobody.
        if self.head_plural or not _person_noun(head):
            return None, "unknown", []
        # "Lori Bernstein held up a sign. The 57-year-old scientist says ...": the person
        # named last before it, outside quotes, in its paragraph or the one before
        near = self._recent_person(pos)
        if near is not None:
            return near, "person", [near]
        if last is not None and last.type == "person":
            return last, "person", [last]
        people = [e for e in self.index.entities if e.type == "person"]
        if people:
            e = max(people, key=lambda e: len(e.mentions))
            return e, "person", [e]
        return None, "unknown", []


# a source that names nobody ("a large number of Republicans", "The legislation") gives way
# to the linker's runner-up that names someone (Attribution.alternatives)
FALL_BACK_ON_RUNNERS_UP = True


def resolve_speakers(doc, atts: list[Attribution], on_pronoun=None, use_ranker: Optional[bool] = None
                     ) -> list[Speaker]:
    """Fill in speaker, speaker_type and speaker_mentions on each attribution (in place);
    return every person and organisation the article mentions, with quote counts."""
    r = Resolver(doc)
    if on_pronoun is not None:
        r.on_pronoun = on_pronoun
    if use_ranker is not None:
        r.use_ranker = use_ranker
    last: Optional[Entity] = None
    quoted = r.times_quoted
    for a in atts:
        if not a.source and not a.cue and a.content and a.origin != "nested":
            r.take_label(a)  # first: the label leaves the content every pronoun looks at
    r.all_content = [f for a in atts for f in r.solid(a)]
    for a in sorted(atts, key=lambda a: a.start):
        r.content = r.solid(a)
        if a.source:
            s = min(f[0] for f in a.source)
            e = max(f[1] for f in a.source)
            ent, typ, named = r.resolve(s, e, last)
            if ent is None and not named and FALL_BACK_ON_RUNNERS_UP:
                for alt in a.alternatives:
                    got = r.resolve(alt[0], alt[1], last)
                    if got[0] is not None:
                        ent, typ, named = got
                        a.source = [alt]
                        break
        elif last is not None and a.origin != "nested":
            ent, typ, named = last, last.type, [last]
            a.origin = "inherited" if a.origin == "tagged" else a.origin
        else:
            ent, typ, named = None, "unknown", []
        a.speaker = ent.name if ent else None
        a.speaker_type = typ if ent or typ in ("anonymous",) else ("unknown" if not named else typ)
        if ent is None and named:
            a.speakers = [n.name for n in named]
        a.speaker_mentions = sorted(ent.mentions) if ent else []
        if ent is not None:
            quoted[id(ent)] = quoted.get(id(ent), 0) + 1
            if a.origin != "nested":  # a quote inside a quote is not the story's last speaker
                last = ent
        elif named:
            for n in named:
                quoted[id(n)] = quoted.get(id(n), 0) + 1
            if len(named) == 1 and a.origin != "nested":
                last = named[0]  # "Sanders and his top aides said": the one named speaks on
        if a.origin != "nested":
            r.last_end = max([f[1] for f in list(a.source) + list(a.cue) + list(a.content)] + [r.last_end])
    # resolved pronoun and description mentions count as mentions of their speaker
    for a in atts:
        if a.speaker and a.source:
            for e in r.index.entities:
                if e.name == a.speaker:
                    for f in a.source:
                        if not any(ms < f[1] and f[0] < me for ms, me in e.mentions):
                            e.mentions.append(tuple(f))
                    a.speaker_mentions = sorted(e.mentions)
    for a in atts:
        if a.speaker:
            a.speaker = display_name(a.speaker)
        if a.speakers:
            a.speakers = [display_name(n) for n in a.speakers]
    return [Speaker(name=display_name(e.name), type=e.type, mentions=sorted(e.mentions),
                    quoted=quoted.get(id(e), 0)) for e in r.index.entities]
