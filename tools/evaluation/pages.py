"""The development pages: `../shared/corpus` (Indonesian news, set `corpus`) and
`../shared/devcorpus` (675 pages from about 600 sites, sets as its MANIFEST names them).

Each page has the saved HTML (`html/<stem>.html`), a whole-page text dump
(`raw_text/<stem>.txt`) and its ground truth (`html/<stem>.json`).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from tools.errors import ToolError

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DEFAULT_DIRS = (SHARED / "corpus", SHARED / "devcorpus")
KINDS = {"html": ("html", ".html"), "raw_text": ("raw_text", ".txt")}


@dataclass(frozen=True)
class Page:
    """One development page: where its inputs are and what it should give."""

    stem: str
    set: str
    language: str
    site: str
    root: Path
    truth: dict

    def input(self, kind: str) -> Path:
        folder, suffix = KINDS[kind]
        return self.root / folder / f"{self.stem}{suffix}"

    @property
    def body(self) -> str:
        return self.truth.get("articleBody", "")

    @property
    def title(self) -> str:
        return self.truth.get("title") or ""

    @property
    def date(self) -> str:
        return self.truth.get("date_iso") or self.truth.get("date") or ""


def site_key(url: str) -> str:
    """The registrable domain of a URL (`nasional.kompas.com` -> `kompas.com`)."""
    from tools.importer.extract_html import site_key as key

    return key(url)


def load_folder(root: Path) -> list[Page]:
    """Every page of one corpus folder with a ground-truth JSON file and both inputs."""
    if not (root / "html").is_dir():
        raise ToolError(f"{root}: no corpus here (expected html/ and raw_text/); "
                        "pass --corpus PATH")
    pages = []
    for truth_path in sorted((root / "html").glob("*.json")):
        truth = json.loads(truth_path.read_text("utf-8"))
        stem = truth_path.stem
        url = truth.get("url", "")
        pages.append(Page(stem=stem, set=truth.get("set") or root.name,
                          language=truth.get("language") or "und",
                          site=site_key(url) or truth.get("site") or stem,
                          root=root, truth=truth))
    return pages


def select(pages: list[Page], sets: tuple[str, ...] = (), languages: tuple[str, ...] = (),
           limit: int = 0) -> list[Page]:
    """The pages of the chosen sets and languages; with `limit`, that many spread over the sets
    (taken in turn from each set, in a fixed pseudo-random order) so a quick run sees them all."""
    chosen = [p for p in pages if (not sets or p.set in sets)
              and (not languages or p.language in languages)]
    if not limit or limit >= len(chosen):
        return chosen
    by_set: dict[str, list[Page]] = defaultdict(list)
    for page in sorted(chosen, key=lambda p: hashlib.sha256(p.stem.encode()).hexdigest()):
        by_set[page.set].append(page)
    queues = [by_set[name] for name in sorted(by_set)]
    taken: list[Page] = []
    while len(taken) < limit:
        for queue in queues:
            if queue and len(taken) < limit:
                taken.append(queue.pop(0))
    return sorted(taken, key=lambda p: (p.set, p.stem))
