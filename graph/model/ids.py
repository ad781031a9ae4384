"""Deterministic identifiers: a readable slug plus a short hash of normalised content.

The same content always gives the same id, in every process and on every machine, so
loading the same input twice changes nothing and RDF IRIs and Neo4j keys agree.

>>> make_id("sh", "Care Providers")
'sh-care-providers-3aa7aa305b'
>>> make_id("sh", "  care   providers ") == make_id("sh", "Care Providers")
True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

#: id prefixes by record kind; every id starts with one of these and a dash
PREFIXES = {
    "document": "doc",
    "source": "src",
    "stakeholder": "sh",
    "theme": "th",
    "claim": "cl",
    "position": "pos",
    "passage": "pas",
}

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_SPACE = re.compile(r"\s+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def normalise_text(text: str) -> str:
    """Case-fold, unify quotes and dashes, collapse whitespace, trim end punctuation.

    >>> normalise_text("  Pay   should rise. ")
    'pay should rise'
    """
    if len(text) <= 200:  # short texts (ids, labels, prefixes) recur: each record's id hashes its document's id
        return _normalise_short(text)
    return _normalise(text)


@lru_cache(maxsize=1 << 15)
def _normalise_short(text: str) -> str:
    return _normalise(text)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    text = _SPACE.sub(" ", text).strip()
    return text.strip(" .;:,!?")


def slugify(text: str, max_length: int = 40) -> str:
    """ASCII slug of at most `max_length` characters, cut at a word boundary.

    >>> slugify("Equality, diversity & inclusion")
    'equality-diversity-inclusion'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = _NON_SLUG.sub("-", ascii_text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug or "x"


def content_hash(*parts: object, length: int = 10) -> str:
    """Hex digest of the normalised parts, joined with a separator no text contains."""
    joined = "\x1f".join(normalise_text(str(p)) if isinstance(p, str) else repr(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:length]


def make_id(prefix: str, label: str, *more: object) -> str:
    """An id such as ``sh-care-providers-4d5b86e1bd``: prefix, slug of `label`, hash of all parts."""
    return f"{prefix}-{slugify(label)}-{content_hash(prefix, label, *more)}"


def kind_of(record_id: str) -> str | None:
    """The record kind an id belongs to, from its prefix (None if unknown).

    >>> kind_of("cl-pay-must-improve-0123456789")
    'claim'
    """
    prefix = record_id.split("-", 1)[0]
    for kind, p in PREFIXES.items():
        if p == prefix:
            return kind
    return None
