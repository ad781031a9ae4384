"""Claim merging: near-duplicate propositions become one claim, within a document and across documents,
so that convergence (many holders, one claim) is visible.

Similarity is over content words (stop words and stance/frame words dropped, light stemming,
synonyms from ``ontology/lexicons/synonyms.yaml``), each weighted by its inverse document
frequency over the claims being compared: two claims merge when the weighted Jaccard
similarity reaches :data:`MERGE_THRESHOLD`, or when one is contained in the other
(:data:`CONTAIN_THRESHOLD`, at least two shared words). The thresholds are tested in
``tests/loaders/test_extract_merging.py`` on pairs that must and must not merge.

>>> similarity("Pay and conditions must improve", "Improve pay and conditions") >= MERGE_THRESHOLD
True
>>> similarity("More funding for youth clubs", "Regulation of the care workforce")
0.0
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from functools import lru_cache

import snowballstemmer
import yaml

from ...ontology import LEXICON_DIR

if TYPE_CHECKING:
    from ...graph.model.records import Bundle, Claim

#: weighted Jaccard similarity at or above which two claims are the same claim
MERGE_THRESHOLD = 0.6
#: weighted containment (shared weight / weight of the shorter claim) for a claim inside another
CONTAIN_THRESHOLD = 0.85
#: a doubt attaches to the most similar aim in its document at or above this similarity
AIM_THRESHOLD = 0.25
#: a short claim (at most this many content words) is an elliptic mention of a longer claim of another holder ...
ANCHOR_MAX_TOKENS = 4
#: ... when at least this share of its words' weight lies inside it
ANCHOR_CONTAINMENT = 0.99

_STOP = frozenset("""
a about above across after again against all also although am an and any are as at be because been before being below
between both but by can could did do does doing down during each either else etc even ever every few for from further
had has have having he her here hers him his how however i if in into is it its itself just least less like made make
many may me might more most much must my need needs needed no nor not now of off often on once one only or other our
ours out over own per perhaps quite rather really same say says said shall she should since so some such than that the
their them then there these they this those though through thus to too under until up upon us very via was we were what
when where whether which while who whom whose why will with within without would yet you your ie eg e.g i.e
also able ensure ensuring including include includes included particular particularly specific specifically
necessary essential important vital crucial clear clearly greater great better improved improve improving improvement
increase increased increasing more higher high new way ways likely likelihood hope hoped hopes expect expected
expectation expectations argue argued call calls called support supported propose proposed view views think thought
believe believed felt feel suggest suggested want wanted issue issues point points question questions matter
""".split())
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, str]:
    path = LEXICON_DIR / "synonyms.yaml"
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: dict[str, str] = {}
    for head, words in (data.get("synonyms") or {}).items():
        for w in words or []:
            out[_stem(str(w).casefold())] = _stem(str(head).casefold())
    return out


_SNOWBALL = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    """The English Snowball stem ('caring' -> 'care', 'housing' and 'house' -> 'hous', 'regulations' -> 'regul')."""
    return str(_SNOWBALL.stemWord(word))


def content_tokens(text: str) -> set[str]:
    """Stemmed content words of a text, synonyms folded."""
    return set(_content_tokens(text))


@lru_cache(maxsize=100_000)
def _content_tokens(text: str) -> frozenset[str]:
    """content_tokens, cached: claims are compared many times over."""
    syn = _synonyms()
    words = _WORD.findall(text.casefold().replace("\u2019", "'").replace("/", " ").replace("-", " "))
    out = set()
    for w in words:
        if w in _STOP or len(w) < 2:
            continue
        s = _stem(w)
        if s in _STOP:
            continue
        out.add(syn.get(s, s))
    return frozenset(out)


def _weights(token_sets: Iterable[set[str]]) -> dict[str, float]:
    sets = list(token_sets)
    df: Counter[str] = Counter()
    for s in sets:
        df.update(s)
    n = max(len(sets), 1)
    return {t: math.log((n + 1) / (c + 0.5)) + 1.0 for t, c in df.items()}


def similarity(a: str, b: str, weights: dict[str, float] | None = None) -> float:
    """Weighted Jaccard similarity of two claims' content words (1.0 identical, 0.0 nothing shared)."""
    ta, tb = content_tokens(a), content_tokens(b)
    return _jaccard(ta, tb, weights or {})


def _jaccard(ta: set[str], tb: set[str], w: dict[str, float]) -> float:
    if not ta or not tb:
        return 0.0
    inter = sum(w.get(t, 1.0) for t in ta & tb)
    union = sum(w.get(t, 1.0) for t in ta | tb)
    return inter / union if union else 0.0


def _containment(ta: set[str], tb: set[str], w: dict[str, float]) -> float:
    if not ta or not tb:
        return 0.0
    small = ta if sum(w.get(t, 1.0) for t in ta) <= sum(w.get(t, 1.0) for t in tb) else tb
    inter = sum(w.get(t, 1.0) for t in ta & tb)
    return inter / sum(w.get(t, 1.0) for t in small)


def same_claim(ta: set[str], tb: set[str], w: dict[str, float]) -> bool:
    """Whether two claims (as token sets) are near-duplicates."""
    if ta == tb and ta:
        return True
    if _jaccard(ta, tb, w) >= MERGE_THRESHOLD:
        return True
    shared = ta & tb
    return len(shared) >= 3 and min(len(ta), len(tb)) >= 3 and _containment(ta, tb, w) >= CONTAIN_THRESHOLD \
        and _jaccard(ta, tb, w) >= 0.3


#: a token whose postings hold more representatives than this is too common to find candidates by
COMMON_POSTINGS = 200


def cluster_claims(texts: Sequence[str], *, weights: dict[str, float] | None = None) -> list[int]:
    """For each text, the index of its cluster's representative (the first text of the cluster).

    Candidates come from an inverted index (the representatives sharing a token, common tokens set aside
    while a claim has rarer ones), so clustering grows with the number of claims, not with its square.
    """
    tokens = [content_tokens(t) for t in texts]
    w = weights if weights is not None else _weights(tokens)
    rep = list(range(len(texts)))
    postings: dict[str, list[int]] = {}
    for i, ti in enumerate(tokens):
        rare = [t for t in ti if len(postings.get(t, ())) <= COMMON_POSTINGS] or list(ti)
        candidates = {j for t in rare for j in postings.get(t, ())}
        best, best_sim = None, 0.0
        for j in sorted(candidates):
            if same_claim(ti, tokens[j], w):
                sim = _jaccard(ti, tokens[j], w)
                if best is None or sim > best_sim:
                    best, best_sim = j, sim
        if best is None:
            for t in ti:
                postings.setdefault(t, []).append(i)
        else:
            rep[i] = best
    return rep


def anchor_of(claim: str, anchors: Sequence[str], *, weights: dict[str, float],
              threshold: float = ANCHOR_CONTAINMENT) -> int | None:
    """The index of the longer claim that `claim` is an elliptic mention of, or None.

    A short claim ("A ban", "The pledge was a success") whose content words lie (by weight) inside a longer
    claim ("The Government should legislate to ban black plastic trays") is about that claim's proposition:
    the one containing it most, then the most specific, wins.
    """
    tc = content_tokens(claim)
    if not tc or len(tc) > ANCHOR_MAX_TOKENS:
        return None
    best, key = None, (threshold, 0.0)
    for i, a in enumerate(anchors):
        ta = content_tokens(a)
        if len(ta) <= len(tc) or not (tc & ta):
            continue
        inside = sum(weights.get(t, 1.0) for t in tc & ta) / sum(weights.get(t, 1.0) for t in tc)
        k = (inside, _jaccard(tc, ta, weights))
        if k >= key:
            best, key = i, k
    return best


@dataclass(frozen=True)
class Contrast:
    """Two families of instruments that oppose each other (``ontology/lexicons/contrasts.yaml``)."""

    name: str
    families: tuple[tuple[str, frozenset[tuple[str, ...]]], tuple[str, frozenset[tuple[str, ...]]]]

    def family_of(self, text: str) -> str | None:
        """The one family a claim proposes, or None (neither, or both)."""
        stems = _stem_sequence(text)
        found = {name for name, phrases in self.families if any(_has_phrase(stems, p) for p in phrases)}
        return found.pop() if len(found) == 1 else None

    def words(self) -> set[str]:
        return {w for _, phrases in self.families for p in phrases for w in p}


def _stem_sequence(text: str) -> tuple[str, ...]:
    return tuple(_stem(w) for w in _WORD.findall(text.casefold().replace("\u2019", "'").replace("-", " ")))


def _has_phrase(stems: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(stems[i:i + n] == phrase for i in range(len(stems) - n + 1))


@lru_cache(maxsize=1)
def contrasts() -> tuple[Contrast, ...]:
    path = LEXICON_DIR / "contrasts.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = []
    for entry in data.get("contrasts") or []:
        fams = [(k, frozenset(_stem_sequence(str(p)) for p in v)) for k, v in entry.items() if k != "name"]
        if len(fams) == 2:
            out.append(Contrast(str(entry.get("name", "")), (fams[0], fams[1])))
    return tuple(out)


def opposite_proposals(texts: Sequence[str]) -> list[tuple[int, int]]:
    """Pairs (i, j) of claims proposing opposite instruments on a shared topic (a word beyond the instruments).

    >>> opposite_proposals(["A voluntary pledge on plastic trays is enough", "Ban black plastic trays by 2028",
    ...                     "More funding for youth clubs"])
    [(0, 1)]
    """
    out = []
    for c in contrasts():
        instrument = {_stem(w) for w in c.words()}
        fam = [c.family_of(t) for t in texts]
        topic = [content_tokens(t) - instrument for t in texts]
        for i in range(len(texts)):
            for j in range(i + 1, len(texts)):
                if fam[i] and fam[j] and fam[i] != fam[j] and topic[i] & topic[j]:
                    out.append((i, j))
    return out


def best_aim(doubt: str, aims: Sequence[str], *, weights: dict[str, float] | None = None,
             threshold: float = AIM_THRESHOLD) -> int | None:
    """The aim a doubt is about: the index of the most similar aim (containment-weighted), or None."""
    td = content_tokens(doubt)
    tokens = [content_tokens(a) for a in aims]
    w = weights if weights is not None else _weights([td, *tokens])
    best, score = None, threshold
    for i, ta in enumerate(tokens):
        if not ta or not (td & ta):
            continue
        s = 0.5 * _jaccard(td, ta, w) + 0.5 * _containment(td, ta, w)
        if s >= score:
            best, score = i, s
    return best


def merge_bundles(bundles: Sequence["Bundle"], *, known: Iterable["Claim"] = ()) -> list["Bundle"]:
    """Bundles whose near-duplicate claims (across documents, and with `known` claims) share one claim.

    The first text of each cluster wins (known claims first, then in bundle order), so claims
    already in a store keep their ids. Positions are rebuilt on the canonical claim; a claim
    keeps the union of the themes of the texts merged into it.
    """
    from ...graph.model.records import Bundle, new_claim, new_position

    known = list(known)
    texts: list[str] = [c.text for c in known]
    for b in bundles:
        texts.extend(c.text for c in b.claims.values())
    texts = list(dict.fromkeys(texts))
    reps = cluster_claims(texts)
    canon = {t: texts[r] for t, r in zip(texts, reps)}
    themes_of: dict[str, set[str]] = {}
    for c in known:
        themes_of.setdefault(canon[c.text], set()).update(c.themes)
    for b in bundles:
        for c in b.claims.values():
            themes_of.setdefault(canon[c.text], set()).update(c.themes)
    out = []
    for b in bundles:
        nb = Bundle()
        nb.extend(b.documents.values())
        nb.extend(b.sources.values())
        nb.extend(b.themes.values())
        nb.extend(b.stakeholders.values())
        ids: dict[str, str] = {}
        for c in b.claims.values():
            text = canon[c.text]
            claim = new_claim(text, themes=themes_of.get(text, set()) | set(c.themes), contradicts=c.contradicts,
                              refines=c.refines, flags=c.flags)
            ids[c.id] = claim.id
            nb.add(claim)
        for p in b.positions.values():
            q = new_position(p.stakeholder, ids.get(p.claim, p.claim), p.stance, document=p.document, evidence=p.evidence,
                             strength=p.strength, quantifier=p.quantifier, rule=p.rule, confidence=p.confidence, coder=p.coder,
                             date=p.date, note=p.note)
            nb.add(q)
        out.append(nb)
    return out
