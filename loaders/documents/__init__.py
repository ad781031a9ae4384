"""Document readers (text, HTML, PDF, DOCX) that hand their text to the extractor, the shared reading
helpers, safe ZIP and XML reading and the document structure parser.

May import graph, ontology and loaders.extract (the readers call it); never loaders.formats or api.
"""
