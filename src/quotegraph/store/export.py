"""Export the store: jsonl (one article a line, in the attributions-jsonl format plus
metadata, text and speaker identities: `quotegraph ingest` reads it back without the NLP), csv (one quote a row), parquet (a folder with one file
per table) and brat (text/ID.txt and attributions/ID_quotegraph.ann, the PolNeAR layout).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .. import csvsafe
from .schema import TABLES

FORMATS = ("jsonl", "csv", "parquet", "brat")
QUOTE_COLUMNS = ("id", "article_id", "outlet", "published_date", "title", "url", "speaker", "speaker_ids",
                 "speaker_in_article", "speaker_type", "kind", "confidence", "source_text", "cue_text",
                 "content_text", "source", "cue", "content", "group_id")


def _articles(con):
    cur = con.execute("SELECT id, title, url, outlet, published, author, text FROM articles ORDER BY seq")
    while True:
        rows = cur.fetchmany(500)
        if not rows:
            return
        yield from rows


def _attributions(con, article_id: str) -> list[dict]:
    cur = con.execute("""SELECT t.source, t.cue, t.content, t.kind, t.confidence, t.speaker, t.speaker_type,
                t.origin, p.group_id,
                (SELECT list(q.speaker_id ORDER BY q.speaker_id) FROM attribution_speakers q WHERE q.attribution_id = t.id),
                (SELECT list(q.name ORDER BY q.rowid) FROM attribution_speakers q WHERE q.attribution_id = t.id),
                t.source_text, t.cue_text, t.content_text
            FROM attributions t LEFT JOIN quote_appearances p ON p.attribution_id = t.id
            WHERE t.article_id = $1 ORDER BY t.n""", [article_id])
    out = []
    for (src, cue, con_, kind, conf, spk, styp, origin, gid, sids, names, st, ct, nt) in cur.fetchall():
        d = {"source": json.loads(src), "cue": json.loads(cue), "content": json.loads(con_),
             "type": kind, "confidence": conf, "speaker": spk, "speaker_type": styp,
             "origin": origin, "speaker_ids": sids or [], "group_id": gid,
             "text": {"source": st, "cue": ct, "content": nt}}
        if names and names != [spk]:
            d["speakers"] = names  # several named people ("X and Y said")
        out.append(d)
    return out


def _speakers(con, article_id: str) -> list[dict]:
    rows = con.execute("""SELECT s.name, s.type, s.quoted, s.speaker_id,
                (SELECT list([m.start, m."end"] ORDER BY m.start, m."end") FROM mentions m
                 WHERE m.article_id = s.article_id AND m.name = s.name)
            FROM article_speakers s WHERE s.article_id = $1 ORDER BY s.rowid""", [article_id]).fetchall()
    return [{"name": n, "type": t, "quoted": q, "speaker_id": sid, "mentions": ms or []}
            for n, t, q, sid, ms in rows]


def export_jsonl(con, out: Path) -> int:
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for id_, title, url, outlet, published, author, text in _articles(con):
            rec = {"id": id_, "title": title, "url": url, "outlet": outlet, "published": published,
                   "author": author, "text": text, "attributions": _attributions(con, id_),
                   "speakers": _speakers(con, id_)}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def export_csv(con, out: Path) -> int:
    cur = con.execute("""SELECT t.id, t.article_id, a.outlet, a.published_date, a.title, a.url,
            (SELECT string_agg(s.name, '; ' ORDER BY s.name) FROM attribution_speakers q JOIN speakers s
             ON s.id = q.speaker_id WHERE q.attribution_id = t.id),
            (SELECT string_agg(CAST(q.speaker_id AS VARCHAR), ';' ORDER BY q.speaker_id) FROM attribution_speakers q
             WHERE q.attribution_id = t.id),
            t.speaker, t.speaker_type, t.kind, t.confidence, t.source_text, t.cue_text, t.content_text,
            t.source, t.cue, t.content, p.group_id
        FROM attributions t JOIN articles a ON a.id = t.article_id
        LEFT JOIN quote_appearances p ON p.attribution_id = t.id ORDER BY t.id""")
    n = 0
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csvsafe.writer(f)
        w.writerow(QUOTE_COLUMNS)
        while True:
            rows = cur.fetchmany(1000)
            if not rows:
                break
            w.writerows(rows)
            n += len(rows)
    return n


def export_parquet(con, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for t in TABLES + ("speaker_stats",):
        path = str(out / f"{t}.parquet").replace("'", "''")
        con.execute(f"COPY (SELECT * FROM {t}) TO '{path}' (FORMAT parquet)")
    return len(TABLES) + 1


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name)[:150] or "article"


def export_brat(con, out: Path) -> int:
    (out / "text").mkdir(parents=True, exist_ok=True)
    (out / "attributions").mkdir(parents=True, exist_ok=True)
    n = 0
    used: set[str] = set()
    for id_, *_rest, text in _articles(con):
        name = _safe(id_)
        while name in used:
            name += "_"
        used.add(name)
        (out / "text" / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
        lines, t = [], 0
        for e, att in enumerate(_attributions(con, id_), 1):
            refs = []
            for role, label in (("source", "Source"), ("cue", "Cue"), ("content", "Content")):
                frags = att[role]
                if not frags:
                    continue
                t += 1
                spec = ";".join(f"{s} {e_}" for s, e_ in frags)
                body = " ".join(text[s:e_] for s, e_ in frags).replace("\n", " ")
                lines.append(f"T{t}\t{label} {spec}\t{body}")
                refs.append(f"{label}:T{t}")
            anchor = att["cue"] or att["content"] or att["source"]
            if not anchor:
                continue
            t += 1
            s0, e0 = anchor[0]
            lines.append(f"T{t}\tAttribution {s0} {e0}\t{text[s0:e0]}".replace("\n", " "))
            lines.append(f"E{e}\tAttribution:T{t} " + " ".join(refs))
        (out / "attributions" / f"{name}_quotegraph.ann").write_text("\n".join(lines) + ("\n" if lines else ""),
                                                                      encoding="utf-8")
        n += 1
    return n


def export(con, fmt: str, out: str) -> int:
    fn = {"jsonl": export_jsonl, "csv": export_csv, "parquet": export_parquet, "brat": export_brat}[fmt]
    return fn(con, Path(out))
