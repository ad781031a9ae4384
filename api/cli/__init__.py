"""The ``stancegraph`` command line (Typer): the commands, one module per group, and terminal output.

May import graph, loaders, ontology, api.ingest and api.http (``serve`` runs the app).
"""
