"""Plain text, Markdown and reStructuredText documents (``.txt .md .rst``).

The text is the file's text (decoded, newlines normalised); structure comes from the text
itself (:mod:`.structure` reads Markdown and RST headings, bullets and tables).
"""

from __future__ import annotations

from pathlib import Path

from ...graph.model.records import Bundle
from .reader import TEXT_EXTENSIONS, DocumentText, decode_text, make_document, normalise_newlines, read_bytes

NAME = "text"
EXTENSIONS = TEXT_EXTENSIONS
_FORMATS = {".md": "markdown", ".markdown": "markdown", ".rst": "rst"}


def sniff(path: Path, head: bytes) -> bool:
    return path.is_file() and path.suffix.lower() in EXTENSIONS


def read(path: Path) -> DocumentText:
    data = read_bytes(path)
    text = normalise_newlines(decode_text(data, path))
    return DocumentText(make_document(path, text, data), _FORMATS.get(path.suffix.lower(), "text"))


def load(path: Path) -> Bundle:
    from ..extract import extract_document

    return extract_document(read(path))
