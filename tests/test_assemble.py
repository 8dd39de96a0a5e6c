"""Grouping tagged runs into attributions (no model: runs are given)."""
from quotegraph.attribute.assemble import Run, assemble
from quotegraph.attribute.encoding import paragraphs


def runs_for(text, *spans):
    """Runs from (role, substring) pairs, found left to right."""
    paras = paragraphs(text)
    out, pos = [], 0
    for role, sub in spans:
        s = text.index(sub, pos)
        e = s + len(sub)
        para = next(i for i, (ps, pe) in enumerate(paras) if ps <= s < pe)
        out.append(Run(role, s, e, para))
        pos = e
    return out


def show(text, groups):
    return [tuple(" | ".join(text[r.start:r.end] for r in getattr(g, k)) for k in ("source", "cue", "content"))
            for g in groups]


def test_quote_interrupted_by_cue_is_one_attribution():
    t = "“We will win,” Roe said, “and we will win big.”"
    g = assemble(t, runs_for(t, ("CONTENT", "“We will win,”"), ("SOURCE", "Roe"), ("CUE", "said"),
                             ("CONTENT", "“and we will win big.”")))
    assert show(t, g) == [("Roe", "said", "“We will win,” | “and we will win big.”")]


def test_two_speakers_in_one_paragraph_stay_apart():
    t = "Roe said taxes would fall. Lin said they would rise."
    g = assemble(t, runs_for(t, ("SOURCE", "Roe"), ("CUE", "said"), ("CONTENT", "taxes would fall"),
                             ("SOURCE", "Lin"), ("CUE", "said"), ("CONTENT", "they would rise")))
    assert show(t, g) == [("Roe", "said", "taxes would fall"), ("Lin", "said", "they would rise")]


def test_paragraph_without_cue_continues_previous_attribution():
    t = "“First part,” Roe said.\n\n“A second paragraph with no cue.”"
    g = assemble(t, runs_for(t, ("CONTENT", "“First part,”"), ("SOURCE", "Roe"), ("CUE", "said"),
                             ("CONTENT", "“A second paragraph with no cue.”")))
    assert show(t, g) == [("Roe", "said", "“First part,” | “A second paragraph with no cue.”")]


def test_colon_lead_in_takes_content_from_next_paragraph():
    t = "Roe put it this way:\n\n“We are done waiting.”"
    g = assemble(t, runs_for(t, ("SOURCE", "Roe"), ("CUE", "put it this way:"), ("CONTENT", "“We are done waiting.”")))
    assert show(t, g) == [("Roe", "put it this way:", "“We are done waiting.”")]


def test_source_in_same_sentence_beats_a_nearer_one_across_a_full_stop():
    t = "Lin left early. According to Roe, the vote failed."
    g = assemble(t, runs_for(t, ("SOURCE", "Lin"), ("CUE", "According to"), ("SOURCE", "Roe"),
                             ("CONTENT", "the vote failed")))
    assert show(t, g)[0][0] == "Roe"


class _ScoreBy:
    """A stand-in linker that scores a candidate by its log_distance alone (nearer wins)."""
    def score(self, row):
        from quotegraph.attribute.linker import FEATURES
        return -row[FEATURES.index("log_distance")]


def test_the_linker_keeps_close_runners_up_best_first(monkeypatch):
    from quotegraph.attribute import assemble as asm
    t = "Roe and Lin and Kay, said the report."
    runs = runs_for(t, ("SOURCE", "Roe"), ("SOURCE", "Lin"), ("SOURCE", "Kay"), ("CUE", "said"),
                    ("CONTENT", "the report"))
    # scores -log1p(gap): Kay -1.10, Lin -2.40, Roe -2.94
    monkeypatch.setattr(asm, "RUNNER_UP_MARGIN", 1.5)
    g = assemble(t, runs, linker=_ScoreBy())[0]
    assert t[g.source[0].start:g.source[0].end] == "Kay"
    assert [t[r.start:r.end] for r in g.runners_up] == ["Lin"]
    monkeypatch.setattr(asm, "RUNNER_UP_MARGIN", 2.0)
    g = assemble(t, runs, linker=_ScoreBy())[0]
    assert [t[r.start:r.end] for r in g.runners_up] == ["Lin", "Roe"]


def test_a_cue_inside_a_quote_takes_only_its_own_sentence():
    t = ("Richards spoke to the show:\n\n"
         "\"The comments were outrageous. Cruz wants to ban all abortions. So it is important that people see it.\"")
    g = assemble(t, runs_for(t, ("SOURCE", "Richards"), ("CUE", "spoke to the show:"),
                             ("CONTENT", "The comments were outrageous."), ("SOURCE", "Cruz"), ("CUE", "wants"),
                             ("CONTENT", "to ban all abortions."), ("CONTENT", "So it is important that people see it.")))
    assert show(t, g) == [("Richards", "spoke to the show:",
                           "The comments were outrageous. | So it is important that people see it."),
                          ("Cruz", "wants", "to ban all abortions.")]


def test_a_titles_full_stop_ends_no_sentence():
    t = ("Other Republicans were not satisfied with his response. "
         "''He should retract his comments,'' former Gov. Jeb Bush of Florida said on Twitter.")
    g = assemble(t, runs_for(t, ("SOURCE", "Other Republicans"), ("CUE", "were not satisfied with"),
                             ("CONTENT", "his response"), ("CONTENT", "''He should retract his comments,''"),
                             ("SOURCE", "former Gov. Jeb Bush of Florida"), ("CUE", "said on Twitter")))
    assert show(t, g) == [("Other Republicans", "were not satisfied with", "his response"),
                          ("former Gov. Jeb Bush of Florida", "said on Twitter", "''He should retract his comments,''")]


def test_an_abbreviation_before_a_sentence_opener_ends_the_sentence():
    from quotegraph.attribute.assemble import _sentence_break
    for gap, ends in ((" in the U.S. He ", True), (" former Gov. Jeb ", False), (" the U.S. Senate ", False),
                      (" Plan B. The ", True), (" said J. Smith ", False)):
        assert _sentence_break(gap, 0, len(gap)) is ends, gap


def test_a_quote_in_a_sentence_of_its_own_goes_on_with_the_quote_before_it():
    t = ("“His legend will live on,” Spencer said, as passers-by stopped to take photos of the mural. "
         "“His stories will live on here.”")
    g = assemble(t, runs_for(t, ("CONTENT", "“His legend will live on,”"), ("SOURCE", "Spencer"), ("CUE", "said"),
                             ("SOURCE", "passers-by"), ("CUE", "stopped to take photos of"),
                             ("CONTENT", "“His stories will live on here.”")))
    assert show(t, g)[0] == ("Spencer", "said", "“His legend will live on,” | “His stories will live on here.”")
