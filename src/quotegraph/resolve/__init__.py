"""Speakers: resolve each attribution's source to the canonical person or organisation.

    names         people and organisations the article names, clustered so that
                  "Angela Merkel", "Merkel", "Mrs. Merkel" and "Chancellor Merkel" are one
    spans, words  the NER's name spans mended; the vocabulary (roles, titles, works, nations)
    mentions      the article's name index: the NER's entities put right, plus the names
                  it misses (transcript labels, polls, famous full names)
    readings      what a source span refers to: a place, a name, a relation, a pronoun,
                  a description ("the chancellor", "the paper"), an anonymous source
    descriptions  which entity a description means
    pronouns      which entity a pronoun means (salience: the learned ranker)
    resolver      ties them together in article order, so that "she" finds the last
                  fitting speaker and a quote with no source inherits the previous one
"""
from __future__ import annotations

from .resolver import resolve_speakers

__all__ = ["resolve_speakers"]
