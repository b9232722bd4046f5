"""Shared fixtures: real Pelican builds in tmp_path, a local http server, headless Chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def build_site(
    content: Path,
    output: Path,
    settings: Path = ROOT / "pelicanconf.py",
    extra: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run a real Pelican build (--fatal warnings); a failed build fails the test with its log."""
    cmd = [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(settings)]
    cmd += ["--fatal", "warnings"]
    if extra:  # one -e for all: pelican keeps only the last of repeated -e options
        cmd += ["-e", *(f"{key}={value}" for key, value in extra.items())]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        pytest.fail(f"pelican failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@functools.cache
def _mimetypes_fixed() -> bool:
    # Pagefind fetches .pf_* files; wasm must be served as application/wasm.
    _QuietHandler.extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
    }
    return True


@pytest.fixture(scope="session")
def serve():
    """Serve a folder on 127.0.0.1 (Pagefind does not work from file://); returns its URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def _serve(directory: Path) -> str:
        _mimetypes_fixed()
        handler = functools.partial(_QuietHandler, directory=str(directory))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield _serve
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def project_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's real content built with the real theme, plugin and search index."""
    output = tmp_path_factory.mktemp("project-site")
    build_site(ROOT / "content", output)
    return output


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Drive Debian's Chromium: Playwright cannot download a browser on this network."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_FLAGS,
    }


def copy_tree(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, dirs_exist_ok=True)
    return dst


@pytest.fixture
def project_root() -> Iterator[Path]:
    yield ROOT
