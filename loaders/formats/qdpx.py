"""REFI-QDA projects (``.qdpx``): the exchange format of NVivo, ATLAS.ti, MAXQDA, QualCoder...

A ``.qdpx`` is a ZIP with one ``project.qde`` (XML, namespace ``urn:QDA-XML:project:1.0``) and
a ``sources/`` folder of plain texts named ``<guid>.txt``. Tolerated deviations: the XML named
after the project (``Trial.qde``, ATLAS.ti 26), a capitalised ``Sources/`` folder, GUIDs in
braces or upper case, zero-length selections (skipped). The archive is read in memory through
:class:`~stancegraph.loaders.documents.archive.SafeZip` (no zip bombs, no traversal names) and XML with
a DOCTYPE is refused (no entity expansion).

What becomes what:

* each ``TextSource`` (or the text representation of a ``PDFSource``) -> a :class:`Document`;
* each coded ``PlainTextSelection`` -> a :class:`Passage` (offsets are Unicode code points,
  end exclusive, exactly Python ``str`` indices) and, for every claim code on it, a
  :class:`Position` of every stakeholder it is attributed to;
* the code tree is read through a **mapping** (below): codes under the stakeholder roots are
  stakeholders (a code with children is a group its children are members of), leaves under
  the claim roots are claims (inner codes there are themes of the claims below them), codes
  under the theme roots are themes (``broader`` follows the tree), and stance codes give the
  stance (else ``default_stance``);
* a selection's stakeholder is the stakeholder code on it, else on the smallest coded
  selection of the same source containing it, else on the source as a whole, else a case
  that references the selection or the source. Stance and theme codes are inherited the same
  way. Claim selections with no stakeholder are skipped (and logged);
* each ``Case`` -> a stakeholder (kind from a ``kind`` variable, else ``case_kind``), its
  variables kept as attributes, its ``group`` variable naming the group it is a member of.

The mapping is a small YAML file given as ``mapping=``, or found next to the project as
``<name>.mapping.yaml`` (``project.qdpx`` -> ``project.mapping.yaml``); ingesting that file loads the
project beside it.
Every key is optional; a missing key keeps the default of :data:`DEFAULT_MAPPING`::

    stakeholders: [Stakeholders, Actors]     # root codes (by name or path "A/B") whose codes are stakeholders
    claims: [Claims, Concepts]
    themes: [Themes]
    stances: {support: [support, agree], oppose: [oppose, disagree], neutral: [neutral]}
    default_stance: support                  # for claim selections with no stance code
    stakeholder_kind: organisation           # kind of leaf stakeholder codes
    case_kind: person                        # kind of cases without a "kind" variable
    group_variable: [group]                  # case variable naming the case's group
"""

from __future__ import annotations

import hashlib
import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ...graph.model.errors import MalformedSource
from ...graph.model.xmltext import xml_refusal
from ...graph.model.records import (
    STAKEHOLDER_KINDS, Bundle, Passage, Stakeholder, Stance, Theme, new_claim, new_document, new_position,
    new_source, new_stakeholder, new_theme,
)
from ..documents.archive import SafeZip

NAME = "qdpx"
EXTENSIONS = (".qdpx",)
MAPPING_SUFFIXES = (".mapping.yaml",)
ZIP_MAGIC = b"PK\x03\x04"

DEFAULT_MAPPING: dict[str, Any] = {
    "stakeholders": ["stakeholders", "stakeholder", "actors", "actor", "organisations", "organizations",
                     "speakers", "cases"],
    "claims": ["claims", "claim", "concepts", "concept", "statements", "arguments", "positions"],
    "themes": ["themes", "theme", "topics", "topic"],
    "stances": {
        "support": ["support", "supports", "agree", "agreement", "pro", "for", "in favour", "in favor"],
        "oppose": ["oppose", "opposes", "disagree", "disagreement", "con", "against"],
        "neutral": ["neutral", "mixed", "ambivalent", "pass"],
    },
    "default_stance": "support",
    "stakeholder_kind": "organisation",
    "case_kind": "person",
    "group_variable": ["group", "stakeholder group"],
}

log = logging.getLogger(__name__)
_GUID = re.compile(r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$")


def sniff(path: Path, head: bytes) -> bool:
    """A ``.qdpx`` file (a damaged one too, for a clear error), a ZIP holding a ``.qde``, or a mapping file."""
    if not path.is_file():
        return False
    name = path.name.casefold()
    if name.endswith(MAPPING_SUFFIXES):
        return project_for_mapping(path) is not None
    if path.suffix.lower() in EXTENSIONS:
        return True
    return head.startswith(ZIP_MAGIC) and b".qde" in head


def project_for_mapping(mapping: Path) -> Path | None:
    """The project a ``<name>.mapping.yaml`` belongs to (``<name>.qdpx`` beside it), if any."""
    stem = mapping.name
    for suffix in MAPPING_SUFFIXES:
        if stem.casefold().endswith(suffix):
            stem = stem[: -len(suffix)]
    for candidate in mapping.parent.glob("*"):
        if candidate.suffix.lower() == ".qdpx" and candidate.stem == stem:
            return candidate
    return None


def find_mapping(project: Path) -> Path | None:
    candidate = project.parent / (project.stem + ".mapping.yaml")
    return candidate if candidate.is_file() else None


# --------------------------------------------------------------------------- the mapping

def _names(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _key(name: str) -> str:
    """Code names and paths compare case-insensitively, with / or > or \\ as the path separator."""
    return "/".join(part.strip().casefold() for part in re.split(r"\s*(?:/|>|\\)\s*", name.strip()) if part.strip())


@dataclass
class Mapping:
    stakeholders: list[str]
    claims: list[str]
    themes: list[str]
    stances: dict[str, list[str]]
    default_stance: Stance | None
    stakeholder_kind: str
    case_kind: str
    group_variable: list[str]


def read_mapping(path: Path | None) -> Mapping:
    """The mapping from a YAML file (None: the defaults), checked key by key."""
    data: dict[str, Any] = {}
    if path is not None:
        try:
            loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise MalformedSource(f"bad YAML: {getattr(exc, 'problem', exc)}", path=path,
                                  line=None if mark is None else mark.line + 1) from None
        except OSError as exc:
            raise MalformedSource(f"cannot read the mapping: {exc.strerror}", path=path) from None
        if loaded is not None and not isinstance(loaded, dict):
            raise MalformedSource("the mapping must be a YAML mapping of key: value", path=path, line=1)
        data = loaded or {}
        unknown = sorted(set(data) - set(DEFAULT_MAPPING))
        if unknown:
            raise MalformedSource(f"unknown key {unknown[0]!r} (known: {', '.join(DEFAULT_MAPPING)})", path=path,
                                  field=unknown[0])
    merged = {**DEFAULT_MAPPING, **data}
    stances = merged["stances"]
    if not isinstance(stances, dict):
        raise MalformedSource("stances must map support/oppose/neutral to code names", path=path, field="stances")
    parsed: dict[str, list[str]] = {}
    for stance, names in stances.items():
        try:
            parsed[Stance.parse(stance).value] = [_key(n) for n in _names(names)]
        except ValueError as exc:
            raise MalformedSource(str(exc), path=path, field="stances") from None
    default = merged["default_stance"]
    try:
        default_stance = None if default in (None, "", "none") else Stance.parse(str(default))
    except ValueError as exc:
        raise MalformedSource(str(exc), path=path, field="default_stance") from None
    for key in ("stakeholder_kind", "case_kind"):
        if merged[key] not in STAKEHOLDER_KINDS:
            raise MalformedSource(f"{key} must be one of {', '.join(STAKEHOLDER_KINDS)}", path=path, field=key)
    return Mapping(
        stakeholders=[_key(n) for n in _names(merged["stakeholders"])],
        claims=[_key(n) for n in _names(merged["claims"])],
        themes=[_key(n) for n in _names(merged["themes"])],
        stances=parsed, default_stance=default_stance,
        stakeholder_kind=merged["stakeholder_kind"], case_kind=merged["case_kind"],
        group_variable=[n.casefold() for n in _names(merged["group_variable"])],
    )


# --------------------------------------------------------------------------- the XML

def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(el: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in el if _local(c.tag) == name]


def _child(el: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in el if _local(c.tag) == name), None)


def _guid(value: str | None) -> str:
    value = (value or "").strip()
    m = _GUID.match(value)
    return m.group(1).lower() if m else value.lower()


@dataclass
class _Code:
    guid: str
    name: str
    path: str  # case-folded path from the root, "/"-separated
    parent: str | None
    children: list[str] = field(default_factory=list)


@dataclass
class _Selection:
    guid: str
    source: str
    start: int
    end: int
    codes: set[str]
    coder: str | None
    note: str | None


class _Project:
    """The parts of project.qde the loader uses."""

    def __init__(self, root: ET.Element, where: str):
        self.where = where
        self.users = {_guid(u.get("guid")): u.get("name") or "" for users in _children(root, "Users")
                      for u in _children(users, "User")}
        self.codes: dict[str, _Code] = {}
        for book in _children(root, "CodeBook"):
            for codes in _children(book, "Codes"):
                for code in _children(codes, "Code"):
                    self._add_code(code, None, "")
        self.variables = {_guid(v.get("guid")): v.get("name") or "" for vs in _children(root, "Variables")
                          for v in _children(vs, "Variable")}
        self.cases = [c for cs in _children(root, "Cases") for c in _children(cs, "Case")]
        self.sources = [s for ss in _children(root, "Sources") for s in ss
                        if _local(s.tag) in ("TextSource", "PDFSource")]

    def _add_code(self, el: ET.Element, parent: str | None, prefix: str) -> None:
        guid = _guid(el.get("guid"))
        name = (el.get("name") or "").strip()
        if not guid or not name:
            raise MalformedSource("a Code without guid or name", path=self.where, field=f"Code {guid or name}")
        path = f"{prefix}/{_key(name)}" if prefix else _key(name)
        self.codes[guid] = _Code(guid, name, path, parent)
        if parent:
            self.codes[parent].children.append(guid)
        for child in _children(el, "Code"):
            self._add_code(child, guid, path)


def _parse_xml(data: bytes, where: str) -> ET.Element:
    reason = xml_refusal(data)
    if reason:
        raise MalformedSource(f"refused: the XML {reason}", path=where)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line = exc.position[0] if hasattr(exc, "position") else None
        raise MalformedSource(f"bad XML: {str(exc).split(':')[0]}", path=where, line=line) from None
    except LookupError as exc:  # an XML declaration naming an unknown encoding
        raise MalformedSource(f"bad XML: {exc}", path=where, line=1) from None
    if _local(root.tag) != "Project":
        raise MalformedSource(f"the root element is <{_local(root.tag)}>, not a REFI-QDA <Project>", path=where, line=1)
    return root


# --------------------------------------------------------------------------- loading

def load(path: str | Path, *, mapping: str | Path | None = None) -> Bundle:
    """Read a ``.qdpx`` project into a Bundle (see the module docstring); `mapping` is a YAML file."""
    p = Path(path)
    if p.name.casefold().endswith(MAPPING_SUFFIXES):  # a mapping file: load the project beside it
        beside = project_for_mapping(p)
        if beside is None:
            raise MalformedSource("no .qdpx project with this name beside the mapping file", path=p)
        return load(beside, mapping=p)
    mapping_path = Path(mapping) if mapping is not None else find_mapping(p)
    rules = read_mapping(mapping_path)
    with SafeZip(p) as archive:
        qde = [n for n in archive.names() if n.casefold().endswith(".qde") and "/" not in n]
        if not qde:
            raise MalformedSource("not a REFI-QDA project: no project.qde at the top of the archive", path=p,
                                  field="project.qde")
        name = "project.qde" if "project.qde" in qde else sorted(qde)[0]
        if name != "project.qde":
            log.warning("%s: the project XML is named %s, not project.qde", p, name)
        where = f"{p}!{name}"
        parsed = _Project(_parse_xml(archive.read(name), where), where)
        texts = {guid: (title, text) for guid, title, text in _source_texts(parsed, archive, p)}
    return _build(p, parsed, texts, rules)


def _source_texts(project: _Project, archive: SafeZip, path: Path) -> list[tuple[str, str, str]]:
    """(source guid, name, plain text) of every text-bearing source."""
    out = []
    for source in project.sources:
        guid = _guid(source.get("guid"))
        name = (source.get("name") or guid).strip()
        holder = source if _local(source.tag) == "TextSource" else _child(source, "Representation")
        if holder is None:
            continue  # a PDF without a text representation: nothing to index
        inline = _child(holder, "PlainTextContent")
        if inline is not None:
            out.append((guid, name, inline.text or ""))
            continue
        ref = holder.get("plainTextPath") or ""
        data = _resolve(ref, archive, path, project.where, f"TextSource {name}")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise MalformedSource(f"source text is not UTF-8 (byte {exc.start})", path=project.where,
                                  field=f"TextSource {name}") from None
        out.append((guid, name, text))
    return out


def _resolve(ref: str, archive: SafeZip, path: Path, where: str, place: str) -> bytes:
    if ref.startswith("internal://"):
        member = "sources/" + ref[len("internal://"):]
        if archive.find(member) is None:
            raise MalformedSource(f"source text {member} is missing from the archive", path=where, field=place)
        return archive.read(member)
    if ref.startswith("relative://"):
        target = (path.parent / ref[len("relative://"):]).resolve()
        if not target.is_relative_to(path.parent.resolve()):
            raise MalformedSource(f"refused: {ref} points outside the project's folder", path=where, field=place)
        if not target.is_file():
            raise MalformedSource(f"external source {ref} not found beside the project", path=where, field=place)
        return target.read_bytes()
    raise MalformedSource(f"unsupported plainTextPath {ref!r} (expected internal:// or relative://)", path=where,
                          field=place)


def _selections(project: _Project, texts: dict[str, tuple[str, str]]) -> tuple[list[_Selection], dict[str, set[str]]]:
    """Coded text selections per source, checked against the text; and source-level codes."""
    out: list[_Selection] = []
    source_codes: dict[str, set[str]] = {}
    for source in project.sources:
        guid = _guid(source.get("guid"))
        if guid not in texts:
            continue
        name, text = texts[guid]
        holders = [source] + ([r] if (r := _child(source, "Representation")) is not None else [])
        source_codes[guid] = {_guid(ref.get("targetGUID")) for h in holders for cod in _children(h, "Coding")
                              for ref in _children(cod, "CodeRef")}
        for holder in holders:
            for sel in _children(holder, "PlainTextSelection"):
                sguid = _guid(sel.get("guid"))
                place = f"PlainTextSelection {sguid or sel.get('name')}"
                try:
                    start, end = int(sel.get("startPosition", "")), int(sel.get("endPosition", ""))
                except ValueError:
                    raise MalformedSource("startPosition and endPosition must be integers", path=project.where,
                                          field=place) from None
                if start == end:
                    continue  # zero-length selections occur in real exports
                if not 0 <= start < end <= len(text):
                    raise MalformedSource(f"selection {start}:{end} lies outside source {name!r} "
                                          f"({len(text)} characters)", path=project.where, field=place)
                codings = _children(sel, "Coding")
                codes = {_guid(ref.get("targetGUID")) for cod in codings for ref in _children(cod, "CodeRef")}
                user = next((c.get("creatingUser") for c in codings if c.get("creatingUser")), sel.get("creatingUser"))
                desc = _child(sel, "Description")
                out.append(_Selection(sguid, guid, start, end, codes, project.users.get(_guid(user)) if user else None,
                                      (desc.text or "").strip() or None if desc is not None else None))
    return out, source_codes


@dataclass
class _Roles:
    stakeholder: dict[str, Stakeholder]
    claim: dict[str, tuple[str, list[Theme]]]  # guid -> (claim text, themes from inner claim codes)
    theme: dict[str, Theme]
    stance: dict[str, Stance]
    extra: list[Stakeholder | Theme]


def _under(code: _Code, roots: list[str], project: _Project) -> str | None:
    """The root (path) among `roots` that `code` is a strict descendant of."""
    for root in roots:
        if code.path.startswith(root + "/") or (
                "/" not in root and any(_key(project.codes[a].name) == root for a in _ancestors(code, project))):
            return root
    return None


def _ancestors(code: _Code, project: _Project) -> list[str]:
    out = []
    parent = code.parent
    while parent:
        out.append(parent)
        parent = project.codes[parent].parent
    return out


def _roles(project: _Project, rules: Mapping) -> _Roles:
    roles = _Roles({}, {}, {}, {}, [])
    stance_names = {n: Stance(s) for s, names in rules.stances.items() for n in names}

    def stakeholder(guid: str) -> Stakeholder:
        if guid not in roles.stakeholder:
            code = project.codes[guid]
            parent = project.codes[code.parent] if code.parent else None
            member_of = []
            if parent is not None and _under(parent, rules.stakeholders, project):
                member_of = [stakeholder(parent.guid).id]
            kind = "group" if code.children else rules.stakeholder_kind
            roles.stakeholder[guid] = new_stakeholder(code.name, kind=kind, member_of=member_of)
        return roles.stakeholder[guid]

    def theme(guid: str, roots: list[str]) -> Theme:
        if guid not in roles.theme:
            code = project.codes[guid]
            parent = project.codes[code.parent] if code.parent else None
            broader = [theme(parent.guid, roots).id] if parent is not None and _under(parent, roots, project) else []
            roles.theme[guid] = new_theme(code.name, broader=broader)
        return roles.theme[guid]

    for guid, code in project.codes.items():
        short = _key(code.name)
        if code.path in stance_names or short in stance_names:
            roles.stance[guid] = stance_names.get(code.path, stance_names.get(short, Stance.SUPPORT))
        elif _under(code, rules.stakeholders, project):
            stakeholder(guid)
        elif _under(code, rules.claims, project):
            if code.children:
                theme(guid, rules.claims)
            else:
                parent = project.codes[code.parent] if code.parent else None
                themes = [theme(parent.guid, rules.claims)] if parent is not None and _under(
                    parent, rules.claims, project) else []
                roles.claim[guid] = (code.name, themes)
        elif _under(code, rules.themes, project):
            theme(guid, rules.themes)
    return roles


def _cases(project: _Project, rules: Mapping) -> tuple[dict[str, list[Stakeholder]], dict[str, list[Stakeholder]],
                                                       list[Stakeholder]]:
    """Case stakeholders by the selection guids and the source guids they reference; and their groups."""
    by_selection: dict[str, list[Stakeholder]] = {}
    by_source: dict[str, list[Stakeholder]] = {}
    groups: list[Stakeholder] = []
    for case in project.cases:
        name = (case.get("name") or "").strip()
        if not name:
            raise MalformedSource("a Case without a name", path=project.where, field=f"Case {case.get('guid')}")
        attrs: list[tuple[str, str]] = []
        for vv in _children(case, "VariableValue"):
            ref = _child(vv, "VariableRef")
            var = project.variables.get(_guid(ref.get("targetGUID")) if ref is not None else "", "")
            value = next((c.text for c in vv if _local(c.tag).endswith("Value") and c.text), None)
            if var and value is not None and value.strip():
                attrs.append((var.strip().casefold(), value.strip()))
        kind = next((v.casefold() for k, v in attrs if k == "kind" and v.casefold() in STAKEHOLDER_KINDS),
                    rules.case_kind)
        member_of = []
        for k, v in attrs:
            if k in rules.group_variable:
                group = new_stakeholder(v, kind="group")
                groups.append(group)
                member_of.append(group.id)
        sh = new_stakeholder(name, kind=kind, member_of=member_of, attributes=[a for a in attrs if a[0] != "kind"])
        for ref in _children(case, "SelectionRef"):
            by_selection.setdefault(_guid(ref.get("targetGUID")), []).append(sh)
        for ref in _children(case, "SourceRef"):
            by_source.setdefault(_guid(ref.get("targetGUID")), []).append(sh)
    return by_selection, by_source, groups


def _build(path: Path, project: _Project, texts: dict[str, tuple[str, str]], rules: Mapping) -> Bundle:
    roles = _roles(project, rules)
    selections, source_codes = _selections(project, texts)
    case_by_selection, case_by_source, case_groups = _cases(project, rules)
    bundle = Bundle()
    documents = {}
    for guid, (name, text) in texts.items():
        doc = new_document(f"{path.name}/{name}", title=Path(name).stem or name, kind="report", text=text,
                           sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
        documents[guid] = doc
        bundle.add(doc)
    source = {guid: new_source("qualitative coding", "coded", doc.id) for guid, doc in documents.items()}

    by_source: dict[str, list[_Selection]] = {}
    for sel in selections:
        by_source.setdefault(sel.source, []).append(sel)

    def inherited(sel: _Selection, pick: dict[str, Any]) -> list[str]:
        """Codes of role `pick` on the selection, else the innermost containing selection, else the source."""
        own = sorted(c for c in sel.codes if c in pick)
        if own:
            return own
        containing = sorted((o for o in by_source[sel.source] if o is not sel and o.start <= sel.start
                             and o.end >= sel.end and any(c in pick for c in o.codes)),
                            key=lambda o: (o.end - o.start, o.start))
        if containing:
            return sorted(c for c in containing[0].codes if c in pick)
        return sorted(c for c in source_codes.get(sel.source, ()) if c in pick)

    skipped = 0
    for sel in selections:
        claim_codes = sorted(c for c in sel.codes if c in roles.claim)
        if not claim_codes:
            continue
        holders = [roles.stakeholder[g] for g in inherited(sel, roles.stakeholder)]
        holders = holders or case_by_selection.get(sel.guid, []) or case_by_source.get(sel.source, [])
        if not holders:
            skipped += 1
            continue
        stances = [roles.stance[g] for g in inherited(sel, roles.stance)]
        if not stances:
            if rules.default_stance is None:
                skipped += 1
                continue
            stances = [rules.default_stance]
        extra_themes = [roles.theme[g] for g in inherited(sel, roles.theme)]
        doc = documents[sel.source]
        text = doc.text or ""
        passage = Passage(document=doc.id, quote=text[sel.start:sel.end], start=sel.start, end=sel.end,
                          source=source[sel.source].id)
        for code in claim_codes:
            label, themes = roles.claim[code]
            all_themes = themes + extra_themes
            claim = new_claim(label, themes=[t.id for t in all_themes])
            bundle.add(*all_themes, claim, source[sel.source])
            for holder in holders:
                bundle.add(holder, *_closure(holder, roles, case_groups))
                for stance in sorted(set(stances), key=lambda s: s.value):
                    bundle.add(new_position(holder, claim, stance, document=doc.id, evidence=[passage],
                                            coder=sel.coder, note=sel.note))
    for theme in list(bundle.themes.values()):
        _add_broader(bundle, theme, roles)
    if skipped:
        log.info("%s: skipped %d claim selections with no stakeholder (or no stance)", path, skipped)
    return bundle


def _closure(holder: Stakeholder, roles: _Roles, groups: list[Stakeholder]) -> list[Stakeholder]:
    """The groups `holder` is a member of, transitively, as records."""
    known = {s.id: s for s in [*roles.stakeholder.values(), *groups]}
    out = []
    todo = list(holder.member_of)
    while todo:
        sid = todo.pop()
        if sid in known:
            out.append(known[sid])
            todo.extend(known[sid].member_of)
    return out


def _add_broader(bundle: Bundle, theme: Theme, roles: _Roles) -> None:
    known = {t.id: t for t in roles.theme.values()}
    for tid in theme.broader:
        if tid in known and tid not in bundle.themes:
            bundle.add(known[tid])
            _add_broader(bundle, known[tid], roles)
