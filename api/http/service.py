"""What the web app shares between requests: the open store, the write-token check, and caches
of everything derived from the store (its Bundle, the catalog indexes, analysis results), each
keyed on ``store.generation`` so that any write makes them stale at once.

The records, the stance matrix and the unfiltered analysis results also outlive the process: the start-up
warm-up saves them beside the store (:mod:`stancegraph.graph.rdf.snapshot`, valid at the store's write count
only), and the next start reads them back in seconds instead of rebuilding them from the triples.
"""

from __future__ import annotations

import hmac
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from ...graph.model.catalog import Catalog
from ...graph.model.errors import BackendUnavailable, Forbidden
from ...graph.model.records import Bundle
from ...graph.model.settings import Settings
from ...graph.rdf.store import Store

T = TypeVar("T")


class Service:
    """One store and its caches for the life of the app (opened at start-up, closed at shutdown)."""

    def __init__(self, settings: Settings, *, max_cached: int = 512) -> None:
        self.settings = settings
        self._store: Store | None = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()
        self._cache_generation = -1
        self._max_cached = max_cached
        self._key_locks: dict[Hashable, threading.Lock] = {}
        #: the start-up warm-up of the caches: off, warming, ready or failed (shown by /health)
        self.warm_state = "off"
        #: the snapshot beside the store: none (not read), loaded (read at start-up), saved (rebuilt and written)
        self.snapshot_state = "none"

    def warm(self, build: Callable[[], Any]) -> threading.Thread:
        """Run `build` (which fills the caches, e.g. the Bundle and the stance matrix) in a background thread.

        Requests that need the same cached values meanwhile wait for this one computation instead of
        starting their own. A failure is only recorded: requests then compute and report it themselves.
        """
        self.warm_state = "warming"

        def run() -> None:
            try:
                build()
            except Exception:
                self.warm_state = "failed"
            else:
                self.warm_state = "ready"

        thread = threading.Thread(target=run, name="stancegraph-warm-caches", daemon=True)
        thread.start()
        return thread

    # ------------------------------------------------------------------ life cycle
    def open(self) -> None:
        from ...graph.rdf.mapping import bundle_triples
        from ...graph.model.themes import default_scheme

        self._store = Store(self.settings.store, base=self.settings.base_iri)
        scheme = Bundle()
        scheme.extend(default_scheme())
        self._store.ensure_graph("graph/themes", bundle_triples(scheme, self._store.base))

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    # ------------------------------------------------------------------ snapshot (warm start)
    #: cache keys of the records part of the snapshot (large: read back in the background)
    _RECORD_KEYS: tuple[tuple[Any, ...], ...] = (("bundle",), ("matrix", ()))

    @staticmethod
    def _result_key(key: Hashable) -> bool:
        """The unfiltered analyses and their whole JSON (plain and gzip-compressed): the small part of the
        snapshot, read back before the first request."""
        if not isinstance(key, tuple) or not key:
            return False
        if key[0] == "gzip" and len(key) == 2 and isinstance(key[1], tuple):
            key = key[1]
        return (len(key) == 4 and key[0] == "analysis" and key[2:] == ((), ())) or (
            len(key) == 7 and key[0] == "encoded" and key[2:] == ((), (), "application/json", None, 0))

    @staticmethod
    def _snapshot_code() -> str:
        import sys

        from ...graph.analysis import convergence, matrix
        from ...graph.model import records
        from ...graph.rdf.snapshot import code_digest

        return code_digest(records, matrix, convergence, sys.modules[__name__])

    def restore_snapshot(self) -> bool:
        """Fill the caches from the snapshot beside the store, if it is valid for the store as it is now.

        The unfiltered analysis results are in the cache when this returns; the records and the stance matrix
        (most of the file) are unpickled in a background thread (:meth:`warm`), and requests that need them
        meanwhile wait for it, as they wait for any computation of a cached value.
        """
        from ...graph.rdf.snapshot import read_snapshot

        generation = self.store.generation
        payload = read_snapshot(self.store, code=self._snapshot_code())
        if not (isinstance(payload, dict) and isinstance(payload.get("records"), bytes)
                and isinstance(payload.get("results"), dict) and all(map(self._result_key, payload["results"]))):
            return False
        with self._lock:
            if generation != self.store.generation:  # a write meanwhile
                return False
            self._cache.clear()
            self._key_locks.clear()
            self._cache_generation = generation
            self._cache.update(payload["results"])
            held = [self._key_locks.setdefault(k, threading.Lock()) for k in self._RECORD_KEYS]
            for lock in held:
                lock.acquire()

        def records() -> None:
            import gc

            try:
                gc.disable()  # millions of small objects arriving: the collector would walk them again and again
                try:
                    values = _unpickle_records(payload["records"])
                finally:
                    gc.enable()
                gc.freeze()  # records that live as long as the process: the collector need not walk them
                with self._lock:
                    if self._cache_generation == generation:
                        self._cache.update(zip(self._RECORD_KEYS, values))
            finally:
                for lock in held:
                    lock.release()

        self.snapshot_state = "loaded"
        self.warm(records)
        return True

    def save_snapshot(self, mark: tuple[str, int]) -> bool:
        """Save the cached records, unfiltered matrix and unfiltered analyses, built at write mark `mark`."""
        from ...graph.rdf.snapshot import write_snapshot

        with self._lock:
            if self._cache_generation != self.store.generation or not all(k in self._cache for k in self._RECORD_KEYS):
                return False
            values = tuple(self._cache[k] for k in self._RECORD_KEYS)
            results = {k: v for k, v in self._cache.items() if self._result_key(k)}
        payload = {"records": _pickle_records(*values), "results": results}
        if not write_snapshot(self.store, payload, code=self._snapshot_code(), mark=mark):
            return False
        self.snapshot_state = "saved"
        return True

    @property
    def store(self) -> Store:
        if self._store is None:
            raise BackendUnavailable("the store is not open")
        return self._store

    # ------------------------------------------------------------------ writes
    def check_token(self, authorization: str | None) -> None:
        """Raise Forbidden unless a write token is configured and `authorization` is ``Bearer <it>``."""
        token = self.settings.write_token.get_secret_value() if self.settings.write_token else ""
        if not token:
            raise Forbidden("this server is read-only: writes need STANCEGRAPH_WRITE_TOKEN set on the server")
        scheme, _, sent = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(sent.strip().encode(), token.encode()):
            raise Forbidden("send the write token as the header 'Authorization: Bearer <token>'")

    # ------------------------------------------------------------------ caches
    def cached(self, key: Hashable, compute: Callable[[], T], *, keep: Callable[[T], bool] | None = None) -> T:
        """The value for `key` computed at the store's current generation (computed once per generation).

        `keep`: whether a computed value may be stored (for example only small ones); when it says no,
        the value is returned and the next call computes again.
        """
        generation = self.store.generation
        with self._lock:
            if generation != self._cache_generation:
                self._cache.clear()
                self._key_locks.clear()
                self._cache_generation = generation
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]  # type: ignore[no-any-return]
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:  # one computation per key; other requests for it wait for the result
            with self._lock:
                if key in self._cache and self._cache_generation == generation:
                    return self._cache[key]  # type: ignore[no-any-return]
            value = compute()
            with self._lock:
                if self._cache_generation == generation and (keep is None or keep(value)):
                    self._cache[key] = value
                    while len(self._cache) > self._max_cached:
                        self._cache.popitem(last=False)
        return value

    def bundle(self) -> Bundle:
        """Every record in the store (the union graph), read once per generation."""
        return self.cached(("bundle",), lambda: self.store.bundle())

    def catalog(self) -> Catalog:
        return self.cached(("catalog",), lambda: Catalog(self.bundle()))


#: records per pickled piece of the snapshot's bundle
_CHUNK = 20_000


def _pickle_records(bundle: Bundle, matrix: Any) -> bytes:
    """The bundle in pieces of :data:`_CHUNK` records, then the matrix (pointing at the bundle, not a copy of it).

    Pieces, because unpickling holds the interpreter lock for as long as one ``pickle.loads`` runs: read back in a
    background thread, a 178 MB bundle in one piece would stall every request for three seconds.
    """
    import io
    import pickle

    pieces: list[bytes] = []
    for name in ("documents", "sources", "stakeholders", "themes", "claims", "positions"):
        items = list(getattr(bundle, name).items())
        for i in range(0, len(items), _CHUNK):
            pieces.append(pickle.dumps((name, items[i:i + _CHUNK]), protocol=pickle.HIGHEST_PROTOCOL))
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.persistent_id = lambda obj: "bundle" if obj is bundle else None  # type: ignore[method-assign]
    pickler.dump(matrix)
    pieces.append(buf.getvalue())
    return pickle.dumps(pieces, protocol=pickle.HIGHEST_PROTOCOL)


def _unpickle_records(data: bytes) -> tuple[Bundle, Any]:
    """What :func:`_pickle_records` wrote (data checked by :func:`~stancegraph.graph.rdf.snapshot.read_snapshot`)."""
    import io
    import pickle
    import time

    pieces = pickle.loads(data)  # noqa: S301
    bundle = Bundle()
    for piece in pieces[:-1]:
        name, items = pickle.loads(piece)  # noqa: S301
        getattr(bundle, name).update(items)
        time.sleep(0)  # let a request in between pieces
    unpickler = pickle.Unpickler(io.BytesIO(pieces[-1]))
    unpickler.persistent_load = lambda pid: bundle if pid == "bundle" else None  # type: ignore[method-assign]
    return bundle, unpickler.load()  # noqa: S301
