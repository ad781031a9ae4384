"""Word documents (``.docx``), read with python-docx: paragraphs and tables in body order.

The Document text is produced here: one line per paragraph, blank lines between blocks,
list paragraphs as ``- item``, table rows as tab-joined cells (merged cells once). Heading
and Title styles give headings with their level; a bold run opening a paragraph and ending
in a colon gives a speaker label.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from ...graph.model.errors import MalformedSource
from ...graph.model.xmltext import xml_refusal
from ...graph.model.records import Bundle
from .archive import SafeZip
from .reader import DOCX_EXTENSIONS, DocumentText, Hint, make_document, normalise_newlines, read_bytes

NAME = "docx"
EXTENSIONS = DOCX_EXTENSIONS
_HEADING_STYLE = re.compile(r"^(?:heading\s*(\d)|title)$", re.I)
_SPACE = re.compile(r"[ \u00a0]+")


def _clean(text: str) -> str:
    """One line: breaks and tabs inside a paragraph become spaces, runs of spaces one space."""
    return _SPACE.sub(" ", text.replace("\n", " ").replace("\v", " ").replace("\t", " ")).strip()


def sniff(path: Path, head: bytes) -> bool:
    return path.is_file() and path.suffix.lower() in EXTENSIONS


def _is_list(paragraph) -> bool:  # noqa: ANN001 - a python-docx Paragraph
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if style.lower().startswith("list"):
        return True
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.numPr is not None


def read(path: Path) -> DocumentText:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml import etree

    data = read_bytes(path)
    if not zipfile.is_zipfile(path):
        raise MalformedSource("not a Word document (.docx files are zip packages; this is not one)", path=path)
    with SafeZip(path) as archive:  # refuses zip bombs and traversal names before python-docx unpacks anything
        for name in archive.names():  # Word never writes a DOCTYPE: one is an entity expansion attack
            if name.endswith((".xml", ".rels")):
                reason = xml_refusal(archive.read(name))
                if reason:
                    raise MalformedSource(f"refused: the XML {reason}", path=path, field=name)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, TypeError,
            AttributeError, IndexError, etree.LxmlError) as exc:  # python-docx on damaged parts raises all of these
        raise MalformedSource(f"not a readable Word document ({type(exc).__name__})", path=path) from None
    parts: list[str] = []
    hints: list[Hint] = []
    length = 0

    def put(text: str, kind: str | None = None, level: int = 0, speaker: int = 0) -> None:
        nonlocal length
        text = text.strip(" ")
        if not text:
            return
        if parts:
            parts.append("\n\n")
            length += 2
        start = length
        parts.append(text)
        length += len(text)
        if kind:
            hints.append(Hint(start, length, kind, level))
        if speaker:
            hints.append(Hint(start, start + speaker, "speaker"))

    try:
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                style = (item.style.name if item.style is not None else "") or ""
                m = _HEADING_STYLE.match(style.strip())
                if m:
                    put(_clean(item.text), "heading", int(m.group(1) or 1) if m.group(1) else 1)
                elif _is_list(item):
                    put("- " + _clean(item.text), "bullet")
                else:
                    runs = [r for r in item.runs if r.text.strip()]
                    speaker = 0
                    text = _clean(item.text)
                    if runs and runs[0].bold:
                        label = runs[0].text.strip()
                        if label and text.startswith(label) and len(label) <= 80 and (
                                label.endswith(":") or text[len(label):].lstrip().startswith(":")):
                            speaker = len(label) + (0 if label.endswith(":") else 1)
                    put(text, speaker=speaker)
            elif isinstance(item, Table):
                for row in item.rows:
                    seen: list[int] = []
                    cells = []
                    for cell in row.cells:
                        if id(cell._tc) in seen:
                            continue
                        seen.append(id(cell._tc))
                        cells.append(_clean(cell.text))
                    if any(cells):
                        put("\t".join(c or "-" for c in cells), "row")
        title = (document.core_properties.title or "").strip() or None
    except (KeyError, ValueError, AttributeError, TypeError, IndexError, etree.LxmlError) as exc:
        raise MalformedSource(f"unreadable Word document content ({type(exc).__name__})", path=path) from None
    text = normalise_newlines("".join(parts)) + "\n"
    return DocumentText(make_document(path, text, data, title=title), "docx", tuple(hints))


def load(path: Path) -> Bundle:
    from ..extract import extract_document

    return extract_document(read(path))
