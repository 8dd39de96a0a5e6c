"""The store's tables (DuckDB), documented column by column in docs/schema.md.

Everything an ingest writes is derived deterministically from the inputs and their order:
ids are counters advanced by the single writer (no sequences, whose values a killed
transaction would burn), so a run killed and started again ends with the same rows as a
clean run.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Optional, Union

SCHEMA_VERSION = "1"
DEFAULT_DB = "quotegraph.duckdb"

DDL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS articles (
    id              VARCHAR PRIMARY KEY,   -- the reader's id (file stem, record id, URL), made unique
    seq             BIGINT NOT NULL,       -- 1, 2, ... in the order articles were stored
    hash            VARCHAR NOT NULL UNIQUE, -- content hash of text + metadata (idempotent re-ingest)
    title           VARCHAR,
    url             VARCHAR,
    outlet          VARCHAR,               -- from metadata, else the URL's domain
    published       VARCHAR,               -- as given by the input
    published_date  DATE,                  -- parsed from `published` where possible
    author          VARCHAR,
    path            VARCHAR,               -- the input file (and line / record)
    text            VARCHAR NOT NULL,      -- the text every offset indexes
    n_attributions  INTEGER NOT NULL,
    extracted_by    VARCHAR NOT NULL       -- 'quotegraph' (NLP at ingest) or 'input' (pre-extracted)
);

CREATE TABLE IF NOT EXISTS attributions (
    id            BIGINT PRIMARY KEY,
    article_id    VARCHAR NOT NULL,
    n             INTEGER NOT NULL,        -- position within the article, 0-based
    kind          VARCHAR,                 -- direct | indirect | mixed
    confidence    DOUBLE,
    origin        VARCHAR,                 -- tagged | inherited | nested
    speaker       VARCHAR,                 -- in-article canonical name, NULL if anonymous/unknown
    speaker_type  VARCHAR,                 -- person | organisation | anonymous | unknown
    source        VARCHAR NOT NULL,        -- JSON [[start, end], ...]
    cue           VARCHAR NOT NULL,
    content       VARCHAR NOT NULL,
    source_text   VARCHAR,                 -- fragments' texts joined with ' … '
    cue_text      VARCHAR,
    content_text  VARCHAR,
    n_words       INTEGER NOT NULL         -- words in the content
);

CREATE TABLE IF NOT EXISTS spans (
    attribution_id BIGINT NOT NULL,
    role           VARCHAR NOT NULL,       -- source | cue | content
    n              INTEGER NOT NULL,       -- fragment number within the role
    "start"        INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    text           VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS speakers (
    id    BIGINT NOT NULL,                 -- one identity across all articles
    name  VARCHAR NOT NULL,                -- display name: the most used alias
    type  VARCHAR NOT NULL,                -- person | organisation
    key   VARCHAR NOT NULL                 -- the normalised name identities are matched on
);

CREATE TABLE IF NOT EXISTS article_speakers (
    article_id  VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,          -- in-article canonical name (an alias of the speaker)
    type        VARCHAR NOT NULL,
    quoted      INTEGER NOT NULL,          -- attributions in this article
    n_mentions  INTEGER NOT NULL,
    speaker_id  BIGINT                     -- set by identity; NULL until then
);

CREATE TABLE IF NOT EXISTS attribution_speakers (
    attribution_id BIGINT NOT NULL,
    article_id     VARCHAR NOT NULL,
    name           VARCHAR NOT NULL,       -- in-article name; several rows for "X and Y said"
    speaker_id     BIGINT
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id  VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    "start"     INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS quote_terms (   -- the full-text index: distinct words of each quote
    term            VARCHAR NOT NULL,
    attribution_id  BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS quote_groups (
    id                    BIGINT NOT NULL,
    text                  VARCHAR NOT NULL, -- the first appearance's content: the base of diffs
    first_attribution_id  BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS quote_appearances (
    group_id        BIGINT NOT NULL,
    attribution_id  BIGINT NOT NULL,
    similarity      DOUBLE NOT NULL,        -- word-sequence similarity to the group's text, 0..1
    diff            VARCHAR NOT NULL        -- JSON word diff against the group's text
);

CREATE TABLE IF NOT EXISTS group_keys (     -- candidate lookup for near-duplicate quotes
    key       BIGINT NOT NULL,
    group_id  BIGINT NOT NULL
);

CREATE OR REPLACE VIEW speaker_aliases AS
    SELECT speaker_id, name AS alias, count(*) AS n_articles
    FROM article_speakers WHERE speaker_id IS NOT NULL GROUP BY speaker_id, name;

CREATE OR REPLACE VIEW speaker_stats AS
    SELECT s.id, s.name, s.type,
           count(DISTINCT q.attribution_id) AS quotes,
           count(DISTINCT q.article_id) AS articles,
           list(DISTINCT a.outlet ORDER BY a.outlet) FILTER (WHERE a.outlet IS NOT NULL) AS outlets,
           min(a.published_date) AS first_date,
           max(a.published_date) AS last_date
    FROM speakers s
    LEFT JOIN attribution_speakers q ON q.speaker_id = s.id
    LEFT JOIN articles a ON a.id = q.article_id
    GROUP BY s.id, s.name, s.type;

CREATE OR REPLACE VIEW quotes AS
    SELECT t.id, t.article_id, a.outlet, a.published_date, a.title, a.url,
           t.speaker, t.speaker_type, t.kind, t.confidence, t.content_text, t.source_text, t.cue_text,
           p.group_id
    FROM attributions t JOIN articles a ON a.id = t.article_id
    LEFT JOIN quote_appearances p ON p.attribution_id = t.id;
"""

# DuckDB uses an (ART) index only for equality with a constant; lookups by lists of
# values (terms, keys, speaker ids) are hash joins over column scans, which need none.
INDEXES = """
CREATE INDEX IF NOT EXISTS attributions_article ON attributions(article_id);
CREATE INDEX IF NOT EXISTS article_speakers_article ON article_speakers(article_id);
CREATE INDEX IF NOT EXISTS quote_appearances_group ON quote_appearances(group_id);
"""

TABLES = ("meta", "articles", "attributions", "spans", "speakers", "article_speakers",
          "attribution_speakers", "mentions", "quote_terms", "quote_groups", "quote_appearances",
          "group_keys")


class StoreError(Exception):
    pass


def connect(path: Union[str, Path] = DEFAULT_DB, read_only: bool = False, create: bool = True):
    """A DuckDB connection to the store at `path`, with the schema in place (created if
    new and `create`). Read-only connections also refuse access to other files."""
    import duckdb
    p = Path(path)
    if read_only or not create:
        if not p.exists():
            raise StoreError(f"{path}: no such store (create one with `quotegraph ingest`)")
    try:
        if read_only:
            con = duckdb.connect(str(p), read_only=True)
        else:
            con = duckdb.connect(str(p))
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot open the store: {exc}") from None
    if not read_only:
        con.execute("BEGIN")
        con.execute(DDL)
        con.execute(INDEXES)
        con.execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", [SCHEMA_VERSION])
        con.execute("COMMIT")
    else:
        try:
            v = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.Error:
            con.close()
            raise StoreError(f"{path}: not a quotegraph store") from None
        if not v or v[0] != SCHEMA_VERSION:
            con.close()
            raise StoreError(f"{path}: store schema version {v and v[0]!r}, this quotegraph reads {SCHEMA_VERSION!r}")
    return con


@contextmanager
def transaction(con):
    """BEGIN … COMMIT, or ROLLBACK if anything (even KeyboardInterrupt) escapes: what a
    writer stores goes in whole or not at all."""
    con.execute("BEGIN")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def insert_rows(con, table: str, rows: list[tuple]) -> None:
    """Append rows (tuples in the table's column order) in one statement: DuckDB unnests
    one list per column, far faster than a row at a time."""
    if not rows:
        return
    cols = list(zip(*rows))
    ph = ", ".join(f"unnest(${i + 1})" for i in range(len(cols)))
    con.execute(f"INSERT INTO {table} SELECT {ph}", [list(c) for c in cols])
