"""Print extracted attributions as a readable list: speaker, kind, cue, content.

    python examples/show.py examples/attributions.jsonl examples/articles
"""
import json
import sys
from pathlib import Path


def main(jsonl: str, folder: str) -> None:
    for line in Path(jsonl).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = (Path(folder) / f"{rec['id']}.txt").read_text(encoding="utf-8")
        print(f"== {rec['id']}: {len(rec['attributions'])} attributions")
        for a in rec["attributions"]:
            content = " … ".join(text[s:e] for s, e in a["content"])
            cue = " … ".join(text[s:e] for s, e in a["cue"])
            who = a.get("speaker") or a.get("speaker_type")
            print(f"  [{a['type']:8}] {who!s:22} {cue!r:22} {content[:90]!r}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
