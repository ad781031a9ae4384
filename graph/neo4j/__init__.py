"""Neo4j: how records map to nodes and relationships, the push, and read-only Cypher.

May import graph.model and ontology; never graph.rdf, graph.analysis or graph.export.
"""
