"""Quantifier words -> strength on a documented 0..1 scale (ontology/lexicons/quantifiers.yaml)."""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from ...ontology import LEXICON_DIR


@lru_cache(maxsize=1)
def _scale() -> tuple[float, list[tuple[str, float]]]:
    data = yaml.safe_load((LEXICON_DIR / "quantifiers.yaml").read_text(encoding="utf-8"))
    items = sorted(((k.casefold(), float(v)) for k, v in data["quantifiers"].items()), key=lambda kv: -len(kv[0]))
    return float(data["default"]), items


def quantifier_scale() -> dict[str, float]:
    """The whole scale, quantifier -> strength."""
    return dict(_scale()[1])


@lru_cache(maxsize=4096)
def strength_of(quantifier: str | None) -> float:
    """Strength for a quantifier phrase; the longest known quantifier inside it wins.

    >>> strength_of("broad agreement"), strength_of("Some participants"), strength_of(None)
    (0.9, 0.6, 0.7)
    """
    default, items = _scale()
    if not quantifier:
        return default
    text = quantifier.casefold()
    for phrase, value in items:
        if re.search(rf"\b{re.escape(phrase)}\b", text):
            return value
    return default
