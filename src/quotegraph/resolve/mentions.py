"""Who and what an article names: the name index a Resolver builds before it resolves any
source.

The small NER model's people and organisations, put right where it is known to go wrong,
plus the names it misses: transcript labels, nicknames, polls, web names, capitalised
names it left untagged, famous full names and roles ("the pope", "the Fed chair").
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Optional

from .names import COMMON_WORDS, KNOWN_ORGS, ORG_WORDS, SUFFIXES, TITLES, Entity, display_name
from .spans import _etype, _name_gender, _name_span, _placename, _trim
from .words import (CENSUS_GENDER, CONTEST_ROLES, COUNTRIES, DOCUMENTS, FAMOUS, FAMOUS_ROLES, FEMALE, GENERIC_PLACES,
                    GIVEN_NAMES, KIN, MAKING_VERBS, MALE, NEWSROOM, ORG_ENDINGS, OUTLET_NOUNS, PARTIES, PARTY_WORDS,
                    PERSON_ROLES, PERSON_TITLES, POLL_WORDS, SPOKES_ROLES, STATES, TITLE_WORDS, _person_noun,
                    _singular)

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
# "the Swiss People’s Party, or SVP," / "(SVP)": a short form the article defines
_DEFINED_SHORT = re.compile(r"(?:,\s+or\s+(?:the\s+)?|\s+\()([A-Z][A-Za-z]{1,5})(?=[,)])")


def _ascii_fold(word: str) -> str:
    """ "Tomás" -> "Tomas": the given-name lists are unaccented."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii")


_JOINERS = {"and", "&", ","}


def _split_conjoined(doc, labels: Counter) -> list:
    """The NER's spans, with a span that joins names split into them: "Braynard and
    Chrabaszcz", "Carson, Huckabee" tagged as one PERSON are two people. An organisation
    splits only when each part is tagged alone elsewhere ("Alphabet and Facebook"), so
    "Johnson & Johnson" or "Ernst and Young" stay whole."""
    from spacy.tokens import Span
    out = []
    for ent in doc.ents:
        cuts = [k for k in range(ent.start + 1, ent.end - 1) if doc[k].lower_ in _JOINERS]
        if not cuts or ent.label_ not in ("PERSON", "ORG"):
            out.append(ent)
            continue
        bounds = [ent.start] + [c for k in cuts for c in (k, k + 1)] + [ent.end]
        parts = [doc[a:b] for a, b in zip(bounds[::2], bounds[1::2]) if b > a]
        named = len(parts) == len(cuts) + 1 and all(
            p[0].text[:1].isupper() and p[-1].text[:1].isupper() and p[0].lower_ not in _JOINERS for p in parts)
        if named and ent.label_ == "ORG":
            named = all(labels[p.text, "ORG"] or labels[p.text, "PERSON"] for p in parts)
        if not named or (ent.label_ == "PERSON" and len(parts[0]) == 1 and len(parts[-1]) >= 2
                         and parts[0][0].lower_ in GIVEN_NAMES):
            out.append(ent)  # ("Bill and Hillary Clinton": two people sharing a surname, left whole)
            continue
        out.extend(Span(doc, p.start, p.end, label=ent.label_) for p in parts)
    return out


class ArticleMentions:
    """Resolver's name finding: every method here fills self.index, self.ent_at and the
    description links while the Resolver is built."""

    def _named_entities(self, doc) -> None:
        """Index the NER's people and organisations, put right where the small model is
        known to go wrong (a town tagged PERSON once, a party tagged PERSON, a name cut
        short or run on), with the descriptions set beside them."""
        labels = Counter((x.text, x.label_) for x in doc.ents)
        person_surnames = {x[-1].text for x in doc.ents if x.label_ == "PERSON" and len(x) >= 2
                           and all(w.is_alpha and w.text.istitle() for w in x)}
        suffixes: set[int] = set()  # tokens of a ", Jr." joined to the name before it
        for ent in _split_conjoined(doc, labels):
            if ent.start in suffixes:
                continue
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
            hi = ent.end_char
            if t == "person" and ent.end + 1 < len(doc) and doc[ent.end].text == "," \
                    and doc[ent.end + 1].lower_.rstrip(".") in SUFFIXES and doc[ent.end + 1].text[:1].isupper():
                # "his father, Brent Bozell, Jr.": the suffix (which the NER leaves out, or
                # takes for a name of its own) tells the namesake apart from Brent Bozell III
                suffix = doc[ent.end + 1]
                name, hi = f"{name} {suffix.text}", suffix.idx + len(suffix)
                suffixes.add(suffix.i)
            e = self.index.add(name, t, (lo, hi), rename=not self.in_quote(ent.start_char),
                               gender=hint if t == "person" else None, gender_of=_name_gender)
            if e is None:
                continue
            for tok in (doc[ent.start - 1:ent.end] if lo < ent.start_char else ent):
                self.ent_at[tok.i] = e
            for i in suffixes & {ent.end + 1}:
                self.ent_at[i] = e
            short = _DEFINED_SHORT.match(self.text, ent.end_char) if t == "organisation" and len(ent) >= 2 else None
            if short and short.group(1) not in ent.text:
                self.index.aliases[short.group(1).lower()] = e  # "the Swiss People’s Party, or SVP," / "(SVP)"
            if t == "person" and hint:
                self.gender_votes.setdefault(id(e), Counter())[hint] += 1
            if t == "person" and e.gender is None and ent.root.dep_ == "appos" and ent.root.head.lower_ in KIN:
                e.gender = KIN[ent.root.head.lower_]  # "Her husband, Saeed Abedini,": told apart from "Mrs. Abedini"
            self._link_descriptions(ent, e)

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
        for name in sorted(KNOWN_ORGS):  # (a set: sorted, so that two runs index them alike)
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
