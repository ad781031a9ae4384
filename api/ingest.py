"""Reading many inputs, in parallel across cores where that pays, for the CLI and the API."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..graph.model.errors import MalformedSource, StancegraphError
from ..graph.model.records import Bundle, Document
from ..graph.model.settings import get_settings
from ..graph.model.xmltext import forbidden_in_bundle
from ..loaders import detect_loader, load_path


def _read(path: Path) -> Bundle | StancegraphError:
    try:
        return xml_safe(load_path(path), path)
    except StancegraphError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - any reader failure is reported against its file
        return MalformedSource(f"cannot read: {type(exc).__name__}: {exc}", path=path)


def xml_safe(bundle: Bundle, path: Path) -> Bundle:
    """`bundle`, unless a record holds a character XML 1.0 forbids (MalformedSource naming the record and field):
    a name with a vertical tab loaded fine and then broke every GraphML, GEXF, RDF/XML and SPARQL XML output."""
    reason = forbidden_in_bundle(bundle)
    if reason:
        raise MalformedSource(reason, path=path)
    return bundle


def worker_count(workers: int | None) -> int:
    n = workers if workers is not None else get_settings().workers
    return n if n and n > 0 else (os.cpu_count() or 1)


def read_inputs(
    paths: list[Path], *, workers: int | None = None,
    find_document: Callable[[str], Document | None] | None = None, read_files: bool = True,
) -> Iterator[tuple[Path, Bundle | StancegraphError]]:
    """Yield (path, bundle or error) in input order.

    Coding sheets are read in this process (they may look up documents already in the store
    through `find_document`; ``read_files=False`` keeps them from opening the files they name); documents are read in a pool of processes when there are several.
    """
    from ..loaders.formats import coding_sheet

    def is_sheet(p: Path) -> bool:
        try:
            return detect_loader(p) is coding_sheet
        except StancegraphError:
            return False

    n = worker_count(workers)
    parallel = [p for p in paths if not is_sheet(p)]
    pool = ProcessPoolExecutor(max_workers=min(n, len(parallel))) if n > 1 and len(parallel) > 1 else None
    try:
        futures = {p: pool.submit(_read, p) for p in parallel} if pool else {}
        for p in paths:
            if p in futures:
                yield p, futures[p].result()
            elif is_sheet(p):
                try:
                    yield p, xml_safe(coding_sheet.load(p, find_document=find_document, read_files=read_files), p)
                except StancegraphError as exc:
                    yield p, exc
            else:
                yield p, _read(p)
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)


def stored_extracted_claims(store) -> list:  # noqa: ANN001 - store: graph.store.Store
    """Claims the extractor produced for documents already in the store (with their themes)."""
    from ..graph.model.records import Claim

    outcome = store.query(
        "SELECT ?c ?text (GROUP_CONCAT(DISTINCT STR(?t); separator=' ') AS ?themes) WHERE { "
        "?p sg:onClaim ?c ; sg:rule ?r . ?c schema:text ?text . OPTIONAL { ?c dcterms:subject ?t } } GROUP BY ?c ?text")
    claims = []
    for c, text, themes in outcome.rows:
        theme_ids = tuple(sorted(t[len(store.base):] for t in (themes.value.split() if themes is not None else ())))
        claims.append(Claim(id=c.value[len(store.base):], text=text.value, themes=theme_ids))
    return claims


def is_extracted(bundle: Bundle) -> bool:
    """True when every position came from the extractor (a rule id, no human coder)."""
    return bool(bundle.positions) and all(p.rule and not p.coder for p in bundle.positions.values()) \
        and all(d.kind != "dataset" for d in bundle.documents.values())


def merge_with_store(bundle: Bundle, store) -> Bundle:  # noqa: ANN001
    """Merge an extracted bundle's near-duplicate claims into claims already in the store, so that
    convergence across documents is visible; coded data (sheets by people, DNA, Pol.is) is left as it is.

    For many inputs in a row use one :class:`StoreMerger`, which keeps the store's claims indexed between them."""
    return StoreMerger(store).merge(bundle)


class StoreMerger:
    """Claim merging against a store over many loads: the store's extracted claims are read and indexed once
    (a :class:`~stancegraph.loaders.extract.merging.ClaimIndex`), then each input's new claims are placed on
    the index, so an input costs time in proportion to its own claims, not to the store's.

    The index stands for the store at one write mark (:meth:`~stancegraph.graph.rdf.store.Store.write_mark`):
    after :meth:`merge`, call :meth:`loaded` with the load's report when the merged bundle landed, or
    :meth:`failed` when it did not; any other write to the store in between, or a load that replaced
    documents, makes the next merge read the store again.
    """

    def __init__(self, store) -> None:  # noqa: ANN001 - store: graph.rdf.store.Store
        self.store = store
        self._index = None  # ClaimIndex | None
        self._themes: dict[str, object] = {}
        self._mark: tuple[str, int] | None = None

    def _ready(self):  # noqa: ANN202
        from ..loaders.extract.merging import ClaimIndex

        if self._index is not None and self._mark == self.store.write_mark():
            return self._index
        known = stored_extracted_claims(self.store)
        index = ClaimIndex()
        index.count(dict.fromkeys(c.text for c in known))
        for c in known:
            index.themes.setdefault(index.place(c.text), set()).update(c.themes)
        self._themes = {t.id: t for t in stored_themes(self.store)}
        self._index, self._mark = index, self.store.write_mark()
        return index

    def merge(self, bundle: Bundle) -> Bundle:
        """`bundle` with its near-duplicate claims merged into the store's (an extracted bundle; others as they are)."""
        if not is_extracted(bundle):
            return bundle
        from ..loaders.extract import merge_bundles

        index = self._ready()
        if not len(index):
            self._themes.update(bundle.themes)
            return self._merge_into_empty(bundle, index)
        (merged,) = merge_bundles([bundle], known_themes=self._themes.values(), index=index)  # type: ignore[arg-type]
        self._themes.update(merged.themes)
        return merged

    def _merge_into_empty(self, bundle: Bundle, index) -> Bundle:  # noqa: ANN001
        """The first extracted input of a store is loaded as extracted (its claims are merged within it already);
        the index takes its claims as they are, as the store will."""
        texts = list(dict.fromkeys(c.text for c in bundle.claims.values()))
        index.count(texts)
        for c in bundle.claims.values():
            index.themes.setdefault(index.place(c.text), set()).update(c.themes)
        return bundle

    def loaded(self, report) -> None:  # noqa: ANN001 - report: graph.rdf.store.LoadReport
        """The merged bundle landed: the index now stands for the store after that load."""
        if self._index is None:
            return
        if report.replaced:  # claims of the documents replaced may be gone: read the store again next time
            self._index = None
        else:
            self._mark = self.store.write_mark()

    def failed(self) -> None:
        """The merged bundle did not land: the index holds its claims, the store does not; read the store again."""
        self._index = None


def stored_themes(store) -> list:  # noqa: ANN001 - store: graph.rdf.store.Store
    """Every theme in the store, as records (a claim merged with a stored one may take its themes)."""
    from ..graph.rdf.mapping import bundle_from_triples

    outcome = store.query("CONSTRUCT { ?t ?p ?o } WHERE { ?t a sg:Theme ; ?p ?o }")
    return list(bundle_from_triples(outcome.triples, store.base).themes.values())
