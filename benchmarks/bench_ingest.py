"""Ingest at the store's own speed: a 20,000-row coding sheet through ``stancegraph ingest`` against the floor.

    python benchmarks/bench_ingest.py [--rows 20000] [--repeat 3] [--medium]

The sheet (20,000 positions: 1,000 stakeholders in 20 groups, 4,000 claims, themes of the default scheme)
is ingested into a fresh on-disk store by the real command line (``stancegraph ingest sheet.csv -q``, a
child process), --repeat times. The floor is measured in the same run: the quads of the ingested store,
exported as N-Quads, loaded with ``pyoxigraph.Store.bulk_load`` into a fresh on-disk store by a child
process, --repeat times. Both are timed as whole processes (interpreter start included) and their peak
memory is the child's maximum RSS (``os.wait4``). With --medium, the synthetic medium scale
(benchmarks/synthetic.py, ~490,000 positions) is loaded with ``Store.load`` (validation included) in a child
process, timed around the load, peak RSS of the whole process reported; its floor is the same quads, dumped
as N-Quads, loaded by ``bulk_load`` in a fresh process.

Targets (issue 16): ingest within 3x of bulk_load, peak under 500 MB; medium load under 60 s, peak under 2 GB.
Writes benchmarks/results/ingest.json (medians of the runs, every run, ratios).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
EXE = Path(sys.executable).parent / "stancegraph"


def write_sheet(path: Path, rows: int, *, stakeholders: int = 1000, groups: int = 20, claims: int = 4000,
                seed: int = 0) -> None:
    """A coding sheet of `rows` positions (deterministic for a seed)."""
    from stancegraph.graph.model.themes import default_scheme

    themes = [t.label for t in default_scheme()]
    rng = random.Random(seed)
    lines = ["document,source,stakeholder,group,stance,claim,themes,quantifier,quote"]
    for r in range(rows):
        s = rng.randrange(stakeholders)
        c = rng.randrange(claims)
        claim_themes = ";".join(sorted({themes[c % len(themes)], themes[(c * 7) % len(themes)]}))
        lines.append(f"consultation-{r % 10}.txt,Survey,Stakeholder {s},Group {s % groups},"
                     f"{('support', 'oppose', 'neutral')[rng.randrange(3)]},Claim number {c} about the care workforce,"
                     f"\"{claim_themes}\",{('some', 'all', 'most', '')[r % 4]},\"answer {r}: we think claim {c} matters\"")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run_measured(argv: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak RSS MB, stdout) of a child process, its peak from os.wait4's rusage."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(argv[:4])} failed ({proc.returncode}): {err.read().decode()[-2000:]}")
        return wall, usage.ru_maxrss / 1024, out.read().decode()


BULK_LOAD = """
import sys, time
import pyoxigraph as ox
t = time.perf_counter()
store = ox.Store(sys.argv[1])
store.bulk_load(path=sys.argv[2], format=ox.RdfFormat.N_QUADS)
store.flush()
print(time.perf_counter() - t, len(store))
"""

MEDIUM_LOAD = """
import sys, time, resource
sys.path.insert(0, sys.argv[2])
from synthetic import make_bundle
from stancegraph.graph.rdf.store import Store
bundle = make_bundle("medium")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
with Store(sys.argv[1]) as st:
    t = time.perf_counter()
    report = st.load(bundle)
    st._ox.flush()
    took = time.perf_counter() - t
print(took, before, len(bundle.positions), report.quads_after)
"""


def summary(values: list[float]) -> dict[str, Any]:
    return {"median": round(statistics.median(values), 3), "runs": [round(v, 3) for v in values]}


def bench(rows: int, repeat: int, medium: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"python": platform.python_version(), "cpus": os.cpu_count(), "machine": platform.machine(),
                           "load_average_before": [round(x, 2) for x in os.getloadavg()], "rows": rows}
    tmp = Path(tempfile.mkdtemp(prefix="sg-bench-ingest-"))
    try:
        sheet = tmp / "sheet.csv"
        write_sheet(sheet, rows)
        ingest_wall, ingest_rss = [], []
        for i in range(repeat):
            store = tmp / f"store-{i}"
            wall, rss, _ = run_measured([str(EXE), "ingest", str(sheet), "--store", str(store), "-q"])
            ingest_wall.append(wall)
            ingest_rss.append(rss)
            print(f"ingest run {i}: {wall:.2f} s, peak {rss:.0f} MB", file=sys.stderr, flush=True)
            if i == 0:
                import pyoxigraph as ox

                st = ox.Store.read_only(str(store))
                nq = tmp / "quads.nq"
                st.dump(output=str(nq), format=ox.RdfFormat.N_QUADS)
                out["quads"] = len(st)
                del st
            shutil.rmtree(store)
        floor_wall, floor_rss, floor_inner = [], [], []
        for i in range(repeat):
            wall, rss, printed = run_measured([sys.executable, "-c", BULK_LOAD, str(tmp / f"floor-{i}"), str(tmp / "quads.nq")])
            floor_wall.append(wall)
            floor_rss.append(rss)
            floor_inner.append(float(printed.split()[0]))
            print(f"bulk_load run {i}: {wall:.2f} s (in-process {floor_inner[-1]:.2f} s), peak {rss:.0f} MB",
                  file=sys.stderr, flush=True)
            shutil.rmtree(tmp / f"floor-{i}")
        out["ingest_s"] = summary(ingest_wall)
        out["ingest_peak_rss_mb"] = summary(ingest_rss)
        out["bulk_load_process_s"] = summary(floor_wall)
        out["bulk_load_in_process_s"] = summary(floor_inner)
        out["bulk_load_peak_rss_mb"] = summary(floor_rss)
        out["ratio_ingest_over_bulk_load_process"] = round(out["ingest_s"]["median"] / out["bulk_load_process_s"]["median"], 2)
        out["ratio_ingest_over_bulk_load_in_process"] = round(out["ingest_s"]["median"] / out["bulk_load_in_process_s"]["median"], 2)
        out["targets"] = {"ratio_max": 3.0, "peak_rss_mb_max": 500}
        if medium:
            wall, rss, printed = run_measured([sys.executable, "-c", MEDIUM_LOAD, str(tmp / "medium"), str(HERE)])
            took, before, positions, quads = printed.split()
            out["medium"] = {"load_s": round(float(took), 2), "process_s": round(wall, 2), "peak_rss_mb": round(rss),
                             "peak_rss_mb_before_load": round(float(before)), "positions": int(positions),
                             "quads": int(quads), "targets": {"load_s_max": 60, "peak_rss_mb_max": 2048}}
            print(f"medium: load {float(took):.1f} s, peak {rss:.0f} MB", file=sys.stderr, flush=True)
            import pyoxigraph as ox

            st = ox.Store.read_only(str(tmp / "medium"))  # the floor: the same quads, bulk_load in a fresh process
            st.dump(output=str(tmp / "medium.nq"), format=ox.RdfFormat.N_QUADS)
            del st
            shutil.rmtree(tmp / "medium")
            wall, rss, printed = run_measured([sys.executable, "-c", BULK_LOAD, str(tmp / "medium-floor"), str(tmp / "medium.nq")])
            floor = float(printed.split()[0])
            out["medium"]["bulk_load_in_process_s"] = round(floor, 2)
            out["medium"]["bulk_load_peak_rss_mb"] = round(rss)
            out["medium"]["ratio_load_over_bulk_load"] = round(float(took) / floor, 2)
            print(f"medium floor: bulk_load {floor:.1f} s, peak {rss:.0f} MB", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--medium", action="store_true", help="also load the synthetic medium scale (minutes)")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "ingest.json")
    args = ap.parse_args()
    result = bench(args.rows, args.repeat, args.medium)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
