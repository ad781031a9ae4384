"""The web service (FastAPI): the app, its routes, content negotiation, problem documents, limits,
the shared service state and the explorer's static files.

May import graph, loaders, ontology and api.ingest; never api.cli.
"""
