"""One identity per speaker across articles.

Within an article the resolver already gives each speaker one canonical name ("she" ->
"Hillary Clinton"). Across articles those names are matched on a key:

- people: first and last word of the name without titles, accents or middle names, plus a
  generational suffix (Jr, Sr, II, ...): "Hillary Rodham Clinton" and "Hillary Clinton"
  share the key "hillary clinton"; "Bill Clinton" and "Donald Trump Jr." keep their own.
- a bare surname ("Clinton": the article never named her in full) joins the one person
  with that surname when there is exactly one, or, among several namesakes, the one in
  at least DOMINANT times as many articles as any other (in 2016 news "Clinton" alone is
  Hillary, "Obama" is Barack); otherwise it stays a speaker of its own, so namesakes of
  similar standing are never merged by guesswork.
- organisations: the name without a leading "the", accents, punctuation and company
  suffixes: "The Washington Post" = "Washington Post".

The update is incremental: only article speakers without an identity are matched, in
the order their articles were stored, against the identities already in the store.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from ..resolve.names import SUFFIXES, name_words
from .schema import insert_rows, transaction
from .words import fold

DOMINANT = 3
ORG_SUFFIXES = {"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "company", "group"}


def person_parts(name: str) -> tuple[list[str], str]:
    ws = [fold(w) for w in name_words(name)]
    ws = [w for w in ws if w]
    suffix = ws[-1] if ws and ws[-1] in SUFFIXES else ""
    core = [w for w in ws if w not in SUFFIXES and len(w.rstrip(".")) > 1 or w.isdigit()]
    core = [w.rstrip(".") for w in core]
    return core, suffix


def speaker_key(name: str, type_: str) -> str:
    if type_ == "organisation":
        ws = [w for w in fold(name).replace("&", " and ").replace(".", "").split()]
        ws = ["".join(c for c in w if c.isalnum()) for w in ws]
        ws = [w for w in ws if w]
        if ws and ws[0] == "the":
            ws = ws[1:]
        while len(ws) > 1 and ws[-1] in ORG_SUFFIXES:
            ws = ws[:-1]
        return "org:" + " ".join(ws)
    core, suffix = person_parts(name)
    if not core:
        return "person:" + fold(name).strip()
    if len(core) == 1:
        return "surname:" + core[0] + (" " + suffix if suffix else "")
    return "person:" + core[0] + " " + core[-1] + (" " + suffix if suffix else "")


def update_identity(con) -> int:
    """Gives every article speaker without one an identity; returns how many identities
    were created. One transaction."""
    todo = con.execute("""
        SELECT s.rowid, s.name, s.type FROM article_speakers s JOIN articles a ON a.id = s.article_id
        WHERE s.speaker_id IS NULL ORDER BY a.seq, s.rowid""").fetchall()
    if not todo:
        return 0
    by_key: dict[str, int] = {}
    by_surname: dict[str, set[int]] = defaultdict(set)   # "clinton" / "trump jr" -> full persons
    next_id = 0
    n_articles: dict[int, int] = dict(con.execute(
        "SELECT speaker_id, count(*) FROM article_speakers WHERE speaker_id IS NOT NULL GROUP BY speaker_id").fetchall())
    for sid, key, typ in con.execute("SELECT id, key, type FROM speakers ORDER BY id").fetchall():
        by_key[key] = sid
        next_id = max(next_id, sid)
        if key.startswith("person:"):
            by_surname[_surname_of(key)].add(sid)
    new: list[tuple] = []
    assign: list[tuple[int, int]] = []
    for rowid, name, typ in todo:
        typ = "organisation" if typ == "organisation" else "person"
        key = speaker_key(name, typ)
        sid = by_key.get(key)
        if sid is None and key.startswith("surname:"):
            cands = by_surname.get(key[len("surname:"):], set())
            if len(cands) == 1:
                sid = next(iter(cands))
            elif cands:
                ranked = sorted(cands, key=lambda c: (-n_articles.get(c, 0), c))
                if n_articles.get(ranked[0], 0) >= DOMINANT * max(1, n_articles.get(ranked[1], 0)):
                    sid = ranked[0]
        if sid is None:
            next_id += 1
            sid = next_id
            by_key[key] = sid
            if key.startswith("person:"):
                by_surname[_surname_of(key)].add(sid)
            new.append((sid, name, typ, key))
        assign.append((rowid, sid))
        n_articles[sid] = n_articles.get(sid, 0) + 1
    with transaction(con):
        insert_rows(con, "speakers", new)
        rid, sids = zip(*assign)
        con.execute("CREATE TEMP TABLE _assign AS SELECT unnest($1) AS rid, unnest($2) AS sid",
                    [list(rid), list(sids)])
        con.execute("UPDATE article_speakers SET speaker_id = _assign.sid FROM _assign "
                    "WHERE article_speakers.rowid = _assign.rid")
        con.execute("DROP TABLE _assign")
        con.execute("""UPDATE attribution_speakers SET speaker_id = s.speaker_id FROM article_speakers s
                       WHERE attribution_speakers.speaker_id IS NULL
                         AND s.article_id = attribution_speakers.article_id
                         AND s.name = attribution_speakers.name""")
        _rename(con, {sid for _, sid in assign})
    return len(new)


def _surname_of(key: str) -> str:
    """'person:hillary clinton' -> 'clinton'; 'person:donald trump jr' -> 'trump jr'."""
    ws = key.split(":", 1)[1].split()
    if ws and ws[-1] in SUFFIXES and len(ws) > 2:
        return ws[-2] + " " + ws[-1]
    return ws[-1]


def _rename(con, touched: set[int]) -> None:
    """Display name of each touched speaker: of its full-name aliases (else of all), the
    one used in most articles (ties: the longer, then alphabetical)."""
    if not touched:
        return
    rows = con.execute("""SELECT speaker_id, name, count(*) FROM article_speakers
                          WHERE speaker_id IN (SELECT unnest($1)) GROUP BY speaker_id, name""",
                       [sorted(touched)]).fetchall()
    best: dict[int, tuple] = {}
    for sid, name, n in rows:
        full = len(person_parts(name)[0]) > 1  # a full name over a bare surname, however frequent
        rank = (full, n, len(name.split()), len(name), name)
        if sid not in best or rank > best[sid][0]:
            best[sid] = (rank, name)
    if best:
        ids, names = zip(*((sid, v[1]) for sid, v in best.items()))
        con.execute("CREATE TEMP TABLE _names AS SELECT unnest($1) AS sid, unnest($2) AS name",
                    [list(ids), list(names)])
        con.execute("UPDATE speakers SET name = _names.name FROM _names WHERE speakers.id = _names.sid")
        con.execute("DROP TABLE _names")
