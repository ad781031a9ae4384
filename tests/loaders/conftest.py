"""Fixtures for loader tests.

``make_pdf`` and ``make_docx`` build document fixtures in tmp_path: a tiny hand-written PDF, Word files with python-docx.

``make_qdpx`` builds small REFI-QDA projects in a temporary folder (a synthetic consultation; no real data).

Two text sources: consultation notes (with non-ASCII characters before the coded spans), stored as
``sources/<guid>.txt``, and an interview held inline as ``PlainTextContent``. A code tree with
stakeholder, claim, stance and theme branches; nested and overlapping selections; one case.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest

from bad_inputs import pdf_bytes  # one hand-written PDF maker for all tests

NOTES = (
    "Café owners’ forum – notes\n"
    "Unions said: Pay should rise for care workers. They opposed cuts to training.\n"
    "Home Care Ltd argued that training is underfunded.\n"
)
INTERVIEW = "Interview.\nI think naïve planning hurts — training is underfunded.\n"

NAMES = {
    "stakeholders": "Stakeholders", "claims": "Claims", "stances": "Stances", "themes": "Themes",
    "support": "Support", "oppose": "Oppose",
}


def guid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def project_xml(names: dict[str, str] | None = None, *, style=lambda g: g, selection_end: int | None = None) -> str:
    n = {**NAMES, **(names or {})}
    g = lambda i: style(guid(i))  # noqa: E731

    def code(i: int, name: str, children: str = "") -> str:
        return f'<Code guid="{g(i)}" name={quoteattr(name)} isCodable="true">{children}</Code>'

    codebook = (
        code(10, n["stakeholders"], code(11, "Unions") + code(12, "Care providers", code(13, "Home Care Ltd")))
        + code(20, n["claims"], code(21, "Workforce", code(22, "Pay should rise") + code(23, "Training is underfunded"))
               + code(24, "Cuts to training"))
        + code(30, n["stances"], code(31, n["support"]) + code(32, n["oppose"]))
        + code(40, n["themes"], code(41, "Funding"))
    )

    def sel(i: int, text: str, phrase: str, codes: list[int], *, end: int | None = None) -> str:
        start, stop = span(text, phrase)
        refs = "".join(f'<CodeRef targetGUID="{g(c)}"/>' for c in codes)
        return (f'<PlainTextSelection guid="{g(i)}" name={quoteattr(phrase[:20])} startPosition="{start}" '
                f'endPosition="{stop if end is None else end}" creatingUser="{g(1)}">'
                f'<Coding guid="{g(i + 500)}" creatingUser="{g(1)}">{refs}</Coding></PlainTextSelection>')

    notes = (
        sel(100, NOTES, "Unions said: Pay should rise for care workers. They opposed cuts to training.", [11])
        + sel(101, NOTES, "Pay should rise for care workers.", [22, 31], end=selection_end)
        + sel(102, NOTES, "opposed cuts to training", [24, 32, 41])
        + sel(103, NOTES, "Home Care Ltd argued that training is underfunded.", [13, 23])
        + sel(104, NOTES, "care workers. They", [41])  # overlaps 101 and 102, codes only a theme
        + f'<PlainTextSelection guid="{g(105)}" name="empty" startPosition="5" endPosition="5"/>'
    )
    interview = sel(110, INTERVIEW, "training is underfunded", [23])
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="Consultation" origin="test">'
        f'<Users><User guid="{g(1)}" name="Rita"/></Users>'
        f"<CodeBook><Codes>{codebook}</Codes></CodeBook>"
        f'<Variables><Variable guid="{g(60)}" name="group" typeOfVariable="Text"/>'
        f'<Variable guid="{g(61)}" name="role" typeOfVariable="Text"/></Variables>'
        f'<Cases><Case guid="{g(70)}" name="Alice">'
        f'<VariableValue><VariableRef targetGUID="{g(60)}"/><TextValue>Workers</TextValue></VariableValue>'
        f'<VariableValue><VariableRef targetGUID="{g(61)}"/><TextValue>carer</TextValue></VariableValue>'
        f'<SourceRef targetGUID="{g(3)}"/></Case></Cases>'
        "<Sources>"
        f'<TextSource guid="{g(2)}" name="notes.txt" plainTextPath="internal://{g(2)}.txt">{notes}</TextSource>'
        f'<TextSource guid="{g(3)}" name="interview-alice.txt"><PlainTextContent>{escape(INTERVIEW)}</PlainTextContent>'
        f"{interview}</TextSource>"
        "</Sources></Project>"
    )


def build_qdpx(path: Path, *, qde_name: str = "project.qde", sources_dir: str = "sources", xml: str | None = None,
               style=lambda g: g, extra: dict[str, bytes] | None = None, names: dict[str, str] | None = None,
               selection_end: int | None = None) -> Path:
    """Write a .qdpx at `path` and return it."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(qde_name, xml if xml is not None else project_xml(names, style=style, selection_end=selection_end))
        zf.writestr(f"{sources_dir}/{style(guid(2))}.txt", NOTES.encode("utf-8"))
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return path


@pytest.fixture
def make_qdpx(tmp_path: Path) -> Callable[..., Path]:
    """``make_qdpx(name="project.qdpx", **options)`` builds a project in tmp_path (see build_qdpx)."""
    def make(name: str = "project.qdpx", **options) -> Path:
        return build_qdpx(tmp_path / name, **options)
    return make

@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    def make(lines: list[str], name: str = "doc.pdf") -> Path:
        path = tmp_path / name
        path.write_bytes(pdf_bytes(lines))
        return path
    return make


@pytest.fixture
def make_docx(tmp_path: Path) -> Callable[..., Path]:
    """Build a .docx: items are ('heading', text, level) | ('para', text) | ('bullet', text) | ('table', rows) | ('speaker', name, text)."""
    def make(items: list[tuple], name: str = "doc.docx") -> Path:
        import docx

        d = docx.Document()
        for item in items:
            kind = item[0]
            if kind == "heading":
                d.add_heading(item[1], level=item[2])
            elif kind == "para":
                d.add_paragraph(item[1])
            elif kind == "bullet":
                d.add_paragraph(item[1], style="List Bullet")
            elif kind == "table":
                rows = item[1]
                t = d.add_table(rows=len(rows), cols=len(rows[0]))
                for r, row in enumerate(rows):
                    for c, cell in enumerate(row):
                        t.cell(r, c).text = cell
            elif kind == "speaker":
                p = d.add_paragraph()
                p.add_run(item[1] + ":").bold = True
                p.add_run(" " + item[2])
        path = tmp_path / name
        d.save(str(path))
        return path
    return make
