"""Helpers for the API tests: the coding sheet they load and a real server on loopback.

A real stancegraph server on loopback, over a store loaded from a small coding sheet built here.

The sheet (below) is the data every API test reasons about. By hand:

* 2 documents (consultation.txt, hearing.txt), 4 claims, 11 positions;
* 7 stakeholders: 3 groups (Providers, Workforce representatives, People who draw on care) and 4
  members (Care England and ``<script>alert(1)</script>`` in Providers, UNISON in Workforce
  representatives, Carers UK in People who draw on care);
* the living-wage claim: 3 support (UNISON, Carers UK, the script one), 1 oppose (Care England);
  the register claim (hearing.txt): UNISON supports, Care England opposes, Carers UK neutral;
  national training funding: all three named organisations support;
  the ``=HYPERLINK(...)`` claim: Carers UK supports (it tests the CSV formula guard).
"""

from __future__ import annotations

import csv
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

TOKEN = "test-write-token-3f9a"
SCRIPT_NAME = "<script>alert(1)</script>"
FORMULA_CLAIM = '=HYPERLINK("http://example.invalid","click")'
LIVING_WAGE = "Care workers should be paid at least the real living wage"
REGISTER = "A professional register for care workers should be introduced"
TRAINING = "Training for care workers should be funded nationally"

SHEET_ROWS = [
    # document, source, stakeholder, kind, group, stance, claim, themes, quantifier, quote
    ("consultation.txt", "Workshop 1", "UNISON", "organisation", "Workforce representatives", "support", LIVING_WAGE,
     "Pay and conditions", "strongly", "Pay must reach the real living wage."),
    ("consultation.txt", "Workshop 1", "Carers UK", "organisation", "People who draw on care", "support", LIVING_WAGE,
     "Pay and conditions", "", "Fair pay keeps carers in the job."),
    ("consultation.txt", "Literature review", "Care England", "organisation", "Providers", "oppose", LIVING_WAGE,
     "Pay and conditions", "", "Providers cannot afford it without new funding."),
    ("consultation.txt", "Workshop 1", SCRIPT_NAME, "organisation", "Providers", "support", LIVING_WAGE,
     "Pay and conditions", "", "<b>yes</b> & more"),
    ("hearing.txt", "Oral evidence", "UNISON", "organisation", "Workforce representatives", "support", REGISTER,
     "Regulation and registration", "", "A register would professionalise the workforce."),
    ("hearing.txt", "Oral evidence", "Care England", "organisation", "Providers", "oppose", REGISTER,
     "Regulation and registration", "", "Registration fees would fall on low-paid staff."),
    ("hearing.txt", "Oral evidence", "Carers UK", "organisation", "People who draw on care", "neutral", REGISTER,
     "Regulation and registration", "", "We have no settled view on registration."),
    ("consultation.txt", "Workshop 1", "UNISON", "organisation", "Workforce representatives", "support", TRAINING,
     "Training", "", "Training should not be paid for by staff."),
    ("consultation.txt", "Literature review", "Care England", "organisation", "Providers", "support", TRAINING,
     "Training", "", "National funding for training is welcome."),
    ("consultation.txt", "Workshop 1", "Carers UK", "organisation", "People who draw on care", "support", TRAINING,
     "Training", "", "Everyone agreed training needs national money."),
    ("consultation.txt", "Workshop 1", "Carers UK", "organisation", "People who draw on care", "support", FORMULA_CLAIM,
     "Training", "", "=1+1"),
]


def write_sheet(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["document", "source", "stakeholder", "kind", "group", "stance", "claim", "themes", "quantifier", "quote"])
        w.writerows(SHEET_ROWS)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cli(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(Path(sys.executable).parent / "stancegraph"), *args],
                          env=env, cwd=cwd, capture_output=True, text=True, timeout=300)


@dataclass
class Server:
    url: str
    store: Path
    process: subprocess.Popen[bytes]
    token: str | None

    def client(self, **kw: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30, **kw)  # type: ignore[arg-type]


def base_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STANCEGRAPH_", "NEO4J_"))}
    env.update(STANCEGRAPH_STORE=str(tmp / "store"), PYTHONUNBUFFERED="1", NO_PROXY="127.0.0.1,localhost")
    return env


def start_server(tmp: Path, *, token: str | None = TOKEN, extra_env: dict[str, str] | None = None,
                 load: bool = True) -> Server:
    """Ingest the sheet into a fresh store and start ``stancegraph serve`` on a free loopback port."""
    env = base_env(tmp)
    store = tmp / "store"
    if load:
        sheet = write_sheet(tmp / "sheet.csv")
        done = cli("ingest", str(sheet), "--store", str(store), "--quiet", env=env, cwd=tmp)
        assert done.returncode == 0, done.stderr
    if token:
        env["STANCEGRAPH_WRITE_TOKEN"] = token
    env.update(extra_env or {})
    port = free_port()
    with (tmp / "server.log").open("wb") as log:  # the child keeps its own handle
        proc = subprocess.Popen([str(Path(sys.executable).parent / "stancegraph"), "serve", "--port", str(port),
                                 "--store", str(store), "--quiet"], env=env, cwd=tmp, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {(tmp / 'server.log').read_text()}")
        try:
            if httpx.get(url + "/health", timeout=2).status_code == 200:
                return Server(url, store, proc, token)
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"server did not start: {(tmp / 'server.log').read_text()}")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:  # pragma: no cover
        server.process.kill()
