"""Benchmark of the corpus store (issue 4), on synthetic data made here.

    python benchmarks/bench_store.py [--quotes 100000] [--nlp-articles 150] [--warc-gb 1.05]
                                     [--skip-nlp] [--skip-warc] [--work /tmp/qg-bench] [-o results.json]

1. store: a synthetic corpus of at least --quotes quotes as pre-extracted records
   (text + attributions, the format `quotegraph ingest` accepts), ingested once: time,
   articles/s, quotes/s, store size; then a re-run (all duplicates).
2. nlp: --nlp-articles synthetic plain-text articles (news length: six quotes between
   narrative paragraphs) ingested with the NLP at --jobs 1 and --jobs 2: articles/s
   each, wall-clock and steady (start-up subtracted, from a run on a third of them), and
   the speed-up (the NLP is the cost; at 3-6
   articles/s per core, 100,000 quotes through the NLP would take hours, hence the
   pre-extracted path for the large store).
3. warc: a .warc.gz file larger than --warc-gb GB (24 MB random-payload image records, which
   must be streamed through and skipped, and five HTML article pages with ~100 KB of
   boilerplate after each)
   is ingested with --jobs 1; peak RSS of the ingest process (ru_maxrss). The file is
   deleted afterwards.
4. query: on the store from 1, latency of `quotes --speaker NAME` and `quotes --search
   WORDS` through the library (median of 20 after one warm-up), and once through the CLI
   (process start included); the speakers and repeated-quote lists as the CLI asks for
   them (`speakers_list`, `groups_list`), and the web's repeated-quotes list
   (`web_groups_list`: /groups, its first page of 50 with the total;
   `web_groups_list_min1`: the same with min_articles=1, every group).

Everything is written under --work (default /tmp/qg-bench) and removed at the end unless
--keep.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from synth import FIRST, LAST, WORDS, Builder, corpus, quote_text, write_jsonl  # noqa: E402

PY = sys.executable


def ingest_cmd(paths, db, jobs=1):
    return [PY, "-m", "quotegraph.cli", "ingest", *map(str, paths), "--db", str(db), "--jobs", str(jobs),
            "--no-progress"]


def timed(cmd) -> tuple[float, str, int]:
    """Runs a command in a fresh child; (seconds, stderr, peak RSS of that child in MB)."""
    wrapper = ("import resource, subprocess, sys, time, json;"
               "t = time.perf_counter(); r = subprocess.run(sys.argv[1:], capture_output=True, text=True);"
               "dt = time.perf_counter() - t;"
               "u = resource.getrusage(resource.RUSAGE_CHILDREN);"
               "print(json.dumps([dt, r.returncode, r.stderr, u.ru_maxrss, u.ru_utime + u.ru_stime]))")
    out = subprocess.run([PY, "-c", wrapper, *cmd], capture_output=True, text=True, check=True).stdout
    dt, rc, err, rss_kb, cpu = json.loads(out)
    if rc not in (0, 1):
        raise SystemExit(f"failed ({rc}): {' '.join(cmd)}\n{err}")
    timed.cpu = cpu
    return dt, err, rss_kb // 1024


def bench_store(work: Path, n_quotes: int) -> dict:
    per = 10
    n_articles = -(-n_quotes // per)
    src = work / "synthetic.jsonl"
    quotes = write_jsonl(src, corpus(n_articles, quotes_per_article=per, seed=1))
    db = work / "store.duckdb"
    dt, err, rss = timed(ingest_cmd([src], db))
    dt2, err2, _ = timed(ingest_cmd([src], db))
    return {"articles": n_articles, "quotes": quotes, "input_mb": round(src.stat().st_size / 1e6, 1),
            "seconds": round(dt, 1), "articles_per_s": round(n_articles / dt, 1),
            "quotes_per_s": round(quotes / dt), "peak_rss_mb": rss,
            "store_mb": round(db.stat().st_size / 1e6, 1), "rerun_seconds": round(dt2, 1),
            "summary": err.strip().splitlines()[-2:], "rerun_summary": err2.strip().splitlines()[-1:]}


def plain_articles(folder: Path, n: int, seed: int = 2) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    people = [f"{f} {l}" for f in FIRST for l in LAST]
    def filler() -> str:  # narrative sentences between the quotes, so articles have news length
        return " ".join(f"The {rng.choice(WORDS)} {rng.choice(['plan', 'vote', 'report'])} for the "
                        f"{rng.choice(WORDS)} was {rng.choice(['delayed', 'approved', 'discussed'])} "
                        f"on {rng.choice(['Monday', 'Tuesday', 'Friday'])} after the {rng.choice(WORDS)} review."
                        for _ in range(6))
    for i in range(n):
        b = Builder()
        b.add(f"Council report {i}.")
        for _ in range(6):
            b.add("\n\n" + filler() + "\n\n")
            b.say(rng.choice(people), quote_text(rng, rng.randint(8, 16)), cue=rng.choice(["said", "added"]),
                  direct=rng.random() < 0.7)
        (folder / f"art{i:05d}.txt").write_text(b.text, encoding="utf-8")


def bench_nlp(work: Path, n: int) -> dict:
    """Wall time for n/3 and for n articles at each --jobs; the steady rate is the
    difference, (n - n/3) / (t(n) - t(n/3)), free of start-up (imports, model loading,
    starting the workers)."""
    small, big = work / "plain_small", work / "plain"
    plain_articles(big, n)
    k = max(1, n // 3)
    small.mkdir(parents=True, exist_ok=True)
    for p in sorted(big.glob("*.txt"))[:k]:
        shutil.copy(p, small / p.name)
    out = {"articles": n, "words_per_article": round(sum(len(p.read_text(encoding="utf-8").split())
                                                         for p in big.glob("*.txt")) / n)}
    for jobs in (1, 2):
        dts = []
        for folder, m in ((small, k), (big, n)):
            db = work / f"nlp{jobs}_{m}.duckdb"
            dt, err, rss = timed(ingest_cmd([folder], db, jobs))
            dts.append(dt)
        out[f"jobs{jobs}"] = {"seconds": round(dts[1], 1), "articles_per_s_wall": round(n / dts[1], 2),
                              "articles_per_s_steady": round((n - k) / (dts[1] - dts[0]), 2),
                              "startup_s": round(dts[0] - k * (dts[1] - dts[0]) / (n - k), 1),
                              "peak_rss_mb": rss, "summary": err.strip().splitlines()[-2:]}
    out["speedup_steady"] = round(out["jobs2"]["articles_per_s_steady"] / out["jobs1"]["articles_per_s_steady"], 2)
    out["speedup_wall"] = round(out["jobs2"]["articles_per_s_wall"] / out["jobs1"]["articles_per_s_wall"], 2)
    return out


def make_warc(path: Path, target_bytes: int, seed: int = 3) -> dict:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    rng = random.Random(seed)
    people = [f"{f} {l}" for f in FIRST for l in LAST]
    boiler = "".join(f"<li><a href='/section/{i}'>Section {i} {rng.choice(WORDS)}</a></li>" for i in range(600))
    script = "<script>var data = '" + "x" * 50_000 + "';</script>"
    pages = images = 0
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        while f.tell() < target_bytes:
            # one 24 MB incompressible image for every five article pages
            h = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
            blob = os.urandom(24 * 1024 * 1024)
            w.write_record(w.create_warc_record(f"https://img.example/{images}.jpg", "response",
                                                payload=io.BytesIO(blob), http_headers=h))
            images += 1
            for _ in range(5):
                b = Builder()
                b.add(f"Harbor report {pages}.")
                for _ in range(5):
                    b.say(rng.choice(people), quote_text(rng, 12), direct=True)
                body = "".join(f"<p>{p}</p>" for p in b.text.split(". "))
                html = (f"<html><head><title>Report {pages}</title><meta property='og:site_name' "
                        f"content='Harbor Times'></head><body><nav><ul>{boiler}</ul></nav>{script}"
                        f"<article><h1>Report {pages}</h1>{body}</article><footer><ul>{boiler}</ul></footer>"
                        f"</body></html>").encode("utf-8")
                h = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record(f"https://harbor.example/news/{pages}", "response",
                                                    payload=io.BytesIO(html), http_headers=h))
                pages += 1
    return {"bytes": path.stat().st_size, "html_pages": pages, "image_records": images}


def bench_warc(work: Path, gb: float) -> dict:
    path = work / "big.warc.gz"
    t = time.perf_counter()
    info = make_warc(path, int(gb * 1e9))
    info["make_seconds"] = round(time.perf_counter() - t, 1)
    db = work / "warc.duckdb"
    try:
        dt, err, rss = timed(ingest_cmd([path], db, 1))
    finally:
        path.unlink(missing_ok=True)
    info.update({"gb": round(info["bytes"] / 1e9, 3), "seconds": round(dt, 1), "peak_rss_mb": rss,
                 "summary": err.strip().splitlines()[-2:]})
    return info


def bench_query(work: Path) -> dict:
    from quotegraph.store import connect, query
    from quotegraph.web import queries as web_queries
    db = work / "store.duckdb"
    con = connect(db, read_only=True)
    speaker = con.execute("SELECT name FROM speaker_stats WHERE type = 'person' ORDER BY quotes DESC LIMIT 1").fetchone()[0]
    words = "harbor budget"
    out = {"speaker": speaker, "search": words}
    for label, fn in (("speaker", lambda: query.quotes(con, speaker=speaker)),
                      ("search", lambda: query.quotes(con, search=words)),
                      ("speakers_list", lambda: query.speakers(con)),
                      ("groups_list", lambda: query.groups(con, with_appearances=False)),
                      ("web_groups_list", lambda: web_queries.list_groups(con)),
                      ("web_groups_list_min1", lambda: web_queries.list_groups(con, min_articles=1))):
        got = fn()
        n = got[1] if isinstance(got, tuple) else len(got)     # the web lists: (page, total)
        times = []
        for _ in range(20):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        out[label] = {"rows": n, "median_ms": round(statistics.median(times) * 1000, 1),
                      "max_ms": round(max(times) * 1000, 1)}
    con.close()
    for label, args in (("cli_speaker", ["--speaker", speaker]), ("cli_search", ["--search", words])):
        t = time.perf_counter()
        subprocess.run([PY, "-m", "quotegraph.cli", "quotes", "--db", str(db), *args, "--format", "jsonl"],
                       check=True, capture_output=True)
        out[label + "_ms"] = round((time.perf_counter() - t) * 1000)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quotes", type=int, default=100_000)
    ap.add_argument("--nlp-articles", type=int, default=150)
    ap.add_argument("--warc-gb", type=float, default=1.05)
    ap.add_argument("--skip-nlp", action="store_true")
    ap.add_argument("--skip-warc", action="store_true")
    ap.add_argument("--skip-store", action="store_true", help="reuse the store under --work from an earlier run")
    ap.add_argument("--work", default="/tmp/qg-bench")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("-o", "--output", help="also write the results as JSON here")
    args = ap.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    res: dict = {"cpus": os.cpu_count(), "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    try:
        if not args.skip_store:
            for p in work.glob("store.duckdb*"):
                p.unlink()
            res["store"] = bench_store(work, args.quotes)
            print(json.dumps({"store": res["store"]}), flush=True)
        if (work / "store.duckdb").exists():
            res["query"] = bench_query(work)
            print(json.dumps({"query": res["query"]}), flush=True)
        if not args.skip_nlp:
            res["nlp"] = bench_nlp(work, args.nlp_articles)
            print(json.dumps({"nlp": res["nlp"]}), flush=True)
        if not args.skip_warc:
            res["warc"] = bench_warc(work, args.warc_gb)
            print(json.dumps({"warc": res["warc"]}), flush=True)
    finally:
        if not args.keep:
            for p in list(work.glob("big.warc.gz")) + list(work.glob("*.duckdb*")) + list(work.glob("*.jsonl")):
                p.unlink(missing_ok=True)
            shutil.rmtree(work / "plain", ignore_errors=True)
            shutil.rmtree(work / "plain_small", ignore_errors=True)
    if args.output:
        Path(args.output).write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(res, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
