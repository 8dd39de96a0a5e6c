"""Markup built from untrusted text: the article highlighter, the side-by-side word diff
and the timeline chart.

Every piece of text from the store goes through `markupsafe.escape` before it is placed
between tags that this module writes; attribute values are numbers or fixed words.
"""
from __future__ import annotations

from difflib import SequenceMatcher
from typing import Optional

from markupsafe import Markup, escape

from ..store import words as W

ROLES = ("source", "cue", "content")
N_COLOURS = 12


def speaker_key(att: dict) -> Optional[str]:
    """What colours an attribution: its (first) speaker identity, else its in-article
    name; None for anonymous or unknown sources."""
    if att.get("speakers"):
        return f"id:{att['speakers'][0]['id']}"
    if att.get("speaker"):
        return f"name:{att['speaker']}"
    return None


def colour_map(attributions: list[dict]) -> dict[str, int]:
    """Speaker key -> colour number, in order of first appearance."""
    out: dict[str, int] = {}
    for t in attributions:
        k = speaker_key(t)
        if k is not None and k not in out:
            out[k] = len(out) % N_COLOURS
    return out


def colour_class(att: dict, colours: dict[str, int]) -> str:
    k = speaker_key(att)
    return "spk-anon" if k is None else f"spk-{colours[k]}"


def highlight(text: str, attributions: list[dict]) -> Markup:
    """The article text as markup: every source, cue and content fragment in a `<mark>`
    (class `qg-ROLE spk-N`, `data-att` the innermost attribution, `data-cover` every
    `ATTRIBUTION:ROLE` covering it); an empty anchor `<span id="att-ID">` where each
    attribution starts. Overlapping spans (a nested quote) are cut at every boundary;
    the innermost (shortest) span decides a piece's role and colour. Spans outside the
    text are clipped."""
    n = len(text)
    colours = colour_map(attributions)
    spans = []  # (start, end, attribution index, role)
    for i, t in enumerate(attributions):
        for role in ROLES:
            for s, e in t.get(role) or []:
                s, e = max(0, min(int(s), n)), max(0, min(int(e), n))
                if e > s:
                    spans.append((s, e, i, role))
    cuts = sorted({0, n, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    starts: dict[int, list[int]] = {}
    for i, t in enumerate(attributions):
        frags = [(s, e) for r in ROLES for s, e in (t.get(r) or []) if min(int(e), n) > max(0, int(s))]
        if frags:
            starts.setdefault(max(0, min(s for s, _ in frags)), []).append(i)
    by_start = sorted(spans)
    active: list[tuple[int, int, int, str]] = []
    k = 0
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        while k < len(by_start) and by_start[k][0] <= a:
            active.append(by_start[k])
            k += 1
        active = [x for x in active if x[1] > a]
        for i in starts.pop(a, []):
            out.append(f'<span class="qg-anchor" id="att-{int(attributions[i]["id"])}"></span>')
        piece = escape(text[a:b])
        cover = sorted((x for x in active if x[0] <= a and x[1] >= b), key=lambda x: (x[1] - x[0], -x[0]))
        if not cover:
            out.append(piece)
            continue
        _, _, i, role = cover[0]
        att = attributions[i]
        cov = " ".join(f"{int(attributions[j]['id'])}:{r}" for _, _, j, r in cover)
        out.append(f'<mark class="qg-{role} {colour_class(att, colours)}" data-att="{int(att["id"])}" '
                   f'data-cover="{escape(cov)}">{piece}</mark>')
    return Markup("".join(out))


# ------------------------------------------------------------------ word diffs

_NO_SPACE_BEFORE = set(",.;:!?)]}%…”’»")
_NO_SPACE_AFTER = set("([{“‘«$")


def _join(tokens: list[tuple[str, str]]) -> Markup:
    out: list[str] = []
    prev = None
    for tok, cls in tokens:
        if prev is not None and tok not in _NO_SPACE_BEFORE and prev not in _NO_SPACE_AFTER:
            out.append(" ")
        piece = escape(tok)
        out.append(f'<span class="w-{cls}">{piece}</span>' if cls != "same" else str(piece))
        prev = tok
    return Markup("".join(out))


def word_diff(base: str, other: str) -> dict:
    """Words and punctuation of `base` and `other` aligned (case and accents ignored, the
    quote marks and punctuation at either end left out, as the store's diffs are):
    `left`/`right` are markup with the changed words marked (`w-del` in the base,
    `w-ins` in the other version), `changes` lists {op, from, to}."""
    a, b = W.tokens(base), W.tokens(other)
    fa, fb = [W.fold(x) for x in a], [W.fold(x) for x in b]
    left: list[tuple[str, str]] = []
    right: list[tuple[str, str]] = []
    changes = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, fa, fb, autojunk=False).get_opcodes():
        if op == "equal":
            left += [(x, "same") for x in a[i1:i2]]
            right += [(x, "same") for x in b[j1:j2]]
            continue
        left += [(x, "del") for x in a[i1:i2]]
        right += [(x, "ins") for x in b[j1:j2]]
        changes.append({"op": op, "from": " ".join(a[i1:i2]), "to": " ".join(b[j1:j2])})
    return {"left": _join(left), "right": _join(right), "changes": changes, "same": not changes}


# ------------------------------------------------------------------ timeline chart

def timeline_svg(buckets: list[dict], unit: Optional[str], width: int = 720, height: int = 160) -> Markup:
    """A bar chart of quotes per period as inline SVG (numbers and escaped labels only)."""
    if not buckets:
        return Markup("")
    pad_l, pad_b, pad_t = 34, 22, 8
    inner_w, inner_h = width - pad_l - 6, height - pad_b - pad_t
    top = max(b["quotes"] for b in buckets) or 1
    n = len(buckets)
    bw = inner_w / n
    gap = min(2.0, bw * 0.2)
    parts = [f'<svg class="timeline" role="img" viewBox="0 0 {width} {height}" width="100%" '
             f'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">',
             f'<title>{escape("Quotes per " + (unit or "period"))}</title>',
             f'<line class="axis" x1="{pad_l}" y1="{pad_t + inner_h}" x2="{width - 6}" y2="{pad_t + inner_h}"/>',
             f'<text class="tick" x="{pad_l - 4}" y="{pad_t + 8}" text-anchor="end">{int(top)}</text>',
             f'<text class="tick" x="{pad_l - 4}" y="{pad_t + inner_h}" text-anchor="end">0</text>']
    for i, b in enumerate(buckets):
        h = inner_h * b["quotes"] / top
        x = pad_l + i * bw + gap / 2
        parts.append(f'<rect class="bar" x="{x:.1f}" y="{pad_t + inner_h - h:.1f}" width="{max(bw - gap, 1):.1f}" '
                     f'height="{h:.1f}"><title>{escape(b["period"])}: {int(b["quotes"])} quote(s)</title></rect>')
    labels = {0, n - 1} | ({n // 2} if n > 4 else set())
    for i in sorted(labels):
        x = pad_l + (i + 0.5) * bw
        anchor = "start" if i == 0 and n > 1 else "end" if i == n - 1 and n > 1 else "middle"
        parts.append(f'<text class="tick" x="{x:.1f}" y="{height - 6}" text-anchor="{anchor}">'
                     f'{escape(buckets[i]["period"])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def safe_url(url: Optional[str]) -> Optional[str]:
    """A link target only for http(s) URLs (an article's URL is untrusted: no
    `javascript:`); the template escapes it."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None
