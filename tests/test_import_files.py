"""Never lose anything: idempotence, editor changes, bad inputs, dry runs, --explain."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from tools.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_3814e48b976ab4c4.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "import"


def run(*args: str):
    return CliRunner().invoke(cli, ["import", *args])


def only_article(out: Path) -> Path:
    (path,) = out.glob("*/*.md")
    return path


def test_reimport_is_byte_identical(tmp_path: Path) -> None:
    assert run(str(SEED), "--out", str(tmp_path)).exit_code == 0
    first = only_article(tmp_path).read_bytes()
    result = run(str(SEED), "--out", str(tmp_path))
    assert result.exit_code == 0 and "unchanged" in result.output
    assert only_article(tmp_path).read_bytes() == first


def test_editor_change_is_kept_unless_forced(tmp_path: Path) -> None:
    run(str(SEED), "--out", str(tmp_path))
    path = only_article(tmp_path)
    edited = path.read_text(encoding="utf-8").replace("Menlu kedua negara", "Menlu kedua pihak")
    path.write_text(edited, encoding="utf-8")
    result = run(str(SEED), "--out", str(tmp_path))
    assert result.exit_code == 1
    assert str(path) in result.output and "--force" in result.output
    assert path.read_text(encoding="utf-8") == edited
    assert run(str(SEED), "--out", str(tmp_path), "--force").exit_code == 0
    assert "Menlu kedua negara" in path.read_text(encoding="utf-8")


def test_raw_input_is_never_modified(tmp_path: Path) -> None:
    before = SEED.read_bytes()
    run(str(SEED), "--out", str(tmp_path))
    assert SEED.read_bytes() == before


def test_bad_inputs_fail_one_line_each_and_others_still_import(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEED, inputs / "good.txt")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    with (inputs / "huge.txt").open("wb") as handle:
        handle.truncate(5 * 1024 * 1024 + 1)  # sparse: cheap to create
    (inputs / "notitle.txt").write_text("ok\n\nya\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["import", str(inputs), "--out", str(out)])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 4
    for name in ["empty.txt", "binary.txt", "huge.txt", "notitle.txt"]:
        assert sum(name in line for line in errors) == 1
    assert [p.name for p in out.rglob("*.md")] == [
        "armenia-dan-azerbaijan-akan-bertemu-terpisah-dengan-menlu-as.md"]


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    result = run(str(SEED), "--out", str(tmp_path / "out"), "--dry-run")
    assert result.exit_code == 0 and "would be created" in result.output
    assert not (tmp_path / "out").exists()


def test_explain_lists_removed_lines_with_rule_ids(tmp_path: Path) -> None:
    result = run(str(SEED), "--out", str(tmp_path), "--explain", "--dry-run")
    assert "[read-also] Baca Juga : Hyundai Percaya Indonesia" in result.output
    assert "(evn)" in result.output and "Daftar Isi" in result.output
    assert "data.label" in result.output


def test_slug_collision_between_raw_files_gets_a_stable_suffix(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEED, inputs / "a.txt")
    (inputs / "b.txt").write_bytes(SEED.read_bytes() + b"\n")
    out = tmp_path / "out"
    assert run(str(inputs), "--out", str(out)).exit_code == 0
    names = sorted(p.name for p in out.rglob("*.md"))
    assert len(names) == 2 and names[0].startswith("armenia-dan-azerbaijan")
    again = run(str(inputs), "--out", str(out))
    assert again.output.count(": unchanged") == 2


def test_a_page_saved_as_a_single_file_imports_as_its_html(tmp_path: Path) -> None:
    """A browser's "Save as... single file" (MHTML): the quoted-printable page inside, with
    the address it was saved from; the image parts are not text."""
    mhtml = FIXTURES / "saved-page.mhtml"
    result = run(str(mhtml), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    text = only_article(tmp_path).read_text(encoding="utf-8")
    assert "Title: Armenia dan Azerbaijan bertemu di Washington\n" in text
    assert "Date: 2025-10-21T20:43:00+07:00" in text
    assert "Source_url: https://kabar.example.id/dunia/2025/10/21/armenia" in text
    assert "Kedua pihak sepakat melanjutkan pembicaraan bulan depan." in text
    assert "=3D" not in text and "PNG" not in text and "Beranda" not in text


def test_a_spreadsheet_or_pdf_is_refused_saying_what_to_save_it_as(tmp_path: Path) -> None:
    sheet, pdf = tmp_path / "berita.xlsx", tmp_path / "laporan.pdf"
    sheet.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 8)
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 8)
    result = run(str(sheet), str(pdf), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"{sheet}: this is binary data, not text or HTML; save the sheet as CSV" \
        in result.output
    assert f"{pdf}: this is binary data, not text or HTML; save its text first" in result.output


def test_a_second_copy_of_an_imported_file_is_left_out_and_not_copied_in(tmp_path: Path) -> None:
    """Importing the same bytes under another name adds nothing: no second seed, and the
    article keeps its Raw_file on every later import of the seeds folder."""
    out = tmp_path / "site" / "content" / "articles"
    first, copy = tmp_path / "berita.txt", tmp_path / "berita-salinan.txt"
    shutil.copy(SEED, first)
    shutil.copy(SEED, copy)
    assert run(str(first), "--out", str(out)).exit_code == 0
    article = only_article(out)
    sealed = article.read_bytes()
    result = run(str(copy), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "the same bytes as the seed berita.txt, already imported: left out" in result.output
    seeds = tmp_path / "site" / "seeds"
    assert sorted(p.name for p in seeds.iterdir()) == ["berita.txt"]
    again = run(str(seeds), "--out", str(out))
    assert "1 unchanged" in again.output and article.read_bytes() == sealed


def test_a_sidecar_and_stated_options_travel_with_the_seed(tmp_path: Path) -> None:
    """A later import of the seeds folder reads each seed as its first import did."""
    out = tmp_path / "site" / "content" / "articles"
    dump = tmp_path / "tanpa-tanggal.txt"
    dump.write_text((FIXTURES / "metadata" / "no_date.txt").read_text(encoding="utf-8"),
                    encoding="utf-8")
    other = tmp_path / "lain" / "tanpa-tanggal-2.txt"
    other.parent.mkdir()
    other.write_text(dump.read_text(encoding="utf-8") + "\nTambahan.\n", encoding="utf-8")
    other.with_suffix(".yaml").write_text("date: 2019-11-20\n", encoding="utf-8")
    first = run(str(dump), "--date", "2019-11-19", "--out", str(out))
    assert "--date saved as" in first.output, first.output
    assert run(str(other), "--out", str(out)).exit_code == 0
    seeds = tmp_path / "site" / "seeds"
    assert (seeds / "tanpa-tanggal.yaml").read_text(encoding="utf-8") == "date: '2019-11-19'\n"
    assert (seeds / "tanpa-tanggal-2.yaml").read_text(encoding="utf-8") == "date: 2019-11-20\n"
    again = run(str(seeds), "--out", str(out), "--no-profiles")
    assert again.exit_code == 0 and "2 unchanged" in again.output, again.output
