"""The canonical model and what every other part shares: records, ids, errors, settings, themes,
quantifiers, the interchange JSON and the catalog (listing and filtering a Bundle's records).

May import ontology only: nothing else of graph, nor loaders or api.
"""
