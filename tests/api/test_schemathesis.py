"""schemathesis generates requests from /openapi.json against a real server: none may get a 5xx.

Bounded (a fixed seed, a few examples per operation, one worker: hypothesis lambda
descriptions call ast.parse, which CPython 3.11 does not make thread-safe) so it runs in well under a minute.
The write token is not sent, so generated writes are refused (403) and the shared store stays as it is.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from api_fixtures import Server

pytestmark = [pytest.mark.server, pytest.mark.slow]


def test_no_server_errors_from_generated_requests(server: Server, tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "schemathesis"
    done = subprocess.run(
        [str(exe), "run", server.url + "/openapi.json", "--checks", "not_a_server_error",
         "--phases", "examples,coverage,fuzzing", "--max-examples", "6", "--seed", "20240601",
         "--workers", "1", "--no-shrink", "--request-timeout", "20"],
        cwd=tmp_path, capture_output=True, text=True, timeout=240)
    tail = done.stdout[-4000:]
    assert done.returncode == 0, tail
    assert "38 passed" in tail or "passed" in tail
    # the health endpoint still answers and nothing was written
    import httpx

    assert httpx.get(server.url + "/health").json()["counts"]["positions"] == 11
