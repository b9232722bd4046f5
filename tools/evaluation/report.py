"""The evaluation tables: one per input kind, a row per set, per language and in all.

Columns: pages; body precision, recall and F1 (normalised: the expected body without a leading
dateline and trailing editor code, which the importer moves to metadata) and F1 against the
body as given (raw); trafilatura's F1 on the same pages' HTML; pages losing more than half the
body (recall < 0.5); silent losses (our F1 < 0.5 where trafilatura reaches >= 0.9, on a page
neither refused nor marked for review); title, date
and language accuracy where the ground truth has them (a refused page has none: wrong; a page
refused for want of a date only is scored on the import with the date supplied, as an editor
passing `--date` gets it, and its date counts as wrong); refusals. Means are over pages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from statistics import mean

from tools.evaluation.run import Outcome
from tools.evaluation.scoring import f1

HEADER = ("group", "pages", "P", "R", "F1", "raw F1", "trafilatura F1", "lost > ½",
          "silent loss", "title", "date", "lang", "refused")


def ours(o: Outcome) -> float:
    return f1(o.precision, o.recall)


def reference(o: Outcome) -> float:
    return f1(o.ref_precision, o.ref_recall)


def silent_loss(o: Outcome) -> bool:
    """We keep less than half of what trafilatura finds nearly whole, and say nothing (the
    page is neither refused nor marked for review)."""
    return ours(o) < 0.5 and reference(o) >= 0.9 and not o.refusal and not o.review


def share(values: list[bool | None]) -> str:
    known = [v for v in values if v is not None]
    return f"{sum(known) / len(known):.0%} of {len(known)}" if known else "–"


def row(name: str, group: list[Outcome]) -> tuple[str, ...]:
    """One table row for a group of outcomes."""
    return (name, str(len(group)),
            f"{mean(o.precision for o in group):.3f}", f"{mean(o.recall for o in group):.3f}",
            f"{mean(map(ours, group)):.3f}",
            f"{mean(f1(o.raw_precision, o.raw_recall) for o in group):.3f}",
            f"{mean(map(reference, group)):.3f}",
            str(sum(o.recall < 0.5 for o in group)),
            str(sum(silent_loss(o) for o in group)),
            share([o.title_ok for o in group]), share([o.date_ok for o in group]),
            share([o.lang_ok for o in group]),
            str(sum(bool(o.refusal) for o in group)))


def groups(outcomes: list[Outcome]) -> Iterable[tuple[str, list[Outcome]]]:
    """Per set, then per language, then all pages."""
    for label, key in (("set", lambda o: o.set), ("language", lambda o: o.language)):
        for name in sorted({key(o) for o in outcomes}):
            yield f"{label} {name}", [o for o in outcomes if key(o) == name]
    yield "all", outcomes


def table(rows: list[tuple[str, ...]]) -> list[str]:
    """A Markdown table with padded columns (readable in a terminal, pasteable in docs)."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]

    def line(cells: tuple[str, ...]) -> str:
        padded = [c.ljust(w) if i == 0 else c.rjust(w)
                  for i, (c, w) in enumerate(zip(cells, widths, strict=True))]
        return "| " + " | ".join(padded) + " |"

    rule = "| " + " | ".join("-" * (w - 1) + (":" if i else "-")
                             for i, w in enumerate(widths)) + " |"
    return [line(rows[0]), rule, *map(line, rows[1:])]


def kind_report(kind: str, outcomes: list[Outcome]) -> list[str]:
    """The table of one input kind, then its refusals by reason."""
    mine = [o for o in outcomes if o.kind == kind]
    if not mine:
        return []
    lines = [f"{kind}: {len(mine)} pages, leave-site-out, no profiles", "",
             *table([HEADER, *(row(name, group) for name, group in groups(mine))])]
    reasons = Counter(o.refusal for o in mine if o.refusal)
    listed = ", ".join(f"{why} {count}" for why, count in reasons.most_common()) or "none"
    lines += ["", f"refused: {listed} (a page refused for want of a date: body, title and "
              "language scored with the date supplied, its date as wrong)"]
    seconds = sum(o.seconds for o in mine)
    if seconds:
        lines.append(f"importer CPU time: {seconds:.1f} s, {len(mine) / seconds:.1f} pages/s")
    return lines


def worst(outcomes: list[Outcome], count: int,
          key: Callable[[Outcome], float] = lambda o: ours(o) - reference(o)) -> list[str]:
    """The `count` pages where we do worst against trafilatura, one line each."""
    lines = [f"{'kind':8} {'page':44} {'P':>5} {'R':>5} {'F1':>5} {'traf':>5}  refused"]
    for o in sorted(outcomes, key=key)[:count]:
        lines.append(f"{o.kind:8} {o.stem[:44]:44} {o.precision:5.2f} {o.recall:5.2f} "
                     f"{ours(o):5.2f} {reference(o):5.2f}  {o.refusal}")
    return lines
