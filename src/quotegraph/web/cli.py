"""`quotegraph serve`: the web UI and HTTP API over a store.

    quotegraph serve [--db FILE] [--host 127.0.0.1] [--port 8000] [--workers N]

Register with `add_commands(sub)` on the CLI's subparsers.
"""
from __future__ import annotations

import ipaddress
import os
import sys

SERVE_HELP = """\
Serve the store in the browser and as an HTTP API (read-only).

Pages: search, speakers, articles (attributions highlighted), repeated quotes, outlets.
Every page has a JSON twin under /api (lists also take format=csv); the API is documented
at /docs. Binds to 127.0.0.1 (this machine only) unless --host says otherwise.

While the server runs it holds the store open read-only: stop it before an ingest writes
to the same file (DuckDB allows one writing process and no readers beside it).
"""


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


ENV_DB, ENV_INDEX = "QUOTEGRAPH_SERVE_DB", "QUOTEGRAPH_SERVE_INDEX"


def app_from_env():
    """The app for each worker process of `serve --workers N` (uvicorn imports it by
    name): the store from $QUOTEGRAPH_SERVE_DB; $QUOTEGRAPH_SERVE_INDEX=now builds the
    search index before the worker serves."""
    from .app import create_app
    mode = os.environ.get(ENV_INDEX, "background")
    return create_app(os.environ[ENV_DB], search_index=True if mode == "now" else False if mode == "off"
                      else "background")


def cmd_serve(args) -> int:
    from ..store.schema import StoreError
    from .app import create_app
    if args.workers < 1:
        print("quotegraph: error: --workers must be at least 1", file=sys.stderr)
        return 2
    try:
        app = create_app(args.db, search_index="background" if args.workers == 1 else False)
    except StoreError as exc:
        print(f"quotegraph: error: {exc}", file=sys.stderr)
        return 2
    if not _is_loopback(args.host):
        print(f"quotegraph: warning: serving on {args.host}: reachable from other machines", file=sys.stderr)
    import uvicorn
    print(f"quotegraph: serving {args.db} at http://{args.host}:{args.port}/ (API docs at /docs); "
          f"Ctrl-C to stop", file=sys.stderr)
    common = dict(host=args.host, port=args.port, log_level=args.log_level, server_header=False,
                  proxy_headers=False)
    if args.workers == 1:
        uvicorn.run(app, **common)
        return 0
    app.state.store.close()                 # checked; each worker opens the store itself
    os.environ[ENV_DB] = os.path.abspath(args.db)
    uvicorn.run("quotegraph.web.cli:app_from_env", factory=True, workers=args.workers, **common)
    return 0


def add_commands(sub) -> None:
    import argparse
    from ..store.schema import DEFAULT_DB
    p = sub.add_parser("serve", help="the web UI and HTTP API over a store",
                       description=SERVE_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"the store (default {DEFAULT_DB})")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1, metavar="N",
                   help=f"server processes (default: all {os.cpu_count() or 1} CPUs); each opens the store "
                        "read-only and keeps its own search index")
    p.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"],
                   help="server log level (default info)")
    p.set_defaults(func=cmd_serve)
