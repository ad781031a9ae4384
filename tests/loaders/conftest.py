"""Builders for document fixtures made in tmp_path: a tiny hand-written PDF, Word files with python-docx."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


def pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF (Helvetica, one text line per item) written by hand: header, objects, xref, trailer."""
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "BT /F1 11 Tf 72 740 Td 14 TL " + " ".join(f"({esc(line)}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


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
