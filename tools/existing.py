"""Which raw inputs already have an article, so `import --new-only` can leave them alone.

`make html` imports new seeds on every build. Re-importing every seed would be idempotent but
would stop the build as soon as an editor corrected an imported article (the importer refuses to
overwrite an edited file), so the build imports only raw files no article names yet.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from tools.read import MAX_BYTES


def _header_lines(path: Path) -> list[str]:
    lines = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.strip():
                break
            lines.append(line.rstrip("\n"))
    return lines


def imported_raw_files(out: Path) -> tuple[set[str], set[str]]:
    """(Raw_file names, Raw_sha256 digests) named by the articles under `out`."""
    from tools.checks.header import parse_header  # lazy: only --new-only needs the checker's parser

    names: set[str] = set()
    digests: set[str] = set()
    for path in sorted(out.rglob("*.md")) if out.is_dir() else []:
        header = parse_header(_header_lines(path))
        if header.value("raw_file"):
            names.add(header.value("raw_file"))
        if header.value("raw_sha256"):
            digests.add(header.value("raw_sha256").lower())
    return names, digests


def already_imported(path: Path, names: set[str], digests: set[str]) -> bool:
    """True when an article names this raw file, or holds its exact bytes under another name."""
    if path.name in names:
        return True
    try:
        if path.stat().st_size > MAX_BYTES:
            return False  # never read a huge file to hash it; the import refuses it by its size
        return hashlib.sha256(path.read_bytes()).hexdigest() in digests
    except OSError:
        return False  # the import itself will report the unreadable file
