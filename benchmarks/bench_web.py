"""Load test of the web API's search endpoint (issue 5), on loopback only.

    python benchmarks/bench_web.py [--quotes 100000] [--clients 20] [--requests 3000]
                                   [--time-limit 150] [--workers 1] [--no-index]
                                   [--work /tmp/qg-bench-web] [-o results.json]

1. A store of at least --quotes quotes: the synthetic corpus of tests/synth.py (the
   builder benchmarks/bench_store.py uses: pre-extracted records, 10 quotes an article,
   about a tenth of them repeated), ingested with `quotegraph.store.ingest` into
   --work/store.duckdb. Reused when it is already there with enough quotes (--rebuild to
   make it again).
2. `quotegraph serve`'s app (uvicorn, one process, as `quotegraph serve` runs it) in a
   child process on 127.0.0.1 and a free port.
3. A bounded client: asyncio + httpx, --clients concurrent connections, each sending its
   next request as soon as the last one answered, until --requests requests are done or
   --time-limit seconds have passed (after 50 warm-up requests, not counted). Requests
   are GET /api/search with a fixed mix: one word, two words, a phrase, words plus an
   outlet, words plus a date range, a speaker by name, pages 1-5 of 50 rows.
4. Reports latency p50 / p90 / p99 / max (ms), throughput, errors, per query kind.

The server builds its in-memory search index before serving (--no-index: every search in
SQL, for comparison); the index's build time is measured apart and reported.

The synthetic quotes use a vocabulary of 25 words, so one search word matches about 40%
of all quotes: far more hits to count and sort than real text gives (a harsh case).
Nothing but 127.0.0.1 is ever contacted.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from synth import FIRST, LAST, OUTLETS, WORDS, corpus, write_jsonl  # noqa: E402

HOST = "127.0.0.1"


def quotes_in(db: Path) -> int:
    if not db.exists():
        return 0
    import duckdb
    try:
        con = duckdb.connect(str(db), read_only=True)
        try:
            return con.execute("SELECT count(*) FROM attributions").fetchone()[0]
        finally:
            con.close()
    except duckdb.Error:
        return 0


def build_store(work: Path, n_quotes: int, rebuild: bool) -> dict:
    db = work / "store.duckdb"
    have = quotes_in(db)
    if have >= n_quotes and not rebuild:
        return {"db": str(db), "quotes": have, "built": False}
    for p in work.glob("store.duckdb*"):
        p.unlink()
    from quotegraph.store import ingest
    per = 10
    n_articles = -(-n_quotes // per)
    src = work / "synthetic.jsonl"
    t = time.perf_counter()
    write_jsonl(src, corpus(n_articles, quotes_per_article=per, seed=1))
    s = ingest([str(src)], str(db))
    src.unlink()
    return {"db": str(db), "quotes": quotes_in(db), "articles": s.stored, "built": True,
            "build_seconds": round(time.perf_counter() - t, 1)}


def free_port() -> int:
    s = socket.socket()
    s.bind((HOST, 0))
    port = s.getsockname()[1]
    s.close()
    return port


def start_server(db: str, port: int, index: bool, workers: int = 1) -> subprocess.Popen:
    """`quotegraph serve`'s app in a child process (with --workers: as many worker
    processes, as `serve --workers` runs them); the search index is built before a
    worker serves (the steady state: `serve` builds it in the background meanwhile)."""
    env = dict(os.environ)
    if workers == 1:
        code = ("import uvicorn, sys; from quotegraph.web import create_app; "
                f"uvicorn.run(create_app({db!r}, search_index={bool(index)!r}), host={HOST!r}, port={port}, "
                "log_level='warning', server_header=False, access_log=False)")
    else:
        env.update(QUOTEGRAPH_SERVE_DB=os.path.abspath(db), QUOTEGRAPH_SERVE_INDEX="now" if index else "off")
        code = ("import uvicorn; uvicorn.run('quotegraph.web.cli:app_from_env', factory=True, "
                f"workers={int(workers)}, host={HOST!r}, port={port}, log_level='warning', "
                "server_header=False, access_log=False)")
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    import httpx
    t0 = time.monotonic()
    while time.monotonic() - t0 < 60:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited ({proc.returncode})")
        try:
            if httpx.get(f"http://{HOST}:{port}/api/search?per_page=1", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start in 60 s")


def request_mix(n: int, seed: int = 5) -> list[tuple[str, dict]]:
    """n (kind, params) pairs for /api/search, a fixed mix."""
    rng = random.Random(seed)
    people = [f"{f} {l}" for f in FIRST for l in LAST]
    out = []
    for _ in range(n):
        r = rng.random()
        p: dict = {"page": rng.choice([1, 1, 1, 2, 3, 4, 5]), "per_page": 50}
        if r < 0.25:
            kind, p["q"] = "one_word", rng.choice(WORDS)
        elif r < 0.45:
            kind, p["q"] = "two_words", " ".join(rng.sample(WORDS, 2))
        elif r < 0.55:
            kind, p["q"] = "phrase", '"' + " ".join(rng.sample(WORDS, 2)) + '"'
        elif r < 0.70:
            kind, p["q"], p["outlet"] = "words_outlet", rng.choice(WORDS), rng.choice(OUTLETS)
        elif r < 0.85:
            d = rng.randint(1, 20)
            kind, p["q"], p["since"], p["until"] = ("words_dates", rng.choice(WORDS), f"2024-03-{d:02d}",
                                                     f"2024-03-{d + 7:02d}")
        else:
            kind, p["speaker"] = "speaker", rng.choice(people)
        out.append((kind, p))
    return out


async def load(port: int, clients: int, n_requests: int, time_limit: float, warmup: int = 50) -> dict:
    import httpx
    mix = request_mix(n_requests + warmup)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    results: list[tuple[str, float, int]] = []
    errors: list[str] = []
    async with httpx.AsyncClient(base_url=f"http://{HOST}:{port}", limits=limits, timeout=30) as client:
        for kind, p in mix[:warmup]:
            await client.get("/api/search", params=p)
        todo = iter(mix[warmup:])
        deadline = time.monotonic() + time_limit

        async def worker():
            for kind, p in todo:
                if time.monotonic() > deadline:
                    return
                t = time.perf_counter()
                try:
                    r = await client.get("/api/search", params=p)
                    code = r.status_code
                    if code == 200:
                        r.json()
                except httpx.HTTPError as exc:
                    code = 0
                    errors.append(repr(exc))
                results.append((kind, time.perf_counter() - t, code))

        t0, c0 = time.perf_counter(), time.process_time()
        await asyncio.gather(*(worker() for _ in range(clients)))
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"results": results, "errors": errors, "wall": wall, "client_cpu": cpu}


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = min(len(xs) - 1, max(0, round(q / 100 * len(xs) + 0.5) - 1))   # nearest rank
    return xs[k]


def summary(lat: list[float]) -> dict:
    ms = [x * 1000 for x in lat]
    return {"n": len(ms), "p50_ms": round(pct(ms, 50), 1), "p90_ms": round(pct(ms, 90), 1),
            "p99_ms": round(pct(ms, 99), 1), "max_ms": round(max(ms), 1) if ms else None,
            "mean_ms": round(statistics.fmean(ms), 1) if ms else None}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quotes", type=int, default=100_000, help="store size (default 100000)")
    ap.add_argument("--clients", type=int, default=20, help="concurrent clients (default 20)")
    ap.add_argument("--requests", type=int, default=3000, help="requests to send (default 3000)")
    ap.add_argument("--time-limit", type=float, default=150, help="stop sending after this many seconds")
    ap.add_argument("--work", default="/tmp/qg-bench-web", help="where the store is built and kept")
    ap.add_argument("--db", help="use this store instead of building one")
    ap.add_argument("--rebuild", action="store_true", help="build the store again even if it is there")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="server processes (as `serve --workers`; default: all CPUs, as serve)")
    ap.add_argument("--no-index", action="store_true", help="serve without the in-memory search index "
                                                            "(every search in SQL), for comparison")
    ap.add_argument("-o", "--output", help="also write the results as JSON here")
    args = ap.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    res: dict = {"cpus": os.cpu_count(), "started": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
                 "clients": args.clients, "endpoint": "/api/search"}
    if args.db:
        res["store"] = {"db": args.db, "quotes": quotes_in(Path(args.db)), "built": False}
    else:
        res["store"] = build_store(work, args.quotes, args.rebuild)
    print(json.dumps({"store": res["store"]}), flush=True)
    if res["store"]["quotes"] < args.quotes:
        print(f"warning: the store has {res['store']['quotes']} quotes, fewer than {args.quotes}", file=sys.stderr)
    res["search_index"] = not args.no_index
    if not args.no_index:
        from quotegraph.store.schema import connect
        from quotegraph.web.search_index import SearchIndex
        con = connect(res["store"]["db"], read_only=True)
        ix = SearchIndex(con)
        res["index"] = {"build_seconds": round(ix.seconds, 2), "terms": len(ix.terms), "postings": ix.postings()}
        con.close()
        del ix
    port = free_port()
    res["workers"] = args.workers
    proc = start_server(res["store"]["db"], port, not args.no_index, args.workers)
    try:
        got = asyncio.run(load(port, args.clients, args.requests, args.time_limit))
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    rs = got["results"]
    ok = [lat for _, lat, code in rs if code == 200]
    res.update({"requests": len(rs), "ok": len(ok), "failed": len(rs) - len(ok),
                "errors": got["errors"][:5], "seconds": round(got["wall"], 1),
                "requests_per_s": round(len(rs) / got["wall"], 1),
                "client_cpu_share": round(got["client_cpu"] / got["wall"], 2), "latency": summary(ok),
                "by_kind": {k: summary([lat for kk, lat, code in rs if kk == k and code == 200])
                            for k in sorted({k for k, _, _ in rs})}})
    if args.output:
        Path(args.output).write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(res, indent=2))
    return 0 if res["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
