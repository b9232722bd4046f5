"""The sanitised-body memo (sanitize_memo.py): a warm build takes nh3's output from it, only for
the very body it was made from, only from this sanitiser, and a damaged memo is ignored."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import nh3
import pytest

from tools.plugins.newsarchive import sanitize, sanitize_memo

from conftest import FIXTURES, build_site

HOSTILE = FIXTURES / "security" / "content"
ARTICLE = "2021/03/serangan-hostile/index.html"
BODY = '<p>Teks <strong>tebal</strong> <script>alert(1)</script><a href="javascript:x()">a</a></p>'
PLAIN = "<p>Paragraf biasa tanpa apa-apa.</p>"


def _settings(cache: Path, on: bool = True) -> dict[str, Any]:
    return {"CACHE_PATH": str(cache), "CACHE_CONTENT": on, "LOAD_CONTENT_CACHE": on}


def _sanitise(settings: dict[str, Any], *bodies: str) -> list[str]:
    """What content_object_init makes of these bodies in one build, then the build's end."""
    instances = [SimpleNamespace(_content=body, settings=settings) for body in bodies]
    for instance in instances:
        sanitize.sanitize_content(instance)
    sanitize.save_memo()
    return [instance._content for instance in instances]


def test_memo_gives_what_nh3_gives_and_stores_unchanged_bodies_as_a_digest(
        tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    expected = [sanitize.clean_html(BODY), PLAIN]
    assert expected[0] != BODY and "<script" not in expected[0]
    assert _sanitise(settings, BODY, PLAIN) == expected  # cold: computed, stored
    path = tmp_path / sanitize_memo.FILE_NAME
    entries = sanitize_memo.parse(path.read_bytes(), sanitize.FINGERPRINT)
    assert entries == {sanitize_memo.digest(BODY): expected[0], sanitize_memo.digest(PLAIN): None}
    assert _sanitise(_settings(tmp_path), BODY, PLAIN) == expected  # warm: from the memo


def test_memo_is_used_on_a_warm_build_and_only_for_the_body_it_was_made_from(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _sanitise(_settings(tmp_path), BODY)
    path = tmp_path / sanitize_memo.FILE_NAME
    # Swap the stored answer: a warm build that shows it took the body from the memo.
    header = sanitize_memo.MAGIC + sanitize.FINGERPRINT.encode() + b"\n"
    path.write_bytes(header + sanitize_memo._record(sanitize_memo.digest(BODY), "<p>memo</p>"))
    calls: list[str] = []
    monkeypatch.setattr(sanitize, "clean_html", lambda html: calls.append(html) or "cleaned")
    assert _sanitise(_settings(tmp_path), BODY, BODY + " ") == ["<p>memo</p>", "cleaned"]
    assert calls == [BODY + " "]  # a body differing by one character is sanitised


def test_memo_is_off_without_the_content_cache(tmp_path: Path) -> None:
    assert _sanitise(_settings(tmp_path, on=False), BODY) == [sanitize.clean_html(BODY)]
    assert not (tmp_path / sanitize_memo.FILE_NAME).exists()


def test_another_sanitiser_configuration_ignores_the_memo(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _sanitise(_settings(tmp_path), BODY)
    stricter = {**sanitize.OPTIONS, "tags": sanitize.ALLOWED_TAGS - {"strong"}}
    assert sanitize.fingerprint(stricter) != sanitize.FINGERPRINT
    monkeypatch.setattr(sanitize, "FINGERPRINT", sanitize.fingerprint(stricter))
    monkeypatch.setattr(sanitize, "_CLEANER", nh3.Cleaner(
        attribute_filter=sanitize._keep_attribute, **stricter))
    [clean] = _sanitise(_settings(tmp_path), BODY)
    assert "<strong>" not in clean and "tebal" in clean
    entries = sanitize_memo.parse((tmp_path / sanitize_memo.FILE_NAME).read_bytes(),
                                  sanitize.FINGERPRINT)
    assert entries == {sanitize_memo.digest(BODY): clean}  # written again for this sanitiser


def _damaged(data: bytes) -> list[bytes]:
    header_end = data.index(b"\n", len(sanitize_memo.MAGIC)) + 1
    middle = (header_end + len(data)) // 2
    return [
        b"",
        b"garbage\x00\xff" * 50,
        data[:-3],  # a torn append
        data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1:],  # one bit flipped
        data + b"\x01",
        data[:header_end] + b"\xff" * 36,  # a length beyond the end
    ]


def test_a_damaged_memo_is_ignored_and_written_again(tmp_path: Path) -> None:
    _sanitise(_settings(tmp_path), BODY, PLAIN)
    path = tmp_path / sanitize_memo.FILE_NAME
    good = path.read_bytes()
    for data in _damaged(good):
        assert sanitize_memo.parse(data, sanitize.FINGERPRINT) is None
        path.write_bytes(data)
        assert _sanitise(_settings(tmp_path), BODY, PLAIN) == [sanitize.clean_html(BODY), PLAIN]
        assert path.read_bytes() == good
    path.unlink()
    path.mkdir()  # unreadable and unwritable: the build still sanitises
    assert _sanitise(_settings(tmp_path), BODY) == [sanitize.clean_html(BODY)]


def test_new_bodies_are_appended_and_unused_ones_dropped_when_many(tmp_path: Path) -> None:
    path = tmp_path / sanitize_memo.FILE_NAME
    bodies = [f"<p>artikel {i}</p>" for i in range(8)]
    _sanitise(_settings(tmp_path), *bodies)
    size = path.stat().st_size
    _sanitise(_settings(tmp_path), *bodies[1:], "<p>baru</p>")  # one edit: one record appended
    assert path.stat().st_size > size
    assert len(sanitize_memo.parse(path.read_bytes(), sanitize.FINGERPRINT) or {}) == 9
    _sanitise(_settings(tmp_path), *bodies[:4])  # 5 of 9 unused: written again with the 4
    assert set(sanitize_memo.parse(path.read_bytes(), sanitize.FINGERPRINT) or {}) == {
        sanitize_memo.digest(b) for b in bodies[:4]}


@pytest.mark.slow
def test_warm_build_of_hostile_content_takes_the_clean_body_from_the_memo(
        tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(HOSTILE, content)
    cache, output = tmp_path / "cache", tmp_path / "output"
    extra = {"CACHE_PATH": f'"{cache}"', "CACHE_CONTENT": "true", "LOAD_CONTENT_CACHE": "true",
             "PAGEFIND_ENABLED": "false"}
    build_site(content, output, extra=extra)
    cold = (output / ARTICLE).read_text("utf-8")
    memo = cache / sanitize_memo.FILE_NAME
    entries = sanitize_memo.parse(memo.read_bytes(), sanitize.FINGERPRINT) or {}
    changed = [clean for clean in entries.values() if clean is not None]
    assert len(changed) == 1 and "__xss" not in changed[0] and "zirkonium" in changed[0]

    shutil.rmtree(output)  # every page rendered again, its body from the memo
    build_site(content, output, extra=extra)
    warm = (output / ARTICLE).read_text("utf-8")
    assert warm == cold and "__xss_body" not in warm and "zirkonium" in warm
    assert memo.read_bytes() == sanitize_memo.MAGIC + sanitize.FINGERPRINT.encode() + b"\n" + \
        b"".join(sanitize_memo._record(k, v) for k, v in sorted(entries.items()))

    memo.write_bytes(memo.read_bytes()[:-5])  # damaged: ignored, the build still passes
    shutil.rmtree(output)
    build_site(content, output, extra=extra)
    assert (output / ARTICLE).read_text("utf-8") == cold
    assert sanitize_memo.parse(memo.read_bytes(), sanitize.FINGERPRINT) == entries
