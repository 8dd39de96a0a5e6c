"""Build the name lists the resolver ships, from the fit part of PolNeAR train.

    python training/build_name_lists.py

resolve/common_words.txt: words written in lower case at least twice ("real", "journalist").
A capitalised word that is not one of them ("Aung", "Kyi") reads as part of a name, so
"Aung San Suu Kyi" may extend "Suu Kyi", while "the Real Donald Trump" (a book title) does
not extend Donald Trump.

resolve/famous_names.json: full names of people the news names by surname alone.
A story may say only "Obama" or "Trump"; readers (and our speaker gold, rule 2) expect
"Barack Obama". The list maps a surname to the one full name it stands for across the
fit part of PolNeAR train (our tune split is left out, so tuning stays honest): the full
name must be written out in at least MIN_ARTICLES articles and make up at least SHARE of
the articles giving any full name with that surname. "Clinton" (Hillary and Bill) passes
only if one of them dominates that much. The resolver uses it only when an article gives
no fuller name itself.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

MIN_ARTICLES = 4
SHARE = 0.8
# "Hillary Rodham Clinton", "Donald J. Trump": a given name, optional middle, surname
_FULL = re.compile(r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+|[A-Z][a-z]+\s+)?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def main() -> int:
    from quotegraph.resolve.names import TITLES
    from quotegraph.resolve.words import GIVEN_NAMES
    from training.split import split_ids

    folder = ROOT.parent / "shared/data/polnear/train/text"
    fit, _tune = split_ids([p.stem for p in folder.glob("*.txt")])
    by_surname: dict[str, Counter] = defaultdict(Counter)  # surname -> full name -> articles
    lower = Counter()
    for art in fit:
        text = (folder / f"{art}.txt").read_text(encoding="utf-8")
        lower.update(re.findall(r"\b[a-z][a-z'-]+\b", text))
        seen = set()
        for m in _FULL.finditer(text):
            first, last = m.group(1), m.group(2)
            if first.lower() not in GIVEN_NAMES or last.lower() in TITLES or last.lower() in GIVEN_NAMES:
                continue
            seen.add((last, f"{first} {last}"))
        for last, full in seen:
            by_surname[last][full] += 1
    famous = {}
    for last, fulls in sorted(by_surname.items()):
        full, n = fulls.most_common(1)[0]
        if n >= MIN_ARTICLES and n >= SHARE * sum(fulls.values()):
            famous[last] = full
    out = ROOT / "src/quotegraph/resolve/famous_names.json"
    out.write_text(json.dumps(famous, indent=0, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(famous)} surnames -> {out}")
    common = sorted(w for w, n in lower.items() if n >= 2)
    out = ROOT / "src/quotegraph/resolve/common_words.txt"
    out.write_text("\n".join(common) + "\n", encoding="utf-8")
    print(f"{len(common)} common words -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
