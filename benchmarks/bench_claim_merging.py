"""Benchmark of claim merging against a store: 3,000 new claims merged into 3,000 stored claims, then into 30,000.

    python benchmarks/bench_claim_merging.py [--new 3000] [--stored 3000 30000] [--out benchmarks/results/claim-merging.json]

Before the claim index, every ingest merged its claims with all the stored claims read back from the store
(``merge_bundles([bundle], known=stored)``): every stored claim clustered again, so an input cost time in
proportion to the store. With the index (``merge_bundles([bundle], index=index)``, the index kept by
``StoreMerger`` between inputs), an input costs time in proportion to its own claims. Both are timed here on
the same synthetic claims (sentences of 4-9 words over a 4,000-word vocabulary with Zipf frequencies, one in
ten a paraphrase of an earlier claim: a word dropped, the words reordered), and their merge decisions compared.
The index is built once per store (``index_build_s``), as ``StoreMerger`` does at its first input.
Times are the best of `--repeat` runs (CPU-bound; the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import time
from pathlib import Path
from typing import Any

from stancegraph.graph.model.records import Bundle, Claim, new_claim
from stancegraph.loaders.extract.merging import ClaimIndex, merge_bundles

HERE = Path(__file__).resolve().parent


def vocabulary(n: int, rng: random.Random) -> list[str]:
    letters = "bcdfghjklmnprstvwz"
    vowels = "aeiou"
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(letters) + rng.choice(vowels) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def claim_texts(n: int, *, seed: int) -> list[str]:
    rng = random.Random(seed)
    words = vocabulary(4000, random.Random(0))
    weights = [1 / (i + 1) for i in range(len(words))]
    out: list[str] = []
    while len(out) < n:
        if out and rng.random() < 0.1:  # a paraphrase of an earlier claim
            base = rng.choice(out).split()
            if len(base) > 4:
                base.pop(rng.randrange(len(base)))
            rng.shuffle(base)
            out.append(" ".join(base))
        else:
            out.append(" ".join(rng.choices(words, weights, k=rng.randint(4, 9))))
    return list(dict.fromkeys(out))


def best_of(fn: Any, repeat: int) -> tuple[float, Any]:
    best, value = float("inf"), None
    for _ in range(repeat):
        t0 = time.process_time()
        value = fn()
        best = min(best, time.process_time() - t0)
    return best, value


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--new", type=int, default=3000)
    ap.add_argument("--stored", type=int, nargs="+", default=[3000, 30000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path, default=HERE / "results" / "claim-merging.json")
    args = ap.parse_args()
    out: dict[str, Any] = {"python": platform.python_version(), "cpus": os.cpu_count(), "machine": platform.machine(),
                           "new_claims": args.new, "clock": "process CPU seconds, best of %d" % args.repeat, "runs": []}
    new = Bundle()
    new.extend(new_claim(t) for t in claim_texts(args.new, seed=1))
    for stored_n in args.stored:
        stored = [Claim(id=c.id, text=c.text) for c in (new_claim(t) for t in claim_texts(stored_n, seed=2))]
        before_s, (before,) = best_of(lambda: merge_bundles([new], known=stored), args.repeat)

        def build() -> ClaimIndex:
            index = ClaimIndex()
            index.count(c.text for c in stored)
            for c in stored:
                index.place(c.text)
            return index

        build_s, _ = best_of(build, 1)
        times = []
        for _ in range(args.repeat):  # a fresh index each time (merging changes it)
            index = build()
            t0 = time.process_time()
            (after,) = merge_bundles([new], index=index)
            times.append(time.process_time() - t0)
        out["runs"].append({
            "stored_claims": stored_n, "before_s": round(before_s, 3), "index_s": round(min(times), 3),
            "index_build_s": round(build_s, 3), "claims_after_merge": len(after.claims),
            "same_decisions": sorted(after.claims) == sorted(before.claims),
        })
        print(json.dumps(out["runs"][-1]), flush=True)
    first, last = out["runs"][0], out["runs"][-1]
    out["growth"] = {"stored": f"{first['stored_claims']} -> {last['stored_claims']}",
                     "before": round(last["before_s"] / first["before_s"], 2),
                     "index": round(last["index_s"] / first["index_s"], 2)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
