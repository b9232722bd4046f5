"""Bare Pelican, the baseline: its default theme (notmyidea), no plugins, Pelican's defaults.

Only what reading the same content needs is set: the site's timezone and language (so dates and
translations are handled as in the project). Feeds, pagination, caching: Pelican's defaults.
"""

from pathlib import Path

AUTHOR = "Benchmark"
SITENAME = "Bare Pelican baseline"
SITEURL = ""
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
PLUGINS: list[str] = []
# The project's About page asks for its own template (`Template: about`): the default theme's
# page template stands in for it.
THEME_TEMPLATES_OVERRIDES = [str(Path(__file__).resolve().parent / "bare_templates")]
