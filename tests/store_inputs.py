"""Builds a folder mixing every input format, good and broken, with the expected results."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

ARTICLE_A = ("Mayor Lena Brandt opened the new harbor bridge on Tuesday morning. “This bridge belongs "
             "to everyone who crosses the river to work,” Brandt said at the ceremony.\n\n"
             "The city council approved the budget last spring after a long debate.")
ARTICLE_B = ("Transport minister Omar Haddad visited the rail depot. “We will finish the northern line "
             "before the winter,” Haddad told reporters on Friday.\n\nEngineers said the work was on schedule.")


def html_page(title: str, body: str, site: str = "Valley News", date: str = "2024-05-02",
              author: str = "Ruth Sato", url: str = "https://www.valleynews.example/story") -> str:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} | {site}</title>"
            f"<meta property='og:title' content='{title}'><meta property='og:site_name' content='{site}'>"
            f"<meta name='author' content='{author}'>"
            f"<meta property='article:published_time' content='{date}T08:00:00Z'>"
            f"<link rel='canonical' href='{url}'></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<article><h1>{title}</h1>{paras}</article><footer>© {site}</footer></body></html>")


def warc_bytes(pages: list[tuple[str, str]], extra_records: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    for url, html in pages:
        if extra_records:
            req = w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            w.write_record(req)
        body = html.encode("utf-8")
        h = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=h))
    if extra_records:
        h = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://x.example/logo.png", "response",
                                            payload=io.BytesIO(b"\x89PNG...."), http_headers=h))
    return buf.getvalue()


def make_mixed_folder(root: Path) -> dict:
    """Writes the folder; returns what should come out of it."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "plain").mkdir()
    (root / "plain" / "brandt.txt").write_text(ARTICLE_A, encoding="utf-8")
    (root / "plain" / "latin1.txt").write_bytes("Der Bürgermeister sagte: «Wir bauen.»".encode("latin-1"))
    (root / "plain" / "empty.txt").write_bytes(b"")
    (root / "plain" / "notes.md").write_text("not an input", encoding="utf-8")
    (root / "web").mkdir()
    (root / "web" / "haddad.html").write_text(html_page("Rail line to open before winter", ARTICLE_B),
                                              encoding="utf-8")
    # malformed but recoverable: unclosed tags, no head
    (root / "web" / "sloppy.htm").write_text(
        "<html><body><div><p>“The clinic will stay open all summer for every family in the valley,” "
        "said Irene Novak, the director of the clinic, on Monday.<p>Staff welcomed the decision, "
        "which came after months of uncertainty about funding for the regional health service.",
        encoding="utf-8")
    (root / "web" / "junk.html").write_bytes(b"\x00\x01\x02\x03binary junk\x00")
    (root / "web" / "nothing.html").write_text("<html><head><title>x</title></head><body></body></html>",
                                               encoding="utf-8")
    (root / "records").mkdir()
    lines = [
        json.dumps({"id": "rec-1", "body": "“The audit found no missing funds at all,” said Grace Moreau, "
                    "the city treasurer, on Wednesday.", "headline": "Audit clean",
                    "url": "https://www.morningpost.example/a/1", "date": "2024-04-10"}),
        '{"id": "rec-2", "body": "broken json',
        json.dumps({"id": "rec-3", "title": "no text here"}),
        "",
    ]
    data = ("\n".join(lines) + "\n").encode("utf-8") + b'{"id": "rec-4", "body": "caf\xe9"}\n'
    (root / "records" / "feed.jsonl").write_bytes(data)
    (root / "records" / "list.json").write_text(json.dumps([
        {"id": "j-1", "text": "“Our farm exports doubled this year,” Peter Lindqvist said on Sunday.",
         "outlet": "The Courier", "published": "2024-04-12"},
        {"id": "j-2"}]), encoding="utf-8")
    (root / "records" / "broken.json").write_text('{"id": "x", "text": "unterminated', encoding="utf-8")
    (root / "records" / "table.csv").write_text(
        "id,text,title,url,published\n"
        "c-1,\"“Wages must rise with prices,” union leader Tomas Castillo said on Thursday.\",Wages,"
        "https://thecourier.example/w,2024-04-11\n"
        "c-2,,empty text,,\n", encoding="utf-8")
    (root / "crawl").mkdir()
    (root / "crawl" / "good.warc.gz").write_bytes(warc_bytes([
        ("https://www.ledger.example/port", html_page("Port expands", "“The port will hire two hundred "
         "workers next year,” said harbor master Victor Okafor in an interview.\n\nThe expansion is "
         "funded by a state grant approved in March.", site="The Ledger", url="https://www.ledger.example/port")),
    ]))
    broken = warc_bytes([
        ("https://www.ledger.example/school", html_page("School reopens", "“Every classroom has been "
         "repaired after the flood,” principal Ana Whitfield said on Monday.\n\nParents gathered at "
         "the gates before the first bell rang.", site="The Ledger", url="https://www.ledger.example/school")),
        ("https://www.ledger.example/road", html_page("Road closed", "“The coast road will stay closed "
         "until the landslide is cleared,” engineer John Sato said.\n\nDrivers were told to use the "
         "inland route for at least two weeks.", site="The Ledger", url="https://www.ledger.example/road")),
    ], extra_records=False)
    (root / "crawl" / "truncated.warc.gz").write_bytes(broken[:len(broken) - 300])
    return {
        "stored_ids": {"brandt", "haddad", "sloppy", "rec-1", "j-1", "c-1", "https://www.ledger.example/port",
                       "https://www.ledger.example/school"},
        "failed_where": ["latin1.txt", "empty.txt", "junk.html", "nothing.html", "feed.jsonl:2",
                         "feed.jsonl:3", "feed.jsonl:5", "list.json record 2", "broken.json", "table.csv:3",
                         "truncated.warc.gz"],
    }
