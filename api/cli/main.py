"""The ``stancegraph`` command line.

Data goes to stdout, messages to stderr. Exit codes: 0 success, 1 rejected data, 2 usage or
runtime error. Errors are one line on stderr, never a traceback (set STANCEGRAPH_DEBUG=1 to see one).
Command groups that need more (analyse, viz, serve, push, extract, demo) live in their own
modules of this package, registered at the bottom of this file.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ...graph.model.errors import LoaderError, StancegraphError, UsageError
from ...graph.model.settings import Settings, describe_settings, get_settings
from .output import message, progress, render_rows, render_table, write_output

app = typer.Typer(
    name="stancegraph",
    help="A knowledge graph of stakeholder positions: who wants what, where groups agree and clash, and the evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

def package_version() -> str:
    """The installed version of stancegraph."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("stancegraph")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without an install
        return "0+unknown"


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"stancegraph {package_version()}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    pass


StoreOption = Annotated[
    Optional[Path],
    typer.Option("--store", help="Store folder [default: $STANCEGRAPH_STORE or ./.stancegraph].", show_default=False),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary on stderr.")]
OutputOption = Annotated[Optional[str], typer.Option("--output", "-o", help="Write here instead of stdout ('-' is stdout).")]


class RowFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(str, Enum):
    json = "json"
    ttl = "ttl"
    nt = "nt"
    jsonld = "jsonld"
    nq = "nq"
    trig = "trig"
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"
    sheet = "sheet"


def store_path(store: Path | None) -> Path:
    return store if store is not None else get_settings().store


def open_store(store: Path | None, *, create: bool = False):  # -> Store
    """The store at `store` (or the setting). Only `ingest` creates one: for the commands that read, a
    folder that holds no store is a typo, refused with "no store at PATH" (exit 2)."""
    from ...graph.rdf.store import Store

    settings = get_settings()
    path = store_path(store)
    if not create and not (path.is_dir() and any(path.iterdir())):
        raise UsageError(f"no store at {path} (create one with `stancegraph ingest FILE --store {path}`)")
    return Store(path, base=settings.base_iri)


def read_query_arg(value: str) -> str:
    """A query given inline, as @FILE, or as @- (standard input)."""
    if value == "@-":
        return sys.stdin.read()
    if value.startswith("@"):
        path = Path(value[1:])
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot read query file {path}: {exc.strerror}") from None
    return value


# --------------------------------------------------------------------------- ingest

def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files and folders to load: a folder a loader claims (a Pol.is export) is one input; other folders are walked."""
    from ...loaders import detect_loader, loader_modules
    from ...graph.model.errors import UnsupportedFormat

    out: list[Path] = []
    exts = {e for m in loader_modules() for e in m.EXTENSIONS}
    for p in paths:
        if p.is_dir():
            try:
                detect_loader(p)
                out.append(p)
                continue
            except UnsupportedFormat:
                pass
            claimed: list[Path] = []  # subfolders a loader reads whole (Pol.is exports inside a folder)
            for child in sorted(p.rglob("*")):
                if any(c in child.parents for c in claimed) or child.name.startswith("."):
                    continue
                if child.is_dir():
                    try:
                        detect_loader(child)
                        claimed.append(child)
                        out.append(child)
                    except UnsupportedFormat:
                        pass
                elif child.is_file() and child.suffix.lower() in exts:
                    out.append(child)
        else:
            out.append(p)
    return out


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders: documents, coding sheets, coded data exports.")],
    store: StoreOption = None,
    no_validate: Annotated[bool, typer.Option("--no-validate", help="Skip SHACL validation (faster; for trusted bulk data).")] = False,
    workers: Annotated[Optional[int], typer.Option("--workers", "-j", help="Processes for reading documents [default: one per core].")] = None,
    quiet: QuietOption = False,
) -> None:
    """Load inputs into the store. Each input lands whole or not at all; loading it again changes nothing."""
    from ...graph.model.themes import default_scheme
    from ...graph.rdf.mapping import bundle_triples
    from ...graph.model.records import Bundle
    from ..ingest import StoreMerger, read_inputs

    inputs = expand_inputs(paths)
    if not inputs:
        raise UsageError("nothing to ingest: no supported files under the given paths")
    failures = loaded = 0
    existed = store_path(store).is_dir()
    new_store = not (existed and any(store_path(store).iterdir()))
    with open_store(store, create=True) as st:
        results = read_inputs(inputs, workers=workers, find_document=lambda doc_id: _stored_document(st, doc_id))
        merger = StoreMerger(st)  # the store's claims indexed once, each input's new claims placed on the index
        for path, outcome in progress(results, total=len(inputs), label="ingest", quiet=quiet):
            if isinstance(outcome, StancegraphError):
                failures += 1
                message(f"error: {outcome}")
                continue
            try:
                report = st.load(merger.merge(outcome), validate=not no_validate, label=str(path))
            except StancegraphError as exc:
                merger.failed()
                failures += 1
                message(f"error: {exc}")
                continue
            merger.loaded(report)
            if not loaded:  # the theme scheme comes with the first input that lands, not before
                scheme = Bundle()
                scheme.extend(default_scheme())
                st.ensure_graph("graph/themes", bundle_triples(scheme, st.base))  # (the merger reads it next time)
            loaded += 1
            if not quiet:
                c = report.counts
                verb = "replaced" if report.replaced else "loaded"
                message(f"{verb} {path}: {c['documents']} document(s), {c['stakeholders']} stakeholders, "
                        f"{c['claims']} claims, {c['positions']} positions")
        if not quiet and (loaded or not new_store):
            s = st.stats()
            message(f"store {st.path}: {s['documents']} documents, {s['stakeholders']} stakeholders, "
                    f"{s['claims']} claims, {s['positions']} positions, {s['quads']} quads")
    if new_store and not loaded:  # every input refused: leave no store behind (an empty folder stays empty)
        import shutil

        for child in store_path(store).iterdir() if existed else [store_path(store)]:
            shutil.rmtree(child, ignore_errors=True) if child.is_dir() else child.unlink()
    if failures:
        raise typer.Exit(1)


def _stored_document(st, doc_id: str):  # noqa: ANN001, ANN202
    if not st.has_document(doc_id):
        return None
    return st.bundle(doc_id).documents.get(doc_id)


# --------------------------------------------------------------------------- export

@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = ExportFormat.json,
    store: StoreOption = None,
    output: OutputOption = None,
    document: Annotated[Optional[str], typer.Option("--document", help="Only this document (id).")] = None,
) -> None:
    """Write the graph: interchange JSON, RDF (ttl, nt, jsonld, nq, trig), the coding sheet, or network formats.

    csv writes Gephi's two tables: with -o FILE.csv, FILE.csv (nodes) and FILE.edges.csv (edges); to stdout
    or -o FILE.zip, a ZIP holding nodes.csv and edges.csv.
    """
    from ...graph.export import formats as ex

    with open_store(store) as st:
        fmt = format.value
        if fmt in ("nq", "trig"):
            data = ex.serialize_triples(list(st.quads()), fmt, base=st.base)  # named graphs (the meta graph left out)
        elif fmt in ex.RDF_FORMATS:
            data = ex.serialize_triples(st.triples(document), fmt, base=st.base)
        elif fmt == "json":
            data = ex.bundle_json_bytes(st.bundle(document))
        elif fmt == "sheet":
            from ...loaders.formats.coding_sheet import ALL_COLUMNS, rows_from_bundle

            data = ex.write_csv(rows_from_bundle(st.bundle(document)), ALL_COLUMNS)
        elif fmt == "csv" and output not in (None, "-") and not output.lower().endswith(".zip"):
            ex.exchange.write_csv_tables(st.bundle(document), Path(output))  # FILE.csv and FILE.edges.csv
            return
        elif fmt in ex.EXTRA_FORMATS:
            data = ex.EXTRA_FORMATS[fmt](st.bundle(document))
        else:
            raise UsageError(f"export format {fmt} is not available in this build")
    write_output(data, output)


# --------------------------------------------------------------------------- query

@app.command()
def query(
    sparql: Annotated[Optional[str], typer.Option("--sparql", help="A SPARQL 1.1 query, or @FILE.")] = None,
    cypher: Annotated[Optional[str], typer.Option("--cypher", help="A read-only Cypher query for Neo4j, or @FILE.")] = None,
    format: Annotated[RowFormat, typer.Option("--format", "-f", help="table, csv (header row) or json.")] = RowFormat.table,
    store: StoreOption = None,
    uri: Annotated[Optional[str], typer.Option("--uri", help="Neo4j bolt URI [default: $NEO4J_URI].")] = None,
    timeout: Annotated[Optional[float], typer.Option("--timeout", help="Seconds before the query is stopped [default: setting].")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", help="Most rows [default: setting query_row_limit].")] = None,
    output: OutputOption = None,
) -> None:
    """Ask the embedded store (SPARQL, prefixes sg: skos: dcterms: ... predeclared) or Neo4j (Cypher, read-only)."""
    if (sparql is None) == (cypher is None):
        raise UsageError("give exactly one of --sparql or --cypher")
    settings = get_settings()
    timeout = timeout if timeout is not None else settings.query_timeout
    limit = limit if limit is not None else settings.query_row_limit
    if cypher is not None:
        from ...graph.neo4j import client as n4  # added by the Neo4j layer

        header, rows = n4.run_read_query(read_query_arg(cypher), uri=uri, timeout=timeout, row_limit=limit)
        write_output(render_rows(header, rows, format.value), output)
        return
    text = read_query_arg(sparql or "")
    with open_store(store) as st:
        outcome = st.query(text, timeout=timeout, row_limit=limit)
    if format is RowFormat.json:
        from ...graph.rdf.sparql_results import outcome_json

        write_output(json.dumps(outcome_json(outcome), ensure_ascii=False, indent=2) + "\n", output)
        return
    if format is RowFormat.csv and outcome.kind != "graph":  # the W3C SPARQL CSV results, as /sparql?format=csv
        write_output(outcome.serialize("csv"), output)
        return
    header, rows = outcome.table()
    write_output(render_rows(header, rows, format.value), output)


# --------------------------------------------------------------------------- validate, stats, settings

@app.command()
def validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Inputs to check without loading them; none checks the store.")] = None,
    store: StoreOption = None,
) -> None:
    """Check inputs (or the whole store) against the SHACL shapes; exit 1 naming the first failing node and shape."""
    from ...graph.rdf.mapping import bundle_triples
    from ...graph.rdf.validate import validate_triples
    from ...loaders import load_path

    if paths:
        for p in expand_inputs(paths):
            bundle = load_path(p)
            validate_triples(bundle_triples(bundle), label=str(p), engine="pyshacl")
            message(f"ok {p}: {len(bundle.positions)} positions conform to the shapes")
        return
    with open_store(store) as st:
        for doc_id in st.document_ids():
            validate_triples(st.triples(doc_id), label=doc_id, engine="pyshacl")
        message(f"ok: {len(st.document_ids())} documents in {st.path} conform to the shapes")


@app.command()
def stats(
    store: StoreOption = None,
    format: Annotated[RowFormat, typer.Option("--format", "-f")] = RowFormat.table,
) -> None:
    """Counts of documents, sources, stakeholders, themes, claims, positions, passages and quads."""
    with open_store(store) as st:
        s = st.stats()
    if format is RowFormat.json:
        write_output(json.dumps(s, indent=2) + "\n", None)
    else:
        write_output(render_rows(["what", "count"], list(s.items()), format.value), None)


@app.command("settings")
def settings_cmd(format: Annotated[RowFormat, typer.Option("--format", "-f")] = RowFormat.table) -> None:
    """Every setting: environment variable, current value (secrets masked), default, help."""
    rows = describe_settings(get_settings())
    header = ["name", "env", "value", "default", "help"]
    write_output(render_rows(header, [[r[h] for h in header] for r in rows], format.value), None)


# --------------------------------------------------------------------------- command modules

#: modules that add commands: each defines register(app)
COMMAND_MODULES: list[str] = [
    "demo",
    "push",
    "analyse",
    "extract",
    "serve",
]

for _name in COMMAND_MODULES:
    importlib.import_module(f"{__package__}.{_name}").register(app)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, mapping every stancegraph error to one line and an exit code.

    The app runs in Typer's standalone mode: usage errors (a missing argument, an unknown command or
    option, a bad choice) print the usage and the error and exit 2, whichever copy of click the
    installed Typer carries (Typer 0.29 ships its own); ``typer.Exit`` codes pass through.
    """
    debug = bool(os.environ.get("STANCEGRAPH_DEBUG"))
    try:
        app(args=argv, prog_name="stancegraph")
    except StancegraphError as exc:
        if debug:
            raise
        message(f"error: {exc}")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        message("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # a bug: still one line, with the way to see more
        if debug:
            raise
        message(f"internal error: {type(exc).__name__}: {exc} (set STANCEGRAPH_DEBUG=1 for a traceback)")
        sys.exit(2)
