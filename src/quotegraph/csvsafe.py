"""CSV that spreadsheets open as data, never as formulas (CSV injection, OWASP).

Excel and LibreOffice run a cell whose text starts with `=`, `+`, `-` or `@` as a
formula (`=HYPERLINK(...)`, `@SUM(1)`, `=cmd|...`), and treat a leading tab, carriage
return or line feed the same way after trimming it. Quotes, names, titles and outlets
come from the news, so every CSV quotegraph writes goes through `writer()` here: a text
cell starting with one of those characters gets a single quote (') in front, which
spreadsheets take as "this is text" and do not show. Numbers (int, float) are written as
they are, and so is text that is just a number ("-3", "+1.5e3"), which no spreadsheet
runs. The JSON, JSONL, Parquet and brat outputs carry the text unaltered.
"""
from __future__ import annotations

import csv
import re
from typing import Any, Iterable

FORMULA_START = frozenset("=+-@\t\r\n")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def cell(v: Any) -> Any:
    """`v`, with a ' in front when it is text a spreadsheet would run as a formula."""
    if isinstance(v, str) and v and v[0] in FORMULA_START and not _NUMBER.fullmatch(v):
        return "'" + v
    return v


class SafeWriter:
    """`csv.writer` whose rows go through `cell`."""

    def __init__(self, f, **fmtparams):
        self._w = csv.writer(f, **fmtparams)

    def writerow(self, row: Iterable[Any]):
        return self._w.writerow([cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for r in rows:
            self.writerow(r)


def writer(f, **fmtparams) -> SafeWriter:
    """Like `csv.writer(f, ...)`, with formula-like text cells neutralised."""
    return SafeWriter(f, **fmtparams)
