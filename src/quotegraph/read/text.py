"""Plain-text inputs: files, folders of .txt files, and standard input.

Every problem with an input is a ReadError naming the file, so a batch can report it and
go on with the rest.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterator, Union

from ..model import Article

# A news article is a few kB; a file of many MB is a dump or a mistake, and would take
# minutes. Larger files are refused by name unless the limit is raised (--max-size).
MAX_BYTES = 5 * 1024 * 1024


class ReadError(Exception):
    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path, self.problem = path, problem


def decode(data: bytes, path: str) -> str:
    if not data.strip():
        raise ReadError(path, "empty file")
    if b"\x00" in data[:8192]:
        raise ReadError(path, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ReadError(path, f"not valid UTF-8 (byte {exc.start}, line {line}: "
                              f"{data[exc.start:exc.start + 4]!r})") from None
    return text[1:] if text.startswith("\ufeff") else text


def read_text_file(path: Union[str, Path], max_bytes: int = MAX_BYTES) -> Article:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise ReadError(str(p), f"too large ({size / 2**20:.1f} MB; the limit is {max_bytes / 2**20:.1f} MB, "
                                    "raise it with --max-size)")
        data = p.read_bytes()
    except ReadError:
        raise
    except OSError as exc:
        raise ReadError(str(p), exc.strerror or str(exc)) from None
    return Article(id=p.stem, text=decode(data, str(p)), path=str(p))


def iter_paths(paths: list[str], suffixes=(".txt",)) -> Iterator[Union[str, Path, ReadError]]:
    """Files named, and files under folders named (recursively, sorted); '-' is stdin.
    Problems (a missing path, an unreadable folder) come out as ReadError in place."""
    for arg in paths:
        if arg == "-":
            yield "-"
            continue
        p = Path(arg)
        if p.is_dir():
            def onerror(exc, _p=p):
                errors.append(ReadError(getattr(exc, "filename", str(_p)) or str(_p), exc.strerror or str(exc)))
            errors: list[ReadError] = []
            found = []
            for root, dirs, files in os.walk(p, onerror=onerror):
                dirs.sort()
                found += [Path(root) / f for f in sorted(files) if f.lower().endswith(suffixes)]
            yield from errors
            yield from found
        elif p.exists():
            yield p
        else:
            yield ReadError(arg, "no such file or folder")


def read_inputs(paths: list[str], max_bytes: int = MAX_BYTES) -> Iterator[Union[Article, ReadError]]:
    for item in iter_paths(paths):
        if isinstance(item, ReadError):
            yield item
        elif item == "-":
            try:
                data = sys.stdin.buffer.read(max_bytes + 1)
                if len(data) > max_bytes:
                    raise ReadError("<stdin>", f"too large (over {max_bytes / 2**20:.1f} MB; raise it with --max-size)")
                yield Article(id="stdin", text=decode(data, "<stdin>"), path="-")
            except ReadError as exc:
                yield exc
        else:
            try:
                yield read_text_file(item, max_bytes)
            except ReadError as exc:
                yield exc
