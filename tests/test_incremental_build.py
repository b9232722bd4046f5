"""An incremental build after an edit equals a full build of the edited content, byte for byte.

Each scenario: a full build, one edit, an incremental build into the same folder, and a full
build of the edited content into a fresh folder; every file and the file list must match. Real
Pelican builds of a small synthetic site (generated in tmp_path, `Synthetic: true`, never in
content/), with the content cache on as `make html` runs it. Pagefind is off here: the search
index is built from the pages on disk (search_index.py); these tests prove the pages are right.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bench.prepare import prepare
from plugins.newsarchive.incremental import MANIFEST_NAME
from tests.conftest import ROOT

ARTICLES = 36


@dataclass
class Site:
    """A synthetic site in tmp_path: content, raw seeds, a theme and vocabulary of its own."""

    root: Path
    content: Path
    raw: Path
    theme: Path
    vocabulary: Path
    overrides: dict[str, object] = field(default_factory=dict)
    builds: int = 0

    @property
    def output(self) -> Path:
        return self.root / "out"

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    def articles(self) -> list[Path]:
        return sorted((self.content / "articles").rglob("*.md"))

    def build(self, output: Path | None = None, incremental: bool = True,
              fail: bool = False) -> subprocess.CompletedProcess[str]:
        """Incremental into site.output (cache on, as make html), or a full build elsewhere."""
        self.builds += 1
        settings: dict[str, object] = {
            "RAW_SEEDS_PATH": str(self.raw), "THEME": str(self.theme),
            "NEWSARCHIVE_VOCABULARY": str(self.vocabulary), "PAGEFIND_ENABLED": False,
            **self.overrides,
        }
        if incremental:
            settings.update(CACHE_PATH=str(self.cache), CACHE_CONTENT=True,
                            LOAD_CONTENT_CACHE=True)
        else:
            settings["NEWSARCHIVE_INCREMENTAL"] = False
        cmd = [sys.executable, "-m", "pelican", str(self.content), "-o",
               str(output or self.output), "-s", str(ROOT / "pelicanconf.py"),
               "--fatal", "warnings", "-v",
               "-e", *(f"{k}={json.dumps(v)}" for k, v in settings.items())]
        # A different hash seed each build: keys must not depend on set or dict order.
        env = {**os.environ, "PYTHONHASHSEED": str(self.builds)}
        result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300,
                                env=env)
        if fail:
            assert result.returncode != 0, "the build was expected to fail"
        elif result.returncode != 0:
            pytest.fail(f"pelican failed:\n{result.stdout}\n{result.stderr}")
        return result

    def check_equals_full_build(self, label: str) -> None:
        """Full build of the current content into a fresh folder; compare with site.output."""
        fresh = self.root / f"fresh-{self.builds}"
        self.build(fresh, incremental=False)
        assert tree(self.output) == tree(fresh), f"after {label}: {differences(self.output, fresh)}"
        shutil.rmtree(fresh)


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def folders(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_dir()}


def differences(left: Path, right: Path) -> list[str]:
    a, b = tree(left), tree(right)
    out = [f"only in incremental: {k}" for k in sorted(a.keys() - b.keys())]
    out += [f"only in full: {k}" for k in sorted(b.keys() - a.keys())]
    out += [f"differs: {k}" for k in sorted(a.keys() & b.keys()) if a[k] != b[k]]
    return out[:20]


@pytest.fixture
def site(tmp_path: Path) -> Site:
    corpus = prepare(tmp_path / "work", ARTICLES, seed=8)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    vocabulary = tmp_path / "vocabulary.yaml"
    shutil.copy(ROOT / "tools" / "data" / "vocabulary.yaml", vocabulary)
    made = Site(tmp_path, corpus.content, corpus.raw, theme, vocabulary)
    made.build()
    return made


# ---- edits, as an editor makes them ------------------------------------------------------------

def header(path: Path, key: str) -> str:
    match = re.search(rf"^{key}: (.*)$", path.read_text(encoding="utf-8"), re.MULTILINE)
    return match.group(1) if match else ""


def set_header(path: Path, key: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    if re.search(rf"^{key}: ", text, re.MULTILINE):
        text = re.sub(rf"^{key}: .*$", f"{key}: {value}", text, count=1, flags=re.MULTILINE)
    else:
        text = f"{key}: {value}\n" + text
    path.write_text(text, encoding="utf-8")


def edit_body(site: Site, rng: random.Random) -> str:
    path = rng.choice(site.articles())
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\nKoreksi redaksi nomor {rng.randrange(10**6)}.\n")
    return f"body of {path.name}"


def edit_title(site: Site, rng: random.Random) -> str:
    path = rng.choice(site.articles())
    set_header(path, "Title", header(path, "Title") + f" diperbarui {rng.randrange(1000)}")
    return f"title of {path.name}"


def all_tags(site: Site) -> list[str]:
    return sorted({t.strip() for p in site.articles() for t in header(p, "Tags").split(",")
                   if t.strip()})


def add_tag(site: Site, rng: random.Random) -> str:
    path = rng.choice(site.articles())
    tags = [t.strip() for t in header(path, "Tags").split(",") if t.strip()]
    new = rng.choice([t for t in all_tags(site) if t not in tags])
    set_header(path, "Tags", ", ".join(sorted([*tags, new])))
    return f"tag {new} added to {path.name}"


def remove_tag(site: Site, rng: random.Random) -> str:
    path = rng.choice(site.articles())
    tags = [t.strip() for t in header(path, "Tags").split(",") if t.strip()]
    gone = rng.choice(tags)
    set_header(path, "Tags", ", ".join(t for t in tags if t != gone))
    return f"tag {gone} removed from {path.name}"


def change_date(site: Site, rng: random.Random) -> str:
    """Move an article to another year (and its file to that year's folder, as editors do)."""
    path = rng.choice(site.articles())
    old = header(path, "Date")
    year = int(old[:4])
    new_year = year + 1 if year < 2024 else year - 1
    set_header(path, "Date", f"{new_year}{old[4:]}")
    target = site.content / "articles" / str(new_year) / path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    path.rename(target)
    return f"date of {path.name} moved from {year} to {new_year}"


def drop_date_zone(site: Site, rng: random.Random) -> str:
    """Keep the clock, drop the zone: every page that dates the article prints no offset now."""
    path = rng.choice(site.articles())
    set_header(path, "Date", header(path, "Date")[:19])
    return f"zone of {path.name}'s date dropped"


def new_article(site: Site, rng: random.Random) -> str:
    source = rng.choice(site.articles())
    number = rng.randrange(10**6)
    target = source.with_name(f"artikel-baru-{number}.md")
    shutil.copy(source, target)
    set_header(target, "Slug", f"artikel-baru-{number}")
    set_header(target, "Title", f"Artikel baru {number}")
    return f"new article {target.name}"


def delete_article(site: Site, rng: random.Random) -> str:
    path = rng.choice(site.articles())
    path.unlink()
    return f"deleted {path.name}"


EDITS = [edit_body, edit_title, add_tag, remove_tag, change_date, drop_date_zone, new_article,
         delete_article]


# ---- scenarios ---------------------------------------------------------------------------------

def test_each_kind_of_edit_then_an_incremental_build_equals_a_full_build(site: Site) -> None:
    """One after another on the same site: body, title, tags, date, new and deleted article."""
    for edit in EDITS:
        label = edit(site, random.Random(edit.__name__))
        before = folders(site.output)
        site.build()
        if edit is delete_article:  # its page and the folders only it used are gone
            assert folders(site.output) < before
        site.check_equals_full_build(label)
    # A link between articles: the linking page shows the target's URL, which a new slug moves.
    source, target = site.articles()[:2]
    relative = target.relative_to(site.content)
    with source.open("a", encoding="utf-8") as handle:
        handle.write(f"\nLihat juga [artikel lain]({{filename}}/{relative}).\n")
    site.build()
    site.check_equals_full_build(f"a link from {source.name} to {target.name}")
    set_header(target, "Slug", header(target, "Slug") + "-baru")
    site.build()
    site.check_equals_full_build(f"the slug of linked {target.name} changed")
    assert "-baru/" in tree(site.output)[page_of(site, source)].decode()


def test_template_vocabulary_or_settings_change_renders_every_page_again(site: Site) -> None:
    template = site.theme / "templates" / "partial" / "related.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "related-heading", "related-heading-edited"), encoding="utf-8")
    site.build()
    site.check_equals_full_build("a template edit")
    assert "related-heading-edited" in tree(site.output)[page_of(site, site.articles()[0])].decode()
    text = site.vocabulary.read_text(encoding="utf-8")
    site.vocabulary.write_text(text.replace("Hayastan,", "Hayastan, Armenia Raya,", 1),
                               encoding="utf-8")
    site.build()
    site.check_equals_full_build("a vocabulary edit")
    site.overrides["SITESUBTITLE"] = "Subjudul yang lain"
    site.build()
    site.check_equals_full_build("a settings change")


def test_output_files_deleted_or_edited_by_hand_are_written_again(site: Site) -> None:
    pages = sorted(p for p in site.output.rglob("index.html"))
    pages[0].unlink()
    pages[len(pages) // 2].write_text("edited by hand", encoding="utf-8")
    (site.output / "feeds" / "all.atom.xml").unlink()
    site.build()
    site.check_equals_full_build("output files deleted and edited by hand")


def test_random_edit_sequences_equal_full_builds(site: Site) -> None:
    for sequence in range(2):
        rng = random.Random(1000 + sequence)
        for _ in range(3):
            labels = [rng.choice(EDITS)(site, rng) for _ in range(rng.randint(1, 3))]
            site.build()
            site.check_equals_full_build(f"sequence {sequence}: {'; '.join(labels)}")


def page_of(site: Site, article: Path) -> str:
    date, slug = header(article, "Date"), header(article, "Slug")
    return f"{date[:4]}/{date[5:7]}/{slug}/index.html"


def test_body_edit_rewrites_only_the_pages_that_show_the_body(site: Site) -> None:
    files = {p: p.stat().st_mtime_ns for p in site.output.rglob("*") if p.is_file()}
    article = site.articles()[5]
    with article.open("a", encoding="utf-8") as handle:
        handle.write("\nKalimat tambahan yang unik: zebrakuda.\n")
    result = site.build()
    full = re.search(r"reading and rendering everything.*", result.stdout + result.stderr)
    assert full is None, f"a full build ran instead (the log says why): {full and full.group(0)}"
    changed = [p for p, mtime in files.items() if p.stat().st_mtime_ns != mtime]
    page = site.output / page_of(site, article)
    assert page in changed and "zebrakuda" in page.read_text(encoding="utf-8")
    article_pages = [p for p in changed if re.search(r"/\d{4}/\d\d/[^/]+/index\.html$", str(p))]
    assert article_pages == [page], "a body edit must not rewrite other articles' pages"
    # Its page, the feeds that carry it, and the few pages always rendered (tags, archives, ...).
    assert len(changed) < 0.15 * len(files), f"{len(changed)} of {len(files)} files rewritten"


def test_failed_build_leaves_a_manifest_that_claims_nothing(site: Site) -> None:
    manifest = site.cache / MANIFEST_NAME
    assert json.loads(manifest.read_text(encoding="utf-8"))["data"]["inputs"]
    template = site.theme / "templates" / "article.html"
    good = template.read_text(encoding="utf-8")
    template.write_text(good.replace('{% include "partial/related.html" %}',
                                        "{{ no_such_value }}"),
                        encoding="utf-8")
    site.build(fail=True)
    data = json.loads(manifest.read_text(encoding="utf-8"))["data"]
    assert data["inputs"] is None and data["calls"] == {}
    template.write_text(good, encoding="utf-8")
    site.build()
    site.check_equals_full_build("a failed build, then the template fixed")


def test_with_the_search_index_the_whole_output_equals_a_full_build(site: Site) -> None:
    """Pagefind on: bundles built from skipped pages on disk equal those of a full build; only
    the bundles an edit changed are indexed again."""
    site.overrides.update(PAGEFIND_ENABLED=True, PAGEFIND_SHARD_PAGES=10)  # year bundles
    site.build()
    for edit in (edit_body, edit_title, change_date, new_article, delete_article):
        label = edit(site, random.Random(f"search {edit.__name__}"))
        result = site.build()
        counts = re.search(r"(\d+) rebuilt, (\d+) unchanged",
                           " ".join((result.stdout + result.stderr).split()))
        assert counts and int(counts.group(2)) > 0, label
        site.check_equals_full_build(f"{label}, with the search index")
    page = site.output / page_of(site, site.articles()[3])
    page.unlink()  # an article page deleted by hand: written again, its bundle re-indexed
    site.build()
    site.check_equals_full_build("an article page deleted by hand, with the search index")
    assert len(list((site.output / "pagefind").rglob("pagefind-entry.json"))) > 1


SANITISER_EDIT = ('ALLOWED_TAGS = (set(nh3.ALLOWED_TAGS) - _LANDMARKS) | {"tfoot"}',
                  'ALLOWED_TAGS = (set(nh3.ALLOWED_TAGS) - _LANDMARKS - {"u"}) | {"tfoot"}')


def test_a_changed_sanitiser_is_applied_to_bodies_pelican_had_cached(site: Site) -> None:
    """Pelican's content cache holds the bodies as the sanitising reader left them: a build with
    another sanitiser must not reuse them (cachefile.py: what invalidates the caches)."""
    plugins = site.root / "plugins"
    shutil.copytree(ROOT / "plugins", plugins,
                    ignore=shutil.ignore_patterns("__pycache__"))
    site.overrides["PLUGIN_PATHS"] = [str(plugins)]
    article = site.articles()[2]
    with article.open("a", encoding="utf-8") as handle:
        handle.write("\nKata <u>bergaris</u> bawah.\n")
    site.build()
    assert "<u>bergaris</u>" in (site.output / page_of(site, article)).read_text("utf-8")
    sanitiser = plugins / "newsarchive" / "sanitize.py"
    text = sanitiser.read_text(encoding="utf-8")
    assert SANITISER_EDIT[0] in text
    sanitiser.write_text(text.replace(*SANITISER_EDIT), encoding="utf-8")
    site.build()
    assert "<u>" not in (site.output / page_of(site, article)).read_text("utf-8")
    site.check_equals_full_build("a sanitiser that drops <u>")


def test_an_article_saved_over_an_unchanged_page_wins_as_in_a_full_build(site: Site) -> None:
    """`Save_as` onto another article's page: Pelican lets the override win; the page left on
    disk as unchanged still claims its path, so the incremental build writes what a full one
    writes, search index included (a page indexed, then written again, is indexed again)."""
    site.overrides.update(PAGEFIND_ENABLED=True, PAGEFIND_SHARD_PAGES=10)  # year bundles
    site.build()
    first, second = site.articles()[:2]
    set_header(second, "Save_as", page_of(site, first))
    site.build()
    assert header(second, "Title") in (site.output / page_of(site, first)).read_text("utf-8")
    site.check_equals_full_build(f"{second.name} saved over {first.name}")


def test_retitling_one_copy_of_a_story_updates_the_page_of_another(site: Site) -> None:
    """bench/corpus.py makes article 1 another outlet's copy of article 0 (COPY_EVERY)."""
    first = next(p for p in site.articles() if p.stem.endswith("-syn0"))
    copy = next(p for p in site.articles() if p.stem.endswith("-syn1"))
    page = next(site.output.rglob(f"{copy.stem}/index.html"))
    assert header(first, "Title") in page.read_text(encoding="utf-8")
    set_header(first, "Title", "Judul Baru Salinan Pertama")
    site.build()
    assert "Judul Baru Salinan Pertama" in page.read_text(encoding="utf-8")
    site.check_equals_full_build("retitling a story's first copy")


def test_a_draft_follows_its_category_page_appearing_and_going(site: Site) -> None:
    """A draft without a category names `Lain-lain`, linked only while that page exists."""
    draft = site.articles()[0].with_name("draf-tanpa-kategori.md")
    draft.write_text("Title: Draf tanpa kategori\nDate: 2020-10-12\nSlug: draf-tanpa-kategori\n"
                     "Status: draft\nSynthetic: true\n\nTeks draf.\n", encoding="utf-8")
    site.build()
    site.check_equals_full_build("a draft without a category")
    article = site.articles()[1]
    category = header(article, "Category")
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace(f"Category: {category}\n", ""), encoding="utf-8")
    site.build()
    site.check_equals_full_build(f"{article.name} left its category for Lain-lain")
    article.write_text(text, encoding="utf-8")
    site.build()
    site.check_equals_full_build(f"{article.name} back in {category}")


def test_a_build_without_its_cache_leaves_no_page_of_a_deleted_article(site: Site) -> None:
    """With cache/ gone nothing records what the last build wrote: the output starts empty."""
    site.build()
    shutil.rmtree(site.cache)
    gone = site.articles()[2]
    page = page_of(site, gone)
    gone.unlink()
    site.build()
    assert page not in tree(site.output)
    site.check_equals_full_build(f"cache/ deleted, then {gone.name}")
