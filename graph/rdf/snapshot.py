"""Derived data saved beside an on-disk store, valid only at the write it was built after.

A snapshot is a file next to the store's folder (``<store>.snapshot`` for the folder ``<store>``) holding
a pickled payload (the web app's records and stance matrix) with the store's write mark
(:meth:`~.store.Store.write_mark`: its id and write count, kept in the store and bumped in the transaction
of every write). :func:`read_snapshot` answers the payload only when the mark in the file is the store's
mark now, the file is whole (an HMAC over header and payload, keyed with the store's id, which lives in
the store) and it was written by the same code (a digest of the modules whose classes it holds);
anything else (a write since, another store at the same path, a truncated or altered file, an upgrade)
answers None, and the caller rebuilds. It is never trusted half way.

    >>> from stancegraph.graph.rdf.store import Store
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "store"
    >>> with Store(folder) as st:
    ...     st.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> 'c' } }")
    ...     write_snapshot(st, {"answer": 42}, code=code_digest())
    ...     read_snapshot(st, code=code_digest())
    True
    {'answer': 42}
"""

from __future__ import annotations

import gc
import hashlib
import hmac
import json
import os
import pickle
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from .store import Store

__all__ = ["snapshot_path", "read_snapshot", "write_snapshot", "code_digest"]

_MAGIC = b"stancegraph-snapshot 1\n"


def snapshot_path(store: Store) -> Path | None:
    """Where the snapshot of `store` lives (None for a store in memory)."""
    if store.path is None:
        return None
    folder = store.path.resolve()
    return folder.with_name(folder.name + ".snapshot")


def code_digest(*modules: ModuleType) -> str:
    """A digest of the Python version, this module and `modules` (those whose classes a payload holds):
    a snapshot written by other code is void."""
    h = hashlib.sha256(sys.version.encode())
    for module in (sys.modules[__name__], *modules):
        h.update(Path(module.__file__ or "").read_bytes())
    return h.hexdigest()


def _signature(key: str, header: bytes, payload: bytes | memoryview) -> bytes:
    h = hmac.new(key.encode(), header + b"\n", hashlib.sha256)
    h.update(payload)
    return h.hexdigest().encode()


def write_snapshot(store: Store, payload: Any, *, code: str, mark: tuple[str, int] | None = None) -> bool:
    """Save `payload` (pickled; `code` is :func:`code_digest` of the modules of its classes) as built at `mark` (default: the store's mark now); False when there is nowhere to save it,
    the store has no mark yet, or the store moved past `mark` meanwhile (the payload would be stale at once).

    The file is written beside the store under a temporary name and renamed over the old one, so a reader
    sees the old snapshot or the new one, never half of one.
    """
    path = snapshot_path(store)
    now = store.write_mark()
    mark = now if mark is None else mark
    if path is None or not mark[0] or mark != now:
        return False
    body = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
    header = json.dumps({"store_id": mark[0], "write_count": mark[1], "code": code}).encode()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as f:
            f.write(_MAGIC + header + b"\n" + _signature(mark[0], header, body) + b"\n" + body)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        return False
    return True


def read_snapshot(store: Store, *, code: str) -> Any | None:
    """The payload saved for the store as it is now by the same `code`, or None (no snapshot, stale, corrupt,
    or other code)."""
    path = snapshot_path(store)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(_MAGIC):
        return None
    end_header = data.find(b"\n", len(_MAGIC))
    end_signature = data.find(b"\n", end_header + 1) if end_header >= 0 else -1
    if end_signature < 0:
        return None
    header, signature = data[len(_MAGIC):end_header], data[end_header + 1:end_signature]
    body = memoryview(data)[end_signature + 1:]  # (hundreds of MB: not copied)
    try:
        meta = json.loads(header)
        mark = (str(meta["store_id"]), int(meta["write_count"]))
        written_by = str(meta["code"])
    except (ValueError, KeyError, TypeError):
        return None
    if mark != store.write_mark() or not mark[0] or written_by != code:
        return None
    if not hmac.compare_digest(signature, _signature(mark[0], header, body)):
        return None
    enabled = gc.isenabled()
    gc.disable()  # millions of small objects: the collector would walk them again and again while they arrive
    try:
        return pickle.loads(body)  # noqa: S301 - signed with the store's id, for this store at this write
    except Exception:  # noqa: BLE001 - a snapshot that does not read back is no snapshot
        return None
    finally:
        if enabled:
            gc.enable()
