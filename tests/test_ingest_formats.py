"""Ingest a folder mixing every input format, broken files included: what is stored,
what is reported, and that a second run adds nothing."""
from __future__ import annotations

import json

import duckdb
import pytest

from quotegraph.cli import main
from quotegraph.read.records import ExtractedArticle, Fields, read_jsonl
from quotegraph.read.sources import read_sources
from quotegraph.read.text import ReadError
from quotegraph.store import connect, ingest
from quotegraph.store.ingest import content_hash

from store_inputs import make_mixed_folder


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed")
    expected = make_mixed_folder(root / "in")
    return root, expected


def test_readers_yield_articles_and_located_errors(mixed):
    root, expected = mixed
    items = list(read_sources([str(root / "in")]))
    arts = {a.id: a for a in items if not isinstance(a, ReadError)}
    errs = [e for e in items if isinstance(e, ReadError)]
    assert set(arts) == expected["stored_ids"]
    for where in expected["failed_where"]:
        assert sum(where in str(e) for e in errs) == 1, (where, [str(e) for e in errs])
    assert len(errs) == len(expected["failed_where"])
    # metadata: HTML by trafilatura, outlet from site name else URL domain
    h = arts["haddad"]
    assert (h.title, h.outlet, h.published, h.author) == ("Rail line to open before winter", "Valley News",
                                                          "2024-05-02", "Ruth Sato")
    assert arts["rec-1"].outlet == "morningpost.example" and arts["rec-1"].title == "Audit clean"
    assert arts["c-1"].outlet == "thecourier.example"
    assert arts["j-1"].outlet == "The Courier"
    assert arts["https://www.ledger.example/port"].outlet == "The Ledger"
    assert "Victor Okafor" in arts["https://www.ledger.example/port"].text


def test_globs_and_configured_fields(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"key": "k1", "story": "Hello there, said Ann Lee."}\n', encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"key": "k2", "story": "Bye now, said Bo Ray."}\n', encoding="utf-8")
    items = list(read_sources([str(tmp_path / "*.jsonl")], Fields(names={"id": "key", "text": "story"})))
    assert [a.id for a in items] == ["k1", "k2"]
    assert isinstance(list(read_sources([str(tmp_path / "*.nothing")]))[0], ReadError)


def test_pre_extracted_records_are_checked(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text('{"id": "a", "text": "Hi, she said.", "attributions": [{"content": [[0, 2]], "cue": [[8, 12]]}]}\n'
                 '{"id": "b", "text": "Hi.", "attributions": [{"content": [[0, 99]]}]}\n', encoding="utf-8")
    got = list(read_jsonl(p))
    assert isinstance(got[0], ExtractedArticle) and got[0].extraction["attributions"][0]["content"] == [[0, 2]]
    assert isinstance(got[1], ReadError) and ":2" in str(got[1]) and "not within the text" in str(got[1])


def _counts(db):
    con = duckdb.connect(str(db), read_only=True)
    out = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
           for t in ("articles", "attributions", "spans", "speakers", "quote_groups", "quote_appearances")}
    con.close()
    return out


def test_ingest_mixed_folder_then_rerun_adds_nothing(mixed, capsys):
    root, expected = mixed
    db = root / "store.duckdb"
    rc = main(["ingest", str(root / "in"), "--db", str(db), "--no-progress"])
    err = capsys.readouterr().err
    assert rc == 1  # some inputs failed, the rest stored
    for where in expected["failed_where"]:
        assert where in err
    assert "read 8 article(s), stored 8" in err and "failed 11" in err
    con = duckdb.connect(str(db), read_only=True)
    ids = {r[0] for r in con.execute("SELECT id FROM articles").fetchall()}
    assert ids == expected["stored_ids"]
    # every stored span indexes the stored text
    bad = con.execute("""SELECT count(*) FROM spans s JOIN attributions t ON t.id = s.attribution_id
                         JOIN articles a ON a.id = t.article_id
                         WHERE substr(a.text, s.start + 1, s."end" - s.start) <> s.text""").fetchone()[0]
    assert bad == 0
    speakers = {r[0] for r in con.execute("SELECT name FROM speakers").fetchall()}
    assert {"Omar Haddad", "Victor Okafor", "Grace Moreau", "Lena Brandt"} <= speakers
    con.close()
    before = _counts(db)
    rc = main(["ingest", str(root / "in"), "--db", str(db), "--no-progress"])
    err = capsys.readouterr().err
    assert "stored 0" in err and "skipped 8 duplicate(s)" in err
    assert _counts(db) == before


def test_content_hash_covers_metadata():
    from quotegraph.model import Article
    a = Article(id="x", text="Same words.", outlet="A")
    assert content_hash(a) == content_hash(Article(id="y", text="Same words.", outlet="A", path="elsewhere"))
    assert content_hash(a) != content_hash(Article(id="x", text="Same words.", outlet="B"))


def test_no_input_is_a_usage_error(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "missing"), "--db", str(tmp_path / "s.duckdb"), "--no-progress"]) == 1
    assert "no such file or folder" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["ingest", str(tmp_path / "empty"), "--db", str(tmp_path / "s.duckdb"), "--no-progress"]) == 2


def test_extract_output_with_texts_folder(tmp_path, capsys):
    """`quotegraph extract` output (no article text) is ingested with --texts FOLDER."""
    texts = tmp_path / "texts"
    texts.mkdir()
    text = "“Prices will fall,” said Ann Lee."
    (texts / "doc1.txt").write_text(text, encoding="utf-8")
    rec = {"id": "doc1", "attributions": [{"source": [[20, 27]], "cue": [[15, 19]], "content": [[0, 19]],
                                           "type": "direct", "speaker": "Ann Lee", "speaker_type": "person",
                                           "text": {"content": text[0:19]}}],
           "speakers": [{"name": "Ann Lee", "type": "person", "mentions": [[20, 27]], "quoted": 1}]}
    (tmp_path / "ex.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(tmp_path / "ex.jsonl"), "--db", str(db), "--no-progress"]) == 1
    assert "--texts" in capsys.readouterr().err
    assert main(["ingest", str(tmp_path / "ex.jsonl"), "--texts", str(texts), "--db", str(db), "--no-progress"]) == 0
    con = connect(db, read_only=True)
    assert con.execute("SELECT text, extracted_by FROM articles").fetchall() == [(text, "input")]
    assert con.execute("SELECT name FROM speakers").fetchall() == [("Ann Lee",)]


def test_uncompressed_warc_and_non_html_records(tmp_path):
    import gzip
    from quotegraph.read.warc import read_warc
    from store_inputs import html_page, warc_bytes
    data = warc_bytes([("https://www.ledger.example/a", html_page("A story", "“The ferry will run at night "
                        "from June onwards,” said port director Mary Novak.\n\nPassengers welcomed it.",
                        url="https://www.ledger.example/a"))])
    # warcio wrote gzip members; the plain archive is their concatenated contents
    plain = gzip.decompress(data)
    (tmp_path / "x.warc").write_bytes(plain)
    got = list(read_warc(tmp_path / "x.warc"))
    assert [a.url for a in got] == ["https://www.ledger.example/a"]  # request and image records skipped
    (tmp_path / "cut.warc").write_bytes(plain[:-200])
    got = list(read_warc(tmp_path / "cut.warc"))
    assert isinstance(got[-1], ReadError) and "cut.warc" in str(got[-1])
