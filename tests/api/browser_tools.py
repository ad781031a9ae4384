"""Headless chromium for the browser tests, driven over the DevTools protocol (a websocket) with no
network beyond loopback: every name but 127.0.0.1 fails to resolve and everything else goes to a dead proxy.
Used by the ``browser`` fixture (tests/api/http/conftest.py)."""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from api_fixtures import Server

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
                  "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
                  "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                  "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=127.0.0.1",
                  "--window-size=1280,800", "--remote-debugging-port=0", "about:blank"]


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail("chromium is missing; .ci/run installs it (apt-get install -y chromium)")
    pytest.skip("chromium is not installed (apt-get install -y chromium)")


class DevTools:
    """A minimal DevTools protocol client: one page target, commands in order, events collected."""

    def __init__(self, ws_url: str) -> None:
        import websocket

        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self.ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

    def call(self, method: str, params: dict[str, Any] | None = None, *, session: bool = False) -> dict[str, Any]:
        msg_id = next(self.ids)
        msg: dict[str, Any] = {"id": msg_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = self.session
        self.ws.send(json.dumps(msg))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == msg_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def page(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.call(method, params, session=True)

    def evaluate(self, expression: str) -> Any:
        return self.page("Runtime.evaluate", {"expression": expression, "returnByValue": True})["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {expression}")

    def close(self) -> None:
        self.ws.close()


def start_browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevTools]:
    """A headless chromium with one page, until the generator is closed."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    proc = subprocess.Popen([chromium_path(), f"--user-data-dir={profile}", *CHROMIUM_FLAGS],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = profile / "DevToolsActivePort"
    deadline = time.monotonic() + 30
    while not (port_file.exists() and len(port_file.read_text().splitlines()) >= 2):
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            pytest.fail("chromium did not start its DevTools endpoint")
        time.sleep(0.1)
    port, path = port_file.read_text().splitlines()[:2]
    tools = DevTools(f"ws://127.0.0.1:{port}{path}")
    for domain in ("Runtime", "Log", "Network", "Page"):
        tools.page(f"{domain}.enable")
    yield tools
    tools.close()
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:  # pragma: no cover
        proc.kill()


def visit(tools: DevTools, url: str, ready: str, shot: str) -> list[dict[str, Any]]:
    """Open `url`, wait for `ready` (a JS expression), save a screenshot; return the events seen."""
    tools.events.clear()
    tools.page("Page.navigate", {"url": url})
    tools.wait_for("document.readyState === 'complete'")
    tools.wait_for(ready)
    time.sleep(0.5)  # let late console messages arrive
    tools.evaluate("1")  # drain
    png = base64.b64decode(tools.page("Page.captureScreenshot", {"format": "png"})["data"])
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / shot).write_bytes(png)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 1000
    return list(tools.events)


def problems_in(events: list[dict[str, Any]], server: Server) -> tuple[list[str], list[str]]:
    """Console errors and uncaught exceptions; requests to anything but the test server."""
    errors, foreign = [], []
    host = urlparse(server.url).netloc
    for e in events:
        method, params = e.get("method"), e.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            errors.append(str(details.get("exception", {}).get("description") or details.get("text"))[:300])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append(json.dumps(params.get("args", []))[:300])
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            errors.append(params["entry"].get("text", "")[:300])
        elif method == "Network.requestWillBeSent":
            url = params.get("request", {}).get("url", "")
            parsed = urlparse(url)
            if parsed.scheme not in ("data", "about", "blob") and parsed.netloc != host:
                foreign.append(url)
    return errors, foreign


