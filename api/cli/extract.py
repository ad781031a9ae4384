"""``stancegraph extract DOC... -o sheet.csv``: run the extractor and write the coding sheet for review.

The sheet has the DESIGN.md columns plus ``kind, method, rule, confidence, section`` so a
reviewer sees why each row exists. Its ``document`` column is the document's path relative to
the sheet (absolute when the sheet is not a file), so ``stancegraph ingest sheet.csv`` finds the
document again, checks every quote against its text, and replaces that document's extraction
with the corrected rows. Claims that say the same thing in several documents are merged.
"""

from __future__ import annotations

import json
import os
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ...graph.model.errors import StancegraphError, UsageError
from .output import message, progress, write_output


class SheetFormat(str, Enum):
    csv = "csv"
    yaml = "yaml"
    json = "json"


def _format_for(output: str | None, fmt: SheetFormat | None) -> SheetFormat:
    if fmt is not None:
        return fmt
    if output and output != "-":
        suffix = Path(output).suffix.lower()
        if suffix in (".yaml", ".yml"):
            return SheetFormat.yaml
        if suffix == ".json":
            return SheetFormat.json
    return SheetFormat.csv


def document_reference(doc_path: Path, output: str | None) -> str:
    """How the sheet names a document: relative to the sheet's folder (or the working folder for stdout)."""
    base = Path(output).resolve().parent if output and output != "-" else Path.cwd()
    target = doc_path.resolve()
    try:
        return os.path.relpath(target, base)
    except ValueError:  # another drive on Windows
        return str(target)


def render_sheet(bundle, paths: dict[str, Path], output: str | None, fmt: SheetFormat) -> str:  # noqa: ANN001
    from ...graph.export.formats import bundle_json_bytes, write_csv
    from ...loaders.formats.coding_sheet import ALL_COLUMNS, rows_from_bundle

    if fmt is SheetFormat.json:
        return bundle_json_bytes(bundle).decode("utf-8")
    rows = rows_from_bundle(bundle, document_path=lambda d: document_reference(paths[d.id], output) if d.id in paths else d.title)
    if fmt is SheetFormat.yaml:
        import yaml

        cleaned = [{k: v for k, v in r.items() if v != ""} for r in rows]
        for r in cleaned:
            for k in ("start", "end"):
                if k in r:
                    r[k] = int(r[k])
            for k in ("strength", "confidence"):
                if k in r:
                    r[k] = float(r[k])
        return yaml.safe_dump({"positions": cleaned}, allow_unicode=True, sort_keys=False, width=100)
    return write_csv(rows, ALL_COLUMNS)


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        documents: Annotated[list[Path], typer.Argument(help="Documents: .txt .md .rst .html .pdf .docx (or folders of them).")],
        output: Annotated[Optional[str], typer.Option("--output", "-o", help="Sheet file (.csv, .yaml, .json) or '-' for stdout.")] = None,
        format: Annotated[Optional[SheetFormat], typer.Option("--format", "-f", help="csv (default), yaml, or json (interchange).")] = None,
        workers: Annotated[Optional[int], typer.Option("--workers", "-j", help="Processes [default: one per core].")] = None,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary on stderr.")] = False,
    ) -> None:
        """Extract stakeholders, claims, stances, themes and evidence into a coding sheet to review and ingest."""
        from ...graph.model.records import Bundle
        from ...loaders.formats import coding_sheet
        from ...loaders import detect_loader
        from ...loaders.extract import merge_bundles
        from .main import expand_inputs
        from ..ingest import read_inputs

        inputs = [p for p in expand_inputs(documents)]
        if not inputs:
            raise UsageError("nothing to extract: no documents under the given paths")
        fmt = _format_for(output, format)
        bundles: list[Bundle] = []
        paths: dict[str, Path] = {}
        failures = 0
        for path in inputs:
            try:
                if detect_loader(path) is coding_sheet:
                    raise UsageError(f"{path}: is a coding sheet, not a document (ingest it instead)")
            except UsageError:
                raise
            except StancegraphError:
                pass  # reported below by the reader with its own message
        for path, outcome in progress(read_inputs(inputs, workers=workers), total=len(inputs), label="extract", quiet=quiet):
            if isinstance(outcome, StancegraphError):
                failures += 1
                message(f"error: {outcome}")
                continue
            for doc_id in outcome.documents:
                paths[doc_id] = path
            bundles.append(outcome)
            if not quiet:
                c = outcome.counts()
                message(f"extracted {path}: {c['stakeholders']} stakeholders, {c['claims']} claims, {c['positions']} positions")
        merged = Bundle()
        for b in merge_bundles(bundles):
            merged.update(b)
        if bundles:
            write_output(render_sheet(merged, paths, output, fmt), output)
        if failures:
            raise typer.Exit(1)
