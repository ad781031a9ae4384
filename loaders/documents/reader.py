"""Reading a document file into a Document record whose `text` every passage offset indexes.

Each format has a reader module (:mod:`.text` for txt/md/rst, :mod:`.html`, :mod:`.pdf`,
:mod:`.docx`) that produces a :class:`DocumentText`: the Document (its ``text`` is the text
the reader produced, and the only text offsets ever refer to) plus structure hints the
markup gave for free (heading levels, list items, table rows, bold speaker labels).
:mod:`.structure` turns text and hints into blocks; :mod:`.extract` turns blocks into records.

>>> from pathlib import Path
>>> reader_for(Path("report.MD")), reader_for(Path("minutes.htm")), reader_for(Path("a.pdf"))
('text', 'html', 'pdf')
"""

from __future__ import annotations

import hashlib
import importlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ...graph.model.errors import MalformedSource, UnsupportedFormat
from ...graph.model.records import Document, new_document

TEXT_EXTENSIONS = (".txt", ".md", ".rst", ".text", ".markdown")
HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
PDF_EXTENSIONS = (".pdf",)
DOCX_EXTENSIONS = (".docx",)

#: file suffix -> reader module (in this package)
READERS: dict[str, str] = {
    **{e: "text" for e in TEXT_EXTENSIONS},
    **{e: "html" for e in HTML_EXTENSIONS},
    **{e: "pdf" for e in PDF_EXTENSIONS},
    **{e: "docx" for e in DOCX_EXTENSIONS},
}

_MONTHS = ("january february march april may june july august september october november december").split()
_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(m.capitalize() for m in _MONTHS) + r")\s+((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class Hint:
    """Structure a reader knows from the markup: a heading (with level), bullet, row or speaker span, or a paragraph
    (a block the markup says is a paragraph of its own: never taken for a heading, never joined to its neighbour)."""

    start: int
    end: int
    kind: str  # heading, bullet, row, speaker, paragraph
    level: int = 0


@dataclass(frozen=True)
class DocumentText:
    """A Document (with text) and the structure hints of its format."""

    document: Document
    format: str  # text, markdown, rst, html, pdf, docx
    hints: tuple[Hint, ...] = ()

    @property
    def text(self) -> str:
        return self.document.text or ""


def decode_text(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252; NUL bytes mean it is not text."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise MalformedSource(f"cannot decode UTF-16 text at byte {exc.start}", path=path) from None
    if b"\x00" in data[:8192]:
        raise MalformedSource("binary content where text was expected", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise MalformedSource(f"cannot decode text (not UTF-8 or Windows-1252) at byte {exc.start}", path=path) from None


_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(value: str) -> str | None:
    r"""The first lone surrogate in `value` as an escape, or None.

    Decoded bytes never hold one, but JSON and YAML escapes (``"\ud800"``) can; such text cannot be
    written as UTF-8, so loaders refuse it with a located error.

    >>> lone_surrogate("caf\u00e9"), lone_surrogate("a\ud800b")
    (None, '\\ud800')
    """
    m = _SURROGATE.search(value)
    return f"\\u{ord(m.group()):04x}" if m else None


def normalise_newlines(text: str) -> str:
    """CRLF and CR to LF, form feeds (PDF page breaks) to blank lines."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or MalformedSource naming it; an empty file is malformed too."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise MalformedSource("is a folder, not a document", path=path) from None
    except OSError as exc:
        raise MalformedSource(f"cannot read: {exc.strerror}", path=path) from None
    if not data.strip():
        raise MalformedSource("the document is empty", path=path)
    return data


def reader_for(path: Path) -> str:
    """The reader module name for a path, by extension; UnsupportedFormat when none."""
    name = READERS.get(path.suffix.lower())
    if name is None:
        known = ", ".join(sorted(READERS))
        raise UnsupportedFormat(f"{path}: unsupported document format ({path.suffix or 'no extension'}); "
                                f"documents can be {known}")
    return name


def make_document(path: Path, text: str, data: bytes, *, title: str | None = None, kind: str = "report",
                  date: str | None = None) -> Document:
    """The Document for a file: id from the file name (a new version replaces the old), sha256 of the bytes."""
    if not text.strip():
        raise MalformedSource("the document has no text", path=path)
    return new_document(path.name, title=(title or guess_title(text) or path.stem).strip(), uri=None,
                        kind=kind, date=date or guess_date(text), sha256=hashlib.sha256(data).hexdigest(), text=text)


def guess_title(text: str) -> str | None:
    """A Markdown '# ' title, else the first non-blank line that is short enough to be a title (markup stripped)."""
    m = re.search(r"^#\s+(.{2,150}?)\s*#*\s*$", text[:5000], re.M)
    if m:
        return m.group(1).strip()
    for line in text.splitlines():
        if line.lstrip().startswith(">") or re.match(r"^\s*(?:fictional|draft|confidential|official)\b", line, re.I):
            continue
        line = line.strip().strip("#=*_ ").strip()
        if not line or set(line) <= set("-=~^*+#:._`'\""):
            continue
        return line if len(line) <= 150 else None
    return None


def guess_date(text: str) -> str | None:
    """The first '19 March 2024'-style date near the top, as ISO 8601."""
    m = _DATE.search(text[:3000])
    if not m:
        return None
    day, month, year = int(m.group(1)), _MONTHS.index(m.group(2).casefold()) + 1, m.group(3)
    return f"{year}-{month:02d}-{day:02d}" if 1 <= day <= 31 else None


def read_document_text(path: str | Path) -> DocumentText:
    """Read any supported document format into text plus structure hints."""
    p = Path(path)
    module = importlib.import_module(f"{__package__}.{reader_for(p)}")
    result: DocumentText = module.read(p)
    return result


def read_document(path: str | Path) -> Document:
    """A Document (id from the file name, text, sha256) from any supported document file."""
    return read_document_text(path).document


def with_kind(doc: DocumentText, kind: str) -> DocumentText:
    """The same document text with another Document kind (transcript, debate...)."""
    return replace(doc, document=replace(doc.document, kind=kind))
