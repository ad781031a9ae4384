"""A ParlaMint corpus's people: listPerson and listOrg, asked who a speaker was on a sitting's date.

A speaker's party is their ``role="member"`` affiliation with a ``politicalParty`` (else a
``parliamentaryGroup``) that holds on the date, the latest begun if several do; their office comes from
an affiliation with a ``government`` (or ``ministry``) org: its ``roleName`` where ParlaMint gives one,
else the role's usual title (:data:`GOVERNMENT_ROLES`; in ParlaMint-GB every ``member`` of ``#GoGB``
holds ministerial office); the ``head`` of a ``parliament`` is its Speaker.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ...documents.safexml import Xml
from ...extract.genres.hansard import party_of
from .tei import XML_ID, clean, english, first_day, holds, tei

#: affiliation roles with a government, and the office each means when no roleName is given
GOVERNMENT_ROLES = {"head": "Prime Minister", "deputyHead": "Deputy Prime Minister", "member": "Minister",
                    "minister": "Minister", "ministerDelegate": "Minister", "deputyMinister": "Deputy Minister",
                    "secretaryOfState": "Secretary of State"}


@dataclass(frozen=True)
class Org:
    """An organisation of listOrg: a party, a parliamentary group, a government, a parliament."""

    id: str
    role: str  # politicalParty, parliamentaryGroup, government, parliament, ministry...
    name: str  # full name
    abbreviation: str | None


@dataclass(frozen=True)
class Speaker:
    """A person as of one sitting's date: name, party, offices, and their ParlaMint id."""

    id: str
    name: str  # first forename and surname, as Hansard names a member
    full_name: str
    party: Org | None
    office: str | None  # an office in the government
    chair: str | None  # "Speaker" or "Deputy Speaker", with the chamber, when they head a parliament that day


class People:
    """A corpus's listPerson and listOrg, read once and asked about each sitting's speakers."""

    def __init__(self, persons: list[tuple[ET.Element, Xml]], orgs: list[tuple[ET.Element, Xml]], where: str):
        self.where = where
        self.persons: dict[str, tuple[ET.Element, Xml]] = {}
        for lst, xml in persons:
            for p in lst.iter(tei("person")):
                pid = p.get(XML_ID)
                if not pid:
                    raise xml.error("a <person> without xml:id", p)
                self.persons[pid] = (p, xml)
        self.orgs: dict[str, Org] = {}
        for lst, _xml in orgs:
            for o in lst.iter(tei("org")):
                oid = o.get(XML_ID)
                if not oid:
                    continue
                names = o.findall(tei("orgName"))
                full = english([n for n in names if n.get("full") != "abb"]) or english(names)
                abb = next((n for n in names if n.get("full") == "abb"), None)
                self.orgs[oid] = Org(oid, o.get("role") or "", clean(full.text if full is not None else oid),
                                     clean(abb.text) if abb is not None else None)

    def speaker(self, pid: str, date: str, where: Xml, u: ET.Element) -> Speaker:
        """The person `pid` on `date`: their party (the latest member affiliation that holds), offices, name."""
        if pid not in self.persons:
            raise where.error(f"the speaker #{pid} is not in the corpus's listPerson ({self.where})", u, field="who")
        person, xml = self.persons[pid]
        name, full = self._name(person, date, xml)
        party: Org | None = None
        party_from = ""
        office: str | None = None
        chair: str | None = None
        for aff in person.findall(tei("affiliation")):
            if not holds(aff, date):
                continue
            ref = (aff.get("ref") or "").lstrip("#")
            org = self.orgs.get(ref)
            role = aff.get("role") or ""
            if org is None:
                if ref:
                    raise xml.error(f"the affiliation names #{ref}, which the corpus's listOrg does not hold", aff,
                                    field="ref")
                continue
            start = first_day(aff.get("from") or "0000")
            if org.role in ("politicalParty", "parliamentaryGroup") and role == "member":
                if party is None or (org.role == "politicalParty") > (party.role == "politicalParty") \
                        or (org.role == party.role and start >= party_from):
                    party, party_from = org, start
            elif org.role in ("government", "ministry") and role in GOVERNMENT_ROLES:
                title = clean(getattr(english(aff.findall(tei("roleName"))), "text", None))
                title = title or GOVERNMENT_ROLES[role] + (f", {org.name}" if org.role == "ministry" else "")
                if office is None or role == "head":
                    office = title
            elif org.role == "parliament" and role in ("head", "deputyHead"):
                chair = ("Speaker" if role == "head" else "Deputy Speaker") + f", {org.name}"
        return Speaker(pid, name, full, party, office, chair)

    @staticmethod
    def _name(person: ET.Element, date: str | None, xml: Xml) -> tuple[str, str]:
        names = person.findall(tei("persName"))
        held = [n for n in names if holds(n, date)] or names
        pn = english(held)
        if pn is None:
            raise xml.error("a <person> without <persName>", person, field=person.get(XML_ID))
        term = pn.find(tei("term"))
        if term is not None and clean(term.text):
            return clean(term.text), clean(term.text)
        fore = [clean(f.text) for f in pn.findall(tei("forename")) if clean(f.text)]
        links = [clean(f.text) for f in pn.findall(tei("nameLink")) if clean(f.text)]
        sur = [clean(f.text) for f in pn.findall(tei("surname")) if clean(f.text)]
        if not (fore or sur):
            plain = clean("".join(pn.itertext()))
            if not plain:
                raise xml.error("a <persName> with no name in it", pn, field=person.get(XML_ID))
            return plain, plain
        short = " ".join([*fore[:1], *links, *sur])
        full = " ".join([*fore, *links, *sur])
        return short, full


def party_label(org: Org, corpus: str) -> str:
    """The stakeholder label of a party: its full name; for ParlaMint-GB, the Hansard reader's label where it has one."""
    if corpus == "ParlaMint-GB":
        return party_of(org.name) or party_of(org.abbreviation or "") or org.name
    return org.name
