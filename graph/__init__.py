"""The graph layer: the canonical model, its RDF store, Neo4j, the analyses and the exports.

Sub-packages: model (records, ids, errors, settings), rdf, neo4j, analysis, export.
May import ontology only; never loaders or api.
"""
