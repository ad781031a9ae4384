"""The extractor's lexicons, read from ``ontology/lexicons/*.yaml``: stakeholders (generic plus packs),
evidence strands, and cue words. Loaded once per process and shared (read-only).

A stakeholder pack is any YAML file there with a ``stakeholders:`` list; entries with the same
label merge (aliases unioned), so a pack can add aliases to a generic group.

>>> lex = default_lexicon()
>>> lex.lookup("provider representatives").label, lex.lookup("ICBs").label
('Providers', 'Integrated care boards')
>>> lex.lookup("people who employed their own personal assistants").label
'People who employ their own personal assistants'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
import threading
from pathlib import Path
from typing import Any

import yaml

from ...graph.model.errors import MalformedSource
from ...ontology import LEXICON_DIR


@dataclass(frozen=True)
class Entry:
    """A stakeholder the lexicon knows."""

    label: str
    kind: str
    aliases: tuple[str, ...] = ()
    member_of: tuple[str, ...] = ()
    scan: bool = True  # found in running text (False: only when named as a holder, e.g. party abbreviations)


@dataclass(frozen=True)
class Strand:
    """An evidence strand: how headings and method descriptions name it, who holds its unattributed positions."""

    method: str
    label: str
    headings: re.Pattern[str] | None
    mentions: re.Pattern[str] | None
    collective: str | None
    noun: str


@dataclass
class Lexicon:
    entries: list[Entry]
    collectives: tuple[str, ...]
    people_nouns: frozenset[str]
    strands: list[Strand]
    genre_strands: dict[str, dict[str, str]]
    method_sections: re.Pattern[str]
    skip_sections: re.Pattern[str]
    cues: dict[str, Any]
    patterns: list[tuple[re.Pattern[str], Entry]] = field(default_factory=list)
    index: dict[str, Entry] = field(default_factory=dict)
    mention_re: re.Pattern[str] | None = None

    def lookup(self, phrase: str) -> Entry | None:
        """The entry a phrase names (alias, plural/singular variant, or pattern), else None."""
        key = norm_phrase(phrase)
        if not key:
            return None
        for variant in (key, key.removeprefix("the "), "the " + key, singular(key), _plural(key)):
            if variant in self.index:
                return self.index[variant]
        for pattern, entry in self.patterns:
            if pattern.fullmatch(key) or pattern.match(key):
                return entry
        return None

    def mentions(self, text: str) -> list[tuple[int, int, Entry]]:
        """Every lexicon mention in a text: (start, end, entry), longest first, not overlapping."""
        out: list[tuple[int, int, Entry]] = []
        taken: list[tuple[int, int]] = []
        if self.mention_re is not None:
            for m in self.mention_re.finditer(text):
                e = self.lookup(m.group(0))
                if e is not None:
                    out.append((m.start(), m.end(), e))
                    taken.append((m.start(), m.end()))
        for pattern, entry in self.patterns:
            for m in pattern.finditer(text):
                if not any(a < m.end() and m.start() < b for a, b in taken):
                    out.append((m.start(), m.end(), entry))
        return sorted(out)


_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def norm_phrase(text: str) -> str:
    text = text.translate(_APOS).casefold()
    text = re.sub(r"[^\w'&/ -]+", " ", text)
    return " ".join(text.split()).strip(" -/")


def singular(word: str) -> str:
    """The singular of a plural noun, roughly ("families" -> "family", "staff" stays)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _plural(word: str) -> str:
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy")):
        return word[:-1] + "ies"
    return word if word.endswith("s") else word + "s"


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as exc:
        raise MalformedSource(f"cannot read lexicon: {exc}", path=path) from None


def _compile(pattern: str | None, path: Path, name: str) -> re.Pattern[str] | None:
    if not pattern:
        return None
    try:
        return re.compile(pattern, re.I)
    except re.error as exc:
        raise MalformedSource(f"bad regular expression ({exc})", path=path, field=name) from None


def read_lexicon(directory: str | Path = LEXICON_DIR, extra: tuple[str | Path, ...] = ()) -> Lexicon:
    """Read every stakeholder pack, the strands and the cues from a lexicon folder (plus extra pack files)."""
    directory = Path(directory)
    by_label: dict[str, dict[str, Any]] = {}
    collectives: list[str] = []
    people: set[str] = set()
    pattern_specs: list[tuple[str, str, Path]] = []
    files = sorted(p for p in directory.glob("*.yaml") if p.name not in ("cues.yaml", "methods.yaml", "quantifiers.yaml"))
    files.sort(key=lambda p: p.name != "stakeholders.yaml")  # the generic lexicon first, packs override
    for path in [*files, *(Path(e) for e in extra)]:
        data = _read_yaml(path)
        if not isinstance(data, dict) or "stakeholders" not in data:
            continue
        collectives.extend(data.get("collectives") or [])
        people.update(n.casefold() for n in data.get("people_nouns") or [])
        for i, item in enumerate(data["stakeholders"] or []):
            if not isinstance(item, dict) or not item.get("label"):
                raise MalformedSource("each stakeholder needs a label", path=path, field=f"stakeholders[{i}]")
            kind = item.get("kind", "group")
            if kind not in ("group", "organisation", "person"):
                raise MalformedSource(f"kind must be group, organisation or person, not {kind!r}", path=path,
                                      field=f"stakeholders[{i}].kind")
            slot = by_label.setdefault(item["label"], {"kind": kind, "aliases": [], "member_of": [], "scan": True})
            slot["kind"] = kind
            slot["scan"] = bool(item.get("scan", slot["scan"]))
            slot["aliases"].extend(item.get("aliases") or [])
            slot["member_of"].extend(item.get("member_of") or [])
            for pat in item.get("patterns") or []:
                pattern_specs.append((item["label"], pat, path))
    entries: list[Entry] = []
    index: dict[str, Entry] = {}
    for label, slot in by_label.items():
        entry = Entry(label, slot["kind"], tuple(dict.fromkeys(str(a) for a in slot["aliases"])),
                      tuple(dict.fromkeys(slot["member_of"])), slot["scan"])
        entries.append(entry)
    # later entries (packs) override earlier ones for the same alias
    for entry in entries:
        for alias in (entry.label, *entry.aliases):
            index[norm_phrase(alias)] = entry
    by_name = {e.label: e for e in entries}
    patterns = [(p, by_name[label]) for label, spec, path in pattern_specs
                if (p := _compile(spec, path, f"{label}.patterns")) is not None]
    long_aliases = sorted({a for a, e in index.items() if len(a) > 4 and e.scan}, key=len, reverse=True)
    # short aliases (ICB, NHS, CQC) only in capitals, so that "pc" or "ics" inside prose never match
    short_aliases = sorted({a.upper() for a, e in index.items() if 1 < len(a) <= 4 and e.scan and a.isalpha()}, key=len, reverse=True)
    alternatives = [f"(?i:{re.escape(a)})" for a in long_aliases] + [re.escape(a) + "s?" for a in short_aliases]
    mention_re = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])") if alternatives else None

    methods_path = directory / "methods.yaml"
    mdata = _read_yaml(methods_path)
    strands = []
    for i, s in enumerate(mdata.get("strands") or []):
        strands.append(Strand(s["method"], s.get("label") or s["method"].capitalize(),
                              _compile(s.get("headings"), methods_path, f"strands[{i}].headings"),
                              _compile(s.get("mentions"), methods_path, f"strands[{i}].mentions"),
                              s.get("collective"), s.get("noun") or "stakeholders"))
    cues = _read_yaml(directory / "cues.yaml")
    return Lexicon(
        entries=entries, collectives=tuple(dict.fromkeys(c.casefold() for c in collectives)), people_nouns=frozenset(people),
        strands=strands, genre_strands=mdata.get("genre_strands") or {},
        method_sections=_compile(mdata.get("method_sections"), methods_path, "method_sections") or re.compile("$^"),
        skip_sections=_compile(mdata.get("skip_sections"), methods_path, "skip_sections") or re.compile("$^"),
        cues=cues, patterns=patterns, index=index, mention_re=mention_re,
    )


_DEFAULT: list[Lexicon] = []
_DEFAULT_LOCK = threading.Lock()


def default_lexicon() -> Lexicon:
    """The shipped lexicons, read once per process: one object, even when threads (the web server's uploads)
    ask for it at the same time (an lru_cache may build it twice, and the caches keyed on it then disagree)."""
    if not _DEFAULT:
        with _DEFAULT_LOCK:
            if not _DEFAULT:
                _DEFAULT.append(read_lexicon())
    return _DEFAULT[0]
