"""quotegraph: who said what, across the news.

    import quotegraph
    result = quotegraph.extract("“We will win,” Jane Roe said.")
    for a in result.attributions:
        print(a.speaker, a.kind, result.text[slice(*a.content[0])])

    for result in quotegraph.extract_batch(texts, n_process=2):
        ...

spaCy users: `nlp.add_pipe("quotegraph")` (spaCy finds the component through the
package's entry point); see quotegraph.nlp.

spaCy is imported only when a pipeline is needed, so that the store's query commands
start fast.
"""
from __future__ import annotations

from .model import Article, Attribution, Extraction, Speaker
from .pipeline import extract, extract_batch, get_nlp


def load(*args, **kwargs):
    """A spaCy pipeline with the quotegraph component: see quotegraph.nlp.load."""
    from .nlp import load as _load
    return _load(*args, **kwargs)

__version__ = "0.1.0"
__all__ = ["Article", "Attribution", "Extraction", "Speaker", "extract", "extract_batch", "get_nlp",
           "load", "__version__"]
