"""Hostile data for the reliability tests: document strings made of markup, RTL marks, emoji and
spreadsheet formulas, and the checks that HTML pages carry none of it as markup."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from html.parser import HTMLParser

SCRIPT = "<script>alert('sg')</script>"
IMG = '"><img src=x onerror=alert(1)>'
CLAIM = f'{IMG} Pay must rise </script> \u202eevil\u202c 👩\u200d⚕️ "quoted" & \'single\''
HOLDER = f'Carers "R" Us {SCRIPT}'
QUOTE = "line one\nline two </script><!-- --> \u202e 🦀"
FORMULAS = ["=cmd|' /C calc'!A0", "+SUM(1,1)", "@SUM(1,1)", "-2+3+cmd|' /C calc'!A0"]
#: quotes a spreadsheet would run as formulas behind leading control characters (CR ends a row if left unquoted)
CONTROL_FORMULAS = ["\r=2+2", "\t=1+1", "\n+3+3", " \r @SUM(1,1)"]
NASTY_ROWS = [
    # document, source, stakeholder, group, stance, claim, themes, quantifier, quote
    ["nasty.txt", "Workshop <b>2</b>", HOLDER, FORMULAS[0], "support", CLAIM, "Pay", "", QUOTE],
    ["nasty.txt", "Workshop <b>2</b>", FORMULAS[1], "Commissioners", "oppose", CLAIM, "Pay", "", f"no {SCRIPT}"],
    ["nasty.txt", "Workshop <b>2</b>", FORMULAS[2], "Commissioners", "oppose", CLAIM, "Pay", "", "no"],
    ["nasty.txt", "Workshop <b>2</b>", FORMULAS[3], FORMULAS[0], "support", CLAIM, "Pay", "", "yes"],
]


def control_sheet() -> bytes:
    """A sheet whose quotes are :data:`CONTROL_FORMULAS` (one position each)."""
    return nasty_sheet([["control.txt", "Workshop", f"Holder {i}", "", "support", "Spreadsheets must stay safe", "", "", q]
                        for i, q in enumerate(CONTROL_FORMULAS)])


def check_spreadsheet_csv(text: str, *, rows: int | None = None) -> list[list[str]]:
    """The CSV's records, read as a spreadsheet would (a bare CR or LF ends a record): none may start a formula
    after leading whitespace and control characters, unless guarded by an apostrophe; `rows` records expected."""
    records = list(csv.reader(io.StringIO(text, newline="")))  # a CR or LF outside quotes would end a record
    if rows is not None:
        assert len(records) == rows, len(records)
    for cell in (c for r in records for c in r):
        bare = cell.lstrip(" \t\r\n\x0b\x0c")
        assert not (bare[:1] in ("=", "+", "@") or (bare[:1] == "-" and not bare[1:2].isdigit())) \
            or cell.startswith("'"), repr(cell)
    return records


def nasty_sheet(rows: list[list[str]] = NASTY_ROWS) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["document", "source", "stakeholder", "group", "stance", "claim", "themes", "quantifier", "quote"])
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


class Markup(HTMLParser):
    """Tags, attributes and script bodies of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        else:
            self.text.append(data)


def strings_in(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings_in(v)


def check_page(html: str, *, expect_data: bool) -> None:
    """No markup from the data: no injected tags or handlers; data only as JSON inside data scripts."""
    page = Markup()
    page.feed(html)
    page.close()
    assert not [t for t, _ in page.tags if t in ("img", "iframe", "object", "embed")]
    assert not [(t, a) for t, attrs in page.tags for a in attrs if a.startswith("on")]
    for payload in (SCRIPT, IMG, "<script>alert(1)</script>", "<!-- -->"):
        assert payload not in html
    found: list[str] = []
    for attrs, body in page.scripts:
        if attrs.get("type") == "application/json":
            found += strings_in(json.loads(body))
        else:  # the page's own code (and vis-network) only, none of the data
            assert "alert('sg')" not in body and "onerror=alert(1)" not in body and "Carers" not in body
    if expect_data:  # the document text is there, exactly, as data
        assert any(HOLDER in s for s in found) and any(IMG in s and "\u202e" in s for s in found)


def literals(nt_or_graph) -> set[str]:  # noqa: ANN001
    import rdflib

    return {str(o) for o in nt_or_graph.objects() if isinstance(o, rdflib.Literal)}
