"""Reading a document file into a Document record whose `text` every passage offset indexes.

Plain-text reading only for now; the document readers (HTML, PDF, DOCX, structure) extend this.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..graph.errors import MalformedSource
from ..graph.model import Document, new_document

TEXT_EXTENSIONS = (".txt", ".md", ".rst", ".text", ".markdown")


def decode_text(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), else Windows-1252; NUL bytes mean it is not text."""
    if b"\x00" in data[:8192]:
        raise MalformedSource("binary content where text was expected", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise MalformedSource(f"cannot decode text (not UTF-8 or Windows-1252) at byte {exc.start}", path=path) from None


def read_document(path: str | Path) -> Document:
    """A Document (id from the file name, text, sha256) from a text file."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise MalformedSource(f"cannot read: {exc.strerror}", path=p) from None
    text = decode_text(data, p).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise MalformedSource("the document is empty", path=p)
    return new_document(p.name, title=p.stem, uri=None, kind="report", sha256=hashlib.sha256(data).hexdigest(), text=text)
