"""SPARQL text as the engine reads it: the checks made before a query or update reaches pyoxigraph.

pyoxigraph cannot hand back the algebra of a query, and rdflib's parser is no stand-in for it (it refuses
``schema:x\\#``, a legal escaped local name, that the engine accepts). So the text is read here with the
engine's own lexical rules, taken from its grammar (spargebra's PEG parser):

* strings (the four quote forms, with their escapes), IRIs (``<...>``, with ``\\u`` escapes), variables,
  blank node labels and the local part of prefixed names (with ``\\#``-style escapes and ``%xx``) are
  terms: nothing inside them is a keyword;
* a comment runs from ``#`` to the next CR or LF;
* everything else is code. The engine matches keywords by their letters alone, without a word boundary:
  ``SERVICEx:y { }`` is ``SERVICE x:y { }`` and ``trueSERVICE <u> { }`` is ``true`` then ``SERVICE``. So a
  keyword is looked for anywhere in code, not as a whole word.

Where the engine and this reading might part, this reading errs towards seeing more code: a local name
stops at its first dot, a ``#`` that does not follow a space, a bracket or a term is read as code rather
than as a comment, and a backslash outside a term escapes the next character.

>>> remote_keyword('SELECT * { ?c sg:text ?t FILTER(CONTAINS(?t, "public service")) }') is None
True
>>> remote_keyword("SELECT * { OPTIONAL { ?s ?p schema:x\\\\# } SERVICE <http://h/x> { ?a ?b ?c } }")
'SERVICE'
>>> remote_keyword("PREFIX x: <http://h/> SELECT * { SERVICEx:y { ?a ?b ?c } }")
'SERVICE'
>>> read_sparql("SELECT * WHERE { ?s ?p ?o . ?o ?q ?s }").variables
('s', 'p', 'o', 'q')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model.errors import QueryRejected

#: deepest nesting of ``{ ( [`` a query or update may have (pyoxigraph's recursive parser and evaluator
#: overflow the stack and kill the process near 1,000 nested function calls and 3,000 nested groups)
MAX_DEPTH = 100
#: most groups, brackets and operators outside data blocks (each one a node of the algebra: 5,000
#: OPTIONALs or BINDs in a row, or a chain of 20,000 ``+``, also overflow the stack)
MAX_OPERATORS = 2_000
#: longest query text, in characters (updates are bounded by the request body limit instead)
MAX_QUERY_CHARS = 1_000_000

_BASE = ("A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d\u2070-\u218f"
         "\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd")
_CHARS_U = _BASE + "_"
_CHARS = _CHARS_U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_LOCAL = rf"(?:(?:[{_CHARS_U}:0-9]|{_PLX})(?:[{_CHARS}:]|{_PLX})*)"
#: the terms and comments of SPARQL text; what they leave is code. Each alternative is tried at every offset,
#: so a term that starts inside a word is still found (``1:x`` is ``1`` then the prefixed name ``:x``).
_TERM = re.compile(
    # a comment only where one can start: after a space, a bracket, punctuation or a term
    r"(?P<comment>\#(?:(?<=[\s{}()\[\].;,>\"']\#)|(?<![\s\S]{2}))[^\r\n]*)"
    r'|(?P<string>"""(?:[^"\\]|\\[\s\S]|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\[\s\S]|'(?!''))*'''"
    r'|"(?:[^"\\\r\n]|\\[\s\S])*"'
    r"|'(?:[^'\\\r\n]|\\[\s\S])*')"
    r"|(?P<iri><(?:[^<>\"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)"
    rf"|(?P<var>[?$][0-9{_CHARS_U}][0-9{_CHARS_U}\u00b7\u0300-\u036f\u203f-\u2040]*)"
    rf"|(?P<bnode>_:[0-9{_CHARS_U}][{_CHARS}]*)"
    # a prefixed name: the prefix stays code (``SERVICE:`` is a keyword to the engine), the local part is a term
    rf"|(?P<pname>(?P<prefix>[{_BASE}][{_CHARS}]*(?:\.+[{_CHARS}]+)*):{_LOCAL}?)"
    rf"|(?P<empty>:{_LOCAL}?)"
    r"|(?P<escape>\\[\s\S])"
)
_REMOTE = re.compile(r"SERVICE|LOAD", re.IGNORECASE)
_VOLATILE = re.compile(r"(?:RAND|NOW|UUID|STRUUID|BNODE)\s*\(", re.IGNORECASE)
_OPERATOR = re.compile(r"[{(\[]|\|\||&&|!=|<=|>=|[!=<>+\-*/|^]")
_OPENERS = re.compile(r"[{}()\[\]]")
_DATA_BLOCK = re.compile(r"\b(?:(?:INSERT|DELETE)\s*DATA|VALUES\s*(?:_|\([\s_]*\)))\s*\{", re.IGNORECASE)
_TOP_SELECT_STAR = re.compile(r"^[^{]*?\bSELECT\s+(?:(?:DISTINCT|REDUCED)\s+)?\*", re.IGNORECASE)


@dataclass(frozen=True)
class SparqlText:
    """A query or update as read here.

    `code`: the text with every term (string, IRI, variable, blank node label, local name) blanked to
    ``_`` and every comment to spaces, at the same offsets (so a place found in the code is the same place
    in the text). `variables`: variable names in order of first appearance (collected for texts up to
    64 KB, i.e. queries). `star`: the offset of the ``*`` of a top-level ``SELECT *``, else -1.
    """

    text: str
    code: str
    variables: tuple[str, ...] = ()

    @property
    def star(self) -> int:
        m = _TOP_SELECT_STAR.match(self.code)
        return m.end() - 1 if m else -1


def read_sparql(text: str) -> SparqlText:
    """Read `text` (texts up to 64 KB, queries, are cached: the checks of one request read a query once)."""
    if len(text) <= 65_536:
        return _read_cached(text)
    return SparqlText(text, _TERM.sub(_blank, text))


def _blank(m: re.Match[str]) -> str:
    """A term or comment as code sees it, at the same length."""
    kind, n = m.lastgroup, m.end() - m.start()
    if kind == "comment":
        return " " * n
    if kind == "pname":
        prefix = m.group("prefix")
        return prefix + ":" + _filler(n - len(prefix) - 1)
    if kind == "empty":
        return ":" + _filler(n - 1)
    return _filler(n)


def _filler(n: int) -> str:
    return "" if n <= 0 else "_" if n == 1 else " _" + " " * (n - 2)


@lru_cache(maxsize=256)
def _read_cached(text: str) -> SparqlText:
    variables: dict[str, None] = {}

    def blank(m: re.Match[str]) -> str:
        if m.lastgroup == "var":
            variables.setdefault(m.group()[1:], None)
        return _blank(m)

    code = _TERM.sub(blank, text)
    return SparqlText(text, code, tuple(variables))


def remote_keyword(text: str) -> str | None:
    """``SERVICE`` or ``LOAD`` when the query or update could make the engine call another server, else None."""
    m = _REMOTE.search(read_sparql(text).code)
    return m.group().upper() if m else None


def is_repeatable(text: str) -> bool:
    """Whether a query gives the same answer every time on the same data (no RAND, NOW, UUID, STRUUID or
    BNODE calls), so that its result may be reused until the next write.

    >>> is_repeatable("SELECT (COUNT(*) AS ?n) { ?s ?p 'now()' }"), is_repeatable("SELECT (NOW() AS ?t) {}")
    (True, False)
    """
    return not _VOLATILE.search(read_sparql(text).code)


def check_shape(text: str, *, update: bool = False) -> None:
    """QueryRejected when a query or update is nested deeper than :data:`MAX_DEPTH`, holds more than
    :data:`MAX_OPERATORS` groups and operators outside ``DATA`` and ``VALUES`` blocks, or (a query)
    is longer than :data:`MAX_QUERY_CHARS`: bounds checked before the engine parses it.

    >>> check_shape("SELECT * WHERE " + "{" * 3000 + "}" * 3000)
    Traceback (most recent call last):
    ...
    stancegraph.graph.model.errors.QueryRejected: the query nests its groups and brackets 3000 deep; the most allowed is 100
    """
    what = "update" if update else "query"
    if not update and len(text) > MAX_QUERY_CHARS:
        raise QueryRejected(f"the query is {len(text):,} characters long; the most allowed is {MAX_QUERY_CHARS:,}")
    code = read_sparql(text).code
    depth = deepest = 0
    for m in _OPENERS.finditer(code):
        if m.group() in "{([":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    if deepest > MAX_DEPTH:
        raise QueryRejected(f"the {what} nests its groups and brackets {deepest} deep; the most allowed is {MAX_DEPTH}")
    operators = len(_OPERATOR.findall(_without_data(code)))
    if operators > MAX_OPERATORS:
        raise QueryRejected(f"the {what} has {operators:,} groups, brackets and operators; the most allowed is "
                            f"{MAX_OPERATORS:,} (split it, or pass long lists as VALUES)")


def _without_data(code: str) -> str:
    """`code` without the contents of ``INSERT DATA``, ``DELETE DATA`` and ``VALUES`` blocks (lists, not algebra)."""
    pieces, i = [], 0
    for m in _DATA_BLOCK.finditer(code):
        if m.start() < i:
            continue
        pieces.append(code[i:m.start()])
        i = _block_end(code, m.end())
    pieces.append(code[i:])
    return "".join(pieces)


def _block_end(code: str, start: int) -> int:
    """The offset just past the brace closing the block whose content starts at `start`."""
    depth = 1
    for m in re.compile(r"[{}]").finditer(code, start):
        depth += 1 if m.group() == "{" else -1
        if depth == 0:
            return m.end()
    return len(code)


def explicit_projection(text: str, variables: list[str]) -> str | None:
    """`text` with its top-level ``SELECT *`` spelled out as `variables` reordered by first appearance in the
    query (the engine lists ``*`` alphabetically), or None when that changes nothing."""
    read = read_sparql(text)
    if read.star < 0:
        return None
    order = {v: i for i, v in enumerate(read.variables)}
    ordered = sorted(variables, key=lambda v: order.get(v, len(order)))
    if ordered == list(variables):
        return None
    return text[:read.star] + " ".join("?" + v for v in ordered) + text[read.star + 1:]


_USING_OR_WITH = re.compile(r"\b(?:USING|WITH)\b", re.IGNORECASE)
_MODIFY = re.compile(r"\s*(?:(?:PREFIX\s*\w*:\s*_\s*|BASE\s*_\s*)*)(DELETE|INSERT)\b(?!\s*DATA\b)", re.IGNORECASE)
_DELETE_WHERE = re.compile(r"DELETE\s*WHERE\s*\{", re.IGNORECASE)
_WHERE = re.compile(r"\bWHERE\b", re.IGNORECASE)


def with_dataset(text: str, *, using: list[str], using_named: list[str]) -> str:
    """An update with the protocol's ``using-graph-uri`` and ``using-named-graph-uri`` written into it as
    ``USING <g>`` and ``USING NAMED <g>`` clauses of each DELETE/INSERT operation (SPARQL 1.1 Protocol
    2.2.3; ``DELETE WHERE { P }`` becomes ``DELETE { P } USING ... WHERE { P }``, its definition).
    QueryRejected when the update names its own dataset (USING or WITH), as the protocol requires.

    >>> with_dataset("INSERT { GRAPH <r> { ?s ?p ?o } } WHERE { ?s ?p ?o }", using=["http://g"], using_named=[])
    'INSERT { GRAPH <r> { ?s ?p ?o } }  USING <http://g> WHERE { ?s ?p ?o }'
    """
    code = read_sparql(text).code
    if _USING_OR_WITH.search(code):
        raise QueryRejected("the update names its own dataset (USING or WITH): do not also send "
                            "using-graph-uri or using-named-graph-uri")
    clause = " " + " ".join([f"USING <{g}>" for g in using] + [f"USING NAMED <{g}>" for g in using_named]) + " "
    out, start = [], 0
    for op_start, op_end in _operations(code):
        m = _MODIFY.match(code, op_start, op_end)
        if not m:
            continue
        dw = _DELETE_WHERE.match(code, m.start(1), op_end)
        if dw:
            block_end = _block_end(code, dw.end())
            pattern = text[dw.end() - 1:block_end]
            out.append(text[start:m.start(1)] + "DELETE " + pattern + clause + "WHERE " + pattern)
            start = block_end
            continue
        where = _top_level(code, _WHERE, m.end(1), op_end)
        if where is not None:
            out.append(text[start:where] + clause)
            start = where
    out.append(text[start:])
    return "".join(out)


def _operations(code: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of an update's operations (separated by ``;`` outside brackets)."""
    ops, depth, start = [], 0, 0
    for m in re.finditer(r"[{}()\[\];]", code):
        ch = m.group()
        if ch == ";" and depth == 0:
            ops.append((start, m.start()))
            start = m.end()
        elif ch in "{([":
            depth += 1
        elif ch in "})]":
            depth -= 1
    ops.append((start, len(code)))
    return ops


def _top_level(code: str, pattern: re.Pattern[str], start: int, end: int) -> int | None:
    """The offset of the first match of `pattern` outside brackets between `start` and `end`."""
    depth = 0
    for m in re.finditer(r"[{}()\[\]]|" + pattern.pattern, code[:end], pattern.flags):
        if m.start() < start:
            continue
        ch = m.group()
        if ch in "{([":
            depth += 1
        elif ch in "})]":
            depth -= 1
        elif depth == 0:
            return m.start()
    return None
