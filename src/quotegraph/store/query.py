"""Questions to the store: speakers, quotes (by speaker, words, outlet, dates), one
article, repeated-quote groups.

Full-text search uses the `quote_terms` table (each quote's distinct folded words): all
the query's words must be in a quote; a query in double quotes must also appear as that
phrase (case-insensitive). DuckDB's `fts` extension is not used because it is fetched
from the network at run time, and its index is rebuilt whole rather than updated.
"""
from __future__ import annotations

import json
from datetime import date
from typing import Optional

from . import words as W
from .identity import speaker_key


def _rows(con, sql: str, params=()) -> list[dict]:
    cur = con.execute(sql, params if isinstance(params, dict) else list(params))
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def speaker_ids(con, name: str) -> list[int]:
    """Identities a name can mean: exact display name or alias (any case), else the
    identities with the same key (e.g. 'Hillary Rodham Clinton' for 'Hillary Clinton')."""
    ids = [r[0] for r in con.execute(
        "SELECT id FROM speakers WHERE lower(name) = lower($1) UNION "
        "SELECT DISTINCT speaker_id FROM article_speakers WHERE lower(name) = lower($1) "
        "AND speaker_id IS NOT NULL", [name]).fetchall()]
    if not ids:
        keys = [speaker_key(name, "person"), speaker_key(name, "organisation")]
        ids = [r[0] for r in con.execute("SELECT id FROM speakers WHERE key IN (SELECT unnest($1))",
                                         [keys]).fetchall()]
    return sorted(set(ids))


def search_ids_sql(query: str) -> tuple[str, list]:
    """SQL (and params) selecting attribution ids matching a full-text query."""
    terms = W.terms(query)
    if not terms:
        return "SELECT NULL::BIGINT AS id WHERE false", []
    sql = ("SELECT attribution_id AS id FROM quote_terms WHERE term IN (SELECT unnest($terms)) "
           "GROUP BY attribution_id HAVING count(DISTINCT term) = $n")
    return sql, [terms, len(terms)]


# Which speakers a list shows, and in what order: those quoted at least once (most
# quoted first), those mentioned in some article but never quoted (most mentioned first),
# or everyone (quoted first, then by mentions). Shared by the CLI and the web API.
SPEAKER_ROLES = {"quoted": ("s.quotes > 0", "s.quotes DESC, s.name, s.id"),
                 "mentioned_only": ("s.quotes = 0", "coalesce(m.mentions, 0) DESC, s.name, s.id"),
                 "all": ("true", "s.quotes DESC, coalesce(m.mentions, 0) DESC, s.name, s.id")}

# How often each identity is mentioned (every mention, sources included) and in how
# many articles: joined to `speaker_stats s` as `m`.
SPEAKER_MENTIONS = """LEFT JOIN (SELECT speaker_id, CAST(sum(n_mentions) AS BIGINT) AS mentions,
                            count(DISTINCT article_id) AS articles_mentioned
                     FROM article_speakers WHERE speaker_id IS NOT NULL GROUP BY speaker_id) m
                  ON m.speaker_id = s.id"""
SPEAKER_COUNTS = ("coalesce(m.mentions, 0) AS mentions, coalesce(m.articles_mentioned, 0) AS articles_mentioned")


def speakers(con, type_: Optional[str] = None, role: str = "quoted", limit: Optional[int] = 100,
             name: Optional[str] = None) -> list[dict]:
    """Speaker identities with quote and mention counts. `role`: "quoted" (at least one
    quote, most quoted first), "mentioned_only" (mentioned, never quoted; most mentioned
    first) or "all"."""
    if role not in SPEAKER_ROLES:
        raise ValueError(f"role must be one of {', '.join(SPEAKER_ROLES)}, not {role!r}")
    cond, order = SPEAKER_ROLES[role]
    where, params = [cond], []
    if type_:
        where.append(f"s.type = ${len(params) + 1}")
        params.append(type_)
    if name:
        ids = speaker_ids(con, name) or [-1]
        where.append(f"s.id IN (SELECT unnest(${len(params) + 1}))")
        params.append(ids)
    sql = (f"SELECT s.id, s.name, s.type, s.quotes, s.articles, {SPEAKER_COUNTS}, s.outlets, s.first_date, "
           f"s.last_date, (SELECT list(alias ORDER BY n_articles DESC, alias) FROM speaker_aliases x "
           f"WHERE x.speaker_id = s.id) AS aliases "
           f"FROM speaker_stats s {SPEAKER_MENTIONS} WHERE {' AND '.join(where)} ORDER BY {order}")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return _rows(con, sql, params)


def quotes(con, speaker: Optional[str] = None, search: Optional[str] = None, outlet: Optional[str] = None,
           since: Optional[date] = None, until: Optional[date] = None, article: Optional[str] = None,
           limit: Optional[int] = 100) -> list[dict]:
    where, params = [], {}
    if speaker:
        params["sids"] = speaker_ids(con, speaker) or [-1]
        where.append("t.id IN (SELECT attribution_id FROM attribution_speakers WHERE speaker_id IN (SELECT unnest($sids)))")
    if search:
        phrase = search.strip()
        exact = len(phrase) > 1 and phrase[0] == phrase[-1] == '"'
        terms = W.terms(phrase)
        if not terms:
            return []
        params["terms"], params["n"] = terms, len(terms)
        where.append("t.id IN (SELECT attribution_id FROM quote_terms WHERE term IN (SELECT unnest($terms)) "
                     "GROUP BY attribution_id HAVING count(DISTINCT term) = $n)")
        if exact:
            params["phrase"] = "%" + phrase[1:-1].replace("%", "\\%").replace("_", "\\_") + "%"
            where.append("t.content_text ILIKE $phrase ESCAPE '\\'")
    if outlet:
        params["outlet"] = outlet
        where.append("lower(a.outlet) = lower($outlet)")
    if since:
        params["since"] = since
        where.append("a.published_date >= $since")
    if until:
        params["until"] = until
        where.append("a.published_date <= $until")
    if article:
        params["article"] = article
        where.append("t.article_id = $article")
    sql = ("SELECT t.id, t.article_id, a.outlet, a.published_date AS date, "
           "(SELECT string_agg(s.name, '; ' ORDER BY s.name) FROM attribution_speakers q "
           " JOIN speakers s ON s.id = q.speaker_id WHERE q.attribution_id = t.id) AS speaker, "
           "t.speaker AS speaker_in_article, t.kind, t.confidence, t.content_text AS quote, "
           "t.source_text AS source, t.cue_text AS cue, p.group_id "
           "FROM attributions t JOIN articles a ON a.id = t.article_id "
           "LEFT JOIN quote_appearances p ON p.attribution_id = t.id")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY a.published_date DESC NULLS LAST, t.id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def article(con, id_: str) -> Optional[dict]:
    rows = _rows(con, "SELECT id, title, url, outlet, published, published_date, author, path, text, "
                      "n_attributions FROM articles WHERE id = $1", [id_])
    if not rows:
        return None
    a = rows[0]
    atts = _rows(con, "SELECT t.id, t.n, t.kind, t.confidence, t.origin, t.speaker, t.speaker_type, "
                      "t.source, t.cue, t.content, t.source_text, t.cue_text, t.content_text, "
                      "p.group_id, (SELECT list(q.speaker_id ORDER BY q.speaker_id) FROM attribution_speakers q "
                      "WHERE q.attribution_id = t.id) AS speaker_ids "
                      "FROM attributions t LEFT JOIN quote_appearances p ON p.attribution_id = t.id "
                      "WHERE t.article_id = $1 ORDER BY t.n", [id_])
    for t in atts:
        for r in ("source", "cue", "content"):
            t[r] = json.loads(t[r])
    a["attributions"] = atts
    a["speakers"] = _rows(con, "SELECT s.name, s.type, s.quoted, s.n_mentions, s.speaker_id "
                               "FROM article_speakers s WHERE s.article_id = $1 ORDER BY s.quoted DESC, s.name", [id_])
    return a


def group_stats_sql(filt: str = "", min_articles: int = 2) -> str:
    """SQL for one row per quote group found in at least `$min` (= `min_articles`)
    articles: id, appearances, articles, outlets, altered, first_date, last_date (no
    text: look it up for the rows kept, `with_group_texts`). `filt`: more conditions
    (" AND ...") on `p.group_id`.

    A group in $min articles has at least $min appearances, so for $min >= 2 the groups
    are first narrowed to those from `quote_appearances` alone (an integer GROUP BY), and
    only their appearances are joined to attributions and articles and aggregated, by
    group id. (Grouping every group by its id and text, as before, carried 90,000 texts
    through three hash aggregates at 100,000 quotes: 5x slower for the same rows.)"""
    narrow = ("p.group_id IN (SELECT group_id FROM quote_appearances GROUP BY group_id HAVING count(*) >= $min)"
              if min_articles > 1 else "true")
    return f"""SELECT p.group_id AS id, count(*) AS appearances, count(DISTINCT t.article_id) AS articles,
                      count(DISTINCT a.outlet) AS outlets, count(*) FILTER (WHERE p.diff <> '[]') AS altered,
                      min(a.published_date) AS first_date, max(a.published_date) AS last_date
               FROM quote_appearances p JOIN attributions t ON t.id = p.attribution_id
               JOIN articles a ON a.id = t.article_id
               WHERE {narrow}{filt}
               GROUP BY p.group_id HAVING count(DISTINCT t.article_id) >= $min"""


GROUP_ORDER = "articles DESC, appearances DESC, id"   # most repeated first


def with_group_texts(con, rows: list[dict]) -> list[dict]:
    """The rows of `group_stats_sql` with each group's text after its id, in one lookup."""
    texts = dict(con.execute("SELECT id, text FROM quote_groups WHERE id IN (SELECT unnest($1))",
                             [[r["id"] for r in rows]]).fetchall()) if rows else {}
    return [{"id": r["id"], "text": texts[r["id"]], **{k: v for k, v in r.items() if k != "id"}} for r in rows]


def groups(con, min_articles: int = 2, speaker: Optional[str] = None, search: Optional[str] = None,
           limit: Optional[int] = 100, with_appearances: bool = True) -> list[dict]:
    filt, params = group_filter(speaker_ids(con, speaker) if speaker else None,
                                W.terms(search) if search else None)
    params["min"] = min_articles
    sql = f"SELECT * FROM ({group_stats_sql(filt, min_articles)}) ORDER BY {GROUP_ORDER}"
    if limit:
        sql += f" LIMIT {int(limit)}"
    out = with_group_texts(con, _rows(con, sql, params))
    if with_appearances:
        for g in out:
            g["appearances_list"] = group_appearances(con, g["id"])
    return out


def group_filter(speaker_ids: Optional[list[int]] = None, terms: Optional[list[str]] = None) -> tuple[str, dict]:
    """The `group_stats_sql` filter (and its parameters) for groups with an appearance by one
    of these speakers, and with an appearance whose words include every term. None leaves
    that side open; an empty list matches nothing."""
    filt, params = "", {}
    if speaker_ids is not None:
        params["sids"] = speaker_ids or [-1]
        filt += (" AND p.group_id IN (SELECT p.group_id FROM quote_appearances p JOIN attribution_speakers q "
                 "ON q.attribution_id = p.attribution_id WHERE q.speaker_id IN (SELECT unnest($sids)))")
    if terms is not None:
        params["terms"], params["n"] = terms or [""], len(terms)
        filt += (" AND p.group_id IN (SELECT p.group_id FROM quote_appearances p WHERE p.attribution_id IN "
                 "(SELECT attribution_id FROM quote_terms WHERE term IN (SELECT unnest($terms)) "
                 "GROUP BY attribution_id HAVING count(DISTINCT term) = $n))")
    return filt, params


def group_appearances(con, gid: int) -> list[dict]:
    """Every appearance of a quote group, oldest first, with its stored word diff against
    the group's text. `speaker` is the resolved speakers' names joined by "; "."""
    rows = _rows(con, """SELECT p.attribution_id, t.article_id, a.title, a.outlet, a.published_date AS date,
               t.speaker AS speaker_in_article,
               (SELECT string_agg(s.name, '; ' ORDER BY s.name) FROM attribution_speakers q
                JOIN speakers s ON s.id = q.speaker_id WHERE q.attribution_id = t.id) AS speaker,
               t.content_text AS quote, p.similarity, p.diff
           FROM quote_appearances p JOIN attributions t ON t.id = p.attribution_id
           JOIN articles a ON a.id = t.article_id WHERE p.group_id = $1
           ORDER BY a.published_date NULLS LAST, t.id""", [gid])
    for r in rows:
        r["diff"] = json.loads(r["diff"])
    return rows
