"""Queries, the CLI verbs over a store, export formats and the read-only sql verb."""
from __future__ import annotations

import csv
import json
from datetime import date

import duckdb
import pytest

from quotegraph.cli import main
from quotegraph.read.brat import read_ann
from quotegraph.store import connect, ingest, query

from synth import Builder, corpus, write_jsonl


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    d = tmp_path_factory.mktemp("q")
    recs = list(corpus(60, quotes_per_article=5, seed=7))
    b = Builder()
    b.say("Beatrix Quill", "The harbour café will reopen in spring with a new menu", direct=True)
    b.say("Beatrix Quill", "Fishermen deserve better prices for their catch", direct=False)
    start, end = b.add(" Harbourmaster Zora Penhallow was not available.")    # mentioned, never quoted
    b.speakers["Zora Penhallow"] = {"name": "Zora Penhallow", "type": "person", "quoted": 0,
                                    "mentions": [[end - len("Zora Penhallow was not available."),
                                                  end - len(" was not available.")]]}
    recs.append(b.record("special", outlet="Harbour Gazette", published="2023-12-24", title="Café news",
                         url="https://harbour.example/cafe"))
    write_jsonl(d / "in.jsonl", recs)
    path = d / "s.duckdb"
    s = ingest([str(d / "in.jsonl")], str(path))
    assert s.stored == 61
    return path


def test_quotes_filters(db):
    con = connect(db, read_only=True)
    got = query.quotes(con, speaker="Beatrix Quill")
    assert {q["article_id"] for q in got} == {"special"} and len(got) == 2
    assert [q["quote"] for q in query.quotes(con, search="cafe reopen")] == [
        "The harbour café will reopen in spring with a new menu"]
    assert query.quotes(con, search='"reopen in spring"')[0]["article_id"] == "special"
    assert query.quotes(con, search='"spring in reopen"') == []
    assert all(q["outlet"] == "Harbour Gazette" for q in query.quotes(con, outlet="harbour gazette"))
    assert {q["article_id"] for q in query.quotes(con, until=date(2023, 12, 31))} == {"special"}
    since = query.quotes(con, since=date(2024, 3, 20), limit=None)
    assert since and all(q["date"] >= date(2024, 3, 20) for q in since)
    assert query.quotes(con, speaker="Nobody Known") == []


def test_article_and_spans(db):
    con = connect(db, read_only=True)
    a = query.article(con, "special")
    assert a["title"] == "Café news" and len(a["attributions"]) == 2
    for t in a["attributions"]:
        (s, e), = t["content"]
        assert a["text"][s:e] == t["content_text"]


def test_cli_verbs(db, capsys):
    assert main(["speakers", "--db", str(db), "--format", "jsonl", "--limit", "0"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert any(r["name"] == "Beatrix Quill" and r["quotes"] == 2 for r in rows)
    assert main(["quotes", "--db", str(db), "--speaker", "Beatrix Quill"]) == 0
    out = capsys.readouterr().out
    assert "harbour café" in out and "special" in out
    assert main(["quotes", "--db", str(db), "--search", "fishermen", "--format", "csv"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert len(rows) == 1 and rows[0]["speaker"] == "Beatrix Quill"
    assert main(["article", "special", "--db", str(db)]) == 0
    assert "Café news" in capsys.readouterr().out
    assert main(["article", "nope", "--db", str(db)]) == 1
    assert "no article" in capsys.readouterr().err
    assert main(["groups", "--db", str(db), "--diff", "--limit", "3"]) == 0
    assert "group " in capsys.readouterr().out
    assert main(["groups", "--db", str(db), "--format", "jsonl"]) == 0
    gs = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert gs and all(g["articles"] >= 2 and len(g["appearances"]) == g["n_appearances"] for g in gs)
    assert main(["quotes", "--db", str(db.parent / "missing.duckdb")]) == 1
    assert "no such store" in capsys.readouterr().err


def test_cli_speakers_quoted_and_mentioned(db, capsys):
    """`speakers` shows quotes and mentions; --role picks quoted (default), mentioned only,
    or all; --all is --role all."""
    def jsonl(*args):
        assert main(["speakers", "--db", str(db), "--format", "jsonl", "--limit", "0", *args]) == 0
        return [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    quoted = jsonl()
    assert "Zora Penhallow" not in {r["name"] for r in quoted} and all(r["quotes"] > 0 for r in quoted)
    quill = next(r for r in quoted if r["name"] == "Beatrix Quill")
    assert (quill["quotes"], quill["articles"], quill["mentions"], quill["articles_mentioned"]) == (2, 1, 2, 1)
    only = jsonl("--role", "mentioned_only")
    assert [(r["name"], r["quotes"], r["articles"], r["mentions"], r["articles_mentioned"]) for r in only] == \
        [("Zora Penhallow", 0, 0, 1, 1)]
    everyone = jsonl("--role", "all")
    assert everyone == jsonl("--all") and len(everyone) == len(quoted) + 1
    assert everyone[:-1] == quoted and everyone[-1]["name"] == "Zora Penhallow"
    assert main(["speakers", "--db", str(db), "--role", "mentioned_only", "--format", "csv"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert [(r["name"], r["quotes"], r["mentions"]) for r in rows] == [("Zora Penhallow", "0", "1")]
    assert main(["speakers", "--db", str(db), "--name", "zora penhallow", "--role", "all"]) == 0
    out = capsys.readouterr().out
    assert "articles_mentioned" in out.splitlines()[0] and "Zora Penhallow" in out
    with pytest.raises(SystemExit) as e:
        main(["speakers", "--db", str(db), "--role", "all", "--all"])
    assert e.value.code == 2
    capsys.readouterr()


def test_sql_is_read_only(db, capsys, tmp_path):
    assert main(["sql", "SELECT count(*) AS n FROM articles", "--db", str(db), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["n", "61"]
    assert main(["sql", "DELETE FROM articles", "--db", str(db)]) == 1
    assert "read-only" in capsys.readouterr().err
    assert main(["sql", f"COPY articles TO '{tmp_path / 'x.csv'}'", "--db", str(db)]) == 1
    capsys.readouterr()
    assert not (tmp_path / "x.csv").exists()
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 61


def test_exports(db, tmp_path, capsys):
    assert main(["export", "--db", str(db), "--format", "jsonl", "-o", str(tmp_path / "a.jsonl")]) == 0
    recs = [json.loads(x) for x in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 61
    for r in recs:
        for t in r["attributions"]:
            assert " … ".join(r["text"][s:e] for s, e in t["content"]) == t["text"]["content"]
    assert main(["export", "--db", str(db), "--format", "csv", "-o", str(tmp_path / "q.csv")]) == 0
    with open(tmp_path / "q.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == sum(len(r["attributions"]) for r in recs)
    assert main(["export", "--db", str(db), "--format", "parquet", "-o", str(tmp_path / "pq")]) == 0
    con = duckdb.connect()
    n = con.execute(f"SELECT count(*) FROM '{tmp_path / 'pq' / 'attributions.parquet'}'").fetchone()[0]
    assert n == len(rows)
    assert main(["export", "--db", str(db), "--format", "brat", "-o", str(tmp_path / "brat")]) == 0
    text = (tmp_path / "brat" / "text" / "special.txt").read_text(encoding="utf-8")
    anns = read_ann(tmp_path / "brat" / "attributions" / "special_quotegraph.ann")
    assert len(anns) == 2
    assert [text[s:e] for s, e in anns[0]["content"]] == ["The harbour café will reopen in spring with a new menu"]
    capsys.readouterr()


def test_jsonl_export_ingests_back(db, tmp_path):
    """The jsonl export is pre-extracted input: ingesting it gives the same quotes,
    speakers and groups without the NLP."""
    assert main(["export", "--db", str(db), "--format", "jsonl", "-o", str(tmp_path / "a.jsonl")]) == 0
    s = ingest([str(tmp_path / "a.jsonl")], str(tmp_path / "again.duckdb"))
    assert s.stored == 61 and s.failed == 0
    a, b = connect(db, read_only=True), connect(tmp_path / "again.duckdb", read_only=True)
    q = ("SELECT t.article_id, t.n, t.content_text, t.speaker, s.name FROM attributions t "
         "LEFT JOIN attribution_speakers x ON x.attribution_id = t.id LEFT JOIN speakers s ON s.id = x.speaker_id "
         "ORDER BY ALL")
    assert a.execute(q).fetchall() == b.execute(q).fetchall()
    q = "SELECT count(*), count(DISTINCT group_id) FROM quote_appearances"
    assert a.execute(q).fetchall() == b.execute(q).fetchall()
    q = 'SELECT article_id, name, start, "end" FROM mentions ORDER BY ALL'
    assert a.execute(q).fetchall() == b.execute(q).fetchall()
