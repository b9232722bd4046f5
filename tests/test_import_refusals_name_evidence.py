"""A refused import says which evidence was missing and which option supplies it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tools.cli import cli

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import" / "metadata"


def refusal(tmp_path: Path, path: Path) -> str:
    result = CliRunner().invoke(cli, ["import", str(path), "--out", str(tmp_path),
                                      "--no-profiles"])
    assert result.exit_code == 1
    assert not list(tmp_path.glob("*/*.md"))
    return result.output


def test_dump_without_a_date_names_each_signal_looked_for(tmp_path: Path) -> None:
    message = refusal(tmp_path, FIXTURES / "no_date.txt")
    assert "no date found" in message
    for looked_for in ("front matter `date:`", "no date line", "no URL",
                       "no weekday mention"):
        assert looked_for in message
    assert "--date YYYY-MM-DD" in message and "no_date.yaml" in message


def test_page_without_a_date_names_each_signal_looked_for(tmp_path: Path) -> None:
    message = refusal(tmp_path, FIXTURES / "no_date.html")
    for looked_for in ("JSON-LD datePublished", "published-time <meta>", "<time datetime>",
                       "htmldate found none", "no URL"):
        assert looked_for in message
    assert "--date YYYY-MM-DD" in message


def test_the_date_option_supplies_what_was_missing(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["import", str(FIXTURES / "no_date.txt"), "--out",
                                      str(tmp_path), "--no-profiles", "--date", "2019-11-19"])
    assert result.exit_code == 0, result.output
    (path,) = tmp_path.glob("2019/*.md")
    assert "Date_method: explicit" in path.read_text(encoding="utf-8")


def test_a_date_option_or_sidecar_that_reads_two_ways_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["import", str(FIXTURES / "no_date.txt"), "--out",
                                      str(tmp_path), "--no-profiles", "--date", "10/11/2020"])
    assert result.exit_code == 1
    assert "date '10/11/2020' (--date) could be 2020-11-10 or 2020-10-11; write it as " \
        "YYYY-MM-DD" in result.output
    dump = tmp_path / "dump.txt"
    dump.write_bytes((FIXTURES / "no_date.txt").read_bytes())
    dump.with_suffix(".yaml").write_text("date: 03/04/2021\n", encoding="utf-8")
    message = refusal(tmp_path / "out", dump)
    assert "date '03/04/2021' (sidecar) could be 2021-04-03 or 2021-03-04" in message


def test_page_without_a_title_names_the_title_signals_and_the_sidecar(tmp_path: Path) -> None:
    message = refusal(tmp_path, FIXTURES / "no_title.html")
    assert "no title found" in message
    assert "<title>, og:title, JSON-LD headline or <h1>" in message
    assert "no_title.yaml with `title:`" in message


def test_a_sidecar_supplies_the_missing_title(tmp_path: Path) -> None:
    raw = tmp_path / "in" / "no_title.html"
    raw.parent.mkdir()
    raw.write_bytes((FIXTURES / "no_title.html").read_bytes())
    raw.with_suffix(".yaml").write_text("title: Ministers agree to meet again\n"
                                        "date: 2019-11-19\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["import", str(raw), "--out", str(out), "--no-profiles"])
    assert result.exit_code == 0, result.output
    (path,) = out.glob("2019/*.md")
    assert "Title: Ministers agree to meet again" in path.read_text(encoding="utf-8")


def test_an_implausible_page_date_is_named_in_the_refusal(tmp_path: Path) -> None:
    page = tmp_path / "in" / "future.html"
    page.parent.mkdir()
    text = (FIXTURES / "no_date.html").read_text(encoding="utf-8")
    page.write_text(text.replace("</head>", '<meta property="article:published_time" '
                                 'content="2099-01-01T10:00:00+00:00"></head>'),
                    encoding="utf-8")
    message = refusal(tmp_path / "out", page)
    assert "found but not usable: <meta article:published_time> 2099-01-01 is in the future" \
        in message
