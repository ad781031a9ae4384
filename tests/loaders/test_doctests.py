"""The docstring examples of the document and extraction modules run as tests."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "stancegraph.loaders.documents.reader", "stancegraph.loaders.documents.safexml",
    "stancegraph.loaders.documents.structure", "stancegraph.loaders.documents.parties", "stancegraph.loaders.extract",
    "stancegraph.loaders.extract.lexicon", "stancegraph.loaders.extract.stakeholders", "stancegraph.loaders.extract.claims",
    "stancegraph.loaders.extract.strength", "stancegraph.loaders.extract.themes", "stancegraph.loaders.extract.merging",
    "stancegraph.loaders.extract.polarity", "stancegraph.loaders.extract.proposals",
    "stancegraph.loaders.extract.assembly", "stancegraph.loaders.extract.genres.questions",
    "stancegraph.loaders.extract.rebuttal", "stancegraph.loaders.extract.provisions", "stancegraph.loaders.extract.hits",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
