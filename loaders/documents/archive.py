"""Reading ZIP archives safely: no zip bombs, no path traversal, nothing written to disk.

Coded-data exports (REFI-QDA ``.qdpx`` projects, and DOCX files underneath) are ZIP files
that may come from anywhere. :class:`SafeZip` checks the whole directory before anything
is read: member names must be plain relative paths, the declared uncompressed total must
stay under :data:`MAX_TOTAL_BYTES`, and no member may expand more than :data:`MAX_RATIO`
times (small members are exempt, as tiny files compress oddly). Reads are capped at the
declared size, so a member that lies about its size is caught too.

>>> import io, zipfile
>>> buf = io.BytesIO()
>>> with zipfile.ZipFile(buf, "w") as zf:
...     zf.writestr("project.qde", "<Project/>")
>>> SafeZip(buf, "demo.qdpx").read("project.qde")
b'<Project/>'
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path, PurePosixPath
from typing import IO

from ...graph.model.errors import MalformedSource

#: most bytes all members may expand to together
MAX_TOTAL_BYTES = 1 << 30  # 1 GiB
#: largest expansion ratio (uncompressed / compressed) of a member above RATIO_FLOOR bytes
MAX_RATIO = 200
RATIO_FLOOR = 1 << 20  # 1 MiB
#: most members an archive may hold
MAX_MEMBERS = 50_000


def unsafe_name(name: str) -> str | None:
    """Why a member name is unsafe (absolute, drive letter, ``..``, backslash tricks), or None."""
    if "\x00" in name:
        return "a NUL byte in the name"
    normalised = name.replace("\\", "/")
    if normalised.startswith("/") or (len(normalised) > 1 and normalised[1] == ":"):
        return "an absolute path"
    if ".." in PurePosixPath(normalised).parts:
        return "a path that climbs out of the archive (..)"
    return None


class SafeZip:
    """A ZIP archive checked for bombs and traversal names on opening; members read into memory."""

    def __init__(self, file: str | Path | IO[bytes], label: str | Path | None = None):
        self.label = str(label if label is not None else file)
        try:
            self._zf = zipfile.ZipFile(file)
        except zipfile.BadZipFile as exc:
            raise MalformedSource(f"not a ZIP archive ({exc})", path=self.label) from None
        except OSError as exc:
            raise MalformedSource(f"cannot read: {exc.strerror or exc}", path=self.label) from None
        self._check()

    def _check(self) -> None:
        infos = self._zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise MalformedSource(f"the archive has {len(infos)} members (at most {MAX_MEMBERS} are accepted)",
                                  path=self.label)
        total = 0
        for info in infos:
            why = unsafe_name(info.filename)
            if why:
                raise MalformedSource(f"refused: member {info.filename!r} has {why}", path=self.label,
                                      field=info.filename)
            if info.flag_bits & 0x1:
                raise MalformedSource(f"member {info.filename!r} is encrypted", path=self.label, field=info.filename)
            total += info.file_size
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise MalformedSource(
                    f"refused: member {info.filename!r} expands {info.file_size // max(info.compress_size, 1)}x "
                    f"(a zip bomb? at most {MAX_RATIO}x is accepted)", path=self.label, field=info.filename)
        if total > MAX_TOTAL_BYTES:
            raise MalformedSource(f"refused: the archive expands to {total} bytes (at most {MAX_TOTAL_BYTES})",
                                  path=self.label)

    def names(self) -> list[str]:
        """Member names (files only), with backslashes turned into slashes."""
        return [i.filename.replace("\\", "/") for i in self._zf.infolist() if not i.is_dir()]

    def find(self, name: str, *, folder_case_insensitive: bool = True) -> str | None:
        """The stored name matching `name`; folder names compare case-insensitively (``Sources/``)."""
        wanted = name.replace("\\", "/")
        names = {n: n for n in self.names()}
        if wanted in names:
            return wanted
        if folder_case_insensitive:
            folder, _, base = wanted.rpartition("/")
            for n in names:
                f, _, b = n.rpartition("/")
                if b == base and f.casefold() == folder.casefold():
                    return n
            for n in names:
                if n.casefold() == wanted.casefold():
                    return n
        return None

    def read(self, name: str) -> bytes:
        """The bytes of member `name`, never more than it declares."""
        stored = self.find(name)
        if stored is None:
            raise MalformedSource(f"member {name!r} is missing", path=self.label, field=name)
        info = next(i for i in self._zf.infolist() if i.filename.replace("\\", "/") == stored)
        try:
            with self._zf.open(info) as fh:
                data = fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
            raise MalformedSource(f"member {stored!r} is damaged ({exc})", path=self.label, field=stored) from None
        except NotImplementedError as exc:
            raise MalformedSource(f"member {stored!r}: {exc}", path=self.label, field=stored) from None
        if len(data) > info.file_size:
            raise MalformedSource(f"refused: member {stored!r} holds more than it declares", path=self.label,
                                  field=stored)
        return data

    def close(self) -> None:
        self._zf.close()

    def __enter__(self) -> "SafeZip":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
