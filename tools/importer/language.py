"""The language an article is written in, from py3langid over all the languages its model
ships, with the pairs it confuses (Indonesian and Malay) decided by data in metadata.yaml."""

from __future__ import annotations

from functools import lru_cache
from itertools import islice
from typing import Any, NamedTuple

from tools.importer.metadata_data import metadata_data


class Guess(NamedTuple):
    """A language and why: `origin` names the signal, `detail` says what it saw."""

    code: str
    origin: str
    detail: str


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's model (loaded once a process: ~1 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def primary(code: str) -> str:
    """`en-US`, `en_GB`, `id-ID` -> `en`, `en`, `id`; `in` (old code of Indonesian) -> `id`."""
    code = code.strip().replace("_", "-").split("-")[0].lower()
    return {"in": "id", "iw": "he", "ji": "yi"}.get(code, code)


def identify(text: str, declared: str = "") -> Guess | None:
    """The language of `text` (title and body), or None when it has too few letters to tell.
    `declared`: the primary code the page states (html lang, og:locale...), used only to
    settle a confusable pair. One pass of the model: its ranking of every language gives both
    the best one and the odds within a confusable pair (naive Bayes: the model restricted to
    two languages keeps their ratio)."""
    sample = text[:metadata_data().get("language_sample_chars", 1500)]
    needed = metadata_data().get("min_letters_for_language", 40)
    if sum(1 for _ in islice(filter(str.isalpha, sample), needed)) < needed:
        return None
    probabilities = _identifier().rank(sample)
    code, probability = probabilities[0]
    detail = f"py3langid {code} ({probability:.2f})"
    for pair in metadata_data().get("confusable", []):
        prefer, over = pair["prefer"], pair["over"]
        if code not in (prefer, over):
            continue
        if declared in (prefer, over):
            code = declared
            detail += f"; {prefer}/{over} settled by the page's declared language {declared}"
            continue
        ranked = dict(probabilities)
        share = ranked[over] / (ranked[over] + ranked[prefer])
        code = over if share >= pair["min_probability"] else prefer
        detail += (f"; {prefer} vs {over}: {over} {share:.2f}, needs "
                   f"{pair['min_probability']:.2f} to win")
    return Guess(code, "text", detail)


def choose_language(text: str, explicit: str = "", declared: list[tuple[str, str]] = ()
                    ) -> tuple[Guess | None, list[str]]:
    """The article's language and the explanation of each candidate: an explicit one
    (sidecar, front matter) wins; then the text's language; the page's declared language
    (`declared`: (code, origin) pairs) only when the text is too short to identify."""
    notes: list[str] = []
    codes = [(primary(code), origin) for code, origin in declared if primary(code)]
    if explicit:
        guess = Guess(primary(explicit), "explicit", f"stated: {explicit}")
        notes += [f"{origin} says {code}: not needed" for code, origin in codes]
        return guess, notes
    guess = identify(text, codes[0][0] if codes else "")
    if guess is None and codes:
        code, origin = codes[0]
        return Guess(code, origin, f"{origin} says {code}; the text is too short to identify"), \
            notes
    for code, origin in codes:
        if guess is not None and code != guess.code:
            notes.append(f"{origin} says {code}: the text reads as {guess.code}")
    return guess, notes
