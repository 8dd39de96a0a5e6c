"""Speakers: resolve each attribution's source to the canonical person or organisation.

    names        people and organisations the article names, clustered so that
                 "Angela Merkel", "Merkel", "Mrs. Merkel" and "Chancellor Merkel" are one
    mentions     what a source span refers to: a name, a pronoun, a description
                 ("the chancellor", "the paper"), an anonymous source ("officials")
    resolve      ties the two together in article order, so that "she" finds the last
                 fitting speaker and a quote with no source inherits the previous one
"""
from __future__ import annotations

from .resolver import resolve_speakers

__all__ = ["resolve_speakers"]
