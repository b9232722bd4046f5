"""Each article rule of `python -m tools check` fires on its fixture, on the right line, and stays
quiet on the well-formed fixture archive (tests/fixtures/check/good)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.check import run_check

FIXTURES = Path(__file__).parent / "fixtures" / "check"
DATA = FIXTURES / "data"

# fixture in tests/fixtures/check/bad/, line, severity, words the message must contain
CASES = [
    ("missing-title", 1, "error", "no `Title:`"),
    ("empty-title", 1, "error", "`Title:` is empty"),
    ("missing-date", 1, "error", "no `Date:`"),
    ("bad-date", 2, "error", "'2020-13-45' is not a date"),
    ("future-date", 2, "error", "2999-01-01 is in the future"),
    ("non-iso-date", 2, "warning", "not in ISO 8601"),
    ("unknown-tag", 5, "error", "unknown tag 'Karabak'"),
    ("alias-tag", 5, "error", "'Karabah' is an alias of 'Nagorno-Karabakh'"),
    ("lowercase-tag", 5, "error", "'armenia' is spelled 'Armenia'"),
    ("duplicate-slug", 3, "error", "slug 'gencatan-senjata-di-karabakh' is"),
    ("duplicate-title", 1, "warning", "the same title as"),
    ("unknown-source", 7, "warning", "no site profile for source 'Kompas'"),
    ("author-without-letters", 7, "error", "author '?' has no letter or digit"),
    ("unknown-lang", 4, "error", "unknown language 'indonesian'"),
    ("unknown-category", 7, "error", "unknown category 'Karabakh'"),
    ("category-from-tags", 7, "warning", "the tags point to 'Nagorno-Karabakh' (Stepanakert)"),
    ("raw-script", 10, "error", "raw HTML <script>"),
    ("raw-iframe", 8, "error", "raw HTML <iframe>"),
    ("event-handler", 8, "error", "event handler"),
    ("javascript-link", 8, "error", "javascript: link"),
    ("broken-filename-link", 8, "error", "link to tidak-ada.md"),
    ("broken-site-link", 8, "error", "link to /2020/10/tidak-ada/ leads to no page"),
    ("key-typo", 6, "error", "unknown key `Tag:`"),
    ("unknown-key", 7, "warning", "unknown key `Catatan:`"),
    ("quoted-slug", 3, "error", "`Slug:` value is in quotes"),
    ("quoted-title", 1, "warning", "`Title:` is wholly in quotes"),
    ("yaml-list", 5, "error", "written as a YAML list"),
    ("yaml-block-list", 5, "error", "the header ends before this line"),
    ("space-in-key", 4, "error", "reads 'Source url: https://lancangkuning.com/post/2' as body"),
    ("continued-value", 5, "error", "continues `Tags:`"),
    ("duplicate-key", 6, "error", "`Tags:` is given twice (first on line 5)"),
    ("bad-status", 7, "error", "'unpublished' is not a status"),
    ("bad-slug", 3, "error", "'Bad Slug' is not lowercase ASCII"),
    ("empty-summary", 7, "warning", "`Summary:` is empty"),
    ("control-char", 1, "error", "`Title:` contains the invisible control character U+0007"),
    ("ambiguous-date", 2, "error", "'10/11/2020' could be 10 November 2020 or 11 October 2020"),
    ("no-blank-line", 7, "error", "no blank line between the header and the body"),
    ("missing-colon", 4, "error", "'Lang id' has no colon after `Lang`"),
    ("swallowed-paragraph", 7, "error", "read as a header field `BAKU:`"),
    ("published-stub", 9, "error", "the placeholder text of `tools new` is still here"),
    ("empty-tags-published", 5, "error", "`Tags:` is empty and it is published"),
    ("entity-javascript-link", 10, "error", "javascript: link"),
    ("reference-javascript-link", 10, "error", "javascript: link"),
    ("save-as-generated", 6, "error", "`Save_as: search.js` is not an .html file"),
    ("url-generated", 6, "error", "`Url: pagefind/pagefind.js` is inside pagefind/"),
    ("unknown-template", 6, "error", "`Template: laporan-khusus` is not a template"),
    ("figures-bad-count", 7, "error", "figure 2: how many `enam puluh` is not a whole number"),
    ("figures-missing-part", 7, "error", "figure 1: has 4 parts separated by `|`, not 5"),
]
HINTS = {
    "unknown-tag": "did you mean 'Nagorno-Karabakh' (alias 'Karabakh')",
    "key-typo": "did you mean `Tags:`",
    "unknown-source": "add a site profile tools/data/sites/kompas.yaml",
    "unknown-category": "did you mean Nagorno-Karabakh",
    "category-from-tags": "write `Category: Nagorno-Karabakh`",
    "yaml-list": "write `Tags: Armenia, Azerbaijan`",
    "quoted-slug": "write `Slug: quoted-slug`",
    "ambiguous-date": "write 2020-11-10 or 2020-10-11",
    "missing-colon": "write `Lang: id`",
    "figures-missing-part": "`who | what | whom | how many | as of`",
}


def archive_with(tmp_path: Path, *names: str) -> Path:
    """The good fixture archive plus the named bad fixtures, in content/articles/2020/."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "good", content)
    for name in names:
        shutil.copy(FIXTURES / "bad" / f"{name}.md", content / "articles" / "2020")
    return content


def test_the_well_formed_archive_has_no_problem(tmp_path: Path) -> None:
    content = archive_with(tmp_path)
    problems, count = run_check([content, DATA], content=content, data=DATA)
    assert count == 8  # 2 articles, 1 page, 5 data files
    assert problems == []


@pytest.mark.parametrize(("name", "line", "severity", "words"), CASES,
                         ids=[case[0] for case in CASES])
def test_each_rule_reports_its_fixture_on_the_right_line(
        tmp_path: Path, name: str, line: int, severity: str, words: str) -> None:
    content = archive_with(tmp_path, name)
    target = content / "articles" / "2020" / f"{name}.md"
    problems, _ = run_check([target], content=content, data=DATA)
    found = [p for p in problems if words in p.message]
    assert [(p.line, p.severity) for p in found] == [(line, severity)], problems
    others = [p for p in problems if p.severity == "error" and p not in found]
    assert others == []
    if name in HINTS:
        assert HINTS[name] in found[0].hint


def test_all_problems_are_reported_in_one_run(tmp_path: Path) -> None:
    names = [case[0] for case in CASES]
    content = archive_with(tmp_path, *names)
    problems, _ = run_check([content], content=content, data=DATA)
    assert {p.path.stem for p in problems} >= set(names)


@pytest.mark.parametrize(("written", "hint"), [
    ("22 October 2020 19:55 WIB", "write it as 2020-10-22T19:55:00+07:00"),
    ("22 October 2020 19:55", "write it as 2020-10-22T19:55:00"),
    ("22 October 2020", "write it as 2020-10-22"),
])
def test_a_date_in_words_is_rewritten_with_a_zone_only_when_it_states_one(
        tmp_path: Path, written: str, hint: str) -> None:
    content = archive_with(tmp_path, "non-iso-date")
    target = content / "articles" / "2020" / "non-iso-date.md"
    target.write_text(target.read_text().replace("22 October 2020", written))
    problems, _ = run_check([target], content=content, data=DATA)
    (found,) = [p for p in problems if "not in ISO 8601" in p.message]
    assert found.hint.endswith(hint), found.hint


def test_a_file_not_in_utf8_is_reported_on_the_line_of_its_first_bad_byte(
        tmp_path: Path) -> None:
    content = archive_with(tmp_path)
    path = content / "articles" / "2020" / "latin1.md"
    path.write_bytes("Title: Uji\nDate: 2020-10-22\nSlug: latin1\n\nKafé di Baku.\n"
                     .encode("latin-1"))
    problems, _ = run_check([path], content=content, data=DATA)
    assert [(p.line, p.severity) for p in problems] == [(5, "error")]
    assert "not UTF-8 text" in problems[0].message
