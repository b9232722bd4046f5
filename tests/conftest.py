"""Shared fixtures: real Pelican builds in tmp_path, a local http server, headless Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bench.browser import CHROMIUM, CHROMIUM_FLAGS  # one place for how Chromium runs here

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"


def build_site(
    content: Path,
    output: Path,
    settings: Path = ROOT / "pelicanconf.py",
    extra: dict[str, str] | None = None,
    env: dict[str, str] | None = None,
    verbose: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run a real Pelican build (--fatal warnings); a failed build fails the test with its log.
    `verbose` adds -v, for tests that read the plugin's info lines."""
    cmd = [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(settings)]
    cmd += ["--fatal", "warnings", *(["-v"] if verbose else [])]
    if extra:  # one -e for all: pelican keeps only the last of repeated -e options
        cmd += ["-e", *(f"{key}={value}" for key, value in extra.items())]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600,
                            env={**os.environ, **(env or {})})
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
def research_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/research/ (hand-written test data) built for real."""
    output = tmp_path_factory.mktemp("research-site")
    build_site(FIXTURES / "research" / "content", output)
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


# --- Fuzzing (tests/test_fuzz_*.py): every generated input is counted; the totals of the last
# run are printed after the tests and kept in .pytest_cache/v/fuzz/last-run for
# docs/reliability.md.
FUZZ_CACHE_KEY = "fuzz/last-run"
_fuzz_runs: dict[str, dict] = {}


@pytest.fixture
def fuzz_count(request: pytest.FixtureRequest) -> Iterator[Callable[[str], None]]:
    """Call it once per generated input, with how the input ended (`created`, `error`, ...);
    the test's count, outcomes and time go into the fuzz summary."""
    outcomes: Counter[str] = Counter()

    def tick(outcome: str = "run") -> None:
        outcomes[outcome] += 1

    started = time.perf_counter()
    yield tick
    _fuzz_runs[request.node.nodeid] = {"inputs": sum(outcomes.values()),
                                       "seconds": round(time.perf_counter() - started, 1),
                                       "outcomes": dict(sorted(outcomes.items()))}


class Hang(Exception):  # noqa: N818  (the thing it reports is a hang)
    """An input took longer than its time limit."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block (SIGALRM) if it runs longer than `seconds`: a hang fails, not stalls."""

    def interrupt(signum: int, frame: object) -> None:
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    if not _fuzz_runs:
        return
    inputs = sum(run["inputs"] for run in _fuzz_runs.values())
    seconds = round(sum(run["seconds"] for run in _fuzz_runs.values()), 1)
    terminalreporter.write_sep("-", f"fuzz: {inputs} generated inputs in {seconds} s")
    for nodeid, run in sorted(_fuzz_runs.items()):
        shown = ", ".join(f"{name} {n}" for name, n in run["outcomes"].items())
        terminalreporter.write_line(f"{run['inputs']:6d} inputs {run['seconds']:6.1f} s  "
                                    f"{nodeid} ({shown})")
    if getattr(config, "cache", None) is not None:  # None under -p no:cacheprovider
        config.cache.set(FUZZ_CACHE_KEY, {"inputs": inputs, "seconds": seconds,
                                          "tests": dict(sorted(_fuzz_runs.items()))})


# --- Generated raw dumps (no-data-loss and scale tests): distinct articles of one site, each
# with its own sentences (so the repeated-line pass keeps them), dated in the text.
RELIABILITY = FIXTURES / "reliability"


def write_dumps(folder: Path, count: int, version: int = 1, paragraphs: int = 6) -> list[Path]:
    """`count` plain-text dumps dump-NNNN.txt; a higher `version` adds a paragraph to each."""
    import random

    words = (RELIABILITY / "words.txt").read_text(encoding="utf-8").split()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        rng = random.Random(index)

        def sentence(length: int, rng: random.Random = rng) -> str:
            return " ".join(rng.choice(words) for _ in range(length)).capitalize() + "."

        title = f"Armenia dan Azerbaijan {rng.choice(words)} {rng.choice(words)} laporan {index}"
        body = [f"LancangKuning - {sentence(20)} Hal itu disampaikan pada Jumat (23/10/2020)."]
        body += [" ".join(sentence(rng.randint(12, 25)) for _ in range(3))
                 for _ in range(paragraphs)]
        body += [f"Pembaruan {version}: {sentence(20)}"] if version > 1 else []
        text = "\n\n".join([title, *body, "Baca Juga : Hyundai Percaya Indonesia Lompati Hybrid",
                            "(evn)"]) + "\n"
        path = folder / f"dump-{index:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def search_titles(page, url: str) -> list[str]:
    """Open a search page URL in Chromium and wait for its answer: the titles of the results."""
    from playwright.sync_api import expect

    page.goto(url)
    expect(page.locator("#search-summary")).not_to_have_text(re.compile(r"^$|Mencari"),
                                                             timeout=15000)
    return [t.strip() for t in page.locator(".search-result__link").all_inner_texts()]
