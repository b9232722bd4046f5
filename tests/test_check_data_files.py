"""`python -m tools check` validates the editors' data files: vocabulary, languages, site
profiles and junk rules, each problem at the line to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.check import run_check
from tools.checks.known import DATA_DIR

FIXTURES = Path(__file__).parent / "fixtures" / "check"
BAD = FIXTURES / "baddata"

# file in tests/fixtures/check/baddata/, line, words the error message must contain
CASES = [
    ("vocabulary.yaml", 4, "conflict trigger 'Stepanakertt' is not an entity name"),
    ("vocabulary.yaml", 11, "'Karabakh' of 'Nagorno-Karabakh' is already an alias or name of "
                        "'Armenia' (line 8)"),
    ("vocabulary.yaml", 11, "has an empty alias"),
    ("vocabulary.yaml", 13, "entity 'Stepanakert' has kind 'city'"),
    ("vocabulary.yaml", 14, "duplicate entity name 'Armenia' (first on line 6)"),
    ("vocabulary.yaml", 19, "a name of 'Shusha' has no `lang:`"),
    ("vocabulary.yaml", 20, "'Armenian' of 'Shusha' is already an alias or name of 'Armenia'"),
    ("vocabulary.yaml", 21, "the note of 'Shusha' is not a text"),
    ("vocabulary.yaml", 24, "`inflection:` needs `keep:` as a whole number"),
    ("vocabulary.yaml", 22, "`inflection:` needs `ending:` as a whole number"),
    ("languages.yaml", 3, "'eng' is not a two-letter ISO 639-1 code"),
    ("outlets.yaml", 4, "'antaranews.com' of 'Kompas' is already claimed by 'Antara' (line 3)"),
    ("outlets.yaml", 5, "'https://detik.com/' is not a domain"),
    ("outlets.yaml", 5, "outlet 'Detik' needs `country: {code: XX, name: ...}`"),
    ("outlets.yaml", 5, "outlet 'Detik' has language 'ind'"),
    ("outlets.yaml", 5, "outlet 'Detik' has kind 'blog'"),
    ("outlets.yaml", 6, "outlet 'TASS' needs `country: {code: XX, name: ...}`"),
    ("sites/badsite.yaml", 1, "site name 'BadSite' is also used in"),
    ("sites/badsite.yaml", 3, "`detect:` has an empty pattern"),
    ("sites/badsite.yaml", 4, "`dateline:` is not a valid regular expression"),
    ("sites/badsite.yaml", 10, "rule 'badsite-rating' does not match its own example"),
    ("sites/badsite.yaml", 14, "rule 'badsite-empty' has an empty pattern"),
    ("sites/badsite.yaml", 11, "rule 'badsite-empty' has no example"),
    ("rules/common.yaml", 7, "rule 'read-also' matches its counter-example"),
    ("rules/common.yaml", 8, "rule id 'read-also' is also used in"),
    ("rules/common.yaml", 8, "needs an id, an action"),
    ("rules/common.yaml", 12, "unknown name {citty} in pattern"),
    ("rules/common.yaml", 23, "pattern '^{words}$' can take hours"),  # once its part is in
    ("figures.yaml", 6, "`id` outcomes: 'dead' is not a category"),
]


@pytest.fixture(scope="module")
def bad_problems() -> list:
    problems, _ = run_check([BAD], content=FIXTURES / "good", data=BAD)
    return problems


@pytest.mark.parametrize(("name", "line", "words"), CASES,
                         ids=[f"{c[0]}:{c[1]}:{c[2][:30]}" for c in CASES])
def test_each_data_file_rule_names_the_line(bad_problems: list, name: str, line: int,
                                           words: str) -> None:
    hits = [p for p in bad_problems if p.path == (BAD / name).resolve() and words in p.message]
    assert [(p.line, p.severity) for p in hits] == [(line, "error")], bad_problems


def test_a_misspelt_site_profile_key_is_a_warning_with_a_suggestion(bad_problems: list) -> None:
    hits = [p for p in bad_problems if "`domain:`" in p.message]
    assert [(p.line, p.severity, p.hint) for p in hits] == [(15, "warning",
                                                             "did you mean `domains:`?")]


def test_the_fixture_data_files_pass() -> None:
    data = FIXTURES / "data"
    assert run_check([data], content=FIXTURES / "good", data=data)[0] == []


def test_the_projects_data_files_have_no_errors() -> None:
    problems, count = run_check([DATA_DIR], content=FIXTURES / "good", data=DATA_DIR)
    assert count >= 3
    assert [p.format() for p in problems if p.severity == "error"] == []


def test_every_site_profile_is_an_outlet_with_a_country() -> None:
    """A site the importer knows gets its country on the sources page and in search."""
    from tools.datayaml import load_yaml_text
    from tools.outlets import load_outlets

    outlets = load_outlets()
    for path in sorted((DATA_DIR / "sites").glob("*.yaml")):
        site = load_yaml_text(path.read_text(encoding="utf-8"))
        outlet = outlets.find(site["name"]) or outlets.find("", f"https://{site['domains'][0]}/")
        assert outlet is not None and outlet.country, f"{path.name}: add it to outlets.yaml"
        assert outlet.name == site["name"], path.name
