"""Source runs mended with the parse (attribute.attributor.repair_source)."""
import pytest

from quotegraph.attribute.attributor import repair_source
from quotegraph.model import Attribution


def _mend(nlp, text, source, cue, content):
    doc = nlp(text)
    at = lambda s: (text.index(s), text.index(s) + len(s))
    a = Attribution(source=[at(source)], cue=[at(cue)], content=[at(content)])
    return [text[s:e] for s, e in repair_source(doc, a)]


def test_a_source_cut_before_its_preposition_s_object_is_completed(nlp):
    text = "The claim came in a post from Arianna Huffington that said the race was over."
    assert _mend(nlp, text, "a post from", "said", "the race was over") == ["a post from Arianna Huffington"]


def test_a_date_after_the_preposition_is_not_taken(nlp):
    text = "Aung San Suu Kyi's allies on Monday claimed victory in the election."
    assert _mend(nlp, text, "Aung San Suu Kyi's allies on", "claimed", "victory in the election") == [
        "Aung San Suu Kyi's allies on"]


def test_a_source_that_swallowed_its_verb_is_cut_to_the_subject(nlp):
    text = "The Vermont senator emailed supporters that the fight would go on."
    assert _mend(nlp, text, "The Vermont senator emailed supporters", "that",
                 "the fight would go on") == ["The Vermont senator"]


def test_a_source_cut_inside_a_hyphenated_word_takes_the_whole_phrase(nlp):
    text = "The 60-second spot, which is airing on national cable, says that Trump is a fraud."
    assert _mend(nlp, text, "second spot", "says", "that Trump is a fraud") == ["The 60-second spot"]


def test_a_source_cut_before_its_noun_runs_on_to_the_noun(nlp):
    text = "The decision, officials said, was final. Actress Amandla Stenberg told the crowd she was proud."
    assert _mend(nlp, text, "Actress", "told", "she was proud") == ["Actress Amandla Stenberg"]
    text = "In a statement, Bennett’s younger sister said the two men had been friends for years."
    assert _mend(nlp, text, "Bennett’", "said", "the two men had been friends") == ["Bennett’s younger sister"]


def test_an_untagged_subject_beats_an_untied_source_from_another_sentence(nlp):
    from quotegraph.attribute.attributor import attributions_from_runs
    from quotegraph.attribute.tagger import TagRun
    text = "Experts doubt the plan will pass. Clinton has said that the emails were never classified."

    def run(role, sub):
        s = text.index(sub)
        return TagRun(role, s, s + len(sub), 0, 0.9)
    # the tagger found "Experts" as a source but missed "Clinton", the subject of "has said"
    tags = [run("SOURCE", "Experts"), run("CUE", "has said"), run("CONTENT", "that the emails were never classified")]
    atts = attributions_from_runs(text, tags, nlp(text))
    said = next(a for a in atts if a.cue and text[a.cue[0][0]:a.cue[0][1]] == "has said")
    assert [text[s:e] for s, e in said.source] == ["Clinton"]


def test_the_source_bias_stored_with_the_model_buys_source_recall():
    from quotegraph.attribute.tagger import DEFAULT_MODEL, Tagger
    tagger = Tagger(DEFAULT_MODEL)
    assert tagger.source_bias > 0  # read from meta.json
    text = "The plan will fail, according to people familiar with the talks, who spoke to reporters on Monday."

    def source_chars(bias):
        tagger.source_bias = bias
        return sum(r.end - r.start for r in tagger.tag(text) if r.role == "SOURCE")
    assert source_chars(0.0) <= source_chars(2.0) and source_chars(8.0) > source_chars(0.0)


def test_a_tagger_whose_meta_names_a_missing_member_says_which(tmp_path):
    import json
    import shutil

    from quotegraph.attribute.tagger import DEFAULT_MODEL, Tagger
    for name in ("model.onnx", "tokenizer.json"):
        shutil.copy(DEFAULT_MODEL / name, tmp_path / name)
    meta = json.loads((DEFAULT_MODEL / "meta.json").read_text())
    meta["members"] = ["model_gone.onnx"]
    (tmp_path / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(FileNotFoundError, match="model_gone.onnx"):
        Tagger(tmp_path)


def test_a_participle_with_no_subject_speaks_with_the_subject_of_its_verb(nlp):
    from quotegraph.attribute.attributor import _parse_linker
    from quotegraph.attribute.assemble import Run
    text = ("On Friday, Mr. Carson endorsed Mr. Trump at a news conference at Mar-a-Lago, Mr. Trump's "
            "private club, calling him a very intelligent man.")
    linked = _parse_linker(nlp(text))

    def run(role, sub):
        s = text.index(sub)
        return Run(role, s, s + len(sub), 0, 0.9)
    calling = run("CUE", "calling")
    assert linked(calling, run("SOURCE", "Mr. Carson"))
    assert not linked(calling, run("SOURCE", "Mar-a-Lago, Mr. Trump's private club"))
    # a clause with a subject of its own keeps it
    text = "When Trump announced his candidacy, he called Mexican immigrants criminals."
    linked = _parse_linker(nlp(text))
    announced = Run("CUE", text.index("announced"), text.index("announced") + 9, 0, 0.9)
    assert linked(announced, Run("SOURCE", text.index("Trump"), text.index("Trump") + 5, 0, 0.9))
    assert not linked(announced, Run("SOURCE", text.index("he "), text.index("he ") + 2, 0, 0.9))
