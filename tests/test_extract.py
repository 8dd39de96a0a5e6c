"""Each case of issue 2, section 2, through the whole pipeline with the shipped model.
Sentences are written for these tests; spans are checked by their text."""
from conftest import find, span_text as st


def test_direct_quote_with_cue_after(extract):
    r = extract("“We will open the bridge in May,” said Mayor Helena Marsh on Tuesday.")
    a = find(r, "open the bridge in May")
    assert "Helena Marsh" in st(r.text, a.source)
    assert "said" in st(r.text, a.cue)
    assert a.kind == "direct"
    assert a.speaker == "Helena Marsh" and a.speaker_type == "person"
    assert 0 < a.confidence <= 1


def test_colon_lead_in(extract):
    r = extract("Helena Marsh told the crowd: “We kept our promise to every voter in this city.”")
    a = find(r, "We kept our promise")
    assert "Helena Marsh" in st(r.text, a.source)
    assert "told" in st(r.text, a.cue)


def test_cue_inside_the_quote_gives_one_attribution_in_two_fragments(extract):
    r = extract("Tomas Reyes spoke after the vote.\n\n“We will fight this budget,” Reyes said, "
                "“and we will fight it in every district.”")
    a = find(r, "fight this budget")
    assert len(a.content) == 2
    assert "every district" in st(r.text, a.content)
    assert st(r.text, a.source) == "Reyes" and a.speaker == "Tomas Reyes"


def test_quote_over_several_paragraphs(extract):
    r = extract("Dr. Priya Natarajan presented the results on Monday.\n\n"
                "“We measured pollution at forty sites along the river.\n\n"
                "“Every single one of them was worse than five years ago.\n\n"
                "“I have never been so worried about this river,” Natarajan said.")
    a = find(r, "never been so worried")
    content = st(r.text, a.content)
    assert "forty sites" in content and "Every single one" in content
    assert a.speaker == "Priya Natarajan"


def test_middle_paragraph_without_opening_mark(extract):
    r = extract("Dr. Priya Natarajan presented the results on Monday.\n\n"
                "“We measured pollution at forty sites along the river.\n\n"
                "Every single one of them was worse than five years ago.\n\n"
                "“I have never been so worried about this river,” Natarajan said.")
    a = find(r, "never been so worried")
    assert "Every single one" in st(r.text, a.content)


def test_nested_quote_is_its_own_attribution(extract):
    r = extract("“My colleague told me, ‘We are watching a slow disaster unfold,’ and I agreed with her,” "
                "Natarajan said.")
    outer = find(r, "I agreed with her")
    inner = [a for a in r.attributions if a.origin == "nested"]
    assert len(inner) == 1
    assert "slow disaster" in st(r.text, inner[0].content)
    assert st(r.text, inner[0].source) == "My colleague"
    assert st(r.text, inner[0].cue) == "told"
    assert "Natarajan" in st(r.text, outer.source)


def test_straight_marks_and_guillemets(extract):
    r = extract('"The count is not over yet," Daniel Hale said on Wednesday night.')
    a = find(r, "count is not over")
    assert "Daniel Hale" in st(r.text, a.source) and a.kind == "direct"
    r = extract("«The count is not over yet,» Daniel Hale said on Wednesday night.")
    a = find(r, "count is not over")
    assert "Daniel Hale" in st(r.text, a.source) and a.kind == "direct"


def test_apostrophes_do_not_break_a_quote(extract):
    r = extract("“I don’t think the voters’ patience is endless, and it isn’t,” Reyes said.")
    a = find(r, "voters’ patience")
    assert "endless, and it isn’t" in st(r.text, a.content)


def test_quote_with_no_cue_continues_the_previous_speaker(extract):
    r = extract("“The voters have spoken,” Senator Ruth Okafor told supporters on Tuesday.\n\n"
                "“Now the real work begins, and it begins tomorrow morning.”")
    a = find(r, "real work begins")
    assert a.speaker == "Ruth Okafor"


def test_dash_byline(extract):
    r = extract("Quote of the day\n\n“A bridge is a promise made in concrete.” — Helena Marsh, mayor")
    a = find(r, "promise made in concrete")
    assert a.speaker == "Helena Marsh"


def test_admitted_to_the_committee_that(extract):
    r = extract("The regional water authority admitted to the committee that its monitoring "
                "had lapsed for eighteen months.")
    a = find(r, "monitoring had lapsed")
    assert "water authority" in st(r.text, a.source)
    assert "admitted" in st(r.text, a.cue)
    assert a.kind == "indirect"


def test_according_to(extract):
    r = extract("According to the Harbour Gazette, the final estimate is 40 percent higher than last year.")
    a = find(r, "final estimate")
    assert "Harbour Gazette" in st(r.text, a.source)
    assert "According to" in st(r.text, a.cue)


def test_reports_that(extract):
    r = extract("The Clearwater Institute reports that pollution has reached its highest level in a decade.")
    a = find(r, "pollution has reached")
    assert "Clearwater Institute" in st(r.text, a.source)
    assert "reports" in st(r.text, a.cue)


def test_has_called_for(extract):
    r = extract("Irene Vos, the campaign manager, has called for independent observers at every counting centre.")
    a = find(r, "independent observers")
    assert "Irene Vos" in st(r.text, a.source)
    assert "called for" in st(r.text, a.cue)


def test_the_paper_reported_after_the_content(extract):
    r = extract("The Harbour Gazette covered the story first.\n\n"
                "Two contractors had already withdrawn their bids, the paper reported.")
    a = find(r, "withdrawn their bids")
    assert st(r.text, a.source) == "the paper"
    assert "reported" in st(r.text, a.cue)


def test_mixed_quote(extract):
    r = extract("Councillor Tomas Reyes said the budget was “a fantasy dressed up as a plan” and warned "
                "that costs would double.")
    a = find(r, "fantasy dressed up")
    assert a.kind == "mixed"
    assert "Tomas Reyes" in st(r.text, a.source)


def test_offsets_index_the_text_exactly(extract):
    text = "Intro line — with a dash.\n\n“Ça va très bien,” said Zoë Ångström, who leads the group."
    r = extract(text)
    a = find(r, "Ça va")
    assert r.text is text or r.text == text
    assert text[a.content[0][0]:a.content[0][1]].startswith("“Ça va")
