"""`python -m bench`: run the benchmark, save its JSON in bench/results/, print the table."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from bench.driver import Driver
from bench.report import table

BENCH = Path(__file__).resolve().parent
SKIPPABLE = ("import", "bare", "warm")


def _setting(text: str) -> tuple[str, object]:
    name, sep, value = text.partition("=")
    if not sep or not name.isupper():
        raise argparse.ArgumentTypeError(f"{text!r}: expected SETTING=JSON, e.g. "
                                         "PAGEFIND_SHARD_PAGES=1000")
    try:
        return name, json.loads(value)
    except ValueError:
        return name, value  # a bare string


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--n", type=int, default=1000, help="synthetic articles (default 1000)")
    parser.add_argument("--repeat", type=int, default=None,
                        help="runs per timed build, median reported (default 3, 1 from N=5000)")
    parser.add_argument("--work", type=Path, default=None,
                        help="work folder (default bench/work/n<N>; never content/)")
    parser.add_argument("--results", type=Path, default=BENCH / "results",
                        help="folder for the JSON results (default bench/results)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium searches")
    parser.add_argument("--skip", action="append", default=[], choices=SKIPPABLE,
                        help="leave a stage out (repeatable): import, bare, warm; e.g. a "
                        "100,000-article run of the project build alone: --skip import "
                        "--skip bare --skip warm --no-browser")
    parser.add_argument("--set", action="append", default=[], metavar="SETTING=JSON",
                        dest="settings", type=_setting,
                        help="a project setting for this run's project builds (repeatable), "
                        "e.g. --set PAGEFIND_SHARD_PAGES=1000 to measure another bundle size")
    parser.add_argument("--profile", action="store_true",
                        help="also cProfile one bare and one project build (.prof in results)")
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    repeat = args.repeat or (3 if args.n < 5000 else 1)
    # Absolute: the builds resolve relative settings (e.g. RAW_SEEDS_PATH) against other folders.
    work = (args.work or BENCH / "work" / f"n{args.n}").resolve()
    driver = Driver(args.n, work, repeat, browser=not args.no_browser, profile=args.profile,
                    skip=frozenset(args.skip), settings=dict(args.settings))
    results = driver.run()
    args.results.mkdir(parents=True, exist_ok=True)
    stamp = results["started"].replace(":", "").replace("-", "")[:15]
    path = args.results / f"bench-n{args.n}-{stamp}.json"
    path.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    logging.getLogger(__name__).info("results saved to %s", path)
    sys.stdout.write(table([results]) + "\n")
    for stage, error in results["errors"].items():
        sys.stderr.write(f"stage {stage} failed: {error.splitlines()[0] if error else ''}\n")
    return 1 if results["errors"] else 0
