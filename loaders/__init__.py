"""Loaders: one module per input format, each turning a file or folder into a model Bundle.

Sub-packages: formats (coded data: coding sheet, DNA, Pol.is, REFI-QDA, RDF, interchange JSON; ParlaMint TEI debates),
documents (document readers and structure), extract (the extractor). May import graph and
ontology; never api.

Every loader module defines ``NAME`` (a short format name), ``EXTENSIONS`` (lower-case
suffixes it claims), ``sniff(path, head) -> bool`` (does the content look like this
format; `head` is the first 4 KiB, empty for folders) and ``load(path) -> Bundle``.
:func:`load_path` picks the loader by content first and extension second, so that a
mis-named file is caught with a clear error rather than misread.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from ..graph.model.errors import LoaderError, MalformedSource, UnsupportedFormat
from ..graph.model.records import Bundle

#: loader modules in the order they are asked; more specific formats first
LOADER_MODULES: list[str] = [
    "formats.coding_sheet",
    "formats.dna", "formats.polis", "formats.qdpx", "formats.parlamint", "formats.rdf", "formats.interchange",
    "documents.pdf", "documents.docx", "documents.html", "documents.text",
]


def loader_modules() -> list[ModuleType]:
    return [importlib.import_module(f"{__name__}.{name}") for name in LOADER_MODULES]


def detect_loader(path: Path) -> ModuleType:
    """The loader module for `path`; :class:`UnsupportedFormat` when none claims it."""
    if not path.exists():
        raise MalformedSource("no such file or folder", path=path)
    head = b""
    if path.is_file():
        with path.open("rb") as fh:
            head = fh.read(4096)
    modules = loader_modules()
    for module in modules:
        if module.sniff(path, head):
            return module
    suffix = "".join(path.suffixes[-1:]).lower()
    known = sorted({ext for m in modules for ext in m.EXTENSIONS})
    raise UnsupportedFormat(f"{path}: unsupported input ({suffix or 'no extension'}); stancegraph reads {', '.join(known)}")


def load_path(path: str | Path) -> Bundle:
    """Read one input (a file, or a folder such as a Pol.is export) into a Bundle."""
    p = Path(path)
    module = detect_loader(p)
    try:
        bundle: Bundle = module.load(p)
    except LoaderError:
        raise
    except (UnicodeDecodeError, ValueError, KeyError, IndexError, OSError) as exc:
        raise MalformedSource(f"cannot read as {module.NAME}: {exc}", path=p) from None
    check_offsets(bundle, p)
    return bundle


def check_offsets(bundle: Bundle, path: Path) -> None:
    """Every passage with offsets lies inside its document's text, where the text is known.

    Formats that carry both (interchange JSON, RDF) may disagree with themselves; an offset past
    the text would break every quote lookup later, so it is refused here, naming the position.
    """
    for position in bundle.positions.values():
        for e in position.evidence:
            doc = bundle.documents.get(e.document)
            if doc is None or doc.text is None or e.start is None or e.end is None:
                continue
            if not 0 <= e.start <= e.end <= len(doc.text):
                raise MalformedSource(f"evidence offsets {e.start}-{e.end} lie outside the text of document {doc.id} "
                                      f"({len(doc.text)} characters)", path=path, field=position.id)
