"""The W3C SPARQL Protocol test suite (../shared/w3c-sparql-protocol: the 48-test manifest, SPARQL 1.1 tests and
the SPARQL 1.2 additions, with a runner that checks every expected status, boolean and format) against a real
server on loopback. The runner needs Node and the n3 package: .ci/run installs the version pinned in
.ci/w3c-protocol/package-lock.json into .cache/w3c-protocol (`npm ci`), as `make w3c-deps` does."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from api_fixtures import TOKEN, start_server, stop_server

pytestmark = [pytest.mark.server, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[3]
SUITE = ROOT.parent / "shared" / "w3c-sparql-protocol"
NODE_MODULES = ROOT / ".cache" / "w3c-protocol" / "node_modules"


def test_every_w3c_protocol_test_passes(tmp_path: Path) -> None:
    node = shutil.which("node")
    if not SUITE.is_dir():
        pytest.skip(f"the W3C protocol suite is not at {SUITE}")
    if node is None or not (NODE_MODULES / "n3").is_dir():
        pytest.skip("Node or the n3 package is missing: run `make w3c-deps`")
    suite = tmp_path / "suite"
    shutil.copytree(SUITE, suite)
    suite.chmod(0o755)  # (the shared folder has no write bits)
    (suite / "node_modules").symlink_to(NODE_MODULES)  # the runner's `import 'n3'` resolves from its folder
    (tmp_path / "server").mkdir()
    server = start_server(tmp_path / "server", load=False)
    try:
        done = subprocess.run(
            [node, "strict-runner.mjs", f"{server.url}/sparql", "--token", TOKEN,
             "--graph-store-url", f"{server.url}/rdf-graphs", "--manifest", "./manifest.ttl",
             "--earl-output", str(tmp_path / "earl.ttl")],
            cwd=suite, capture_output=True, text=True, timeout=600)
    finally:
        stop_server(server)
    failures = [line for line in done.stdout.splitlines() if line.startswith(("FAIL", "ERROR"))]
    result = re.search(r"Results: (\d+) passed, (\d+) failed, (\d+) errors \((\d+) total\)", done.stdout)
    assert result, done.stdout + done.stderr
    passed, failed, errors, total = map(int, result.groups())
    assert (failed, errors) == (0, 0), "\n".join(failures)
    assert passed == total == 48
