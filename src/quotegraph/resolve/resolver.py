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

import re
from collections import Counter
from typing import Any, Optional

from ..model import Attribution, Speaker
from .names import COMMON_WORDS, TITLES, Entity, NameIndex, display_name
from .words import GIVEN_NAMES, MAX_GAP_WORDS
from .mentions import ArticleMentions
from .readings import SourceReadings
from .descriptions import DescriptionLinks
from .pronouns import PronounAntecedents

_WORDS = re.compile(r"\w+")
_LABEL = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}): ")  # "Bill Clinton: ..." at a line's start


class Resolver(ArticleMentions, SourceReadings, DescriptionLinks, PronounAntecedents):
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
        self._named_entities(doc)
        self._unlabelled_names(doc)
        self._web_names(doc)
        self._missed_org_mentions(doc)
        self._genders_from_names()
        self.polls = self._named_polls(doc)
        self._famous_full_names()
        self._regnal_names()
        self._famous_roles()
        self.interviewee = self._interviewee()

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

    def _token_at(self, pos: int):
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None


# a source that names nobody ("a large number of Republicans", "The legislation") gives way
# to the linker's runner-up that names someone (Attribution.alternatives)
FALL_BACK_ON_RUNNERS_UP = True


_RELATIVE = {"who", "which", "that"}


def _aside(r, a: Attribution, atts: list[Attribution]) -> bool:
    """Is a a relative clause's attribution in a sentence whose own attribution comes after
    it? ("Asked about Trump, who has insulted women, she replied: ..." - she is not Trump.)"""
    if len(a.source) != 1 or r.text[a.source[0][0]:a.source[0][1]].lower() not in _RELATIVE:
        return False
    tok = r._token_at(a.source[0][0])
    if tok is None:
        return False
    sent = tok.sent
    return any(b is not a and b.source and a.source[0][0] < b.source[0][0] < sent.end_char for b in atts)


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
    inner = {id(a) for a in atts if a.origin == "nested" or _aside(r, a, atts)}
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
            if id(a) not in inner:  # a quote inside a quote, or an aside, is not the story's last speaker
                last = ent
        elif named:
            for n in named:
                quoted[id(n)] = quoted.get(id(n), 0) + 1
            if len(named) == 1 and id(a) not in inner:
                last = named[0]  # "Sanders and his top aides said": the one named speaks on
        if id(a) not in inner:
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
