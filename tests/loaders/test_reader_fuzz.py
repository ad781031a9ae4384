"""A bounded fuzz run of every reader and loader: random bytes and damaged versions of valid files.

Whatever comes in, only stancegraph errors come out (never a library's exception), and what loads
has passages that index the document text. Bounded by a fixed number of examples per extension
and a fixed seed, so CI time stays the same from run to run (about 15 s).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from bad_inputs import EXTENSIONS, good_sample
from stancegraph.graph.model.errors import StancegraphError
from stancegraph.loaders import load_path
from stancegraph.loaders.documents.reader import read_document_text

DOCUMENTS = (".txt", ".md", ".rst", ".html", ".pdf", ".docx")
ARCHIVES = (".docx", ".qdpx")
TOKENS = [b"<", b">", b"</p>", b"<!--", b"&amp;", b"&#0;", b"\x00", b"\xff\xfe", b"\r", b"\n\n", b"\t", b'"', b"\\",
          b"%PDF-", b"endobj", b"stream", b" 0 R", b"<<", b"]]>", b"{", b"}", b"[", b",", b":", b"@context", b"\\u",
          b"\xed\xa0\x80", b"\xe2\x80\xae", b"- ", b"# ", b"**A**: ", b"stance", b"PK\x03\x04"]
_SAMPLES: dict[str, bytes] = {}


def sample(ext: str) -> bytes:
    if ext not in _SAMPLES:
        _SAMPLES[ext] = good_sample(ext)
    return _SAMPLES[ext]


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` with a few random edits: byte overwrites, cut ranges, inserted tokens, a truncation."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        if not out:
            break
        pos = draw(st.integers(0, len(out) - 1))
        edit = draw(st.sampled_from(["overwrite", "cut", "insert", "truncate"]))
        if edit == "overwrite":
            out[pos:pos + 1] = draw(st.binary(min_size=1, max_size=1))
        elif edit == "cut":
            del out[pos:pos + draw(st.integers(1, 64))]
        elif edit == "insert":
            out[pos:pos] = draw(st.one_of(st.sampled_from(TOKENS), st.binary(max_size=16)))
        else:
            del out[pos:]
    return bytes(out)


@st.composite
def damaged_member(draw: st.DrawFn, data: bytes) -> bytes:
    """A ZIP package whose members are intact as a ZIP but one of them (an XML part, say) is damaged."""
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    target = draw(st.sampled_from(sorted(names, key=lambda n: (not n.endswith((".xml", ".qde")), n))))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in names:
            member = src.read(name)
            zf.writestr(name, draw(damaged(member)) if name == target else member)
    return buf.getvalue()


def inputs(ext: str) -> st.SearchStrategy[bytes]:
    options = [st.binary(max_size=2048), damaged(sample(ext))]
    if ext in ARCHIVES:
        options.append(damaged_member(sample(ext)))
    return st.one_of(*options)


def check_only_our_errors(read, path: Path) -> None:  # noqa: ANN001
    try:
        result = read(path)
    except StancegraphError as exc:
        assert "\n" not in str(exc).strip(), str(exc)
        return
    bundle = result if hasattr(result, "positions") else None
    if bundle is not None:  # passages index the text of their document
        for p in bundle.positions.values():
            doc = bundle.documents.get(p.document)
            for e in p.evidence:
                if doc is not None and doc.text is not None and e.start is not None:
                    assert 0 <= e.start <= e.end <= len(doc.text)


def fuzz(ext: str, read, examples: int):  # noqa: ANN001, ANN202
    @seed(8)
    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                     HealthCheck.data_too_large])
    @given(data=inputs(ext))
    def run(tmp_path: Path, data: bytes) -> None:
        path = tmp_path / f"fuzz{ext}"
        path.write_bytes(data)
        check_only_our_errors(read, path)

    return run


QUIET_REPR = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")  # a failing example's repr is large


@pytest.mark.slow
@QUIET_REPR
@pytest.mark.parametrize("ext", DOCUMENTS)
def test_document_readers_raise_only_stancegraph_errors(ext: str, tmp_path: Path) -> None:
    fuzz(ext, read_document_text, 150)(tmp_path)


@pytest.mark.slow
@QUIET_REPR
@pytest.mark.parametrize("ext", [e for e in EXTENSIONS if e != ".dna"])
def test_every_loader_raises_only_stancegraph_errors(ext: str, tmp_path: Path) -> None:
    fuzz(ext, load_path, 60)(tmp_path)
