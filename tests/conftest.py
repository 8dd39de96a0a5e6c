import pytest


@pytest.fixture(scope="session")
def nlp():
    import quotegraph
    return quotegraph.get_nlp()


@pytest.fixture(scope="session")
def extract(nlp):
    """extract(text) -> (text, attributions), with helpers to read spans as text."""
    import quotegraph

    def run(text):
        return quotegraph.extract(text, nlp=nlp)
    return run


def span_text(text, frags):
    return " ".join(text[s:e] for s, e in frags)


def find(result, needle):
    """The attribution whose content contains `needle`."""
    for a in result.attributions:
        if needle in span_text(result.text, a.content):
            return a
    raise AssertionError(f"no attribution with content containing {needle!r}; got "
                         + repr([(span_text(result.text, a.source), span_text(result.text, a.cue),
                                  span_text(result.text, a.content)) for a in result.attributions]))
