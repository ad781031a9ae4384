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
    convergence across documents is visible; coded data (sheets by people, DNA, Pol.is) is left as it is."""
    if not is_extracted(bundle):
        return bundle
    from ..loaders.extract import merge_bundles

    known = stored_extracted_claims(store)
    if not known:
        return bundle
    (merged,) = merge_bundles([bundle], known=known, known_themes=stored_themes(store))
    return merged


def stored_themes(store) -> list:  # noqa: ANN001 - store: graph.rdf.store.Store
    """Every theme in the store, as records (a claim merged with a stored one may take its themes)."""
    from ..graph.rdf.mapping import bundle_from_triples

    outcome = store.query("CONSTRUCT { ?t ?p ?o } WHERE { ?t a sg:Theme ; ?p ?o }")
    return list(bundle_from_triples(outcome.triples, store.base).themes.values())
