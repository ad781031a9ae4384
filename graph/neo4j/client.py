"""Neo4j: push the canonical model to a Neo4j server, and ask it read-only Cypher.

The graph in Neo4j mirrors the RDF graph, record for record:

* one node per record, labelled as ``ontology/names.py`` says (``Document``, ``Source``,
  ``Stakeholder`` plus ``StakeholderGroup``/``Organisation``/``Person``, ``Theme``, ``Claim``,
  ``Position``, ``Passage``), carrying ``id``, ``iri`` (the RDF IRI: base IRI + id) and the
  record's fields as properties (lists as lists);
* relationships ``HELD_BY``, ``ON_CLAIM``, ``IN_DOCUMENT``, ``EVIDENCED_BY``, ``FROM_SOURCE``
  (from positions and passages), ``MEMBER_OF``, ``HAS_THEME``, ``BROADER``, ``CONTRADICTS``,
  ``REFINES``;
* one direct ``SUPPORTS`` or ``OPPOSES`` edge from stakeholder to claim per position (with the
  position id, strength, quantifier and document as properties), so the common questions are
  one line: ``MATCH (s:Stakeholder)-[:SUPPORTS]->(c:Claim)<-[:OPPOSES]-(o) RETURN c, s, o``.

Pushing creates the uniqueness constraints first (``id`` on every label), then writes in
batches of ``UNWIND $rows AS row MERGE ...``. A push is idempotent (a second one changes
nothing), and per document: pushing a document again replaces its positions, passages and
sources (those no longer in it are deleted) and touches nothing else.

Reading goes through :func:`run_read_query`, which runs in READ access mode with a time and a
row limit and refuses writes. Every driver error is translated here into
:mod:`stancegraph.graph.model.errors` classes; nothing from the driver escapes this module.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

import neo4j
from neo4j import exceptions as nx
from neo4j import graph as ng

from ...ontology import names as N
from ..model.errors import BackendError, BackendUnavailable, NotFound, QueryRejected, QueryTimeout, UsageError
from ..model.records import Bundle, Passage
from .mapping import (
    DELETE_STATEMENTS, HASH, KIND_LABELS, LABELS, REL, STANCE_REL, STATEMENTS, claim_props, document_props, passage_props,
    position_props, schema_statements, source_props, stakeholder_props, theme_props,
)
from ..model.settings import Settings, get_settings

T = TypeVar("T")

#: (stage, done, total): records written so far out of all records of the push
ProgressCallback = Callable[[str, int, int], None]

HOW_TO_START = (
    "start one with `scripts/neo4j-local start` and then `export NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_USER=neo4j "
    "NEO4J_PASSWORD=stancegraph-test`, or with `NEO4J_PASSWORD=... docker compose up neo4j` "
    "(then NEO4J_URI=bolt://127.0.0.1:7687); settings can also live in a .env file"
)

DEFAULT_BATCH_SIZE = 10_000
#: concurrent write sessions of a push: the server commits batches of one stage on this many cores
DEFAULT_WRITERS = 2


# --------------------------------------------------------------------------- connection

@dataclass(frozen=True)
class Connection:
    """Where and as whom to connect; built from settings, with an optional URI override."""

    uri: str
    user: str
    password: str | None
    database: str

    @classmethod
    def from_settings(cls, uri: str | None = None, settings: Settings | None = None) -> "Connection":
        settings = settings or get_settings()
        uri = uri or settings.neo4j_uri
        if not uri:
            raise BackendUnavailable(f"Neo4j is not configured (NEO4J_URI is not set): {HOW_TO_START}")
        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else None
        return cls(uri=uri, user=settings.neo4j_user, password=password, database=settings.neo4j_database)


def _driver_for(conn: Connection, *, retry_seconds: float = 5.0) -> neo4j.Driver:
    auth = (conn.user, conn.password) if conn.password is not None else None
    try:
        return neo4j.GraphDatabase.driver(conn.uri, auth=auth, connection_timeout=5.0,
                                          max_transaction_retry_time=retry_seconds, notifications_min_severity="OFF")
    except (ValueError, nx.ConfigurationError) as exc:
        raise UsageError(f"invalid Neo4j URI {conn.uri!r}: {_first_line(exc)} (expected e.g. bolt://127.0.0.1:7687)") from None


_DRIVERS: dict[Connection, neo4j.Driver] = {}
_DRIVERS_LOCK = threading.Lock()


def shared_driver(conn: Connection) -> neo4j.Driver:
    """One driver per connection for the life of the process (drivers pool connections and are thread-safe)."""
    with _DRIVERS_LOCK:
        driver = _DRIVERS.get(conn)
        if driver is None:
            driver = _DRIVERS[conn] = _driver_for(conn)
        return driver


@atexit.register
def close_drivers() -> None:
    """Close every shared driver (run at exit; tests call it to start afresh)."""
    with _DRIVERS_LOCK:
        for driver in _DRIVERS.values():
            driver.close()
        _DRIVERS.clear()


def _q(text: str) -> Any:
    """Query text for the driver, which types it as LiteralString; ours is built from the names table."""
    return cast(Any, text)


def _first_line(exc: BaseException) -> str:
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return str(text).strip().splitlines()[0]


def translate_error(exc: Exception, conn: Connection) -> Exception:
    """The stancegraph error for a driver error (the one place driver errors are translated)."""
    code = getattr(exc, "code", None) or ""
    msg = _first_line(exc)
    if isinstance(exc, nx.AuthError) or "Security.Unauthorized" in code:
        return BackendUnavailable(f"Neo4j at {conn.uri} refused the credentials of user {conn.user!r}: "
                                  "set NEO4J_USER and NEO4J_PASSWORD (scripts/neo4j-local uses neo4j / stancegraph-test)")
    if isinstance(exc, (nx.ServiceUnavailable, nx.SessionExpired, nx.ConnectionAcquisitionTimeoutError)):
        return BackendUnavailable(f"cannot reach Neo4j at {conn.uri} ({msg}); {HOW_TO_START}")
    if "TransactionTimedOut" in code or "Transaction.TransactionTimedOut" in code:
        return QueryTimeout(f"the Cypher query ran past its time limit; narrow it or add a LIMIT ({msg})")
    if "AccessMode" in code or "ForbiddenOnReadOnlyDatabase" in code or isinstance(exc, nx.ForbiddenOnReadOnlyDatabase):
        return QueryRejected(f"Cypher queries here are read-only: writes are not allowed ({msg})")
    if "Database.DatabaseNotFound" in code:
        return BackendUnavailable(f"Neo4j at {conn.uri} has no database {conn.database!r}: set NEO4J_DATABASE ({msg})")
    if isinstance(exc, nx.CypherSyntaxError) or "Statement.SyntaxError" in code:
        return QueryRejected(f"invalid Cypher: {msg}")
    if isinstance(exc, nx.ConstraintError):
        return BackendError(f"Neo4j constraint violated: {msg}")
    if isinstance(exc, nx.ClientError):
        return QueryRejected(f"Neo4j rejected the query: {msg}")
    if isinstance(exc, nx.TransientError) and "Terminated" in code:
        return QueryTimeout(f"the Cypher query was stopped by the server: {msg}")
    return BackendError(f"Neo4j error: {msg}")


_DRIVER_ERRORS = (nx.Neo4jError, nx.DriverError)


# --------------------------------------------------------------------------- reading

_STRING_OR_COMMENT = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.DOTALL)
_LOAD_CSV = re.compile(r"\bLOAD\s+CSV\b", re.IGNORECASE)
_CALL_PROC = re.compile(r"\bCALL\s+([A-Za-z_][\w.]*)\s*(?:\(|$|\s+YIELD\b)", re.IGNORECASE)
_LEADING_PLAN = re.compile(r"^\s*(EXPLAIN|PROFILE)\b", re.IGNORECASE)
#: procedures known to read only (the rest of dbms.* and every apoc.* are refused on the read path)
READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization", "db.schema.nodetypeproperties",
    "db.schema.reltypeproperties", "db.indexes", "db.constraints", "db.info", "db.ping", "dbms.components",
    "db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships", "db.index.vector.querynodes",
})


def _strip_literals(cypher: str) -> str:
    """The query with string literals, quoted names and comments blanked, for keyword checks."""
    return _STRING_OR_COMMENT.sub(" ", cypher)


def check_read_only_text(cypher: str) -> None:
    """Cheap checks on the text that the server's read mode does not cover: LOAD CSV and procedure calls."""
    bare = _strip_literals(cypher)
    if _LOAD_CSV.search(bare):
        raise QueryRejected("LOAD CSV is not allowed on the read-only Cypher path")
    for name in _CALL_PROC.findall(bare):
        if name.casefold() not in READ_PROCEDURES:
            raise QueryRejected(f"CALL {name} is not allowed on the read-only Cypher path (only known read-only "
                                f"procedures such as db.labels are)")


def plain_value(value: Any) -> Any:
    """A driver value as plain JSON-ready data: nodes and relationships as property maps, temporals as ISO text."""
    if isinstance(value, ng.Node):
        return {"_labels": sorted(value.labels), **{k: plain_value(v) for k, v in value.items()}}
    if isinstance(value, ng.Relationship):
        return {"_type": value.type, **{k: plain_value(v) for k, v in value.items()}}
    if isinstance(value, ng.Path):
        return [plain_value(x) for pair in zip(value.nodes, [*value.relationships, None]) for x in pair if x is not None]
    if isinstance(value, (list, tuple)):
        return [plain_value(v) for v in value]
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return str(value)


def run_read_query(cypher: str, *, uri: str | None = None, timeout: float | None = None, row_limit: int | None = None,
                   parameters: dict[str, Any] | None = None) -> tuple[list[str], list[list[Any]]]:
    """Run a read-only Cypher query; return its header and rows of plain values.

    The query runs in READ access mode with a transaction timeout (`timeout` seconds, default the
    ``query_timeout`` setting). Writes are refused with :class:`QueryRejected` before they run
    (from EXPLAIN's query type, when the server reports it) and by the server's read mode;
    ``LOAD CSV`` and procedures not known to be read-only are refused too. More than
    `row_limit` rows (default the ``query_row_limit`` setting) is :class:`QueryRejected`.
    """
    settings = get_settings()
    timeout = settings.query_timeout if timeout is None else timeout
    row_limit = settings.query_row_limit if row_limit is None else row_limit
    if not cypher.strip():
        raise QueryRejected("empty Cypher query")
    check_read_only_text(cypher)
    conn = Connection.from_settings(uri, settings)
    driver = shared_driver(conn)
    try:
        with driver.session(database=conn.database, default_access_mode=neo4j.READ_ACCESS) as session:
            if not _LEADING_PLAN.match(cypher):
                plan = session.run(cast(Any, neo4j.Query("EXPLAIN " + cypher, timeout=timeout)), parameters or {})
                query_type = plan.consume().query_type
                if query_type not in (None, "r"):
                    kind = {"w": "writes", "rw": "reads and writes", "s": "changes the schema or administers the server"}.get(query_type, query_type)
                    raise QueryRejected(f"Cypher queries here are read-only: this query {kind}")
            elif re.match(r"\s*PROFILE\b", cypher, re.IGNORECASE):
                raise QueryRejected("PROFILE runs the query; use EXPLAIN for a plan on the read-only path")
            result = session.run(cast(Any, neo4j.Query(cypher, timeout=timeout)), parameters or {})
            header = list(result.keys())
            rows: list[list[Any]] = []
            for record in result:
                if len(rows) >= row_limit:
                    raise QueryRejected(f"the result has more than {row_limit} rows (the row limit); "
                                        "add a LIMIT or narrow the query")
                rows.append([plain_value(v) for v in record.values()])
            summary = result.consume()
            if summary.counters.contains_updates or summary.counters.contains_system_updates:  # pragma: no cover
                raise QueryRejected("Cypher queries here are read-only: the query changed the graph")
    except _DRIVER_ERRORS as exc:
        raise translate_error(exc, conn) from None
    return header, rows


# --------------------------------------------------------------------------- pushing

@dataclass
class PushReport:
    """What a push did: records pushed, created, updated (changed content) and deleted by kind; seconds; totals after."""

    counts: dict[str, int] = field(default_factory=dict)
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    documents: list[str] = field(default_factory=list)
    seconds: float = 0.0
    nodes: int = 0
    relationships: int = 0


def _batches(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def check_references(bundle: Bundle) -> None:
    """Every position's stakeholder, claim, document and passages' documents must be in the bundle.

    A write matches the nodes it links to; checking first means a push never silently drops a record.
    """
    for p in bundle.positions.values():
        for what, ref, table in (("stakeholder", p.stakeholder, bundle.stakeholders), ("claim", p.claim, bundle.claims),
                                 ("document", p.document, bundle.documents)):
            if ref not in table:
                raise UsageError(f"position {p.id} refers to {what} {ref}, which is not in the pushed records")
        for e in p.evidence:
            if e.document not in bundle.documents:
                raise UsageError(f"position {p.id} quotes document {e.document}, which is not in the pushed records")


def restrict_to_documents(bundle: Bundle, documents: Iterable[str]) -> Bundle:
    """The records of `documents`, with the full records of the stakeholders, claims and themes they refer to.

    Unlike :meth:`Bundle.for_document`, shared records keep every field they have in the whole
    bundle (a claim's themes from all documents), so pushing one document never narrows them.
    """
    wanted = set(documents)
    missing = wanted - set(bundle.documents)
    if missing:
        raise NotFound(f"no document {sorted(missing)[0]!r} in the store")
    out = Bundle()
    for doc_id in sorted(wanted):
        part = bundle.for_document(doc_id)
        out.documents.update(part.documents)
        out.sources.update(part.sources)
        out.positions.update(part.positions)
        for name in ("stakeholders", "claims", "themes"):
            table = getattr(out, name)
            for rid in getattr(part, name):
                table[rid] = getattr(bundle, name)[rid]
    return out


@dataclass
class _Stage:
    name: str  # progress label, and the group a link stage follows
    key: str  # statement key in STATEMENTS
    rows: list[dict[str, Any]]
    label: str | None = None  # kind of node (a LABELS key), to split rows into new, changed and unchanged
    links_of: str | None = None  # a link stage: the links of the rows the named group wrote


_REFERENCE_FIELDS = ("document", "source", "evidence", "themes", "broader", "member_of", "contradicts", "refines",
                     "stakeholder", "claim")


def references(row: dict[str, Any]) -> set[str]:
    """The ids a row links to."""
    out: set[str] = set()
    for key in _REFERENCE_FIELDS:
        value = row.get(key)
        if isinstance(value, str):
            out.add(value)
        elif isinstance(value, list):
            out.update(value)
    return out


def content_hash(row: dict[str, Any]) -> str:
    """A short hash of a node's properties (and so of the links they name): equal hashes, nothing to write."""
    data = json.dumps({k: v for k, v in row.items() if k != HASH}, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.blake2b(data.encode("utf-8"), digest_size=10).hexdigest()


class Neo4jGraph:
    """A connection to one Neo4j database, for pushing the model and counting what is there.

    Driver errors never leave this class: they become :mod:`stancegraph.graph.model.errors` classes.
    """

    def __init__(self, uri: str | None = None, *, settings: Settings | None = None, writers: int = DEFAULT_WRITERS) -> None:
        if writers < 1:
            raise UsageError(f"writers must be at least 1, not {writers}")
        self.settings = settings or get_settings()
        self.conn = Connection.from_settings(uri, self.settings)
        self.base = self.settings.base_iri
        self.writers = writers
        # concurrent writers can deadlock on a shared claim or stakeholder: the server aborts one
        # transaction and the driver retries it, for up to a minute
        self._driver = _driver_for(self.conn, retry_seconds=60.0)
        try:
            self._guard(self._driver.verify_connectivity)
        except BaseException:
            self._driver.close()
            raise

    # ------------------------------------------------------------------ plumbing
    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> "Neo4jGraph":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _guard(self, fn: Callable[..., T], *args: Any, **kw: Any) -> T:
        try:
            return fn(*args, **kw)
        except _DRIVER_ERRORS as exc:
            raise translate_error(exc, self.conn) from None

    def _session(self) -> neo4j.Session:
        return self._driver.session(database=self.conn.database)

    def run(self, cypher: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one statement in its own write transaction; return its records as dicts."""
        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return [r.data() for r in tx.run(_q(cypher), parameters or {})]

        def call() -> list[dict[str, Any]]:
            with self._session() as session:
                return session.execute_write(work)

        return self._guard(call)

    def _write(self, statement: str, rows: Sequence[Any], size: int, tick: Callable[[int], None] | None = None,
               param: str = "rows") -> None:
        """Write `rows` in batches of `size`, one transaction each, over up to ``self.writers`` sessions at once.

        Batches of one statement are independent (distinct ids), so they may commit in any order;
        a deadlock between two writers is a transient error that the driver retries. After the
        first failure no further batch starts, and the failure is raised.
        """
        batches = list(_batches(rows, size))
        failed = threading.Event()

        def work(tx: neo4j.ManagedTransaction, batch: Sequence[Any]) -> None:
            tx.run(_q(statement), {param: list(batch)}).consume()

        def write_batch(batch: Sequence[Any]) -> None:
            if failed.is_set():
                return
            try:
                with self._session() as session:
                    session.execute_write(work, batch)
            except BaseException:
                failed.set()
                raise
            if tick:
                tick(len(batch))

        def call() -> None:
            if self.writers <= 1 or len(batches) <= 1:
                for batch in batches:
                    write_batch(batch)
                return
            with ThreadPoolExecutor(max_workers=min(self.writers, len(batches)), thread_name_prefix="neo4j-push") as pool:
                for future in [pool.submit(write_batch, batch) for batch in batches]:
                    future.result()

        self._guard(call)

    def _known_hashes(self, label: str, ids: Sequence[str], size: int = 50_000) -> dict[str, str | None]:
        """The content hash of each of `ids` that Neo4j holds as a `label` node (None for a node without one)."""
        out: dict[str, str | None] = {}
        stmt = f"UNWIND $ids AS ref MATCH (n:{label} {{id: ref}}) RETURN n.id AS id, n.{HASH} AS hash"

        def call() -> None:
            with self._session() as session:
                for batch in _batches(ids, size):
                    rows = session.execute_read(lambda tx, b: [tuple(r.values()) for r in tx.run(_q(stmt), ids=list(b))],
                                                batch)
                    out.update(rows)

        self._guard(call)
        return out

    def _hashes_in_documents(self, label: str, documents: Sequence[str]) -> dict[str, str | None]:
        stmt = f"UNWIND $docs AS doc MATCH (n:{label} {{document: doc}}) RETURN n.id AS id, n.{HASH} AS hash"

        def call() -> dict[str, str | None]:
            with self._session() as session:
                return dict(session.execute_read(
                    lambda tx: [tuple(r.values()) for r in tx.run(_q(stmt), docs=list(documents))]))

        return self._guard(call)

    # ------------------------------------------------------------------ schema and counts
    def ensure_schema(self) -> None:
        """Create the uniqueness constraints and indexes (idempotent), and wait until they are online."""
        def call() -> None:
            with self._session() as session:
                for stmt in schema_statements():
                    session.run(_q(stmt)).consume()
                session.run(_q("CALL db.awaitIndexes(300)")).consume()

        self._guard(call)

    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type, plus the totals ``nodes`` and ``relationships``."""
        out: dict[str, int] = {}
        for label in [*LABELS.values(), *KIND_LABELS.values()]:
            out[label] = self.run(f"MATCH (n:{label}) RETURN count(n) AS n")[0]["n"]
        for rel in [*REL.values(), *STANCE_REL.values()]:
            out[rel] = self.run(f"MATCH ()-[r:{rel}]->() RETURN count(r) AS n")[0]["n"]
        out["nodes"] = self.run("MATCH (n) RETURN count(n) AS n")[0]["n"]
        out["relationships"] = self.run("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
        return out

    def wipe(self, *, everything: bool = False) -> int:
        """Delete every stancegraph node and its relationships (or every node at all with `everything`).

        Other nodes stay unless `everything`. Returns how many nodes went. Relationships go first,
        then nodes, each in transactions of 10,000 rows, so dense nodes (a claim with 100,000
        positions) never need one huge transaction.
        """
        where = "true" if everything else " OR ".join(f"n:{label}" for label in LABELS.values())
        before = self.run(f"MATCH (n) WHERE {where} RETURN count(n) AS n")[0]["n"]

        def call() -> None:
            with self._session() as session:
                session.run(_q(f"MATCH (n)-[r]->() WHERE {where} "
                               "CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS")).consume()
                session.run(_q(f"MATCH (n) WHERE {where} "
                               "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")).consume()

        self._guard(call)
        return before

    # ------------------------------------------------------------------ push
    def push(self, bundle: Bundle, *, documents: Iterable[str] | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
             on_progress: ProgressCallback | None = None) -> PushReport:
        """Write `bundle` (or only `documents` of it); idempotent, and replacing each pushed document's records.

        Records Neo4j does not hold are created; those it holds with other content are updated in
        place; those it holds unchanged (same content hash) are left alone, so pushing again writes
        nothing. The positions, passages and sources of a pushed document that the bundle no longer
        has are deleted. Stakeholders, claims, themes and other documents are never deleted.
        """
        t0 = time.perf_counter()
        if documents is not None:
            bundle = restrict_to_documents(bundle, documents)
        check_references(bundle)
        base = self.base
        passages: dict[str, Passage] = {}
        for p in bundle.positions.values():
            for e in p.evidence:
                passages.setdefault(e.id, e)
        doc_ids = sorted(bundle.documents)
        stages = [
            _Stage("documents", "documents", [document_props(d, base) for d in bundle.documents.values()], "Document"),
            _Stage("sources", "sources", [source_props(s, base) for s in bundle.sources.values()], "Source"),
            _Stage("themes", "themes", [theme_props(t, base) for t in bundle.themes.values()], "Theme"),
            _Stage("themes", "theme_links", [], links_of="themes"),
            *[_Stage("stakeholders", f"stakeholders_{kind}",
                     [stakeholder_props(s, base) for s in bundle.stakeholders.values() if s.kind == kind], "Stakeholder")
              for kind in KIND_LABELS],
            _Stage("stakeholders", "stakeholder_links", [], links_of="stakeholders"),
            _Stage("claims", "claims", [claim_props(c, base) for c in bundle.claims.values()], "Claim"),
            _Stage("claims", "claim_links", [], links_of="claims"),
            _Stage("passages", "passages", [passage_props(p, base) for p in passages.values()], "Passage"),
            _Stage("positions", "positions", [position_props(p, base) for p in bundle.positions.values()], "Position"),
        ]
        for stage in stages:
            for row in stage.rows:
                row[HASH] = content_hash(row)
        total = sum(len(s.rows) for s in stages)
        done = 0

        progress_lock = threading.Lock()  # writers tick from their own threads

        def tick_for(stage: str) -> Callable[[int], None]:
            def tick(n: int) -> None:
                nonlocal done
                with progress_lock:
                    done += n
                    if on_progress:
                        on_progress(stage, done, total)
            return tick

        self.ensure_schema()
        report = PushReport(counts={**bundle.counts(), "passages": len(passages)}, documents=doc_ids)
        # what the pushed documents hold now: to delete what they lost, and to write only what is new or changed
        held = {kind: self._hashes_in_documents(LABELS[kind], doc_ids) for kind in ("Position", "Passage", "Source")}
        stale = {"positions": set(held["Position"]) - set(bundle.positions), "passages": set(held["Passage"]) - set(passages),
                 "sources": set(held["Source"]) - set(bundle.sources)}
        for kind, ids in stale.items():
            self._write(DELETE_STATEMENTS[kind], sorted(ids), batch_size, param="ids")
            report.deleted[kind] = len(ids)
        created: set[str] = set()  # ids created by this push: a record linking to one must write its links
        changed: dict[str, list[dict[str, Any]]] = {}  # rows written, by stage group, for the link stages
        for stage in stages:
            tick = tick_for(stage.name)
            if stage.links_of is not None:
                written = changed.get(stage.links_of, [])
                ids = {r["id"] for r in written}
                late = [r for st in stages if st.name == stage.links_of and st.links_of is None for r in st.rows
                        if r["id"] not in ids and not created.isdisjoint(references(r))]
                self._write(STATEMENTS[stage.key]["update"], written + late, batch_size)
                continue
            assert stage.label is not None
            known = held.get(stage.label)
            if known is None:
                known = self._known_hashes(LABELS[stage.label], [r["id"] for r in stage.rows])
            new = [r for r in stage.rows if r["id"] not in known]
            dirty = [r for r in stage.rows if r["id"] in known
                     and (known[r["id"]] != r[HASH] or not created.isdisjoint(references(r)))]
            skipped = len(stage.rows) - len(new) - len(dirty)
            self._write_rows(stage, new, dirty, batch_size, tick)
            if skipped:
                tick(skipped)
            created.update(r["id"] for r in new)
            changed.setdefault(stage.name, []).extend(new + dirty)
            kind = stage.name
            report.created[kind] = report.created.get(kind, 0) + len(new)
            report.updated[kind] = report.updated.get(kind, 0) + len(dirty)
        report.seconds = time.perf_counter() - t0
        totals = self.run("MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels")
        report.nodes, report.relationships = totals[0]["nodes"], totals[0]["rels"]
        return report

    def _write_rows(self, stage: _Stage, new: list[dict[str, Any]], dirty: list[dict[str, Any]], batch_size: int,
                    tick: Callable[[int], None]) -> None:
        if stage.key == "positions":  # new positions by stance, each with its own direct edge type
            for stance in ("support", "oppose", "neutral"):
                rows = [r for r in new if r["stance"] == stance]
                self._write(STATEMENTS[f"positions_{stance}"]["create"], rows, batch_size, tick)
            self._write(STATEMENTS["positions"]["update"], dirty, batch_size, tick)
            self._write(STATEMENTS["position_sources"]["update"],
                        dirty + [r for r in new if r["source"] is not None], batch_size)
            return
        self._write(STATEMENTS[stage.key]["create"], new, batch_size, tick)
        self._write(STATEMENTS[stage.key]["update"], dirty, batch_size, tick)


def push_bundle(bundle: Bundle, *, uri: str | None = None, documents: Iterable[str] | None = None, wipe: bool = False,
                batch_size: int = DEFAULT_BATCH_SIZE, writers: int = DEFAULT_WRITERS,
                on_progress: ProgressCallback | None = None) -> PushReport:
    """Push `bundle` to the Neo4j of the settings (or `uri`); see :meth:`Neo4jGraph.push`."""
    with Neo4jGraph(uri, writers=writers) as graph:
        if wipe:
            graph.wipe()
        return graph.push(bundle, documents=documents, batch_size=batch_size, on_progress=on_progress)
