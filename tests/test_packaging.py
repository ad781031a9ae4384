"""The four folders install as one import package, `stancegraph`, which a user's own files cannot shadow."""

from __future__ import annotations

import subprocess
import sys


def test_user_files_named_graph_and_api_do_not_shadow_the_package(tmp_path):
    for name in ("graph", "api", "loaders", "ontology"):
        (tmp_path / f"{name}.py").write_text("raise SystemExit('shadowed!')\n", encoding="utf-8")
    code = ("import stancegraph.graph.model.records, stancegraph.api.cli.main, stancegraph.loaders, stancegraph.ontology.names; "
            "from stancegraph.graph.model.themes import default_scheme; print(len(default_scheme()))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout) > 10  # the packaged theme scheme is found
