"""HTML documents (``.html .htm``): visible text laid out as lines, structure from the tags.

The Document text is produced here: one line per block element (headings, paragraphs,
list items as ``- item``, table rows as tab-joined cells), blank lines between blocks.
Headings (with their level), list items, table rows and a bold label that opens a
paragraph (a speaker: ``<p><strong>Ms Smith</strong>: ...``) are passed on as hints.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...graph.model.errors import MalformedSource
from ...graph.model.records import Bundle
from .reader import HTML_EXTENSIONS, DocumentText, Hint, decode_text, make_document, normalise_newlines, read_bytes

NAME = "html"
EXTENSIONS = HTML_EXTENSIONS
_BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "blockquote", "pre", "dd", "dt", "figcaption",
          "caption", "address", "aside", "body", "center"}
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_SKIP = {"script", "style", "head", "noscript", "template", "svg", "nav", "iframe", "object", "button", "form", "select"}
_SPACE = re.compile(r"[ \t\r\n\u00a0]+")
#: deepest element nesting read (the walk over the tree recurses once a level; 200,000 nested <div>s took 50 s
#: to parse before failing with a RecursionError)
MAX_DEPTH = 500
_RAW = re.compile(r"<!--.*?-->|<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)[^>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}


def nesting_depth(markup: str, *, stop: int = MAX_DEPTH) -> int:
    """How deep the elements of `markup` nest as Python's HTML parser builds the tree (an unclosed <p> or <li>
    holds the next one), counted on the tags alone before any tree is built; the count stops past `stop`."""
    stack: list[str] = []
    open_count: dict[str, int] = {}
    deepest = 0
    for m in _TAG.finditer(_RAW.sub("", markup)):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            if open_count.get(name):
                while stack:
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
        elif not self_closing and name not in _VOID:
            stack.append(name)
            open_count[name] = open_count.get(name, 0) + 1
            deepest = max(deepest, len(stack))
            if deepest > stop:
                break
    return deepest


def sniff(path: Path, head: bytes) -> bool:
    if not path.is_file():
        return False
    if path.suffix.lower() in EXTENSIONS:
        return True
    start = head[:512].lstrip().lower()
    return path.suffix.lower() not in (".csv", ".yaml", ".yml", ".json") and (
        start.startswith(b"<!doctype html") or start.startswith(b"<html"))


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.hints: list[Hint] = []

    def block(self, text: str, kind: str | None = None, level: int = 0, prefix: str = "",
              speaker: int = 0) -> None:
        text = text.strip()
        if not text:
            return
        if self.parts:
            self._put("\n\n")
        start = self.length
        self._put(prefix + text)
        if kind:
            self.hints.append(Hint(start, self.length, kind, level))
        if speaker:
            self.hints.append(Hint(start, start + speaker, "speaker"))

    def _put(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)

    def text(self) -> str:
        return "".join(self.parts) + "\n"


def _inline(node) -> str:  # noqa: ANN001 - a bs4 node
    from bs4 import NavigableString, Tag

    out: list[str] = []
    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child).__name__ in ("Comment", "Doctype", "ProcessingInstruction", "Declaration", "CData"):
                continue
            out.append(str(child))
        elif isinstance(child, Tag):
            if child.name in _SKIP:
                continue
            if child.name == "br":
                out.append(" ")
            else:
                out.append(_inline(child))
    return _SPACE.sub(" ", "".join(out))


def _has_blocks(node) -> bool:  # noqa: ANN001
    from bs4 import Tag

    return any(isinstance(c, Tag) and (c.name in _BLOCK or c.name in _HEADINGS or c.name in ("ul", "ol", "table", "li", "tr"))
               for c in node.descendants)


def _walk(node, w: _Writer) -> None:  # noqa: ANN001
    from bs4 import NavigableString, Tag

    pending: list[str] = []

    def flush() -> None:
        text = _SPACE.sub(" ", "".join(pending)).strip()
        pending.clear()
        if text:
            w.block(text)

    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child).__name__ in ("Comment", "Doctype", "ProcessingInstruction", "Declaration", "CData"):
                continue
            pending.append(str(child))
            continue
        if not isinstance(child, Tag) or child.name in _SKIP:
            continue
        name = child.name
        if name in _HEADINGS:
            flush()
            w.block(_inline(child), "heading", _HEADINGS[name])
        elif name in ("ul", "ol"):
            flush()
            for li in child.find_all("li", recursive=False):
                nested = [c for c in li.find_all(["ul", "ol"], recursive=False)]
                for n in nested:
                    n.extract()
                w.block(_inline(li), "bullet", prefix="- ")
                for n in nested:
                    _walk(_wrap(n), w)
        elif name == "table":
            flush()
            for tr in child.find_all("tr"):
                cells = [_inline(td).strip() for td in tr.find_all(["td", "th"], recursive=False)]
                cells = [c.replace("\t", " ") for c in cells]
                if any(cells):
                    w.block("\t".join(c or "-" for c in cells), "row")
        elif name == "li":
            flush()
            w.block(_inline(child), "bullet", prefix="- ")
        elif name in _BLOCK or name == "tr":
            flush()
            if _has_blocks(child):
                _walk(child, w)
            else:
                text = _inline(child).strip()
                first = next((c for c in child.children if not (isinstance(c, NavigableString) and not c.strip())), None)
                speaker = 0
                if isinstance(first, Tag) and first.name in ("strong", "b"):
                    label = _inline(first).strip()
                    rest = text[len(label):].lstrip()
                    if label and text.startswith(label) and (label.endswith(":") or rest.startswith(":")) and len(label) <= 80:
                        speaker = len(label) + (0 if label.endswith(":") else 1)
                w.block(text, speaker=speaker)
        elif name == "hr":
            flush()
        else:
            pending.append(_inline(child) if name != "br" else " ")
    flush()


def _wrap(node):  # noqa: ANN001, ANN202
    """A parent for a detached list so _walk sees the list element itself."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup("<div></div>", "html.parser")
    soup.div.append(node)
    return soup.div


def read(path: Path) -> DocumentText:
    from bs4 import BeautifulSoup

    data = read_bytes(path)
    markup = decode_text(data, path)
    if nesting_depth(markup) > MAX_DEPTH:
        raise MalformedSource(f"the HTML nests its elements more than {MAX_DEPTH} deep (close the <p>, <li> or <div> "
                              "elements it leaves open)", path=path)
    try:
        soup = BeautifulSoup(markup, "html.parser")
    except Exception as exc:  # noqa: BLE001 - the parser's own errors are not ours to expose
        raise MalformedSource(f"cannot parse HTML: {exc}", path=path) from None
    title_tag = soup.find("title")
    title = _inline(title_tag).strip() if title_tag else None
    body = soup.body or soup
    w = _Writer()
    _walk(body, w)
    text = normalise_newlines(w.text())
    if not text.strip():
        raise MalformedSource("the HTML page has no visible text", path=path)
    if not title:
        h1 = soup.find("h1")
        title = _inline(h1).strip() if h1 else None
    return DocumentText(make_document(path, text, data, title=title or None), "html", tuple(w.hints))


def load(path: Path) -> Bundle:
    from ..extract import extract_document

    return extract_document(read(path))
