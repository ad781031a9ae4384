"""Safe XML reading: expat into ElementTree elements, with the line each element starts on.

A DOCTYPE or entity declaration is refused before parsing (no entity expansion, no external
fetches), and again by the parser's handlers should one slip past; malformed XML is refused with
the file, line and column. Loaders use :class:`Xml` to name the line of whatever they refuse.

>>> xml = parse_xml(b"<a>\\n  <b x='1'/>\\n</a>", path=Path("t.xml"))
>>> [(el.tag, xml.line(el)) for el in xml.root.iter()]
[('a', 1), ('b', 2)]
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from ...graph.model.errors import MalformedSource


@dataclass
class Xml:
    """A parsed XML file: its root element, where it came from, and the line each element starts on."""

    root: ET.Element
    path: Path
    lines: dict[int, int]

    def line(self, el: ET.Element) -> int | None:
        return self.lines.get(id(el))

    def error(self, message: str, el: ET.Element | None = None, *, field: str | None = None) -> MalformedSource:
        return MalformedSource(message, path=self.path, line=self.line(el) if el is not None else None, field=field)


def parse_xml(data: bytes, path: Path) -> Xml:
    """Parse XML with expat into ElementTree elements, recording line numbers; DOCTYPEs and entities are refused."""
    found = [i for i in (data.find(b"<!DOCTYPE"), data.find(b"<!ENTITY")) if i >= 0]
    if found:
        raise MalformedSource("refused: the XML declares a DOCTYPE or entities", path=path,
                              line=data.count(b"\n", 0, min(found)) + 1)
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    builder = ET.TreeBuilder()
    lines: dict[int, int] = {}

    def qname(name: str) -> str:
        uri, sep, local = name.rpartition(" ")
        return f"{{{uri}}}{local}" if sep else name

    def start(name: str, attrs: dict[str, str]) -> None:
        el = builder.start(qname(name), {qname(k): v for k, v in attrs.items()})
        lines[id(el)] = parser.CurrentLineNumber

    def refuse(*_args: object) -> None:
        raise MalformedSource("refused: the XML declares a DOCTYPE or entities", path=path, line=parser.CurrentLineNumber)

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: builder.end(qname(name))
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise MalformedSource(f"bad XML: {expat.ErrorString(exc.code)} (column {exc.offset + 1})", path=path,
                              line=exc.lineno) from None
    root = builder.close()
    return Xml(root, path, lines)


def read_xml(path: Path) -> Xml:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MalformedSource(f"cannot read: {exc.strerror}", path=path) from None
    if not data.strip():
        raise MalformedSource("the file is empty", path=path)
    return parse_xml(data, path)
