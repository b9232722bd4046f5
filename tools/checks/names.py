"""Checks that an article's names exist: tags and categories in the vocabulary, the source among
the site profiles, the language among tools/data/languages.yaml."""

from __future__ import annotations

from tools.checks import Findings, close_keys, closest
from tools.checks.header import Header
from tools.checks.known import Known

VOCABULARY_HINT = ("tags are the canonical names in tools/data/vocabulary.yaml "
                   "(docs/editing.md#tags)")


def split_list(value: str) -> list[str]:
    """Split a list field the way Pelican does: on `;` if there is one, else on commas."""
    parts = value.split(";") if ";" in value else value.split(",")
    return [p.strip() for p in parts if p.strip()]


def check_names(header: Header, out: Findings, known: Known) -> None:
    """Report unknown or non-canonical tags, categories, sources and languages."""
    if known.vocabulary is not None:
        _tags(header, out, known)
        _category(header, out, known)
    _source(header, out, known)
    _lang(header, out, known)
    _page_names(header, out)


def _page_names(header: Header, out: Findings) -> None:
    """Every author and the source get a page whose address is the name's slug: a name with
    no letter or digit (`?`) has none, and Pelican stops the build on it."""
    from pelican.utils import slugify

    from tools.checks.files import SLUG_SUBS

    for field in ("authors", "source"):
        item = header.first(field)
        if item is None or item.value.startswith("["):
            continue
        names = split_list(item.value) if field == "authors" else [item.value.strip()]
        for name in names:
            if name and not slugify(name, regex_subs=SLUG_SUBS):
                out.error(item.line, f"{field[:-1] if field == 'authors' else field} {name!r} "
                          "has no letter or digit to make its page's address from",
                          "write the name in words, or delete it")


def _tags(header: Header, out: Findings, known: Known) -> None:
    item = header.first("tags")
    if item is None or item.value.startswith("["):
        return  # a YAML list is reported by the header checks
    vocabulary = known.vocabulary
    for tag in split_list(item.value):
        canonical = vocabulary.resolve(tag)
        if canonical == tag:
            continue
        if canonical is not None and canonical.casefold() == tag.casefold():
            out.error(item.line, f"tag {tag!r} is spelled {canonical!r} in the vocabulary",
                      f"write {canonical!r}: tag pages are case-sensitive")
        elif canonical is not None:
            out.error(item.line, f"tag {tag!r} is an alias of {canonical!r}",
                      f"write the canonical name {canonical!r} so the articles share one tag page")
        else:
            _unknown_tag(tag, item.line, out, known)


def _unknown_tag(tag: str, line: int, out: Findings, known: Known) -> None:
    guesses: dict[str, str] = {}
    for key in close_keys(tag, known.tag_forms):
        name, form = known.tag_forms[key], known.alias_forms[key]
        guesses.setdefault(name, repr(name) + (f" (alias {form!r})" if form != name else ""))
    hint = f"did you mean {' or '.join(guesses.values())}? " if guesses else ""
    out.error(line, f"unknown tag {tag!r}", hint + VOCABULARY_HINT
              + "; add a new one there with its aliases")


def _category(header: Header, out: Findings, known: Known) -> None:
    item = header.first("category")
    if item is None or not item.value:
        _suggest_category(header, out, known)
        return
    if item.value in known.categories.values():
        return
    guesses = closest(item.value, known.categories)
    names = ", ".join(sorted(known.categories.values()))
    hint = f"did you mean {' or '.join(guesses)}? " if guesses else ""
    out.error(item.line, f"unknown category {item.value!r}",
              f"{hint}categories are the conflicts in tools/data/vocabulary.yaml: {names}")


def _suggest_category(header: Header, out: Findings, known: Known) -> None:
    """No category files the article under none of the conflicts; its tags may name one (the
    conflict whose triggers it names most, as the importer chooses from the text)."""
    tags = header.first("tags")
    if tags is None or known.vocabulary is None:
        return
    named = {known.vocabulary.resolve(tag) for tag in split_list(tags.value)}
    found = [([t for t in conflict.triggers if t in named], conflict.name)
             for conflict in known.vocabulary.conflicts]
    triggers, name = max(found, key=lambda item: len(item[0]), default=([], ""))
    if triggers:
        item = header.first("category")
        out.warning(item.line if item else tags.line,
                    f"no category, though the tags point to {name!r} ({', '.join(triggers)})",
                    f"write `Category: {name}` (or leave it empty: no conflict)")


def _source(header: Header, out: Findings, known: Known) -> None:
    item = header.first("source")
    if item is None or not item.value:
        return
    written = known.sources.get(item.value.casefold())
    if written == item.value:
        return
    if written:
        out.warning(item.line, f"source {item.value!r} is spelled {written!r} in its site profile",
                    f"write `Source: {written}` so its articles share one source page")
        return
    guesses = closest(item.value, known.sources)
    hint = f"did you mean {' or '.join(guesses)}? If not, " if guesses else ""
    out.warning(item.line, f"no site profile for source {item.value!r}",
                f"{hint}add a site profile tools/data/sites/{_slug(item.value)}.yaml "
                "(docs/editing.md#site-profiles)")


def _lang(header: Header, out: Findings, known: Known) -> None:
    item = header.first("lang")
    if item is None:
        return
    if not known.languages or item.value in known.languages:
        return
    lower = item.value.strip().lower()
    codes = ", ".join(f"{c} ({n})" for c, n in sorted(known.languages.items()))
    hint = f"write `Lang: {lower}`" if lower in known.languages else f"use one of {codes}"
    out.error(item.line, f"unknown language {item.value!r}",
              f"{hint}; to add a language edit tools/data/languages.yaml")


def _slug(name: str) -> str:
    from slugify import slugify

    return slugify(name) or "new-site"
