"""The ontology as data: OWL (Turtle), SHACL shapes, the default SKOS theme scheme, lexicons, and the names table.

This package imports nothing else of stancegraph's.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
ONTOLOGY_TTL = HERE / "stancegraph.ttl"
SHAPES_TTL = HERE / "shapes.ttl"
ALIGNMENT_TTL = HERE / "alignment.ttl"
THEMES_YAML = HERE / "themes.yaml"
CONTEXT_JSONLD = HERE / "context.jsonld"
LEXICON_DIR = HERE / "lexicons"


def read_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")
