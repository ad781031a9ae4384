"""A load's triples in bounded chunks, straight from the model records: for loads too large to hold whole.

A load of new documents is written graph by graph, a chunk at a time, so that its memory does not grow with
its triple count. Each chunk holds *every* triple of the nodes in it (a record, or a passage with all its
citations in that graph), so the shapes that look at one node (cardinality, datatype, values, lengths) give on
a chunk the verdicts they give on the whole load. The shapes that look at another node (``sh:class`` on a
reference: a position's claim must be an ``sg:Claim``) ask :class:`RecordTypes`, which answers from the
load's records (their ids and kinds) rather than from triples in other chunks. A node checked in one chunk
(a claim or stakeholder shared by several documents' graphs, a passage cited from two graphs) is not checked
again, so each validation result is found once, as on the whole load.

That holds when every node's triples come from one record: :func:`plan_chunks` answers None for a load
where two records (or a record and a passage, or two different passages) share a node, and such a load is
checked and written whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..model.records import Bundle, Passage, Position, Record
from .mapping import passage_triples, record_classes, record_triples

__all__ = ["Chunk", "LoadChunks", "RecordTypes", "plan_chunks"]

_TABLES = ("documents", "sources", "stakeholders", "themes", "claims")  # positions are asked through their document
_SHARED_KINDS = ("stakeholders", "themes", "claims")  # the records one load may put in several graphs


@dataclass
class Chunk:
    """Part of one graph of a load: `triples` (distinct, every triple of their subjects), and `fresh`, those
    of the nodes no earlier chunk of the load checked (the ones to validate, and the only ones the load's share
    of the default graph still lacks: the other triples are an earlier chunk's, the same node's from the same
    record). `spans` are the index ranges of `triples` that `fresh` holds, in order."""

    graph: str
    triples: list[ox.Triple]
    fresh: list[ox.Triple] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)

    def add(self, ts: list[ox.Triple], fresh: bool) -> None:
        start = len(self.triples)
        self.triples += ts
        if fresh and ts:
            self.fresh += ts
            if self.spans and self.spans[-1][1] == start:
                self.spans[-1] = (self.spans[-1][0], start + len(ts))
            else:
                self.spans.append((start, start + len(ts)))


class RecordTypes:
    """The ``rdf:type`` values of the nodes of a load's records, read from the records (for ``sh:class``).

    Called with any term; answers the classes :func:`~.mapping.record_triples` gives the record (or passage)
    of that IRI in this load, and nothing for other terms.
    """

    def __init__(self, bundle: Bundle, parts: dict[str, Bundle], shared: Bundle, passages: dict[str, Passage],
                 base: str) -> None:
        self.base = base
        self.tables: list[dict[str, Record]] = []
        for name in _TABLES:
            table: dict[str, Record] = {}
            for part in [*parts.values(), shared]:
                table.update(getattr(part, name))
            self.tables.append(table)
        self.positions = bundle.positions
        self.documents = {doc for part in parts.values() for doc in part.documents}
        self.passages = passages
        self._passage = record_classes(next(iter(passages.values()))) if passages else ()
        self._cache: dict[str, tuple[ox.NamedNode, ...]] = {}

    def record_ids(self) -> Iterator[str]:
        """The ids of the load's records but its positions and passages (which are checked apart)."""
        for table in self.tables:
            yield from table

    def has_position(self, rid: str) -> bool:
        p = self.positions.get(rid)
        return p is not None and p.document in self.documents

    def __call__(self, term: object) -> tuple[ox.NamedNode, ...]:
        if not isinstance(term, ox.NamedNode) or not term.value.startswith(self.base):
            return ()
        rid = term.value[len(self.base):]
        if rid in self.passages:  # (a passage id is no record id: plan_chunks sees to that)
            return self._passage
        found = self._cache.get(rid)
        if found is None:
            found = tuple(c for table in self.tables if (r := table.get(rid)) is not None for c in record_classes(r))
            if self.has_position(rid):
                found += record_classes(self.positions[rid])
            self._cache[rid] = found
        return found


def plan_chunks(bundle: Bundle, parts: dict[str, Bundle], shared: Bundle, base: str, *, shared_graph: str,
                quads: int) -> LoadChunks | None:
    """The chunks of a load of `parts` (graph IRI -> that document's records) and `shared` (the records no
    document owns, in graph `shared_graph`), about `quads` quads (a triple in its graph and in the default
    graph) each; None when two
    records describe one node, so that no chunk can hold all of that node's triples."""
    passages: dict[str, Passage] = {}
    for part in parts.values():
        for p in part.positions.values():
            for e in p.evidence:
                if passages.setdefault(e.id, e) != e:
                    return None  # one passage id, two passages (a source or section apart)
    types = RecordTypes(bundle, parts, shared, passages, base)
    for i, table in enumerate(types.tables):
        others = [t for j, t in enumerate(types.tables) if j != i]
        if any(rid in passages or types.has_position(rid) or any(rid in t for t in others) for rid in table):
            return None
    if any(types.has_position(pid) for pid in passages):
        return None
    return LoadChunks(parts, shared, shared_graph, types, base, quads)


class LoadChunks:
    """The triples of a load graph by graph (the shared records' graph last), a chunk at a time."""

    def __init__(self, parts: dict[str, Bundle], shared: Bundle, shared_graph: str, types: RecordTypes, base: str,
                 quads: int) -> None:
        self.parts, self.shared, self.shared_graph, self.types, self.base = parts, shared, shared_graph, types, base
        self.triples_per_chunk = max(1, quads // 2)
        self._checked: set[str] = set()  # nodes of _SHARED_KINDS and passages already checked

    def __iter__(self) -> Iterator[Chunk]:
        for g, part in self.parts.items():
            yield from self._graph_chunks(g, part)
        yield from self._graph_chunks(self.shared_graph, self.shared)

    def _graph_chunks(self, g: str, part: Bundle) -> Iterator[Chunk]:
        size, base, checked = self.triples_per_chunk, self.base, self._checked
        written: set[str] = set()  # passages already in this graph
        chunk = Chunk(g, [])
        for name in ("documents", "sources", "themes", "stakeholders", "claims", "positions"):
            shared_kind = name in _SHARED_KINDS
            for record in getattr(part, name).values():
                ts = list(dict.fromkeys(record_triples(record, base, passages=False)))
                if not shared_kind:
                    chunk.add(ts, True)
                elif record.id not in checked:
                    checked.add(record.id)
                    chunk.add(ts, True)
                else:
                    chunk.add(ts, False)
                if isinstance(record, Position):
                    for e in record.evidence:
                        if e.id in written:
                            continue
                        written.add(e.id)
                        ts = list(dict.fromkeys(passage_triples(e, base)))
                        if e.id not in checked:
                            checked.add(e.id)
                            chunk.add(ts, True)
                        else:
                            chunk.add(ts, False)
                if len(chunk.triples) >= size:
                    yield chunk
                    chunk = Chunk(g, [])
        if chunk.triples:
            yield chunk

