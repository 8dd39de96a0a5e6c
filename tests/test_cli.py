"""The extract command on good and bad input, as a user runs it."""
import json
import os
import subprocess
import sys
from pathlib import Path

GOOD = "“The bridge opens in May,” said Mayor Helena Marsh.\n"


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "quotegraph.cli", *map(str, args)], input=stdin,
                          capture_output=True, timeout=300)


def records(path):
    return [json.loads(l) for l in Path(path).read_text(encoding="utf-8").splitlines()]


def test_folder_with_bad_files_reports_each_and_writes_the_rest(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (d / "sub" / "b-good.txt").write_text("According to the Harbour Gazette, costs rose again.\n", encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (d / "latin1.txt").write_bytes("Der Bürgermeister sagte „nein“.".encode("latin-1", "replace"))
    (d / "huge.txt").write_bytes(b"word " * (4 * 1024 * 1024))  # 20 MB
    (d / "gone.txt").symlink_to(tmp_path / "missing-target.txt")  # unreadable: dangling link
    (d / "notes.md").write_text("not a .txt: ignored", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    p = run("extract", d, "-o", out)
    err = p.stderr.decode()
    assert p.returncode == 1, err
    for name, problem in [("empty.txt", "empty"), ("binary.txt", "binary"), ("latin1.txt", "UTF-8"),
                          ("huge.txt", "too large"), ("gone.txt", "")]:
        line = next((l for l in err.splitlines() if name in l), None)
        assert line is not None and problem in line, (name, err)
    recs = records(out)
    assert [r["id"] for r in recs] == ["a-good", "b-good"]
    assert recs[0]["attributions"] and recs[1]["attributions"]
    assert "2 article(s) written, 5 failed" in err


def test_output_format_offsets_and_span_texts(tmp_path):
    f = tmp_path / "bridge.txt"
    f.write_text(GOOD, encoding="utf-8")
    p = run("extract", f)
    assert p.returncode == 0, p.stderr.decode()
    (rec,) = [json.loads(l) for l in p.stdout.decode().splitlines()]
    assert rec["id"] == "bridge"
    a = rec["attributions"][0]
    assert set(a) >= {"source", "cue", "content", "type", "confidence", "speaker", "text"}
    s, e = a["content"][0]
    assert GOOD[s:e] == a["text"]["content"]
    assert a["type"] == "direct" and a["speaker"] == "Helena Marsh"


def test_stdin(tmp_path):
    p = run("extract", "-", stdin=GOOD.encode())
    assert p.returncode == 0
    assert json.loads(p.stdout)["id"] == "stdin"


def test_nothing_to_read_is_a_usage_error(tmp_path):
    p = run("extract", tmp_path)
    assert p.returncode == 2 and b"no .txt input" in p.stderr
    p = run("extract", tmp_path / "nope.txt")
    assert p.returncode == 1 and b"nope.txt: no such file" in p.stderr


def test_help_reads_like_the_readme():
    p = run("extract", "--help")
    out = p.stdout.decode()
    assert p.returncode == 0
    for words in ("PATH", "JSON line per article", "exit status", "--jobs", "--output"):
        assert words in out
