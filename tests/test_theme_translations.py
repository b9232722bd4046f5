"""The theme's gettext renders exactly what Jinja's own newstyle gettext renders: translations in
the page language, `%` formatting, values escaped, the message's own text trusted."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import Environment

from plugins.newsarchive import i18n

ROOT = Path(__file__).resolve().parent.parent

SNIPPETS = [
    "{{ _('Search the archive') }}",
    "{{ _('Also known as: %(names)s', names=names|join(', ')) }}",
    "{{ _('Page %(num)d of %(total)d', num=2, total=9) }}",
    "{{ ngettext('%(num)d article', '%(num)d articles', 1) }}",
    "{{ ngettext('%(num)d article', '%(num)d articles', count) }}",
    "{{ _('A message nobody translated, 100%% sure') }}",
    "{% set heading = _('Archives %(year)s', year=2020) %}<h1>{{ heading }}</h1>",
]


def _theme_env() -> Environment:
    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    i18n.install(SimpleNamespace(env=env, settings={"THEME": str(ROOT / "theme"),
                                                    "DEFAULT_LANG": "id"}))
    return env


def _jinja_newstyle_env(lang: str) -> Environment:
    """The theme's catalogue of `lang` through Jinja's own newstyle gettext."""
    catalogue = i18n.load_catalogues(ROOT / "theme" / "translations")[lang]
    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    env.install_gettext_translations(catalogue, newstyle=True)
    return env


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_theme_gettext_renders_what_jinja_newstyle_gettext_renders(snippet: str) -> None:
    values = {"names": ["Artsakh", "<script>alert(1)</script>"], "count": 3,
              "article": SimpleNamespace(lang="en"), "DEFAULT_LANG": "id"}
    ours = _theme_env().from_string(snippet).render(values)
    jinja = _jinja_newstyle_env("en").from_string(snippet).render(values)
    assert ours == jinja
    assert "<script>" not in ours


def test_an_english_article_page_gets_english_chrome_and_an_indonesian_one_indonesian() -> None:
    template = _theme_env().from_string(
        "{{ _('Search the archive') }} | {{ ngettext('%(num)d article', '%(num)d articles', 2) }}")
    english = template.render(article=SimpleNamespace(lang="en"), DEFAULT_LANG="id")
    indonesian = template.render(article=SimpleNamespace(lang="id"), DEFAULT_LANG="id")
    assert english == "Search the archive | 2 articles"
    assert indonesian != english and "2" in indonesian
