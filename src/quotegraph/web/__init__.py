"""The web UI and HTTP API over a quotegraph store: `create_app(db_path)` gives the ASGI
app; `quotegraph serve` runs it with uvicorn. See docs/web.md."""
from __future__ import annotations


def create_app(db_path, **options):
    """The ASGI app over the store at `db_path` (see `quotegraph.web.app.create_app`)."""
    from .app import create_app as _create
    return _create(db_path, **options)


__all__ = ["create_app"]
