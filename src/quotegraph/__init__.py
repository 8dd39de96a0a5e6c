"""quotegraph: who said what, across the news.

    import quotegraph
    result = quotegraph.extract("“We will win,” Jane Roe said.")
    for a in result.attributions:
        print(a.speaker, a.kind, result.text[slice(*a.content[0])])

    for result in quotegraph.extract_batch(texts, n_process=2):
        ...

spaCy users: `nlp.add_pipe("quotegraph")` after `import quotegraph`; see quotegraph.nlp.
"""
from __future__ import annotations

from .model import Article, Attribution, Extraction, Speaker
from .pipeline import extract, extract_batch, get_nlp
from .nlp import load

__version__ = "0.1.0"
__all__ = ["Article", "Attribution", "Extraction", "Speaker", "extract", "extract_batch", "get_nlp",
           "load", "__version__"]
