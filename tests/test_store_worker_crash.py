"""An NLP worker process that dies mid-ingest (SIGKILL, out of memory) does not hang the
ingest: its batch is redone in a fresh pool and every article is stored."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

TEXT = ("“We will reopen the harbour bridge in May,” said Mayor Helena Marsh on Tuesday.\n\n"
        "Councillor Tomas Reyes said the budget for article {n} was far too small.\n\n") * 6


def _children(pid: int) -> list[int]:
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(d.name))
    return out


def _nlp_workers(pid: int) -> list[int]:
    """The pool's workers: children of the forkserver process the ingest started."""
    servers = [c for c in _children(pid) if b"forkserver" in Path(f"/proc/{c}/cmdline").read_bytes()]
    return [w for s in servers for w in _children(s)]


def test_killed_worker_is_replaced_and_nothing_is_lost(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    n = 150
    for i in range(n):
        (src / f"a{i:03d}.txt").write_text(TEXT.format(n=i), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    p = subprocess.Popen([sys.executable, "-m", "quotegraph.cli", "ingest", str(src), "--db", str(db),
                          "--jobs", "2", "--no-progress"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # wait until the workers have loaded the pipeline, then kill one of them
    killed = None
    deadline = time.time() + 120
    while time.time() < deadline and killed is None and p.poll() is None:
        time.sleep(0.2)
        try:
            workers = _nlp_workers(p.pid)
        except OSError:
            continue
        big = [w for w in workers if _rss_mb(w) > 300]  # a worker with spaCy and the tagger loaded
        if big:
            killed = big[0]
            os.kill(killed, signal.SIGKILL)
    assert killed is not None, "no worker process seen"
    out, err = p.communicate(timeout=300)
    assert p.returncode in (0, 1), err.decode()
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == n, err.decode()
    con.close()


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0
