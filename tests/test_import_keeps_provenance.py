"""Every imported article's provenance link works on the built site, wherever the raw file came
from: outside files are copied into seeds/ verbatim (never over a different file), seeds in
subfolders keep their path, symlinks out of seeds/ are refused, and `check` reports what Pelican
would not publish (an article outside content/articles, a Raw_file not in seeds/)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from plugins.newsarchive.raw_seeds import seed_files
from tools.check import run_check
from tools.cli import cli

from conftest import ROOT, build_site

SEED = ROOT / "seeds" / "000_3814e48b976ab4c4.txt"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def variant(path: Path, title: str) -> Path:
    """The seed under another title: another article from another raw file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = SEED.read_text(encoding="utf-8").split("\n", 1)[1]
    path.write_text(f"{title}\n{text}", encoding="utf-8")
    return path


def site(tmp_path: Path) -> tuple[Path, Path, Path]:
    root = tmp_path / "site"
    (root / "content" / "articles").mkdir(parents=True)
    (root / "seeds").mkdir()
    return root, root / "content" / "articles", root / "seeds"


def raw_file(article: Path) -> str:
    head = article.read_text(encoding="utf-8").split("\n\n", 1)[0]
    return next(line for line in head.splitlines() if line.startswith("Raw_file: "))[10:]


def test_a_raw_file_from_elsewhere_is_copied_into_seeds_without_overwriting(tmp_path):
    root, articles, seeds = site(tmp_path)
    (seeds / "story.txt").write_text("another editor's raw file\n", encoding="utf-8")
    outside = variant(tmp_path / "downloads" / "story.txt", "Menlu Armenia dan Azerbaijan")
    result = run("import", str(outside), "--out", str(articles))
    assert result.exit_code == 0, result.output
    (article,) = articles.rglob("*.md")
    name = raw_file(article)
    assert name.startswith("story-") and name.endswith(".txt")
    assert (seeds / name).read_bytes() == outside.read_bytes()
    assert (seeds / "story.txt").read_text(encoding="utf-8") == "another editor's raw file\n"
    assert f"copied to {seeds / name}" in result.output and "is a different file" in result.output
    problems, _ = run_check([root / "content"], content=root / "content")
    assert not [p for p in problems if p.severity == "error"], problems


def test_seeds_in_subfolders_are_imported_and_published_separately(tmp_path):
    root, articles, seeds = site(tmp_path)
    variant(seeds / "kompas" / "story.txt", "Menlu Armenia bertemu Pompeo")
    variant(seeds / "detik" / "story.txt", "Menlu Azerbaijan bertemu Pompeo")
    result = run("import", "--new-only", str(seeds), "--out", str(articles))
    assert result.exit_code == 0, result.output
    assert sorted(raw_file(a) for a in articles.rglob("*.md")) == ["detik/story.txt",
                                                                   "kompas/story.txt"]
    again = run("import", "--new-only", str(seeds), "--out", str(articles))
    assert "nothing new to import" in again.output
    output = tmp_path / "output"
    build_site(root / "content", output)
    for name in ("kompas", "detik"):
        published = output / "raw" / name / "story.txt"
        assert published.read_bytes() == (seeds / name / "story.txt").read_bytes()
    page = next(output.rglob("menlu-armenia-bertemu-pompeo/index.html")).read_text("utf-8")
    assert 'raw/kompas/story.txt">kompas/story.txt</a>' in page


def test_a_symlink_in_seeds_pointing_outside_is_refused_and_never_published(tmp_path):
    root, articles, seeds = site(tmp_path)
    secret = tmp_path / "private.txt"
    variant(secret, "Dokumen rahasia")
    (seeds / "link.txt").symlink_to(secret)
    result = run("import", str(seeds), "--out", str(articles))
    assert result.exit_code == 1
    assert f"{seeds / 'link.txt'}: a symlink to {secret}, outside" in result.output
    assert not list(articles.rglob("*.md"))
    assert seed_files(seeds) == set(), "the build's list of publishable seeds leaves it out"


def test_out_content_is_refused_because_pelican_never_reads_it(tmp_path):
    root, articles, seeds = site(tmp_path)
    result = run("import", str(SEED), "--out", str(root / "content"))
    assert result.exit_code == 1
    assert "Pelican reads articles only from" in result.output
    assert f"use --out {articles}" in result.output
    assert not list((root / "content").rglob("*.md"))


def test_check_reports_articles_pelican_would_not_publish(tmp_path):
    root, articles, seeds = site(tmp_path)
    assert run("import", str(SEED), "--out", str(articles)).exit_code == 0
    (article,) = articles.rglob("*.md")
    stray = root / "content" / "2020" / article.name
    stray.parent.mkdir()
    shutil.move(article, stray)
    (seeds / SEED.name).unlink()  # the copy the import made
    problems, _ = run_check([root / "content"], content=root / "content")
    messages = [p.message for p in problems if p.path == stray and p.severity == "error"]
    assert any("Pelican never publishes an article here" in m for m in messages), problems
    assert any(f"Raw_file '{SEED.name}' is not in seeds/" in m for m in messages), problems


def test_a_dry_run_says_what_it_would_copy_and_copies_nothing(tmp_path):
    root, articles, seeds = site(tmp_path)
    outside = variant(tmp_path / "downloads" / "story.txt", "Menlu Armenia dan Azerbaijan")
    result = run("import", str(outside), "--out", str(articles), "--dry-run")
    assert result.exit_code == 0, result.output
    assert f"raw file would be copied to {seeds / 'story.txt'}" in result.output
    assert not list(seeds.iterdir()) and not list(articles.rglob("*.md"))
