"""The RDF side: model <-> triples, the embedded pyoxigraph store, SHACL validation, SPARQL results
and the Graph Store protocol's operations.

May import graph.model and ontology; never graph.analysis, graph.neo4j or graph.export.
"""
