"""Loaders of coded data from other tools and our own formats: coding sheet, DNA, Pol.is, REFI-QDA,
RDF and the interchange JSON; and of ParlaMint TEI, parliamentary sittings whose speakers and parties the
format codes. Each module is a loader (NAME, EXTENSIONS, sniff, load).

May import graph, ontology and loaders.documents; never api. Only ParlaMint imports loaders.extract: its
sittings are debates, read by the debate reader with the roster the format gives.
"""
