"""``stancegraph serve`` (the web app on uvicorn) and ``stancegraph viz`` (maps to files)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ...graph.model.errors import UsageError
from ...graph.model.settings import get_settings
from .main import QuietOption, StoreOption, open_store, store_path  # cli imports this module after defining these
from .output import message


class VizKind(str, Enum):
    tensions = "tensions"
    graph = "graph"
    heatmap = "heatmap"


def run_server(*, host: str = "127.0.0.1", port: int = 8000, store: Path | None = None, quiet: bool = False) -> None:
    """Serve the web app on uvicorn over the store (blocks until stopped); used by serve and demo."""
    import uvicorn

    from ..http.app import create_app

    settings = get_settings().model_copy(update={"store": store_path(store)})
    if not quiet:
        message(f"stancegraph on http://{host}:{port}/  (store {settings.store}; API docs at /docs; "
                f"writes {'enabled with the token' if settings.write_token else 'disabled'})")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning" if quiet else "info",
                access_log=not quiet)


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: Annotated[str, typer.Option("--host", help="Interface to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
        store: StoreOption = None,
        quiet: QuietOption = False,
    ) -> None:
        """Serve the REST API, SPARQL endpoint, explorer page and maps over the store."""
        run_server(host=host, port=port, store=store, quiet=quiet)

    @app.command()
    def viz(
        output: Annotated[Path, typer.Option("--output", "-o", help="File to write (.html; .png or .svg for heatmap).")],
        kind: Annotated[VizKind, typer.Option("--kind", help="tensions (map), graph (whole graph) or heatmap.")] = VizKind.tensions,
        theme: Annotated[Optional[str], typer.Option("--theme", help="Only claims on this theme (tension map).")] = None,
        seed: Annotated[int, typer.Option("--seed", help="Seed of the tension clustering.")] = 0,
        store: StoreOption = None,
    ) -> None:
        """Write a self-contained map (works offline) or the agreement heatmap."""
        from ...graph.export.heatmap import heatmap_image
        from ...graph.export.tension_view import tension_map_html
        from ...graph.export.viz import graph_map_html
        from .output import write_output

        with open_store(store) as st:
            bundle = st.bundle()
        if kind is VizKind.heatmap:
            fmt = output.suffix.lower().lstrip(".")
            if fmt not in ("png", "svg"):
                raise UsageError(f"the heatmap is written as .png or .svg, not {output.name}")
            write_output(heatmap_image(bundle, fmt=fmt), output)
        elif kind is VizKind.graph:
            write_output(graph_map_html(bundle), output)
        else:
            from ...graph.model.errors import BackendUnavailable
            from ..http.routes_analysis import analysis_function

            try:
                tensions = analysis_function("tensions")(bundle, seed=seed, **({"theme": theme} if theme else {}))
            except BackendUnavailable:
                tensions = None
            write_output(tension_map_html(bundle, tensions, theme=theme), output)
        message(f"wrote {output}")
