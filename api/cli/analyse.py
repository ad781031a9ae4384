"""``stancegraph analyse ...``: convergence, conflicts, tensions, consensus, polarisation and DNA networks.

Thin views over :mod:`stancegraph.graph.analysis.convergence`: read the store, build the stance matrix with the
filters, print JSON (``--json``) or a table. Registered through ``COMMAND_MODULES`` in :mod:`.cli`.
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ...graph.analysis.network import Level, Mode
from .output import render_table, write_output

analyse_app = typer.Typer(help="Where groups converge and clash: reports and networks computed on the stored graph.",
                          no_args_is_help=True, rich_markup_mode=None)

StoreOption = Annotated[Optional[Path], typer.Option("--store", help="Store folder [default: $STANCEGRAPH_STORE or ./.stancegraph].",
                                                     show_default=False)]
JsonOption = Annotated[bool, typer.Option("--json", help="JSON (the shapes in DESIGN.md) instead of a table.")]
ThemeOption = Annotated[Optional[str], typer.Option("--theme", help="Only claims on this theme (id or label) or a narrower one.")]
DocumentOption = Annotated[Optional[str], typer.Option("--document", help="Only positions from this document (id or title).")]
MethodOption = Annotated[Optional[str], typer.Option("--method", help="Only evidence from sources of this method (workshop, literature review...).")]
KindOption = Annotated[Optional[str], typer.Option("--kind", help="Only positions held by stakeholders of this kind (group, organisation, person).")]
FromOption = Annotated[Optional[str], typer.Option("--from", help="Only positions dated on or after this ISO date.")]
ToOption = Annotated[Optional[str], typer.Option("--to", help="Only positions dated on or before this ISO date.")]
OutputOption = Annotated[Optional[str], typer.Option("--output", "-o", help="Write here instead of stdout ('-' is stdout).")]


class Normalize(str, Enum):
    no = "no"
    average = "average"
    jaccard = "jaccard"
    cosine = "cosine"
    activity = "activity"
    prominence = "prominence"


class NetFormat(str, Enum):
    csv = "csv"
    json = "json"
    graphml = "graphml"
    gexf = "gexf"


class NetType(str, Enum):
    onemode = "onemode"
    twomode = "twomode"


def _matrix(store: Path | None, **filters: Any):  # -> StanceMatrix
    from ...graph.analysis.matrix import build_matrix
    from .main import open_store

    with open_store(store) as st:
        bundle = st.bundle()
    return build_matrix(bundle, **{k: v for k, v in filters.items() if v is not None})


def _emit(data: Any, as_json: bool, header: list[str], rows: list[list[Any]], output: str | None) -> None:
    if as_json:
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
    else:
        write_output(render_table(header, rows), output)


def _labels(values: list[str], n: int = 4) -> str:
    return ", ".join(values[:n]) + (f" (+{len(values) - n})" if len(values) > n else "")


def _run(name: str, store: Path | None, filters: dict[str, Any], **options: Any) -> Any:
    from ...graph.analysis import convergence as A

    m = _matrix(store, **filters)
    fn = {"convergence": A.find_convergence, "conflicts": A.find_conflicts, "tensions": A.find_tensions,
          "consensus": A.compute_consensus, "polarisation": A.compute_polarisation}[name]
    return fn(m, **options)


@analyse_app.command()
def convergence(as_json: JsonOption = False, theme: ThemeOption = None, document: DocumentOption = None,
                method: MethodOption = None, kind: KindOption = None, date_from: FromOption = None,
                date_to: ToOption = None, min_groups: Annotated[int, typer.Option("--min-groups", help="Fewest supporting groups.")] = 1,
                store: StoreOption = None, output: OutputOption = None) -> None:
    """Claims backed across groups and opposed by none, strongest first."""
    rows = _run("convergence", store, dict(theme=theme, document=document, method=method, kind=kind,
                                           date_from=date_from, date_to=date_to), min_groups=min_groups)
    _emit(rows, as_json, ["score", "groups", "claim", "themes"],
          [[r["score"], _labels(r["groups"]), r["text"], _labels(r["themes"], 2)] for r in rows], output)


@analyse_app.command()
def conflicts(as_json: JsonOption = False, theme: ThemeOption = None, document: DocumentOption = None,
              method: MethodOption = None, kind: KindOption = None, date_from: FromOption = None,
              date_to: ToOption = None,
              group_a: Annotated[Optional[str], typer.Option("--group-a", help="With --group-b: what these two groups disagree on.")] = None,
              group_b: Annotated[Optional[str], typer.Option("--group-b", help="The other group (id or label).")] = None,
              store: StoreOption = None, output: OutputOption = None) -> None:
    """Contested claims with their supporting and opposing sides."""
    rows = _run("conflicts", store, dict(theme=theme, document=document, method=method, kind=kind,
                                         date_from=date_from, date_to=date_to), group_a=group_a, group_b=group_b)
    _emit(rows, as_json, ["score", "support", "oppose", "claim"],
          [[r["score"], _labels(r["support"]), _labels(r["oppose"]), r["text"]] for r in rows], output)


@analyse_app.command()
def tensions(as_json: JsonOption = False, theme: ThemeOption = None, document: DocumentOption = None,
             method: MethodOption = None, kind: KindOption = None, date_from: FromOption = None,
             date_to: ToOption = None, seed: Annotated[int, typer.Option("--seed", help="Seed of the community detection.")] = 0,
             store: StoreOption = None, output: OutputOption = None) -> None:
    """Tension clusters: contested claims, their sides, the bridges between them, and the quotes."""
    rows = _run("tensions", store, dict(theme=theme, document=document, method=method, kind=kind,
                                        date_from=date_from, date_to=date_to), seed=seed)
    table = []
    for t in rows:
        sides = {s["stance"]: s["stakeholders"] for s in t["sides"]}
        bridges = [b.get("text") or b.get("label") or "" for b in t["bridges"]]
        table.append([t["id"], t["label"], len(t["claims"]), _labels(sides.get("support", []), 3),
                      _labels(sides.get("oppose", []), 3), _labels(bridges, 2)])
    _emit(rows, as_json, ["id", "label", "claims", "support", "oppose", "bridges"], table, output)


@analyse_app.command()
def consensus(as_json: JsonOption = False, theme: ThemeOption = None, document: DocumentOption = None,
              method: MethodOption = None, kind: KindOption = None, date_from: FromOption = None,
              date_to: ToOption = None, store: StoreOption = None, output: OutputOption = None) -> None:
    """Every claim with per-group counts, group-informed consensus (Pol.is) and divisiveness."""
    rows = _run("consensus", store, dict(theme=theme, document=document, method=method, kind=kind,
                                         date_from=date_from, date_to=date_to))
    _emit(rows, as_json, ["consensus", "divisiveness", "support", "oppose", "neutral", "claim"],
          [[f"{r['consensus']:.4g}", f"{r['divisiveness']:.3g}", r["support"], r["oppose"], r["neutral"], r["text"]]
           for r in rows], output)


@analyse_app.command()
def polarisation(as_json: JsonOption = False, theme: ThemeOption = None, document: DocumentOption = None,
                 method: MethodOption = None, kind: KindOption = None, date_from: FromOption = None,
                 date_to: ToOption = None, level: Annotated[Level, typer.Option("--level")] = Level.group,
                 seed: Annotated[int, typer.Option("--seed")] = 0, store: StoreOption = None,
                 output: OutputOption = None) -> None:
    """Polarisation (anchored on DNA's) of the whole graph and per theme."""
    res = _run("polarisation", store, dict(theme=theme, document=document, method=method, kind=kind,
                                           date_from=date_from, date_to=date_to), level=level.value, seed=seed)
    rows = [["(all)", res["score"], res["q"], res["nodes"]]] + [
        [r["label"], r["score"], r["q"], r["nodes"]] for r in res.get("by_theme", [])]
    _emit(res, as_json, ["theme", "score", "q", "nodes"], rows, output)


@analyse_app.command()
def network(mode: Annotated[Mode, typer.Option("--mode", help="Qualifier aggregation (DNA).")] = Mode.congruence,
            level: Annotated[Level, typer.Option("--level", help="Stakeholders, or the groups they belong to.")] = Level.stakeholder,
            normalize: Annotated[Normalize, typer.Option("--normalize", help="DNA normalisation (activity/prominence: two-mode).")] = Normalize.no,
            format: Annotated[NetFormat, typer.Option("--format", "-f", help="csv: labelled square matrix.")] = NetFormat.csv,
            type: Annotated[NetType, typer.Option("--type", help="onemode (actor x actor) or twomode (actor x claim).")] = NetType.onemode,
            theme: ThemeOption = None, document: DocumentOption = None, method: MethodOption = None,
            kind: KindOption = None, date_from: FromOption = None, date_to: ToOption = None,
            store: StoreOption = None, output: OutputOption = None) -> None:
    """A network in the Discourse Network Analyzer's sense; weights count statements (evidence passages)."""
    from ...graph.analysis.network import compute_network, compute_two_mode, serialize_network

    m = _matrix(store, theme=theme, document=document, method=method, kind=kind, date_from=date_from, date_to=date_to)
    if type is NetType.onemode:
        net = compute_network(m, mode=mode.value, level=level.value, normalize=normalize.value)
    else:
        net = compute_two_mode(m, mode=mode.value, level=level.value, normalize=normalize.value)
    write_output(serialize_network(net, format.value), output)


def register(app: typer.Typer) -> None:
    app.add_typer(analyse_app, name="analyse")
