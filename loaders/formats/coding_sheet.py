"""The coding sheet: one row per coded position, as CSV or YAML (the human-review format).

Columns (DESIGN.md): ``document, source, stakeholder, group, stance, claim, themes,
quantifier, quote`` and optionally ``strength, start, end, date, coder, note`` (plus
``kind``, ``method``, ``rule``, ``confidence`` and ``section``, which stancegraph writes).
``group`` and ``themes`` take several values separated by ``;``.

``document`` names the document: a path to the document file (absolute, or relative to the
sheet) or just its file name or title. When the file is found its text is loaded and every
quote given with offsets must equal the text at those offsets.

Every bad row is reported with file, line and field, and nothing of the file is loaded.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ...graph.export.formats import unguard_formula
from ...graph.model.errors import MalformedSource
from ...graph.model.xmltext import forbidden_char
from ...graph.model.records import (
    Bundle, Claim, Document, Passage, Source, Stakeholder, Stance, Theme, new_claim, new_document, new_position, new_source,
    new_stakeholder,
)
from ...graph.model.quantifiers import strength_of
from ...graph.model.themes import default_themes_by_id, resolve_theme
from ..documents.reader import decode_text, lone_surrogate, read_document

NAME = "coding-sheet"
EXTENSIONS = (".csv", ".yaml", ".yml")
REQUIRED = ("document", "stakeholder", "stance", "claim")
COLUMNS = ("document", "source", "stakeholder", "group", "stance", "claim", "themes", "quantifier", "quote")
OPTIONAL = ("strength", "start", "end", "date", "coder", "note", "kind", "method", "rule", "confidence", "section")
ALL_COLUMNS = COLUMNS + OPTIONAL

#: source label words -> method, for sheets without a method column
METHOD_WORDS = (
    ("literature", "literature review"), ("workshop", "workshop"), ("interview", "interview"),
    ("strateg", "strategy analysis"), ("plan", "plan analysis"), ("survey", "survey"), ("hearing", "hearing"),
    ("debate", "debate"), ("vote", "vote"), ("consultation", "consultation"), ("focus group", "focus group"),
    ("evidence", "written evidence"),
)


def method_for(label: str) -> str:
    low = label.casefold()
    for word, method in METHOD_WORDS:
        if word in low:
            return method
    return "coded"


def sniff(path: Path, head: bytes) -> bool:
    if path.suffix.lower() not in EXTENSIONS or not path.is_file() or path.name.casefold().endswith(".mapping.yaml"):
        return False  # "<project>.mapping.yaml" maps a REFI-QDA project's codes (loaders/formats/qdpx.py)
    text = head.decode("utf-8-sig", errors="ignore").casefold()
    first = text.splitlines()[0] if text else ""
    if path.suffix.lower() == ".csv":
        return "stakeholder" in first and "stance" in first
    return "stakeholder" in text and "stance" in text


@dataclass
class _Row:
    line: int
    values: dict[str, str]


def _read_csv(path: Path, text: str) -> list[_Row]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise MalformedSource("the sheet is empty", path=path, line=1) from None
    except csv.Error as exc:
        raise MalformedSource(f"bad CSV: {exc}", path=path, line=1) from None
    header = [h.strip().casefold() for h in header]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise MalformedSource(f"missing column(s): {', '.join(missing)}", path=path, line=1, field=missing[0])
    dupes = sorted({h for h in header if header.count(h) > 1 and h})
    if dupes:
        raise MalformedSource(f"duplicate column(s): {', '.join(dupes)}", path=path, line=1, field=dupes[0])
    rows = []
    line = 1
    try:
        for cells in reader:
            start_line, line = line + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header):
                extra = cells[len(header):]
                if any(c.strip() for c in extra):
                    raise MalformedSource(f"row has {len(cells)} cells but the header has {len(header)}",
                                          path=path, line=start_line)
            values = {h: _unguard(cells[i]) if i < len(cells) else "" for i, h in enumerate(header) if h}
            rows.append(_Row(start_line, values))
    except csv.Error as exc:
        raise MalformedSource(f"bad CSV: {exc}", path=path, line=reader.line_num) from None
    return rows


def _unguard(cell: str) -> str:
    """Undo the formula-injection guard stancegraph's own CSV exports add (a leading apostrophe)."""
    return unguard_formula(cell)


def _read_yaml(path: Path, text: str) -> list[_Row]:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = None if mark is None else mark.line + 1
        position = getattr(exc, "position", None)  # a ReaderError (a control character) has a position, no mark
        if line is None and isinstance(position, int):
            line = text.count("\n", 0, position) + 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise MalformedSource(f"bad YAML: {problem}", path=path, line=line) from None
    if isinstance(data, dict) and "positions" in data:
        data = data["positions"]
        root = next(v for k, v in root.value if k.value == "positions")  # type: ignore[union-attr]
    if not isinstance(data, list):
        raise MalformedSource("expected a list of positions (or a 'positions:' list)", path=path, line=1)
    rows = []
    for item, node in zip(data, root.value):  # type: ignore[union-attr]
        line = node.start_mark.line + 1
        if not isinstance(item, dict):
            raise MalformedSource("each position must be a mapping of field: value", path=path, line=line)
        values: dict[str, str] = {}
        for k, v in item.items():
            if isinstance(v, list):
                v = ";".join(str(x) for x in v)
            values[str(k).strip().casefold()] = "" if v is None else str(v)
        rows.append(_Row(line, values))
    return rows


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def _number(value: str, kind: type, path: Path, line: int, field: str, errors: list[MalformedSource]) -> Any:
    if not value.strip():
        return None
    try:
        return kind(value.strip())
    except ValueError:
        errors.append(MalformedSource(f"{field} must be {'an integer' if kind is int else 'a number'}, not {value!r}",
                                      path=path, line=line, field=field))
        return None


class _Documents:
    """Resolves the `document` column to Document records (with text where the file is found)."""

    def __init__(self, sheet: Path, find_text: Callable[[str], Document | None] | None, *, read_files: bool = True):
        self.sheet = sheet
        self.find_text = find_text
        self.read_files = read_files
        self.cache: dict[str, Document] = {}

    def get(self, value: str) -> Document:
        if value in self.cache:
            return self.cache[value]
        doc: Document | None = None
        for candidate in (Path(value), self.sheet.parent / value) if self.read_files else ():
            if candidate.is_file() and candidate.resolve() != self.sheet.resolve():
                doc = read_document(candidate)
                break
        if doc is None:
            key = Path(value).name
            known = self.find_text(new_document(key).id) if self.find_text else None
            doc = known if known is not None else new_document(key, title=Path(value).stem or value, kind="report")
        self.cache[value] = doc
        return doc


def load(path: str | Path, *, find_document: Callable[[str], Document | None] | None = None,
         read_files: bool = True) -> Bundle:
    """Read a coding sheet into a Bundle; raise MalformedSource naming every bad row's line and field.

    `find_document(doc_id)` may supply the Document (with text) of documents already in a store.
    With ``read_files=False`` the `document` column never opens a file (a sheet uploaded to the
    server must not make it read its own disk); documents come from `find_document` or by name only.
    """
    p = Path(path)
    text = decode_text(p.read_bytes(), p)
    rows = _read_yaml(p, text) if p.suffix.lower() in (".yaml", ".yml") else _read_csv(p, text)
    if not rows:
        raise MalformedSource("the sheet has no rows", path=p, line=2)
    docs = _Documents(p, find_document, read_files=read_files)
    bundle = Bundle()
    errors: list[MalformedSource] = []
    lookups = _Lookups()
    for row in rows:
        _add_row(bundle, row, p, docs, errors, lookups)
    if errors:
        first = errors[0]
        if len(errors) > 1:
            raise MalformedSource(f"{first.detail} (and {len(errors) - 1} more bad rows; nothing was loaded)",
                                  path=first.path, line=first.line, field=first.field)
        raise first
    return bundle


class _Lookups:
    """Themes, groups, stakeholders and claims by what a row says about them, built once per sheet.

    Rows repeat the same few hundred stakeholders, groups and themes: each is resolved (and its id
    hashed) once, not once per row.
    """

    def __init__(self) -> None:
        self._themes: dict[str, Theme] = {}
        self._groups: dict[str, Stakeholder] = {}
        self._stakeholders: dict[tuple[str, str, tuple[str, ...]], Stakeholder] = {}
        self._claims: dict[tuple[str, tuple[str, ...]], Claim] = {}
        self._sources: dict[tuple[str, str, str], Source] = {}

    def theme(self, label: str) -> Theme:
        found = self._themes.get(label)
        if found is None:
            found = self._themes[label] = resolve_theme(label)
        return found

    def group(self, label: str) -> Stakeholder:
        found = self._groups.get(label)
        if found is None:
            found = self._groups[label] = new_stakeholder(label, kind="group")
        return found

    def stakeholder(self, label: str, kind: str, member_of: list[str]) -> Stakeholder:
        key = (label, kind, tuple(member_of))
        found = self._stakeholders.get(key)
        if found is None:
            found = self._stakeholders[key] = new_stakeholder(label, kind=kind, member_of=member_of)
        return found

    def claim(self, text: str, themes: list[str]) -> Claim:
        key = (text, tuple(themes))
        found = self._claims.get(key)
        if found is None:
            found = self._claims[key] = new_claim(text, themes=themes)
        return found

    def source(self, label: str, method: str, document: str) -> Source:
        key = (label, method, document)
        found = self._sources.get(key)
        if found is None:
            found = self._sources[key] = new_source(label, method, document)
        return found


def _add_row(bundle: Bundle, row: _Row, path: Path, docs: _Documents, errors: list[MalformedSource],
             lookups: _Lookups | None = None) -> None:
    lookups = lookups or _Lookups()
    v = {k: (row.values.get(k) or "").strip() for k in ALL_COLUMNS}
    quote_raw = row.values.get("quote") or ""
    line = row.line
    for field, value in row.values.items():
        bad = lone_surrogate(value)
        if bad:
            errors.append(MalformedSource(f"{field} is not valid Unicode (a lone surrogate {bad})", path=path, line=line,
                                          field=field))
            return
        char = forbidden_char(value)
        if char:
            errors.append(MalformedSource(f"{field} holds the control character {char}, which XML (GraphML, GEXF, "
                                          "RDF/XML) cannot carry", path=path, line=line, field=field))
            return
    n_before = len(errors)
    for field in REQUIRED:
        if not v[field]:
            errors.append(MalformedSource(f"{field} is empty", path=path, line=line, field=field))
    try:
        stance = Stance.parse(v["stance"]) if v["stance"] else None
    except ValueError as exc:
        errors.append(MalformedSource(str(exc), path=path, line=line, field="stance"))
        stance = None
    start = _number(v["start"], int, path, line, "start", errors)
    end = _number(v["end"], int, path, line, "end", errors)
    strength = _number(v["strength"], float, path, line, "strength", errors)
    confidence = _number(v["confidence"], float, path, line, "confidence", errors)
    for name, value in (("strength", strength), ("confidence", confidence)):
        if value is not None and not 0 <= value <= 1:
            errors.append(MalformedSource(f"{name} must be between 0 and 1, not {value}", path=path, line=line, field=name))
    kind = v["kind"] or "group"
    if kind not in ("group", "organisation", "person"):
        errors.append(MalformedSource(f"kind must be group, organisation or person, not {kind!r}", path=path, line=line, field="kind"))
    if (start is None) != (end is None):
        errors.append(MalformedSource("give both start and end, or neither", path=path, line=line,
                                      field="end" if end is None else "start"))
    if len(errors) > n_before or stance is None:
        return
    try:
        doc = docs.get(v["document"])
    except MalformedSource as exc:
        errors.append(MalformedSource(f"document {v['document']!r}: {exc.detail}", path=path, line=line, field="document"))
        return
    if start is not None and end is not None:
        if not 0 <= start < end:
            errors.append(MalformedSource(f"bad offsets: start {start}, end {end} (need 0 <= start < end)",
                                          path=path, line=line, field="start"))
            return
        if doc.text is None:
            errors.append(MalformedSource(
                f"offsets given but the text of document {v['document']!r} was not found; put the document "
                "next to the sheet or load it first", path=path, line=line, field="document"))
            return
        if end > len(doc.text):
            errors.append(MalformedSource(f"end {end} is past the end of the document ({len(doc.text)} characters)",
                                          path=path, line=line, field="end"))
            return
        if quote_raw and doc.text[start:end] != quote_raw:
            errors.append(MalformedSource(
                f"quote is not the document text at {start}:{end} (the text there is {doc.text[start:end][:60]!r})",
                path=path, line=line, field="quote"))
            return
        if not quote_raw:
            quote_raw = doc.text[start:end]
    bundle.add(doc)
    source_id = None
    if v["source"]:
        src = lookups.source(v["source"], v["method"] or method_for(v["source"]), doc.id)
        bundle.add(src)
        source_id = src.id
    groups = [lookups.group(g) for g in _split(v["group"])]
    stakeholder = lookups.stakeholder(v["stakeholder"], kind, [g.id for g in groups
                                                               if g.label.casefold() != v["stakeholder"].casefold()])
    themes = [lookups.theme(t) for t in _split(v["themes"])]
    claim = lookups.claim(v["claim"], [t.id for t in themes])
    evidence = []
    if quote_raw.strip():
        evidence.append(Passage(document=doc.id, quote=quote_raw, start=start, end=end, source=source_id,
                                section=tuple(_split(v["section"].replace(" > ", ";"))) if v["section"] else ()))
    position = new_position(
        stakeholder, claim, stance, document=doc.id, evidence=evidence,
        strength=strength if strength is not None else strength_of(v["quantifier"]),
        quantifier=v["quantifier"] or None, rule=v["rule"] or None, confidence=confidence,
        coder=v["coder"] or None, date=v["date"] or None, note=v["note"] or None,
        source=None if evidence else source_id,
    )
    # records resolved by `lookups` recur on many rows: add each object once (merging a record built by the
    # id helpers with itself changes nothing), and merge only records that differ
    bundle.add(*[g for g in (*groups, stakeholder) if bundle.stakeholders.get(g.id) is not g],
               *[t for t in themes if bundle.themes.get(t.id) is not t],
               *([claim] if bundle.claims.get(claim.id) is not claim else []), position)
    for t in themes:
        _add_broader(bundle, t.broader)


def _add_broader(bundle: Bundle, broader: Iterable[str]) -> None:
    by_id = default_themes_by_id()
    for tid in broader:
        if tid in by_id and tid not in bundle.themes:
            bundle.add(by_id[tid])
            _add_broader(bundle, by_id[tid].broader)


def rows_from_bundle(bundle: Bundle, *, document_path: Callable[[Document], str] | None = None) -> list[dict[str, str]]:
    """The coding-sheet rows of a bundle: one row per position and evidence passage (or one without)."""
    out = []
    for pos in sorted(bundle.positions.values(), key=lambda p: (p.document, p.evidence[0].sort_key() if p.evidence else (), p.id)):
        doc = bundle.documents.get(pos.document)
        sh = bundle.stakeholders.get(pos.stakeholder)
        claim = bundle.claims.get(pos.claim)
        if sh is None or claim is None:
            continue
        groups = [bundle.stakeholders[g].label for g in sh.member_of if g in bundle.stakeholders]
        themes = [bundle.themes[t].label for t in claim.themes if t in bundle.themes]
        base = {
            "document": document_path(doc) if (doc and document_path) else (doc.title if doc else pos.document),
            "stakeholder": sh.label, "group": ";".join(groups), "stance": pos.stance.value, "claim": claim.text,
            "themes": ";".join(themes), "quantifier": pos.quantifier or "", "strength": f"{pos.strength:g}",
            "date": pos.date or "", "coder": pos.coder or "", "note": pos.note or "", "kind": sh.kind,
            "rule": pos.rule or "", "confidence": "" if pos.confidence is None else f"{pos.confidence:g}",
        }
        for passage in pos.evidence or (None,):
            row = dict(base)
            src_id = passage.source if passage else pos.source
            src = bundle.sources.get(src_id) if src_id else None
            row.update({
                "source": src.label if src else "", "method": src.method if src else "",
                "quote": passage.quote if passage else "",
                "start": "" if passage is None or passage.start is None else str(passage.start),
                "end": "" if passage is None or passage.end is None else str(passage.end),
                "section": " > ".join(passage.section) if passage else "",
            })
            out.append({c: row.get(c, "") for c in ALL_COLUMNS})
    return out
