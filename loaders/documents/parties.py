"""Parliamentary parties as members' tags name them: one table, read by the document structure (is "(ACT)" after a
name a party, so that the line opens a member's turn?) and by the genre readers (which party is it?).

>>> PARTIES["act"], PARTY_TAG.match("Te Pāti Māori") is not None, PARTY_TAG.match("Lib.") is not None
('ACT New Zealand', True, True)
>>> PARTY_TAG.match("Ministry for the Environment") is None
True
"""

from __future__ import annotations

import re

#: party abbreviations and names (as Hansard and other Westminster-style records write them) -> the party's label
PARTIES = {
    "con": "Conservative Party", "conservative": "Conservative Party", "tory": "Conservative Party",
    "lab": "Labour Party", "labour": "Labour Party", "lab/co-op": "Labour Party", "labour/co-operative": "Labour Party",
    "ld": "Liberal Democrats", "lib dem": "Liberal Democrats", "liberal democrat": "Liberal Democrats",
    "liberal democrats": "Liberal Democrats", "snp": "Scottish National Party", "scottish national party": "Scottish National Party",
    "pc": "Plaid Cymru", "plaid cymru": "Plaid Cymru", "dup": "Democratic Unionist Party", "uup": "Ulster Unionist Party",
    "sdlp": "Social Democratic and Labour Party", "sf": "Sinn Féin", "green": "Green Party", "green party": "Green Party",
    "ind": "Independent members", "independent": "Independent members", "non-affiliated": "Non-affiliated members",
    "reform": "Reform UK", "reform uk": "Reform UK", "alliance": "Alliance Party", "tuv": "Traditional Unionist Voice",
    "alba": "Alba Party",
    "cb": "Crossbench peers", "crossbench": "Crossbench peers", "induu": "Independent members",
    "indcon": "Conservative Party", "indlab": "Labour Party", "indsn": "Independent members", "ukip": "UK Independence Party",
    "respect": "Respect Party", "bishops": "Lords Spiritual", "bishop": "Lords Spiritual",
    # the Oireachtas
    "ff": "Fianna Fáil", "fianna fáil": "Fianna Fáil", "fianna fail": "Fianna Fáil", "fg": "Fine Gael", "fine gael": "Fine Gael",
    "sinn féin": "Sinn Féin", "sinn fein": "Sinn Féin", "social democrats": "Social Democrats", "soc dem": "Social Democrats",
    "pbp": "People Before Profit", "people before profit": "People Before Profit", "aontú": "Aontú", "aontu": "Aontú",
    # the House of Commons of Canada, as ourcommons.ca tags a member: "(Riding, CPC)"
    "lib.": "Liberal Party of Canada", "lib": "Liberal Party of Canada", "liberal": "Liberal Party",
    "cpc": "Conservative Party of Canada", "ndp": "New Democratic Party",
    "bq": "Bloc Québécois", "bloc": "Bloc Québécois", "bloc québécois": "Bloc Québécois", "gp": "Green Party",
    # New Zealand's and Australia's parliaments, as a tag names a member's party ("Hon Name (National):", "(ALP)")
    "national": "New Zealand National Party", "nz first": "New Zealand First", "act": "ACT New Zealand",
    "te pāti māori": "Te Pāti Māori", "te pati maori": "Te Pāti Māori", "māori party": "Te Pāti Māori",
    "labor": "Australian Labor Party", "alp": "Australian Labor Party", "lnp": "Liberal National Party",
    "nationals": "The Nationals", "nats": "The Nationals", "greens": "Australian Greens", "one nation": "Pauline Hanson's One Nation",
}
#: a bench that is no party, in the same brackets: the Speaker's ("Spkr")
_BENCHES = ("spkr",)
#: a tag's bracket that names a party or a bench, the whole of it ("ACT", "Lib.", "Fianna Fáil")
PARTY_TAG = re.compile(r"^(?:" + "|".join(sorted((re.escape(k.rstrip(".")) for k in (*PARTIES, *_BENCHES)), key=len, reverse=True))
                       + r")\.?$", re.I)
