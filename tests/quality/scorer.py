"""Score an extraction against a hand-coded gold standard (``tests/quality/gold/*.yaml``).

Run it from the repository root::

    python tests/quality/scorer.py                      # every gold file, extracting each corpus document
    python -m tests.quality.scorer --gold tests/quality/gold/social-care-workforce.yaml
    python tests/quality/scorer.py --input my-corrected-sheet.csv   # score a coding sheet

The extraction is read through the public interface only: ``stancegraph.loaders.load_path(path)``
(a document, or a coding sheet written by ``stancegraph extract`` and corrected by a researcher).
It prints a table and writes JSON to ``benchmarks/results/quality.json`` (``--json -`` for stdout).

Matching rule
-------------
*Names* are normalised (case-folded, quotes and dashes unified, punctuation to spaces) and lose
leading quantifiers and determiners ("some", "several", "a wide range of", "the"...), so
"Some participants" and "workshop participants" both read as holders of the same kind.

*Stakeholders.* An extracted stakeholder is compatible with a gold stakeholder when one of its
names (label and aliases) equals one of the gold names (label and aliases) or contains one as
whole words ("people who employed their own personal assistants" contains "own personal
assistants"). When none of its names fit any gold stakeholder, the groups it is a member of
are tried instead.

*Positions.* An extracted position and a gold position are a candidate pair when
  1. its stakeholder is compatible with the gold stakeholder (or one of the gold ``alt_stakeholders``), and
  2. either a passage of its evidence overlaps the gold span by at least half of the shorter of
     the two spans (``OVERLAP_THRESHOLD``), or its claim text contains at least half of the gold
     keyword groups (``KEYWORD_THRESHOLD``; a keyword is a word stem matched at a word start,
     ``a|b`` gives alternatives), and
  3. for the scores "with stance", the stance is the same, or the opposite on a claim that differs from the gold
     claim by one negation (``stance_agrees``: opposing "P" is supporting "not P").
Pairs are then assigned one to one (an assignment that first maximises the number of required gold
positions matched, then all matches, then span overlap plus keyword score), so one broad passage
cannot claim several gold positions. Passages without offsets are located by their quote.

*Counting.* Gold items marked ``optional`` are "don't care": matching one is not a false positive,
missing one is not a miss. Precision = matches to required gold / (extracted - matches to optional
gold - positions that give a matched gold position to another of its ``alt_stakeholders``, see ``co_holders``); recall = required gold matched / required gold. Stance accuracy is the share of pairs matched
without the stance condition whose stances agree; theme and source accuracy likewise (the extracted
claim shares a theme with the gold position; the evidence comes from the gold source). Stakeholders,
themes and sources are scored as sets: an extracted one is correct when it matches any gold one;
a gold one is found when any extracted one matches it. Stakeholders and themes counted are those
of the extracted positions. When a gold file is not ``complete``, only extracted positions with a
passage inside its coded ``regions`` count towards precision.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from scipy.optimize import linear_sum_assignment

from stancegraph.graph.model.errors import StancegraphError
from stancegraph.graph.model.ids import normalise_text
from stancegraph.graph.model.records import Bundle, new_document
from stancegraph.graph.model.themes import default_scheme
from stancegraph.loaders import load_path

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = Path(__file__).resolve().parent / "gold"
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
#: the project's own fictional development documents (each with a gold file here)
EXAMPLES_DIR = ROOT / "examples"
RESULTS_JSON = ROOT / "benchmarks" / "results" / "quality.json"

OVERLAP_THRESHOLD = 0.5
KEYWORD_THRESHOLD = 0.5

#: leading words dropped from stakeholder names before matching (longest first)
LEADING_WORDS = sorted([
    "the", "a", "an", "some", "several", "many", "most", "few", "a few", "a number of", "number of",
    "a wide range of", "wide range of", "a range of", "range of", "a very wide range of", "various", "certain",
    "other", "all", "one", "at least one", "such", "these", "those", "numerous", "a majority of", "the majority of",
    "majority of", "a minority of", "minority of", "more", "different",
], key=len, reverse=True)


# ---------------------------------------------------------------- gold standard


@dataclass(frozen=True)
class GoldStakeholder:
    key: str
    label: str
    names: tuple[str, ...]
    member_of: tuple[str, ...] = ()
    optional: bool = False


@dataclass(frozen=True)
class GoldSource:
    key: str
    label: str
    method: str
    match: tuple[str, ...]
    optional: bool = False


@dataclass(frozen=True)
class GoldTheme:
    label: str
    names: tuple[str, ...]
    optional: bool = False


@dataclass(frozen=True)
class GoldPosition:
    key: str
    stakeholder: str
    stance: str
    claim: str
    keywords: tuple[tuple[str, ...], ...]
    start: int
    end: int
    alt_stakeholders: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    source: str | None = None
    quantifier: str | None = None
    optional: bool = False

    @property
    def holders(self) -> tuple[str, ...]:
        return (self.stakeholder, *self.alt_stakeholders)


@dataclass
class Gold:
    path: Path
    document: str
    characters: int | None
    sha256: str | None
    complete: bool
    regions: list[tuple[int, int]]
    sources: list[GoldSource]
    stakeholders: list[GoldStakeholder]
    themes: list[GoldTheme]
    positions: list[GoldPosition]
    tensions: list[dict[str, Any]] = field(default_factory=list)

    def sizes(self) -> dict[str, int]:
        def req(items: Sequence[Any]) -> int:
            return sum(1 for i in items if not i.optional)
        return {"sources": req(self.sources), "stakeholders": req(self.stakeholders), "themes": req(self.themes),
                "positions": req(self.positions), "optional_positions": len(self.positions) - req(self.positions),
                "tensions": len(self.tensions)}


class GoldError(ValueError):
    """A gold file that does not follow the format."""


def read_gold(path: str | Path) -> Gold:
    """Read and check a gold file; raise GoldError naming the entry at fault."""
    p = Path(path)
    data = yaml.safe_load(p.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "document" not in data:
        raise GoldError(f"{p}: expected a mapping with a 'document' key")
    stakeholders = [GoldStakeholder(
        key=s["key"], label=s["label"],
        names=tuple(dict.fromkeys(normalise_name(n) for n in [s["label"], *s.get("aliases", [])] if normalise_name(n))),
        member_of=tuple(s.get("member_of", [])), optional=bool(s.get("optional", False)))
        for s in data.get("stakeholders", [])]
    sh_keys = {s.key for s in stakeholders}
    scheme = {normalise_text(t.label): t for t in default_scheme()}
    themes = []
    for t in data.get("themes", []):
        names = [t["label"], *t.get("aliases", [])]
        if normalise_text(t["label"]) in scheme:
            names += scheme[normalise_text(t["label"])].alt_labels
        themes.append(GoldTheme(label=t["label"], names=tuple(dict.fromkeys(normalise_text(n) for n in names)),
                                optional=bool(t.get("optional", False))))
    theme_labels = {t.label for t in themes}
    sources = [GoldSource(key=s["key"], label=s["label"], method=s.get("method", ""),
                          match=tuple(normalise_text(m) for m in s.get("match", [])), optional=bool(s.get("optional", False)))
               for s in data.get("sources", [])]
    source_keys = {s.key for s in sources}
    positions = []
    for i, g in enumerate(data.get("positions", [])):
        where = f"{p}: positions[{i}] ({g.get('key', '?')})"
        for f in ("key", "stakeholder", "stance", "claim", "keywords", "start", "end"):
            if f not in g:
                raise GoldError(f"{where}: missing {f}")
        holders = [g["stakeholder"], *g.get("alt_stakeholders", [])]
        if not set(holders) <= sh_keys:
            raise GoldError(f"{where}: unknown stakeholder {sorted(set(holders) - sh_keys)}")
        if not set(g.get("themes", [])) <= theme_labels:
            raise GoldError(f"{where}: unknown theme {sorted(set(g.get('themes', [])) - theme_labels)}")
        if g.get("source") and g["source"] not in source_keys:
            raise GoldError(f"{where}: unknown source {g['source']!r}")
        if g["stance"] not in ("support", "oppose", "neutral"):
            raise GoldError(f"{where}: stance must be support, oppose or neutral")
        if not 0 <= g["start"] < g["end"]:
            raise GoldError(f"{where}: bad offsets {g['start']}:{g['end']}")
        positions.append(GoldPosition(
            key=g["key"], stakeholder=g["stakeholder"], alt_stakeholders=tuple(g.get("alt_stakeholders", [])),
            stance=g["stance"], claim=g["claim"], keywords=tuple(parse_keyword(k) for k in g["keywords"]),
            themes=tuple(g.get("themes", [])), source=g.get("source"), quantifier=g.get("quantifier"),
            start=int(g["start"]), end=int(g["end"]), optional=bool(g.get("optional", False))))
    keys = [g.key for g in positions]
    if len(keys) != len(set(keys)):
        raise GoldError(f"{p}: duplicate position keys {sorted({k for k in keys if keys.count(k) > 1})}")
    complete = bool(data.get("complete", False))
    regions = [(int(a), int(b)) for a, b in data.get("regions", [])]
    if not complete and not regions:
        raise GoldError(f"{p}: a gold file that is not complete must list its coded regions")
    return Gold(path=p, document=data["document"], characters=data.get("characters"), sha256=data.get("sha256"),
                complete=complete, regions=regions, sources=sources, stakeholders=stakeholders, themes=themes,
                positions=positions, tensions=list(data.get("tensions", [])))


def gold_files(folder: Path = GOLD_DIR) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


# ---------------------------------------------------------------- matching primitives


_NON_WORD = re.compile(r"[^0-9a-z']+")


def flatten(text: str) -> str:
    """Normalised text with every run of non-word characters as one space (apostrophes kept)."""
    return " ".join(w.strip("'") for w in _NON_WORD.sub(" ", normalise_text(text)).split() if w.strip("'"))


def normalise_name(name: str) -> str:
    """A stakeholder name for matching: flattened, leading quantifiers and determiners dropped.

    >>> normalise_name("A wide range of Stakeholders")
    'stakeholders'
    >>> normalise_name("Some (workshop) participants")
    'workshop participants'
    """
    text = flatten(name)
    changed = True
    while changed:
        changed = False
        for word in LEADING_WORDS:
            if text.startswith(word + " "):
                text = text[len(word) + 1:]
                changed = True
                break
    return text


def parse_keyword(keyword: str) -> tuple[str, ...]:
    """``"a|b c"`` -> ``("a", "b c")``: alternatives, each flattened."""
    return tuple(flatten(alt) for alt in str(keyword).split("|") if flatten(alt))


def keyword_score(text: str, keywords: Sequence[tuple[str, ...]]) -> float:
    """Share of keyword groups with an alternative found in `text` as a word-start prefix.

    >>> keyword_score("Pay should be linked to the living wage", [("pay",), ("living wage",), ("bargain",)])
    0.6666666666666666
    """
    if not keywords:
        return 0.0
    flat = " " + flatten(text)
    hits = sum(1 for group in keywords if any(" " + alt in flat for alt in group))
    return hits / len(keywords)


def span_overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Characters shared by two spans, as a share of the shorter one (0 when disjoint).

    >>> span_overlap((0, 10), (5, 30))
    0.5
    """
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return inter / shorter if inter > 0 and shorter > 0 else 0.0


def contains_phrase(name: str, phrase: str) -> bool:
    return name == phrase or re.search(r"(?<![0-9a-z'])" + re.escape(phrase) + r"(?![0-9a-z'])", name) is not None


def gold_stakeholders_of(names: Iterable[str], gold: Gold) -> set[str]:
    """Keys of the gold stakeholders that any of `names` (raw labels) is compatible with."""
    normal = [normalise_name(n) for n in names if normalise_name(n)]
    return {g.key for g in gold.stakeholders if any(contains_phrase(n, gn) for n in normal for gn in g.names)}


def gold_themes_of(names: Iterable[str], gold: Gold) -> set[str]:
    normal = {normalise_text(n) for n in names}
    return {t.label for t in gold.themes if normal & set(t.names)}


def gold_sources_of(label: str, method: str, gold: Gold) -> set[str]:
    flat_label, flat_method = normalise_text(label), normalise_text(method)
    out = set()
    for s in gold.sources:
        if (flat_method and flat_method == normalise_text(s.method) and s.method != "cited document") \
                or any(m in flat_label or m in flat_method for m in s.match):
            out.add(s.key)
    return out


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """The span of `quote` in `text` (exactly, else with whitespace runs made flexible)."""
    if not quote.strip():
        return None
    i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    pattern = r"\s+".join(re.escape(w) for w in quote.split())
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None


# ---------------------------------------------------------------- the extraction seen by the scorer


@dataclass
class Extracted:
    """One extracted position, reduced to what matching needs."""

    id: str
    stakeholder: str
    holders: set[str]  # compatible gold stakeholder keys
    stance: str
    claim: str
    spans: list[tuple[int, int]]
    themes: set[str]  # gold theme labels its claim's themes match
    theme_labels: list[str]
    sources: set[str]  # gold source keys its evidence comes from
    claim_id: str = ""


def select_document(bundle: Bundle, gold: Gold) -> str | None:
    """The id of the gold's document in `bundle`: by file name, then title, then the only one."""
    doc_id = new_document(gold.document).id
    if doc_id in bundle.documents or any(p.document == doc_id for p in bundle.positions.values()):
        return doc_id
    stem = Path(gold.document).stem
    for d in bundle.documents.values():
        if d.title in (gold.document, stem) or (d.uri or "").endswith(gold.document):
            return d.id
    docs = {p.document for p in bundle.positions.values()}
    return next(iter(docs)) if len(docs) == 1 else None


def extracted_positions(bundle: Bundle, gold: Gold, text: str, doc_id: str) -> list[Extracted]:
    doc = bundle.documents.get(doc_id)
    same_text = doc is not None and doc.text == text
    sh_cache: dict[str, set[str]] = {}

    def holders_of(sid: str) -> set[str]:
        if sid not in sh_cache:
            sh = bundle.stakeholders.get(sid)
            found: set[str] = set()
            if sh is not None:
                found = gold_stakeholders_of([sh.label, *sh.aliases], gold)
                if not found:
                    groups = [bundle.stakeholders[m] for m in sh.member_of if m in bundle.stakeholders]
                    found = gold_stakeholders_of([n for g in groups for n in (g.label, *g.aliases)], gold)
            sh_cache[sid] = found
        return sh_cache[sid]

    out = []
    for pos in sorted(bundle.positions.values(), key=lambda p: p.id):
        if pos.document != doc_id:
            continue
        spans = []
        for passage in pos.evidence:
            if same_text and passage.start is not None and passage.end is not None:
                spans.append((passage.start, passage.end))
            else:
                found = locate(passage.quote, text)
                if found:
                    spans.append(found)
        claim = bundle.claims.get(pos.claim)
        theme_labels = []
        gold_th: set[str] = set()
        for tid in claim.themes if claim else ():
            th = bundle.themes.get(tid)
            if th is not None:
                theme_labels.append(th.label)
                gold_th |= gold_themes_of([th.label, *th.alt_labels], gold)
        srcs: set[str] = set()
        src_ids = [passage.source for passage in pos.evidence] + [getattr(pos, "source", None)]
        for sid in src_ids:
            src = bundle.sources.get(sid) if sid else None
            if src is not None:
                srcs |= gold_sources_of(src.label, src.method, gold)
        sh = bundle.stakeholders.get(pos.stakeholder)
        out.append(Extracted(id=pos.id, stakeholder=sh.label if sh else pos.stakeholder, holders=holders_of(pos.stakeholder),
                             stance=pos.stance.value, claim=claim.text if claim else "", spans=spans,
                             themes=gold_th, theme_labels=theme_labels, sources=srcs, claim_id=pos.claim))
    return out


def in_scope(e: Extracted, gold: Gold) -> bool:
    """Whether an extracted position falls inside what the gold file coded (always, when complete)."""
    if gold.complete or not e.spans:
        return True
    return any(span_overlap(s, r) > 0 for s in e.spans for r in gold.regions)


# ---------------------------------------------------------------- scoring


_NEGATORS = frozenset({"not", "no", "never", "nothing", "none", "cannot", "nor", "neither"})


def _polarity_words(claim: str) -> tuple[int, set[str]]:
    """The number of negators in a claim and its other words ("n't" counts as a negator)."""
    words = flatten(claim.replace("n't", " not").replace("n\u2019t", " not")).split()
    return sum(w in _NEGATORS for w in words), {w for w in words if w not in _NEGATORS and len(w) > 2}


def stance_agrees(e: Extracted, g: GoldPosition) -> bool:
    """Whether an extracted stance says what the gold stance says, reading a negated proposition as its opposite.

    "opposes 'a village is asking too much'" says what "supports 'a village is not asking too much'" says: the
    stances differ, the claims differ by one negation and otherwise share most of their words (0.6 of the
    shorter claim's words), so the two agree.

    >>> def e(claim): return Extracted("e", "x", {"x"}, "oppose", claim, [], set(), [], set())
    >>> g = GoldPosition("k", "x", "support", "a village is not asking too much for one bus", (), 0, 1)
    >>> stance_agrees(e("A village is asking too much for one bus"), g), stance_agrees(e("Buses need money"), g)
    (True, False)
    """
    if e.stance == g.stance:
        return True
    if {e.stance, g.stance} != {"support", "oppose"}:
        return False
    ne, we = _polarity_words(e.claim)
    ng, wg = _polarity_words(g.claim)
    if (ne + ng) % 2 == 0 or not we or not wg:
        return False
    return len(we & wg) >= 0.6 * min(len(we), len(wg))


def pair_quality(e: Extracted, g: GoldPosition) -> tuple[bool, float]:
    """Whether (e, g) is a candidate pair ignoring stance, and its quality (span overlap + keyword score)."""
    if not e.holders & set(g.holders):
        return False, 0.0
    overlap = max((span_overlap(s, (g.start, g.end)) for s in e.spans), default=0.0)
    kw = keyword_score(e.claim, g.keywords)
    ok = overlap >= OVERLAP_THRESHOLD or kw >= KEYWORD_THRESHOLD
    return ok, overlap + kw


def match_positions(extracted: Sequence[Extracted], gold: Sequence[GoldPosition], *,
                    require_stance: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (extracted index, gold index) under the matching rule (module docstring)."""
    if not extracted or not gold:
        return []
    weight = np.zeros((len(extracted), len(gold)))
    for i, e in enumerate(extracted):
        for j, g in enumerate(gold):
            ok, quality = pair_quality(e, g)
            if ok and (not require_stance or stance_agrees(e, g)):
                # required gold first, then the number of pairs, then quality (at most 2 per pair)
                weight[i, j] = (1000.0 if not g.optional else 0.0) + 100.0 + quality
    rows, cols = linear_sum_assignment(weight, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols) if weight[i, j] > 0]


def prf(tp: int, predicted: int, expected: int) -> dict[str, Any]:
    """Precision, recall and F1 (None where undefined) with the counts behind them.

    >>> prf(3, 4, 6)["f1"]
    0.6
    """
    p = tp / predicted if predicted else None
    r = tp / expected if expected else None
    f1 = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return {"precision": _round(p), "recall": _round(r), "f1": _round(f1), "tp": tp, "predicted": predicted,
            "expected": expected}


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def score_sets(predicted: dict[str, set[str]], gold_required: set[str], gold_optional: set[str]) -> dict[str, Any]:
    """Set scores: `predicted` maps each extracted item to the gold keys it matches."""
    counted = {k: v for k, v in predicted.items() if not (v and v <= gold_optional)}
    tp_pred = sum(1 for v in counted.values() if v & gold_required)
    found = set().union(*predicted.values()) & gold_required if predicted else set()
    out = prf(tp_pred, len(counted), len(gold_required))
    # recall counts gold items found; precision counts extracted items that are right
    r = len(found) / len(gold_required) if gold_required else None
    out["recall"] = _round(r)
    p = out["precision"]
    out["f1"] = _round(2 * p * r / (p + r)) if p and r else (0.0 if p is not None and r is not None else None)
    out["found"] = len(found)
    out["unmatched"] = sorted(k for k, v in predicted.items() if not v)[:40]
    out["missed"] = sorted(gold_required - found)
    return out


def score_positions(extracted: Sequence[Extracted], gold: Gold, *, require_stance: bool) -> tuple[dict[str, Any], list[tuple[int, int]]]:
    pairs = match_positions(extracted, gold.positions, require_stance=require_stance)
    tp = sum(1 for _, j in pairs if not gold.positions[j].optional)
    to_optional = sum(1 for _, j in pairs if gold.positions[j].optional)
    required = sum(1 for g in gold.positions if not g.optional)
    return prf(tp, len(extracted) - to_optional - len(co_holders(extracted, gold, pairs, require_stance)), required), pairs


def co_holders(extracted: Sequence[Extracted], gold: Gold, pairs: Sequence[tuple[int, int]],
               require_stance: bool) -> set[int]:
    """Unpaired extracted positions that give a paired gold position to another of its allowed holders.

    A joint submission's unattributed position is coded once, for its first-named client, with the other clients as
    ``alt_stakeholders``; an extraction that gives it to each client (as the readers do for "on behalf of A, B and
    C") is not wrong on the others. Each gold position takes at most one such position per allowed holder beyond
    the paired one; they count neither for nor against (like matches to optional gold).
    """
    paired = {i for i, _ in pairs}
    out: set[int] = set()
    for i0, j in pairs:
        g = gold.positions[j]
        if not g.alt_stakeholders:
            continue
        taken = set(extracted[i0].holders & set(g.holders))
        for i, e in enumerate(extracted):
            if i in paired or i in out or not (e.holders & set(g.holders)) - taken:
                continue
            ok, _ = pair_quality(e, g)
            if ok and (not require_stance or stance_agrees(e, g)):
                out.add(i)
                taken |= e.holders & set(g.holders)
    return out


def score_bundle(bundle: Bundle, gold: Gold, text: str) -> dict[str, Any]:
    """Every score of one extraction against one gold file (plain data)."""
    doc_id = select_document(bundle, gold)
    if doc_id is None:
        raise GoldError(f"the extraction has no positions for {gold.document}")
    all_extracted = extracted_positions(bundle, gold, text, doc_id)
    extracted = [e for e in all_extracted if in_scope(e, gold)]

    sh_pred: dict[str, set[str]] = {}
    th_pred: dict[str, set[str]] = {}
    for e in extracted:
        sh_pred[e.stakeholder] = e.holders
        for label in e.theme_labels:
            th_pred.setdefault(label, set()).update(gold_themes_of([label], gold))
    src_pred = {f"{s.label} ({s.method})": gold_sources_of(s.label, s.method, gold)
                for s in bundle.sources.values() if s.document == doc_id}

    scores: dict[str, Any] = {
        "stakeholders": score_sets(sh_pred, {s.key for s in gold.stakeholders if not s.optional},
                                   {s.key for s in gold.stakeholders if s.optional}),
        "themes": score_sets(th_pred, {t.label for t in gold.themes if not t.optional},
                             {t.label for t in gold.themes if t.optional}),
        "sources": score_sets(src_pred, {s.key for s in gold.sources if not s.optional},
                              {s.key for s in gold.sources if s.optional}),
    }
    scores["positions"], stance_pairs = score_positions(extracted, gold, require_stance=True)
    scores["positions_any_stance"], pairs = score_positions(extracted, gold, require_stance=False)
    req_pairs = [(i, j) for i, j in pairs if not gold.positions[j].optional]
    agree = sum(1 for i, j in req_pairs if stance_agrees(extracted[i], gold.positions[j]))
    with_themes = [(i, j) for i, j in req_pairs if gold.positions[j].themes]
    theme_ok = sum(1 for i, j in with_themes if extracted[i].themes & set(gold.positions[j].themes))
    with_source = [(i, j) for i, j in req_pairs if gold.positions[j].source]
    source_ok = sum(1 for i, j in with_source if gold.positions[j].source in extracted[i].sources)
    scores["stance_accuracy"] = {"accuracy": _round(agree / len(req_pairs)) if req_pairs else None,
                                 "agree": agree, "pairs": len(req_pairs)}
    scores["theme_accuracy"] = {"accuracy": _round(theme_ok / len(with_themes)) if with_themes else None,
                                "agree": theme_ok, "pairs": len(with_themes)}
    scores["source_accuracy"] = {"accuracy": _round(source_ok / len(with_source)) if with_source else None,
                                 "agree": source_ok, "pairs": len(with_source)}
    matched = {gold.positions[j].key for _, j in stance_pairs}
    by_source: dict[str, dict[str, int]] = {}
    for g in gold.positions:
        if not g.optional:
            row = by_source.setdefault(g.source or "-", {"expected": 0, "found": 0})
            row["expected"] += 1
            row["found"] += g.key in matched
    scores["recall_by_source"] = {k: {**v, "recall": _round(v["found"] / v["expected"])} for k, v in sorted(by_source.items())}
    matched_e = {i for i, _ in stance_pairs}
    wrong_stance = [{"gold": gold.positions[j].key, "gold_stance": gold.positions[j].stance,
                     "extracted_stance": extracted[i].stance, "claim": extracted[i].claim}
                    for i, j in req_pairs if not stance_agrees(extracted[i], gold.positions[j])]
    return {
        "document": gold.document,
        "extracted": {"positions": len(all_extracted), "in_scope": len(extracted), "stakeholders": len(sh_pred),
                      "themes": len(th_pred), "sources": len(src_pred)},
        "scores": scores,
        "missed_positions": sorted(g.key for g in gold.positions if not g.optional and g.key not in matched),
        "found_on": {gold.positions[j].key: extracted[i].claim_id for i, j in stance_pairs},
        "parts_on": parts_on(extracted, gold),
        "held_on": held_on(extracted, gold),
        "wrong_stance": wrong_stance,
        "unmatched_extracted": [
            {"stakeholder": e.stakeholder, "stance": e.stance, "claim": e.claim[:120],
             "start": e.spans[0][0] if e.spans else None}
            for i, e in enumerate(extracted) if i not in matched_e][:40],
    }


#: a claim that is a numbered part of a bill ("Section 31 of Bill 17", "Clause 4 of the Water Bill"), and a gold tension
#: whose proposition is one ("Section 31: security for the full estimated reclamation cost ..."): its support side is for it
PART_CLAIM = re.compile(r"^\s*(?P<kind>clause|section|schedule|part|head|article)\s+(?P<n>\d{1,3}[A-Za-z]?)\b", re.I)


def part_of(text: str, *, named: bool = False) -> str | None:
    """'section 31' for "Section 31 of Bill 17" or "Section 31: security ...", else None; `named`: only where the text
    names the part and says nothing of it before a comma or a colon ("Clause 20 of Bill C-61, which would raise the
    levy", not "Clause 20 be replaced by an actuarial review")."""
    m = PART_CLAIM.match(text)
    if m is None or named and re.search(r"\b(?:be|should|would|will|must|shall|is|are|was|were|has|have|had|can|could|may|"
                                         r"might|does|did)\b", re.split(r"[,:]", text[m.end():])[0], re.I):
        return None
    return f"{m.group('kind').casefold()} {m.group('n').casefold()}"


def parts_on(extracted: Sequence[Extracted], gold: Gold) -> dict[str, list[tuple[str, str, str]]]:
    """Gold key -> (claim id, part, stance) of each extracted stance on a numbered part of the bill that rests on the
    gold position's passage and is held by its holder: "Where we have a serious problem is section 31", coded as the
    statement it makes, is also the holder's stance against Section 31, where the sides of a tension on that section
    meet (:func:`score_tensions`). Not one to one: a sentence gives its statement and its stance on the part."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    part = {id(e): p for e in extracted if (p := part_of(e.claim, named=True)) is not None}
    for g, e in _on_their_passage([e for e in extracted if id(e) in part], gold):
        out.setdefault(g.key, []).append((e.claim_id, part[id(e)], e.stance))
    return out


def _on_their_passage(extracted: Iterable[Extracted], gold: Gold) -> Iterator[tuple[GoldPosition, Extracted]]:
    """(gold position, extracted position) for each extracted position held by the gold position's holder and resting
    on its passage (the scorer's overlap)."""
    for e in extracted:
        if not e.spans:
            continue
        for g in gold.positions:
            if e.holders & set(g.holders) and max(span_overlap(sp, (g.start, g.end)) for sp in e.spans) >= OVERLAP_THRESHOLD:
                yield g, e


def held_on(extracted: Sequence[Extracted], gold: Gold) -> dict[str, list[tuple[str, str]]]:
    """Gold key -> (claim id, stance) of each extracted position that rests on the gold position's passage and is held by
    its holder, whatever its claim: the insurers' "a federal allowance for everyone would pay many households twice",
    coded as the statement it makes, is also their stance against the allowance another holder proposes, where the two
    sides meet (:func:`score_tensions` counts it on a side only relative to a position found on that claim)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for g, e in _on_their_passage(extracted, gold):
        out.setdefault(g.key, []).append((e.claim_id, e.stance))
    return out


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def score_tensions(tensions: Any, gold: Gold, found_on: dict[str, str] | None = None,
                   parts: dict[str, list[tuple[str, str, str]]] | None = None,
                   held: dict[str, list[tuple[str, str]]] | None = None) -> dict[str, Any]:
    """Which gold tension clusters an analysis found (``analyse tensions --json`` shape).

    A gold cluster is found when one extracted tension has a claim standing for a position on its support side
    and one standing for a position on its oppose side; its bridge is found when that tension's ``bridges``
    mention a claim matching a gold bridge position. A claim stands for a gold position when it matches the
    position's keywords, or (given `found_on`, gold key -> the claim id of the extracted position paired with it,
    stance agreeing: ``score_bundle``'s ``found_on``) when it is the claim that position was found on: "will vote
    against the motion" is found on the motion, whose text has none of its keywords. Where the gold tension's
    proposition is a numbered part of the bill ("Section 31: ..."), a claim that is that part also stands for a position
    on its support side that gives a stance for it, and on its oppose side against it (given `parts`, ``score_bundle``'s
    ``parts_on``): the side is checked here, so a part held the wrong way round stands for nothing. Likewise (given
    `held`, ``score_bundle``'s ``held_on``) a claim stands for a gold position whose holder takes a stance on it from
    that position's passage, where a position of the other side (or of the same side) was found on the same claim and
    its holder takes the opposite (or the same) stance there: the insurers' "an allowance for everyone would pay
    households twice", read as opposing the municipalities' allowance, is on the side against it.
    """
    if isinstance(tensions, dict):
        tensions = tensions.get("tensions", [])
    by_key = {g.key: g for g in gold.positions}
    found_on = found_on or {}
    report = []
    parts = parts or {}
    held = held or {}
    for cluster in gold.tensions:
        part = part_of(cluster.get("label") or "")

        def hits(keys: Iterable[str], claims: list[Any], stance: str = "support") -> bool:
            texts = [c.get("text", "") if isinstance(c, dict) else str(c) for c in claims]
            ids = {c["id"] for c in claims if isinstance(c, dict) and c.get("id")}
            return any(found_on.get(k) in ids or any(keyword_score(t, by_key[k].keywords) >= KEYWORD_THRESHOLD
                                                      for t in texts) or
                       part is not None and any(cid in ids and p == part and st == stance for cid, p, st in parts.get(k, ()))
                       for k in keys)
        def held_side(side: str, claims: list[Any]) -> bool:
            """A position of `side` held on a claim of the tension, on the side the positions found there say."""
            ids = {c["id"] for c in claims if isinstance(c, dict) and c.get("id")}
            anchors = [(found_on[k], st, other) for other in ("support", "oppose") for k in cluster.get(other, [])
                       if found_on.get(k) in ids for cid, st in held.get(k, ()) if cid == found_on[k]]
            return any(cid == acid and (st == ast) == (side == aside)
                       for k in cluster.get(side, []) for cid, st in held.get(k, ()) for acid, ast, aside in anchors)

        found, bridge = False, False
        for t in tensions:
            claims = t.get("claims", [])
            if (hits(cluster.get("support", []), claims) or held_side("support", claims)) and \
                    (not cluster.get("oppose") or hits(cluster["oppose"], claims, "oppose") or held_side("oppose", claims)):
                found = True
                bridge = bridge or hits(cluster.get("bridges", []), _strings(t.get("bridges", [])))
        report.append({"key": cluster["key"], "minor": bool(cluster.get("minor")), "found": found, "bridge_found": bridge})
    major = [r for r in report if not r["minor"]]
    return {"clusters": report, "recall": _round(sum(r["found"] for r in major) / len(major)) if major else None}


# ---------------------------------------------------------------- running


def document_path(gold: Gold, corpus: Path = CORPUS_DIR) -> Path:
    """Where the gold's document is: the corpus folder, else the project's own examples."""
    path = corpus / gold.document
    return path if path.exists() or not (EXAMPLES_DIR / gold.document).exists() else EXAMPLES_DIR / gold.document


def document_text(gold: Gold, corpus: Path = CORPUS_DIR) -> str:
    """The gold's document text as stancegraph reads it; warns on stderr when the file changed."""
    from stancegraph.loaders.documents.reader import read_document

    path = document_path(gold, corpus)
    doc = read_document(path)
    if gold.sha256 and doc.sha256 != gold.sha256:
        print(f"warning: {path} differs from the file the gold was coded on (sha256); offsets may be off",
              file=sys.stderr)
    return doc.text or ""


def score_input(gold: Gold, *, input_path: Path | None = None, corpus: Path = CORPUS_DIR,
                tensions: Any = None) -> dict[str, Any]:
    """Load `input_path` (default: the gold's corpus document) through load_path and score it."""
    path = input_path or document_path(gold, corpus)
    result: dict[str, Any] = {"gold": gold.path.name, "input": str(path), "gold_sizes": gold.sizes()}
    text = document_text(gold, corpus)
    try:
        bundle = load_path(path)
    except StancegraphError as exc:
        result.update(status="unsupported" if type(exc).__name__ == "UnsupportedFormat" else "error",
                      error=f"{type(exc).__name__}: {exc}")
        return result
    result.update(status="ok", **score_bundle(bundle, gold, text))
    if tensions is not None:
        result["tensions"] = score_tensions(tensions, gold, result["found_on"], result["parts_on"], result["held_on"])
    return result


def golds_for_input(path: Path, golds: Sequence[Gold]) -> list[Gold]:
    """The gold files whose document the extraction at `path` has positions for."""
    try:
        bundle = load_path(path)
    except StancegraphError:
        return []
    docs = {p.document for p in bundle.positions.values()}
    titles = {bundle.documents[d].title for d in docs if d in bundle.documents}
    return [g for g in golds if new_document(g.document).id in docs or Path(g.document).stem in titles
            or g.document in titles]


def _fmt(x: float | None) -> str:
    return "   -" if x is None else f"{x:.2f}"


def format_table(results: Sequence[dict[str, Any]]) -> str:
    lines = []
    for r in results:
        lines.append(f"{r['gold']}  ({r['input']})")
        if r["status"] != "ok":
            lines.append(f"  {r['status']}: {r.get('error', '')}")
            continue
        lines.append(f"  {'':22} {'P':>5} {'R':>5} {'F1':>5} {'tp':>4} {'pred':>5} {'gold':>5}")
        for name in ("stakeholders", "themes", "sources", "positions", "positions_any_stance"):
            s = r["scores"][name]
            tp = s.get("found", s["tp"]) if name in ("stakeholders", "themes", "sources") else s["tp"]
            lines.append(f"  {name:22} {_fmt(s['precision']):>5} {_fmt(s['recall']):>5} {_fmt(s['f1']):>5} "
                         f"{tp:>4} {s['predicted']:>5} {s['expected']:>5}")
        for name in ("stance_accuracy", "theme_accuracy", "source_accuracy"):
            s = r["scores"][name]
            lines.append(f"  {name:22} {_fmt(s['accuracy']):>5}  ({s['agree']}/{s['pairs']} matched pairs)")
        rec = ", ".join(f"{k} {v['found']}/{v['expected']}" for k, v in r["scores"]["recall_by_source"].items())
        lines.append(f"  recall by source: {rec}")
        if "tensions" in r:
            found = ", ".join(f"{c['key']}={'yes' if c['found'] else 'no'}" for c in r["tensions"]["clusters"])
            lines.append(f"  tensions: {found}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scorer", description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", action="append", type=Path, help="gold file(s) (default: every tests/quality/gold/*.yaml)")
    parser.add_argument("--input", type=Path, help="extraction input to score instead of the corpus document: "
                                                   "a document or a coding sheet (CSV/YAML)")
    parser.add_argument("--corpus", type=Path, default=CORPUS_DIR, help="folder holding the gold documents")
    parser.add_argument("--tensions", type=Path, help="JSON of `stancegraph analyse tensions --json` to score too")
    parser.add_argument("--json", default=str(RESULTS_JSON), help="where to write the JSON results ('-' for stdout)")
    args = parser.parse_args(argv)
    golds = [read_gold(p) for p in (args.gold or gold_files())]
    if args.input is not None and not args.gold:
        golds = golds_for_input(args.input, golds)
        if not golds:
            print(f"error: no gold file covers a document of {args.input}; pass --gold", file=sys.stderr)
            return 2
    tensions = json.loads(args.tensions.read_text(encoding="utf-8")) if args.tensions else None
    results = [score_input(g, input_path=args.input, corpus=args.corpus, tensions=tensions) for g in golds]
    payload = {"scorer": "tests/quality/scorer.py", "overlap_threshold": OVERLAP_THRESHOLD,
               "keyword_threshold": KEYWORD_THRESHOLD, "results": results}
    out = json.dumps(payload, indent=2, ensure_ascii=False)
    if args.json == "-":
        print(out)
        print(format_table(results), file=sys.stderr)
    else:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(out + "\n", encoding="utf-8")
        print(format_table(results))
        print(f"wrote {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
