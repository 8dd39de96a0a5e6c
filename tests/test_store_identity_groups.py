"""Speaker identity across articles and repeated-quote groups, on articles with known
answers (pre-extracted, so the store's rules are tested alone), plus one run through the
real NLP."""
from __future__ import annotations

import json

import duckdb
import pytest

from quotegraph.store import connect, ingest, query
from quotegraph.store.groups import diff, similarity
from quotegraph.store.identity import speaker_key
from quotegraph.store.words import words

from synth import Builder, write_jsonl

Q1 = "We will rebuild every bridge in this county before the next winter comes"
Q2 = "Nobody in this administration has ever seen a budget like this one"


def _articles():
    """(records, expected speaker of each in-article name)."""
    recs = []
    b = Builder()
    b.say("Hillary Clinton", Q1)
    recs.append(b.record("a1", outlet="ledger.example", published="2024-01-01"))
    b = Builder()
    b.say("Hillary Rodham Clinton", Q1.replace("every", "each"))       # a changed word
    b.say("The Washington Post", "the deal had collapsed after weeks of talks", type_="organisation")
    recs.append(b.record("a2", outlet="morningpost.example", published="2024-01-02"))
    b = Builder()
    b.say("Clinton", "We will rebuild every bridge in this county", direct=True)  # dropped words; bare surname
    b.say("Washington Post", "officials were angry about the collapse of the talks", type_="organisation")
    recs.append(b.record("a3", outlet="valleynews.example", published="2024-01-03"))
    b = Builder()
    b.say("Bill Clinton", Q2)
    b.say("Donald Trump", "The polls are wrong and everybody knows that they are wrong")
    b.say("Donald Trump Jr.", "My father will win this state by a very large margin")
    recs.append(b.record("a4", outlet="ledger.example", published="2024-01-04"))
    b = Builder()
    b.say("Clinton", "It was a very long night for all of us here")    # 3 articles to 1: Hillary
    b.say("Mr. Donald Trump", "The polls are wrong; everybody knows they are wrong!")
    b.say("Bill Clinton", "Yes")                                         # too short to group
    recs.append(b.record("a5", outlet="thecourier.example", published="2024-01-05"))
    b = Builder()
    b.say("Bill Clinton", "Yes")
    recs.append(b.record("a6", outlet="thecourier.example", published="2024-01-06"))
    b = Builder()
    b.say("Clinton", "We need more time to count every single vote")     # 4 articles to 3: own speaker
    recs.append(b.record("a7", outlet="ledger.example", published="2024-01-07"))
    return recs


def _speaker_of(con, article_id, name):
    return con.execute("""SELECT s.id FROM article_speakers a JOIN speakers s ON s.id = a.speaker_id
                          WHERE a.article_id = ? AND a.name = ?""", [article_id, name]).fetchone()[0]


@pytest.fixture()
def store(tmp_path):
    src = tmp_path / "arts.jsonl"
    write_jsonl(src, _articles())
    db = tmp_path / "s.duckdb"
    s = ingest([str(src)], str(db))
    assert s.stored == 7 and s.failed == 0
    return tmp_path, db


def test_keys():
    assert speaker_key("Hillary Rodham Clinton", "person") == speaker_key("Hillary Clinton", "person")
    assert speaker_key("Sen. Hillary R. Clinton", "person") == speaker_key("Hillary Clinton", "person")
    assert speaker_key("Bill Clinton", "person") != speaker_key("Hillary Clinton", "person")
    assert speaker_key("Donald Trump Jr.", "person") != speaker_key("Donald Trump", "person")
    assert speaker_key("The Washington Post", "organisation") == speaker_key("Washington Post", "organisation")
    assert speaker_key("José Núñez", "person") == speaker_key("Jose Nunez", "person")


def test_identity_known_answers(store):
    _, db = store
    con = connect(db, read_only=True)
    hillary = _speaker_of(con, "a1", "Hillary Clinton")
    assert _speaker_of(con, "a2", "Hillary Rodham Clinton") == hillary
    assert _speaker_of(con, "a3", "Clinton") == hillary          # only one Clinton known then
    bill = _speaker_of(con, "a4", "Bill Clinton")
    assert bill != hillary
    assert _speaker_of(con, "a5", "Clinton") == hillary          # by far the more prominent Clinton
    assert _speaker_of(con, "a7", "Clinton") not in (hillary, bill)  # two Clintons of like standing: apart
    assert _speaker_of(con, "a4", "Donald Trump") == _speaker_of(con, "a5", "Mr. Donald Trump")
    assert _speaker_of(con, "a4", "Donald Trump Jr.") != _speaker_of(con, "a4", "Donald Trump")
    assert _speaker_of(con, "a2", "The Washington Post") == _speaker_of(con, "a3", "Washington Post")
    rows = {r["id"]: r for r in query.speakers(con, limit=None)}
    h = rows[hillary]
    assert h["name"] == "Hillary Rodham Clinton"  # full names first; ties: the longer
    assert h["quotes"] == 4 and h["articles"] == 4
    assert h["outlets"] == ["ledger.example", "morningpost.example", "thecourier.example", "valleynews.example"]
    assert str(h["first_date"]) == "2024-01-01" and str(h["last_date"]) == "2024-01-05"
    assert set(h["aliases"]) == {"Hillary Clinton", "Hillary Rodham Clinton", "Clinton"}
    assert len(rows) == 6  # Hillary, the Post, Bill, Trump, Trump Jr. and the ambiguous "Clinton"
    assert rows[bill]["quotes"] == 3
    # query by any alias
    assert {q["id"] for q in query.quotes(con, speaker="Hillary Rodham Clinton")} == \
           {q["id"] for q in query.quotes(con, speaker="hillary clinton")}


def test_groups_known_answers(store):
    _, db = store
    con = connect(db, read_only=True)
    gs = query.groups(con, min_articles=2)
    by_text = {g["text"]: g for g in gs}
    g1 = by_text[Q1]
    assert g1["articles"] == 3 and g1["outlets"] == 3 and g1["altered"] == 2
    diffs = {ap["article_id"]: ap["diff"] for ap in g1["appearances_list"]}
    assert diffs["a1"] == []
    assert diffs["a2"] == [{"op": "replace", "from": "every", "to": "each", "at": 3}]
    assert diffs["a3"] == [{"op": "delete", "from": "before the next winter comes", "to": "", "at": 8}]
    trump = [g for g in gs if g["text"].startswith("The polls")][0]
    d = [ap["diff"] for ap in trump["appearances_list"] if ap["article_id"] == "a5"][0]
    assert {(x["from"], x["to"]) for x in d} == {("and", ";"), ("that", "")}
    assert not any(g["text"] == "Yes" for g in gs)  # short quotes are not grouped
    assert len(gs) == 2


def test_incremental_equals_all_at_once(tmp_path):
    recs = _articles()
    write_jsonl(tmp_path / "first.jsonl", recs[:3])
    write_jsonl(tmp_path / "second.jsonl", recs[3:])
    write_jsonl(tmp_path / "all.jsonl", recs)
    ingest([str(tmp_path / "first.jsonl")], str(tmp_path / "inc.duckdb"))
    ingest([str(tmp_path / "second.jsonl")], str(tmp_path / "inc.duckdb"))
    ingest([str(tmp_path / "all.jsonl")], str(tmp_path / "one.duckdb"))
    from test_store_kill import dump
    a, b = dump(tmp_path / "inc.duckdb"), dump(tmp_path / "one.duckdb")
    a.pop("articles"), b.pop("articles")  # paths differ
    assert a == b


def test_similarity_and_diff():
    a = words("We will rebuild every bridge in this county")
    assert similarity(a, a) == 1.0
    assert similarity(a, words("We will rebuild each bridge in this county")) >= 0.8
    assert similarity(a, words("Taxes will go up next year for all families")) < 0.5
    assert diff("“We will win,”", "We will win!") == []  # marks at either end depend on the span
    assert diff("We will win, truly", "We will win. Truly") == [{"op": "replace", "from": ",", "to": ".", "at": 3}]


def test_real_nlp_identity_and_group(tmp_path):
    """Through the whole pipeline: in-article resolution, then identity and grouping."""
    (tmp_path / "one.txt").write_text(
        "Hillary Rodham Clinton spoke in Ohio on Monday. “We will not back down from this fight for "
        "working families,” Clinton said at the rally.\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text(
        "Hillary Clinton spoke to voters on Tuesday. “We will not back down from this fight for our "
        "working families,” she said.\n\nBill Clinton said the campaign was confident.\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    s = ingest([str(tmp_path / "one.txt"), str(tmp_path / "two.txt")], str(db), jobs=2)
    assert s.stored == 2 and s.failed == 0
    con = connect(db, read_only=True)
    sp = {r["name"]: r for r in query.speakers(con)}
    hillary = [r for n, r in sp.items() if n.startswith("Hillary")]
    assert len(hillary) == 1 and hillary[0]["articles"] == 2
    assert "Bill Clinton" in sp
    gs = query.groups(con)
    assert len(gs) == 1 and gs[0]["articles"] == 2
    assert [d for ap in gs[0]["appearances_list"] for d in ap["diff"]] == [
        {"op": "insert", "from": "", "to": "our", "at": 9}]
    # the same store whatever the number of worker processes
    ingest([str(tmp_path / "one.txt"), str(tmp_path / "two.txt")], str(tmp_path / "j1.duckdb"), jobs=1)
    from test_store_kill import dump
    assert dump(tmp_path / "j1.duckdb") == dump(db)


def test_several_speakers_of_one_attribution(tmp_path):
    text = "Ana Sato and Omar Brandt said the river plan was finished and would start in June."
    rec = {"id": "m", "text": text, "attributions": [{
        "source": [[0, 23]], "cue": [[24, 28]], "content": [[29, len(text) - 1]], "type": "indirect",
        "speaker": None, "speaker_type": "person", "speakers": ["Ana Sato", "Omar Brandt"]}],
        "speakers": [{"name": "Ana Sato", "type": "person", "mentions": [[0, 8]], "quoted": 1},
                     {"name": "Omar Brandt", "type": "person", "mentions": [[13, 23]], "quoted": 1}]}
    (tmp_path / "m.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    ingest([str(tmp_path / "m.jsonl")], str(tmp_path / "s.duckdb"))
    con = connect(tmp_path / "s.duckdb", read_only=True)
    assert len(query.quotes(con, speaker="Ana Sato")) == 1
    assert len(query.quotes(con, speaker="Omar Brandt")) == 1
    assert query.quotes(con, speaker="Ana Sato")[0]["speaker"] == "Ana Sato; Omar Brandt"
