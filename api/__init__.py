"""The ways in: the command line (api.cli), the web service (api.http), the notebook API (api.notebook)
and the parallel reading of inputs they share (api.ingest).

May import anything of stancegraph's; nothing below imports api.
"""
