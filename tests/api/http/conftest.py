"""The ``browser`` fixture: one headless chromium per test module (see tests/api/browser_tools.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from browser_tools import DevTools, start_browser


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevTools]:
    yield from start_browser(tmp_path_factory)
