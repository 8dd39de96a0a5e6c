"""The questions the web pages ask the store, paginated.

Read-only, parameterised SQL over the tables in docs/schema.md. Full-text search follows
`quotegraph.store.query`: every word of the query must be among a quote's words
(`quote_terms`); a query in double quotes must also appear as that phrase.

Each list function returns `(rows, total)`: one page of rows and the number of rows the
filters select, so that pages can be numbered.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

import numpy as np

from ..store import query as Q
from ..store import words as W



def rows(con, sql: str, params=None) -> list[dict]:
    cur = con.execute(sql, params if params is not None else [])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def paged_rows(con, select: str, rest: str, params: dict, limit: Optional[int], offset: int,
               count_sql: str) -> tuple[list[dict], int]:
    """One page of `SELECT {select} {rest}` and the number of rows without the page,
    counted in the same query (a window count); `count_sql` only when the page is past
    the end."""
    params = dict(params)
    page = ""
    if limit is not None:
        params["limit"], params["offset"] = int(limit), int(offset)
        page = " LIMIT $limit OFFSET $offset"
    out = rows(con, f"SELECT {select}, count(*) OVER () AS _total {rest}{page}", params)
    if out:
        total = out[0]["_total"]
        for r in out:
            del r["_total"]
        return out, total
    if not offset:
        return out, 0
    params.pop("limit", None), params.pop("offset", None)
    return out, scalar(con, count_sql, params)


def scalar(con, sql: str, params=None):
    r = con.execute(sql, params if params is not None else []).fetchone()
    return r[0] if r else None


@dataclass
class QuoteFilter:
    q: Optional[str] = None           # full-text query; "in double quotes" for a phrase
    speaker: Optional[str] = None     # a name or alias (every identity it can mean)
    speaker_id: Optional[int] = None  # one identity
    outlet: Optional[str] = None      # case-insensitive
    since: Optional[date] = None
    until: Optional[date] = None
    article: Optional[str] = None

    def where(self, con) -> tuple[list[str], dict]:
        """SQL conditions over `attributions t JOIN articles a`, and their parameters.
        None when the filter can select nothing (a query with no words)."""
        where: list[str] = []
        params: dict = {}
        if self.speaker:
            params["sids"] = Q.speaker_ids(con, self.speaker) or [-1]
            where.append("t.id IN (SELECT attribution_id FROM attribution_speakers "
                         "WHERE speaker_id IN (SELECT unnest($sids)))")
        if self.speaker_id is not None:
            params["sid"] = self.speaker_id
            where.append("t.id IN (SELECT attribution_id FROM attribution_speakers WHERE speaker_id = $sid)")
        if self.q and self.q.strip():
            phrase = self.q.strip()
            terms = W.terms(phrase)
            if not terms:
                where.append("false")
            else:
                params["terms"], params["nterms"] = terms, len(terms)
                where.append("t.id IN (SELECT attribution_id FROM quote_terms WHERE term IN (SELECT unnest($terms)) "
                             "GROUP BY attribution_id HAVING count(DISTINCT term) = $nterms)")
                if len(phrase) > 1 and phrase[0] == phrase[-1] == '"':
                    params["phrase"] = _like(phrase[1:-1])
                    where.append("t.content_text ILIKE $phrase ESCAPE '\\'")
        if self.outlet:
            params["outlet"] = self.outlet
            where.append("lower(a.outlet) = lower($outlet)")
        if self.since:
            params["since"] = self.since
            where.append("a.published_date >= $since")
        if self.until:
            params["until"] = self.until
            where.append("a.published_date <= $until")
        if self.article is not None:
            params["article"] = self.article
            where.append("t.article_id = $article")
        return where, params


def _like(phrase: str) -> str:
    return "%" + phrase.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


_COLS = """t.id, t.article_id, a.title, a.outlet, a.published_date AS date,
           t.speaker AS speaker_in_article, t.speaker_type, t.kind, t.confidence,
           t.content_text AS quote, t.source_text AS source, t.cue_text AS cue"""
_ROW = f"""SELECT {_COLS}, p.group_id FROM attributions t JOIN articles a ON a.id = t.article_id
           LEFT JOIN quote_appearances p ON p.attribution_id = t.id"""


def search_quotes(con, f: QuoteFilter, limit: Optional[int] = 50, offset: int = 0,
                  count: bool = True, index=None) -> tuple[list[dict], Optional[int]]:
    """Quotes matching `f`, newest first (undated last), and how many there are. With a
    `SearchIndex` the matching and ordering happen in memory and only the page's rows
    are read; without, in SQL."""
    if index is not None and f.article is None:
        return _search_indexed(con, index, f, limit, offset)
    where, params = f.where(con)
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    total = None
    if count:
        total = scalar(con, f"SELECT count(*) FROM attributions t JOIN articles a ON a.id = t.article_id{cond}",
                       params)
    page = ""
    if limit is not None:
        params["limit"], params["offset"] = int(limit), int(offset)
        page = " LIMIT $limit OFFSET $offset"
    out = rows(con, f"{_ROW}{cond} ORDER BY a.published_date DESC NULLS LAST, t.id{page}", params)
    attach_speakers(con, out)
    return out, total


def _search_indexed(con, ix, f: QuoteFilter, limit: Optional[int], offset: int) -> tuple[list[dict], int]:
    terms = None
    if f.q and f.q.strip():
        terms = W.terms(f.q)
        if not terms:
            return [], 0
    speaker_sets = []
    if f.speaker:
        speaker_sets.append(ix.speaker_ids(con, f.speaker))
    if f.speaker_id is not None:
        speaker_sets.append([f.speaker_id])
    ranks = ix.select(terms=terms, speaker_sets=speaker_sets, outlet=f.outlet, since=f.since, until=f.until)
    phrase = f.q.strip() if f.q else ""
    if len(phrase) > 1 and phrase[0] == phrase[-1] == '"' and len(ranks):
        kept = ix.with_phrase(ranks, phrase[1:-1])
        if kept is None:       # texts not in memory: one pass over them in SQL
            hit = con.execute("SELECT id FROM attributions WHERE content_text ILIKE $p ESCAPE '\\'",
                              {"p": _like(phrase[1:-1])}).fetchnumpy()["id"]
            kept = np.intersect1d(ranks, ix.ranks_of(hit), assume_unique=True)
        ranks = kept
    total = int(len(ranks))
    page = ranks[offset:] if limit is None else ranks[offset:offset + int(limit)]
    ids = ix.ids[page].tolist()
    if not ids:
        return [], total
    # lookups by key (a join would scan the whole articles table); article metadata is
    # remembered by the index
    atts = {r[0]: r for r in con.execute(
        "SELECT id, article_id, speaker, speaker_type, kind, confidence, content_text, source_text, cue_text "
        "FROM attributions WHERE id = ANY($ids)", {"ids": ids}).fetchall()}
    arts = ix.articles_meta(con, {a[1] for a in atts.values()})
    out = []
    for rank, i in zip(page.tolist(), ids):
        t = atts[i]
        a = arts[t[1]]
        out.append({"id": t[0], "article_id": t[1], "title": a[1], "outlet": a[2], "date": a[3],
                    "speaker_in_article": t[2], "speaker_type": t[3], "kind": t[4], "confidence": t[5],
                    "quote": t[6], "source": t[7], "cue": t[8], "group_id": ix.group_of(rank),
                    "speakers": ix.speakers_of(rank)})
    return out, total


def attach_speakers(con, quotes: list[dict], key: str = "id") -> None:
    """Sets each quote's `speakers` to its identities [{"id", "name"}, ...] (by name), in
    one query for the whole page (a correlated subquery would be joined over the store)."""
    ids = [q[key] for q in quotes]
    by: dict = {i: [] for i in ids}
    if ids:
        for aid, sid, name in con.execute(
                "SELECT q.attribution_id, s.id, s.name FROM attribution_speakers q JOIN speakers s "
                "ON s.id = q.speaker_id WHERE q.attribution_id IN (SELECT unnest($1)) ORDER BY s.name, s.id",
                [ids]).fetchall():
            by[aid].append({"id": sid, "name": name})
    for q in quotes:
        q["speakers"] = by.get(q[key], [])


def outlet_names(con) -> list[str]:
    return [r[0] for r in con.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL "
                                      "ORDER BY lower(outlet)").fetchall()]


# ------------------------------------------------------------------ speakers

def list_speakers(con, name: Optional[str] = None, type_: Optional[str] = None, role: str = "quoted",
                  limit: Optional[int] = 50, offset: int = 0) -> tuple[list[dict], int]:
    """Speakers with their quote and mention counts. `role` (see `store.query.SPEAKER_ROLES`):
    "quoted" (at least one quote, most quoted first), "mentioned_only" (mentioned, never
    quoted; most mentioned first) or "all". `name` matches any part of a name or alias
    (case-insensitive)."""
    cond, order = Q.SPEAKER_ROLES[role]
    where, params = [cond], {}
    if name and name.strip():
        params["pat"] = _like(name.strip())
        where.append("(s.name ILIKE $pat ESCAPE '\\' OR s.id IN (SELECT speaker_id FROM speaker_aliases "
                     "WHERE alias ILIKE $pat ESCAPE '\\'))")
    if type_:
        params["type"] = type_
        where.append("s.type = $type")
    cond = " AND ".join(where)
    out, total = paged_rows(con, f"s.id, s.name, s.type, s.quotes, s.articles, {Q.SPEAKER_COUNTS}, s.outlets, "
                                 "s.first_date, s.last_date",
                            f"FROM speaker_stats s {Q.SPEAKER_MENTIONS} WHERE {cond} ORDER BY {order}", params,
                            limit, offset, f"SELECT count(*) FROM speaker_stats s {Q.SPEAKER_MENTIONS} WHERE {cond}")
    by: dict = {s["id"]: [] for s in out}
    if by:
        for sid, alias in con.execute(
                "SELECT speaker_id, name FROM article_speakers WHERE speaker_id IN (SELECT unnest($1)) "
                "GROUP BY speaker_id, name ORDER BY count(*) DESC, name", [list(by)]).fetchall():
            by[sid].append(alias)
    for s in out:
        s["aliases"] = by[s["id"]]
    return out, total


def speaker(con, sid: int) -> Optional[dict]:
    """One speaker: name, type, counts, dates, aliases, outlets (with quote counts),
    mentions."""
    got = rows(con, "SELECT id, name, type, key FROM speakers WHERE id = $1", [sid])
    if not got:
        return None
    s = got[0]
    s.update(rows(con, """SELECT count(DISTINCT q.attribution_id) AS quotes, count(DISTINCT q.article_id) AS articles,
                             min(a.published_date) AS first_date, max(a.published_date) AS last_date
                          FROM attribution_speakers q JOIN articles a ON a.id = q.article_id
                          WHERE q.speaker_id = $1""", [sid])[0])
    s["aliases"] = rows(con, "SELECT alias, n_articles FROM speaker_aliases WHERE speaker_id = $1 "
                             "ORDER BY n_articles DESC, alias", [sid])
    s["outlets"] = rows(con, """SELECT a.outlet, count(DISTINCT q.attribution_id) AS quotes,
                                   count(DISTINCT q.article_id) AS articles
                                FROM attribution_speakers q JOIN articles a ON a.id = q.article_id
                                WHERE q.speaker_id = $1 GROUP BY a.outlet
                                ORDER BY quotes DESC, a.outlet NULLS LAST""", [sid])
    m = rows(con, "SELECT coalesce(sum(n_mentions), 0) AS mentions, count(DISTINCT article_id) AS articles_mentioned "
                  "FROM article_speakers WHERE speaker_id = $1", [sid])[0]
    s.update(m)
    return s


def speaker_timeline(con, sid: int) -> dict:
    """Quotes per day, month or year (whichever gives a readable number of bars), with
    empty periods filled in; undated quotes counted apart."""
    per_day = con.execute("""SELECT a.published_date AS d, count(DISTINCT q.attribution_id) AS n
                             FROM attribution_speakers q JOIN articles a ON a.id = q.article_id
                             WHERE q.speaker_id = $1 GROUP BY d ORDER BY d NULLS LAST""", [sid]).fetchall()
    undated = sum(n for d, n in per_day if d is None)
    dated = [(d, n) for d, n in per_day if d is not None]
    if not dated:
        return {"unit": None, "buckets": [], "undated": undated}
    first, last = dated[0][0], dated[-1][0]
    span = (last - first).days
    unit = "day" if span <= 62 else "month" if span <= 5 * 366 else "year"

    def key(d: date) -> str:
        return d.isoformat() if unit == "day" else d.strftime("%Y-%m") if unit == "month" else str(d.year)

    counts: dict[str, int] = {}
    for d, n in dated:
        counts[key(d)] = counts.get(key(d), 0) + n
    keys: list[str] = []
    if unit == "day":
        d = first
        while d <= last:
            keys.append(key(d))
            d += timedelta(days=1)
    elif unit == "month":
        y, m = first.year, first.month
        while (y, m) <= (last.year, last.month):
            keys.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        keys = [str(y) for y in range(first.year, last.year + 1)]
    return {"unit": unit, "buckets": [{"period": k, "quotes": counts.get(k, 0)} for k in keys],
            "undated": undated}


# ------------------------------------------------------------------ articles

def article(con, aid: str) -> Optional[dict]:
    """One article with its attributions (spans as [start, end] lists) and speakers; each
    attribution lists its speaker identities as {"id", "name"}."""
    a = Q.article(con, aid)
    if a is None:
        return None
    names = {r["id"]: r["name"] for r in rows(
        con, "SELECT s.id, s.name FROM speakers s WHERE s.id IN (SELECT speaker_id FROM attribution_speakers "
             "WHERE article_id = $1)", [aid])}
    for t in a["attributions"]:
        ids = [i for i in (t.pop("speaker_ids", None) or []) if i is not None]
        t["speakers"] = [{"id": i, "name": names.get(i, "")} for i in ids]
    return a


# ------------------------------------------------------------------ quote groups

def list_groups(con, q: Optional[str] = None, speaker_id: Optional[int] = None, min_articles: int = 2,
                limit: Optional[int] = 50, offset: int = 0) -> tuple[list[dict], int]:
    """Repeated quotes (appearing in at least `min_articles` articles), most repeated first.
    The counts are aggregated by group id over the candidate groups only, and the texts
    looked up for the page (`store.query.group_stats_sql`)."""
    terms = W.terms(q) if q and q.strip() else None
    if terms == []:
        return [], 0
    filt, params = Q.group_filter([speaker_id] if speaker_id is not None else None, terms)
    params["min"] = int(min_articles)
    stats = Q.group_stats_sql(filt, int(min_articles))
    out, total = paged_rows(con, "s.*", f"FROM ({stats}) s ORDER BY {Q.GROUP_ORDER}", params, limit, offset,
                            f"SELECT count(*) FROM ({stats})")
    return Q.with_group_texts(con, out), total


def group(con, gid: int) -> Optional[dict]:
    """One quote group: its base text and every appearance (oldest first), each with its
    stored word diff against the base."""
    got = rows(con, "SELECT id, text, first_attribution_id FROM quote_groups WHERE id = $1", [gid])
    if not got:
        return None
    g = got[0]
    apps = Q.group_appearances(con, gid)
    attach_speakers(con, apps, key="attribution_id")
    g["appearances"] = apps
    g["articles"] = len({r["article_id"] for r in apps})
    g["outlets"] = sorted({r["outlet"] for r in apps if r["outlet"]})
    return g


# ------------------------------------------------------------------ outlets

def list_outlets(con, top: int = 5) -> list[dict]:
    """Every outlet: articles, quotes, the speakers it quotes most, and how many people
    its articles mention versus quote."""
    out = rows(con, """SELECT a.outlet, count(*) AS articles, sum(a.n_attributions) AS quotes,
                          min(a.published_date) AS first_date, max(a.published_date) AS last_date
                       FROM articles a GROUP BY a.outlet ORDER BY quotes DESC, a.outlet NULLS LAST""")
    people = {r["outlet"]: r for r in rows(con, """
        WITH per AS (SELECT a.outlet, s.speaker_id, sum(s.quoted) AS quoted, sum(s.n_mentions) AS mentions
                     FROM article_speakers s JOIN articles a ON a.id = s.article_id
                     WHERE s.speaker_id IS NOT NULL GROUP BY a.outlet, s.speaker_id)
        SELECT outlet, count(*) AS people, count(*) FILTER (WHERE quoted > 0) AS people_quoted,
               count(*) FILTER (WHERE quoted = 0) AS people_only_mentioned
        FROM per GROUP BY outlet""")}
    tops: dict = {}
    for r in rows(con, """
        WITH per AS (SELECT a.outlet, q.speaker_id, count(DISTINCT q.attribution_id) AS quotes
                     FROM attribution_speakers q JOIN articles a ON a.id = q.article_id
                     WHERE q.speaker_id IS NOT NULL GROUP BY a.outlet, q.speaker_id),
             ranked AS (SELECT *, row_number() OVER (PARTITION BY outlet ORDER BY quotes DESC, speaker_id) AS r
                        FROM per)
        SELECT r.outlet, r.speaker_id AS id, s.name, r.quotes FROM ranked r JOIN speakers s ON s.id = r.speaker_id
        WHERE r.r <= $top ORDER BY r.outlet, r.r""", {"top": int(top)}):
        tops.setdefault(r.pop("outlet"), []).append(r)
    for o in out:
        p = people.get(o["outlet"], {})
        o["people"] = p.get("people", 0)
        o["people_quoted"] = p.get("people_quoted", 0)
        o["people_only_mentioned"] = p.get("people_only_mentioned", 0)
        o["top_quoted"] = tops.get(o["outlet"], [])
    return out


OUTLET_SORTS = {"quoted": "quoted DESC, mentions DESC", "mentioned": "mentions DESC, quoted DESC",
                "mentioned_only": "mentions DESC"}


def outlet_people(con, outlet: str, sort: str = "quoted", limit: Optional[int] = 50,
                  offset: int = 0) -> tuple[list[dict], int]:
    """The people one outlet's articles mention or quote: quotes, mentions, and the
    articles they are quoted or mentioned in. sort 'mentioned_only': those mentioned but
    never quoted by this outlet."""
    where = "quoted = 0" if sort == "mentioned_only" else "true"
    rest = (f"""FROM (SELECT s.speaker_id AS id, sum(s.quoted) AS quoted, sum(s.n_mentions) AS mentions,
                         count(DISTINCT s.article_id) FILTER (WHERE s.quoted > 0) AS articles_quoted,
                         count(DISTINCT s.article_id) AS articles_mentioned
                  FROM article_speakers s JOIN articles a ON a.id = s.article_id
                  WHERE a.outlet = $outlet AND s.speaker_id IS NOT NULL GROUP BY s.speaker_id) per
                JOIN speakers k ON k.id = per.id WHERE {where}""")
    select = "per.id, per.quoted, per.mentions, per.articles_quoted, per.articles_mentioned, k.name, k.type"
    return paged_rows(con, select, f"{rest} ORDER BY {OUTLET_SORTS[sort]}, k.name, per.id", {"outlet": outlet},
                      limit, offset, f"SELECT count(*) {rest}")


def outlet_exists(con, outlet: str) -> bool:
    return bool(scalar(con, "SELECT count(*) FROM articles WHERE outlet = $1", [outlet]))
