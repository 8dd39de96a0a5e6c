"""The web pages in a real headless Chromium (Debian's `chromium`, driven by Playwright):
search, open a speaker, open an article and check its highlights (hover), open a quote
group, the outlets. Install the browser with `scripts/install-browser.sh`; Playwright
never downloads one here (`executable_path` is the system Chromium).

Screenshots go to a temporary folder, or to $QUOTEGRAPH_SCREENSHOTS when set:
    QUOTEGRAPH_SCREENSHOTS=docs/screenshots python -m pytest tests/test_web_browser.py
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from test_web_data import Q1, web_db  # noqa: F401  (web_db: the fixture)

CHROMIUM = os.environ.get("QUOTEGRAPH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
    pytest.skip(f"no Chromium at {CHROMIUM} (run scripts/install-browser.sh)", allow_module_level=True)


@pytest.fixture(scope="module")
def server(web_db):  # noqa: F811
    """The app served by uvicorn on a free loopback port, in a thread."""
    import uvicorn

    from quotegraph.web import create_app
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    srv = uvicorn.Server(uvicorn.Config(create_app(web_db, search_index=True), host="127.0.0.1", port=port, log_level="warning"))
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    t0 = time.monotonic()
    while not srv.started:
        assert th.is_alive() and time.monotonic() - t0 < 20, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    th.join(10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1200, "height": 820})
    pg = ctx.new_page()
    pg.set_default_timeout(10_000)
    pg.problems = []
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(m.text))
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    pg.on("dialog", lambda d: (pg.problems.append("dialog: " + d.message), d.dismiss()))
    yield pg
    assert pg.problems == [], pg.problems      # no script errors, CSP violations or alert()s
    ctx.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    d = Path(os.environ.get("QUOTEGRAPH_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    d.mkdir(parents=True, exist_ok=True)
    return d


def snap(page, shots: Path, name: str, full: bool = True):
    path = shots / f"{name}.png"
    page.screenshot(path=str(path), full_page=full)
    assert path.stat().st_size > 5000


def test_search_then_open_a_speaker(server, page, shots):
    page.goto(server + "/")
    page.fill("input[name=q]", "bridge safe")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/search?q=bridge+safe*")
    assert page.inner_text("#result-count") == "3 quotes"
    rows = page.locator("table.quotes tbody tr")
    assert rows.count() == 3
    assert "valleynews.example" in rows.nth(0).inner_text()      # newest first
    snap(page, shots, "search")

    # narrow by outlet and date with the form
    page.select_option("select[name=outlet]", "morningpost.example")
    page.fill("input[name=since]", "2024-03-01")
    page.click("form.filters button")
    page.wait_for_url("**outlet=morningpost.example**")
    assert page.inner_text("#result-count") == "1 quote"
    assert "so we can make it safe for the next 50 years" in page.inner_text("table.quotes")

    # open the speaker
    page.click("table.quotes a.speaker >> text=Ana Okafor")
    page.wait_for_url("**/speakers/*")
    assert page.inner_text("h1").startswith("Ana Okafor")
    assert page.locator("svg.timeline rect.bar").count() >= 5
    assert page.locator("table.outlets-of tbody tr").count() >= 4
    dates = page.locator("table.quotes td.date").all_inner_texts()
    assert dates and dates == sorted(dates, reverse=True)
    snap(page, shots, "speaker")

    # pagination keeps the filters
    page.goto(server + "/search?per_page=10&outlet=ledger.example")
    page.click("a[rel=next]")
    page.wait_for_url("**page=2**")
    assert "outlet=ledger.example" in page.url
    assert set(page.locator("table.quotes td.outlet").all_inner_texts()) == {"ledger.example"}


def test_article_highlights_and_hover(server, page, shots):
    # from a search result to the quote in its article
    page.goto(server + "/search?q=trains+packed")
    page.click("table.quotes td.quote a")
    page.wait_for_url("**/articles/harbour-1#att-*")
    text = page.locator("#article-text")
    assert text.locator("mark.qg-content").count() == 3
    assert text.locator("mark.qg-cue").count() == 4
    assert text.locator("mark.qg-source").count() == 4

    def bg(sel):
        return page.eval_on_selector(sel, "e => getComputedStyle(e).backgroundColor")
    # coloured by speaker: Okafor's two quotes alike, the union's different
    okafor = text.locator("mark.qg-content[data-cover$=':content']")
    assert bg("#article-text mark[data-cover='1:content']") == bg("#article-text mark[data-cover='4:content']")
    assert bg("#article-text mark[data-cover='1:content']") != bg("#article-text mark[data-cover='2:content']")
    assert okafor.count() == 3

    expect = sync_api.expect
    tip = page.locator("#qg-tip")
    expect(tip).to_be_hidden()
    # hovering the union's quote: its speaker in the tooltip, its source highlighted
    page.hover("#article-text mark[data-cover='2:content']")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("Civic Rail Union")
    hl = page.locator("#article-text mark.qg-source-hl")
    expect(hl).to_have_count(1)
    expect(hl).to_have_text("The Civic Rail Union")
    assert page.eval_on_selector("#article-text mark.qg-source-hl", "e => getComputedStyle(e).outlineStyle") == "solid"
    assert page.locator("table.attributions tr.qg-row-hl").count() == 1
    # moving to Okafor's quote moves the highlight
    page.hover("#article-text mark[data-cover='1:content']")
    expect(tip).to_contain_text("Ana Okafor")
    expect(hl).to_have_count(1)
    expect(hl).to_have_text("Mayor Ana Okafor")
    # and leaving the text clears it
    page.mouse.move(5, 5)
    expect(tip).to_be_hidden()
    expect(hl).to_have_count(0)
    # keyboard: focusing a quote shows the same
    page.focus("#article-text mark[data-cover='4:content']")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("Ana Okafor")
    # the screenshot: the top of the page, hovering the first quote
    page.goto(server + "/articles/harbour-1")
    page.hover("#article-text mark[data-cover='1:content']")
    expect(tip).to_be_visible()
    snap(page, shots, "article", full=False)


def test_markup_in_an_article_is_shown_as_text(server, page, shots):
    page.goto(server + "/articles/xss-1")
    assert page.inner_text("h1") == '<script>alert("title")</script> Council <b>vote</b>'
    body = page.inner_text("#article-text")
    assert '<script>alert("text")</script> Council <b>bold</b> news <img src=x onerror=alert(2)> & more.' in body
    assert "</script><script>alert(3)</script> and {{ 7*7 }}" in body
    assert page.eval_on_selector_all("#article-text script, #article-text b, #article-text img, #article-text i",
                                     "es => es.length") == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    page.hover("#article-text mark.qg-content")
    sync_api.expect(page.locator("#qg-tip")).to_contain_text('Eve "<i>" Mallory')
    snap(page, shots, "markup-as-text", full=False)
    # problems (alert dialogs, script errors) are checked by the fixture


def test_open_a_quote_group(server, page, shots):
    page.goto(server + "/groups")
    first = page.locator("table.groups tbody tr").first
    assert first.locator("td.quote").inner_text() == Q1
    snap(page, shots, "groups", full=False)
    first.locator("td.quote a").click()
    page.wait_for_url("**/groups/*")
    assert page.inner_text("blockquote.group-text") == Q1
    diffs = page.locator("section.diff")
    assert diffs.count() == 3
    assert "same words" in diffs.nth(0).inner_text()
    second = diffs.nth(1)
    assert "morningpost.example" in second.locator("header").inner_text()
    assert second.locator(".left .w-del").all_inner_texts() == ["that", "fifty"]
    assert second.locator(".right .w-ins").all_inner_texts() == ["50"]
    assert diffs.nth(2).locator(".right .w-ins").all_inner_texts() == ["has", "to", ","]
    snap(page, shots, "group")
    # from a version to its article
    second.locator("header a >> text=Bridge closure angers commuters").click()
    page.wait_for_url("**/articles/harbour-2#att-*")


def test_outlets(server, page, shots):
    page.goto(server + "/outlets")
    rows = page.locator("table.outlets tbody tr")
    assert rows.count() >= 5
    assert page.locator("svg.bar2").count() == rows.count()
    snap(page, shots, "outlets")
    page.click("table.outlets a.outlet >> text=ledger.example")
    page.wait_for_url("**/outlets/ledger.example")
    snap(page, shots, "outlet", full=False)
    page.click("nav.tabs a >> text=Mentioned, never quoted")
    assert page.locator("table.people tbody tr").all_inner_texts()[0].startswith("Helen Marsh")


def test_speakers_list(server, page, shots):
    page.goto(server + "/speakers")
    names = page.locator("table.speakers tbody tr td:first-child").all_inner_texts()
    assert names[0] == "Ana Okafor" and len(names) == 50
    snap(page, shots, "speakers", full=False)
    page.fill("input[name=name]", "marsh")
    page.press("input[name=name]", "Enter")
    page.wait_for_url("**name=marsh**")
    assert "No speakers match." in page.inner_text("main")      # mentioned, never quoted: not listed by default
    page.select_option("select[name=role]", "mentioned_only")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**role=mentioned_only**")
    row = page.locator("table.speakers tbody tr").all_inner_texts()
    assert len(row) == 1 and row[0].split("\t")[:6] == ["Helen Marsh", "person", "0", "0", "2", "2"]
    page.select_option("select[name=role]", "quoted")
    page.fill("input[name=name]", "okafor")
    page.press("input[name=name]", "Enter")
    page.wait_for_url("**name=okafor**")
    page.click("table.speakers a.speaker >> text=Ana Okafor")
    page.wait_for_url("**/speakers/*")
    assert page.inner_text("h1").startswith("Ana Okafor")


def test_error_pages_in_the_browser(server, page):
    for url, code in (("/speakers/999999", "404"), ("/search?since=not-a-date", "422"), ("/nowhere", "404")):
        resp = page.goto(server + url)
        assert str(resp.status) == code
        assert page.inner_text(".error-page h1") == code
        assert "Traceback" not in page.content()
        # the browser logs the error status itself: expected here
        page.problems[:] = [p for p in page.problems if not p.startswith("Failed to load resource")]
