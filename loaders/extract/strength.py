"""Strength: the quantifier a passage uses ("broad agreement", "some", "sometimes", "felt strongly"),
mapped to 0..1 on the documented scale in ``ontology/lexicons/quantifiers.yaml`` (graph/quantifiers.py).

>>> find_quantifier("There was broad agreement about"), find_quantifier("It is sometimes argued")
('broad agreement', 'sometimes')
>>> find_quantifier("felt strongly that"), strength_for("a wide range of")
('felt strongly', 0.9)
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...graph.model.quantifiers import quantifier_scale, strength_of

_NOT_QUANT = {"one", "all", "certain"}  # too ambiguous on their own inside running text


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    phrases = sorted((p for p in quantifier_scale() if p not in _NOT_QUANT), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)


def find_quantifier(text: str | None) -> str | None:
    """The longest scale quantifier in a text (first occurrence), lower-cased, else None."""
    if not text:
        return None
    m = _pattern().search(text)
    if not m:
        m = re.search(r"\b(?:all|at least one|one)\b", text, re.I) if re.match(r"\s*(?:all|at least one|one)\b", text, re.I) else None
    return " ".join(m.group(0).casefold().split()) if m else None


def strength_for(quantifier: str | None) -> float:
    """Strength on the 0..1 scale (the default when there is no quantifier)."""
    return strength_of(quantifier)
