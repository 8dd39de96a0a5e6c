"""Which earlier entity a pronoun means: the candidates that agree with it, ranked by
salience (the learned ranker of salience.py, else PRONOUN_WEIGHTS), plus the cases a
ranker cannot see: a cataphor ("Before she spoke, Merkel ..."), "it" for a document, an
unquoted "I" in a signed piece, a closing bio.
"""
from __future__ import annotations

import math
import re
from typing import Optional

from . import salience
from .names import Entity
from .words import DOCUMENTS, _singular
from .mentions import _ANSWER

# the fallback when models/pronoun_ranker.json is missing (salience.py): how a he/she/it
# source picks its antecedent among the people (or organisations) that agree with it:
# being the speaker just quoted, a known gender, a recent subject, how often it was named
# so far, how long ago it was named last, and whether that was in this paragraph or the
# one before. Fitted by a coarse grid search on our tune sets
# (training/fit_pronoun_weights.py). Being named in the headline, being the last subject
# and being the most named person were tried too and gained nothing there.
PRONOUN_WEIGHTS = {"last": 4.0, "gender": 2.0, "subject": 1.0, "freq": 1.0, "dist": 0.0, "para": 1.0}


class PronounAntecedents:
    """Resolver's pronoun antecedents (mixed into Resolver)."""

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
