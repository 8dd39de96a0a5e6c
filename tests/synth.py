"""Synthetic articles with known speakers and quotes, in the pre-extracted record format
`quotegraph ingest` accepts (text + attributions + speakers), for tests and benchmarks.
No NLP runs on them, so stores of any size build quickly."""
from __future__ import annotations

import json
import random

FIRST = ["Mary", "John", "Ana", "Peter", "Grace", "Omar", "Lena", "Victor", "Ruth", "Samuel", "Irene", "Tomas"]
LAST = ["Holloway", "Brandt", "Okafor", "Lindqvist", "Moreau", "Castillo", "Haddad", "Novak", "Whitfield", "Sato"]
ORGS = ["The Daily Ledger", "Northwind Council", "Harbor Institute", "Civic Rail Union"]
OUTLETS = ["ledger.example", "morningpost.example", "valleynews.example", "thecourier.example"]
WORDS = ("budget bridge council water school river plan vote tax harbor rail energy housing "
         "market wages farm clinic road park library port grant audit reform forest").split()
CUES = ["said", "told reporters", "added", "argued", "warned"]


def quote_text(rng: random.Random, n: int = 12) -> str:
    ws = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(ws).capitalize()


class Builder:
    """Builds one article's text while recording attribution offsets."""

    def __init__(self):
        self.text = ""
        self.atts: list[dict] = []
        self.speakers: dict[str, dict] = {}

    def add(self, s: str) -> tuple[int, int]:
        start = len(self.text)
        self.text += s
        return start, len(self.text)

    def say(self, speaker: str, quote: str, cue: str = "said", type_: str = "person",
            source: str | None = None, direct: bool = True) -> None:
        if self.text:
            self.add(" ")
        source = source or speaker
        if direct:
            self.add("“")
            c = self.add(quote)
            self.add(",” ")
            s = self.add(source)
            self.add(" ")
            k = self.add(cue)
            self.add(".")
        else:
            s = self.add(source)
            self.add(" ")
            k = self.add(cue)
            self.add(" that ")
            c = self.add(quote.lower())
            self.add(".")
        self.atts.append({"source": [list(s)], "cue": [list(k)], "content": [list(c)],
                          "type": "direct" if direct else "indirect", "confidence": 0.9,
                          "speaker": speaker, "speaker_type": type_, "speaker_mentions": [list(s)]})
        sp = self.speakers.setdefault(speaker, {"name": speaker, "type": type_, "mentions": [], "quoted": 0})
        sp["mentions"].append(list(s))
        sp["quoted"] += 1

    def record(self, id_: str, **meta) -> dict:
        return {"id": id_, "text": self.text, **meta, "attributions": self.atts,
                "speakers": list(self.speakers.values())}


def corpus(n_articles: int, quotes_per_article: int = 10, seed: int = 0, repeat_share: float = 0.1):
    """Yields records; about `repeat_share` of the quotes repeat an earlier one (sometimes
    altered), so quote groups form."""
    rng = random.Random(seed)
    people = [f"{f} {l}" for f in FIRST for l in LAST]
    earlier: list[tuple[str, str]] = []
    for i in range(n_articles):
        b = Builder()
        b.add(f"Report number {i} on local affairs.")
        for _ in range(quotes_per_article):
            if earlier and rng.random() < repeat_share:
                spk, q = rng.choice(earlier)
                if rng.random() < 0.5:
                    ws = q.split()
                    ws[rng.randrange(len(ws))] = rng.choice(WORDS)
                    q = " ".join(ws)
            else:
                spk = rng.choice(people) if rng.random() < 0.9 else rng.choice(ORGS)
                q = quote_text(rng, rng.randint(8, 20))
                if len(earlier) < 5000:
                    earlier.append((spk, q))
            typ = "organisation" if spk in ORGS else "person"
            b.say(spk, q, cue=rng.choice(CUES), type_=typ, direct=rng.random() < 0.7)
        day = 1 + i % 28
        yield b.record(f"synth-{i}", outlet=OUTLETS[i % len(OUTLETS)], published=f"2024-03-{day:02d}",
                       title=f"Report {i}", url=f"https://{OUTLETS[i % len(OUTLETS)]}/news/{i}")


def write_jsonl(path, records) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += len(r["attributions"])
    return n
