"""The HTTP API and pages (issue 5), through FastAPI's TestClient: every endpoint, its
CSV download, bad parameters (404, 422), clean error pages, escaping of untrusted text."""
from __future__ import annotations

import csv
import io
import logging
import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from quotegraph.store import StoreError
from quotegraph.web import create_app
from quotegraph.web import render as R

from test_web_data import Q1, Q1_ALTERED, SCRIPT_QUOTE, web_db  # noqa: F401  (web_db: the fixture)

URL_ID = "https://thecourier.example/news/bridge?id=9#top"


@pytest.fixture(scope="module")
def app(web_db):  # noqa: F811
    a = create_app(web_db, search_index=True)
    assert a.state.store.index() is not None
    return a


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def ok_json(client, url):
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("application/json")
    return r.json()


def ok_csv(client, url) -> list[dict]:
    r = client.get(url)
    assert r.status_code == 200, (url, r.text[:300])
    assert r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"].startswith("attachment; filename=")
    return list(csv.DictReader(io.StringIO(r.text)))


def ok_html(client, url) -> str:
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    assert "content-security-policy" in r.headers and "script-src 'self'" in r.headers["content-security-policy"]
    return r.text


def speaker_id(client, name):
    got = ok_json(client, f"/api/speakers?name={quote(name)}")["results"]
    return next(s["id"] for s in got if s["name"] == name)


# ------------------------------------------------------------------ search

def test_search_words_phrase_and_filters(client):
    d = ok_json(client, "/api/search?q=fifty+years+bridge")
    assert d["total"] == 2 and {r["quote"] for r in d["results"]} >= {Q1}
    assert [r["quote"] for r in ok_json(client, '/api/search?q="so we can make it safe"')["results"]] == [Q1_ALTERED]
    assert ok_json(client, '/api/search?q="safe so we"')["total"] == 0
    # newest first
    dates = [r["date"] for r in ok_json(client, "/api/search?q=bridge+safe")["results"]]
    assert dates == sorted(dates, reverse=True) and len(dates) == 3
    # speaker by name (the bare surname "Okafor" was resolved to her), by id, outlet, dates
    by_name = ok_json(client, "/api/search?speaker=Ana+Okafor&per_page=500")
    sid = speaker_id(client, "Ana Okafor")
    by_id = ok_json(client, f"/api/search?speaker_id={sid}&per_page=500")
    assert by_name["total"] == by_id["total"] >= 7
    assert all(any(s["id"] == sid for s in r["speakers"]) for r in by_id["results"])
    assert "Nobody likes a detour, but this one is overdue" in {r["quote"] for r in by_id["results"]}
    out = ok_json(client, "/api/search?outlet=MORNINGPOST.example&per_page=500")
    assert out["total"] > 0 and {r["outlet"] for r in out["results"]} == {"morningpost.example"}
    win = ok_json(client, "/api/search?since=2024-03-05&until=2024-03-06&per_page=500")
    assert win["total"] > 0 and all("2024-03-05" <= r["date"] <= "2024-03-06" for r in win["results"])
    both = ok_json(client, f"/api/search?speaker_id={sid}&outlet=ledger.example&q=detour")
    assert [r["article_id"] for r in both["results"]] == ["harbour-1"]
    assert ok_json(client, "/api/search?q=zzzunknownword")["total"] == 0
    assert ok_json(client, "/api/search?q=...")["total"] == 0          # no words at all
    assert ok_json(client, "/api/search?speaker=Nobody+Known")["total"] == 0


def test_search_pagination_and_csv(client):
    p1 = ok_json(client, "/api/search?per_page=7")
    p2 = ok_json(client, "/api/search?per_page=7&page=2")
    assert p1["total"] == p2["total"] > 300 and p1["pages"] == -(-p1["total"] // 7)
    assert len(p1["results"]) == len(p2["results"]) == 7
    assert not {r["id"] for r in p1["results"]} & {r["id"] for r in p2["results"]}
    last = ok_json(client, f"/api/search?per_page=7&page={p1['pages']}")
    assert 1 <= len(last["results"]) <= 7
    assert ok_json(client, f"/api/search?per_page=7&page={p1['pages'] + 1}")["results"] == []
    # CSV: the whole list, not one page
    rows = ok_csv(client, "/api/search?q=bridge&per_page=2&format=csv")
    assert len(rows) == ok_json(client, "/api/search?q=bridge")["total"] > 2
    assert list(rows[0]) == ["id", "date", "outlet", "speakers", "speaker_in_article", "speaker_type", "kind",
                             "confidence", "quote", "source", "cue", "article_id", "title", "group_id"]
    html = ok_html(client, "/search?q=bridge+safe")
    assert "3 quotes" in html and "Mayor defends bridge works" in html
    assert 'href="/api/search?q=bridge+safe"' in html and "format=csv" in html


def test_empty_form_fields_are_ignored(client):
    assert ok_json(client, "/api/search?q=&speaker=&outlet=&since=&until=&speaker_id=")["total"] > 300
    ok_html(client, "/search?q=&since=&until=&outlet=")


@pytest.mark.parametrize("params", ["page=0", "page=-1", "page=x", "per_page=0", "per_page=501", "since=2024-13-01",
                                    "until=yesterday", "speaker_id=abc", "speaker_id=-3", "format=xml",
                                    "q=" + "x" * 501])
def test_search_bad_parameters_422(client, params):
    r = client.get("/api/search?" + params)
    assert r.status_code == 422, params
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["detail"][0]["where"]
    if params.startswith("format="):       # the HTML page has no format parameter
        return
    r = client.get("/search?" + params)
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html")
    assert "not valid" in r.text and "Traceback" not in r.text


# ------------------------------------------------------------------ speakers

def test_speakers_list(client):
    d = ok_json(client, "/api/speakers?per_page=5")
    assert d["total"] > 50 and len(d["results"]) == 5
    quotes = [s["quotes"] for s in d["results"]]
    assert quotes == sorted(quotes, reverse=True)
    assert [s["name"] for s in ok_json(client, "/api/speakers?name=okaf")["results"]][0] == "Ana Okafor"
    orgs = ok_json(client, "/api/speakers?type=organisation&per_page=500")["results"]
    assert orgs and {s["type"] for s in orgs} == {"organisation"}
    assert client.get("/api/speakers?type=robot").status_code == 422
    rows = ok_csv(client, "/api/speakers?format=csv")
    assert len(rows) == d["total"] and rows[0]["name"]
    assert "Ana Okafor" in ok_html(client, "/speakers?name=okafor")


def test_speakers_mentioned_versus_quoted(client):
    """Each speaker comes with quotes and mentions; role=mentioned_only lists the people
    mentioned but never quoted (Helen Marsh: named in two articles, quoted in none)."""
    quoted = ok_json(client, "/api/speakers?per_page=500")
    assert quoted["query"]["role"] == "quoted"
    assert "Helen Marsh" not in {s["name"] for s in quoted["results"]}
    assert all(s["quotes"] > 0 for s in quoted["results"])
    okafor = next(s for s in quoted["results"] if s["name"] == "Ana Okafor")
    detail = ok_json(client, f"/api/speakers/{okafor['id']}")["speaker"]
    assert (okafor["mentions"], okafor["articles_mentioned"]) == (detail["mentions"], detail["articles_mentioned"])
    assert okafor["mentions"] >= 7 and okafor["articles_mentioned"] >= 5

    only = ok_json(client, "/api/speakers?role=mentioned_only")
    assert only["total"] == 1 and only["query"]["role"] == "mentioned_only"
    marsh = only["results"][0]
    assert {k: marsh[k] for k in ("name", "type", "quotes", "articles", "mentions", "articles_mentioned")} == \
        {"name": "Helen Marsh", "type": "person", "quotes": 0, "articles": 0, "mentions": 2, "articles_mentioned": 2}
    assert marsh["aliases"] == ["Helen Marsh"]
    assert ok_json(client, "/api/speakers?role=mentioned_only&name=marsh")["total"] == 1
    assert ok_json(client, "/api/speakers?role=mentioned_only&type=organisation")["total"] == 0

    every = ok_json(client, "/api/speakers?role=all&per_page=500")
    assert every["total"] == quoted["total"] + 1
    assert [s["name"] for s in every["results"]][-1] == "Helen Marsh"        # quoted first
    assert every["results"][:len(quoted["results"])] == quoted["results"]

    rows = ok_csv(client, "/api/speakers?role=mentioned_only&format=csv")
    assert list(rows[0]) == ["id", "name", "type", "quotes", "articles", "mentions", "articles_mentioned",
                             "outlets", "first_date", "last_date", "aliases"]
    assert [(r["name"], r["quotes"], r["mentions"], r["articles_mentioned"]) for r in rows] == \
        [("Helen Marsh", "0", "2", "2")]
    rows = ok_csv(client, "/api/speakers?format=csv")
    assert len(rows) == quoted["total"]
    assert next(r for r in rows if r["name"] == "Ana Okafor")["mentions"] == str(okafor["mentions"])

    html = ok_html(client, "/speakers?role=mentioned_only")
    assert "Helen Marsh" in html and '<option value="mentioned_only" selected>' in html
    assert "1 speaker mentioned, never quoted" in html and "<th class=\"n\">Mentions</th>" in html
    assert "No speakers match." in ok_html(client, "/speakers?name=marsh")     # the default: quoted only
    assert "Helen Marsh" in ok_html(client, "/speakers?name=marsh&role=all")
    for u in ("/api/speakers?role=loudest", "/speakers?role=mentioned"):
        assert client.get(u).status_code == 422, u


def test_speaker_page(client):
    sid = speaker_id(client, "Ana Okafor")
    d = ok_json(client, f"/api/speakers/{sid}?per_page=3")
    s = d["speaker"]
    assert s["name"] == "Ana Okafor" and s["quotes"] >= 7 and s["articles"] >= 5
    assert "Ana Okafor" in {a["alias"] for a in s["aliases"]}
    assert {"ledger.example", "morningpost.example", "valleynews.example", "thecourier.example"} <= \
        {o["outlet"] for o in s["outlets"]}
    assert d["quotes"]["total"] == s["quotes"] and len(d["quotes"]["results"]) == 3
    dates = [q["date"] for q in d["quotes"]["results"]]
    assert dates == sorted(dates, reverse=True)
    t = d["timeline"]
    assert t["unit"] == "day" and sum(b["quotes"] for b in t["buckets"]) + t["undated"] == s["quotes"]
    assert t["buckets"][0]["quotes"] > 0 and t["buckets"][-1]["quotes"] > 0
    assert len(ok_csv(client, f"/api/speakers/{sid}?format=csv")) == s["quotes"]
    html = ok_html(client, f"/speakers/{sid}")
    assert '<svg class="timeline"' in html and "Outlets that quote Ana Okafor" in html
    # a person only mentioned, never quoted, still has a page
    brandt = ok_json(client, "/api/outlets/ledger.example?sort=mentioned_only")["results"]
    assert [p["name"] for p in brandt] == ["Helen Marsh"]
    pb = ok_json(client, f"/api/speakers/{brandt[0]['id']}")["speaker"]
    assert pb["quotes"] == 0 and pb["mentions"] == 2


@pytest.mark.parametrize("url,code", [("/speakers/999999", 404), ("/speakers/abc", 422), ("/speakers/-1", 422),
                                      ("/speakers/1?page=0", 422)])
def test_speaker_errors(client, url, code):
    for u in (url, "/api" + url):
        r = client.get(u)
        assert r.status_code == code, u
        assert "Traceback" not in r.text


# ------------------------------------------------------------------ articles

def test_article(client):
    a = ok_json(client, "/api/articles/harbour-1")
    assert a["title"] == "Harbour bridge to close for six weeks" and len(a["attributions"]) == 4
    for t in a["attributions"]:
        for role in ("source", "cue", "content"):
            assert " … ".join(a["text"][s:e] for s, e in t[role]) == (t[f"{role}_text"] or "")
    first = a["attributions"][0]
    assert first["speakers"][0]["name"] == "Ana Okafor" and first["group_id"] is not None
    assert a["attributions"][2]["speakers"] == [] and a["attributions"][2]["speaker_type"] == "anonymous"
    rows = ok_csv(client, "/api/articles/harbour-1?format=csv")
    assert [r["cue_text"] for r in rows] == ["said", "warned", "according to", "added"]
    html = ok_html(client, "/articles/harbour-1")
    # every attribution is marked: content, cue and source, with the speaker's colour
    for t in a["attributions"]:
        assert f'id="att-{t["id"]}"' in html
        for role in ("source", "cue", "content"):
            if t[role]:
                assert f'data-cover="{t["id"]}:{role}"' in html
    assert html.count('class="qg-source spk-0"') == 2           # both of Okafor's sources, one colour
    assert 'class="qg-source spk-anon"' in html                  # the anonymous official
    assert 'id="att-info"' in html


def test_article_with_url_id(client):
    enc = quote(URL_ID, safe="")
    a = ok_json(client, f"/api/articles/{enc}")
    assert a["id"] == URL_ID and a["attributions"][0]["content_text"] == "the works would begin on the first of April"
    assert "Works begin in April" in ok_html(client, f"/articles/{enc}")
    # and the links the pages make to it work
    html = ok_html(client, "/search?q=works+april")
    assert f'href="/articles/{enc}#att-' in html


@pytest.mark.parametrize("url", ["/articles/no-such-article", "/api/articles/no-such-article",
                                 "/articles/harbour-1?format=csv"])
def test_article_errors(client, url):
    r = client.get(url)
    if url.endswith("format=csv"):          # pages take no format: ignored, the page answers
        assert r.status_code == 200
        return
    assert r.status_code == 404 and "Traceback" not in r.text
    if url.startswith("/api"):
        assert r.json() == {"detail": "no such article"}
    else:
        assert "no such article" in r.text and r.headers["content-type"].startswith("text/html")
    assert client.get("/api/articles/harbour-1?format=pdf").status_code == 422


# ------------------------------------------------------------------ untrusted text

def test_markup_in_articles_is_shown_as_text(client):
    """The article holds <script>, tags, attributes and template syntax in its text,
    title, outlet, author, URL and speaker name: every page shows them as text."""
    html = ok_html(client, "/articles/xss-1")
    assert "<script>alert" not in html and "<b>bold" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;text&#34;)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "&lt;img src=x onerror=alert(2)&gt; &amp; more" in html
    assert "&lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and "49" not in html                 # no template evaluation
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; Council &lt;b&gt;vote&lt;/b&gt;" in html
    assert "&lt;em&gt;Anon&lt;/em&gt;" in html and "&lt;b&gt;evil&lt;/b&gt;.example" in html
    assert 'href="javascript:' not in html                          # an unsafe URL is not a link
    assert "Eve &#34;&lt;i&gt;&#34; Mallory" in html
    # the quote inside a <mark>, escaped
    esc = "Type &lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt; into the &lt;b&gt;box&lt;/b&gt; &amp; press &lt;enter&gt;"
    assert 'data-cover="' in html and f'">{esc}</mark>' in html
    # the JSON for the hover script cannot close its <script> element
    blob = html[html.index('id="att-info">'):]
    blob = blob[:blob.index("</script>")]
    assert "<" not in blob.split(">", 1)[1]
    # the same text on the other pages
    for url in ["/search?q=pwned", "/groups?min_articles=1&q=pwned", "/outlets",
                "/outlets/" + quote("<b>evil</b>.example", safe=""), "/speakers?name=Mallory"]:
        page = ok_html(client, url)
        assert "<script>alert" not in page and "<b>evil" not in page and "<i>" not in page, url
    sid = speaker_id(client, 'Eve "<i>" Mallory')
    page = ok_html(client, f"/speakers/{sid}")
    assert "Eve &#34;&lt;i&gt;&#34; Mallory" in page and "<i>" not in page
    g = ok_json(client, "/api/search?q=pwned")["results"][0]["group_id"]
    page = ok_html(client, f"/groups/{g}")
    assert "&lt;script&gt;" in page and "<script>alert" not in page
    # JSON carries the text as it is
    assert ok_json(client, "/api/search?q=pwned")["results"][0]["quote"] == SCRIPT_QUOTE


def test_highlight_cuts_overlaps_and_escapes():
    text = "<b>A</b> said \"x <i> y\" ok"
    atts = [{"id": 1, "speakers": [], "speaker": "A", "source": [[0, 8]], "cue": [[9, 13]], "content": [[15, 22]]},
            {"id": 2, "speakers": [{"id": 9, "name": "Z"}], "speaker": "Z", "source": [], "cue": [],
             "content": [[17, 20], [90, 99]]}]                      # nested in 1's content; a span past the end
    out = str(R.highlight(text, atts))
    assert "<b>" not in out and "<i>" not in out
    assert '<mark class="qg-source spk-0" data-att="1" data-cover="1:source">&lt;b&gt;A&lt;/b&gt;</mark>' in out
    assert '<mark class="qg-content spk-1" data-att="2" data-cover="2:content 1:content">&lt;i&gt;</mark>' in out
    assert out.count('id="att-1"') == 1 and out.count('id="att-2"') == 1
    # the text is all there, in order
    import re
    from html import unescape
    assert unescape(re.sub(r"<[^>]+>", "", out)) == text
    assert str(R.highlight("", [])) == "" and str(R.highlight("a<b", [])) == "a&lt;b"


def test_word_diff_side_by_side():
    d = R.word_diff(Q1, Q1_ALTERED)
    assert d["changes"] == [{"op": "delete", "from": "that", "to": ""}, {"op": "replace", "from": "fifty", "to": "50"}]
    assert '<span class="w-del">that</span>' in d["left"] and '<span class="w-ins">50</span>' in d["right"]
    assert R.word_diff("“Same words.”", "same WORDS")["same"]
    left = str(R.word_diff("a <b> c", "a c")["left"])
    assert "&lt;" in left and "<b>" not in left
    assert R.safe_url("javascript:alert(1)") is None and R.safe_url("https://x.example/") == "https://x.example/"


# ------------------------------------------------------------------ quote groups

def test_groups(client):
    d = ok_json(client, "/api/groups?per_page=5")
    assert d["total"] >= 1 and all(g["articles"] >= 2 for g in d["results"])
    first = d["results"][0]
    assert first["text"] == Q1 and first["articles"] == 3 and first["altered"] == 2
    assert ok_json(client, "/api/groups?q=fifty+years")["results"][0]["id"] == first["id"]
    assert ok_json(client, "/api/groups?q=zzznothing")["total"] == 0
    sid = speaker_id(client, "Ana Okafor")
    assert first["id"] in {g["id"] for g in ok_json(client, f"/api/groups?speaker_id={sid}")["results"]}
    more = ok_json(client, "/api/groups?min_articles=1")
    assert more["total"] > d["total"]
    assert len(ok_csv(client, "/api/groups?format=csv")) == d["total"]
    assert client.get("/api/groups?min_articles=0").status_code == 422
    assert Q1 in ok_html(client, "/groups")

    g = ok_json(client, f"/api/groups/{first['id']}")
    assert [a["outlet"] for a in g["appearances"]] == ["ledger.example", "morningpost.example", "valleynews.example"]
    assert g["appearances"][0]["changes"] == [] and g["appearances"][0]["diff"] == []
    assert {"op": "replace", "from": "fifty", "to": "50"} in g["appearances"][1]["changes"]
    assert any(c["op"] == "replace" and c["to"] == "50" for c in g["appearances"][1]["diff"])
    assert len(ok_csv(client, f"/api/groups/{first['id']}?format=csv")) == 3
    html = ok_html(client, f"/groups/{first['id']}")
    assert html.count('class="side-by-side"') == 3 and '<span class="w-ins">50</span>' in html


# the groups list as it was computed before it was made faster (grouped by id and text over
# every group): the reference the faster queries must match row for row
REFERENCE_GROUPS = """SELECT g.id, g.text, count(*) AS appearances, count(DISTINCT t.article_id) AS articles,
        count(DISTINCT a.outlet) AS outlets, count(*) FILTER (WHERE p.diff <> '[]') AS altered,
        min(a.published_date) AS first_date, max(a.published_date) AS last_date
    FROM quote_groups g JOIN quote_appearances p ON p.group_id = g.id
    JOIN attributions t ON t.id = p.attribution_id JOIN articles a ON a.id = t.article_id
    WHERE true {filt}
    GROUP BY g.id, g.text HAVING count(DISTINCT t.article_id) >= $min
    ORDER BY articles DESC, appearances DESC, g.id"""


def reference_groups(con, min_articles, speaker_ids=None, terms=None) -> list[list]:
    from quotegraph.web.queries import rows
    filt, params = "", {"min": min_articles}
    if speaker_ids is not None:
        params["sids"] = speaker_ids
        filt += (" AND g.id IN (SELECT p.group_id FROM quote_appearances p JOIN attribution_speakers q "
                 "ON q.attribution_id = p.attribution_id WHERE q.speaker_id IN (SELECT unnest($sids)))")
    if terms is not None:
        params["terms"], params["n"] = terms, len(terms)
        filt += (" AND g.id IN (SELECT p.group_id FROM quote_appearances p WHERE p.attribution_id IN "
                 "(SELECT attribution_id FROM quote_terms WHERE term IN (SELECT unnest($terms)) "
                 "GROUP BY attribution_id HAVING count(DISTINCT term) = $n))")
    return [list(r.items()) for r in rows(con, REFERENCE_GROUPS.format(filt=filt), params)]


def test_groups_list_gives_what_the_reference_query_gives(app):
    """The groups lists (web and CLI) return exactly the rows, columns, order and totals of
    the straightforward query, for every filter, threshold and page."""
    from quotegraph.store import query as SQ
    from quotegraph.web import queries as WQ
    with app.state.store.cursor() as con:
        okafor = con.execute("SELECT id FROM speakers WHERE name = 'Ana Okafor'").fetchone()[0]
        busiest = con.execute("SELECT speaker_id FROM attribution_speakers GROUP BY ALL "
                              "ORDER BY count(*) DESC, speaker_id LIMIT 1").fetchone()[0]
        cases = 0
        for min_articles in (1, 2, 3, 4):
            for kw, ref in (({}, {}), ({"speaker_id": okafor}, {"speaker_ids": [okafor]}),
                            ({"speaker_id": busiest}, {"speaker_ids": [busiest]}),
                            ({"q": "bridge"}, {"terms": ["bridge"]}), ({"q": "budget river"}, {"terms": ["budget", "river"]}),
                            ({"q": "zzznothing"}, {"terms": ["zzznothing"]}),
                            ({"q": "bridge", "speaker_id": okafor}, {"terms": ["bridge"], "speaker_ids": [okafor]})):
                want = reference_groups(con, min_articles, **ref)
                cases += bool(want)
                got, total = WQ.list_groups(con, min_articles=min_articles, limit=None, **kw)
                assert [list(r.items()) for r in got] == want and total == len(want), (min_articles, kw)
                for limit, offset in ((5, 0), (3, 4), (50, 0), (2, max(0, len(want) - 1))):
                    page, total = WQ.list_groups(con, min_articles=min_articles, limit=limit, offset=offset, **kw)
                    assert [list(r.items()) for r in page] == want[offset:offset + limit], (min_articles, kw, offset)
                    assert total == len(want)
            cli = SQ.groups(con, min_articles=min_articles, limit=None, with_appearances=False)
            assert [list(r.items()) for r in cli] == reference_groups(con, min_articles)
            cli = SQ.groups(con, min_articles=min_articles, speaker="Ana Okafor", search="bridge", limit=2,
                            with_appearances=False)
            assert [list(r.items()) for r in cli] == reference_groups(con, min_articles, [okafor], ["bridge"])[:2]
        assert cases >= 12        # most cases have rows to compare


@pytest.mark.parametrize("url,code", [("/groups/999999", 404), ("/groups/x", 422), ("/groups?page=0", 422),
                                      ("/groups?min_articles=abc", 422)])
def test_group_errors(client, url, code):
    for u in (url, "/api" + url):
        assert client.get(u).status_code == code, u


# ------------------------------------------------------------------ outlets

def test_outlets(client):
    d = ok_json(client, "/api/outlets")["results"]
    by = {o["outlet"]: o for o in d}
    assert {"ledger.example", "morningpost.example", "valleynews.example", "thecourier.example"} <= set(by)
    led = by["ledger.example"]
    assert led["articles"] > 10 and led["people_only_mentioned"] == 1 and led["top_quoted"]
    assert led["people"] == led["people_quoted"] + led["people_only_mentioned"]
    tq = [s["quotes"] for s in led["top_quoted"]]
    assert tq == sorted(tq, reverse=True) and len(tq) <= 5
    assert len(ok_csv(client, "/api/outlets?format=csv")) == len(d)
    assert "ledger.example" in ok_html(client, "/outlets")

    people = ok_json(client, "/api/outlets/ledger.example?per_page=500")
    assert people["total"] == led["people"]
    names = {p["name"]: p for p in people["results"]}
    assert names["Ana Okafor"]["quoted"] >= 2 and names["Helen Marsh"]["quoted"] == 0
    ment = ok_json(client, "/api/outlets/ledger.example?sort=mentioned")["results"]
    assert [p["mentions"] for p in ment] == sorted((p["mentions"] for p in ment), reverse=True)
    assert len(ok_csv(client, "/api/outlets/ledger.example?format=csv")) == people["total"]
    assert "Mentioned, never quoted" in ok_html(client, "/outlets/ledger.example?sort=mentioned_only")
    for u in ("/outlets/nowhere.example", "/api/outlets/nowhere.example"):
        assert client.get(u).status_code == 404
    for u in ("/outlets/ledger.example?sort=loudest", "/api/outlets/ledger.example?per_page=9999"):
        assert client.get(u).status_code == 422


# ------------------------------------------------------------------ errors, docs, safety

def test_unknown_paths_give_clean_404(client):
    r = client.get("/no/such/page")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "There is no page at this address." in r.text and "Traceback" not in r.text
    r = client.get("/api/nothing")
    assert r.status_code == 404 and r.json() == {"detail": "There is no page at this address."}
    assert client.post("/api/search").status_code == 405


def test_server_error_is_a_clean_page(app, client, monkeypatch):
    from quotegraph.web import queries

    def boom(*a, **k):
        raise RuntimeError("secret internals /etc/passwd")
    monkeypatch.setattr(queries, "list_outlets", boom)
    logging.getLogger("quotegraph.web").disabled = True
    try:
        r = client.get("/outlets")
        assert r.status_code == 500 and "Something went wrong" in r.text
        assert "secret" not in r.text and "Traceback" not in r.text
        r = client.get("/api/outlets")
        assert r.status_code == 500 and r.json() == {"detail": "internal server error"}
    finally:
        logging.getLogger("quotegraph.web").disabled = False


def test_openapi_docs_offline(client):
    r = client.get("/docs")
    assert r.status_code == 200 and "swagger-ui" in r.text and "cdn" not in r.text.lower()
    assert client.get("/static-offline-docs/swagger-ui-bundle.js").status_code == 200
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/search", "/api/speakers", "/api/speakers/{speaker_id}", "/api/articles/{article_id}",
            "/api/groups", "/api/groups/{group_id}", "/api/outlets", "/api/outlets/{outlet}"} <= paths
    assert not any(not p.startswith("/api/") for p in paths)          # the HTML pages are not in the API docs


def test_static_and_headers(client):
    r = client.get("/static/app.js")
    assert r.status_code == 200 and "textContent" in r.text and "innerHTML" not in r.text
    assert client.get("/static/style.css").status_code == 200
    r = client.get("/search")
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"


def test_store_is_read_only(app):
    import duckdb
    with app.state.store.cursor() as con:
        with pytest.raises(duckdb.Error):
            con.execute("CREATE TABLE evil (i INTEGER)")
        with pytest.raises(duckdb.Error):
            con.execute("DELETE FROM articles")


def test_missing_store(tmp_path):
    with pytest.raises(StoreError):
        create_app(tmp_path / "none.duckdb")


def test_serve_command(tmp_path, capsys):
    import argparse

    from quotegraph.web.cli import _is_loopback, add_commands
    ap = argparse.ArgumentParser()
    add_commands(ap.add_subparsers(dest="command"))
    args = ap.parse_args(["serve"])
    assert (args.db, args.host, args.port) == ("quotegraph.duckdb", "127.0.0.1", 8000)
    args = ap.parse_args(["serve", "--db", str(tmp_path / "none.duckdb"), "--port", "8765"])
    assert args.func(args) == 2 and "no such store" in capsys.readouterr().err
    assert _is_loopback("127.0.0.1") and _is_loopback("::1") and _is_loopback("localhost")
    assert not _is_loopback("0.0.0.0") and not _is_loopback("example.org")


def test_markup_through_the_nlp_ingest(tmp_path):
    """The same through the full path: a .txt article with markup, ingested with the NLP,
    served: its quotes are found and every page shows the markup as text."""
    from quotegraph.store import ingest
    (tmp_path / "evil.txt").write_text(
        '<script>alert("x")</script> City council <b>votes</b> on the harbour budget.\n\n'
        '"We will not raise taxes <img src=x onerror=alert(1)> this year," Mayor Ana Okafor said on Tuesday.\n\n'
        "Councillor John Brandt said the plan was </script><script>alert(2)</script> reckless.\n", encoding="utf-8")
    db = tmp_path / "e.duckdb"
    s = ingest([str(tmp_path / "evil.txt")], str(db))
    assert s.stored == 1 and s.attributions >= 1
    with TestClient(create_app(db)) as c:
        a = ok_json(c, "/api/articles/evil")
        assert any("Okafor" in (t["speaker"] or "") for t in a["attributions"])
        html = ok_html(c, "/articles/evil")
        assert "<script>" not in html.split('id="article-text"')[1].split("</div>")[0]
        # the text as shown, with the highlight marks the page wraps around spans taken out
        # (where a span starts or ends depends on the tagger)
        shown = re.sub(r"</?(?:mark|span)\b[^>]*>", "", html)
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in shown and "&lt;b&gt;votes&lt;/b&gt;" in shown
        assert "&lt;img src=x onerror=alert(1)&gt;" in shown and "<img" not in html
        assert "<mark " in html
        for url in ["/search?q=taxes", "/speakers", "/outlets"]:
            page = ok_html(c, url)
            assert "<img" not in page and "<script>alert" not in page


@pytest.mark.parametrize("page", ["/articles/" + quote(URL_ID, safe=""), "/search?q=bridge&outlet=ledger.example",
                                  "/speakers?name=ok", "/groups/1", "/outlets/ledger.example?sort=mentioned",
                                  "/outlets/" + quote("<b>evil</b>.example", safe="")])
def test_every_page_links_its_json_and_csv(client, page):
    import html as H
    import re
    body = ok_html(client, page)
    links = dict((k, H.unescape(v)) for v, k in re.findall(r'href="([^"]+)" class="(json|csv)-link"', body))
    assert set(links) == {"json", "csv"}, page
    assert client.get(links["json"]).headers["content-type"].startswith("application/json")
    data = client.get(links["json"]).json()
    assert data.get("id", "") == URL_ID or not page.startswith("/articles/")
    assert client.get(links["csv"]).headers["content-type"].startswith("text/csv")


def test_timeline_units(tmp_path):
    """Per day for a short span, per month for years, per year for decades; empty
    periods are there (as zeros), undated quotes counted apart."""
    from quotegraph.store import ingest
    from synth import Builder, write_jsonl
    recs = []
    for i, (who, day) in enumerate([("Ida Long", "2020-01-05"), ("Ida Long", "2023-06-01"), ("Ida Long", None),
                                    ("Max Span", "1999-12-31"), ("Max Span", "2024-01-01")]):
        b = Builder()
        b.say(who, f"Quote number {i} about the long span of time", direct=True)
        recs.append(b.record(f"t{i}", outlet="time.example", **({"published": day} if day else {})))
    write_jsonl(tmp_path / "t.jsonl", recs)
    ingest([str(tmp_path / "t.jsonl")], str(tmp_path / "t.duckdb"))
    with TestClient(create_app(tmp_path / "t.duckdb")) as c:
        ida = ok_json(c, f"/api/speakers/{speaker_id(c, 'Ida Long')}")["timeline"]
        assert ida["unit"] == "month" and ida["undated"] == 1 and len(ida["buckets"]) == 42
        assert ida["buckets"][0] == {"period": "2020-01", "quotes": 1} and ida["buckets"][-1]["period"] == "2023-06"
        assert sum(b["quotes"] for b in ida["buckets"]) == 2
        mx = ok_json(c, f"/api/speakers/{speaker_id(c, 'Max Span')}")["timeline"]
        assert mx["unit"] == "year" and [b["period"] for b in mx["buckets"]][::25] == ["1999", "2024"]
        assert ok_html(c, f"/speakers/{speaker_id(c, 'Max Span')}").count('<rect class="bar"') == 26
    svg = str(R.timeline_svg([{"period": "<x>", "quotes": 3}], "day"))
    assert svg.count("<rect") == 1 and "&lt;x&gt;" in svg and "<x>" not in svg


def test_search_index_gives_what_sql_gives(app, web_db):  # noqa: F811
    """The in-memory index and the SQL path return the same quotes, in the same order,
    with the same counts, for every kind of filter and page."""
    from quotegraph.web import queries as WQ
    ix = app.state.store.index()
    sid = None
    with app.state.store.cursor() as con:
        sid = con.execute("SELECT id FROM speakers WHERE name = 'Ana Okafor'").fetchone()[0]
        from datetime import date
        filters = [WQ.QuoteFilter(), WQ.QuoteFilter(q="bridge"), WQ.QuoteFilter(q="budget river"),
                   WQ.QuoteFilter(q='"make it safe"'), WQ.QuoteFilter(q='"safe make"'), WQ.QuoteFilter(q="zzz"),
                   WQ.QuoteFilter(q="..."), WQ.QuoteFilter(q='"100%_ \\"'), WQ.QuoteFilter(speaker="Ana Okafor"),
                   WQ.QuoteFilter(speaker_id=sid), WQ.QuoteFilter(speaker="okafor", speaker_id=sid, q="bridge"),
                   WQ.QuoteFilter(speaker="Nobody Here"), WQ.QuoteFilter(speaker_id=10**9),
                   WQ.QuoteFilter(outlet="LEDGER.example"), WQ.QuoteFilter(outlet="nowhere"),
                   WQ.QuoteFilter(since=date(2024, 3, 5)), WQ.QuoteFilter(until=date(2024, 3, 5)),
                   WQ.QuoteFilter(q="council", outlet="valleynews.example", since=date(2024, 3, 3),
                                  until=date(2024, 3, 20)),
                   WQ.QuoteFilter(q="school", since=date(2030, 1, 1))]
        for f in filters:
            for limit, offset in ((50, 0), (7, 14), (None, 0), (5, 10_000)):
                a = WQ.search_quotes(con, f, limit=limit, offset=offset, index=ix)
                b = WQ.search_quotes(con, f, limit=limit, offset=offset, index=None)
                assert a == b, (f, limit, offset)
    # and through the app: a store opened without the index answers the same
    with TestClient(create_app(web_db, search_index=False)) as plain, TestClient(app) as indexed:
        for url in ["/api/search?q=bridge&per_page=9&page=2", f"/api/speakers/{sid}?per_page=3",
                    "/api/search?outlet=ledger.example&since=2024-03-04&format=csv"]:
            assert plain.get(url).content == indexed.get(url).content, url


def test_search_index_background_and_fallback(web_db, monkeypatch):  # noqa: F811
    from quotegraph.web import search_index
    app = create_app(web_db)                           # the default: built in a thread
    assert app.state.store.search.wait(30) and app.state.store.index() is not None
    assert app.state.store.index().n == ok_json(TestClient(app), "/api/search")["total"]
    monkeypatch.setattr(search_index, "MAX_POSTINGS", 10)
    logging.getLogger("quotegraph.web").disabled = True
    try:
        small = create_app(web_db, search_index=True)  # too many terms: SQL answers
    finally:
        logging.getLogger("quotegraph.web").disabled = False
    assert small.state.store.index() is None and "over 10" in small.state.store.search.error
    with TestClient(small) as c:
        assert ok_json(c, "/api/search?q=fifty+years+bridge")["total"] == 2


@pytest.mark.parametrize("url", ["/api/speakers", "/api/speakers?role=all", "/api/speakers?role=mentioned_only",
                                 "/api/groups", "/api/groups?min_articles=1&q=bridge",
                                 "/api/outlets/ledger.example", "/api/outlets/ledger.example?sort=mentioned_only",
                                 "/api/search", "/api/search?q=council&outlet=ledger.example"])
def test_pages_past_the_end_keep_the_total(client, url):
    sep = "&" if "?" in url else "?"
    first = ok_json(client, url + sep + "per_page=3")
    past = ok_json(client, url + sep + "per_page=3&page=999")
    assert past["results"] == [] and past["total"] == first["total"] and past["pages"] == first["pages"]
    assert first["total"] == len(ok_json(client, url + sep + "per_page=500")["results"])


def test_phrase_search_without_kept_texts(app, monkeypatch):
    from quotegraph.web import queries as WQ
    from quotegraph.web import search_index
    monkeypatch.setattr(search_index, "MAX_TEXTS", 0)
    with app.state.store.cursor() as con:
        ix = search_index.SearchIndex(con)
        assert ix.texts is None
        for q in ['"make it safe"', '"MAKE IT"', '"safe make"', '"caf"']:
            assert WQ.search_quotes(con, WQ.QuoteFilter(q=q), index=ix) == WQ.search_quotes(con, WQ.QuoteFilter(q=q))


def test_serve_workers_factory(web_db, monkeypatch, capsys):  # noqa: F811
    import argparse

    from quotegraph.web import cli
    monkeypatch.setenv(cli.ENV_DB, web_db)
    monkeypatch.setenv(cli.ENV_INDEX, "now")
    app = cli.app_from_env()
    assert app.state.store.index() is not None
    with TestClient(app) as c:
        assert ok_json(c, "/api/search?q=fifty+years+bridge")["total"] == 2
    monkeypatch.setenv(cli.ENV_INDEX, "off")
    assert cli.app_from_env().state.store.search is None
    ap = argparse.ArgumentParser()
    cli.add_commands(ap.add_subparsers(dest="command"))
    args = ap.parse_args(["serve", "--db", web_db, "--workers", "0"])
    assert args.func(args) == 2 and "--workers" in capsys.readouterr().err


def test_empty_store(tmp_path):
    from quotegraph.store import connect
    connect(tmp_path / "empty.duckdb").close()
    app = create_app(tmp_path / "empty.duckdb", search_index=True)
    assert app.state.store.index() is not None and app.state.store.index().n == 0
    with TestClient(app) as c:
        for url in ["/api/search", "/api/search?q=anything", "/api/speakers", "/api/groups", "/api/outlets"]:
            d = ok_json(c, url)
            assert d.get("total", 0) == 0 and d["results"] == []
        for url in ["/", "/search?q=x", "/speakers", "/groups", "/outlets"]:
            ok_html(c, url)
        assert c.get("/api/speakers/1").status_code == 404


def test_article_cache_is_bounded(app, monkeypatch):
    from quotegraph.web import queries as WQ
    from quotegraph.web import search_index
    monkeypatch.setattr(search_index, "MAX_ARTICLES_KEPT", 3)
    with app.state.store.cursor() as con:
        ix = search_index.SearchIndex(con)
        for page in range(4):
            got, _ = WQ.search_quotes(con, WQ.QuoteFilter(), limit=10, offset=10 * page, index=ix)
            want, _ = WQ.search_quotes(con, WQ.QuoteFilter(), limit=10, offset=10 * page)
            assert got == want
        assert len(ix._articles) <= 10
