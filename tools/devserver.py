"""`make devserver`: build the site, serve it on 127.0.0.1, rebuild whenever an editor saves.

Pelican's own --autoreload watches content/, theme/ and the settings file only; the archive's
pages also depend on tools/data (vocabulary, site profiles) and the plugin, so this watches
those too. Each rebuild runs `check` first (problems are printed, the build still runs) and
Pelican in a fresh process, so vocabulary and plugin changes are picked up.
"""

from __future__ import annotations

import functools
import http.server
import json
import logging
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path

import click
import watchfiles

from tools.serve import SiteHandler

ROOT = Path(__file__).resolve().parents[1]
WATCHED = ["content", "theme", "tools/data", "plugins", "pelicanconf.py"]

logger = logging.getLogger(__name__)


def serve(output: Path, host: str, port: int) -> http.server.ThreadingHTTPServer:
    """Serve `output` in a background thread; port 0 picks a free port."""
    output.mkdir(parents=True, exist_ok=True)
    # The site's 404 page, UTF-8 text and Pagefind's types, as `make serve` (tools/serve.py).
    handler = functools.partial(SiteHandler, directory=str(output))
    try:
        server = http.server.ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port} ({exc.strerror}); is another "
                                   "preview running? Try: make devserver PORT="
                                   f"{port + 1}") from None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def cache_folder(output: Path) -> Path:
    """`cache/` for output/ (shared with `make html`), else a hidden folder beside the output."""
    if output.resolve() == (ROOT / "output").resolve():
        return ROOT / "cache"
    return output.resolve().parent / f".{output.name}-cache"


def build(content: Path, output: Path, settings: Path, domain: str = "") -> bool:
    """Check, then build with Pelican, stopping on a warning as `make html` and `make publish`
    do (the preview would otherwise show what they refuse); True when the build succeeded.
    `domain`: where the preview is served (`http://127.0.0.1:8001`), for the absolute links a
    page and its feeds give (canonical, feed entries: FEED_DOMAIN).

    With the content cache on, as `make html`: unchanged articles are not read again and only
    the pages an edit can change are rendered (incremental.py in the plugin).
    """
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tools", "check", "--errors-only",
                    "--content", str(content)], cwd=ROOT)
    result = subprocess.run([sys.executable, "-m", "pelican", str(content), "-o", str(output),
                             "-s", str(settings), "--fatal", "warnings",  # as make html
                             "--cache-path", str(cache_folder(output)),
                             "-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true",
                             *([f"FEED_DOMAIN={json.dumps(domain)}"] if domain else [])],
                            cwd=ROOT)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        click.echo(f"Build FAILED after {seconds:.1f} s: see the messages above; the preview "
                   "shows the last good build.", err=True)
        return False
    click.echo(f"Rebuilt in {seconds:.1f} s.", err=True)
    return True


def watched_paths(content: Path, settings: Path, extra: Iterable[Path] = ()) -> list[Path]:
    """Everything a page depends on: articles, theme, data files, plugin, settings."""
    paths = [content, settings, *(ROOT / p for p in WATCHED[1:4]), *extra]
    return [p for p in dict.fromkeys(p.resolve() for p in paths) if p.exists()]


def _interesting(change: watchfiles.Change, path: str) -> bool:
    name = Path(path).name
    return not name.startswith(".") and not name.endswith(("~", ".tmp", ".swp", ".pyc"))


EPILOG = """\b
Examples:
  make devserver                       # the usual way
  python -m tools.devserver --port 8001
Open the address it prints. Drafts are at /drafts/<slug>/. Stop with Ctrl-C."""


@click.command(epilog=EPILOG)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int, help="0 picks a free port.")
@click.option("--content", type=click.Path(path_type=Path), default=ROOT / "content",
              show_default="content/")
@click.option("--output", type=click.Path(path_type=Path), default=ROOT / "output",
              show_default="output/")
@click.option("--settings", type=click.Path(path_type=Path), default=ROOT / "pelicanconf.py",
              show_default="pelicanconf.py")
@click.option("--watch", "extra", multiple=True, type=click.Path(path_type=Path),
              help="Another file or folder whose changes trigger a rebuild.")
def main(host: str, port: int, content: Path, output: Path, settings: Path,
         extra: tuple[Path, ...]) -> None:
    """Preview the archive: build, serve on HOST:PORT, rebuild on every saved change."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("watchfiles").setLevel(logging.WARNING)
    server = serve(output, host, port)
    url = f"http://{host}:{server.server_address[1]}/"
    build(content, output, settings, url.rstrip("/"))
    paths = watched_paths(content, settings, extra)
    click.echo(f"\nPreview: {url}\n(rebuilds when you save an article, the theme, the "
               "vocabulary or a site profile; Ctrl-C to stop)", err=True)
    try:
        for changes in watchfiles.watch(*paths, watch_filter=_interesting, debounce=400):
            names = sorted({Path(p).name for _, p in changes})
            click.echo(f"\nChanged: {', '.join(names)}: rebuilding...", err=True)
            build(content, output, settings, url.rstrip("/"))
            click.echo(f"Preview: {url}", err=True)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
