"""PDF documents (``.pdf``), read with pypdf: the text of each page, pages separated by a blank line.

Corrupt, encrypted (with a password) and text-less (scanned) PDFs are rejected with one line
naming the file. Ligatures and other compatibility characters are folded (NFKC) so that
"ﬁnance" reads as "finance"; the Document text is the folded text, and offsets index it.
"""

from __future__ import annotations

import logging
import re
import unicodedata
import warnings
from pathlib import Path

from ...graph.model.errors import MalformedSource
from ...graph.model.records import Bundle
from .reader import PDF_EXTENSIONS, DocumentText, make_document, normalise_newlines, read_bytes

NAME = "pdf"
EXTENSIONS = PDF_EXTENSIONS
_TRAILING = re.compile(r"[ \t]+\n")


def sniff(path: Path, head: bytes) -> bool:
    return path.is_file() and (head[:1024].lstrip().startswith(b"%PDF-") or path.suffix.lower() in EXTENSIONS)


def _fold(text: str) -> str:
    """NFKC for ligatures and full-width forms, keeping the characters NFKC would expand oddly."""
    return "".join(unicodedata.normalize("NFKC", ch) if "\ufb00" <= ch <= "\ufb4f" else ch for ch in text)


def read(path: Path) -> DocumentText:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    data = read_bytes(path)
    if not data.lstrip()[:5] == b"%PDF-":
        raise MalformedSource("not a PDF file (no %PDF header)", path=path)
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    ok = bool(reader.decrypt(""))
                except Exception:  # noqa: BLE001 - missing crypto backend or bad key: same answer
                    ok = False
                if not ok:
                    raise MalformedSource("the PDF is encrypted (password protected); decrypt it first", path=path)
            pages = [page.extract_text() or "" for page in reader.pages]
            meta = reader.metadata
            title = str(meta.title).strip() if meta is not None and meta.title else None
    except MalformedSource:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError,
            AssertionError, ZeroDivisionError) as exc:
        raise MalformedSource(f"corrupt or unreadable PDF ({type(exc).__name__}: {str(exc)[:80]})", path=path) from None
    finally:
        logger.setLevel(level)
    text = "\n\n".join(_TRAILING.sub("\n", normalise_newlines(_fold(p))).strip("\n") for p in pages)
    if not text.strip():
        raise MalformedSource("the PDF has no extractable text (a scanned image? run OCR first)", path=path)
    return DocumentText(make_document(path, text + "\n", data, title=title), "pdf")


def load(path: Path) -> Bundle:
    from ..extract import extract_document

    return extract_document(read(path))
