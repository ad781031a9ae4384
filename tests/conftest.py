"""Shared fixtures. Data from ../shared is read in place, never copied into the repo.

Tests that need ../shared skip when it is absent, except in CI (CI=true), where they fail.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT.parent / "shared").resolve()
CORPUS = SHARED / "corpus"
FIXTURES = SHARED / "fixtures"
SEED_DOC = CORPUS / "stakeholder-expectations-social-care-workforce.txt"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def need_shared(path: Path) -> Path:
    """Return `path` under ../shared, skipping the test when it is missing (failing in CI)."""
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is missing; CI must have ../shared")
        pytest.skip(f"{path} is missing (../shared not present)")
    return path


@pytest.fixture
def seed_doc() -> Path:
    return need_shared(SEED_DOC)


@pytest.fixture
def corpus_dir() -> Path:
    return need_shared(CORPUS)


@pytest.fixture
def fixtures_dir() -> Path:
    return need_shared(FIXTURES)


@pytest.fixture(autouse=True)
def _isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Each test gets its own store folder and fresh settings; no .env from the developer's folder."""
    from stancegraph.graph.model.settings import get_settings

    monkeypatch.setenv("STANCEGRAPH_STORE", str(tmp_path / "store"))
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def pytest_runtest_makereport(item, call):  # noqa: ANN001, ANN201
    """In CI a skipped test is a failed test: integration tests must run there, never be skipped."""
    if not IN_CI or call.when not in ("setup", "call") or call.excinfo is None:
        return None
    if call.excinfo.errisinstance(pytest.skip.Exception):
        reason = str(call.excinfo.value)
        call.excinfo = None
        from _pytest.reports import TestReport

        report = TestReport.from_item_and_call(item, call)
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, which counts as a failure: {reason}"
        return report
    return None


def pytest_configure(config):  # noqa: ANN001, ANN201
    config.addinivalue_line("markers", "integration: a test that needs a real external component")
