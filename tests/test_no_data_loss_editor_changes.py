"""An editor's change to an imported article is never overwritten by a re-import without --force,
whatever the change: a word, the header, the blank line, the Import_sha256 seal itself, or the
whole file saved in another encoding. With --force the import wins, as documented.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tools.importer.pipeline import Options, import_one
from tools.importer.repeats import Repeats
from tools.slugs import Slugger

from conftest import ROOT

SEED = ROOT / "seeds" / "000_3814e48b976ab4c4.txt"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """The seed imported once: (article path relative to the out folder, its bytes)."""
    out = tmp_path_factory.mktemp("imported")
    result = import_one(SEED, Options(out=out), Repeats(), Slugger(out))
    assert result.status == "created" and result.target is not None
    return result.target.relative_to(out), result.target.read_bytes()


@st.composite
def edits(draw: st.DrawFn, size: int) -> tuple[int, int, bytes]:
    """Where, how many bytes to delete, what to insert: anything an editor (or editor) does."""
    at = draw(st.integers(0, size))
    delete = draw(st.sampled_from([0, 0, 1, 2, 10, 200]))
    insert = draw(st.one_of(
        st.text(max_size=30).map(lambda t: t.encode("utf-8")),
        st.text(max_size=10).map(lambda t: t.encode("cp1252", "replace")),  # an old editor
        st.sampled_from([b"", b" ", b"\n", b"\n\n", b"\r\n", b"Tags: Armenia\n", b"\xef\xbb\xbf",
                         b"Import_sha256: " + b"0" * 64 + b"\n"]),
    ))
    return at, delete, insert


def apply(data: bytes, edit: tuple[int, int, bytes]) -> bytes:
    at, delete, insert = edit
    return data[:at] + insert + data[at + delete:]


@settings(max_examples=300, derandomize=True, database=None, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_an_editors_change_survives_reimport_unless_forced(tmp_path, fuzz_count, imported, data):
    relative, original = imported
    edited = apply(original, data.draw(edits(len(original))))
    assume(edited != original)
    out = Path(tempfile.mkdtemp(dir=tmp_path))
    article = out / relative
    article.parent.mkdir(parents=True)
    article.write_bytes(edited)

    kept = import_one(SEED, Options(out=out), Repeats(), Slugger(out))
    assert article.read_bytes() == edited, "the editor's change was overwritten"
    if kept.status != "error":  # the edit deleted Raw_file/Raw_sha256: a new article beside it
        assert kept.status == "created" and kept.target != article, kept
        fuzz_count("kept, new article beside it")
        return
    fuzz_count("kept")
    assert "--force" in kept.message and str(article) in kept.message
    assert [p for p in out.rglob("*") if p.is_file()] == [article]

    forced = import_one(SEED, Options(out=out, force=True), Repeats(), Slugger(out))
    assert forced.status == "updated", forced.message
    assert article.read_bytes() == original
    shutil.rmtree(out)
