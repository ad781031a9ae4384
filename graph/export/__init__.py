"""Exports: RDF and interchange serialisations, CSV, GraphML/GEXF/JSON-LD, the networkx projection,
the interactive maps (pyvis) and the heatmap.

May import graph.model, graph.rdf.mapping (triples for JSON-LD) and ontology; never graph.analysis or graph.neo4j.
"""
