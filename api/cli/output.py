"""Rendering rows for the terminal and for pipes: aligned tables, CSV, JSON; progress bars that keep quiet when piped."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from ...graph.export.formats import query_csv

T = TypeVar("T")


def render_table(header: Sequence[str], rows: Sequence[Sequence[Any]], *, max_width: int = 60) -> str:
    def cell(v: Any) -> str:
        s = "" if v is None else str(v)
        s = s.replace("\n", " ")
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def render_rows(header: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str) -> str:
    """Rows as table, csv (header row, one row per result, values exactly) or json (a list of objects)."""
    if fmt == "csv":
        return query_csv(list(header), rows)
    if fmt == "json":
        return json.dumps([dict(zip(header, r)) for r in rows], ensure_ascii=False, indent=2) + "\n"
    return render_table(header, rows)


def write_output(data: str | bytes, output: str | Path | None) -> None:
    """Write to a file, or to stdout for None or "-"."""
    if output in (None, "-"):
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data)
            sys.stdout.flush()
        return
    path = Path(output)  # type: ignore[arg-type]
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")


def progress(items: Iterable[T], *, total: int | None, label: str, quiet: bool = False) -> Iterator[T]:
    """A progress bar on stderr when it is a terminal; silent when piped or with quiet."""
    show = not quiet and sys.stderr.isatty()
    if not show:
        yield from items
        return
    n = 0
    width = 30
    for item in items:
        yield item
        n += 1
        if total:
            filled = int(width * n / total)
            sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {n}/{total}")
        else:
            sys.stderr.write(f"\r{label} {n}")
        sys.stderr.flush()
    sys.stderr.write("\n")


def message(text: str) -> None:
    """A message for the user (stderr, so stdout stays data)."""
    sys.stderr.write(text.rstrip("\n") + "\n")
    sys.stderr.flush()
