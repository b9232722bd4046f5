"""`python -m tools eval`: score the importer on the shared real-world corpus.

Bodies are compared as bags of lowercase word tokens (whitespace and punctuation ignored), as the
corpus README asks; titles after whitespace normalisation; dates by calendar day.

Two body scores: `raw` against the expected text as given, and `normalised` after stripping a
leading dateline (`Jakarta (ANTARA News) -`) and a trailing editor code (`(fyk/ash)`) from the
expected text with the importer's own generic rules. The importer moves both to metadata by
design; the corpus's scraper kept them on some sites and not on others, so the normalised score
is the fair one and the raw score is reported beside it.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import click

from tools.errors import ToolError
from tools.pipeline import Options, _group_lines, prepare, process
from tools.repeats import Repeats
from tools.rules import load_common_rules
from tools.slugs import Slugger

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
KINDS = {"raw_text": ".txt", "html": ".html"}


@dataclass
class Score:
    name: str
    kind: str
    precision: float
    recall: float
    title_ok: bool
    date_ok: bool
    error: str = ""
    raw_precision: float = 0.0  # against the expected body as given (dateline, editor code kept)
    raw_recall: float = 0.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    @property
    def raw_f1(self) -> float:
        return f1(self.raw_precision, self.raw_recall)


def f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def normalise_expected(text: str) -> str:
    """The expected body without a leading dateline and a trailing editor code (both metadata
    for the importer), found by the generic `dateline` and `editor-code` rules."""
    text = text.strip()
    for rule in load_common_rules():
        if rule.id == "dateline" and (match := rule.search(text)):
            text = text[match.end():]
        elif rule.id == "editor-code":
            last = text.rsplit("\n", 1)[-1]
            match = rule.search(last)
            if match:
                text = text[: len(text) - len(last) + match.start()]
    return text.strip()


def tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def overlap(got: str, want: str) -> tuple[float, float]:
    """Token precision and recall of got against want."""
    got_t, want_t = tokens(got), tokens(want)
    common = sum((got_t & want_t).values())
    precision = common / sum(got_t.values()) if got_t else 0.0
    recall = common / sum(want_t.values()) if want_t else 0.0
    return precision, recall


def same_title(got: str, want: str) -> bool:
    def norm(t: str) -> str:
        return " ".join(t.split()).casefold()
    return norm(got) == norm(want)


def expected(corpus: Path, path: Path) -> dict:
    """The expected values (`html/<name>.json`) for one corpus input."""
    return json.loads((corpus / "html" / f"{path.stem}.json").read_text("utf-8"))


def score_kind(corpus: Path, kind: str, use_profiles: bool = True) -> list[Score]:
    """Import every file of one kind as a batch (dry run) and score it against its JSON."""
    files = sorted((corpus / kind).glob(f"*{KINDS[kind]}"))
    options = Options(dry_run=True, use_profiles=use_profiles)
    repeats = Repeats.learn(files, lambda p: _group_lines(p, options))
    with tempfile.TemporaryDirectory() as tmp:
        slugger = Slugger(Path(tmp))
        return [score_file(path, kind, expected(corpus, path), options, repeats, slugger)
                for path in files]


def score_file(path: Path, kind: str, want: dict, options: Options, repeats: Repeats,
               slugger: Slugger) -> Score:
    """Import one file (dry run) and score body, title and date against `want`."""
    try:
        article = prepare(path, options)
        process(article, options, repeats, slugger)
    except ToolError as exc:
        return Score(path.stem, kind, 0.0, 0.0, False, False, str(exc))
    got = "\n".join(article.paragraphs)
    precision, recall = overlap(got, normalise_expected(want["articleBody"]))
    raw_precision, raw_recall = overlap(got, want["articleBody"])
    got_day = article.date.date().isoformat() if article.date else ""
    return Score(path.stem, kind, precision, recall, same_title(article.title, want["title"]),
                 got_day == want["date_iso"][:10], raw_precision=raw_precision,
                 raw_recall=raw_recall)


def summary(scores: list[Score]) -> dict[str, float]:
    """Macro averages over files (normalised and raw body scores), title and date accuracy."""
    n = max(len(scores), 1)
    return {"precision": sum(s.precision for s in scores) / n,
            "recall": sum(s.recall for s in scores) / n,
            "f1": sum(s.f1 for s in scores) / n,
            "raw_precision": sum(s.raw_precision for s in scores) / n,
            "raw_recall": sum(s.raw_recall for s in scores) / n,
            "raw_f1": sum(s.raw_f1 for s in scores) / n,
            "title": sum(s.title_ok for s in scores) / n,
            "date": sum(s.date_ok for s in scores) / n}


@click.command("eval")
@click.option("--corpus", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_CORPUS,
              show_default=True, help="Corpus folder with raw_text/ and html/.")
@click.option("--no-profiles", is_flag=True, help="Ignore site profiles (measure 'unseen sites').")
@click.option("--leave-site-out", is_flag=True,
              help="No profiles, no learned repeats, and each site without the rule patterns "
                   "only it triggers (an estimate for sites never seen).")
@click.option("--kind", type=click.Choice(sorted(KINDS)), multiple=True,
              help="Only this input kind (default: both).")
def eval_command(corpus: Path, no_profiles: bool, leave_site_out: bool,
                 kind: tuple[str, ...]) -> None:
    """Score body/title/date extraction on the shared corpus and print a table."""
    if not (corpus / "html").is_dir():
        raise ToolError(f"{corpus}: no corpus here (expected html/ and raw_text/); "
                        "pass --corpus PATH")
    for one in kind or ("raw_text", "html"):
        if leave_site_out:
            from tools.loso import score_leave_site_out

            scores, tuned = score_leave_site_out(corpus, one)
            for site, patterns in sorted(tuned.items()):
                click.echo(f"{site}: without {', '.join(patterns)}")
            mode = "leave-site-out"
        else:
            scores = score_kind(corpus, one, use_profiles=not no_profiles)
            mode = "no profiles" if no_profiles else "with profiles"
        echo_scores(f"{one} ({mode})", scores)


def echo_scores(heading: str, scores: list[Score]) -> None:
    """One line per file, then the means (normalised and raw)."""
    click.echo(f"\n{heading}")
    click.echo(f"{'file':32} {'P':>6} {'R':>6} {'F1':>6} {'rawF1':>6}  title date")
    for s in scores:
        click.echo(f"{s.name:32} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
                   f"{s.raw_f1:6.3f}  "
                   f"{'ok' if s.title_ok else '--':5} {'ok' if s.date_ok else '--':4}"
                   + (f"  {s.error}" if s.error else ""))
    total = summary(scores)
    click.echo(f"{'MEAN':32} {total['precision']:6.3f} {total['recall']:6.3f} "
               f"{total['f1']:6.3f} {total['raw_f1']:6.3f}  "
               f"{total['title']:.0%} {total['date']:.0%}")
    click.echo(f"{'MEAN raw (P R F1)':32} {total['raw_precision']:6.3f} "
               f"{total['raw_recall']:6.3f} {total['raw_f1']:6.3f}")
