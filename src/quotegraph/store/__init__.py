"""The corpus store: articles, attributions, speaker identities and quote groups in one
DuckDB file. See docs/schema.md for the tables.

    from quotegraph.store import ingest, connect, query
    summary = ingest(["news/"], "news.duckdb", jobs=2)
    con = connect("news.duckdb", read_only=True)
    query.quotes(con, speaker="Hillary Clinton", search="emails")
"""
from __future__ import annotations

from . import query
from .ingest import Summary, content_hash, ingest
from .schema import DEFAULT_DB, SCHEMA_VERSION, StoreError, connect

__all__ = ["ingest", "connect", "query", "Summary", "content_hash", "StoreError", "DEFAULT_DB", "SCHEMA_VERSION"]
