"""A static file server on 127.0.0.1 that gzips responses as a web host would, and counts bytes.

Hosts (Netlify, GitHub Pages, nginx `gzip on`) compress text, JS, JSON and wasm on the fly;
Pagefind's own `.pf_*` files are already gzip inside and are sent as they are. The server records
the body bytes it sends per path, so "bytes a search downloads" is measured at the wire.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from dataclasses import dataclass, field
from pathlib import Path

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".wasm", ".svg", ".xml", ".txt"}
TYPES = {".wasm": "application/wasm", ".js": "text/javascript", ".json": "application/json"}


@dataclass
class Ledger:
    """(path, body bytes sent, gzipped?) for every response since the last reset."""

    entries: list[tuple[str, int, bool]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str, size: int, gzipped: bool) -> None:
        with self.lock:
            self.entries.append((path, size, gzipped))

    def reset(self) -> None:
        with self.lock:
            self.entries.clear()

    def snapshot(self) -> list[tuple[str, int, bool]]:
        with self.lock:
            return list(self.entries)


@functools.lru_cache(maxsize=4096)
def _gzipped(path: Path, mtime: float) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files from `directory`; gzip when the client accepts it and the type compresses."""

    ledger: Ledger
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        local = Path(self.translate_path(self.path))
        if local.is_dir():
            local = local / "index.html"
        if not local.is_file():
            self.ledger.add(self.path, 0, False)
            self.send_error(404)
            return
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        compress = accepts and local.suffix in COMPRESSIBLE
        body = _gzipped(local, local.stat().st_mtime) if compress else local.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(local)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.ledger.add(self.path, len(body), compress)  # before the client can see the body
        self.wfile.write(body)


class GzipServer:
    """Context manager: serve a folder on 127.0.0.1 (a free port) in a background thread."""

    def __init__(self, directory: Path) -> None:
        self.ledger = Ledger()
        handler = type("Handler", (GzipHandler,), {"ledger": self.ledger})
        factory = functools.partial(handler, directory=str(directory))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), factory)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> GzipServer:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
