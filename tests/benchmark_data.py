"""The benchmarks' synthetic data (benchmarks/synthetic.py) for tests that want the same graphs."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def synthetic() -> ModuleType:
    """benchmarks/synthetic.py as a module (imported once)."""
    spec = importlib.util.spec_from_file_location("stancegraph_synthetic", ROOT / "benchmarks" / "synthetic.py")
    assert spec and spec.loader
    if spec.name not in sys.modules:
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    return sys.modules[spec.name]
