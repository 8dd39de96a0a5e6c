"""Find quoted stretches of text by their marks: curly, straight, guillemets, low-high,
nested single quotes, and quotes that run over several paragraphs.

News conventions this follows:
- a quote over several paragraphs opens each paragraph with a mark and closes only in
  the last; a middle paragraph without its opening mark still continues the quote when a
  later paragraph closes it;
- a quote inside a quote uses the other kind of mark (‘…’ inside “…”, or the reverse);
- ’ between letters (don’t) or after a plural s (voters’) is an apostrophe, not a mark.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .encoding import paragraphs

DOUBLE_OPEN = "“«„"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'"


@dataclass
class Quote:
    frags: list[tuple[int, int]] = field(default_factory=list)  # marks included, one per paragraph
    level: int = 0               # 0: top level, 1: inside another quote
    parent: int | None = None    # index of the enclosing quote, for level 1
    closed: bool = True

    @property
    def start(self) -> int:
        return self.frags[0][0]

    @property
    def end(self) -> int:
        return self.frags[-1][1]

    def inner(self, text: str) -> list[tuple[int, int]]:
        """The fragments without their marks and surrounding space."""
        out = []
        for s, e in self.frags:
            while s < e and (text[s] in ALL_MARKS or text[s].isspace()):
                s += 1
            while e > s and (text[e - 1] in ALL_MARKS or text[e - 1].isspace()):
                e -= 1
            if e > s:
                out.append((s, e))
        return out


def _is_open(text: str, i: int, c: str) -> bool:
    """Does the mark at i open a quote (as opposed to closing one)?"""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i:i + 2] == "''":
        after = text[i + 2] if i + 2 < len(text) else " "
    if c in DOUBLE_OPEN or c in SINGLE_OPEN:
        # ‘ before digits is an elided year ('90s); otherwise it opens
        return not (c == "‘" and after.isdigit())
    if c in DOUBLE_CLOSE or c in SINGLE_CLOSE:
        return False
    # straight marks: open after space or an opening bracket, before a non-space
    return (before.isspace() or before in "([{—–-" + DOUBLE_OPEN + SINGLE_OPEN) and not after.isspace()


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalpha():
        return True   # don’t, O’Brien
    if before in "sS" and i >= 2 and text[i - 2].isalpha() and not after.isalnum():
        return None   # voters’ : could be either; the caller decides
    return False


def _scan_paragraph(text: str, s: int, e: int, state: list) -> list[tuple]:
    """Events in one paragraph: ("open"|"close", kind, level, pos)."""
    events = []
    skip = -1
    for i in range(s, e):
        c = text[i]
        if c not in ALL_MARKS or i == skip:
            continue
        if c == "'" and i + 1 < e and text[i + 1] == "'":
            # ''…'': two straight single marks stand for a double one (some wire styles)
            c, skip = '"', i + 1
        kind = "double" if c in DOUBLE_OPEN + DOUBLE_CLOSE + '"' else "single"
        if kind == "single":
            apo = _is_apostrophe(text, i)
            if apo is True:
                continue
            if c == "'" and not state and not _is_open(text, i, c):
                continue
            open_single = any(k == "single" for k, _ in state)
            if apo is None and not open_single:
                continue
        low_high = c in "“‘" and state and text[state[-1][1]] in "„‚"  # „…“ closes with “
        last = skip if skip == i + 1 else i  # where this mark ends (a '' pair is two chars)
        if state and state[-1][0] == kind and (low_high or not _is_open(text, i, c)):
            state.pop()
            events.append(("close", kind, len(state), last))
        elif state and state[-1][0] == kind and c in (DOUBLE_OPEN + SINGLE_OPEN):
            # an opening mark while a quote of the same kind is open: the old one was
            # never closed; treat this as its restart
            events.append(("reopen", kind, len(state) - 1, i))
        elif _is_open(text, i, c):
            if kind == "single" and not state and c == "’":
                continue
            events.append(("open", kind, len(state), i))
            state.append((kind, i))
        elif any(k == kind for k, _ in state):
            # closing an outer quote while an inner one is open: close both
            while state and state[-1][0] != kind:
                state.pop()
                events.append(("close", "single" if kind == "double" else "double", len(state), i))
            state.pop()
            events.append(("close", kind, len(state), i))
    return events


def find_quotes(text: str) -> list[Quote]:
    paras = paragraphs(text)
    quotes: list[Quote] = []
    stack: list[int] = []            # indices into quotes of open quotes
    state: list[tuple[str, int]] = []
    for n, (ps, pe) in enumerate(paras):
        events = _scan_paragraph(text, ps, pe, state)
        # a quote left open at the end of the previous paragraph continues here when
        # this paragraph opens with a mark, or closes it before opening another, or
        # (a middle paragraph without marks) a later paragraph does
        if stack:
            first = events[0] if events else None
            lead = text[ps:pe].lstrip()[:1]
            continues = (lead in DOUBLE_OPEN + '"' + SINGLE_OPEN) or (
                first is not None and first[0] == "close") or (
                first is None and _later_closes(text, paras[n + 1:]))
            if continues:
                if lead in DOUBLE_OPEN + '"' + SINGLE_OPEN and events and events[0][3] == ps + len(text[ps:pe]) - len(text[ps:pe].lstrip()):
                    # the opening mark of a continuation paragraph is not a new quote
                    if events[0][0] == "open" and state:  # (a stray mark can leave none open)
                        state.pop()
                    events = events[1:]
                for q in stack:
                    quotes[q].frags.append((ps, ps))
            else:
                for q in stack:
                    quotes[q].closed = False
                stack.clear()
                state.clear()
                events = _scan_paragraph(text, ps, pe, state)
        for ev, kind, level, pos in events:
            if ev == "open":
                quotes.append(Quote(frags=[(pos, pos)], level=min(level, 1),
                                    parent=stack[-1] if stack else None))
                stack.append(len(quotes) - 1)
            elif ev == "close" and stack:
                q = quotes[stack.pop()]
                s, _ = q.frags[-1]
                q.frags[-1] = (s, pos + 1)
            elif ev == "reopen" and stack:
                q = quotes[stack[-1]]
                s, _ = q.frags[-1]
                q.frags[-1] = (s, pos)
                q.closed = False
                quotes.append(Quote(frags=[(pos, pos)], level=q.level, parent=q.parent))
                stack[-1] = len(quotes) - 1
        # anything still open reaches the paragraph end for now
        for q in stack:
            s, _ = quotes[q].frags[-1]
            quotes[q].frags[-1] = (s, pe)
    for q in stack:
        quotes[q].closed = False
    for q in quotes:
        q.frags = [(s, e) for s, e in q.frags if e > s]
    return [q for q in quotes if q.frags]


def _later_closes(text: str, rest: list[tuple[int, int]]) -> bool:
    """Does a following paragraph close the open quote (a middle paragraph lacks its mark)?"""
    for ps, pe in rest[:3]:
        para = text[ps:pe].lstrip()
        if para[:1] in DOUBLE_OPEN + '"':
            return True
        for c in para:
            if c in DOUBLE_CLOSE:
                return True
            if c in DOUBLE_OPEN:
                return False
    return False
