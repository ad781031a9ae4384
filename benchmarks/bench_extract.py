"""Benchmark the document extractor: the development corpus end to end, and a synthetic 100-document set,
on one core and on all cores. Writes benchmarks/results/extract.json.

    python benchmarks/bench_extract.py [--docs 100] [--seed 7] [--workers N]

Targets (issue 3): the corpus under 2 s end to end; 100 report-sized documents under 60 s on 2 cores.
The synthetic documents are recombined from the fictional examples in examples/ (sections shuffled, names
and numbers varied, seeded), written as .md, .html and .txt in a temporary folder. A "page" is counted as
3,000 characters of document text.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"
PAGE = 3000


def _extract(path: str) -> tuple[str, float, int, dict[str, int]]:
    from stancegraph.loaders import load_path

    start = time.perf_counter()
    bundle = load_path(Path(path))
    elapsed = time.perf_counter() - start
    (doc,) = bundle.documents.values()
    return path, elapsed, len(doc.text or ""), bundle.counts()


def _warm() -> None:
    from stancegraph.loaders.extract.lexicon import default_lexicon
    from stancegraph.loaders.extract.themes import ThemeMatcher

    default_lexicon()
    ThemeMatcher()


def run_set(paths: list[Path], workers: int) -> dict[str, object]:
    """Extract every path with `workers` processes (1 = in this process); wall time includes the pool's start."""
    start = time.perf_counter()
    if workers == 1:
        results = [_extract(str(p)) for p in paths]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_extract, [str(p) for p in paths], chunksize=max(1, len(paths) // (workers * 4))))
    wall = time.perf_counter() - start
    chars = sum(r[2] for r in results)
    return {
        "workers": workers, "documents": len(paths), "wall_seconds": round(wall, 3),
        "seconds_per_document": round(wall / len(paths), 4), "pages": round(chars / PAGE, 1),
        "seconds_per_page": round(wall / max(chars / PAGE, 1e-9), 4),
        "per_document": [{"document": Path(r[0]).name, "seconds": round(r[1], 3), "pages": round(r[2] / PAGE, 1), **r[3]}
                         for r in results] if len(paths) <= 10 else None,
        "median_document_seconds": round(statistics.median(r[1] for r in results), 4),
    }


def synthetic_documents(folder: Path, n: int, seed: int) -> list[Path]:
    """n report-sized documents recombined from the example templates (seeded)."""
    rng = random.Random(seed)
    sections: list[str] = []
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix not in (".md", ".txt", ".html"):
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            text = re.sub(r"<(?:h[1-6])>(.*?)</h[1-6]>", r"\n\n\1\n\n", text)
            text = re.sub(r"<li>(.*?)</li>", r"\n- \1", text)
            text = re.sub(r"<tr><t[dh]>(.*?)</t[dh]><t[dh]>(.*?)</t[dh]></tr>", r"\n\1\t\2", text)
            text = re.sub(r"<[^>]+>", "", text)
        parts = [p.strip() for p in re.split(r"\n(?=#{2,3} |\S[^\n]{2,60}\n\n)", text) if len(p.strip()) > 80]
        sections.extend(p for p in parts if "FICTIONAL" not in p)
    towns = ["Ashby", "Brindle", "Carrow", "Dunmere", "Elston", "Fenwick", "Garth", "Holme", "Ivybridge", "Kelling"]
    groups = ["tenants", "carers", "farmers", "teachers", "nurses", "students", "landlords", "cyclists", "pensioners", "traders"]
    out = []
    for i in range(n):
        town = rng.choice(towns)
        body = [f"# {town} consultation report {i + 1} (synthetic, fictional)", "",
                "Approach", "", f"The {town} Partnership ran workshops, interviews and an online survey.", ""]
        while sum(len(s) for s in body) < 24_000:
            section = rng.choice(sections)
            section = re.sub(r"\b(?:Riverside|Saltmarsh|Northshire)\b", town, section)
            section = re.sub(r"\b(?:parents|young people|walking groups)\b", rng.choice(groups), section)
            section = re.sub(r"\d+", lambda m: str(int(m.group(0)) + rng.randint(0, 9)), section)
            body.extend([section, ""])
        text = "\n".join(body)
        suffix = (".md", ".txt", ".txt")[i % 3]
        path = folder / f"synthetic-{i:03d}{suffix}"
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results" / "extract.json")
    args = ap.parse_args(argv)
    result: dict[str, object] = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "page_characters": PAGE,
    }
    corpus = sorted(p for p in CORPUS.glob("*") if p.suffix in (".txt", ".rst") and p.name != "SOURCES.txt") if CORPUS.exists() else []
    t0 = time.perf_counter()
    _warm()
    result["startup_seconds"] = round(time.perf_counter() - t0, 3)
    if corpus:
        result["corpus_one_core"] = run_set(corpus, 1)
        result["corpus_all_cores"] = run_set(corpus, args.workers)
        seed_doc = [p for p in corpus if p.name.startswith("stakeholder-expectations")]
        if seed_doc:
            result["seed_document"] = run_set(seed_doc, 1)
    with tempfile.TemporaryDirectory() as tmp:
        docs = synthetic_documents(Path(tmp), args.docs, args.seed)
        result["synthetic_one_core"] = run_set(docs, 1)
        result["synthetic_all_cores"] = run_set(docs, args.workers)
    result["targets"] = {
        "corpus_under_2s": bool(corpus) and min(result["corpus_one_core"]["wall_seconds"],  # type: ignore[index]
                                                result["corpus_all_cores"]["wall_seconds"]) < 2.0,  # type: ignore[index]
        "synthetic_100_under_60s_all_cores": result["synthetic_all_cores"]["wall_seconds"] < 60.0,  # type: ignore[index]
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    json.dump({k: v for k, v in result.items() if k != "machine"}, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
