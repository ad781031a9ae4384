"""The offline, explainable extractor: documents in, stakeholders, claims, stances, themes and evidence out.

Structure first: :mod:`.genres` reads a document's structure the way its genre says who speaks (a report's
sections and groups, a hearing's submissions and counsel, a debate's members, questions and votes, a
testimony's one voice) before any sentence rule runs. Then one module per step: :mod:`.sources` (evidence
strands), :mod:`.stakeholders` (who a phrase names), :mod:`.claims` (cue frames and propositions),
:mod:`.polarity` (claims in their positive form), :mod:`.strength` (quantifiers), :mod:`.themes` (SKOS themes),
:mod:`.proposals` (an engagement report's proposals), :mod:`.pipeline` (the walk over a document's blocks),
:mod:`.hits` (settling the hits: doubts, polarity, merging, alignment across holders), :mod:`.merging` (near-duplicate
claims), :mod:`.assembly` (the records). Lexicons are YAML in ``ontology/lexicons/``. Nothing is downloaded;
every position names the rule that made it.

>>> from stancegraph.loaders.extract import extract_text
>>> b = extract_text("Workshop findings\\n\\nSome participants doubted that funding would rise.\\n", name="notes.txt")
>>> [(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()]
[('Some participants', 'oppose', 'Funding would rise')]
"""

from __future__ import annotations

from pathlib import Path

from ...graph.model.records import Bundle
from ..documents.reader import DocumentText, make_document, read_document_text
from .merging import merge_bundles
from .pipeline import Extractor, extract_document

__all__ = ["Extractor", "extract_document", "extract_path", "extract_text", "merge_bundles"]


def extract_path(path: str | Path) -> Bundle:
    """Read a document file (any supported format) and extract it."""
    return extract_document(read_document_text(path))


def extract_text(text: str, *, name: str = "document.txt", fmt: str = "text") -> Bundle:
    """Extract from a text given in memory (the document id comes from `name`)."""
    doc = make_document(Path(name), text, text.encode("utf-8"))
    return extract_document(DocumentText(doc, fmt))
