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
    #: cache keys saved in the snapshot: the records, the unfiltered matrix and the unfiltered analyses
    @staticmethod
    def _snapshot_key(key: Hashable) -> bool:
        return isinstance(key, tuple) and bool(key) and (
            key == ("bundle",) or key == ("matrix", ()) or (key[0] == "analysis" and key[2:] == ((), ())))

    @staticmethod
    def _snapshot_code() -> str:
        import sys

        from ...graph.analysis import convergence, matrix
        from ...graph.model import records
        from ...graph.rdf.snapshot import code_digest

        return code_digest(records, matrix, convergence, sys.modules[__name__])

    def restore_snapshot(self) -> bool:
        """Fill the caches from the snapshot beside the store, if it is valid for the store as it is now."""
        from ...graph.rdf.snapshot import read_snapshot

        generation = self.store.generation
        payload = read_snapshot(self.store, code=self._snapshot_code())
        if not isinstance(payload, dict) or not all(self._snapshot_key(k) for k in payload):
            return False
        with self._lock:
            if generation != self.store.generation:  # a write meanwhile
                return False
            self._cache.clear()
            self._key_locks.clear()
            self._cache_generation = generation
            self._cache.update(payload)
        self.snapshot_state = "loaded"
        return True

    def save_snapshot(self, mark: tuple[str, int]) -> bool:
        """Save the cached records, matrix and unfiltered analyses, built at write mark `mark`, beside the store."""
        from ...graph.rdf.snapshot import write_snapshot

        with self._lock:
            if self._cache_generation != self.store.generation:
                return False
            payload = {k: v for k, v in self._cache.items() if self._snapshot_key(k)}
        if ("bundle",) not in payload or not write_snapshot(self.store, payload, code=self._snapshot_code(), mark=mark):
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
