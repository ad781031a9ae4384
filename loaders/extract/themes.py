"""Themes: which concepts of the SKOS scheme a claim concerns, from its words, its row topic and its headings.

- words: a theme's label or alt label in the claim text (``ontology/themes.yaml``);
- a table row's first cell and the nearest topical heading name the topic of what is under them;
  a heading mostly covered by one theme's vocabulary is that theme ("Equality Diversity
  Inclusion"), otherwise it becomes a new theme, narrower than the scheme theme it mentions
  ("Data science skills in the UK" under "Technology and data");
- text similarity: a claim with no theme words takes the theme whose vocabulary it overlaps most.

>>> m = ThemeMatcher()
>>> [t.label for t in m.in_text("pay should be linked to the living wage and better training")]
['Pay and conditions', 'Training']
>>> m.for_heading("Equality Diversity Inclusion").label
'Equality, diversity and inclusion'
>>> t = m.for_heading("Data science skills in the UK"); (t.label, [b for b in t.broader] != [])
('Data science skills in the UK', True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...graph.model.records import Theme, new_theme
from ...graph.model.themes import default_scheme
from .merging import content_tokens

_STRUCTURAL = re.compile(
    r"^(?:\d+(?:\.\d+)*[.)]?\s+)?(?:introduction|summary|executive summary|approach|method(?:s|ology)?|background|conclusions?.*|"
    r"recommendations?|annex.*|appendix.*|references|contents|foreword|preface|glossary|formal minutes|witnesses|"
    r"published written evidence|our inquiry|next steps|overview|context|key findings|findings|discussion|"
    r"submissions? on behalf of.*|statement by.*|remarks by.*|introductory remarks.*|opening statement.*|closing statement.*|"
    r"evidence from.*|response from.*|report|page|question number|examination of witness(?:es)?|oral evidence.*|panel \w+|"
    r"(?:questions?|examination|cross-examination|re-examination) (?:by|from) .*|.*\((?:sworn|affirmed)\)|members present.*|"
    r".*\b(?:19|20)\d\d\b.*|.*\bmodule \d+.*|"
    # workshop notes: who sat at a table, what was pinned up, how the room agreed and disagreed
    r"(?:table|group|breakout(?: group)?|discussion group) ?(?:\d+|[a-z])?\s*(?:\(.*\)|[:–—-].*)|post-it.*|flipchart.*|"
    r"(?:workshop|session|meeting|event) \d+\b.*|on resuming.*|sitting suspended.*|"
    # a debate's procedure and the House's noises: "Moved by Lord X", "Noble Lords: Hear, hear!", "Second Reading"
    r"moved by .*|(?:noble lords|hon\. members|members)\s*:.*|bill main page|relevant documents?\b.*|volume \d+.*|"
    r"(?:second|third) reading|committee stage|report stage|decision time|meeting of the parliament|proceedings|"
    r"transcript|verbatim transcript|hearing of evidence.*|oral submissions|submitters|presenters|evidence|"
    r"points of (?:agreement|disagreement)|what we heard|dot[- ]voting.*|written evidence submitted by.*|about (?:us|the .*))$", re.I)


@dataclass
class ThemeMatcher:
    scheme: tuple[Theme, ...] = field(default_factory=default_scheme)

    def __post_init__(self) -> None:
        self._by_id = {t.id: t for t in self.scheme}
        terms: list[tuple[str, Theme]] = []
        self._vocab: dict[str, set[str]] = {}
        for t in self.scheme:
            for term in (t.label, *t.alt_labels):
                terms.append((term, t))
                self._vocab.setdefault(t.id, set()).update(content_tokens(term))
        terms.sort(key=lambda x: -len(x[0]))
        self._term_theme = {self._key(term): t for term, t in terms}
        alternatives = "|".join(self._term_regex(term) for term, _t in terms)
        self._re = re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w-])", re.I)
        self._named: dict[str, tuple[Theme, ...]] = {}

    @staticmethod
    def _key(term: str) -> str:
        return re.sub(r"[\s/-]+", " ", term.casefold().replace("\u2019", "'")).strip()

    @staticmethod
    def _term_regex(term: str) -> str:
        parts = re.split(r"[\s-]+", term.strip())
        return r"[\s/-]*".join(re.escape(p) for p in parts)

    def in_text(self, text: str) -> list[Theme]:
        """Scheme themes named in a text, in order of first mention, each once."""
        known = self._named.get(text)
        if known is not None:  # (a claim's text is looked up again and again: one scan of the long alternation each)
            return list(known)
        out: list[Theme] = []
        for m in self._re.finditer(text):
            t = self._term_theme.get(self._key(m.group(0)))
            if t is not None and t not in out:
                out.append(t)
        if len(self._named) < 20_000:
            self._named[text] = tuple(out)
        return out

    def by_similarity(self, text: str) -> Theme | None:
        """The theme whose vocabulary shares most content words with the text (at least two), else None."""
        toks = content_tokens(text)
        best, score = None, 1
        for t in self.scheme:
            n = len(toks & self._vocab[t.id])
            if n > score:
                best, score = t, n
        return best

    def for_heading(self, heading: str) -> Theme | None:
        """The theme a topical heading names: a scheme theme, a new narrower theme, or None for structural headings."""
        text = re.sub(r"^\d+(?:\.\d+)*[.)]?\s+", "", heading.strip()).strip(" ?:.")
        text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
        if not text or _STRUCTURAL.match(heading.strip()) or len(text.split()) > 8 or re.search(r"\d{2,}", text):
            return None
        exact = self._term_theme.get(self._key(text))
        if exact is not None:
            return exact
        toks = content_tokens(text)
        if not toks:
            return None
        best, cover = None, 0.0
        for t in self.scheme:
            c = len(toks & self._vocab[t.id]) / len(toks)
            if c > cover:
                best, cover = t, c
        if best is not None and cover >= 0.6:
            return best
        named = self.in_text(text)
        broader = [named[0].id] if named else ([best.id] if best is not None and cover > 0 else [])
        label = text[:1].upper() + text[1:]
        return new_theme(label, broader=broader)

    def covering(self, text: str, *, share: float = 0.75) -> str | None:
        """The label of a scheme theme named in a text whose vocabulary covers most of its content words, else None."""
        toks = content_tokens(text)
        if not toks:
            return None
        for t in self.in_text(text):
            if len(toks & self._vocab[t.id]) / len(toks) >= share:
                return t.label
        return None

    def closure(self, theme: Theme) -> list[Theme]:
        """A theme and its broader themes in the scheme."""
        out = [theme]
        todo = list(theme.broader)
        while todo:
            tid = todo.pop()
            b = self._by_id.get(tid)
            if b is not None and b not in out:
                out.append(b)
                todo.extend(b.broader)
        return out
