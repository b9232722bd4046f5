"""`check` reports every Markdown file in content/ that Pelican would silently not publish.

Pelican reads only content/articles/ and content/pages/ (pelicanconf.py) and only lowercase
extensions; anything else is skipped without a word and the article is simply missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.check import run_check

from conftest import build_site

ARTICLE = "Title: Artikel {n}\nDate: 2020-10-10\nSlug: artikel-{n}\nTags: Armenia\n" \
          "Synthetic: true\n\nTeks artikel nomor {n} tentang gencatan senjata.\n"
# file -> is it published?
FILES = {
    "articles/2020/artikel-1.md": True,
    "articles/artikel-2.md": True,  # any depth under articles/ is read
    "artikel/artikel-3.md": False,  # a misspelt folder
    "artikel-4.md": False,  # directly in content/
    "articles/2020/artikel-5.MD": False,  # upper-case extension
    "drafts/2020/artikel-6.md": False,
}


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("skipped") / "content"
    (root / "pages").mkdir(parents=True)
    for number, name in enumerate(FILES, start=1):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE.format(n=number), encoding="utf-8")
    return root


def test_check_errors_on_exactly_the_files_pelican_does_not_publish(content: Path) -> None:
    problems, _ = run_check([content], content=content)
    flagged = {p.path.relative_to(content).as_posix() for p in problems if p.severity == "error"}
    assert flagged == {name for name, published in FILES.items() if not published}
    output = content.parent / "output"
    build_site(content, output, extra={"PAGEFIND_ENABLED": "false"})
    for number, (name, published) in enumerate(FILES.items(), start=1):
        page = output / "2020" / "10" / f"artikel-{number}" / "index.html"
        assert page.is_file() == published, name
