"""``stancegraph viz`` writes self-contained maps and the heatmap from a store."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from api_fixtures import SCRIPT_NAME, base_env, write_sheet
from stancegraph.graph.export.viz import external_urls


def run(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(Path(sys.executable).parent / "stancegraph"), *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_viz_writes_offline_maps_and_heatmaps(tmp_path: Path) -> None:
    env = base_env(tmp_path)
    store = str(tmp_path / "store")
    assert run("ingest", str(write_sheet(tmp_path / "sheet.csv")), "--store", store, "-q", env=env, cwd=tmp_path).returncode == 0
    for kind, name in (("tensions", "map.html"), ("graph", "graph.html"), ("heatmap", "heat.png")):
        done = run("viz", "-o", name, "--kind", kind, "--store", store, env=env, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    html = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert external_urls(html) == [] and SCRIPT_NAME not in html and "vis.Network" in html
    assert (tmp_path / "heat.png").read_bytes()[:4] == b"\x89PNG"
    bad = run("viz", "-o", "heat.pdf", "--kind", "heatmap", "--store", store, env=env, cwd=tmp_path)
    assert bad.returncode == 2 and "png or .svg" in bad.stderr and "Traceback" not in bad.stderr
    assert os.path.getsize(tmp_path / "graph.html") < 2_000_000
