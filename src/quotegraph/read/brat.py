"""Read brat standoff attribution annotations (the PolNeAR layout).

`text/ID.txt` holds the article; `attributions/ID_ANNOTATOR.ann` its spans (`T` lines)
and the events (`E` lines) that tie one attribution's Source, Cue and Content together.
Where several annotators did one article, the first file in sorted order is used, as the
shared scorer does.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

ROLES = ("source", "cue", "content")


def _frags(spec: str) -> list[tuple[int, int]]:
    out = []
    for part in spec.split(";"):
        s, e = part.split()
        out.append((int(s), int(e)))
    return out


def read_ann(path: Path) -> list[dict]:
    """Attributions of one .ann file as {source, cue, content: [(start, end), ...]}."""
    spans, events = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, frags = cols[1].partition(" ")
            try:
                spans[cols[0]] = (label, _frags(frags))
            except ValueError:
                continue
        elif line.startswith("E") and len(cols) >= 2:
            events.append(cols[1].split())
    out = []
    for args in events:
        att = {r: [] for r in ROLES}
        for arg in args[1:]:
            role, _, ref = arg.partition(":")
            role = role.rstrip("0123456789").lower()
            if role in att and ref in spans:
                att[role].extend(spans[ref][1])
        if att["content"] or att["cue"]:
            out.append(att)
    return out


def read_corpus(folder: Path) -> dict[str, tuple[str, list[dict]]]:
    """{article id: (text, gold attributions)} for a PolNeAR-style folder."""
    folder = Path(folder)
    texts = {t.stem: t for t in sorted((folder / "text").glob("*.txt"))}
    anns = defaultdict(list)
    for a in sorted((folder / "attributions").glob("*.ann")):
        art = a.stem if a.stem in texts else a.stem.rsplit("_", 1)[0]
        anns[art].append(a)
    return {art: (p.read_text(encoding="utf-8"),
                  read_ann(sorted(anns[art])[0]) if anns.get(art) else [])
            for art, p in texts.items()}
