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
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from functools import lru_cache

import snowballstemmer
import yaml

from ...ontology import LEXICON_DIR

if TYPE_CHECKING:
    from ...graph.model.records import Bundle, Claim, Theme

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
_SNOWBALL_LOCK = threading.Lock()  # the stemmer keeps the word it works on in itself: one word at a time


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    """The English Snowball stem ('caring' -> 'care', 'housing' and 'house' -> 'hous', 'regulations' -> 'regul')."""
    with _SNOWBALL_LOCK:  # (concurrent uploads stemmed in threads: 'string index out of range')
        return str(_SNOWBALL.stemWord(word))


def content_tokens(text: str) -> set[str]:
    """Stemmed content words of a text, synonyms folded."""
    return set(_content_tokens(text))


#: a US bill's number ("S. 2207", "H.R. 1234", "HB 12"): a word of its own, the bill's name
_BILL_NO = re.compile(r"\b(?:S|H\.\s?R|H\.\s?Res|S\.\s?Res|HB|SB|AB|LD)\.?\s?(\d{1,5})\b")


#: a numbered part of a bill or scheme ("Head 9", "Section 5"): a word of its own, so that "Head 9" is a claim
_NUMBERED_PART = re.compile(r"\b(Head|Section|Part|Article|Chapter|Schedule)\s+(\d{1,3}[A-Za-z]?)\b")


@lru_cache(maxsize=100_000)
def _content_tokens(text: str) -> frozenset[str]:
    """content_tokens, cached: claims are compared many times over."""
    syn = _synonyms()
    words = _WORD.findall(text.casefold().replace("\u2019", "'").replace("/", " ").replace("-", " "))
    out = {"bill" + m.group(1) for m in _BILL_NO.finditer(text)}
    out |= {m.group(1).casefold() + m.group(2) for m in _NUMBERED_PART.finditer(text)}
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
        and _jaccard(ta, tb, w) >= _JACCARD_FLOOR


#: a token whose postings hold more representatives than this is too common to find candidates by
COMMON_POSTINGS = 200
#: the least weighted Jaccard similarity at which :func:`same_claim` can say yes (its containment rule's floor)
_JACCARD_FLOOR = 0.3


class ClaimIndex:
    """Claims clustered so far: each cluster's representative, an inverted index of their content words
    (the candidates a new claim is compared with) and the document frequencies of those words (the weights).

    Placing a claim costs the comparisons with its candidates (the representatives sharing one of its rarer
    words), not one per claim already placed, so the index can live as long as the store it mirrors and take
    each document's new claims as they come (:func:`merge_bundles` with ``index=``).

    >>> idx = ClaimIndex()
    >>> idx.count(["Pay and conditions must improve", "Improve pay and conditions", "More funding for youth clubs"])
    >>> [idx.place(t) for t in ("Pay and conditions must improve", "Improve pay and conditions", "More funding for youth clubs")]
    ['Pay and conditions must improve', 'Pay and conditions must improve', 'More funding for youth clubs']
    """

    def __init__(self) -> None:
        self.reps: list[str] = []  # representatives, in the order they were placed
        self._rep_tokens: list[frozenset[str]] = []
        self._postings: dict[str, list[int]] = {}
        self.rep_of: dict[str, str] = {}  # every text placed -> its representative's text
        self.themes: dict[str, set[str]] = {}  # representative -> themes of the claims placed on it
        self._df: Counter[str] = Counter()
        self._n = 0
        self._weight_cache: dict[str, float] = {}  # weights at the current counts (replaced when they change)
        self._rep_weight_source: object = None  # the weights the representatives' weights below were summed with
        self._rep_weights: dict[int, float] = {}

    def __len__(self) -> int:
        return len(self.rep_of)

    def count(self, texts: Iterable[str], sign: int = 1) -> None:
        """Count (or with ``sign=-1`` uncount) texts in the word frequencies that weigh the words."""
        for text in texts:
            self._df.update({t: sign for t in _content_tokens(text)})
            self._n += sign
        self._weight_cache = {}  # (a new object: the representatives' weights are summed again too)

    def weight(self, token: str) -> float:
        """Inverse document frequency over the texts counted: :func:`_weights` for one word."""
        return math.log((max(self._n, 1) + 1) / (self._df.get(token, 0) + 0.5)) + 1.0

    def candidates(self, tokens: frozenset[str], *, weights: dict[str, float] | None = None) -> list[int]:
        """Representatives that may be near-duplicates of `tokens`, in placing order: those sharing one of its
        rarer words (all its words when it has no rarer one) and enough weight with it.

        Enough weight: :func:`same_claim` says yes at a weighted Jaccard similarity of :data:`MERGE_THRESHOLD`
        (or for equal sets), or with three shared words, :data:`CONTAIN_THRESHOLD` containment and a similarity
        of :data:`_JACCARD_FLOOR`. The shared words and their weight are counted over the rarer words, with the
        claim's common words (which a representative may share unseen) added to both: an upper bound of what
        is shared, hence of the similarity (shared / (own + theirs - shared)) and the containment. A
        representative whose bounds fail the rules could never merge, and is left out.
        """
        w = weights.get if weights is not None else self._weight_of
        rare = [t for t in tokens if len(self._postings.get(t, ())) <= COMMON_POSTINGS] or list(tokens)
        shared: dict[int, float] = {}
        words: dict[int, int] = {}
        for t in rare:
            wt = w(t, 1.0)
            for j in self._postings.get(t, ()):
                shared[j] = shared.get(j, 0.0) + wt
                words[j] = words.get(j, 0) + 1
        common = tokens.difference(rare)
        unseen = sum(w(t, 1.0) for t in common)
        own = sum(w(t, 1.0) for t in tokens)
        contain = len(tokens) >= 3
        out = []
        for j, s in shared.items():
            inter = s + unseen  # at least the shared weight
            if inter < _JACCARD_FLOOR * own * (1 - 1e-9):
                continue
            theirs = self._rep_weight(j, weights)
            union = max(own + theirs - inter, own, theirs)  # at most the union's weight
            jaccard = inter / union * (1 + 1e-9) if union else 0.0  # at least the similarity
            if jaccard >= MERGE_THRESHOLD or (
                    contain and jaccard >= _JACCARD_FLOOR and words[j] + len(common) >= 3
                    and len(self._rep_tokens[j]) >= 3 and inter * (1 + 1e-9) >= CONTAIN_THRESHOLD * min(own, theirs)):
                out.append(j)
        return sorted(out)

    def _rep_weight(self, j: int, weights: dict[str, float] | None) -> float:
        """The weight of representative `j`'s words (kept while the weights stay the same)."""
        source = weights if weights is not None else self._weight_cache
        if source is not self._rep_weight_source:
            self._rep_weight_source, self._rep_weights = source, {}
        value = self._rep_weights.get(j)
        if value is None:
            w = weights.get if weights is not None else self._weight_of
            value = self._rep_weights[j] = sum(w(t, 1.0) for t in self._rep_tokens[j])
        return value

    def _weight_of(self, token: str, _default: float = 1.0) -> float:
        w = self._weight_cache.get(token)
        if w is None:
            w = self._weight_cache[token] = self.weight(token)
        return w

    def place(self, text: str, *, weights: dict[str, float] | None = None) -> str:
        """The representative of `text`: the most similar near-duplicate among the candidates, or `text` itself
        as a new representative. `weights` (word -> weight) replaces the counted frequencies."""
        if text in self.rep_of:
            return self.rep_of[text]
        ti = _content_tokens(text)
        cands = self.candidates(ti, weights=weights)
        if weights is None:
            words = set(ti).union(*(self._rep_tokens[j] for j in cands)) if cands else set(ti)
            weights = {t: self._weight_of(t) for t in words}
        best, best_sim = None, 0.0
        for j in cands:
            tj = self._rep_tokens[j]
            if numbers_conflict(text, self.reps[j]) or polarity_conflict(text, self.reps[j]) or \
                    parts_conflict(text, self.reps[j]):
                continue
            if same_claim(set(ti), set(tj), weights):
                sim = _jaccard(set(ti), set(tj), weights)
                if best is None or sim > best_sim:
                    best, best_sim = j, sim
        if best is None:
            j = len(self.reps)
            self.reps.append(text)
            self._rep_tokens.append(ti)
            for t in ti:
                self._postings.setdefault(t, []).append(j)
            self.rep_of[text] = text
        else:
            self.rep_of[text] = self.reps[best]
        return self.rep_of[text]

    def forget(self, text: str) -> None:
        """Drop a text that was placed on another representative (it is not stored: its cluster's text is)."""
        if self.rep_of.get(text, text) != text:
            del self.rep_of[text]
            self.count([text], -1)


def parts_conflict(a: str, b: str) -> bool:
    """Whether two claims name different numbered parts of a bill, or one names a part and the other none ("Schedule 3
    of the X Bill 2027" and "the X Bill 2027"): a part of the bill is not the bill, however alike their words.

    >>> parts_conflict("Schedule 3 of the Farm Water Bill 2027", "Farm Water Bill 2027")
    True
    >>> parts_conflict("Clause 9 of Bill C-61: the speed cap", "the speed cap in clause 9 would cost capacity")
    False
    """
    return _parts(a) != _parts(b)


_PART_NAMED = re.compile(r"\b(head|section|part|article|chapter|schedule|clause)\s+(\d{1,3}[a-z]?)\b", re.I)


@lru_cache(maxsize=100_000)
def _parts(text: str) -> frozenset[str]:
    return frozenset(m.group(1).casefold() + m.group(2).casefold() for m in _PART_NAMED.finditer(text))


def numbers_conflict(a: str, b: str) -> bool:
    """Whether two claims name numbers and share none ("Clause 3 as drafted" and "Clauses 9 to 12 as drafted", "a cap
    of £120" and "a cap of £150"): then they are not one claim, however alike their words (which leave numbers out)."""
    na, nb = _numbers(a), _numbers(b)
    return bool(na and nb and not na & nb)


#: words that deny what follows them ("should not be capped", "no footway", "cannot", "never")
_NEGATOR = re.compile(r"\b(?:not|never|no|nor|cannot|none|neither)\b|n['’]t\b", re.I)


def polarity_conflict(a: str, b: str) -> bool:
    """Whether one claim denies what the other asserts ("Rents should be capped" and "Rents should not be capped"):
    their words (which leave negation out) may be alike, but they are opposite claims, never one."""
    return len(_NEGATOR.findall(a)) % 2 != len(_NEGATOR.findall(b)) % 2


@lru_cache(maxsize=100_000)
def _numbers(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\d+(?:[.,]\d+)*", text))


def cluster_claims(texts: Sequence[str], *, weights: dict[str, float] | None = None) -> list[int]:
    """For each text, the index of its cluster's representative (the first text of the cluster).

    Candidates come from an inverted index (:class:`ClaimIndex`: the representatives sharing a token, common
    tokens set aside while a claim has rarer ones), so clustering grows with the number of claims, not with
    its square.
    """
    tokens = [content_tokens(t) for t in texts]
    w = weights if weights is not None else _weights(tokens)
    idx = ClaimIndex()
    first: dict[str, int] = {}
    out = []
    for i, text in enumerate(texts):
        if text in idx.rep_of:  # the same text again (callers pass distinct texts; kept exact for others)
            out.append(first[idx.rep_of[text]])
            continue
        rep = idx.place(text, weights=w)
        first.setdefault(text, i)
        out.append(first[rep])
    return out


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
        if len(ta) <= len(tc) or not (tc & ta) or polarity_conflict(claim, a):
            continue
        inside = sum(weights.get(t, 1.0) for t in tc & ta) / sum(weights.get(t, 1.0) for t in tc)
        k = (inside, _jaccard(tc, ta, weights))
        if k >= key:
            best, key = i, k
    return best


#: the kinds of instrument a proposal puts forward, each with the words that name one ("a federal wildland fire
#: service", "a federal firefighting agency"; "a mandatory standard", "a single national rule")
_INSTRUMENTS = {
    "body": ("service", "agency", "body", "authority", "organisation", "organization", "unit", "corps"),
    "rule": ("standard", "rule", "requirement", "mandate", "regulation", "code", "obligation", "duty"),
    "payment": ("allowance", "payment", "benefit", "grant", "subsidy", "compensation", "stipend"),
    "levy": ("levy", "tax", "charge", "fee", "surcharge", "toll"),
    "cap": ("cap", "limit", "ceiling"),
    "ban": ("ban", "prohibition", "moratorium"),
    "fund": ("fund",),
    "register": ("register", "registry", "licence", "license", "licensing"),
}
_INSTRUMENT_OF = {w: kind for kind, words in _INSTRUMENTS.items() for w in words}
#: words before an instrument's name that say nothing of which one it is
_BARE_MODIFIER = frozenset({"a", "an", "the", "any", "this", "that", "new", "single", "such", "one", "our", "their",
                            "its", "another", "proper", "real", "separate", "own", "whole", "every", "each", "same"})
#: modifiers that say one thing of an instrument: it binds everyone ("a blanket rule" is its critics' "mandatory standard")
_MODIFIER_FOLD = {"blanket": "mandatory", "compulsory": "mandatory", "binding": "mandatory", "statutory": "mandatory"}


@lru_cache(maxsize=100_000)
def instrument(text: str) -> tuple[str, frozenset[str]] | None:
    """The kind of instrument a claim names first, with the stems of the words that say which one ("Create a federal
    firefighting agency" -> ('body', {'federal', 'firefight'})), else None.

    >>> kind, words = instrument("The creation of a federal wildland fire service")
    >>> kind, sorted(words)
    ('body', ['feder', 'fire', 'wildland'])
    >>> same_instrument("Create a federal firefighting agency", "The creation of a federal wildland fire service")
    True
    >>> same_instrument("A federal evacuation allowance", "The creation of a federal wildland fire service")
    False
    >>> same_instrument("The blanket rule", "A mandatory standard"), same_instrument("A blanket ban", "A mandatory standard")
    (True, False)
    """
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    for i, w in enumerate(words):
        kind = instrument_kind(w)
        if kind is None:
            continue
        mods: list[str] = []
        for m in reversed(words[max(0, i - 4):i]):
            low = m.casefold()
            if low in _BARE_MODIFIER or low in _STOP or not m.isalpha() and "-" not in m:
                break
            mods.extend(content_tokens(_MODIFIER_FOLD.get(low, m)))
        return (kind, frozenset(mods)) if mods else None
    return None


def instrument_kind(word: str) -> str | None:
    """The kind of instrument a word names ("services": 'body', "levy": 'levy'), else None."""
    low = word.casefold()
    return _INSTRUMENT_OF.get(low.rstrip("s")) or _INSTRUMENT_OF.get(low)


def same_instrument(a: str, b: str) -> bool:
    """Whether two claims name one instrument: of one kind, with a word in common that says which (a federal
    firefighting agency and a federal wildland fire service; not a federal allowance and a federal service)."""
    ia, ib = instrument(a), instrument(b)
    return ia is not None and ib is not None and ia[0] == ib[0] and bool(ia[1] & ib[1])


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


def merge_bundles(bundles: Sequence["Bundle"], *, known: Iterable["Claim"] = (),
                  known_themes: Iterable["Theme"] = (), index: ClaimIndex | None = None) -> list["Bundle"]:
    """Bundles whose near-duplicate claims (across documents, and with `known` claims) share one claim.

    The first text of each cluster wins (known claims first, then in bundle order), so claims
    already in a store keep their ids. Positions are rebuilt on the canonical claim; a claim
    keeps the union of the themes of the texts merged into it.

    Each bundle returned stands on its own, as every load must: a theme a merged claim takes from another
    bundle, or from a `known` claim, comes with its record (from that bundle or `known_themes`, with the
    themes it is narrower than); a theme no record is known for is left off the claim.

    `index`: the claims of a store, clustered already (a :class:`ClaimIndex` kept beside the store between
    loads, with their themes). The new texts are counted into it and placed on it, so the cost grows with the
    new claims, not with the store; it is left as the store will be once the bundles are loaded (their claims'
    texts in, the texts merged into another claim out).
    """
    from ...graph.model.records import Bundle, claim_id, new_claim, new_position

    known = list(known)
    texts: list[str] = [c.text for c in known]
    for b in bundles:
        texts.extend(c.text for c in b.claims.values())
    texts = list(dict.fromkeys(texts))
    themes_of: dict[str, set[str]] = {}
    if index is None:
        reps = cluster_claims(texts)
        canon = {t: texts[r] for t, r in zip(texts, reps)}
    else:
        new = [t for t in texts if t not in index.rep_of]
        index.count(new)
        canon = {t: index.place(t) for t in texts}
        for t in dict.fromkeys(canon.values()):
            if t in index.themes:
                themes_of.setdefault(t, set()).update(index.themes[t])
    for c in known:
        themes_of.setdefault(canon[c.text], set()).update(c.themes)
    for b in bundles:
        for c in b.claims.values():
            themes_of.setdefault(canon[c.text], set()).update(c.themes)
    records = {t.id: t for t in known_themes}
    for b in bundles:
        records.update(b.themes)
    out = []
    for b in bundles:
        nb = Bundle()
        nb.extend(b.documents.values())
        nb.extend(b.sources.values())
        nb.extend(b.themes.values())
        nb.extend(b.stakeholders.values())
        ids = {c.id: claim_id(" ".join(canon[c.text].split())) for c in b.claims.values()}  # (as new_claim makes it)

        def moved(refs: Iterable[str], own: str) -> list[str]:
            # a claim it contradicts or refines may itself have merged into another: the reference follows it
            return [r for r in dict.fromkeys(ids.get(r, r) for r in refs) if r != own]

        for c in b.claims.values():
            text = canon[c.text]
            themes = {t for t in themes_of.get(text, set()) if t in records} | set(c.themes)
            _add_themes(nb, themes, records)
            claim = new_claim(text, themes=themes, contradicts=moved(c.contradicts, ids[c.id]),
                              refines=moved(c.refines, ids[c.id]), flags=c.flags)
            nb.add(claim)
            if index is not None:
                index.themes.setdefault(text, set()).update(themes)
        for p in b.positions.values():
            q = new_position(p.stakeholder, ids.get(p.claim, p.claim), p.stance, document=p.document, evidence=p.evidence,
                             strength=p.strength, quantifier=p.quantifier, rule=p.rule, confidence=p.confidence, coder=p.coder,
                             date=p.date, note=p.note)
            nb.add(q)
        out.append(nb)
    if index is not None:
        for t in new:
            index.forget(t)  # merged into another claim: the store will not hold its text
    return out


def _add_themes(bundle: "Bundle", theme_ids: Iterable[str], records: dict[str, "Theme"]) -> None:
    """Put the records of `theme_ids`, and of the themes they are narrower than, into `bundle`."""
    todo = list(theme_ids)
    while todo:
        tid = todo.pop()
        if tid in records and tid not in bundle.themes:
            bundle.add(records[tid])
            todo.extend(records[tid].broader)
