"""The extractor's score table: every development document, HanDeSeT and sample.dna, before and after a change.

    python benchmarks/score_extraction.py --label "what changed"      # score, print, record
    python benchmarks/score_extraction.py --no-record                  # score and print only

Three benchmarks, all human-coded, none written for the rules they judge:

* **gold documents** (``tests/quality/gold/*.yaml``: the corpus in ``../shared/corpus`` and the fictional
  development documents in ``examples/``): positions precision, recall and stance accuracy through
  ``tests/quality/scorer.py``; tension clusters found (``find_tensions`` on the extraction, scored by the gold's
  ``tensions``), and clusters whose sides are reversed (a gold supporter's claim among the cluster's claims but
  the holder on the opposite side).
* **HanDeSeT** (``../shared/fixtures/handeset``): 86 Commons debates rendered by ``../shared/tools/handeset_debates.py``,
  extracted, and scored by that tool: the share of speeches given a stance on the motion (coverage) and the
  accuracy, beside the party-only baseline.
* **sample.dna** (``../shared/fixtures/dna``): 7 US hearing testimonies with the Discourse Network Analyzer's
  human codings. Each coded statement (a span, a person and organisation, a concept, agreement) is *found* when an
  extracted position rests on a passage overlapping it and is held by that person or organisation (or a group
  they belong to); *holder precision* is the share of extracted positions inside coded statements held by
  the statement's holder.

Results: ``benchmarks/results/extraction-scores.json`` (the latest run in full) and one line per document per
run appended to ``benchmarks/results/extraction-history.md`` (with the commit and the label), so that every
change to the extractor can show its before and after.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
HANDESET_CSV = SHARED / "fixtures" / "handeset" / "HanDeSeT-dev.csv"
HANDESET_TOOL = SHARED / "tools" / "handeset_debates.py"
SAMPLE_DNA = SHARED / "fixtures" / "dna" / "sample.dna"
RESULTS = ROOT / "benchmarks" / "results"
SCORES_JSON = RESULTS / "extraction-scores.json"
HISTORY_MD = RESULTS / "extraction-history.md"

sys.path.insert(0, str(ROOT / "tests"))


def _scorer() -> Any:
    from quality import scorer
    return scorer


def _tensions(bundle: Any) -> list[dict[str, Any]]:
    from stancegraph.graph.analysis.tensions import find_tensions
    return find_tensions(bundle, seed=0)


def reversed_clusters(bundle: Any, gold: Any, tensions: list[dict[str, Any]],
                      parts: dict[str, list[tuple[str, str, str]]] | None = None) -> list[str]:
    """Gold tension keys that the extraction found with its sides the wrong way round.

    Each gold position on a side of a gold tension is paired with an extracted position (the scorer's rule,
    stance ignored); pairs whose claim lies in an extracted cluster, states the gold proposition (half its
    keywords, and two of them at least: one shared word, "wildland", does not make "fighting wildland fires is the
    provinces' responsibility" the proposition of "The creation of a federal wildland fire service") and rests on the
    gold passage (the scorer's overlap) vote (a claim of more than 30 words, a whole
    motion, names too much to be taken for one gold proposition by its keywords): right when the extracted stance on
    that claim says the gold position's stance on its proposition (``stance_agrees``: opposing "P" is supporting "not P"), wrong otherwise (a position on a cluster's side may
    oppose its own proposition: the committee "not convinced that voluntary commitments will complete the phase-out"
    sides with a ban by opposing the pledge). A stance on the numbered part a gold tension is about ("Section 31: ...", the
    scorer's ``parts_on``) votes too: right for it on the support side and against it on the oppose side. A cluster is
    reversed when wrong votes outnumber right ones.
    """
    sc = _scorer()
    doc_id = sc.select_document(bundle, gold)
    if doc_id is None:
        return []
    text = bundle.documents[doc_id].text or ""
    extracted = sc.extracted_positions(bundle, gold, text, doc_id)
    _, pairs = sc.score_positions(extracted, gold, require_stance=False)
    match_of = {gold.positions[j].key: extracted[i] for i, j in pairs}
    clustered = {c.get("text") for t in tensions for c in t.get("claims", [])}
    clustered_ids = {c.get("id") for t in tensions for c in t.get("claims", [])}
    if parts is None:  # (the scorer's, where the caller has them: ``score_bundle``'s ``parts_on``)
        parts = sc.parts_on([e for e in extracted if sc.in_scope(e, gold)], gold)
    out = []
    for cluster in gold.tensions:
        right = wrong = 0
        for side in ("support", "oppose"):
            for k in cluster.get(side, []):
                e = match_of.get(k)
                g = next((x for x in gold.positions if x.key == k), None)
                # a vote only where the extracted claim states the gold proposition (its keywords), not merely the passage
                if e is not None and e.claim in clustered and g is not None and len(e.claim.split()) <= 30 and \
                        sc.keyword_score(e.claim, g.keywords) >= sc.KEYWORD_THRESHOLD and \
                        sc.keyword_score(e.claim, g.keywords) * len(g.keywords) >= min(2, len(g.keywords)) and \
                        max((sc.span_overlap(sp, (g.start, g.end)) for sp in e.spans), default=0.0) >= sc.OVERLAP_THRESHOLD:
                    agrees = sc.stance_agrees(e, g)
                    right += agrees
                    wrong += not agrees
        # a stance on the numbered part a tension is about ("Section 31: ..."): for it on the support side, against it on
        # the oppose side (the scorer's ``parts_on``)
        part = sc.part_of(cluster.get("label") or "")
        for side in ("support", "oppose") if part is not None else ():
            for k in cluster.get(side, []):
                for cid, p, stance in parts.get(k, ()):
                    if p == part and cid in clustered_ids:
                        right += stance == side
                        wrong += stance != side
        if wrong > right:
            out.append(cluster["key"])
    return out


def score_gold_documents(only: list[str] | None = None) -> list[dict[str, Any]]:
    """Score every gold document (or those whose gold file name contains one of `only`)."""
    from stancegraph.loaders import load_path

    sc = _scorer()
    rows = []
    for gpath in sc.gold_files():
        if only and not any(o in gpath.name for o in only):
            continue
        gold = sc.read_gold(gpath)
        path = sc.document_path(gold)
        if not path.exists():
            rows.append({"document": gold.document, "status": "missing"})
            continue
        text = sc.document_text(gold, path.parent)
        start = time.perf_counter()
        bundle = load_path(path)
        seconds = time.perf_counter() - start
        result = sc.score_bundle(bundle, gold, text)
        tensions = _tensions(bundle)
        held = result.pop("held_on")  # (every passage's claims: too much to keep in the record)
        result["tensions"] = sc.score_tensions(tensions, gold, result["found_on"], result["parts_on"], held)
        result["tensions"]["reversed"] = reversed_clusters(bundle, gold, tensions, result["parts_on"])
        result["tensions"]["extracted"] = len(tensions)
        s = result["scores"]
        rows.append({
            "document": gold.document, "status": "ok", "seconds": round(seconds, 3),
            "complete": gold.complete,
            "gold_positions": s["positions"]["expected"], "extracted": result["extracted"]["in_scope"],
            "precision": s["positions"]["precision"], "recall": s["positions"]["recall"], "f1": s["positions"]["f1"],
            "stance_accuracy": s["stance_accuracy"]["accuracy"],
            "stakeholders_recall": s["stakeholders"]["recall"],
            "tensions_found": sum(c["found"] for c in result["tensions"]["clusters"]),
            "tensions_gold": len(result["tensions"]["clusters"]),
            "tensions_reversed": len(result["tensions"]["reversed"]),
            "tensions_extracted": len(tensions),
            "detail": result,
        })
    return rows


def _handeset_tool() -> Any:
    spec = importlib.util.spec_from_file_location("handeset_debates", HANDESET_TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_handeset() -> dict[str, Any]:
    """Render the debates, extract each (merged as one ingest would), score with the shared tool."""
    import contextlib
    import io

    from stancegraph.graph.model.interchange import bundle_to_json
    from stancegraph.graph.model.records import Bundle
    from stancegraph.loaders import load_path
    from stancegraph.loaders.extract import merge_bundles

    tool = _handeset_tool()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "debates"
        with contextlib.redirect_stdout(io.StringIO()):
            tool.render(str(HANDESET_CSV), str(folder))
        start = time.perf_counter()
        bundles = [load_path(p) for p in sorted(folder.glob("*.txt"))]
        seconds = time.perf_counter() - start
        merged = Bundle()
        for b in merge_bundles(bundles):
            merged.update(b)
        data = bundle_to_json(merged, include_text=True)
        export = Path(tmp) / "export.json"
        export.write_text(json.dumps(data), encoding="utf-8")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            tool.score(str(HANDESET_CSV), str(export))
    result: dict[str, Any] = json.loads(out.getvalue().strip().splitlines()[-1])
    result["seconds"] = round(seconds, 2)
    return result


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9 ]+", " ", s.casefold()).strip()


def score_dna() -> dict[str, Any]:
    """Holders and stances against the human codings of sample.dna (see the module docstring)."""
    from stancegraph.loaders import load_path
    from stancegraph.loaders.extract import extract_text

    coded = load_path(SAMPLE_DNA)
    statements = []  # (doc id, start, end, holder names, stance, concept)
    for p in coded.positions.values():
        sh = coded.stakeholders[p.stakeholder]
        names = {_norm(sh.label)} | {_norm(a) for a in sh.aliases}
        names |= {_norm(coded.stakeholders[m].label) for m in sh.member_of if m in coded.stakeholders}
        for e in p.evidence:
            statements.append((p.document, e.start, e.end, names, p.stance.value, coded.claims[p.claim].text))
    found = 0
    inside = right_holder = 0
    per_doc = []
    for doc in coded.documents.values():
        extracted = extract_text(doc.text or "", name=f"{doc.id}.txt")
        mine = [s for s in statements if s[0] == doc.id]
        names_of = {sid: {_norm(s.label)} | {_norm(a) for a in s.aliases} |
                    {_norm(extracted.stakeholders[m].label) for m in s.member_of if m in extracted.stakeholders}
                    for sid, s in extracted.stakeholders.items()}

        def holder_ok(sid: str, names: set[str]) -> bool:
            mine_names = names_of.get(sid, set())
            for a in mine_names:
                for b in names:
                    if not a or not b:
                        continue
                    if a == b or re.search(rf"\b{re.escape(b)}\b", a) or re.search(rf"\b{re.escape(a)}\b", b):
                        return True
                    if a.split()[-1] == b.split()[-1] and len(a.split()[-1]) > 3:
                        return True  # same surname
            return False

        doc_found = 0
        for (_d, s0, s1, names, _stance, _concept) in mine:
            ok = any(holder_ok(p.stakeholder, names) for p in extracted.positions.values()
                     for e in p.evidence if e.start is not None and e.start < s1 and e.end > s0)
            doc_found += ok
        found += doc_found
        for p in extracted.positions.values():
            for e in p.evidence[:1]:
                covering = [st for st in mine if e.start is not None and e.start < st[2] and e.end > st[1]]
                if covering:
                    inside += 1
                    right_holder += any(holder_ok(p.stakeholder, st[3]) for st in covering)
        per_doc.append({"document": doc.title, "statements": len(mine), "found": doc_found,
                        "positions": len(extracted.positions)})
    n = len(statements)
    return {"statements": n, "found": found, "recall": round(found / n, 3) if n else None,
            "positions_inside_statements": inside,
            "holder_precision": round(right_holder / inside, 3) if inside else None, "documents": per_doc}


#: one round of :func:`time_corpus`, run in a fresh interpreter: warm up on another document (imports, lexicons, regular
#: expressions), then time the corpus once, so that no cache holds the corpus's own text from a round before
_ROUND = """
import sys, time
from pathlib import Path
from stancegraph.loaders import load_path
load_path(Path(sys.argv[1]))
start = time.process_time()
for p in sys.argv[2:]:
    load_path(Path(p))
print(time.process_time() - start)
"""


def time_corpus(repeats: int = 5) -> float:
    """Median CPU seconds to extract the three corpus documents end to end (reading included), each round in a fresh
    interpreter after a warm-up on one of the project's own examples.

    CPU time rather than wall time: the machine is shared, and wall time moves with whatever else runs. Fresh rounds
    (since the ninth session; before, rounds ran in one process): caches that remember a claim or a subject would
    otherwise time the second round of the same documents, not a first reading."""
    paths = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".rst", ".md", ".html", ".pdf")
                   and p.name != "seed-expected.md")
    warm = ROOT / "examples" / "select-committee-report.txt"
    times = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", _ROUND, str(warm), *map(str, paths)], capture_output=True, text=True,
                             check=True).stdout
        times.append(float(out.strip().splitlines()[-1]))
    return round(statistics.median(times), 3)


def _commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "loaders", "ontology"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return head + ("+" if dirty else "")
    except OSError:
        return "?"


def _f(x: Any) -> str:
    return "-" if x is None else (f"{x:.2f}" if isinstance(x, float) else str(x))


def history_lines(payload: dict[str, Any]) -> list[str]:
    when, commit, label = payload["date"], payload["commit"], payload["label"]
    out = []
    for r in payload["documents"]:
        if r["status"] != "ok":
            continue
        out.append(f"| {when} | {commit} | {label} | {r['document']} | {r['gold_positions']} | {r['extracted']} | "
                   f"{_f(r['precision'])} | {_f(r['recall'])} | {_f(r['stance_accuracy'])} | "
                   f"{r['tensions_found']}/{r['tensions_gold']} ({r['tensions_reversed']} reversed) |")
    h = payload.get("handeset")
    if h:
        out.append(f"| {when} | {commit} | {label} | HanDeSeT dev ({h['speeches']} speeches) | - | - | - | "
                   f"coverage {_f(h['coverage'])} | accuracy {_f(h['accuracy'])} (baseline {_f(h['party_baseline_accuracy'])}) | - |")
    d = payload.get("dna")
    if d:
        out.append(f"| {when} | {commit} | {label} | sample.dna ({d['statements']} statements) | - | "
                   f"{d['positions_inside_statements']} | holder {_f(d['holder_precision'])} | {_f(d['recall'])} | - | - |")
    if payload.get("corpus_seconds") is not None:
        out.append(f"| {when} | {commit} | {label} | time: 3 corpus documents end to end | - | - | - | - | - | "
                   f"{payload['corpus_seconds']} CPU s |")
    return out


HEADER = ("# Extraction scores, per document, per change\n\n"
          "Appended by `python benchmarks/score_extraction.py --label ...` (see its docstring for what each column "
          "means). Gold documents: precision / recall / stance accuracy of positions (tests/quality/scorer.py); "
          "tensions found of the gold's clusters. HanDeSeT: coverage and accuracy of speakers' stances on the motion "
          "(party-only baseline beside it). sample.dna: holder precision and recall of coded statements.\n\n"
          "| date | commit | change | document | gold | extracted | precision | recall | stance acc. | tensions |\n"
          "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")


def print_table(payload: dict[str, Any]) -> None:
    print(f"{'document':58} {'gold':>5} {'extr':>5} {'P':>5} {'R':>5} {'stance':>6} {'tensions':>12}")
    for r in payload["documents"]:
        if r["status"] != "ok":
            print(f"{r['document']:58} {r['status']}")
            continue
        print(f"{r['document'][:58]:58} {r['gold_positions']:>5} {r['extracted']:>5} {_f(r['precision']):>5} "
              f"{_f(r['recall']):>5} {_f(r['stance_accuracy']):>6} {r['tensions_found']:>3}/{r['tensions_gold']:<2}"
              f" rev {r['tensions_reversed']}")
    if payload.get("handeset"):
        print("HanDeSeT:", json.dumps(payload["handeset"]))
    if payload.get("dna"):
        d = dict(payload["dna"])
        d.pop("documents", None)
        print("sample.dna:", json.dumps(d))
    if payload.get("corpus_seconds") is not None:
        print(f"corpus extraction: {payload['corpus_seconds']} CPU s (median)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="", help="what changed (recorded in the history table)")
    parser.add_argument("--no-record", action="store_true", help="print only; write nothing")
    parser.add_argument("--skip", action="append", default=[], choices=["gold", "handeset", "dna", "time"],
                        help="leave a benchmark out (repeatable)")
    parser.add_argument("--gold", action="append", default=[], metavar="NAME",
                        help="score only the gold files whose name contains NAME (repeatable)")
    args = parser.parse_args(argv)
    if not SHARED.exists():
        print(f"error: {SHARED} not found: the benchmarks read ../shared", file=sys.stderr)
        return 2
    payload: dict[str, Any] = {"date": dt.date.today().isoformat(), "commit": _commit(), "label": args.label,
                               "documents": [], "handeset": None, "dna": None, "corpus_seconds": None}
    if "gold" not in args.skip:
        payload["documents"] = score_gold_documents(args.gold)
    if "handeset" not in args.skip:
        payload["handeset"] = score_handeset()
    if "dna" not in args.skip:
        payload["dna"] = score_dna()
    if "time" not in args.skip:
        payload["corpus_seconds"] = time_corpus()
    print_table(payload)
    if not args.no_record:
        RESULTS.mkdir(parents=True, exist_ok=True)
        SCORES_JSON.write_text(json.dumps(payload, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
        if not HISTORY_MD.exists():
            HISTORY_MD.write_text(HEADER, encoding="utf-8")
        with HISTORY_MD.open("a", encoding="utf-8") as fh:
            fh.write("\n".join(history_lines(payload)) + "\n")
        print(f"wrote {SCORES_JSON.relative_to(ROOT)} and appended to {HISTORY_MD.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
