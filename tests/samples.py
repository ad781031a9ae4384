"""Small sample data as code, shared by tests (tests/ is on pytest's pythonpath)."""

from __future__ import annotations

from stancegraph.graph.model.records import (
    Bundle, Passage, Stance, new_claim, new_document, new_position, new_source, new_stakeholder, new_theme,
)


def sample_bundle() -> Bundle:
    text = "Providers argue that pay must rise. Some commissioners doubt it."
    doc = new_document("consult.txt", title="A consultation", text=text, date="2024-01-31")
    src = new_source("Workshops", "workshop", doc.id)
    group = new_stakeholder("Providers", kind="group", aliases=["provider representatives"])
    org = new_stakeholder("Acme Care Ltd", kind="organisation", member_of=[group.id], attributes=[("type", "business")])
    pay = new_theme("Pay and conditions", alt_labels=["pay"])
    claim = new_claim("pay must rise", themes=[pay.id])
    p1 = new_position(group, claim, "support", document=doc.id, strength=0.9, quantifier="a wide range",
                      evidence=[Passage(doc.id, "pay must rise", 21, 34, source=src.id, section=("Pay", "Findings"))],
                      rule="cue.argue", confidence=0.8)
    p2 = new_position(new_stakeholder("Commissioners"), claim, Stance.OPPOSE, document=doc.id, strength=0.6, source=src.id,
                      evidence=[Passage(doc.id, "Some commissioners doubt it.", 36, 64)])
    b = Bundle()
    b.add(doc, src, group, org, pay, claim, p1, p2, new_stakeholder("Commissioners"))
    return b


# --------------------------------------------------------------------------- ParlaMint TEI (fictional)

TEI_NS = "http://www.tei-c.org/ns/1.0"


def tei_affiliation(ref: str, role: str = "member", start: str | None = None, end: str | None = None,
                    role_name: str | None = None) -> str:
    dates = (f' from="{start}"' if start else "") + (f' to="{end}"' if end else "")
    inner = f'<roleName xml:lang="en">{role_name}</roleName>' if role_name else ""
    return f'<affiliation ref="#{ref}" role="{role}"{dates}>{inner}</affiliation>' if inner else \
        f'<affiliation ref="#{ref}" role="{role}"{dates}/>'


def tei_person(pid: str, forenames: str, surname: str, *affiliations: str) -> str:
    fore = "".join(f"<forename>{f}</forename>" for f in forenames.split())
    return f'<person xml:id="{pid}"><persName>{fore}<surname>{surname}</surname></persName>{"".join(affiliations)}</person>'


def tei_org(oid: str, role: str, full: str, abb: str | None = None) -> str:
    abbr = f'<orgName full="abb">{abb}</orgName>' if abb else ""
    return f'<org xml:id="{oid}" role="{role}"><orgName full="yes">{full}</orgName>{abbr}</org>'


def tei_list_person(*persons: str, corpus: str = "ParlaMint-XX") -> str:
    return f'<listPerson xmlns="{TEI_NS}" xml:id="{corpus}-listPerson" xml:lang="en">{"".join(persons)}</listPerson>'


def tei_list_org(*orgs: str, corpus: str = "ParlaMint-XX") -> str:
    return f'<listOrg xmlns="{TEI_NS}" xml:id="{corpus}-listOrg" xml:lang="en">{"".join(orgs)}</listOrg>'


def tei_u(who: str | None, *segs: str, ana: str = "#regular", uid: str = "") -> str:
    attrs = (f' who="#{who}"' if who else "") + (f' xml:id="{uid}"' if uid else "")
    return f'<u ana="{ana}"{attrs}>{"".join(f"<seg>{s}</seg>" for s in segs)}</u>'


def tei_div(heads: str | list[str] | None, *items: str) -> str:
    hs = [heads] if isinstance(heads, str) else heads or []
    return f'<div type="debateSection">{"".join(f"<head>{h}</head>" for h in hs)}{"".join(items)}</div>'


def tei_sitting(ident: str, date: str, *divs: str, title: str | None = None, uri: str | None = None,
                namespace: bool = True) -> str:
    """A ParlaMint sitting (a fictional one: the tests' own people and words)."""
    ns = f' xmlns="{TEI_NS}"' if namespace else ""
    source = f'<idno type="URI" subtype="parliament">{uri}</idno>' if uri else ""
    return (f'<TEI{ns} xml:id="{ident}" xml:lang="en" ana="#parla.sitting"><teiHeader><fileDesc><titleStmt>'
            f'<title type="main" xml:lang="en">{title or ident}</title></titleStmt>'
            f'<sourceDesc><bibl><title>Fictional sitting</title>{source}<date when="{date}"/></bibl></sourceDesc>'
            f'</fileDesc><profileDesc><settingDesc><setting><date when="{date}"/></setting></settingDesc></profileDesc>'
            f'</teiHeader><text><body>{"".join(divs)}</body></text></TEI>')


def tei_corpus_root(corpus: str, lists: str, sittings: str) -> str:
    """A corpus root: `lists` go into particDesc, `sittings` after the header (inline TEI or xi:include)."""
    return (f'<teiCorpus xmlns="{TEI_NS}" xmlns:xi="http://www.w3.org/2001/XInclude" xml:id="{corpus}" xml:lang="en">'
            f'<teiHeader><fileDesc><titleStmt><title type="main">{corpus} (fictional)</title></titleStmt></fileDesc>'
            f'<profileDesc><particDesc>{lists}</particDesc></profileDesc></teiHeader>{sittings}</teiCorpus>')


def parlamint_sample() -> bytes:
    """A self-contained fictional ParlaMint corpus root: lists and one sitting inline, a motion and a reply."""
    persons = "".join([
        tei_person("JaneSmith", "Jane", "Smith", tei_affiliation("party.LAB", start="2015-05-07")),
        tei_person("MarkJones", "Mark", "Jones", tei_affiliation("party.CON", start="2010-05-06"),
                   tei_affiliation("GoXX", start="2019-12-16")),
    ])
    orgs = "".join([tei_org("party.LAB", "politicalParty", "Labour", "LAB"),
                    tei_org("party.CON", "politicalParty", "Conservative", "CON"), tei_org("GoXX", "government", "Government")])
    sitting = tei_sitting(
        "ParlaMint-XX_2021-03-04", "2021-03-04",
        tei_div("Care Workers (Pay)",
                tei_u("JaneSmith", "I beg to move, That this House calls on the Government to raise pay for care workers.",
                      "Care workers should be paid at least the real living wage."),
                tei_u("MarkJones", "The Government cannot support the motion.")))
    root = tei_corpus_root("ParlaMint-XX", f'<listPerson xml:lang="en">{persons}</listPerson>'
                                          f'<listOrg xml:lang="en">{orgs}</listOrg>', sitting)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + root).encode("utf-8")
