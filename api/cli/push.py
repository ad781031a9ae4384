"""`stancegraph push neo4j`: copy the store's graph into Neo4j (idempotent, per-document replacement)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .output import message


class Target(str, Enum):
    neo4j = "neo4j"


class ProgressBar:
    """A one-line progress bar on stderr when it is a terminal; silent when piped or quiet."""

    def __init__(self, *, quiet: bool = False, width: int = 30) -> None:
        self.show = not quiet and sys.stderr.isatty()
        self.width = width
        self.drawn = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.show:
            return
        filled = int(self.width * done / total) if total else self.width
        sys.stderr.write(f"\rpush [{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} {stage:<12}")
        sys.stderr.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            sys.stderr.write("\n")
            sys.stderr.flush()


def register(app: typer.Typer) -> None:
    @app.command()
    def push(
        target: Annotated[Target, typer.Argument(help="Where to push: neo4j.")],
        uri: Annotated[Optional[str], typer.Option("--uri", help="Neo4j bolt URI [default: $NEO4J_URI].")] = None,
        store: Annotated[Optional[Path], typer.Option("--store", help="Store folder [default: $STANCEGRAPH_STORE or ./.stancegraph].", show_default=False)] = None,
        document: Annotated[Optional[list[str]], typer.Option("--document", help="Only this document (id); repeatable.")] = None,
        wipe: Annotated[bool, typer.Option("--wipe", help="Delete every stancegraph node in Neo4j first.")] = False,
        batch_size: Annotated[int, typer.Option("--batch-size", help="Records per write transaction.", min=1)] = 10_000,
        writers: Annotated[int, typer.Option("--writers", help="Concurrent write sessions (about the server's cores).", min=1)] = 2,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary on stderr.")] = False,
    ) -> None:
        """Push the store to Neo4j (credentials from NEO4J_USER / NEO4J_PASSWORD). Pushing again changes nothing;
        a pushed document's positions, passages and sources replace the ones Neo4j had."""
        from ...graph.neo4j.client import Neo4jGraph
        from .main import open_store

        with open_store(store) as st:
            bundle = st.bundle()
        bar = ProgressBar(quiet=quiet)
        with Neo4jGraph(uri, writers=writers) as graph:
            if wipe:
                removed = graph.wipe()
                if not quiet:
                    message(f"wiped {removed} nodes")
            try:
                report = graph.push(bundle, documents=document or None, batch_size=batch_size, on_progress=bar)
            finally:
                bar.close()
        if not quiet:
            c = report.counts
            rate = f", {c['positions'] / report.seconds:,.0f} positions/s" if c["positions"] >= 1000 else ""
            deleted = sum(report.deleted.values())
            message(f"pushed to {graph.conn.uri}: {c['documents']} documents, {c['stakeholders']} stakeholders, "
                    f"{c['claims']} claims, {c['positions']} positions ({report.created.get('positions', 0)} new, "
                    f"{deleted} stale records deleted) in {report.seconds:.1f} s{rate}; "
                    f"Neo4j now holds {report.nodes} nodes and {report.relationships} relationships")
