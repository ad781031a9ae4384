"""The interchange JSON of DESIGN.md (what ``stancegraph export --format json`` writes), read back.

Recognised by content: a ``.json`` object with at least one of the sections ``documents``,
``sources``, ``stakeholders``, ``themes``, ``claims``, ``positions`` and no ``@context``
(JSON-LD goes to :mod:`stancegraph.loaders.rdf`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..graph.errors import MalformedSource
from ..graph.interchange import SECTIONS, bundle_from_json
from ..graph.model import Bundle

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
        data = json.loads(p.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise MalformedSource(f"not UTF-8 (byte {exc.start})", path=p) from None
    except json.JSONDecodeError as exc:
        raise MalformedSource(f"bad JSON: {exc.msg} (column {exc.colno})", path=p, line=exc.lineno) from None
    except OSError as exc:
        raise MalformedSource(f"cannot read: {exc.strerror}", path=p) from None
    return bundle_from_json(data, path=str(p))
