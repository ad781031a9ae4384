"""Errors cross process boundaries whole: `ingest` reads several inputs in worker processes."""

from __future__ import annotations

import pickle

from stancegraph.graph.model.errors import MalformedSource, UnsupportedFormat, ValidationFailed


def test_malformed_source_keeps_its_location_through_pickle() -> None:
    err = pickle.loads(pickle.dumps(MalformedSource("unknown stance 'maybe'", path="sheet.csv", line=3, field="stance")))
    assert type(err) is MalformedSource
    assert str(err) == "sheet.csv:3 [stance]: unknown stance 'maybe'"
    assert (err.path, err.line, err.field, err.detail) == ("sheet.csv", 3, "stance", "unknown stance 'maybe'")


def test_validation_failed_keeps_its_report_and_other_errors_their_message() -> None:
    err = pickle.loads(pickle.dumps(ValidationFailed("x: node fails", report="R", results=[{"focus": "n"}])))
    assert (str(err), err.report, err.results) == ("x: node fails", "R", [{"focus": "n"}])
    assert str(pickle.loads(pickle.dumps(UnsupportedFormat("a.odt: unsupported")))) == "a.odt: unsupported"
