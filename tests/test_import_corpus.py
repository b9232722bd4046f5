"""Quality floor on the shared real-world corpus (pinned just below what is measured)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.evaluate import score_kind, summary

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not (CORPUS / "html").is_dir(),
                                reason=f"shared corpus not found at {CORPUS}")

FLOORS = {  # kind, profiles -> (body F1 normalised, body F1 raw, title accuracy)
    ("raw_text", True): (0.99, 0.985, 0.99),
    ("raw_text", False): (0.99, 0.985, 0.99),
    ("html", True): (0.99, 0.985, 0.99),
    ("html", False): (0.99, 0.985, 0.99),
}


@pytest.mark.parametrize("kind, profiles", sorted(FLOORS))
def test_corpus_quality_stays_above_the_floor(kind: str, profiles: bool) -> None:
    total = summary(score_kind(CORPUS, kind, use_profiles=profiles))
    body_floor, raw_floor, title_floor = FLOORS[kind, profiles]
    assert total["f1"] >= body_floor and total["raw_f1"] >= raw_floor, total
    assert total["title"] >= title_floor, total


def test_tempo_english_page_comes_out_english() -> None:
    from tools.pipeline import Options, prepare, process
    from tools.repeats import Repeats
    from tools.slugs import Slugger

    for path in [CORPUS / "html" / "anp_tempoen-singlepage.html",
                 CORPUS / "raw_text" / "anp_tempoen-singlepage.txt"]:
        options = Options(dry_run=True)
        article = prepare(path, options)
        process(article, options, Repeats(), Slugger(Path("/nonexistent")))
        assert article.lang == "en", path


@pytest.mark.parametrize("kind", ["raw_text", "html"])
def test_sites_left_out_of_the_rules_still_import_well(kind: str) -> None:
    """Each site scored without the rule patterns only it triggers, no profiles, no learned
    repeats: an estimate for sites the importer has never seen."""
    from tools.loso import score_leave_site_out

    scores, _tuned = score_leave_site_out(CORPUS, kind)
    total = summary(scores)
    assert total["f1"] >= 0.99 and total["raw_f1"] >= 0.985 and total["title"] >= 0.99, total
