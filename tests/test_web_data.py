"""A small store for the web tests (no tests here: imported by tests/test_web_*.py).

A hand-written story told by three outlets (a repeated quote, altered; a bare surname;
people mentioned but not quoted; an anonymous source), an article full of markup and
`<script>` (untrusted text), an article whose id is a URL, and a synthetic corpus for
volume — all as pre-extracted records, so no NLP runs and the store builds in seconds.
"""
from __future__ import annotations

import pytest

from synth import corpus, write_jsonl

ROLE = {"s": "source", "k": "cue", "c": "content"}


def article(id_, parts, speakers, mentioned=(), **meta) -> dict:
    """A record from text pieces: plain strings, or (role, attribution number, text)
    with role s/k/c; `speakers` maps attribution number -> (name, type, kind);
    `mentioned` lists (name, type, text) mentions of people who are not quoted."""
    text = ""
    atts: dict[int, dict] = {}
    for p in parts:
        if isinstance(p, str):
            text += p
            continue
        role, n, s = p
        a = atts.setdefault(n, {"source": [], "cue": [], "content": []})
        a[ROLE[role]].append([len(text), len(text) + len(s)])
        text += s
    out, spk = [], {}
    for n in sorted(atts):
        name, typ, kind = speakers[n]
        a = atts[n]
        out.append({**a, "type": kind, "confidence": 0.9, "speaker": name,
                    "speaker_type": typ if name else "anonymous", "speaker_mentions": a["source"] if name else []})
        if name:
            sp = spk.setdefault(name, {"name": name, "type": typ, "mentions": [], "quoted": 0})
            sp["mentions"] += a["source"]
            sp["quoted"] += 1
    for name, typ, m in mentioned:
        i = text.index(m)
        sp = spk.setdefault(name, {"name": name, "type": typ, "mentions": [], "quoted": 0})
        sp["mentions"].append([i, i + len(m)])
    return {"id": id_, "text": text, **meta, "attributions": out, "speakers": list(spk.values())}


Q1 = "The bridge will close for six weeks so that we can make it safe for the next fifty years"
Q1_ALTERED = "The bridge will close for six weeks so we can make it safe for the next 50 years"
Q1_PUNCT = "The bridge has to close for six weeks, so that we can make it safe for the next fifty years"
SCRIPT_QUOTE = 'Type <script>alert("pwned")</script> into the <b>box</b> & press <enter>'


def story() -> list[dict]:
    a1 = article("harbour-1", [
        "The Harbour Bridge will close for repairs from next month, the city announced on Monday, "
        "a decision Governor Helen Marsh had urged for years.\n\n",
        "“", ("c", 1, Q1), ",” ", ("s", 1, "Mayor Ana Okafor"), " ", ("k", 1, "said"),
        " at a press conference on the quay.\n\n",
        ("s", 2, "The Civic Rail Union"), " ", ("k", 2, "warned"), " that ",
        ("c", 2, "trains would be packed for the whole of the closure"), ".\n\n",
        "Ferries will run every twenty minutes, ", ("k", 3, "according to"), " ", ("s", 3, "a city official"), ".\n\n",
        "“", ("c", 4, "Nobody likes a detour, but this one is overdue"), ",” ", ("s", 4, "Okafor"), " ",
        ("k", 4, "added"), ".",
    ], {1: ("Ana Okafor", "person", "direct"), 2: ("Civic Rail Union", "organisation", "indirect"),
        3: (None, "anonymous", "indirect"), 4: ("Ana Okafor", "person", "direct")},
        mentioned=[("Helen Marsh", "person", "Governor Helen Marsh")],
        title="Harbour bridge to close for six weeks", outlet="ledger.example", published="2024-03-04",
        url="https://ledger.example/news/harbour-bridge")
    a2 = article("harbour-2", [
        "Commuters reacted with dismay to the news that the Harbour Bridge will shut.\n\n",
        "“", ("c", 1, Q1_ALTERED), ",” ", ("s", 1, "Ana Okafor"), ", the mayor, ", ("k", 1, "told reporters"), ".\n\n",
        ("s", 2, "Omar Haddad"), ", who drives across the bridge every morning, ", ("k", 2, "said"), " ",
        ("c", 2, "the ferries would never cope with the rush hour"), ".\n\n",
        "Governor Helen Marsh did not comment.",
    ], {1: ("Ana Okafor", "person", "direct"), 2: ("Omar Haddad", "person", "indirect")},
        mentioned=[("Helen Marsh", "person", "Governor Helen Marsh")],
        title="Bridge closure angers commuters", outlet="morningpost.example", published="2024-03-05",
        url="https://morningpost.example/2024/03/05/bridge")
    a3 = article("harbour-3", [
        "The mayor defended the timing of the works.\n\n",
        "“", ("c", 1, Q1_PUNCT), "!” ", ("s", 1, "Okafor"), " ", ("k", 1, "insisted"), ".\n\n",
        ("s", 2, "She"), " ", ("k", 2, "said"), " the council had “", ("c", 2, "looked at every other option"),
        "” and ", ("c", 2, "that the city had no choice"), ".",
    ], {1: ("Ana Okafor", "person", "direct"), 2: ("Ana Okafor", "person", "mixed")},
        title="Mayor defends bridge works", outlet="valleynews.example", published="2024-03-07",
        url="https://valleynews.example/bridge-works")
    xss = article("xss-1", [
        '<script>alert("text")</script> Council <b>bold</b> news <img src=x onerror=alert(2)> & more.\n\n',
        "“", ("c", 1, SCRIPT_QUOTE), ",” ", ("s", 1, 'Eve "<i>" Mallory'), " ", ("k", 1, "said"), ".\n\n",
        "A line with </script><script>alert(3)</script> and {{ 7*7 }} and ${x}.",
    ], {1: ('Eve "<i>" Mallory', "person", "direct")},
        title='<script>alert("title")</script> Council <b>vote</b>', outlet="<b>evil</b>.example",
        published="2024-03-06", url="javascript:alert(4)", author="<em>Anon</em>")
    url_id = article("https://thecourier.example/news/bridge?id=9#top", [
        ("s", 1, "Ana Okafor"), " ", ("k", 1, "said"), " ", ("c", 1, "the works would begin on the first of April"), ".",
    ], {1: ("Ana Okafor", "person", "indirect")}, title="Works begin in April", outlet="thecourier.example",
        published="2024-03-09")
    return [a1, a2, a3, xss, url_id]


def build_store(folder) -> str:
    from quotegraph.store import ingest
    recs = story() + list(corpus(60, quotes_per_article=5, seed=11))
    write_jsonl(folder / "web.jsonl", recs)
    db = folder / "web.duckdb"
    s = ingest([str(folder / "web.jsonl")], str(db))
    assert s.failed == 0 and s.stored == len(recs), s.lines()
    return str(db)


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    return build_store(tmp_path_factory.mktemp("web"))
