"""stancegraph: a knowledge graph of stakeholder positions (who wants what, where groups agree and clash).

The notebook API: ``import stancegraph as sg; g = sg.open(".stancegraph")`` (see :mod:`stancegraph.api.notebook`).
The parts are the sub-packages ontology, graph, loaders and api. This package may import any of
them (lazily, so that ``import stancegraph.graph...`` stays light); none of them imports it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api.notebook import Graph, open

__all__ = ["Graph", "open"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from .api import notebook

        return getattr(notebook, name)
    raise AttributeError(f"module 'stancegraph' has no attribute {name!r}")
