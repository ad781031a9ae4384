"""Content negotiation: pick a media type from the client's ``Accept`` header or a ``format`` parameter."""

from __future__ import annotations

from collections.abc import Sequence

from ...graph.model.errors import NotAcceptable, UsageError

#: short ``?format=`` names and the media types they stand for
FORMAT_ALIASES = {
    "json": "application/json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "xml": "application/sparql-results+xml",
    "jsonld": "application/ld+json",
    "ttl": "text/turtle",
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "html": "text/html",
    "srj": "application/sparql-results+json",
    "srx": "application/sparql-results+xml",
}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q values (malformed parts are skipped)."""
    out = []
    for part in (header or "").split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if "/" not in media:
            continue
        q = 1.0
        for f in fields[1:]:
            name, _, value = f.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        out.append((media, q))
    return out


def _quality(offer: str, ranges: list[tuple[str, float]]) -> float:
    """q of the most specific range matching `offer` (0 when none does)."""
    kind = offer.split("/")[0]
    best, specificity = 0.0, -1
    for media, q in ranges:
        if media == offer:
            s = 2
        elif media == f"{kind}/*":
            s = 1
        elif media == "*/*":
            s = 0
        else:
            continue
        if s > specificity:
            best, specificity = q, s
    return best


def choose(accept: str | None, offered: Sequence[str], *, format: str | None = None,
           equivalents: dict[str, str] | None = None) -> str:
    """The offered media type the client prefers; the first offered when it states no preference.

    `format` (a ``?format=`` value: a short name or a media type) overrides the Accept header.
    `equivalents` maps extra accepted types to offered ones (``application/json`` for SPARQL JSON).
    """
    equivalents = equivalents or {}
    if format:
        wanted = FORMAT_ALIASES.get(format.lower(), format.lower())
        wanted = equivalents.get(wanted, wanted)
        if wanted in offered:
            return wanted
        raise UsageError(f"format {format!r} is not available here; choose one of {', '.join(_names(offered))}")
    ranges = parse_accept(accept)
    if not ranges:
        return offered[0]
    extra = [(equivalents[m], q) for m, q in ranges if m in equivalents]
    ranges = ranges + extra
    best, best_q = None, 0.0
    for offer in offered:
        q = _quality(offer, ranges)
        if q > best_q:
            best, best_q = offer, q
    if best is None:
        raise NotAcceptable(f"cannot answer in {accept!r}; this resource is available as {', '.join(offered)}")
    return best


def _names(offered: Sequence[str]) -> list[str]:
    back = {v: k for k, v in FORMAT_ALIASES.items()}
    return [back.get(o, o) for o in offered]


def prefers_html(accept: str | None) -> bool:
    """Whether a client (a browser) asks for HTML before anything else."""
    ranges = parse_accept(accept)
    html = _quality("text/html", [r for r in ranges if r[0] != "*/*"])
    others = max((q for m, q in ranges if m not in ("text/html", "*/*", "text/*")), default=0.0)
    return html > 0 and html >= others
