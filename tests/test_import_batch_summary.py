"""A batch import ends with the articles an editor should read first (marked for review), then
the totals: created, updated, unchanged, refused, withdrawn, marked for review."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tools.import_command import summary
from tools.importer.import_context import review_of
from tools.importer.pipeline import Result


def test_review_list_comes_first_then_the_totals(capsys) -> None:
    review = [Result(Path("a.txt"), "created", target=Path("2020/a.md"),
                     review="title rests on weak evidence")]
    totals = Counter({"created": 3, "updated": 1, "unchanged": 2, "error": 1, "withdrawn": 1})
    summary(totals, review, dry_run=False)
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("1 marked for review")
    assert lines[1] == "  2020/a.md: title rests on weak evidence"
    assert lines[2] == ("3 created, 1 updated, 2 unchanged, 1 refused, 1 withdrawn (skipped), "
                        "1 marked for review")


def test_the_review_field_is_read_from_the_written_header() -> None:
    text = "Title: X\nStatus: draft\nReview: body disagrees with the reference extractor\n\nText\n"
    assert review_of(text) == "body disagrees with the reference extractor"
    assert review_of("Title: X\n\nReview: not a header line\n") == ""
