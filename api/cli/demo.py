"""`stancegraph demo`: the README's main command. Ingests the project's example documents and
../shared/corpus where it exists, prints what it loaded and where to look, then serves the API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .output import message

REPO = Path(__file__).resolve().parents[2]  # api/cli/demo.py -> the repository


def demo_inputs() -> list[Path]:
    """The example documents shipped with the project, plus ../shared/corpus when present."""
    inputs = []
    examples = REPO / "examples"
    if examples.is_dir():
        inputs.append(examples)
    corpus = REPO.parent / "shared" / "corpus"
    if corpus.is_dir():
        inputs.extend(p for p in sorted(corpus.iterdir()) if p.is_file() and not is_note(p))
    return inputs


def is_note(path: Path) -> bool:
    """Files beside a corpus that describe it rather than belong to it (SOURCES.txt, README, *-expected.md)."""
    name = path.name.casefold()
    return name.startswith(("sources", "readme", "licen")) or "expected" in name or name.startswith(".")


def register(app: typer.Typer) -> None:
    @app.command()
    def demo(
        store: Annotated[Optional[Path], typer.Option("--store", help="Store folder [default: setting].")] = None,
        serve: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the API and maps afterwards.")] = False,
        host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port")] = 8000,
        quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
    ) -> None:
        """Load the example documents (and ../shared/corpus if present) and show where to look."""
        from .main import ingest, store_path

        inputs = demo_inputs()
        if not inputs:
            message("no example documents found (examples/ is missing)")
            raise typer.Exit(2)
        message("ingesting: " + ", ".join(str(p) for p in inputs))
        try:
            ingest(paths=inputs, store=store, no_validate=False, workers=None, quiet=quiet)
        except typer.Exit as exc:
            if exc.exit_code:
                message("some inputs were rejected (see above); serving what loaded")
        where = f"http://{host}:{port}"
        message(
            f"\nstore: {store_path(store)}\n"
            f"explore:      {where}/\n"
            f"tension map:  {where}/viz/tensions\n"
            f"SPARQL:       {where}/sparql\n"
            f"API docs:     {where}/docs\n"
        )
        if serve:
            try:
                from .serve import run_server
            except ImportError:
                message("the API server is not available in this build")
                raise typer.Exit(2) from None
            run_server(host=host, port=port, store=store)
