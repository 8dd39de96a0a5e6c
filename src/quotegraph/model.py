"""The plain data every step passes along: articles, attributions, speakers.

Offsets are Python `str` indices into the article text as read, so any span can be
checked with `text[start:end]`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Optional

Frag = tuple[int, int]
KINDS = ("direct", "indirect", "mixed")
SPEAKER_TYPES = ("person", "organisation", "anonymous", "unknown")


@dataclass
class Article:
    id: str
    text: str
    title: Optional[str] = None
    url: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    author: Optional[str] = None
    path: Optional[str] = None


@dataclass
class Attribution:
    """Who said what: source, cue and content, each a list of [start, end) fragments."""
    source: list[Frag] = field(default_factory=list)
    cue: list[Frag] = field(default_factory=list)
    content: list[Frag] = field(default_factory=list)
    kind: str = "indirect"
    confidence: float = 1.0
    speaker: Optional[str] = None
    speaker_type: str = "unknown"
    speaker_mentions: list[Frag] = field(default_factory=list)
    # a group ("Trump and Clinton said", "Sanders and his aides said"): the people named in
    # it, and no single speaker
    speakers: list[str] = field(default_factory=list)
    # how the source was found: "tagged", "inherited" (a quote with no cue continuing the
    # last speaker), "nested" (a quote inside a quote)
    origin: str = "tagged"
    # other tagged sources the linker nearly took, best first (resolution may fall back on
    # one when the source it took names nobody); not written out
    alternatives: list[Frag] = field(default_factory=list, repr=False)

    @property
    def start(self) -> int:
        frags = self.content + self.cue + self.source
        return min(s for s, _ in frags) if frags else 0

    @staticmethod
    def span_text(text: str, frags: list[Frag]) -> str:
        return " … ".join(text[s:e] for s, e in frags)

    def to_json(self, text: Optional[str] = None) -> dict:
        d = {"source": [list(f) for f in self.source], "cue": [list(f) for f in self.cue],
             "content": [list(f) for f in self.content], "type": self.kind,
             "confidence": round(self.confidence, 4), "speaker": self.speaker,
             "speaker_type": self.speaker_type,
             "speaker_mentions": [list(f) for f in self.speaker_mentions], "origin": self.origin}
        if self.speakers:
            d["speakers"] = list(self.speakers)
        if text is not None:
            d["text"] = {r: self.span_text(text, getattr(self, r)) for r in ("source", "cue", "content")}
        return d

    @classmethod
    def from_json(cls, d: dict) -> "Attribution":
        return cls(source=[tuple(f) for f in d.get("source") or []],
                   cue=[tuple(f) for f in d.get("cue") or []],
                   content=[tuple(f) for f in d.get("content") or []],
                   kind=d.get("type", "indirect"), confidence=d.get("confidence", 1.0),
                   speaker=d.get("speaker"), speaker_type=d.get("speaker_type", "unknown"),
                   speaker_mentions=[tuple(f) for f in d.get("speaker_mentions") or []],
                   speakers=list(d.get("speakers") or []), origin=d.get("origin", "tagged"))


@dataclass
class Speaker:
    """A person or organisation an article mentions, with every mention's span."""
    name: str
    type: str = "person"
    mentions: list[Frag] = field(default_factory=list)
    quoted: int = 0

    def to_json(self) -> dict:
        d = asdict(self)
        d["mentions"] = [list(m) for m in self.mentions]
        return d


@dataclass
class Extraction:
    """What quotegraph finds in one text: its attributions and the speakers it mentions."""
    text: str
    attributions: list[Attribution] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)

    def to_json(self, id: str, with_text: bool = True) -> dict:
        return {"id": id,
                "attributions": [a.to_json(self.text if with_text else None) for a in self.attributions],
                "speakers": [s.to_json() for s in self.speakers]}
