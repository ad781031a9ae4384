"""The theme scheme: the default SKOS scheme shipped in ontology/themes.yaml, and lookups on it."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from ...ontology import THEMES_YAML
from .errors import MalformedSource
from .ids import normalise_text
from .records import Theme, new_theme


def read_scheme(path: str | Path = THEMES_YAML) -> list[Theme]:
    """Themes from a scheme file (``themes: [{label, alt, broader}]``), broader links resolved by label."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise MalformedSource(f"not valid YAML: {exc}", path=path) from None
    entries = data.get("themes") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise MalformedSource("expected a list under 'themes'", path=path, field="themes")
    by_label = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("label"):
            raise MalformedSource("each theme needs a label", path=path, field=f"themes[{i}]")
        by_label[normalise_text(entry["label"])] = entry
    themes = []
    for i, entry in enumerate(entries):
        broader = entry.get("broader") or []
        broader = [broader] if isinstance(broader, str) else broader
        for b in broader:
            if normalise_text(b) not in by_label:
                raise MalformedSource(f"broader theme {b!r} is not in the scheme", path=path, field=f"themes[{i}].broader")
        themes.append(new_theme(entry["label"], alt_labels=entry.get("alt") or [],
                                broader=[new_theme(by_label[normalise_text(b)]["label"]).id for b in broader]))
    return themes


@lru_cache(maxsize=1)
def default_scheme() -> tuple[Theme, ...]:
    return tuple(read_scheme(THEMES_YAML))


def theme_index(themes: tuple[Theme, ...] | list[Theme] | None = None) -> dict[str, Theme]:
    """Normalised label and alt label -> theme."""
    index: dict[str, Theme] = {}
    for theme in themes if themes is not None else default_scheme():
        index.setdefault(normalise_text(theme.label), theme)
    for theme in themes if themes is not None else default_scheme():
        for alt in theme.alt_labels:
            index.setdefault(normalise_text(alt), theme)
    return index


@lru_cache(maxsize=1)
def _default_index() -> dict[str, Theme]:
    return theme_index(default_scheme())


@lru_cache(maxsize=1)
def default_themes_by_id() -> dict[str, Theme]:
    """The default scheme's themes by id (built once; do not modify)."""
    return {t.id: t for t in default_scheme()}


def resolve_theme(label: str, themes: tuple[Theme, ...] | list[Theme] | None = None) -> Theme:
    """The scheme theme a label names (by label or alt label), or a new theme with that label.

    The default scheme's index is built once per process, not once per call (a sheet resolves a
    theme per row).
    """
    index = _default_index() if themes is None else theme_index(themes)
    found = index.get(normalise_text(label))
    return found if found is not None else new_theme(label)
