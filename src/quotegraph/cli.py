"""The quotegraph command line: thin verbs over the library.

    quotegraph extract PATH... [-o FILE]    who said what in text files, as JSONL
    quotegraph ingest / speakers / quotes / article / groups / export / sql   (store/cli.py)
    quotegraph serve                        the web UI and HTTP API (web/cli.py)
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Optional

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

EXTRACT_HELP = """\
Find every attribution (who said what) in news articles.

PATH is a .txt file, a folder (searched recursively for .txt files) or - for standard
input. Writes one JSON line per article, as the shared attributions-jsonl format:
  {"id": FILE STEM, "attributions": [{"source": [[s, e]], "cue": [...], "content": [...],
   "type": "direct|indirect|mixed", "confidence": 0.93, "speaker": "Jane Roe",
   "speaker_type": "person", "text": {"source": "...", ...}}], "speakers": [...]}
Offsets are character offsets into the file's text as read (UTF-8).

Inputs that cannot be read (empty, binary, not UTF-8, missing, unreadable) are reported
on stderr by name and skipped; the rest of the batch is written.

exit status: 0 every input was processed; 1 some inputs failed (the others were
written); 2 bad arguments or no input at all.
"""


def _progress(total: Optional[int], show: bool):
    from tqdm import tqdm
    return tqdm(total=total, unit="article", file=sys.stderr, disable=not show,
                dynamic_ncols=True, mininterval=0.5)


def cmd_extract(args) -> int:
    from .pipeline import extract_batch
    from .read.text import ReadError, iter_paths, read_inputs

    out = open(args.output, "w", encoding="utf-8") if args.output and args.output != "-" else sys.stdout
    failed = done = 0
    ids: list[str] = []

    def good_texts():
        nonlocal failed
        for item in read_inputs(args.paths, int(args.max_size * 2**20)):
            if isinstance(item, ReadError):
                failed += 1
                print(f"quotegraph: error: {item}", file=sys.stderr, flush=True)
                continue
            ids.append(item.id)
            yield item.text

    total = None
    if args.progress is not False:
        total = sum(1 for p in iter_paths(args.paths) if not isinstance(p, ReadError))
    bar = _progress(total, args.progress if args.progress is not None else (total or 0) > 1)
    try:
        for n, res in enumerate(extract_batch(good_texts(), n_process=args.jobs, return_errors=True)):
            if isinstance(res, Exception):
                failed += 1
                print(f"quotegraph: error: {ids[n]}: extraction failed: {res!r}", file=sys.stderr, flush=True)
            else:
                out.write(json.dumps(res.to_json(ids[n], with_text=not args.no_text), ensure_ascii=False) + "\n")
                out.flush()
                done += 1
            bar.update(1)
    finally:
        bar.close()
        if out is not sys.stdout:
            out.close()
    if not done and not failed:
        print("quotegraph: error: no .txt input found", file=sys.stderr)
        return EXIT_USAGE
    if failed:
        print(f"quotegraph: {done} article(s) written, {failed} failed", file=sys.stderr)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="quotegraph",
        description="quotegraph: who said what, across the news. Finds every attribution "
                    "(direct quotes, reported speech, mixed quotes, 'according to' reports) "
                    "with its source, cue and content as character spans.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    from . import __version__
    ap.add_argument("--version", action="version", version=f"quotegraph {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser("extract", help="find attributions in text files, write JSONL",
                        description=EXTRACT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    ex.add_argument("paths", nargs="+", metavar="PATH", help=".txt file, folder, or - for stdin")
    ex.add_argument("-o", "--output", metavar="FILE", help="write JSONL here (default: stdout)")
    ex.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                    help="worker processes (default 1: spaCy and the tagger share two threads)")
    ex.add_argument("--no-text", action="store_true", help="leave out the span texts (offsets only)")
    ex.add_argument("--max-size", type=float, default=5.0, metavar="MB",
                    help="skip (and report) files larger than this (default 5 MB; long texts are "
                         "processed in chunks cut at paragraph breaks)")
    g = ex.add_mutually_exclusive_group()
    g.add_argument("--progress", dest="progress", action="store_true", default=None,
                   help="always show a progress bar on stderr (default: for more than one file)")
    g.add_argument("--no-progress", dest="progress", action="store_false")
    ex.set_defaults(func=cmd_extract)
    from .store.cli import add_commands
    add_commands(sub)
    from .web.cli import add_commands as add_web_commands
    add_web_commands(sub)
    return ap


def main(argv=None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    if not getattr(args, "func", None):
        ap.print_help()
        return EXIT_USAGE
    if getattr(args, "jobs", 1) < 1:
        ap.error("--jobs must be at least 1")
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
