"""Statements and testimonies: one person's words, in their voice.

A document that is one person's statement ("STATEMENT OF KATERI CALLAHAN", "Statement of Hon. Christine Todd
Whitman, Administrator, U.S. Environmental Protection Agency", or "My name is X and I am the President of Y"
near the start) is read in that person's voice: every first-person sentence and every unattributed evaluative
statement is theirs, and the organisation they speak for is their group.
"""

from __future__ import annotations

import re
from typing import ClassVar

from ...documents.structure import Block, Structure
from ..stakeholders import Holder
from . import Reader

_STATEMENT_HEADING = re.compile(
    r"^(?:(?:opening|prepared|written|oral|joint)\s+)?(?:statement|testimony|evidence|submission|remarks)\s+(?:of|by|from)\s+"
    r"(?:(?:the\s+)?(?:hon\.?|honou?rable|rt\.?\s+hon\.?|dr\.?|mr\.?|ms\.?|mrs\.?|senator|representative|professor|prof\.?|"
    r"sir|dame|lord|lady|baroness)\s+)*(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,4})(?:\s*,\s*(?P<role>.+))?$", re.I)
_MY_NAME = re.compile(r"\bMy name is (?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})(?:,?\s+and\s+I\s+(?:am|serve as|work as)"
                      r"\s+(?:the\s+|an?\s+)?(?P<role>[^.;]{3,120}))?")
_ROLE_ORG = re.compile(r"\b(?:of|at|for|with)\s+(?:the\s+)?(?P<org>[A-Z][\w'’.&-]*(?:\s+(?:of|for|and|on|the|&|to|in|[A-Z][\w'’.&-]*)){0,8})")
_WITH_ORG = re.compile(r"\b(?:I am with|I represent|on behalf of)\s+(?:the\s+)?(?P<org>[A-Z][\w'’.&-]*(?:\s+(?:of|for|and|on|the|&|"
                       r"[A-Z][\w'’.&-]*)){0,8})")


def statement_author(structure: Structure) -> tuple[str, str | None] | None:
    """(person, organisation) of a document that is one person's statement or testimony.

    Read from a heading such as "STATEMENT OF KATERI CALLAHAN" or "Statement of Hon. Christine Todd Whitman,
    Administrator, U.S. Environmental Protection Agency", or from "My name is X and I am the President of Y"
    near the start; the organisation from the role, "I am with Y" or "on behalf of Y".
    """
    name: str | None = None
    role = ""
    head = structure.text[:2500]
    for b in structure.blocks[:4]:
        t = " ".join(structure.view(b).text.split())
        m = _STATEMENT_HEADING.match(t)
        if m and len(t) < 220:
            name, role = m.group("name"), m.group("role") or ""
            break
    mine = _MY_NAME.search(head)
    if name is None and mine:
        name = mine.group("name")
    if name is None:
        return None
    if mine and mine.group("role"):
        role = role + ", " + mine.group("role")
    name = re.sub(r"\s+[A-Z]\.\s+", " ", " ".join(w.capitalize() if w.isupper() else w for w in name.split()))
    org = None
    for m in list(_ROLE_ORG.finditer(role)) + list(_WITH_ORG.finditer(head)):
        candidate = m.group("org").strip(" ,.")
        candidate = re.sub(r",?\s+(?:April|May|June|July|March|February|January|August|September|October|November|December)\b.*$",
                           "", candidate).strip(" ,.")
        if len(candidate.split()) >= 1 and candidate.casefold() not in ("committee", "subcommittee", "the committee"):
            org = candidate
            break
    if org is None and role:
        parts = [p.strip() for p in role.split(",") if p.strip()]
        caps = [p for p in parts[1:] if p[:1].isupper() and not re.match(r"^(?:April|May|June|July|March|January|February|August|"
                                                                          r"September|October|November|December)\b", p)]
        org = caps[0] if caps else None
    return name, org


class StatementReader(Reader):
    """One person's statement or testimony."""

    genre: ClassVar[str] = "statement"
    kind: ClassVar[str] = "statement"

    def testifies(self, b: Block) -> bool:
        return True

    def asserts(self, holders: list[Holder]) -> bool:
        return bool(holders)

    def make_voice(self) -> Holder:
        author = statement_author(self.structure)
        if author is None:
            return super().make_voice()
        name, org = author
        return Holder(name, "person", member_of=(org,) if org else (), member_kinds=((org, "organisation"),) if org else ())

    def speakers(self, b: Block) -> list[Holder]:
        return [self.voice]  # every first-person sentence is theirs

    def keeps(self, holder: Holder) -> bool:
        return super().keeps(holder) and holder.label != "The literature"
