"""Properties of the structure parser and sentence splitter (loaders/documents/structure.py) for any text.

Every block, segment, row cell, view piece and sentence span indexes the document text exactly;
blocks come in order, segments never overlap (no text belongs to two blocks); nothing raises. The texts
mix arbitrary Unicode with the constructs the parser looks for (headings, underlines, bullets,
tables, speaker labels, Hansard lines, HTML tags, page numbers, footnotes, CRLF and form feeds).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stancegraph.loaders.documents.structure import MAX_SENTENCE, Structure, parse_text, split_sentences

PIECES = [
    "\n", "\n\n", "\r\n", "\f", "\t", " ", "  ", "# ", "## ", "===\n", "---\n", "- ", "* ", "• ", "1. ", "a) ", "(ii) ",
    "| a | b |\n", "|---|---|\n", "**Ms Khan**: ", "MR JONES: ", "Mr Smith: ", "Jane Smith (Barchester) (Lab)\n",
    "<b>", "</p>", "<br/>", "Page 3 of 9\n", "12\n", "Contents\t4\n", "Introduction\n", "Providers argue that pay must rise.",
    " e.g. ", " Dr. ", "etc. ", "“quoted”", "said:", ":\n", "...", "?!", "12 Responsible Use of Data\n", "\u00a0", "\u202e",
    "👩‍⚕️", "\u0301", "ﬁ", "\x00",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=40)), max_size=40).map("".join)


def check_structure(text: str, s: Structure) -> None:
    assert s.text == text
    starts = [b.start for b in s.blocks]
    assert starts == sorted(starts)
    everywhere: list[tuple[int, int]] = []
    for block in s.blocks:
        # a paragraph rejoined across a page break spans the noise blocks between, but its segments skip them
        assert 0 <= block.start <= block.end <= len(text), block
        last = block.start
        for a, b in block.segments:
            assert last <= a <= b <= block.end, (block, (a, b))
            last = b
        everywhere += block.segments
        for a, b in (seg for cell in block.cells for seg in cell):
            assert block.start <= a <= b <= block.end
        if block.speaker_span is not None:
            a, b = block.speaker_span
            assert 0 <= a <= b <= len(text)
        view = s.view(block)
        assert len(view.clean) == len(view.raw)
        for vstart, dstart, length in view.pieces:
            assert view.raw[vstart:vstart + length] == text[dstart:dstart + length]
        sentences = split_sentences(view.clean)
        last = 0
        for a, b in sentences:
            assert last <= a < b <= len(view.clean) and b - a <= MAX_SENTENCE
            assert view.clean[a:b] == view.clean[a:b].strip()
            last = b
            for x, y in view.spans(a, b):
                assert 0 <= x <= y <= len(text)
                assert text[x:y] in view.raw
    everywhere.sort()
    for (a, b), (c, d) in zip(everywhere, everywhere[1:]):
        assert b <= c, f"segments {(a, b)} and {(c, d)} overlap"  # no text belongs to two blocks


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_any_text_parses_into_exact_ordered_spans(text: str) -> None:
    check_structure(text, parse_text(text))


@settings(max_examples=300, deadline=None)
@given(text=texts, start=st.integers(0, 50), length=st.integers(0, 3000))
def test_sentences_index_the_text_and_never_overlap(text: str, start: int, length: int) -> None:
    text = text * (1 + length // 200)  # long runs without full stops reach the sentence length cap
    start = min(start, len(text))
    end = min(len(text), start + length)
    last = start
    for a, b in split_sentences(text, start, end):
        assert last <= a < b <= end
        assert text[a:b] == text[a:b].strip() and text[a:b]
        assert b - a <= MAX_SENTENCE
        last = b
    covered = "".join(text[a:b] for a, b in split_sentences(text, start, end))
    assert "".join(text[start:end].split()) == "".join(covered.split())  # nothing but whitespace is dropped
