"""The interchange JSON of DESIGN.md (a contract: fields are added, never renamed), both ways.

>>> from stancegraph.graph.model.records import Bundle, new_document
>>> b = Bundle(); b.add(new_document("d.txt", title="D"))
>>> bundle_from_json(bundle_to_json(b)) == b
True
"""

from __future__ import annotations

from typing import Any

from .errors import MalformedSource
from .records import Bundle, Claim, Document, Passage, Position, Source, Stakeholder, Stance, Theme

SECTIONS = ("documents", "sources", "stakeholders", "themes", "claims", "positions")


def passage_json(p: Passage) -> dict[str, Any]:
    return {"document": p.document, "source": p.source, "start": p.start, "end": p.end, "quote": p.quote,
            "section": list(p.section)}


def position_json(p: Position) -> dict[str, Any]:
    return {"id": p.id, "stakeholder": p.stakeholder, "claim": p.claim, "stance": p.stance.value,
            "strength": p.strength, "quantifier": p.quantifier, "evidence": [passage_json(e) for e in p.evidence],
            "document": p.document, "rule": p.rule, "confidence": p.confidence, "coder": p.coder, "date": p.date,
            "note": p.note, "source": p.source}


def record_json(record: Any) -> dict[str, Any]:
    """One record in its interchange shape."""
    if isinstance(record, Document):
        return {"id": record.id, "title": record.title, "uri": record.uri, "publisher": record.publisher,
                "date": record.date, "kind": record.kind, "sha256": record.sha256}
    if isinstance(record, Source):
        return {"id": record.id, "label": record.label, "method": record.method, "document": record.document}
    if isinstance(record, Stakeholder):
        return {"id": record.id, "label": record.label, "kind": record.kind, "member_of": list(record.member_of),
                "aliases": list(record.aliases), "attributes": dict(record.attributes)}
    if isinstance(record, Theme):
        return {"id": record.id, "label": record.label, "broader": list(record.broader),
                "alt_labels": list(record.alt_labels)}
    if isinstance(record, Claim):
        return {"id": record.id, "text": record.text, "themes": list(record.themes),
                "contradicts": list(record.contradicts), "refines": list(record.refines), "flags": list(record.flags)}
    if isinstance(record, Position):
        return position_json(record)
    raise TypeError(f"not a record: {record!r}")


def bundle_to_json(bundle: Bundle, *, include_text: bool = False) -> dict[str, list[dict[str, Any]]]:
    """The interchange JSON; `include_text` adds each document's full text as ``text``."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name in SECTIONS:
        table = getattr(bundle, name)
        out[name] = [record_json(table[k]) for k in sorted(table)]
    if include_text:
        for d in out["documents"]:
            d["text"] = bundle.documents[d["id"]].text
    return out


def _tuple(v: Any) -> tuple[str, ...]:
    return tuple(sorted(v or ()))


def bundle_from_json(data: dict[str, Any], *, path: str = "<json>") -> Bundle:
    """Read the interchange JSON back (the optional fields may be absent)."""
    if not isinstance(data, dict) or not any(k in data for k in SECTIONS):
        raise MalformedSource(f"not stancegraph interchange JSON (expected keys {', '.join(SECTIONS)})", path=path)
    b = Bundle()
    try:
        for i, d in enumerate(data.get("documents", [])):
            where = f"documents[{i}]"
            b.add(Document(id=d["id"], title=d.get("title") or d["id"], uri=d.get("uri"), publisher=d.get("publisher"),
                           date=d.get("date"), kind=d.get("kind") or "report", sha256=d.get("sha256"), text=d.get("text")))
        for i, s in enumerate(data.get("sources", [])):
            where = f"sources[{i}]"
            b.add(Source(id=s["id"], label=s["label"], method=s.get("method") or "coded", document=s["document"]))
        for i, s in enumerate(data.get("stakeholders", [])):
            where = f"stakeholders[{i}]"
            b.add(Stakeholder(id=s["id"], label=s["label"], kind=s.get("kind") or "group",
                              aliases=_tuple(s.get("aliases")), member_of=_tuple(s.get("member_of")),
                              attributes=tuple(sorted((k, str(v)) for k, v in (s.get("attributes") or {}).items()))))
        for i, t in enumerate(data.get("themes", [])):
            where = f"themes[{i}]"
            b.add(Theme(id=t["id"], label=t["label"], alt_labels=_tuple(t.get("alt_labels")), broader=_tuple(t.get("broader"))))
        for i, c in enumerate(data.get("claims", [])):
            where = f"claims[{i}]"
            b.add(Claim(id=c["id"], text=c["text"], themes=_tuple(c.get("themes")), contradicts=_tuple(c.get("contradicts")),
                        refines=_tuple(c.get("refines")), flags=_tuple(c.get("flags"))))
        for i, p in enumerate(data.get("positions", [])):
            where = f"positions[{i}]"
            evidence = tuple(sorted((Passage(document=e["document"], quote=e["quote"], start=e.get("start"),
                                             end=e.get("end"), source=e.get("source"), section=tuple(e.get("section") or ()))
                                     for e in p.get("evidence") or ()), key=Passage.sort_key))
            document = p.get("document") or (evidence[0].document if evidence else None)
            if document is None:
                raise KeyError("document")
            b.add(Position(id=p["id"], stakeholder=p["stakeholder"], claim=p["claim"], stance=Stance.parse(p["stance"]),
                           document=document, strength=float(p.get("strength", 1.0)), quantifier=p.get("quantifier"),
                           evidence=evidence, rule=p.get("rule"), confidence=p.get("confidence"), coder=p.get("coder"),
                           date=p.get("date"), note=p.get("note"), source=p.get("source")))
    except KeyError as exc:
        raise MalformedSource(f"missing field {exc.args[0]!r}", path=path, field=where) from None
    except (TypeError, ValueError) as exc:
        raise MalformedSource(str(exc), path=path, field=where) from None
    return b
