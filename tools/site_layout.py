"""Where a site keeps its articles, pages, raw seeds and data, as Pelican will see them.

The importer and the checker need to know whether an article will be published (Pelican reads
articles only from PATH/ARTICLE_PATHS) and where its raw seed must be (RAW_SEEDS_PATH, whose
files the site publishes as the article's provenance link). Both come from the site's
pelicanconf.py, read as data (its simple `NAME = value` assignments, never executed), so a
tree without one (a test folder laid out as content/articles) uses the project's defaults.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from tools.errors import ToolError

DEFAULTS = {"PATH": "content", "ARTICLE_PATHS": ["articles"], "PAGE_PATHS": ["pages"],
            "RAW_SEEDS_PATH": "seeds"}
SETTINGS_FILE = "pelicanconf.py"


@dataclass(frozen=True)
class Layout:
    """One site: its root folder and the folders Pelican and the importer use."""

    root: Path
    content: Path
    articles: tuple[Path, ...]
    pages: tuple[Path, ...]
    seeds: Path

    @property
    def withdrawn(self) -> Path:
        """The editors' list of withdrawn articles (tools/withdrawn.py)."""
        return self.root / "tools" / "data" / "withdrawn.yaml"

    def publishes(self, path: Path) -> bool:
        """Whether Pelican reads an article at `path` (inside one of ARTICLE_PATHS)."""
        return any(_inside(path, folder) for folder in self.articles)


def _settings(conf: Path) -> dict:
    """The literal assignments of DEFAULTS' names in a pelicanconf.py (others keep defaults)."""
    found = dict(DEFAULTS)
    try:
        tree = ast.parse(conf.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return found
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 \
            else getattr(node, "target", None) if isinstance(node, ast.AnnAssign) else None
        if isinstance(target, ast.Name) and target.id in DEFAULTS and node.value is not None:
            try:
                found[target.id] = ast.literal_eval(node.value)
            except ValueError:
                continue
    return found


def _make(root: Path, settings: dict) -> Layout:
    content = root / settings["PATH"]
    return Layout(root=root, content=content,
                  articles=tuple(content / p for p in settings["ARTICLE_PATHS"]),
                  pages=tuple(content / p for p in settings["PAGE_PATHS"]),
                  seeds=root / settings["RAW_SEEDS_PATH"])


def layout_for(path: Path) -> Layout | None:
    """The site holding `path`: the nearest folder with a pelicanconf.py whose content folder
    holds `path`, else the parent of the nearest folder named `content`; None outside a site."""
    path = Path(path).absolute()
    for folder in [path, *path.parents]:
        conf = folder / SETTINGS_FILE
        if conf.is_file():
            layout = _make(folder, _settings(conf))
            if _inside(path, layout.content):
                return layout
    for folder in [path, *path.parents]:
        if folder.name == DEFAULTS["PATH"]:
            return _make(folder.parent, DEFAULTS)
    return None


def check_out_folder(out: Path) -> Layout | None:
    """The site an import into `out` writes for; refuses a folder inside the content folder
    that Pelican does not read articles from (`--out content/` writes where it never looks)."""
    layout = layout_for(out)
    if layout is None or not _inside(out, layout.content) or layout.publishes(out):
        return layout
    wanted = ", ".join(str(p) for p in layout.articles)
    raise ToolError(f"{out}: Pelican reads articles only from {wanted} (ARTICLE_PATHS in "
                    f"{SETTINGS_FILE}), so articles written here would never be published; "
                    f"use --out {layout.articles[0]}")


def _inside(path: Path, folder: Path) -> bool:
    return Path(path).absolute().is_relative_to(Path(folder).absolute())
