"""What XML can carry, both ways.

* Out: GraphML, GEXF, RDF/XML and SPARQL XML results cannot hold the control characters XML 1.0 forbids
  (U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, U+FFFE, U+FFFF, lone surrogates): a record holding one is
  refused at load time, naming the field (:func:`forbidden_in_bundle`); document readers replace them by a
  space (:data:`FORBIDDEN`), which keeps every offset.
* In: XML from outside (inside ``.docx`` and ``.qdpx`` archives, RDF/XML) is refused when it declares a
  DOCTYPE or entities, checked by parsing it with defusedxml, so that no encoding (UTF-16 hides
  ``<!DOCTYPE`` from a byte search) gets entities expanded (:func:`xml_refusal`).

>>> forbidden_char("Care\\x0bEngland")
'U+000B'
>>> xml_refusal('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'.encode("utf-16"))
'declares a DOCTYPE (entities)'
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

#: the characters XML 1.0 does not allow in a document, lone surrogates included
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def forbidden_char(text: str) -> str | None:
    """The first character of `text` XML 1.0 forbids, as ``U+XXXX``, or None."""
    m = FORBIDDEN.search(text)
    return f"U+{ord(m.group()):04X}" if m else None


def _strings(value: object, field: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield field, value
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _strings(item, field)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name), f"{field}.{f.name}" if field else f.name)


def forbidden_in_bundle(bundle: object) -> str | None:
    """Where a record of `bundle` holds a character XML 1.0 forbids (``stakeholder 'id' label: U+000B ...``), or None."""
    for table in ("documents", "sources", "stakeholders", "themes", "claims", "positions"):
        for record in getattr(bundle, table).values():
            for field, text in _strings(record, ""):
                char = forbidden_char(text)
                if char:
                    return (f"{table[:-1]} {record.id!r} field {field}: holds the control character {char}, which "
                            "XML (GraphML, GEXF, RDF/XML, SPARQL XML results) cannot carry; remove it")
    return None


def xml_refusal(data: bytes) -> str | None:
    """Why XML from outside is refused (a DOCTYPE, entity declarations, external references), or None when it
    parses without them. Malformed XML is not refused here: the reader that parses it reports that."""
    import defusedxml.ElementTree as DET
    from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden

    try:
        DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DTDForbidden:
        return "declares a DOCTYPE (entities)"
    except EntitiesForbidden:
        return "declares entities"
    except DefusedXmlException:
        return "refers to external resources"
    except Exception:  # noqa: BLE001 - not well-formed, or an unknown encoding: the reader reports that,
        # unless a declaration shows in any encoding the reader might take it in
        markers = [m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be")]
        if any(m in data for m in markers):
            return "declares a DOCTYPE or entities"
        return None
    return None
