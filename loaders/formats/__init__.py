"""Loaders of coded data from other tools and our own formats: coding sheet, DNA, Pol.is, REFI-QDA,
RDF and the interchange JSON. Each module is a loader (NAME, EXTENSIONS, sniff, load).

May import graph, ontology and loaders.documents; never loaders.extract or api.
"""
