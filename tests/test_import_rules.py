"""Every data rule matches its examples and none of its counter-examples; data files load."""

from __future__ import annotations

import pytest

from tools.importer.article import Article
from tools.importer.clean import apply_line
from tools.importer.rules import load_common_rules, load_sites
from tools.vocabulary import load_vocabulary

RULES = list(load_common_rules()) + [r for s in load_sites() for r in s.rules]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_matches_its_examples_and_not_its_counter_examples(rule) -> None:
    for example in rule.examples:
        assert rule.search(example), f"{rule.id} misses {example!r}"
    for counter in rule.counter_examples:
        assert not rule.search(counter), f"{rule.id} wrongly matches {counter!r}"


def test_every_rule_has_an_id_description_and_examples() -> None:
    ids = [r.id for r in load_common_rules()]
    assert len(ids) == len(set(ids))
    for rule in load_common_rules():
        assert rule.description and rule.examples, rule.id


def test_every_corpus_site_and_lancangkuning_has_a_profile() -> None:
    names = {s.name for s in load_sites()}
    assert {"LancangKuning", "Antara", "Detik", "KapanLagi", "Kompas", "Liputan6", "Okezone",
            "Republika", "Tempo", "Tempo English", "VIVA"} <= names


@pytest.mark.parametrize("line, code", [("(evn)", "evn"), ("(fyk/ash)", "fyk/ash"),
                                        ("kata dia. (Cas/Isk)", "Cas/Isk"),
                                        ("(kpl/pur/tch)", "kpl/pur/tch")])
def test_editor_codes_become_metadata(tmp_path, line: str, code: str) -> None:
    article = Article(path=tmp_path / "x.txt")
    apply_line(article, line, load_common_rules())
    assert article.editor == code


@pytest.mark.parametrize("line", ["pada Jumat (23/10).", "Kamis (5/11/2015)", "(20/10)",
                                  "skor (3/1)"])
def test_in_text_dates_are_not_editor_codes(tmp_path, line: str) -> None:
    article = Article(path=tmp_path / "x.txt")
    text, _ = apply_line(article, line, load_common_rules())
    assert text == line and article.editor == ""


def test_vocabulary_resolves_aliases_in_several_languages() -> None:
    vocab = load_vocabulary()
    assert 80 <= len(vocab.entities) <= 150
    assert vocab.resolve("Karabagh") == vocab.resolve("Нагорный Карабах") == "Nagorno-Karabakh"
    assert vocab.resolve("Xankəndi") == "Stepanakert"
    assert vocab.resolve("United States") == "Amerika Serikat"
    assert vocab.resolve("Menlu AS") == "Amerika Serikat"
    assert vocab.resolve("as") is None
    assert len({e.slug for e in vocab.entities}) == len(vocab.entities)
    assert {c.name for c in vocab.conflicts} >= {"Nagorno-Karabakh", "Chechnya"}
