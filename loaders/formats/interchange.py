"""The interchange JSON of DESIGN.md (what ``stancegraph export --format json`` writes), read back.

Recognised by content: a ``.json`` object with at least one of the sections ``documents``,
``sources``, ``stakeholders``, ``themes``, ``claims``, ``positions`` and no ``@context``
(JSON-LD goes to :mod:`stancegraph.loaders.formats.rdf`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ...graph.model.errors import MalformedSource
from ...graph.model.interchange import SECTIONS, bundle_from_json
from ...graph.model.records import Bundle
from ..documents.reader import lone_surrogate

NAME = "interchange"
EXTENSIONS = (".json",)
_SECTION = re.compile(rb'"(' + b"|".join(s.encode() for s in SECTIONS) + rb')"\s*:')


def sniff(path: Path, head: bytes) -> bool:
    if not path.is_file() or path.suffix.lower() not in EXTENSIONS:
        return False
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"{") and b'"@context"' not in head and _SECTION.search(head) is not None


def load(path: str | Path) -> Bundle:
    p = Path(path)
    try:
        raw = p.read_bytes().decode("utf-8-sig")
        data = json.loads(raw)
    except UnicodeDecodeError as exc:
        raise MalformedSource(f"not UTF-8 (byte {exc.start})", path=p) from None
    except json.JSONDecodeError as exc:
        raise MalformedSource(f"bad JSON: {exc.msg} (column {exc.colno})", path=p, line=exc.lineno) from None
    except OSError as exc:
        raise MalformedSource(f"cannot read: {exc.strerror}", path=p) from None
    where = _surrogate_field(data, "")
    if where is not None:
        field, bad = where
        escape = re.search(re.escape(bad), raw, re.I)
        line = raw.count("\n", 0, escape.start()) + 1 if escape else None
        raise MalformedSource(f"not valid Unicode: a lone surrogate {bad}", path=p, line=line, field=field)
    return bundle_from_json(data, path=str(p))


def _surrogate_field(value: object, where: str) -> tuple[str, str] | None:
    """(JSON path, escape) of the first string holding a lone surrogate, or None."""
    if isinstance(value, str):
        bad = lone_surrogate(value)
        return (where or "$", bad) if bad else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found = _surrogate_field(key, where) if isinstance(key, str) and lone_surrogate(key) else None
        found = found or _surrogate_field(item, f"{where}.{key}" if isinstance(key, str) else f"{where}[{key}]")
        if found:
            return (found[0].lstrip("."), found[1])
    return None
