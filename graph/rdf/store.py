"""The embedded RDF store: an on-disk pyoxigraph (RocksDB) dataset in a folder, answering SPARQL 1.1.

Layout of the dataset:

* one named graph per loaded document, named by the document's IRI, holding everything that
  document needs (its sources, positions, passages, and the stakeholders, claims and themes
  they refer to), so a document is replaced or removed by replacing or dropping one graph;
* ``<base>graph/shared`` for records no document owns (theme schemes, unattached stakeholders);
* ``<base>graph/meta`` for the store's write counter (``sg:writeCount``, bumped in the transaction of every
  write) and its id (``sg:storeId``): kept out of the union, the exports, ``GRAPH ?g`` answers and the stats;
* the default graph, kept equal to the RDF merge (set union) of all named graphs but the meta graph.

Why a materialised default graph rather than pyoxigraph's ``use_default_graph_as_union``:
that option gives bag semantics, so a stakeholder described in two documents is counted
twice by ``SELECT (COUNT(?s) AS ?n) { ?s a sg:Stakeholder }`` (measured with pyoxigraph
0.5.13). Researchers expect the union to be a set, as SPARQL's RDF merge is; keeping the
default graph as that set gives exact counts with plain queries.

Every load lands whole or not at all, and loading the same input again changes nothing. A load is one
transaction (one pyoxigraph `extend` for new documents, one SPARQL update holding the difference for replaced
ones, the default graph updated in it, never rebuilt), except a large load of new documents (``bulk_load_quads``
quads or more): one transaction that size holds every quad in memory and is slow, so those quads are built from
the records, checked and written a chunk at a time (:mod:`.chunks`) with pyoxigraph's bulk loader under a
recovery mark in the meta graph (``sg:pendingGraph``, one per new graph), set before the first piece and cleared in the transaction that ends the load. A load cut short
(an error, a kill, a power cut) leaves the mark behind; the load is undone when it fails, or when the store
next opens: its graphs are dropped, with the default-graph triples no other graph holds.
RocksDB lets one process open a store for writing; a second gets :class:`BackendUnavailable`.
"""

from __future__ import annotations

import itertools
import re
import threading
import uuid
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import IO, Any, cast

import pyoxigraph as ox

from ...ontology import names as N
from ..model.errors import BackendUnavailable, NotFound, QueryRejected, QueryTimeout, UsageError
from ..model.records import Bundle
from .chunks import Chunk, RecordTypes, plan_chunks
from .mapping import Term, bundle_from_triples, bundle_triples, node
from .shapes import Result, check_triples
from .sparql_text import check_shape, explicit_projection, is_repeatable, read_sparql, remote_keyword
from .validate import fail_on, validate_triples

__all__ = ["Store", "QueryOutcome", "LoadReport", "open_store", "is_repeatable", "remote_keyword", "default_graph_write"]

SHARED_GRAPH = "graph/shared"
META_GRAPH = "graph/meta"  # the write counter and the store's id; no data
STAGING_PREFIX = "graph/staging/"  # loads land here first, then move in one transaction
_PIECE_QUADS = 200_000  # quads per bulk_load call in a load in pieces: each call costs RocksDB an ingest, so fewer is faster

_DEFAULT_TARGET = re.compile(r"\b(?:ADD|MOVE|COPY)\b[^;]*?\bTO\s+(?:GRAPH\s+)?DEFAULT\b|\b(?:CLEAR|DROP)\s+(?:SILENT\s+)?DEFAULT\b",
                             re.IGNORECASE)
_BLOCK_START = re.compile(r"\b(INSERT\s+DATA|DELETE\s+DATA|DELETE\s+WHERE|INSERT|DELETE)\s*\{", re.IGNORECASE)
_GRAPH_BLOCK = re.compile(r"GRAPH\s*(?:[?$]\w+|[\w.-]*:[\w.-]*|_)?\s*\{", re.IGNORECASE)
_WITH = re.compile(r"(?<![\w:?$])WITH\b", re.IGNORECASE)
_BRACE = re.compile(r"[{}]")
_BRACE_OR_SEMICOLON = re.compile(r"[{};]")
_FILLER = re.compile(r"[\s.]*")
_DEFAULT_GRAPH_HINT = ("the default graph is the union of the named graphs and is rebuilt after every update, so ")


def _closing_brace(text: str, start: int) -> int:
    """Index of the brace closing the block whose content starts at `start` (len(text) if unclosed).

    The scans here visit only braces and semicolons (found by regex), so a 50 MB ``INSERT DATA``
    costs a few of them, not a Python step per character.
    """
    depth = 1
    for m in _BRACE.finditer(text, start):
        depth += 1 if m.group() == "{" else -1
        if depth == 0:
            return m.start()
    return len(text)


def _has_default_triples(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a template or data block) holds triples outside ``GRAPH ... { }``."""
    i = start
    while True:
        i = _FILLER.match(text, i, end).end()  # type: ignore[union-attr]  # (matches the empty string too)
        if i >= end:
            return False
        m = _GRAPH_BLOCK.match(text, i, end)
        if not m:
            return True
        i = _closing_brace(text, m.end()) + 1


def default_graph_write(sparql: str) -> str | None:
    """Why an update would write to the default graph (which holds the union and is rebuilt), or None.

    >>> default_graph_write("INSERT DATA { GRAPH <http://g> { <http://a> <http://b> 'c' } }") is None
    True
    >>> default_graph_write("INSERT DATA { <http://a> <http://b> 'c' }")[:40]
    'it inserts triples outside GRAPH { ... }'
    """
    return _default_write_in(read_sparql(sparql).code)


def _default_write_in(text: str) -> str | None:
    """:func:`default_graph_write` on the code of an update (:func:`~.sparql_text.read_sparql`)."""
    if _DEFAULT_TARGET.search(text):
        return "it writes to DEFAULT; " + _DEFAULT_GRAPH_HINT + "name a graph instead (GRAPH <iri>)"
    # operations end at a top-level ';' (as index ranges: no copies of a large update)
    ops, depth, start = [], 0, 0
    for m in _BRACE_OR_SEMICOLON.finditer(text):
        ch = m.group()
        if ch == ";":
            if depth == 0:
                ops.append((start, m.start()))
                start = m.end()
        else:
            depth += 1 if ch == "{" else -1
    ops.append((start, len(text)))
    for op_start, op_end in ops:
        first_brace = text.find("{", op_start, op_end)
        # WITH <g> before the first block makes <g> the target of that operation's templates
        with_graph = bool(_WITH.search(text, op_start, op_end if first_brace < 0 else first_brace))
        for m in _BLOCK_START.finditer(text, op_start, op_end):
            kind = " ".join(m.group(1).upper().split())
            if kind in ("INSERT", "DELETE") and with_graph:
                continue
            if _has_default_triples(text, m.end(), min(_closing_brace(text, m.end()), op_end)):
                if kind.startswith("INSERT"):
                    return ("it inserts triples outside GRAPH { ... }; " + _DEFAULT_GRAPH_HINT
                            + "they would be lost: put them inside GRAPH <iri> { ... }")
                return ("it deletes triples outside GRAPH { ... }; " + _DEFAULT_GRAPH_HINT
                        + "nothing would be deleted: delete inside GRAPH ?g { ... } (or a whole document with "
                        "DELETE /documents/{id})")
    return None


@dataclass
class LoadReport:
    """What a load did: per document, the triples it now holds; totals before and after."""

    documents: dict[str, int] = field(default_factory=dict)
    replaced: list[str] = field(default_factory=list)
    quads_before: int = 0
    quads_after: int = 0
    counts: dict[str, int] = field(default_factory=dict)


#: the W3C result formats of SELECT and ASK outcomes
RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}


@dataclass
class QueryOutcome:
    """A finished query: `kind` is select, ask or graph.

    The result is kept as pyoxigraph serialised it (`data`: SPARQL TSV results for select, N-Triples for
    graph, one line per row or triple): :meth:`serialize` converts it to the other formats with pyoxigraph,
    and `rows` and `triples` read it back into terms only when Python code asks for them.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    boolean: bool | None = None
    data: bytes = b""
    count: int = 0

    @cached_property
    def rows(self) -> list[list[Term | None]]:
        if self.kind != "select":
            return []
        solutions = ox.parse_query_results(self.data, format=ox.QueryResultsFormat.TSV)
        return [[sol[v] for v in self.variables] for sol in cast(ox.QuerySolutions, solutions)]

    @cached_property
    def triples(self) -> list[ox.Triple]:
        if self.kind != "graph":
            return []
        return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(self.data, format=ox.RdfFormat.N_TRIPLES)]

    def serialize(self, fmt: str) -> bytes:
        """A select or ask outcome in a W3C result format: json, xml, csv or tsv (pyoxigraph's serialisers)."""
        if self.kind == "graph":
            raise UsageError("CONSTRUCT and DESCRIBE answer graphs: ask for an RDF format")
        target = RESULT_FORMATS[fmt]
        if self.kind == "ask":
            parsed = ox.parse_query_results(b'{"head":{},"boolean":%s}' % (b"true" if self.boolean else b"false"),
                                            format=ox.QueryResultsFormat.JSON)
        elif fmt == "tsv":
            return self.data
        else:
            parsed = ox.parse_query_results(self.data, format=ox.QueryResultsFormat.TSV)
        return parsed.serialize(format=target) or b""

    def table(self) -> tuple[list[str], list[list[str | None]]]:
        """Header and rows of plain strings (IRIs and literal values), for tables."""
        if self.kind == "ask":
            return ["boolean"], [["true" if self.boolean else "false"]]
        if self.kind == "graph":
            return ["subject", "predicate", "object"], [
                [term_text(t.subject), term_text(t.predicate), term_text(t.object)] for t in self.triples]
        return self.variables, [[term_text(v) for v in row] for row in self.rows]


class _Capped:
    """A binary sink for pyoxigraph's serialisers that stops them past a row limit or a deadline.

    Rows are lines (TSV results and N-Triples escape line breaks inside terms); pyoxigraph writes in
    chunks of about 8 KB, so the limits are checked that often.
    """

    def __init__(self, limit: int | None, deadline: float | None, timeout: float | None) -> None:
        self.chunks: list[bytes] = []
        self.lines = 0
        self.limit, self.deadline, self.timeout = limit, deadline, timeout

    def write(self, chunk: bytes) -> int:
        import time

        self.chunks.append(bytes(chunk))
        self.lines += chunk.count(b"\n")
        if self.limit is not None and self.lines > self.limit + 1:  # the header line of TSV, or one too many
            raise QueryRejected(f"the result has more than {self.limit} rows (the row limit); add a LIMIT or narrow the query")
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise QueryTimeout(f"the query ran past the time limit of {self.timeout} s; narrow it or add a LIMIT")
        return len(chunk)

    def flush(self) -> None:
        pass

    def value(self) -> bytes:
        return b"".join(self.chunks)


def term_text(term: Term | None) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def _open(path: Path | None, base: str) -> ox.Store:
    try:
        return ox.Store(str(path)) if path is not None else ox.Store()
    except OSError as exc:
        msg = str(exc)
        if "lock" in msg.lower():
            raise BackendUnavailable(
                f"the store at {path} is in use by another process (a running `stancegraph serve`?); "
                "stop it, or use its HTTP API, or pass another --store") from None
        raise BackendUnavailable(f"cannot open the store at {path}: {msg.splitlines()[0]}") from None


class Store:
    """An embedded SPARQL store in a folder (or in memory when `path` is None)."""

    def __init__(self, path: str | Path | None = None, *, base: str = N.DEFAULT_BASE, max_parallel_queries: int = 4,
                 bulk_load_quads: int | None = None):
        if not base.endswith(("/", "#")):
            raise UsageError(f"base IRI must end with / or #: {base}")
        self.path = Path(path) if path is not None else None
        if self.path is not None:
            self.path.mkdir(parents=True, exist_ok=True)
        self.base = base
        self._ox = _open(self.path, base)
        self._write_lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=max_parallel_queries, thread_name_prefix="sparql")
        self._slots = threading.BoundedSemaphore(max_parallel_queries)
        self.generation = 0  # bumped by every write; caches key on it
        if bulk_load_quads is None:
            from ..model.settings import get_settings

            bulk_load_quads = get_settings().bulk_load_quads
        self.bulk_load_quads = bulk_load_quads  # loads this large are written in pieces (0: never)
        self._drop_staging()  # leftovers of a load killed between its two steps
        self._undo_pending()  # a load in pieces that was cut short

    # ------------------------------------------------------------------ life cycle
    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        try:
            self._ox.flush()
        except OSError:  # pragma: no cover - in-memory stores cannot flush
            pass
        del self._ox

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def writing(self) -> bool:
        """Whether a write (a load, an update, a removal) holds this store's write lock right now."""
        return self._write_lock.locked()

    # ------------------------------------------------------------------ reading
    def __len__(self) -> int:
        """Number of quads in all graphs (named graphs and the default graph), the meta graph left out."""
        meta = ox.NamedNode(self.base + META_GRAPH)
        return len(self._ox) - sum(1 for _ in self._ox.quads_for_pattern(None, None, None, meta))

    # ------------------------------------------------------------------ the write counter
    def write_mark(self) -> tuple[str, int]:
        """(store id, write count), both kept in the store: every write bumps the count in its own transaction,
        so the mark changes with any write, by this process or another, and survives restarts.
        A store no write has touched yet answers ``("", 0)``."""
        meta = ox.NamedNode(self.base + META_GRAPH)
        count, sid = 0, ""
        for q in self._ox.quads_for_pattern(meta, None, None, meta):
            if q.predicate.value == N.SG + "writeCount":  # the largest, should a crash leave two behind
                count = max(count, int(cast(ox.Literal, q.object).value))
            elif q.predicate.value == N.SG + "storeId":
                sid = cast(ox.Literal, q.object).value
        return sid, count

    def _bump(self) -> str:
        """The update that adds one to the write count (and gives the store an id if it has none)."""
        g, n, i = self.base + META_GRAPH, N.SG + "writeCount", N.SG + "storeId"
        return (f"DELETE {{ GRAPH <{g}> {{ <{g}> <{n}> ?n }} }} INSERT {{ GRAPH <{g}> {{ <{g}> <{n}> ?m . <{g}> <{i}> ?id }} }} "
                f"WHERE {{ OPTIONAL {{ GRAPH <{g}> {{ <{g}> <{n}> ?n }} }} OPTIONAL {{ GRAPH <{g}> {{ <{g}> <{i}> ?old }} }} "
                f"BIND(COALESCE(?n + 1, 1) AS ?m) BIND(COALESCE(?old, STRUUID()) AS ?id) }}")

    def _bump_quads(self) -> tuple[list[ox.Quad], list[ox.Quad]]:
        """(the count's quads now, the quads that raise it by one) for a write made with ``extend``."""
        meta = ox.NamedNode(self.base + META_GRAPH)
        n, i = ox.NamedNode(N.SG + "writeCount"), ox.NamedNode(N.SG + "storeId")
        sid, count = self.write_mark()
        stale = list(self._ox.quads_for_pattern(meta, n, None, meta))
        bump = [ox.Quad(meta, n, ox.Literal(str(count + 1), datatype=ox.NamedNode(N.XSD + "integer")), meta)]
        if not sid:
            bump.append(ox.Quad(meta, i, ox.Literal(str(uuid.uuid4())), meta))
        return stale, bump

    def quads(self) -> Iterator[ox.Quad]:
        """The quads of every named graph (documents, shared, themes), not the union or the meta graph."""
        meta = self.base + META_GRAPH
        for q in self._ox.quads_for_pattern(None, None, None):
            if not isinstance(q.graph_name, ox.DefaultGraph) and q.graph_name.value != meta:
                yield q

    def _hide_meta(self, sparql: str, dataset: dict[str, Any]) -> None:
        """Keep the meta graph out of a query's named graphs (``GRAPH ?g``), unless the query names its own."""
        meta = self.base + META_GRAPH
        if "named_graphs" in dataset:
            dataset["named_graphs"] = [g for g in dataset["named_graphs"] if g.value != meta]
        elif re.search(r"\bGRAPH\b", sparql, re.IGNORECASE) and not re.search(r"\bFROM\b", sparql, re.IGNORECASE):
            dataset["named_graphs"] = [g for g in self._ox.named_graphs() if not (isinstance(g, ox.NamedNode) and g.value == meta)]

    def graph_iri(self, document_id: str) -> ox.NamedNode:
        try:
            return node(document_id, self.base)
        except ValueError:  # not an IRI-safe id, so no document can have it
            raise NotFound(f"no document {document_id!r} in the store") from None

    def document_ids(self) -> list[str]:
        q = f"SELECT ?d WHERE {{ GRAPH ?d {{ ?d a <{N.SG}Document> }} }} ORDER BY ?d"
        return [sol["d"].value[len(self.base):] for sol in cast(ox.QuerySolutions, self._ox.query(q))]

    def has_document(self, document_id: str) -> bool:
        return self._ox.contains_named_graph(self.graph_iri(document_id))

    def triples(self, document_id: str | None = None) -> Iterator[ox.Triple]:
        """The triples of one document's graph, or of the default graph (the union of all)."""
        graph: ox.NamedNode | ox.DefaultGraph
        if document_id is None:
            graph = ox.DefaultGraph()
        else:
            if not self.has_document(document_id):
                raise NotFound(f"no document {document_id!r} in the store")
            graph = self.graph_iri(document_id)
        for q in self._ox.quads_for_pattern(None, None, None, graph):
            yield ox.Triple(q.subject, q.predicate, q.object)

    def bundle(self, document_id: str | None = None) -> Bundle:
        """The model records of one document, or of the whole store."""
        return bundle_from_triples(self.triples(document_id), self.base)

    def count(self, class_name: str) -> int:
        """Number of distinct instances of an ``sg:`` class in the union, e.g. ``count("Position")``."""
        q = f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a <{N.SG}{class_name}> }}"
        return int(next(iter(cast(ox.QuerySolutions, self._ox.query(q))))["n"].value)

    def stats(self) -> dict[str, int]:
        out = {name.lower() + "s": self.count(name)
               for name in ("Document", "Source", "Stakeholder", "Theme", "Claim", "Position", "Passage")}
        out["quads"] = len(self)  # (the meta graph left out)
        return out

    def query(self, sparql: str, *, timeout: float | None = None, row_limit: int | None = None,
              default_graph: list[str] | None = None, named_graphs: list[str] | None = None,
              base_iri: str | None = None) -> QueryOutcome:
        """Run a read-only SPARQL query with an optional time limit (seconds) and row limit.

        `default_graph` and `named_graphs` (graph IRIs) replace the query's dataset, as the SPARQL
        protocol's ``default-graph-uri`` and ``named-graph-uri`` do; `base_iri` resolves relative IRIs.
        Updates, SERVICE calls to other endpoints, and queries nested too deep or too large for the engine
        (:func:`~.sparql_text.check_shape`) are rejected before the engine sees them. When the time limit is
        hit, :class:`QueryTimeout` is raised at once; the engine cannot be interrupted, so the
        query finishes in its worker thread, and at most `max_parallel_queries` run at once.
        """
        check_shape(sparql)
        if remote_keyword(sparql):
            raise QueryRejected("SERVICE (federated queries to other endpoints) is not allowed here")
        dataset = _dataset(default_graph, named_graphs, base_iri)
        self._hide_meta(sparql, dataset)
        if not self._slots.acquire(timeout=timeout):
            raise QueryTimeout(f"the server is busy: no query slot became free within {timeout} s")
        try:
            future = self._pool.submit(self._run_query, sparql, timeout, row_limit, dataset)
        except RuntimeError:  # pool shut down
            self._slots.release()
            raise BackendUnavailable("the store is closed") from None
        future.add_done_callback(lambda _f: self._slots.release())
        try:
            return future.result(timeout=timeout)
        except FutureTimeout:
            raise QueryTimeout(f"the query ran past the time limit of {timeout} s; narrow it or add a LIMIT") from None

    def _run_query(self, sparql: str, timeout: float | None, row_limit: int | None,
                   dataset: dict[str, Any] | None = None) -> QueryOutcome:
        import time

        deadline = None if timeout is None else time.monotonic() + timeout
        result = self._evaluate(sparql, dataset)
        # pyoxigraph results are bound to the thread that made them: consume and drop them here,
        # and never let an exception carry them (through its traceback) to another thread.
        try:
            if isinstance(result, ox.QueryBoolean):
                return QueryOutcome(kind="ask", boolean=bool(result))
            if isinstance(result, ox.QuerySolutions):
                variables = [v.value for v in result.variables]
                spelled = explicit_projection(sparql, variables)  # SELECT * in the order the query names them
                if spelled is not None:
                    result = None
                    result = self._evaluate(spelled, dataset)
                    variables = [v.value for v in cast(ox.QuerySolutions, result).variables]
                sink = _Capped(row_limit, deadline, timeout)
                cast(ox.QuerySolutions, result).serialize(cast(IO[bytes], sink), format=ox.QueryResultsFormat.TSV)
                return QueryOutcome(kind="select", variables=variables, data=sink.value(), count=max(sink.lines - 1, 0))
            sink = _Capped(None if row_limit is None else row_limit - 1, deadline, timeout)
            cast(ox.QueryTriples, result).serialize(cast(IO[bytes], sink), format=ox.RdfFormat.N_TRIPLES)
            return QueryOutcome(kind="graph", data=sink.value(), count=sink.lines)
        except (QueryRejected, QueryTimeout) as exc:
            raise type(exc)(str(exc)) from None
        except OSError as exc:  # pragma: no cover - storage failure
            raise BackendUnavailable(f"store error: {str(exc).splitlines()[0]}") from None
        finally:
            result = None

    def _evaluate(self, sparql: str, dataset: dict[str, Any] | None) -> Any:
        try:
            return self._ox.query(sparql, prefixes=dict(N.PREFIXES), **(dataset or {}))
        except SyntaxError as exc:
            msg = str(exc).splitlines()[0]
            if re.match(r"\s*(PREFIX\s+\S+\s*<[^>]*>\s*|BASE\s*<[^>]*>\s*)*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
                        sparql, re.IGNORECASE):
                raise QueryRejected("this endpoint is read-only: SPARQL updates are not allowed") from None
            raise QueryRejected(f"invalid SPARQL query: {msg}") from None
        except OSError as exc:  # pragma: no cover - storage failure
            raise BackendUnavailable(f"store error: {exc}") from None

    # ------------------------------------------------------------------ writing
    def load(self, bundle: Bundle, *, validate: bool = True, label: str = "input") -> LoadReport:
        """Store a bundle in one transaction, replacing the graphs of the documents it holds.

        The default graph (the union) is kept up to date in the same transaction: a new document's
        triples are added to its named graph and to the default graph in one ``extend``; a replaced
        document changes by its difference with the stored version, in one update that also removes
        from the default graph the triples no other named graph still holds. A large load of new documents
        is built, checked and written a chunk at a time instead (:meth:`_add_new_streamed`).
        """
        for p in bundle.positions.values():
            if p.document not in bundle.documents and not self.has_document(p.document):
                raise UsageError(f"{label}: position {p.id} refers to document {p.document}, which is not loaded")
        parts = {self.graph_iri(doc_id).value: part for doc_id, part in sorted(bundle.by_document().items())}
        documentless = bundle.documentless()
        report = LoadReport(counts=bundle.counts())
        graphs: dict[str, list[ox.Triple]] | None = None
        shared: list[ox.Triple] = []
        plan = None
        if self.bulk_load_quads and not any(self._ox.contains_named_graph(ox.NamedNode(g)) for g in parts):
            plan = plan_chunks(bundle, parts, documentless, self.base, shared_graph=self.base + SHARED_GRAPH,
                               quads=min(_PIECE_QUADS, self.bulk_load_quads))
        if plan is not None:
            stream = iter(plan)
            head, quads = [], 0
            for chunk in stream:  # a load smaller than bulk_load_quads is gathered whole, and stored as below
                head.append(chunk)
                quads += 2 * len(chunk.triples) if chunk.graph in parts else 0
                if quads >= self.bulk_load_quads:
                    break
            if quads >= self.bulk_load_quads:
                with self._write_lock:
                    if not any(self._ox.contains_named_graph(ox.NamedNode(g)) for g in parts):
                        report.quads_before = len(self)
                        written = self._add_new_streamed(itertools.chain(head, stream), plan.types, list(parts),
                                                         report=report, validate=validate, label=label)
                        # into an empty store, every quad written was new (a count of the store is a scan of it)
                        report.quads_after = written if report.quads_before == 0 else len(self)
                        return report
                head.extend(stream)  # another load stored one of these documents meanwhile: replace it, whole
            graphs = {g: [] for g in parts}
            for chunk in head:
                (graphs[chunk.graph] if chunk.graph in parts else shared).extend(chunk.triples)
        else:
            graphs = {g: list(dict.fromkeys(bundle_triples(part, self.base))) for g, part in parts.items()}
            shared = list(dict.fromkeys(bundle_triples(documentless, self.base)))
        if validate:
            validate_triples(_chain(graphs.values(), shared), label=label)
        with self._write_lock:
            report.quads_before = len(self)
            replaced = [g for g in graphs if self._ox.contains_named_graph(ox.NamedNode(g))]
            for g, ts in graphs.items():
                report.documents[g[len(self.base):]] = len(ts)
            report.replaced = [g[len(self.base):] for g in replaced]
            blank = _has_blank_nodes(_chain(graphs.values(), shared))
            if not replaced and not blank and self.bulk_load_quads \
                    and 2 * sum(report.documents.values()) >= self.bulk_load_quads:
                self._add_new_in_pieces(graphs, shared)
            elif not replaced:
                self._add_new(graphs, shared)
            elif not blank and not any(self._graph_has_blank_nodes(g) for g in replaced):
                self._replace_by_difference(graphs, replaced, shared)
            else:  # blank nodes cannot be named in DELETE DATA: swap whole graphs through staging
                self._replace_by_staging(graphs, shared)
            report.quads_after = len(self)
        return report

    def _add_new_streamed(self, chunks: Iterable[Chunk], types: RecordTypes, graphs: list[str], *,
                          report: LoadReport, validate: bool, label: str) -> int:
        """New documents, many quads, built from the records a chunk at a time (:mod:`.chunks`): each chunk is
        checked against the shapes, then written by the bulk loader, under the recovery mark of
        :meth:`_add_new_in_pieces`, so memory is bounded by the chunk, not by the load.

        The bulk loader writes a chunk in a worker thread (it lets go of the GIL) while the next chunk is built and
        checked here (one call a chunk: on two cores, calls of about 50,000 quads took two thirds of the time of
        calls of 500,000), parsing leniently (the text is pyoxigraph's own writing of valid terms). A chunk's
        triples go to its graph, and to the default graph only those no earlier chunk of the load wrote there
        (:attr:`.Chunk.fresh`). A chunk that breaks a shape stops the writing; the rest are still checked, so the
        error names the first failure of the whole load and counts them all, and the load is undone. The shared records (few) are written the same
        way when the store has no shared graph yet (that graph is then pending too, and undone with the rest);
        otherwise in the update that clears the mark. Record triples have no blank nodes, which the bulk loader
        would rename. Returns the number of quads the bulk loader was given (all distinct: a node's triples are
        in a graph once, and fresh once).
        """
        named = set(graphs)
        for g in graphs:
            report.documents[g[len(self.base):]] = 0
        shared_graph = self.base + SHARED_GRAPH
        bulk = set(named)
        if not self._ox.contains_named_graph(ox.NamedNode(shared_graph)):
            bulk.add(shared_graph)
        mark = self._pending_mark(sorted(bulk))
        self._update(f"INSERT DATA {{ {mark} }} ;\n" + self._bump())
        results: list[Result] = []
        shared: list[ox.Triple] = []
        written = 0
        writing: Future[None] | None = None
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="bulk-load") as writer:
            try:
                for chunk in chunks:
                    if validate and chunk.fresh:
                        results += check_triples(chunk.fresh, classes=types)
                    if chunk.graph in named:
                        report.documents[chunk.graph[len(self.base):]] += len(chunk.triples)
                    elif chunk.graph not in bulk:
                        shared += chunk.triples
                        continue
                    if results:
                        continue
                    text = _chunk_nquads(chunk)
                    written += len(chunk.triples) + len(chunk.fresh)
                    if writing is not None:
                        writing.result()
                    writing = writer.submit(self._ox.bulk_load, text, format=ox.RdfFormat.N_QUADS, lenient=True)
                if writing is not None:
                    writing.result()
                fail_on(results, label=label)
                self._finish_pending(mark, shared)
            except BaseException as exc:
                if writing is not None:
                    wait([writing])  # (its own error, if any, is the one raised below or already raised)
                self._undo_pending()
                if isinstance(exc, OSError):
                    raise BackendUnavailable(f"store write failed: {str(exc).splitlines()[0]}") from None
                raise
        return written

    def _add_new(self, graphs: dict[str, list[ox.Triple]], shared: list[ox.Triple]) -> None:
        """New documents only: their graphs and the default graph in one ``extend`` (one transaction)."""
        default = ox.DefaultGraph()

        def quads() -> Iterator[ox.Quad]:
            for g, ts in [*graphs.items(), (self.base + SHARED_GRAPH, shared)]:
                name = ox.NamedNode(g)
                for t in ts:
                    yield ox.Quad(t.subject, t.predicate, t.object, name)
                    yield ox.Quad(t.subject, t.predicate, t.object, default)

        stale, bump = self._bump_quads()
        try:
            self._ox.extend(itertools.chain(quads(), bump))  # the write count rises in the same transaction
        except OSError as exc:
            raise BackendUnavailable(f"store write failed: {str(exc).splitlines()[0]}") from None
        for q in stale:  # the count before: write_mark reads the largest, so this tidying may fail harmlessly
            self._ox.remove(q)
        self.generation += 1

    def _add_new_in_pieces(self, graphs: dict[str, list[ox.Triple]], shared: list[ox.Triple]) -> None:
        """New documents, many quads: written by the bulk loader in pieces under a recovery mark.

        1. one update sets the mark (each new graph's name) and bumps the write count;
        2. the graphs and their share of the default graph go in, a piece at a time;
        3. one update adds the shared records, clears the mark and bumps the count again.
        A failure in 2 or 3 undoes the load here; a kill leaves the mark, and the next open undoes it.
        """
        mark = self._pending_mark(graphs)
        self._update(f"INSERT DATA {{ {mark} }} ;\n" + self._bump())
        piece = min(_PIECE_QUADS, self.bulk_load_quads)
        try:
            self._write_text_in_pieces(graphs, piece)
            self._finish_pending(mark, shared)
        except BaseException as exc:
            self._undo_pending()
            if isinstance(exc, OSError):
                raise BackendUnavailable(f"store write failed: {str(exc).splitlines()[0]}") from None
            raise

    def _finish_pending(self, mark: str, shared: list[ox.Triple]) -> None:
        """The last step of a load in pieces: one update adds the shared records (to their graph and the default
        graph), clears the recovery mark and bumps the write count."""
        end = [f"DELETE DATA {{ {mark} }}"]
        if shared:
            lines = " . ".join(map(str, shared))
            end.append(f"INSERT DATA {{ GRAPH <{self.base}{SHARED_GRAPH}> {{ {lines} }} {lines} }}")
        self._update(" ;\n".join([*end, self._bump()]))

    def _pending_mark(self, graphs: Iterable[str]) -> str:
        """The recovery mark of a load in pieces naming `graphs`, as SPARQL data (``GRAPH <meta> { ... }``)."""
        meta = self.base + META_GRAPH
        return f"GRAPH <{meta}> {{ " + " . ".join(f"<{meta}> <{N.SG}pendingGraph> <{g}>" for g in graphs) + " }"

    def _write_text_in_pieces(self, graphs: dict[str, list[ox.Triple]], piece: int) -> None:
        """Each graph and its share of the default graph, `piece` quads at a time, as N-Quads text through
        ``bulk_load`` (a quarter less CPU than ``bulk_extend`` of two quad objects a triple). Not for blank nodes:
        ``bulk_load`` renames their labels in every call."""
        for g, ts in graphs.items():
            for i in range(0, len(ts), max(1, piece // 2)):
                self._ox.bulk_load(_nquads(ts[i:i + max(1, piece // 2)], g), format=ox.RdfFormat.N_QUADS, lenient=True)

    def _undo_pending(self) -> None:
        """Undo a load in pieces that did not finish (see :meth:`_add_new_in_pieces`); nothing if none is pending.

        The pending graphs' triples leave the default graph unless a graph outside the load holds them, then the
        graphs go, then the mark (with a bump of the write count). Each step can be repeated, so a kill during
        the undo is undone at the next open. Quad by quad rather than with :func:`_drop_graph_update`: that is one
        transaction per graph, and a graph of this size in one transaction is what the load in pieces avoids.
        """
        meta = ox.NamedNode(self.base + META_GRAPH)
        pending = [cast(ox.NamedNode, q.object) for q in
                   self._ox.quads_for_pattern(meta, ox.NamedNode(N.SG + "pendingGraph"), None, meta)]
        if not pending:
            return
        names = {g.value for g in pending}
        default = ox.DefaultGraph()
        for g in pending:
            leaving = [ox.Quad(q.subject, q.predicate, q.object, default)
                       for q in self._ox.quads_for_pattern(None, None, None, g)
                       if not any(isinstance(h.graph_name, ox.NamedNode) and h.graph_name.value not in names
                                  for h in self._ox.quads_for_pattern(q.subject, q.predicate, q.object, None))]
            for q in leaving:
                self._ox.remove(q)
        for g in pending:
            self._ox.remove_graph(g)
        self._update(f"DELETE DATA {{ {self._pending_mark(names)} }} ;\n" + self._bump())

    def _graph_has_blank_nodes(self, g: str) -> bool:
        return _has_blank_nodes(ox.Triple(q.subject, q.predicate, q.object)
                                for q in self._ox.quads_for_pattern(None, None, None, ox.NamedNode(g)))

    def _replace_by_difference(self, graphs: dict[str, list[ox.Triple]], replaced: list[str],
                               shared: list[ox.Triple]) -> None:
        """One update holding only what changes: per graph its removed and added triples, and the union's.

        A triple leaves the default graph when no named graph holds it after the load: no new version
        of a graph in this load has it, and no stored graph other than those replaced holds it.
        """
        removed: dict[str, set[ox.Triple]] = {}
        added: dict[str, list[ox.Triple]] = {}
        for g, ts in graphs.items():
            if g in replaced:
                old = {ox.Triple(q.subject, q.predicate, q.object)
                       for q in self._ox.quads_for_pattern(None, None, None, ox.NamedNode(g))}
                new = set(ts)
                removed[g] = old - new
                added[g] = [t for t in ts if t not in old]
            else:
                added[g] = ts
        shared_graph = self.base + SHARED_GRAPH
        added[shared_graph] = [t for t in shared if ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(shared_graph))
                               not in self._ox] if self._ox.contains_named_graph(ox.NamedNode(shared_graph)) else shared
        after = {t for ts in graphs.values() for t in ts}
        after.update(shared)
        leaving: list[ox.Triple] = []
        for t in {t for ts in removed.values() for t in ts} - after:
            if not any(isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value not in removed
                       for q in self._ox.quads_for_pattern(t.subject, t.predicate, t.object, None)):  # type: ignore[arg-type]
                leaving.append(t)
        delete = [f"GRAPH <{g}> {{ {' . '.join(map(str, ts))} }}" for g, ts in removed.items() if ts]
        if leaving:
            delete.append(" . ".join(map(str, leaving)))
        insert = [f"GRAPH <{g}> {{ {' . '.join(map(str, ts))} }}" for g, ts in added.items() if ts]
        inserted = {t for ts in added.values() for t in ts}
        if inserted:
            insert.append(" . ".join(map(str, inserted)))
        ops = ([f"DELETE DATA {{ {' '.join(delete)} }}"] if delete else []) + \
              ([f"INSERT DATA {{ {' '.join(insert)} }}"] if insert else [])
        if ops:  # an identical reload writes nothing, and counts nothing
            self._update(" ;\n".join([*ops, self._bump()]))

    def _replace_by_staging(self, graphs: dict[str, list[ox.Triple]], shared: list[ox.Triple]) -> None:
        """Stage the new graphs under temporary names, then swap them in with one update (one transaction)."""
        staging = f"{self.base}{STAGING_PREFIX}{uuid.uuid4().hex}/"
        quads = (ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(staging + str(i)))
                 for i, ts in enumerate([*graphs.values(), shared]) for t in ts)
        try:
            self._ox.extend(quads)
        except OSError as exc:
            raise BackendUnavailable(f"store write failed: {str(exc).splitlines()[0]}") from None
        ops: list[str] = []
        for i, g in enumerate(graphs):
            if self._ox.contains_named_graph(ox.NamedNode(g)):
                ops.append(_drop_graph_update(g))
            ops.append(f"MOVE SILENT GRAPH <{staging}{i}> TO GRAPH <{g}>")
            ops.append(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")
        if shared:
            shared_graph = self.base + SHARED_GRAPH
            ops.append(f"ADD SILENT GRAPH <{staging}{len(graphs)}> TO GRAPH <{shared_graph}>")
            ops.append(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH <{staging}{len(graphs)}> {{ ?s ?p ?o }} }}")
            ops.append(f"DROP SILENT GRAPH <{staging}{len(graphs)}>")
        ops.append(self._bump())
        try:
            self._update(" ;\n".join(ops))
        finally:
            self._drop_staging()

    def bulk_load(self, bundle: Bundle) -> int:
        """Fast, non-transactional load for benchmarks and fresh stores: no validation, no replacement.

        Returns the number of quads written. Use :meth:`load` for anything a user relies on.
        """
        written = 0

        def quads() -> Iterator[ox.Quad]:
            nonlocal written
            default = ox.DefaultGraph()
            for doc_id, part in bundle.by_document().items():
                g = self.graph_iri(doc_id)
                for t in bundle_triples(part, self.base):
                    written += 2
                    yield ox.Quad(t.subject, t.predicate, t.object, g)
                    yield ox.Quad(t.subject, t.predicate, t.object, default)

        with self._write_lock:
            self._update(self._bump())  # before and after: a snapshot taken during the load is stale too
            self._ox.bulk_extend(quads())
            self._update(self._bump())
        return written

    def _drop_staging(self) -> None:
        prefix = self.base + STAGING_PREFIX
        for g in list(self._ox.named_graphs()):
            if isinstance(g, ox.NamedNode) and g.value.startswith(prefix):
                self._ox.remove_graph(g)

    def remove_document(self, document_id: str) -> None:
        g = self.graph_iri(document_id)
        if not self._ox.contains_named_graph(g):
            raise NotFound(f"no document {document_id!r} in the store")
        with self._write_lock:
            self._update(_drop_graph_update(g.value) + " ;\n" + self._bump())

    def update(self, sparql: str, *, base_iri: str | None = None, using: list[str] | None = None,
               using_named: list[str] | None = None) -> None:
        """Run a SPARQL update as it is (callers check the write token), then rebuild the union.

        Raw updates may touch named graphs directly; the default graph is recomputed in the same
        transaction so it stays the union of the named graphs. An update that would write to the
        default graph itself (triples outside ``GRAPH``, ``... TO DEFAULT``, ``CLEAR DEFAULT``) is refused
        with :class:`QueryRejected` before it runs: the rebuild would silently undo it. `base_iri`
        resolves relative IRIs; `using` and `using_named` (graph IRIs) are the protocol's
        ``using-graph-uri`` and ``using-named-graph-uri``.
        LOAD and SERVICE are refused: the engine would fetch their IRIs over HTTP (a server-side
        request to any host the server can reach). So are updates nested too deep for the engine.
        """
        if using or using_named:
            from .sparql_text import with_dataset

            _dataset(using or [], using_named or [], None)  # each a valid IRI: they are written into the text
            sparql = with_dataset(sparql, using=using or [], using_named=using_named or [])
        check_shape(sparql, update=True)
        keyword = remote_keyword(sparql)
        if keyword:
            raise QueryRejected(f"{keyword} is not allowed here: updates may not fetch data from other servers")
        code = read_sparql(sparql).code
        reason = _default_write_in(code)
        if reason:
            raise QueryRejected(f"this update cannot run here: {reason}")
        if f"<{self.base}{META_GRAPH}>" in sparql:
            raise QueryRejected(f"this update cannot run here: <{self.base}{META_GRAPH}> holds the store's write counter")
        joint = "\n" if code.rstrip().endswith(";") else "\n;\n"  # (a newline first: the text may end in a comment)
        rebuild = _REBUILD_UNION.replace("META", self.base + META_GRAPH)
        with self._write_lock:
            self._update(sparql + joint + rebuild + " ;\n" + self._bump(), base_iri=base_iri)

    def graph_triples(self, graph_iri: str | None = None) -> Iterator[ox.Triple]:
        """The triples of the named graph `graph_iri` (any IRI), or of the default graph for None."""
        graph = ox.DefaultGraph() if graph_iri is None else ox.NamedNode(graph_iri)
        for q in self._ox.quads_for_pattern(None, None, None, graph):
            yield ox.Triple(q.subject, q.predicate, q.object)

    def has_graph(self, graph_iri: str) -> bool:
        """Whether the store holds a named graph called `graph_iri` (the meta graph is not one the user sees)."""
        return graph_iri != self.base + META_GRAPH and self._ox.contains_named_graph(ox.NamedNode(graph_iri))

    def _update(self, sparql: str, *, base_iri: str | None = None) -> None:
        try:
            self._ox.update(sparql, base_iri=base_iri)
        except SyntaxError as exc:
            raise QueryRejected(f"invalid SPARQL update: {str(exc).splitlines()[0]}") from None
        except OSError as exc:
            raise BackendUnavailable(f"store write failed: {str(exc).splitlines()[0]}") from None
        self.generation += 1

    def ensure_graph(self, name: str, triples: Iterable[ox.Triple]) -> bool:
        """Load `triples` into graph ``<base>name`` if that graph is absent; True if it was loaded."""
        g = self.base + name
        if self._ox.contains_named_graph(ox.NamedNode(g)):
            return False
        lines = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
        with self._write_lock:  # one update: the graph, its share of the union and the write counter together
            self._update(f"INSERT DATA {{ GRAPH <{g}> {{\n{lines}\n}} }} ;\nINSERT DATA {{\n{lines}\n}} ;\n" + self._bump())
        return True


def _dataset(default_graph: list[str] | None, named_graphs: list[str] | None, base_iri: str | None) -> dict[str, Any]:
    """pyoxigraph query keywords for a protocol-given dataset; QueryRejected for a bad graph IRI."""
    out: dict[str, Any] = {}
    try:
        if default_graph is not None:
            out["default_graph"] = [ox.NamedNode(g) for g in default_graph]
        if named_graphs is not None:
            out["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    except ValueError as exc:
        raise QueryRejected(f"not a valid graph IRI: {exc}") from None
    if base_iri is not None:
        out["base_iri"] = base_iri
    return out


_REBUILD_UNION = "DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <META>) }"


def _nquads(triples: list[ox.Triple], g: str) -> bytes:
    """N-Quads text of the triples in graph <g> and in the default graph (for ``bulk_load``)."""
    tail = f" <{g}> .\n"
    lines: list[str] = []
    for t in triples:
        text = str(t)
        lines.append(text + tail)
        lines.append(text + " .\n")
    return "".join(lines).encode()


def _chunk_nquads(chunk: Chunk) -> bytes:
    """N-Quads text of a chunk (for ``bulk_load``): its triples in its graph, and its fresh ones in the default graph
    (the others are there already, from an earlier chunk of the load)."""
    lines = list(map(str, chunk.triples))
    if not lines:
        return b""
    tail = f" <{chunk.graph}> .\n"
    parts = [tail.join(lines), tail]
    for start, end in chunk.spans:
        parts += (" .\n".join(lines[start:end]), " .\n")
    return "".join(parts).encode()


def _chain(groups: Iterable[list[ox.Triple]], last: list[ox.Triple]) -> Iterator[ox.Triple]:
    for ts in groups:
        yield from ts
    yield from last


def _has_blank_nodes(triples: Iterable[ox.Triple]) -> bool:
    return any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in triples)


def _drop_graph_update(g: str) -> str:
    """Remove graph <g> and the default-graph triples that no other named graph still holds."""
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h != <{g}>) }} }} ;\n"
        f"DROP SILENT GRAPH <{g}>"
    )


def open_store(path: str | Path | None = None, **kw: Any) -> Store:
    """Open the store at `path` (default: the ``store`` setting), creating it if needed."""
    from ..model.settings import get_settings

    settings = get_settings()
    return Store(path if path is not None else settings.store, base=kw.pop("base", settings.base_iri), **kw)
