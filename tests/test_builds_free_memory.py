"""A process that builds twice (Pelican's --autoreload) does not keep the first build alive."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.prepare import prepare
from tests.conftest import ROOT

REBUILD_IN_ONE_PROCESS = """
import gc, json, sys, weakref
from pelican import get_instance, parse_arguments, signals

first = []


def remember(generator):
    if not first:
        first.append(weakref.ref(generator))


signals.article_generator_finalized.connect(remember)
args = parse_arguments(sys.argv[1:])
pelican, settings = get_instance(args)
pelican.run()  # as Pelican's --autoreload does: the same instance, built again
after_first = {"frozen": gc.get_freeze_count(), "alive": first[0]() is not None}
pelican.run()
print(json.dumps({**after_first, "first_build_alive": first[0]() is not None}))
"""


def test_a_process_that_builds_again_frees_the_last_builds_objects(tmp_path: Path) -> None:
    """A build ends with its objects frozen out of the collector (the process usually exits:
    no teardown collection); the next build in the same process gives them back, so the
    garbage of the last build (here its articles generator) is freed and an --autoreload
    session does not keep every past build in memory."""
    corpus = prepare(tmp_path / "work", 12, seed=3)
    overrides = {"RAW_SEEDS_PATH": str(corpus.raw), "PAGEFIND_ENABLED": False}
    cmd = [sys.executable, "-c", REBUILD_IN_ONE_PROCESS, str(corpus.content), "-o",
           str(tmp_path / "out"), "-s", str(ROOT / "pelicanconf.py"),
           "-e", *(f"{k}={json.dumps(v)}" for k, v in overrides.items())]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    state = json.loads(proc.stdout.strip().splitlines()[-1])
    assert state["frozen"] > 0  # the first build ended frozen (memory.py)
    assert not state["first_build_alive"]  # its articles generator, freed
