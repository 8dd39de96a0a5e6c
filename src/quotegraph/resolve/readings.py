"""What a source span says, read in a fixed order: a place, a role and a name, an
organisation, a relation ("Clinton's campaign"), a name, capitalised words, a relative
pronoun, a personal pronoun, a common-noun description. The first reading that applies
gives the speaker (Resolver.resolve).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from .names import COMMON_WORDS, KNOWN_ORGS, TITLES, Entity
from .words import (ANON, ANON_MARKERS, CAPITALS, CONTEST_ROLES, COURT_WORKS, DEMONYMS, DEMONYM_ADJECTIVES, DOCUMENTS,
                    FEMALE, GIVEN_NAMES, MAKING_VERBS, MALE, NOT_NAMES, ORG_DESC, PARTY_WORDS, PERSON_ORGS,
                    PERSON_ORG_NAMES, PERSON_ROLES, PERSON_TITLES, POLL_OUTPUT, POLL_WORDS, PRONOUNS, SPOKES_ROLES,
                    _person_noun, _singular)
from .mentions import _BULLETED, _CAMEL, _QUESTION

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


class SourceReadings:
    """Resolver's readings of one source span (mixed into Resolver)."""

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
