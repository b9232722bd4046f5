"""`make serve`: serve output/ the way the hosting notes ask a web server to (docs/search.md).

Pelican's `--listen` server answers an unknown address with an empty reply and sends `.txt` (the
raw seeds) without a charset, so browsers show Indonesian text as mojibake. This one answers
404 with the site's own 404 page, labels text as UTF-8 (a raw seed that is not valid UTF-8 gets
no charset rather than a wrong one) and gives Pagefind's files the types search needs.
`make devserver` uses the same handler.
"""

from __future__ import annotations

import functools
import http.server
import logging
from pathlib import Path

import click

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
NOT_FOUND_PAGE = "404.html"
TYPES = {
    ".wasm": "application/wasm",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain",
    ".pagefind": "application/octet-stream",
}
UTF8_TYPES = ("text/", "application/json", "application/xml")


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with the site's 404 page and UTF-8 text; requests are logged at debug."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def guess_type(self, path: str | Path) -> str:
        ctype = super().guess_type(path)
        if not ctype.startswith(UTF8_TYPES) or "charset" in ctype:
            return ctype
        if ctype == "text/plain" and not _is_utf8(Path(path)):
            return ctype
        return f"{ctype}; charset=utf-8"

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        page = Path(self.directory) / NOT_FOUND_PAGE
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        logger.debug(format, *args)


def _is_utf8(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return True


def make_server(output: Path, host: str, port: int) -> http.server.ThreadingHTTPServer:
    """A server for `output` on host:port (port 0 picks a free one); not started yet."""
    handler = functools.partial(SiteHandler, directory=str(output))
    try:
        return http.server.ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port} ({exc.strerror}); is "
                                   f"another server running? Try: make serve PORT={port + 1}"
                                   ) from None


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int, help="0 picks a free port.")
@click.option("--output", type=click.Path(path_type=Path, file_okay=False),
              default=ROOT / "output", show_default="output/")
def main(host: str, port: int, output: Path) -> None:
    """Serve the built site (make html first) on HOST:PORT until Ctrl-C."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not (output / "index.html").is_file():
        raise click.ClickException(f"{output} has no index.html: run `make html` first")
    server = make_server(output, host, port)
    click.echo(f"Serving {output} on http://{host}:{server.server_address[1]}/ "
               "(Ctrl-C to stop)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
