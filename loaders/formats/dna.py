"""Discourse Network Analyzer (DNA 3.x) databases: a ``.dna`` file is an SQLite database.

What becomes what (schema as documented in DNA's ``Sql.java``; see research/dna.md):

* ``DOCUMENTS`` -> :class:`Document` with its full text and date (epoch seconds, UTC; DNA 2 used
  milliseconds, recognised by size); DNA's ``Source`` column becomes the publisher.
* every statement of a type with a ``concept`` and a ``person`` or ``organization`` variable
  -> a :class:`Position`: the person holds it (the organisation when no person is coded), the
  concept is the :class:`Claim`, the ``agreement`` qualifier is the stance (boolean 1 support,
  0 oppose; an integer qualifier by its sign), the document date is the position's date, and
  the statement's character span is a :class:`Passage` whose quote is the document text there.
  Statements with the same holder, concept, stance and document are one position with one
  passage per statement, so DNA's statement counts are the evidence counts.
* ``organization`` entities -> stakeholders of kind ``organisation`` (DNA's group level);
  ``person`` entities -> kind ``person``, member of every organisation they are coded with.
* entity attributes (Type, Alias, Notes and any others) and colours are kept as
  ``Stakeholder.attributes`` (``type``, ``alias``, ``notes``, ``colour``); an alias is also an
  alias. A concept's ``Type`` attribute becomes a theme of the claim.

Other statement types (DNA's "NPF Story Element", "Annotation") are skipped. The database is
opened read-only and never changed. DNA 2 files (an older schema) are recognised and refused
with advice: DNA 3 imports them.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ...graph.model.errors import MalformedSource
from ...graph.model.records import (
    Bundle, Passage, Stakeholder, Stance, Theme, new_claim, new_document, new_position, new_source,
    new_stakeholder, new_theme,
)

NAME = "dna"
EXTENSIONS = (".dna",)
SQLITE_MAGIC = b"SQLite format 3\x00"

#: variable names (case-folded) that play each role in a statement type
PERSON_VARIABLES = ("person", "actor", "speaker")
ORGANISATION_VARIABLES = ("organization", "organisation")
CONCEPT_VARIABLES = ("concept", "claim")
QUALIFIER_VARIABLES = ("agreement", "stance")
DNA3_TABLES = ("DOCUMENTS", "STATEMENTS", "STATEMENTTYPES", "VARIABLES", "ENTITIES", "DATASHORTTEXT")

log = logging.getLogger(__name__)


def sniff(path: Path, head: bytes) -> bool:
    """A ``.dna`` file (even a damaged one, so that it gets a clear error), or an SQLite file with DNA's tables."""
    if not path.is_file():
        return False
    if path.suffix.lower() in EXTENSIONS:
        return True
    if not head.startswith(SQLITE_MAGIC):
        return False
    try:
        with _connect(path) as con:
            return {"DOCUMENTS", "STATEMENTS", "STATEMENTTYPES"} <= _tables(con)
    except sqlite3.Error:
        return False


def _connect(path: Path) -> sqlite3.Connection:
    """Read-only and immutable: no journal or lock files, even next to a read-only fixture."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def _tables(con: sqlite3.Connection) -> set[str]:
    return {r[0].upper() for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def iso_date(value: Any) -> str | None:
    """DNA's integer date (seconds; milliseconds in DNA 2) as an ISO date, or date-time when not midnight UTC.

    >>> iso_date(1106697600)
    '2005-01-26'
    >>> iso_date(1106697600123)
    '2005-01-26T00:00:00.123Z'
    """
    if value in (None, ""):
        return None
    number = int(value)
    millis = abs(number) > 100_000_000_000
    moment = datetime.fromtimestamp(number / 1000 if millis else number, tz=timezone.utc)
    if moment.hour == moment.minute == moment.second == moment.microsecond == 0:
        return moment.date().isoformat()
    if moment.microsecond:
        return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def colour_hex(red: Any, green: Any, blue: Any) -> str | None:
    if red is None or green is None or blue is None:
        return None
    return f"#{int(red):02x}{int(green):02x}{int(blue):02x}"


@dataclass
class _Entity:
    value: str
    attributes: tuple[tuple[str, str], ...]
    aliases: tuple[str, ...]


@dataclass
class _Statement:
    id: int
    document: int
    start: int
    stop: int
    coder: str | None
    person: str
    organisation: str
    concept: str
    stance: Stance


class _Reader:
    """Runs the queries, naming the table that failed in the error."""

    def __init__(self, path: Path, con: sqlite3.Connection):
        self.path = path
        self.con = con

    def rows(self, table: str, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        try:
            return self.con.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise MalformedSource(f"cannot read the DNA database: {exc}", path=self.path, field=table) from None


def load(path: str | Path) -> Bundle:
    """Read a DNA 3 database into a Bundle (see the module docstring for the mapping)."""
    p = Path(path)
    try:
        con = _connect(p)
    except sqlite3.Error as exc:
        raise MalformedSource(f"cannot open as an SQLite database: {exc}", path=p) from None
    try:
        return _load(p, _Reader(p, con))
    finally:
        con.close()


def _load(path: Path, db: _Reader) -> Bundle:
    try:
        tables = _tables(db.con)
    except sqlite3.DatabaseError as exc:
        raise MalformedSource(f"not a readable SQLite database ({exc})", path=path, field="sqlite_master") from None
    if "ENTITIES" not in tables and "ATTRIBUTES" in tables and "DOCUMENTS" in tables:
        raise MalformedSource("this is a DNA 2 database; open DNA 3, import it (Import from DNA database), "
                              "save, and load the DNA 3 file", path=path)
    missing = [t for t in DNA3_TABLES if t not in tables]
    if missing:
        raise MalformedSource(f"not a DNA 3 database: table {missing[0]} is missing", path=path, field=missing[0])

    variables = {vid: (name.casefold(), dtype, stype) for vid, name, dtype, stype in
                 db.rows("VARIABLES", "SELECT ID, Variable, DataType, StatementTypeId FROM VARIABLES")}
    roles = _roles(variables)
    coders = dict(db.rows("CODERS", "SELECT ID, Name FROM CODERS")) if "CODERS" in tables else {}
    entities = _entities(db, tables)
    statements = _statements(db, roles, coders, entities)

    bundle = Bundle()
    documents = {}
    for did, title, text, author, source, section, notes, dtype, date in db.rows(
            "DOCUMENTS", "SELECT ID, Title, Text, Author, Source, Section, Notes, Type, Date FROM DOCUMENTS ORDER BY ID"):
        text = text or ""
        doc = new_document(f"{path.name}#{did}", title=(title or "").strip() or f"document {did}",
                           publisher=(source or "").strip() or None, date=iso_date(date),
                           kind=(dtype or "").strip() or "report",
                           sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), text=text)
        documents[did] = doc
    sources = {did: new_source("DNA coding", "coded", doc.id) for did, doc in documents.items()}

    # persons are members of every organisation they are coded with
    orgs_of_person: dict[str, set[str]] = defaultdict(set)
    for st in statements:
        if st.person and st.organisation:
            orgs_of_person[st.person].add(st.organisation)
    organisations: dict[str, Stakeholder] = {}
    persons: dict[str, Stakeholder] = {}
    themes: dict[str, list[Theme]] = {}
    for st in statements:
        if st.organisation and st.organisation not in organisations:
            organisations[st.organisation] = _stakeholder(st.organisation, "organisation", entities, roles.organisation)
    for st in statements:
        if st.person and st.person not in persons:
            member_of = sorted(organisations[o].id for o in orgs_of_person[st.person])
            persons[st.person] = _stakeholder(st.person, "person", entities, roles.person, member_of)

    for st in statements:
        doc = documents.get(st.document)
        if doc is None:
            raise MalformedSource(f"statement {st.id} refers to document {st.document}, which does not exist",
                                  path=path, field=f"STATEMENTS.ID={st.id}")
        text = doc.text or ""
        if not 0 <= st.start < st.stop <= len(text):
            raise MalformedSource(f"statement {st.id} spans {st.start}:{st.stop}, outside its document "
                                  f"({len(text)} characters)", path=path, field=f"STATEMENTS.ID={st.id}")
        holder = persons.get(st.person) or organisations[st.organisation]
        if st.concept not in themes:
            themes[st.concept] = [new_theme(v) for k, v in _entity(entities, roles.concept, st.concept).attributes
                                  if k == "type" and v]
        claim = new_claim(st.concept, themes=[t.id for t in themes[st.concept]])
        passage = Passage(document=doc.id, quote=text[st.start:st.stop], start=st.start, end=st.stop,
                          source=sources[st.document].id)
        position = new_position(holder, claim, st.stance, document=doc.id, evidence=[passage],
                                coder=st.coder, date=doc.date)
        bundle.add(doc, sources[st.document], *themes[st.concept], claim, position)
    bundle.extend([*organisations.values(), *persons.values()])
    for doc in documents.values():  # documents without statements are still part of the corpus
        bundle.add(doc)
    return bundle


@dataclass
class _Roles:
    """Variable ids per statement type for each role."""

    person: dict[int, int]
    organisation: dict[int, int]
    concept: dict[int, int]
    qualifier: dict[int, tuple[int, str]]


def _roles(variables: dict[int, tuple[str, str, int]]) -> _Roles:
    roles = _Roles({}, {}, {}, {})
    for vid, (name, dtype, stype) in sorted(variables.items()):
        if dtype == "short text":
            for names, table in ((PERSON_VARIABLES, roles.person), (ORGANISATION_VARIABLES, roles.organisation),
                                 (CONCEPT_VARIABLES, roles.concept)):
                if name in names:
                    table.setdefault(stype, vid)
        elif dtype in ("boolean", "integer") and name in QUALIFIER_VARIABLES:
            roles.qualifier.setdefault(stype, (vid, dtype))
    return roles


def _entities(db: _Reader, tables: set[str]) -> dict[tuple[int, str], _Entity]:
    """(variable id, value) -> entity with attributes; colours as ``colour``, aliases split out."""
    attrs: dict[int, list[tuple[str, str]]] = defaultdict(list)
    if {"ATTRIBUTEVARIABLES", "ATTRIBUTEVALUES"} <= tables:
        for eid, name, value in db.rows(
                "ATTRIBUTEVALUES",
                "SELECT v.EntityId, a.AttributeVariable, v.AttributeValue FROM ATTRIBUTEVALUES v "
                "JOIN ATTRIBUTEVARIABLES a ON a.ID = v.AttributeVariableId"):
            if value is not None and str(value).strip():
                attrs[eid].append((str(name).strip().casefold(), str(value).strip()))
    out: dict[tuple[int, str], _Entity] = {}
    for eid, vid, value, red, green, blue in db.rows(
            "ENTITIES", "SELECT ID, VariableId, Value, Red, Green, Blue FROM ENTITIES"):
        pairs = list(attrs.get(eid, ()))
        colour = colour_hex(red, green, blue)
        if colour:
            pairs.append(("colour", colour))
        aliases = tuple(v for k, v in pairs if k == "alias")
        out[(vid, value or "")] = _Entity(value or "", tuple(sorted(set(pairs))), aliases)
    return out


def _entity(entities: dict[tuple[int, str], _Entity], role: dict[int, int], value: str) -> _Entity:
    for vid in role.values():
        if (vid, value) in entities:
            return entities[(vid, value)]
    return _Entity(value, (), ())


def _stakeholder(value: str, kind: str, entities: dict[tuple[int, str], _Entity], role: dict[int, int],
                 member_of: list[str] | tuple[str, ...] = ()) -> Stakeholder:
    entity = _entity(entities, role, value)
    return new_stakeholder(value, kind=kind, aliases=entity.aliases, member_of=member_of, attributes=entity.attributes)


def _statements(db: _Reader, roles: _Roles, coders: dict[int, str],
                entities: dict[tuple[int, str], _Entity]) -> list[_Statement]:
    """The statements of every type that has a concept and a person or organisation, in DNA's order."""
    types = {t for t in roles.concept if t in roles.person or t in roles.organisation}
    if not types:
        return []
    short: dict[tuple[int, int], str] = {}
    for sid, vid, value in db.rows("DATASHORTTEXT",
                                   "SELECT d.StatementId, d.VariableId, e.Value FROM DATASHORTTEXT d "
                                   "JOIN ENTITIES e ON e.ID = d.Entity"):
        short[(sid, vid)] = (value or "").strip()
    numbers: dict[tuple[int, int], int] = {}
    for table in ("DATABOOLEAN", "DATAINTEGER"):
        for sid, vid, value in db.rows(table, f"SELECT StatementId, VariableId, Value FROM {table}"):
            numbers[(sid, vid)] = int(value)
    out = []
    skipped = 0
    marks = ",".join("?" * len(types))
    for sid, stype, did, start, stop, coder in db.rows(
            "STATEMENTS", f"SELECT ID, StatementTypeId, DocumentId, Start, Stop, Coder FROM STATEMENTS "
                          f"WHERE StatementTypeId IN ({marks}) ORDER BY DocumentId, Start, Stop, ID", *sorted(types)):
        person = short.get((sid, roles.person.get(stype, -1)), "")
        organisation = short.get((sid, roles.organisation.get(stype, -1)), "")
        concept = short.get((sid, roles.concept[stype]), "")
        if not concept or not (person or organisation):
            skipped += 1
            continue
        stance = Stance.NEUTRAL
        if stype in roles.qualifier:
            vid, dtype = roles.qualifier[stype]
            value = numbers.get((sid, vid))
            if value is not None:
                if dtype == "boolean":
                    stance = Stance.SUPPORT if value else Stance.OPPOSE
                else:
                    stance = Stance.SUPPORT if value > 0 else Stance.OPPOSE if value < 0 else Stance.NEUTRAL
        out.append(_Statement(int(sid), int(did), int(start), int(stop), coders.get(coder), person, organisation,
                              concept, stance))
    if skipped:
        log.info("%s: skipped %d statements without a concept or without a person and organisation", db.path, skipped)
    return out
