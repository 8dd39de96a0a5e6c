"""The quote-mark scanner, on sentences written for these tests."""
from quotegraph.attribute.quotes import find_quotes


def texts(text):
    return [[text[s:e] for s, e in q.frags] for q in find_quotes(text)]


def test_curly_quote_interrupted_by_cue_is_two_quotes():
    t = "“We will win,” she said, “and we will win big.”"
    assert texts(t) == [["“We will win,”"], ["“and we will win big.”"]]


def test_straight_marks_and_apostrophe_inside():
    t = 'He said: "It\'s over for them." Then he left.'
    assert texts(t) == [['"It\'s over for them."']]


def test_apostrophes_are_not_quote_marks():
    t = "The voters’ mood was sour in the ’90s. “I don’t know,” Jones said."
    assert texts(t) == [["“I don’t know,”"]]


def test_nested_single_quote_inside_double():
    t = "“He told me, ‘I will never resign,’ and I believed him,” Smith said."
    qs = find_quotes(t)
    assert [q.level for q in qs] == [0, 1]
    assert qs[1].parent == 0
    assert t[qs[1].start:qs[1].end] == "‘I will never resign,’"


def test_quote_over_three_paragraphs_each_opening_only_last_closing():
    t = "“First paragraph.\n\n“Second paragraph.\n\n“Third one ends,” she said."
    (q,) = find_quotes(t)
    assert [t[s:e] for s, e in q.frags] == ["“First paragraph.", "“Second paragraph.", "“Third one ends,”"]
    assert q.closed


def test_middle_paragraph_without_opening_mark_continues():
    t = "“First paragraph.\n\nMiddle without a mark.\n\n“Third one ends,” she said."
    (q,) = find_quotes(t)
    assert len(q.frags) == 3 and q.closed


def test_unclosed_quote_stops_at_an_ordinary_paragraph():
    t = "“Never closed.\n\nAn ordinary paragraph, written by the reporter, follows."
    (q,) = find_quotes(t)
    assert not q.closed and [t[s:e] for s, e in q.frags] == ["“Never closed."]


def test_guillemets_and_low_high_marks():
    assert texts("Il a dit « nous partirons » hier.") == [["« nous partirons »"]]
    assert texts("Sie sagte „wir bleiben“ heute.") == [["„wir bleiben“"]]


def test_two_straight_single_marks_as_a_double_mark():
    t = "''We will not back down,'' Scott said. It''s not an apostrophe pair here."
    assert texts(t)[0] == ["''We will not back down,''"]


def test_stray_marks_across_paragraphs_do_not_crash():
    # the opening of PolNeAR train breitbart_2016-06-04_darrell-scott...: a ‘ used as an
    # apostrophe, a straight quote that never closes, then a paragraph opening with another
    text = ("Darrell Scott: ‘You Find Me an Aberration Because I’m Black and I Support Trump!’\n\n"
            "From\xa0Josh Feldman writing at Mediaite:\n\n"
            '"A CNN segment tonight on Donald Trump‘s racially-loaded remarks devolved into a shouting match '
            "over black supporters of the presumptive GOP nominee.\n\n"
            '"Pastor Darrell Scott defended Trump’s “Look at my African-American over here!” line by saying '
            "it was a “term of endearment” and part of Trump’s willingness to be politically incorrect.")
    quotes = find_quotes(text)
    assert any(text[q.start:q.end] == "“Look at my African-American over here!”" for q in quotes)
