"""The store's verbs: ingest, speakers, quotes, article, groups, export, sql.

Added to the main parser by quotegraph.cli (`add_commands(sub)`); each verb parses its
arguments and calls the library in quotegraph.store.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date

from .. import csvsafe
from .schema import DEFAULT_DB, StoreError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
RAW = argparse.RawDescriptionHelpFormatter

INGEST_HELP = f"""\
Read news articles into a store: find every attribution, give each speaker one identity
across all articles, and group repeated quotes.

PATH is a file, a folder (searched recursively) or a glob ("news/**/*.html"):
  .txt              plain text, UTF-8; the id is the file name without .txt
  .html .htm        main text and metadata (title, date, author, site) by trafilatura
  .jsonl .json      records with a text field and optional id/title/url/published/
  .csv              outlet/author fields (names configurable with --field); records that
                    already carry "attributions" (quotegraph extract's output plus the
                    text, or --texts FOLDER) are stored without running the NLP again
  .warc .warc.gz    HTML response records, streamed one record at a time
The outlet comes from the metadata, else from the URL's domain.

Safe to repeat and to interrupt: an article whose text and metadata the store already
has is skipped as a duplicate; each article is stored whole or not at all, and a run
killed at any point and started again ends with exactly the store a clean run gives.
Inputs that cannot be read (truncated gzip, malformed HTML, bad JSON lines, wrong
encodings) are reported on stderr by file and line and skipped. A summary follows:
articles read, stored, skipped as duplicates, failed with reasons.

The store is one DuckDB file (default {DEFAULT_DB}); its tables are documented in
docs/schema.md. While an ingest runs, other commands cannot open the same store.

exit status: 0 every input was stored or was a duplicate; 1 some inputs failed (the
rest were stored); 2 bad arguments or no input found.
"""

SPEAKERS_HELP = """\
List speakers (one identity across all articles) with their aliases, outlets, first and
last dates, and both how often they are quoted and how often they are mentioned:
  quotes               attributions to them
  articles             articles quoting them
  mentions             times they are named or referred to (as a quote's source too)
  articles_mentioned   articles mentioning them
outlets and the dates are those of the articles quoting them. By default only speakers
quoted at least once are listed, most quoted first; --role mentioned_only lists those
mentioned but never quoted (most mentioned first), --role all everyone.
"""

QUOTES_HELP = """\
List quotes (attributions) from the store, newest first, filtered by any of:
  --speaker NAME   a speaker's name or any alias ("Clinton", "Hillary Rodham Clinton")
  --search TEXT    full-text: quotes containing every word of TEXT (any case, accents
                   ignored); put TEXT in double quotes for an exact phrase
  --outlet X       outlet as stored (see `quotegraph sql "SELECT DISTINCT outlet FROM articles"`)
  --since/--until  publication dates, YYYY-MM-DD, inclusive
"""

GROUPS_HELP = """\
Repeated quotes: groups of the same words reported by several articles, with every
appearance (article, outlet, date, speaker). Altered versions (words changed, dropped or
added, different punctuation) are in the group too; --diff shows, word by word, what each
appearance changed against the group's first one:  [-removed-] {+added+}.
"""

SQL_HELP = """\
Run one read-only SQL query on the store (DuckDB dialect) and print the result. The
store cannot be changed through this command. Tables and views: docs/schema.md, or
`quotegraph sql "SHOW TABLES"`.
"""

EXPORT_HELP = """\
Write the store out:
  jsonl    one article a line: metadata, text and attributions (attributions-jsonl format,
           with speaker_ids and group_id added)
  csv      one quote a row: article, outlet, date, speaker, kind, texts and offsets
  parquet  a folder with one .parquet file per table (and speaker_stats)
  brat     a folder with text/ID.txt and attributions/ID_quotegraph.ann (PolNeAR layout)

CSV (here and in every --format csv): a text cell starting with = + - @ or a tab, carriage
return or line feed gets a ' in front, so that a spreadsheet shows it rather than running
it as a formula (CSV injection); numbers are written as they are.
"""


def _db_arg(p):
    p.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"the store (default: {DEFAULT_DB})")


def _fmt_arg(p):
    p.add_argument("--format", choices=("table", "jsonl", "csv"), default="table",
                   help="output format (default: table)")
    p.add_argument("--limit", type=int, default=100, metavar="N", help="at most N rows (default 100; 0: all)")


def _date(s: str) -> date:
    try:
        return date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {s!r}") from None


def _jsonable(v):
    if isinstance(v, (date,)):
        return v.isoformat()
    return str(v)


def _cell(v, width: int) -> str:
    if v is None:
        s = ""
    elif isinstance(v, float):
        s = f"{v:.2f}"
    elif isinstance(v, (list, tuple)):
        s = ", ".join(map(str, v))
    else:
        s = str(v)
    s = " ".join(s.split())
    return s if len(s) <= width else s[:width - 1] + "…"


def print_rows(rows: list[dict], fmt: str, out=None, widths=None) -> None:
    out = out or sys.stdout
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False, default=_jsonable) + "\n")
        return
    if not rows:
        if fmt == "table":
            print("(no rows)", file=sys.stderr)
        return
    cols = list(rows[0].keys())
    if fmt == "csv":
        w = csvsafe.writer(out)
        w.writerow(cols)
        for r in rows:
            w.writerow(["; ".join(map(str, v)) if isinstance(v, list) else v for v in (r[c] for c in cols)])
        return
    widths = widths or {}
    cells = [[_cell(r[c], widths.get(c, 40)) for c in cols] for r in rows]
    ws = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    out.write("  ".join(c.ljust(w) for c, w in zip(cols, ws)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in ws) + "\n")
    for row in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(row, ws)).rstrip() + "\n")


def _open(args):
    from .schema import connect
    return connect(args.db, read_only=True)


def _fail(msg: str) -> int:
    print(f"quotegraph: error: {msg}", file=sys.stderr)
    return EXIT_SOME_FAILED


# ------------------------------------------------------------------ verbs

def cmd_ingest(args) -> int:
    from ..read.records import Fields
    from .ingest import ingest
    names = {}
    for spec in args.field or []:
        key, sep, name = spec.partition("=")
        from ..read.records import DEFAULTS
        if not sep or key not in DEFAULTS or not name:
            print(f"quotegraph: error: --field {spec!r}: expected KEY=NAME with KEY one of "
                  f"{', '.join(DEFAULTS)}", file=sys.stderr)
            return EXIT_USAGE
        names[key] = name
    fields = Fields(names=names, texts_dir=args.texts)

    def on_error(err):
        print(f"quotegraph: error: {err}", file=sys.stderr, flush=True)
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    try:
        s = ingest(args.paths, args.db, jobs=args.jobs, fields=fields, on_error=on_error, progress=show)
    except StoreError as exc:
        return _fail(str(exc))
    for line in s.lines():
        print(f"quotegraph: {line}", file=sys.stderr)
    if not s.read and not s.failed:
        print("quotegraph: error: no input found", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_SOME_FAILED if s.failed else EXIT_OK


def cmd_speakers(args) -> int:
    from . import query
    try:
        con = _open(args)
    except StoreError as exc:
        return _fail(str(exc))
    rows = query.speakers(con, type_=args.type, role="all" if args.all else args.role,
                          limit=args.limit or None, name=args.name)
    for r in rows:
        r["outlets"] = r["outlets"] or []
        r["aliases"] = r["aliases"] or []
    print_rows(rows, args.format, widths={"outlets": 30, "aliases": 40})
    return EXIT_OK


def cmd_quotes(args) -> int:
    from . import query
    try:
        con = _open(args)
    except StoreError as exc:
        return _fail(str(exc))
    rows = query.quotes(con, speaker=args.speaker, search=args.search, outlet=args.outlet,
                        since=args.since, until=args.until, limit=args.limit or None)
    if args.format == "table":
        rows = [{k: r[k] for k in ("id", "date", "outlet", "speaker", "kind", "quote", "article_id")} for r in rows]
    print_rows(rows, args.format, widths={"quote": 70, "speaker": 24, "article_id": 30})
    return EXIT_OK


def cmd_article(args) -> int:
    from . import query
    try:
        con = _open(args)
    except StoreError as exc:
        return _fail(str(exc))
    a = query.article(con, args.id)
    if a is None:
        return _fail(f"{args.db}: no article with id {args.id!r}")
    if args.format == "jsonl":
        print(json.dumps(a, ensure_ascii=False, default=_jsonable))
        return EXIT_OK
    if args.format == "csv":
        print_rows(a["attributions"], "csv")
        return EXIT_OK
    print(f"{a['id']}  {a['title'] or ''}")
    print(f"outlet: {a['outlet'] or '-'}   published: {a['published'] or '-'}   author: {a['author'] or '-'}")
    print(f"url: {a['url'] or '-'}   from: {a['path'] or '-'}")
    print()
    rows = [{"n": t["n"], "speaker": t["speaker"], "kind": t["kind"], "cue": t["cue_text"],
             "quote": t["content_text"], "group": t["group_id"]} for t in a["attributions"]]
    print_rows(rows, "table", widths={"quote": 80})
    return EXIT_OK


def _show_diff(base: str, diff: list[dict]) -> str:
    from .words import tokens
    toks = tokens(base)
    out, i = [], 0
    for d in diff:
        out += toks[i:d["at"]]
        if d["from"]:
            out.append(f"[-{d['from']}-]")
        if d["to"]:
            out.append(f"{{+{d['to']}+}}")
        i = d["at"] + len(d["from"].split()) if d["from"] else d["at"]
    out += toks[i:]
    return " ".join(out)


def cmd_groups(args) -> int:
    from . import query
    try:
        con = _open(args)
    except StoreError as exc:
        return _fail(str(exc))
    gs = query.groups(con, min_articles=args.min_articles, speaker=args.speaker, search=args.search,
                      limit=args.limit or None, with_appearances=args.diff or args.format == "jsonl")
    if args.format == "jsonl":
        for g in gs:
            g["appearances"], g["n_appearances"] = g.pop("appearances_list"), g["appearances"]
        print_rows(gs, "jsonl")
        return EXIT_OK
    if not args.diff:
        for g in gs:
            g.pop("appearances_list", None)
        print_rows(gs, args.format, widths={"text": 70})
        return EXIT_OK
    if args.format == "csv":
        rows = [{"group_id": g["id"], **{k: v for k, v in ap.items()}} for g in gs for ap in g["appearances_list"]]
        for r in rows:
            r["diff"] = json.dumps(r["diff"], ensure_ascii=False)
        print_rows(rows, "csv")
        return EXIT_OK
    for g in gs:
        print(f"group {g['id']}: {g['articles']} articles, {g['outlets']} outlets, {g['altered']} altered")
        print(f"  {g['text']}")
        for ap in g["appearances_list"]:
            what = _show_diff(g["text"], ap["diff"]) if ap["diff"] else "(same words)"
            print(f"  - {ap['date'] or '----------'}  {ap['outlet'] or '-'}  {ap['speaker'] or '-'}  "
                  f"[{ap['article_id']}]  {what}")
        print()
    return EXIT_OK


def cmd_export(args) -> int:
    from .export import export
    try:
        con = _open(args)
    except StoreError as exc:
        return _fail(str(exc))
    try:
        n = export(con, args.format, args.output)
    except OSError as exc:
        return _fail(f"{args.output}: {exc.strerror or exc}")
    print(f"quotegraph: exported {n} {'tables' if args.format == 'parquet' else 'rows'} to {args.output}",
          file=sys.stderr)
    return EXIT_OK


def cmd_sql(args) -> int:
    import duckdb
    try:
        con = _open(args)
    except StoreError as exc:
        return _fail(str(exc))
    try:
        con.execute("SET enable_external_access = false")
        cur = con.execute(args.query)
    except duckdb.Error as exc:
        return _fail(f"{exc}")
    if cur.description is None:
        return EXIT_OK
    cols = [d[0] for d in cur.description]
    rows = [dict(zip(cols, r)) for r in (cur.fetchmany(args.limit) if args.limit else cur.fetchall())]
    print_rows(rows, args.format, widths={c: 60 for c in cols})
    return EXIT_OK


def add_commands(sub) -> None:
    p = sub.add_parser("ingest", help="read articles (txt, html, jsonl, json, csv, warc) into a store",
                       description=INGEST_HELP, formatter_class=RAW)
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or glob")
    _db_arg(p)
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                   help="cores for the NLP: N worker processes of one thread each "
                        f"(default: all {os.cpu_count() or 1} CPUs; 1 runs in this process)")
    p.add_argument("--field", action="append", metavar="KEY=NAME",
                   help="record field holding KEY (id, text, title, url, published, outlet, author) "
                        "in .jsonl/.json/.csv inputs, e.g. --field text=body; repeatable")
    p.add_argument("--texts", metavar="FOLDER",
                   help="for pre-extracted records without a text: read FOLDER/ID.txt")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--progress", dest="progress", action="store_true", default=None,
                   help="always show the progress bar on stderr (default: when stderr is a terminal)")
    g.add_argument("--no-progress", dest="progress", action="store_false")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("speakers", help="list speakers: one identity across all articles",
                       description=SPEAKERS_HELP, formatter_class=RAW)
    _db_arg(p)
    p.add_argument("--type", choices=("person", "organisation"), help="only people or only organisations")
    p.add_argument("--name", metavar="NAME", help="only the speaker(s) NAME can mean")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--role", choices=("quoted", "mentioned_only", "all"), default="quoted",
                   help="quoted: quoted at least once, most quoted first (default); mentioned_only: "
                        "mentioned but never quoted, most mentioned first; all: both")
    g.add_argument("--all", action="store_true", help="the same as --role all")
    _fmt_arg(p)
    p.set_defaults(func=cmd_speakers)

    p = sub.add_parser("quotes", help="list quotes by speaker, words, outlet, dates",
                       description=QUOTES_HELP, formatter_class=RAW)
    _db_arg(p)
    p.add_argument("--speaker", metavar="NAME")
    p.add_argument("--search", metavar="TEXT")
    p.add_argument("--outlet", metavar="X")
    p.add_argument("--since", type=_date, metavar="DATE")
    p.add_argument("--until", type=_date, metavar="DATE")
    _fmt_arg(p)
    p.set_defaults(func=cmd_quotes)

    p = sub.add_parser("article", help="one article with its attributions",
                       description="Show one stored article: metadata, and each attribution with its "
                                   "speaker, cue, quote and quote group. --format jsonl gives everything, "
                                   "text and offsets included.", formatter_class=RAW)
    p.add_argument("id", metavar="ID", help="the article's id (see `quotegraph quotes`)")
    _db_arg(p)
    p.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    p.set_defaults(func=cmd_article)

    p = sub.add_parser("groups", help="repeated quotes across articles, with word-level differences",
                       description=GROUPS_HELP, formatter_class=RAW)
    _db_arg(p)
    p.add_argument("--min-articles", type=int, default=2, metavar="N",
                   help="groups appearing in at least N articles (default 2)")
    p.add_argument("--speaker", metavar="NAME", help="groups with an appearance by this speaker")
    p.add_argument("--search", metavar="TEXT", help="groups with an appearance containing these words")
    p.add_argument("--diff", action="store_true", help="list every appearance with its word differences")
    _fmt_arg(p)
    p.set_defaults(func=cmd_groups)

    p = sub.add_parser("export", help="write the store as jsonl, csv, parquet or brat",
                       description=EXPORT_HELP, formatter_class=RAW)
    _db_arg(p)
    p.add_argument("--format", choices=("jsonl", "csv", "parquet", "brat"), required=True)
    p.add_argument("-o", "--output", required=True, metavar="PATH", help="file (jsonl, csv) or folder (parquet, brat)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("sql", help="run a read-only SQL query on the store", description=SQL_HELP,
                       formatter_class=RAW)
    p.add_argument("query", metavar="SELECT")
    _db_arg(p)
    _fmt_arg(p)
    p.set_defaults(func=cmd_sql, limit=0)
    # sql: --limit default 0 (all rows)
    for a in p._actions:
        if a.dest == "limit":
            a.default = 0
            a.help = "at most N rows (default: all)"
