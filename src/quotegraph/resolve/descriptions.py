"""Which entity a description means: "the senator", "the paper", "his campaign", "the
report". Descriptions set beside a name earlier (apposition, predicate), the kind of
entity a noun fits, makers of works, kin, campaigns, home states, and the article's main
subject when nothing closer fits.
"""
from __future__ import annotations

import re
from typing import Optional

from . import salience
from .names import KNOWN_ORGS, ORG_WORDS, TITLES, Entity
from .words import (CONTEST_ROLES, DOCUMENTS, GENERIC_PLACES, GIVING_VERBS, KIN, MADE_WORKS, MAKING_VERBS, NATIONS,
                    ORG_DESC, PARTY_WORDS, PERSON_ORGS, PERSON_ORG_NAMES, PLACE_BODIES, POLL_WORDS, PRONOUNS,
                    PUBLIC_BODY_WORDS, ROLE_KINDS, SPEECH_NOUNS, SPOKES_ROLES, TITLE_WORDS, UNMARKED_ORG_DESC,
                    US_STATES, WORK_NOUNS, _LINK_STOP, _person_noun, _singular)

_NO_LAST = object()  # _linked called without a last speaker: no salience tie-break


class DescriptionLinks:
    """Resolver's description links (mixed into Resolver)."""

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

    def _tells_apart(self, e: Optional[Entity], head: str, words: list[str]) -> bool:
        """Do a description's words beyond its head match what e was called?"""
        if e is None:
            return False
        extra = {w.lstrip("+") for w in words if w not in (head, *_LINK_STOP)}
        return bool(extra & {h.lstrip("+") for h, x, _ in self.descriptions if x is e})

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
