"""The web UI and HTTP API over a quotegraph store (read-only).

    from quotegraph.web import create_app
    app = create_app("news.duckdb")        # an ASGI app: uvicorn.run(app, host="127.0.0.1")

Pages (HTML) and their JSON twins under /api (add `format=csv` to any list for CSV):

    /  /search          ?q=&speaker=&speaker_id=&outlet=&since=&until=&page=&per_page=
    /speakers           ?name=&type=&role=quoted|mentioned_only|all&page=&per_page=
    /speakers/ID        one speaker: timeline, aliases, outlets, quotes newest first
    /articles/ID        the text with every attribution highlighted
    /groups             ?q=&speaker_id=&min_articles=&page=&per_page=
    /groups/ID          a repeated quote: appearances, word differences side by side
    /outlets            who each outlet quotes most; people mentioned versus quoted
    /outlets/NAME       ?sort=quoted|mentioned|mentioned_only&page=&per_page=

OpenAPI docs at /docs (served from local files, no CDN). The store is opened read-only
once; each worker thread queries it through a cursor of its own (a DuckDB connection must
not be used by two threads at once).
"""
from __future__ import annotations

import io
import json
import logging
import math
import queue
import threading
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Iterator, Optional, Union
from urllib.parse import parse_qsl, quote, urlencode

from fastapi import FastAPI, Path as PathParam, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException

from .. import __version__, csvsafe
from ..store.schema import connect
from . import queries as Q
from . import render as R

log = logging.getLogger("quotegraph.web")
HERE = Path(__file__).resolve().parent
CSV_LIMIT = 100_000          # rows in one CSV download at most
DOCS_PATHS = ("/docs", "/redoc", "/openapi.json", "/static-offline-docs")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


# ------------------------------------------------------------------ the store

class Store:
    """A read-only DuckDB database: a cursor per worker thread (`local`), and a pool of
    cursors for other threads (`cursor`, e.g. the search index build)."""

    def __init__(self, path: Union[str, Path], search_index: Union[bool, str] = "background"):
        self.path = str(path)
        self.con = connect(path, read_only=True)   # StoreError if missing or not a store
        self._lock = threading.Lock()
        self._free: "queue.SimpleQueue" = queue.SimpleQueue()
        self._tls = threading.local()
        self.search = None
        if search_index:
            from .search_index import IndexHolder
            self.search = IndexHolder(self.cursor, background=search_index == "background")

    def index(self):
        """The in-memory search index, or None (not built yet, off, or too large)."""
        return self.search.get() if self.search is not None else None

    def local(self):
        """This thread's own cursor (FastAPI runs the endpoints in a pool of worker
        threads; each keeps one cursor, so no two threads ever share one)."""
        cur = getattr(self._tls, "con", None)
        if cur is None:
            with self._lock:
                cur = self.con.cursor()
            self._tls.con = cur
        return cur

    @contextmanager
    def cursor(self) -> Iterator[Any]:
        try:
            cur = self._free.get_nowait()
        except queue.Empty:
            with self._lock:
                cur = self.con.cursor()
        try:
            yield cur
        finally:
            self._free.put(cur)

    def close(self):
        self.con.close()



# ------------------------------------------------------------------ parameters

Page = Annotated[int, Query(ge=1, le=1_000_000, description="page number, from 1")]
PerPage = Annotated[int, Query(ge=1, le=500, description="rows per page (1-500)")]


class Fmt(str, Enum):
    json = "json"
    csv = "csv"


class SpeakerType(str, Enum):
    person = "person"
    organisation = "organisation"


class SpeakerRole(str, Enum):
    quoted = "quoted"
    mentioned_only = "mentioned_only"
    all = "all"


class OutletSort(str, Enum):
    quoted = "quoted"
    mentioned = "mentioned"
    mentioned_only = "mentioned_only"


FormatQ = Annotated[Fmt, Query(description="`json`, or `csv`: the whole list (every page, "
                                           f"at most {CSV_LIMIT:,} rows) as CSV")]
TextQ = Annotated[Optional[str], Query(max_length=500, description="full-text query: every word must be in the "
                                                                    "quote; \"in double quotes\" for a phrase")]
SpeakerQ = Annotated[Optional[str], Query(max_length=300, description="speaker name or alias")]
SpeakerIdQ = Annotated[Optional[int], Query(ge=0, description="speaker identity (as in /api/speakers)")]
OutletQ = Annotated[Optional[str], Query(max_length=300, description="outlet (case-insensitive)")]
SinceQ = Annotated[Optional[date], Query(description="published on or after (YYYY-MM-DD)")]
UntilQ = Annotated[Optional[date], Query(description="published on or before (YYYY-MM-DD)")]
SpeakerId = Annotated[int, PathParam(ge=0, description="speaker identity")]
MinArticles = Annotated[int, Query(ge=1, le=10_000, description="groups found in at least this many articles")]
GroupId = Annotated[int, PathParam(ge=0, description="quote group id")]
SortQ = Annotated[OutletSort, Query(description="quoted | mentioned | mentioned_only (never quoted)")]
RoleQ = Annotated[SpeakerRole, Query(description="quoted: quoted at least once, most quoted first (the default); "
                                                 "mentioned_only: mentioned but never quoted, most mentioned first; "
                                                 "all: both, quoted first")]

# ------------------------------------------------------------------ columns of the CSV downloads

QUOTE_COLS = ["id", "date", "outlet", "speakers", "speaker_in_article", "speaker_type", "kind", "confidence",
              "quote", "source", "cue", "article_id", "title", "group_id"]
SPEAKER_COLS = ["id", "name", "type", "quotes", "articles", "mentions", "articles_mentioned", "outlets", "first_date",
                "last_date", "aliases"]
ATTRIBUTION_COLS = ["id", "n", "speakers", "speaker", "speaker_type", "kind", "confidence", "origin",
                    "source_text", "cue_text", "content_text", "source", "cue", "content", "group_id"]
GROUP_COLS = ["id", "text", "appearances", "articles", "outlets", "altered", "first_date", "last_date"]
APPEARANCE_COLS = ["attribution_id", "date", "outlet", "speakers", "speaker_in_article", "quote", "similarity",
                   "changes", "article_id", "title"]
OUTLET_COLS = ["outlet", "articles", "quotes", "people", "people_quoted", "people_only_mentioned",
               "top_quoted", "first_date", "last_date"]
PEOPLE_COLS = ["id", "name", "type", "quoted", "mentions", "articles_quoted", "articles_mentioned"]


def csv_response(items: list[dict], columns: list[str], name: str) -> Response:
    buf = io.StringIO()
    w = csvsafe.writer(buf)
    w.writerow(columns)
    for it in items:
        w.writerow([_csv_cell(it.get(c)) for c in columns])
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="quotegraph-{name}.csv"'})


def _csv_cell(v):
    if v is None:
        return ""
    if isinstance(v, list):
        if v and isinstance(v[0], (list, tuple)):
            return " ".join(f"{a}-{b}" for a, b in v)
        return "; ".join(str(_csv_cell(x)) for x in v)
    if isinstance(v, dict):
        if "op" in v:
            return f"{v['op']}: {v.get('from', '')} -> {v.get('to', '')}"
        return v.get("name") or v.get("alias") or ""
    return v


def _json_default(v):
    if isinstance(v, (date,)):
        return v.isoformat()
    if isinstance(v, (set, tuple)):
        return list(v)
    if isinstance(v, Enum):
        return v.value
    return str(v)


class FastJSON(JSONResponse):
    """JSON straight from the rows (dates as ISO strings), without FastAPI's generic
    encoder walking every value."""

    def render(self, content) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=_json_default).encode("utf-8")


def paged(total: int, page: int, per_page: int) -> dict:
    return {"total": total, "page": page, "per_page": per_page, "pages": max(1, math.ceil(total / per_page))}


# ------------------------------------------------------------------ what each page shows (JSON-ready)

def search_data(con, q, speaker, speaker_id, outlet, since, until, page, per_page, everything=False,
                index=None) -> dict:
    f = Q.QuoteFilter(q=q, speaker=speaker, speaker_id=speaker_id, outlet=outlet, since=since, until=until)
    lim, off = (CSV_LIMIT, 0) if everything else (per_page, (page - 1) * per_page)
    results, total = Q.search_quotes(con, f, limit=lim, offset=off, index=index)
    return {"query": {"q": q, "speaker": speaker, "speaker_id": speaker_id, "outlet": outlet, "since": since,
                      "until": until}, **paged(total, page, per_page), "results": results}


def speakers_data(con, name, type_, role, page, per_page, everything=False) -> dict:
    lim, off = (CSV_LIMIT, 0) if everything else (per_page, (page - 1) * per_page)
    results, total = Q.list_speakers(con, name=name, type_=type_ and type_.value, role=role.value, limit=lim,
                                     offset=off)
    return {"query": {"name": name, "type": type_ and type_.value, "role": role.value},
            **paged(total, page, per_page), "results": results}


def speaker_data(con, sid, page, per_page, everything=False, index=None) -> dict:
    s = Q.speaker(con, sid)
    if s is None:
        raise HTTPException(404, f"no speaker with id {sid}")
    lim, off = (CSV_LIMIT, 0) if everything else (per_page, (page - 1) * per_page)
    quotes, total = Q.search_quotes(con, Q.QuoteFilter(speaker_id=sid), limit=lim, offset=off, index=index)
    return {"speaker": s, "timeline": Q.speaker_timeline(con, sid),
            "quotes": {**paged(total, page, per_page), "results": quotes}}


def article_data(con, aid) -> dict:
    a = Q.article(con, aid)
    if a is None:
        raise HTTPException(404, "no such article")
    return a


def groups_data(con, q, speaker_id, min_articles, page, per_page, everything=False) -> dict:
    lim, off = (CSV_LIMIT, 0) if everything else (per_page, (page - 1) * per_page)
    results, total = Q.list_groups(con, q=q, speaker_id=speaker_id, min_articles=min_articles, limit=lim, offset=off)
    return {"query": {"q": q, "speaker_id": speaker_id, "min_articles": min_articles},
            **paged(total, page, per_page), "results": results}


def group_data(con, gid) -> dict:
    g = Q.group(con, gid)
    if g is None:
        raise HTTPException(404, f"no quote group with id {gid}")
    for a in g["appearances"]:
        d = R.word_diff(g["text"], a["quote"] or "")
        a["changes"] = d["changes"]
        a["_diff"] = d
    return g


def outlet_data(con, outlet, sort, page, per_page, everything=False) -> dict:
    if not Q.outlet_exists(con, outlet):
        raise HTTPException(404, "no such outlet")
    lim, off = (CSV_LIMIT, 0) if everything else (per_page, (page - 1) * per_page)
    results, total = Q.outlet_people(con, outlet, sort=sort.value, limit=lim, offset=off)
    return {"outlet": outlet, "sort": sort.value, **paged(total, page, per_page), "results": results}


def _public(d):
    """Drops the render-only keys (leading underscore) before JSON."""
    if isinstance(d, dict):
        return {k: _public(v) for k, v in d.items() if not k.startswith("_")}
    if isinstance(d, list):
        return [_public(x) for x in d]
    return d


# ------------------------------------------------------------------ templates

def article_url(aid: str) -> str:
    return "/articles/" + quote(str(aid), safe="")


def outlet_url(name: str) -> str:
    return "/outlets/" + quote(str(name), safe="")


def make_env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(article_url=article_url, outlet_url=outlet_url, safe_url=R.safe_url, version=__version__)

    def qs(**params) -> str:
        kept = {k: v for k, v in params.items() if v not in (None, "")}
        return ("?" + urlencode(kept)) if kept else ""
    env.globals["qs"] = qs
    env.filters["fmt_date"] = lambda d: d.isoformat() if isinstance(d, date) else (d or "")
    env.filters["num"] = lambda n: f"{n:,}" if isinstance(n, int) else ("" if n is None else n)
    env.filters["pct"] = lambda x: "" if x is None else f"{100 * x:.0f}%"
    return env


def page_links(request: Request, info: dict) -> dict:
    """Links to the previous and next pages, keeping the other parameters."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "page"]

    def link(p):
        return quote(request.scope["path"], safe="/") + "?" + urlencode(params + [("page", str(p))])
    return {"prev": link(info["page"] - 1) if info["page"] > 1 else None,
            "next": link(info["page"] + 1) if info["page"] < info["pages"] else None,
            "first": (info["page"] - 1) * info["per_page"] + 1}


def api_link(request: Request, **extra) -> str:
    """The JSON (or, with format="csv", CSV) twin of the page asked for."""
    path = request.scope["path"]                     # decoded: re-encode each character once
    path = "/api/search" if path == "/" else "/api" + path
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in extra]
    params += [(k, v) for k, v in extra.items() if v is not None]
    return quote(path, safe="/") + ("?" + urlencode(params) if params else "")


# ------------------------------------------------------------------ middleware

class Hardening:
    """Plain ASGI middleware: drops empty query parameters (an empty form field means
    'not given'), and adds security headers (a strict CSP on our pages)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        qs = scope.get("query_string") or b""
        if qs:
            pairs = parse_qsl(qs.decode("latin-1"), keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if v.strip() != ""]
            if len(kept) != len(pairs):
                scope = dict(scope)
                scope["query_string"] = urlencode(kept).encode("latin-1")
        docs = scope.get("path", "").startswith(DOCS_PATHS)

        async def send_(msg):
            if msg["type"] == "http.response.start":
                headers = list(msg.get("headers") or [])
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                            (b"x-frame-options", b"DENY")]
                if not docs:
                    headers.append((b"content-security-policy", CSP.encode()))
                msg = {**msg, "headers": headers}
            await send(msg)
        await self.app(scope, receive, send_)


# ------------------------------------------------------------------ the app

def create_app(db_path: Union[str, Path], search_index: Union[bool, str] = "background") -> FastAPI:
    """The ASGI app over the store at `db_path`, opened read-only (StoreError if it is
    missing or not a quotegraph store). `search_index`: "background" (default) builds the
    in-memory search index in a thread (SQL answers searches until it is ready); True
    builds it before returning; False never (every search in SQL)."""
    from fastapi_offline import FastAPIOffline

    store = Store(db_path, search_index)
    app = FastAPIOffline(title="quotegraph", version=__version__,
                         description="Who said what, across the news: the quotegraph store as an HTTP API. "
                                     "Every list takes `format=csv` for a CSV download; the HTML pages at the "
                                     "same paths without `/api` show the same data.",
                         openapi_tags=[{"name": "api", "description": "JSON (and CSV) endpoints"}])
    app.state.store = store
    env = make_env()
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_middleware(Hardening)

    def html(request: Request, template: str, status: int = 200, **ctx) -> HTMLResponse:
        ctx.setdefault("title", "quotegraph")
        body = env.get_template(template).render(request=request, path=request.url.path, store=Path(store.path).name,
                                                 **ctx)
        return HTMLResponse(body, status_code=status)

    # ---------------- errors: clean pages, never a traceback
    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path.startswith("/openapi")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and detail == "Not Found":
            detail = "There is no page at this address."
        if wants_json(request):
            return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))
        return html(request, "error.html", exc.status_code, title=f"{exc.status_code}", code=exc.status_code,
                    message=detail, problems=[])

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, exc: RequestValidationError):
        problems = [{"where": ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path")),
                     "problem": e.get("msg", "invalid")} for e in exc.errors()]
        if wants_json(request):
            return JSONResponse({"detail": jsonable_encoder(problems)}, status_code=422)
        return html(request, "error.html", 422, title="422", code=422, message="Some parameters are not valid.",
                    problems=problems)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception):
        log.exception("error serving %s", request.url.path)
        if wants_json(request):
            return JSONResponse({"detail": "internal server error"}, status_code=500)
        return html(request, "error.html", 500, title="500", code=500,
                    message="Something went wrong on the server. The error was logged.", problems=[])

    # ---------------- search
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: TextQ = None, speaker: SpeakerQ = None,
                    speaker_id: SpeakerIdQ = None, outlet: OutletQ = None, since: SinceQ = None,
                    until: UntilQ = None, page: Page = 1, per_page: PerPage = 50):
        con = store.local()
        d = search_data(con, q, speaker, speaker_id, outlet, since, until, page, per_page, index=store.index())
        sname = None
        if speaker_id is not None:
            s = Q.rows(con, "SELECT name FROM speakers WHERE id = $1", [speaker_id])
            sname = s[0]["name"] if s else None
        return html(request, "search.html", title="Search quotes", d=d, nav=page_links(request, d),
                    outlets=Q.outlet_names(con), speaker_name=sname,
                    api=api_link(request), csv=api_link(request, format="csv", page=None))

    @app.get("/api/search", tags=["api"], summary="Search quotes")
    def api_search(q: TextQ = None, speaker: SpeakerQ = None, speaker_id: SpeakerIdQ = None,
                   outlet: OutletQ = None, since: SinceQ = None, until: UntilQ = None, page: Page = 1,
                   per_page: PerPage = 50, format: FormatQ = Fmt.json):
        """Quotes matching every filter, newest first (undated last), one page at a time."""
        con = store.local()
        d = search_data(con, q, speaker, speaker_id, outlet, since, until, page, per_page,
                        everything=format is Fmt.csv, index=store.index())
        if format is Fmt.csv:
            return csv_response(d["results"], QUOTE_COLS, "search")
        return FastJSON(d)

    # ---------------- speakers
    @app.get("/speakers", response_class=HTMLResponse, include_in_schema=False)
    def speakers_page(request: Request, name: SpeakerQ = None, type: Optional[SpeakerType] = None,
                      role: RoleQ = SpeakerRole.quoted, page: Page = 1, per_page: PerPage = 50):
        con = store.local()
        d = speakers_data(con, name, type, role, page, per_page)
        return html(request, "speakers.html", title="Speakers", d=d, nav=page_links(request, d),
                    api=api_link(request), csv=api_link(request, format="csv", page=None))

    @app.get("/api/speakers", tags=["api"], summary="List speakers")
    def api_speakers(name: SpeakerQ = None, type: Optional[SpeakerType] = None, role: RoleQ = SpeakerRole.quoted,
                     page: Page = 1, per_page: PerPage = 50, format: FormatQ = Fmt.json):
        """Speaker identities, each with how often it is quoted (`quotes`, in `articles`
        articles) and mentioned (`mentions`, in `articles_mentioned` articles). By default
        those quoted at least once, most quoted first; `role=mentioned_only`: those
        mentioned but never quoted, most mentioned first; `role=all`: both. `name` matches
        part of a name or alias."""
        con = store.local()
        d = speakers_data(con, name, type, role, page, per_page, everything=format is Fmt.csv)
        if format is Fmt.csv:
            return csv_response(d["results"], SPEAKER_COLS, "speakers")
        return FastJSON(d)

    @app.get("/speakers/{speaker_id}", response_class=HTMLResponse, include_in_schema=False)
    def speaker_page(request: Request, speaker_id: SpeakerId, page: Page = 1, per_page: PerPage = 50):
        con = store.local()
        d = speaker_data(con, speaker_id, page, per_page, index=store.index())
        chart = R.timeline_svg(d["timeline"]["buckets"], d["timeline"]["unit"])
        return html(request, "speaker.html", title=d["speaker"]["name"], d=d, chart=chart,
                    nav=page_links(request, d["quotes"]), api=api_link(request),
                    csv=api_link(request, format="csv", page=None))

    @app.get("/api/speakers/{speaker_id}", tags=["api"], summary="One speaker")
    def api_speaker(speaker_id: SpeakerId, page: Page = 1, per_page: PerPage = 50,
                    format: FormatQ = Fmt.json):
        """A speaker's name, aliases, outlets (with quote counts), timeline, and quotes
        newest first (paginated; `format=csv`: all the quotes)."""
        con = store.local()
        d = speaker_data(con, speaker_id, page, per_page, everything=format is Fmt.csv, index=store.index())
        if format is Fmt.csv:
            return csv_response(d["quotes"]["results"], QUOTE_COLS, f"speaker-{speaker_id}")
        return FastJSON(d)

    # ---------------- articles
    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str):
        con = store.local()
        a = article_data(con, article_id)
        colours = R.colour_map(a["attributions"])
        info = {str(t["id"]): {"speaker": ", ".join(s["name"] for s in t["speakers"]) or t["speaker"]
                               or f"({t['speaker_type'] or 'unknown'} source)",
                               "kind": t["kind"], "cue": t["cue_text"] or ""} for t in a["attributions"]}
        legend, seen = [], set()
        for t in a["attributions"]:
            k = R.speaker_key(t)
            if k in seen:
                continue
            seen.add(k)
            legend.append({"cls": R.colour_class(t, colours), "name": info[str(t["id"])]["speaker"],
                           "id": t["speakers"][0]["id"] if t["speakers"] else None,
                           "n": sum(1 for u in a["attributions"] if R.speaker_key(u) == k)})
        return html(request, "article.html", title=a["title"] or a["id"], a=a, marked=R.highlight(a["text"],
                    a["attributions"]), info=info, legend=legend, colours=colours, colour_class=R.colour_class,
                    api=api_link(request), csv=api_link(request, format="csv"))

    @app.get("/api/articles/{article_id:path}", tags=["api"], summary="One article")
    def api_article(article_id: str, format: FormatQ = Fmt.json):
        """The article's metadata and text, its attributions (source, cue and content as
        `[start, end]` character offsets into `text`) and speakers; `format=csv`: the
        attributions."""
        con = store.local()
        a = article_data(con, article_id)
        if format is Fmt.csv:
            return csv_response(a["attributions"], ATTRIBUTION_COLS, "article")
        return FastJSON(a)

    # ---------------- quote groups
    @app.get("/groups", response_class=HTMLResponse, include_in_schema=False)
    def groups_page(request: Request, q: TextQ = None, speaker_id: SpeakerIdQ = None,
                    min_articles: MinArticles = 2, page: Page = 1, per_page: PerPage = 50):
        con = store.local()
        d = groups_data(con, q, speaker_id, min_articles, page, per_page)
        return html(request, "groups.html", title="Repeated quotes", d=d, nav=page_links(request, d),
                    api=api_link(request), csv=api_link(request, format="csv", page=None))

    @app.get("/api/groups", tags=["api"], summary="List repeated quotes")
    def api_groups(q: TextQ = None, speaker_id: SpeakerIdQ = None, min_articles: MinArticles = 2,
                   page: Page = 1, per_page: PerPage = 50, format: FormatQ = Fmt.json):
        """Quote groups (the same words in several articles), most repeated first."""
        con = store.local()
        d = groups_data(con, q, speaker_id, min_articles, page, per_page, everything=format is Fmt.csv)
        if format is Fmt.csv:
            return csv_response(d["results"], GROUP_COLS, "groups")
        return FastJSON(d)

    @app.get("/groups/{group_id}", response_class=HTMLResponse, include_in_schema=False)
    def group_page(request: Request, group_id: GroupId):
        con = store.local()
        g = group_data(con, group_id)
        return html(request, "group.html", title=f"Quote group {group_id}", g=g, api=api_link(request),
                    csv=api_link(request, format="csv"))

    @app.get("/api/groups/{group_id}", tags=["api"], summary="One repeated quote")
    def api_group(group_id: GroupId, format: FormatQ = Fmt.json):
        """Every appearance of a repeated quote (article, outlet, date, speakers), with the
        word changes from the group's first version (`diff` as stored, `changes` as
        shown); `format=csv`: the appearances."""
        con = store.local()
        g = group_data(con, group_id)
        if format is Fmt.csv:
            return csv_response(g["appearances"], APPEARANCE_COLS, f"group-{group_id}")
        return FastJSON(_public(g))

    # ---------------- outlets
    @app.get("/outlets", response_class=HTMLResponse, include_in_schema=False)
    def outlets_page(request: Request):
        con = store.local()
        return html(request, "outlets.html", title="Outlets", outlets=Q.list_outlets(con), api=api_link(request),
                    csv=api_link(request, format="csv"))

    @app.get("/api/outlets", tags=["api"], summary="List outlets")
    def api_outlets(format: FormatQ = Fmt.json):
        """Every outlet: articles, quotes, the speakers it quotes most (`top_quoted`), and
        how many people its articles mention, quote, or only mention."""
        con = store.local()
        out = Q.list_outlets(con)
        if format is Fmt.csv:
            return csv_response(out, OUTLET_COLS, "outlets")
        return FastJSON({"results": out})

    @app.get("/outlets/{outlet:path}", response_class=HTMLResponse, include_in_schema=False)
    def outlet_page(request: Request, outlet: str, sort: SortQ = OutletSort.quoted, page: Page = 1,
                    per_page: PerPage = 50):
        con = store.local()
        d = outlet_data(con, outlet, sort, page, per_page)
        return html(request, "outlet.html", title=outlet, d=d, nav=page_links(request, d), api=api_link(request),
                    csv=api_link(request, format="csv", page=None))

    @app.get("/api/outlets/{outlet:path}", tags=["api"], summary="People in one outlet")
    def api_outlet(outlet: str, sort: SortQ = OutletSort.quoted, page: Page = 1,
                   per_page: PerPage = 50, format: FormatQ = Fmt.json):
        """The people an outlet's articles quote or mention: quotes, mentions, articles."""
        con = store.local()
        d = outlet_data(con, outlet, sort, page, per_page, everything=format is Fmt.csv)
        if format is Fmt.csv:
            return csv_response(d["results"], PEOPLE_COLS, "outlet")
        return FastJSON(d)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return RedirectResponse("/static/favicon.svg")

    return app
