"""TEI names and small helpers shared by the ParlaMint modules: namespaces, text, languages, dates."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

TEI = "http://www.tei-c.org/ns/1.0"
XI = "http://www.w3.org/2001/XInclude"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def tei(local: str) -> str:
    """The ElementTree name of a TEI element: ``{http://www.tei-c.org/ns/1.0}u``."""
    return f"{{{TEI}}}{local}"


def local_name(el: ET.Element) -> str:
    return el.tag.rsplit("}", 1)[-1]


def clean(text: str | None) -> str:
    """Whitespace collapsed to single spaces, trimmed (ParlaMint normalises spacing only)."""
    return " ".join((text or "").split())


def english(els: list[ET.Element]) -> ET.Element | None:
    """The element in English (``xml:lang="en"``) if there is one, else the first."""
    return next((e for e in els if (e.get(XML_LANG) or "").startswith("en")), els[0] if els else None)


def corpus_prefix(ident: str) -> str:
    """'ParlaMint-GB' from 'ParlaMint-GB_2017-09-07-commons' (or from a file name)."""
    return re.split(r"[_.]", ident, maxsplit=1)[0]


def first_day(date: str) -> str:
    """The first day a gYear / gYearMonth / date / dateTime covers, as an ISO date."""
    d = date.strip()[:10]
    return d + "-01-01" if len(d) == 4 else d + "-01" if len(d) == 7 else d


def last_day(date: str) -> str:
    """The last day a gYear / gYearMonth / date / dateTime covers (a month's end as its 31st: dates compare as text)."""
    d = date.strip()[:10]
    return d + "-12-31" if len(d) == 4 else d + "-31" if len(d) == 7 else d


def holds(el: ET.Element, date: str | None) -> bool:
    """Whether an element's from/to (or when) covers the date; undated elements always hold."""
    if date is None:
        return True
    when = el.get("when")
    if when:
        return first_day(when) <= date <= last_day(when)
    start, end = el.get("from"), el.get("to")
    return (not start or first_day(start) <= date) and (not end or date <= last_day(end))

