"""A static group x theme agreement heatmap (matplotlib) for reports, as PNG or SVG bytes.

Each cell is the net stance of a group's positions on the claims of a theme,
``(support - oppose) / (support + oppose)``, from -1 (all oppose) to +1 (all support), with the
counts written in the cell; blank cells have no position. Groups are stakeholders aggregated to
the groups they belong to (as in the tension map).
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from typing import Any

from ..model.catalog import Catalog
from ..model.errors import UsageError
from ..model.records import Bundle


def agreement_matrix(bundle: Bundle, *, max_groups: int = 25, max_themes: int = 25) -> dict[str, Any]:
    """``{"groups": [label], "themes": [label], "cells": [[{"support","oppose","neutral","score"}]]}``.

    Rows and columns are the most active groups and themes, most active first.
    """
    catalog = Catalog(bundle)
    tally: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for p in bundle.positions.values():
        claim = bundle.claims.get(p.claim)
        if claim is None:
            continue
        for actor in catalog.groups_of(p.stakeholder) or [p.stakeholder]:
            for t in claim.themes:
                if t in bundle.themes:
                    tally[(actor, t)][p.stance.value] += 1
    g_act: Counter[str] = Counter()
    t_act: Counter[str] = Counter()
    for (g, t), c in tally.items():
        g_act[g] += sum(c.values())
        t_act[t] += sum(c.values())
    groups = [g for g, _ in sorted(g_act.items(), key=lambda kv: (-kv[1], kv[0]))[:max_groups]]
    themes = [t for t, _ in sorted(t_act.items(), key=lambda kv: (-kv[1], kv[0]))[:max_themes]]
    cells = []
    for g in groups:
        row = []
        for t in themes:
            c = tally.get((g, t), Counter())
            s, o = c["support"], c["oppose"]
            row.append({"support": s, "oppose": o, "neutral": c["neutral"],
                        "score": None if s + o == 0 else round((s - o) / (s + o), 4)})
        cells.append(row)
    label = {sid: sh.label for sid, sh in bundle.stakeholders.items()}
    return {"groups": [label.get(g, g) for g in groups], "themes": [bundle.themes[t].label for t in themes],
            "cells": cells}


def heatmap_image(bundle: Bundle, *, fmt: str = "png", title: str = "Agreement by group and theme") -> bytes:
    """The heatmap as PNG or SVG bytes (no pyplot: safe to call from server threads)."""
    if fmt not in ("png", "svg"):
        raise UsageError(f"heatmap format must be png or svg, not {fmt!r}")
    import numpy as np
    from matplotlib.figure import Figure

    m = agreement_matrix(bundle)
    n_g, n_t = len(m["groups"]), len(m["themes"])
    fig = Figure(figsize=(max(6.0, 1.0 + 0.75 * n_t), max(3.0, 1.6 + 0.45 * n_g)), dpi=100)
    ax = fig.add_subplot()
    if n_g == 0 or n_t == 0:
        ax.text(0.5, 0.5, "no positions yet", ha="center", va="center")
        ax.set_axis_off()
    else:
        values = np.array([[np.nan if c["score"] is None else c["score"] for c in row] for row in m["cells"]])
        image = ax.imshow(np.ma.masked_invalid(values), cmap="RdYlGn", vmin=-1, vmax=1, aspect="auto")
        ax.set_xticks(range(n_t), labels=[_wrap(t) for t in m["themes"]], rotation=40, ha="right", fontsize=8)
        ax.set_yticks(range(n_g), labels=[_wrap(g, 40) for g in m["groups"]], fontsize=8)
        for i, row in enumerate(m["cells"]):
            for j, c in enumerate(row):
                if c["support"] or c["oppose"] or c["neutral"]:
                    ax.text(j, i, f"{c['support']}/{c['oppose']}", ha="center", va="center", fontsize=7)
        bar = fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
        bar.set_label("net stance (support − oppose) / (support + oppose)", fontsize=8)
        ax.set_title(f"{title}  (cells: support/oppose)", fontsize=10)
    fig.tight_layout()
    buf = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {"Software": "stancegraph"}
    fig.savefig(buf, format=fmt, metadata=metadata)
    return buf.getvalue()


def _wrap(text: str, width: int = 28) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
