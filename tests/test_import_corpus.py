"""Quality floor on the shared Indonesian corpus (pinned just below what is measured)."""

from __future__ import annotations

from pathlib import Path
from statistics import mean

import pytest

from tools.evaluation.pages import SHARED, load_folder
from tools.evaluation.run import score_ours
from tools.evaluation.scoring import f1
from tools.importer.rules import load_common_rules

CORPUS = SHARED / "corpus"
pytestmark = pytest.mark.skipif(not (CORPUS / "html").is_dir(),
                                reason=f"shared corpus not found at {CORPUS}")

FLOORS = {  # kind -> (body F1 normalised, body F1 raw, title accuracy), with and without profiles
    "raw_text": (0.98, 0.975, 0.95),
    "html": (0.98, 0.975, 0.95),
}


@pytest.mark.parametrize("profiles", [True, False])
@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_corpus_quality_stays_above_the_floor(kind: str, profiles: bool) -> None:
    outcomes = [score_ours(page, kind, load_common_rules(), use_profiles=profiles)
                for page in load_folder(CORPUS)]
    body_floor, raw_floor, title_floor = FLOORS[kind]
    assert not [o.stem for o in outcomes if o.refusal], "refused"
    assert mean(f1(o.precision, o.recall) for o in outcomes) >= body_floor
    assert mean(f1(o.raw_precision, o.raw_recall) for o in outcomes) >= raw_floor
    assert mean(bool(o.title_ok) for o in outcomes) >= title_floor


def test_tempo_english_page_comes_out_english() -> None:
    from tools.importer.pipeline import Options, prepare, process
    from tools.importer.repeats import Repeats
    from tools.slugs import Slugger

    for path in [CORPUS / "html" / "anp_tempoen-singlepage.html",
                 CORPUS / "raw_text" / "anp_tempoen-singlepage.txt"]:
        options = Options(dry_run=True)
        article = prepare(path, options)
        process(article, options, Repeats(), Slugger(Path("/nonexistent")))
        assert article.lang == "en", path
