"""The layer contract: which part of stancegraph may import which, checked on the import graph.

Every module of every folder that pyproject.toml maps into the `stancegraph` package is parsed (never
imported); every ``import`` and ``from ... import`` in it, at any depth (imports inside functions
count), is resolved to the stancegraph module it names. A rule forbids an importer prefix to reach a
target prefix, with named exceptions. The last tests run the checker on tiny synthetic trees, so a
forbidden import added anywhere makes this file fail.
"""

from __future__ import annotations

import ast
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Rule:
    importer: str  # a module and everything under it
    forbidden: str  # may not import this module or anything under it...
    unless: tuple[str, ...] = ()  # ...except these modules (and what is under them)
    why: str = ""


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


RULES: tuple[Rule, ...] = (
    # the big layers: api -> loaders -> graph -> ontology, never back
    Rule("stancegraph.ontology", "stancegraph", unless=("stancegraph.ontology",),
         why="the ontology is data: it imports nothing of ours"),
    Rule("stancegraph.graph", "stancegraph.loaders", why="graph never imports loaders"),
    Rule("stancegraph.graph", "stancegraph.api", why="graph never imports api"),
    Rule("stancegraph.loaders", "stancegraph.api", why="loaders never import api"),
    *(Rule(f"stancegraph.{part}", "stancegraph", unless=("stancegraph.graph", "stancegraph.loaders",
                                                          "stancegraph.ontology", "stancegraph.api"),
           why="only the top-level package re-exports; nothing imports it back")
      for part in ("graph", "loaders", "ontology", "api")),
    # inside graph: the model at the bottom, the backends and the analyses side by side
    *(Rule("stancegraph.graph.model", f"stancegraph.graph.{other}",
           why="the model needs no backend, analysis or export")
      for other in ("rdf", "neo4j", "analysis", "export")),
    *(Rule("stancegraph.graph.rdf", f"stancegraph.graph.{other}", why="the RDF store stands on the model alone")
      for other in ("neo4j", "analysis", "export")),
    *(Rule("stancegraph.graph.neo4j", f"stancegraph.graph.{other}", why="Neo4j stands on the model alone")
      for other in ("rdf", "analysis", "export")),
    Rule("stancegraph.graph.analysis", "stancegraph.graph.rdf",
         why="analyses run in memory on a Bundle, whatever store it came from"),
    Rule("stancegraph.graph.analysis", "stancegraph.graph.neo4j",
         why="analyses run in memory on a Bundle, whatever store it came from"),
    Rule("stancegraph.graph.analysis", "stancegraph.graph.export", unless=("stancegraph.graph.export.formats",),
         why="analyses use only the CSV cell guard of the exports"),
    Rule("stancegraph.graph.export", "stancegraph.graph.analysis", why="exports take results, not analyses"),
    Rule("stancegraph.graph.export", "stancegraph.graph.neo4j"),
    Rule("stancegraph.graph.export", "stancegraph.graph.rdf", unless=("stancegraph.graph.rdf.mapping",),
         why="exports read triples through the RDF mapping (its public surface), never the store"),
    # inside loaders: loaders make Bundles; they never open a store or a Neo4j connection
    *(Rule("stancegraph.loaders", f"stancegraph.graph.{p}", why="loaders produce Bundles, they store nothing")
      for p in ("rdf.store", "rdf.graph_store", "rdf.sparql_results", "neo4j", "analysis")),
    Rule("stancegraph.loaders.documents", "stancegraph.loaders.formats",
         why="document readers know nothing of the coded-data formats"),
    Rule("stancegraph.loaders.extract", "stancegraph.loaders.formats",
         why="the extractor reads documents, not other tools' codes"),
    *(Rule("stancegraph.loaders.extract.genres", f"stancegraph.loaders.extract.{step}",
           why="a genre reader reads structure; the sentence layer and the steps after it ask the reader, not back")
      for step in ("pipeline", "assembly")),
    # inside api: the web service never reaches for the command line
    Rule("stancegraph.api.http", "stancegraph.api.cli", why="the web service does not depend on the CLI"),
    Rule("stancegraph.api.http", "stancegraph.api.notebook"),
    Rule("stancegraph.api.cli", "stancegraph.api.notebook"),
)


def package_dirs(root: Path = ROOT) -> dict[str, Path]:
    """Package name -> folder, as pyproject.toml maps them (setuptools package-dir)."""
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    return {name: root / folder for name, folder in config["tool"]["setuptools"]["package-dir"].items()}


def modules(dirs: dict[str, Path]) -> dict[str, Path]:
    """Every module under the mapped folders: dotted name -> file (a package is its __init__.py)."""
    found: dict[str, Path] = {}
    for package, folder in dirs.items():
        for path in sorted(folder.rglob("*.py")):
            parts = list(path.relative_to(folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join([package, *parts])] = path
    return found


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The stancegraph modules `name` (at `path`) imports, relative imports resolved."""
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if _under(a.name, "stancegraph"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                if node.level - 1 >= len(parts):
                    continue
                base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if not _under(base, "stancegraph"):
                continue
            for alias in node.names:  # `from pkg import module` imports the module
                child = f"{base}.{alias.name}"
                out.add(child if child in known else base)
    return out


def import_graph(dirs: dict[str, Path]) -> dict[str, set[str]]:
    mods = modules(dirs)
    known = set(mods)
    return {name: imports_of(name, path, known) for name, path in mods.items()}


def violations(graph: dict[str, set[str]], rules: tuple[Rule, ...] = RULES) -> list[str]:
    found = []
    for importer, targets in sorted(graph.items()):
        for target in sorted(targets):
            for rule in rules:
                if (_under(importer, rule.importer) and _under(target, rule.forbidden)
                        and not any(_under(target, ok) for ok in rule.unless)):
                    found.append(f"{importer} imports {target}: {rule.why or 'forbidden by the layer contract'}")
    return found


# --------------------------------------------------------------------------- the real tree

def test_the_import_graph_covers_every_part() -> None:
    graph = import_graph(package_dirs())
    for part in ("ontology", "graph.model", "graph.rdf", "graph.neo4j", "graph.analysis", "graph.export",
                 "loaders.formats", "loaders.documents", "loaders.extract", "api.http", "api.cli"):
        assert any(_under(m, f"stancegraph.{part}") for m in graph), part
    assert len(graph) > 80
    # the checker sees relative imports, lazy imports and `from package import module`
    assert "stancegraph.graph.model.records" in graph["stancegraph.graph.rdf.store"]
    assert "stancegraph.graph.neo4j.client" in graph["stancegraph.api.cli.main"]  # inside a function
    assert "stancegraph.graph.export.formats" in graph["stancegraph.api.http.routes_export"]  # `import formats as ex`


def test_no_module_imports_across_a_forbidden_layer() -> None:
    assert violations(import_graph(package_dirs())) == []


def test_every_package_docstring_says_what_it_holds() -> None:
    for name, path in modules(package_dirs()).items():
        if path.name != "__init__.py":
            continue
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        assert doc and "placeholder" not in doc.lower(), name
        if name != "stancegraph.loaders.extract":  # the extractor's own docstring is its owner's
            assert "import" in doc, f"{name}: the docstring should say what it may import"


# --------------------------------------------------------------------------- the checker itself

def _tree(tmp_path: Path, files: dict[str, str]) -> dict[str, Path]:
    for rel, text in files.items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.setuptools.package-dir]\n"stancegraph" = "package"\n"stancegraph.graph" = "graph"\n'
        '"stancegraph.ontology" = "ontology"\n"stancegraph.loaders" = "loaders"\n"stancegraph.api" = "api"\n',
        encoding="utf-8")
    return package_dirs(tmp_path)


CLEAN = {
    "package/__init__.py": "from .api.notebook import open\n",
    "ontology/__init__.py": "import json\n",
    "graph/__init__.py": "",
    "graph/model/__init__.py": "",
    "graph/model/records.py": "from ...ontology import names\n",
    "graph/rdf/__init__.py": "",
    "graph/rdf/mapping.py": "from ..model.records import Bundle\n",
    "graph/rdf/store.py": "from .mapping import x\n",
    "graph/analysis/__init__.py": "",
    "graph/analysis/network.py": "from ..export.formats import guard_formula\nfrom ..model import records\n",
    "graph/export/__init__.py": "",
    "graph/export/formats.py": "from ..rdf.mapping import to_rdflib\n",
    "loaders/__init__.py": "from ..graph.model.records import Bundle\n",
    "loaders/formats/__init__.py": "",
    "loaders/formats/dna.py": "from ..documents.reader import decode_text\nfrom ...graph.rdf import mapping\n",
    "loaders/documents/__init__.py": "",
    "loaders/documents/reader.py": "def f():\n    from ..extract import extract_document\n",
    "loaders/extract/__init__.py": "from ..documents.reader import x\n",
    "api/__init__.py": "",
    "api/notebook.py": "from ..graph.rdf.store import Store\nfrom ..loaders import load_path\n",
    "api/http/__init__.py": "",
    "api/http/app.py": "from ...graph.rdf.store import Store\nfrom .. import ingest\n",
    "api/ingest.py": "import stancegraph.loaders\n",
    "api/cli/__init__.py": "",
    "api/cli/main.py": "from ..http.app import create_app\n",
}


def test_a_clean_synthetic_tree_passes(tmp_path: Path) -> None:
    graph = import_graph(_tree(tmp_path, CLEAN))
    assert graph["stancegraph.loaders.formats.dna"] == {"stancegraph.loaders.documents.reader",
                                                       "stancegraph.graph.rdf.mapping"}
    assert violations(graph) == []


@pytest.mark.parametrize(("rel", "line", "expected"), [
    ("ontology/names.py", "from ..graph.model import records\n", "stancegraph.ontology.names imports stancegraph.graph"),
    ("graph/model/ids.py", "from ...loaders import load_path\n", "imports stancegraph.loaders"),
    ("graph/model/ids.py", "def f():\n    from ...api.http import app\n", "imports stancegraph.api.http.app"),
    ("graph/model/ids.py", "from ..rdf import store\n", "imports stancegraph.graph.rdf.store"),
    ("graph/analysis/tensions.py", "import stancegraph.graph.neo4j.client\n", "imports stancegraph.graph.neo4j"),
    ("graph/analysis/tensions.py", "from ..rdf.store import Store\n", "imports stancegraph.graph.rdf.store"),
    ("graph/analysis/tensions.py", "from ..export import viz\n", "imports stancegraph.graph.export"),
    ("graph/export/viz.py", "from ..rdf.store import Store\n", "imports stancegraph.graph.rdf.store"),
    ("graph/export/viz.py", "from ..analysis.network import x\n", "imports stancegraph.graph.analysis"),
    ("graph/neo4j/client.py", "from ..rdf.mapping import node\n", "imports stancegraph.graph.rdf"),
    ("loaders/formats/dna.py", "from ...api.cli.main import app\n", "imports stancegraph.api"),
    ("loaders/formats/dna.py", "from ...graph.rdf.store import Store\n", "imports stancegraph.graph.rdf.store"),
    ("loaders/documents/pdf.py", "from ..formats import dna\n", "imports stancegraph.loaders.formats"),
    ("api/http/routes.py", "from ..cli.main import app\n", "imports stancegraph.api.cli"),
    ("graph/export/viz.py", "import stancegraph\n", "imports stancegraph:"),
])
def test_a_forbidden_import_fails(tmp_path: Path, rel: str, line: str, expected: str) -> None:
    graph = import_graph(_tree(tmp_path, {**CLEAN, rel: line}))
    found = violations(graph)
    assert found and any(expected in v for v in found), found
