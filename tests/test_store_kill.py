"""A run killed with SIGKILL part-way and started again ends with exactly the store a
clean run gives: nothing lost, nothing twice."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from quotegraph.store.schema import TABLES

from synth import corpus, write_jsonl

N_ARTICLES = 3000


def dump(db) -> dict:
    """Every table's rows, sorted: the store's whole content."""
    con = duckdb.connect(str(db), read_only=True)
    out = {}
    for t in TABLES:
        cols = [r[0] for r in con.execute(f"DESCRIBE {t}").fetchall()]
        order = ", ".join(f'"{c}"' for c in cols)
        out[t] = con.execute(f"SELECT * FROM {t} ORDER BY {order}").fetchall()
    con.close()
    return out


def _ingest_cmd(src, db):
    return [sys.executable, "-m", "quotegraph.cli", "ingest", str(src), "--db", str(db), "--no-progress"]


def _count(db) -> int:
    con = duckdb.connect(str(db), read_only=True)
    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    return n


def test_sigkill_then_rerun_equals_clean_run(tmp_path):
    src = tmp_path / "corpus.jsonl"
    write_jsonl(src, corpus(N_ARTICLES, quotes_per_article=6, seed=3))
    clean, killed = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    r = subprocess.run(_ingest_cmd(src, clean), capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    n_total = _count(clean)
    assert n_total == N_ARTICLES

    # kill once a few commits are in the write-ahead log (or the file), well before the end.
    # Under load the log can pass the size mark inside the first, uncommitted batch; then
    # nothing is stored yet, so start again and wait for more before killing.
    wal = Path(str(killed) + ".wal")
    for threshold in (200_000, 400_000, 800_000):
        for f in (killed, wal):
            f.unlink(missing_ok=True)
        p = subprocess.Popen(_ingest_cmd(src, killed), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 120
        while time.time() < deadline and p.poll() is None:
            if wal.exists() and wal.stat().st_size > threshold:
                break
            time.sleep(0.01)
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
        assert p.returncode == -signal.SIGKILL
        part = _count(killed)
        if part > 0:
            break
    assert 0 < part < n_total, part  # killed part-way

    r = subprocess.run(_ingest_cmd(src, killed), capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert f"skipped {part} duplicate(s)" in r.stderr
    assert dump(killed) == dump(clean)


def test_stop_before_identity_and_groups_then_rerun(tmp_path):
    """Killed after the last article was committed but before identity and grouping ran:
    the next run (with nothing new to store) still completes them."""
    from quotegraph.store import ingest
    src = tmp_path / "c.jsonl"
    write_jsonl(src, corpus(200, quotes_per_article=5, seed=4))
    ingest([str(src)], str(tmp_path / "clean.duckdb"))
    s = ingest([str(src)], str(tmp_path / "cut.duckdb"), update_corpus=False)
    assert s.stored == 200 and dump(tmp_path / "cut.duckdb")["speakers"] == []
    s = ingest([str(src)], str(tmp_path / "cut.duckdb"))
    assert s.stored == 0 and s.duplicates == 200
    assert dump(tmp_path / "cut.duckdb") == dump(tmp_path / "clean.duckdb")
