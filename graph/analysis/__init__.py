"""The analyses, all computed in memory on a Bundle: the stance matrix, convergence, conflicts and
consensus, tension clusters, DNA networks, polarisation, and the researcher questions' query texts.

May import graph.model, graph.export.formats (CSV cells) and ontology; never graph.rdf or graph.neo4j.
"""
