"""The four folders install as one import package, `stancegraph`, which a user's own files cannot shadow;
the top-level package (package/) adds `sg.open`, in an editable install and in a wheel alike."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_user_files_named_graph_and_api_do_not_shadow_the_package(tmp_path):
    for name in ("graph", "api", "loaders", "ontology", "package"):
        (tmp_path / f"{name}.py").write_text("raise SystemExit('shadowed!')\n", encoding="utf-8")
    code = ("import stancegraph.graph.model.records, stancegraph.api.cli.main, stancegraph.loaders, stancegraph.ontology.names; "
            "from stancegraph.graph.model.themes import default_scheme; print(len(default_scheme()))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout) > 10  # the packaged theme scheme is found


def test_import_stancegraph_as_sg_opens_a_store_and_stays_light(tmp_path):
    code = ("import sys; import stancegraph.graph.model.ids; light = 'scipy' not in sys.modules; "
            "import stancegraph as sg; from stancegraph.graph.rdf.store import Store; Store('s').close(); "
            "g = sg.open('s', frames=False); print(light, type(g).__name__, g.positions())")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split(None, 2) == ["True", "Graph", "[]\n"]


@pytest.mark.slow
def test_the_wheel_holds_every_package_and_its_data(tmp_path):
    wheels = tmp_path / "wheels"
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(ROOT)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("stancegraph-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
        entry_points = next(n for n in zf.namelist() if n.endswith("entry_points.txt"))
        assert "stancegraph = stancegraph.api.cli.main:main" in zf.read(entry_points).decode()
    sources = [(folder, p.relative_to(ROOT / folder)) for folder in ("graph", "api", "loaders", "ontology")
               for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert len(sources) > 100
    for folder, rel in sources:  # every module and data file of every part, at its package path
        assert (site / "stancegraph" / folder / rel).is_file(), (folder, rel)
    assert (site / "stancegraph" / "__init__.py").is_file()
    # the unpacked wheel comes first on the path, so nothing of the editable install is used
    code = ("import stancegraph as sg, stancegraph.graph.export.viz as viz, stancegraph.api.http.routes_pages as rp; "
            "from stancegraph.graph.rdf.store import Store; Store('s').close(); "
            "print(sg.__file__); print(viz.__file__); print(len(rp.static_bytes('explorer.html')) > 0, "
            "(viz.TEMPLATES / 'network.html').is_file(), sg.open('s').bundle.positions == {})")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(site), "PATH": ""})
    assert proc.returncode == 0, proc.stderr
    top, viz_file, checks = proc.stdout.splitlines()
    assert Path(top).parent == site / "stancegraph" and Path(viz_file).is_relative_to(site)
    assert checks == "True True True"


def test_make_ci_and_the_image_install_the_locked_versions():
    """A fresh clone installs what was tested: requirements.lock pins every dependency of stancegraph[dev,pandas]
    (snowballstemmer and the pandas extra included), and make, CI and the Dockerfile install with it."""
    from importlib.metadata import PackageNotFoundError, requires, version

    pins = dict(line.split("==", 1) for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#"))
    assert {"typer", "neo4j", "snowballstemmer", "pandas", "defusedxml", "pyoxigraph"} <= {p.lower() for p in pins}
    direct = {r.split(";")[0].split("[")[0].split("<")[0].split(">")[0].split("=")[0].split("!")[0].strip().lower()
              for r in requires("stancegraph") or []}
    assert direct <= {p.lower().replace("_", "-") for p in pins} | {p.lower() for p in pins}, direct
    wrong = []
    for name, pinned in pins.items():
        try:
            if version(name) != pinned:
                wrong.append((name, pinned, version(name)))
        except PackageNotFoundError:
            wrong.append((name, pinned, None))
    assert not wrong, f"this environment is not the locked one (make install): {wrong}"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet -c $(LOCK) -e '.[dev,pandas]'" in makefile and "LOCK := requirements.lock" in makefile
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -c requirements.lock ." in (ROOT / "Dockerfile").read_text(encoding="utf-8")
