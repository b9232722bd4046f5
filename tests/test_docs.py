"""The commands the README and docs/ show work as shown, the way sqlite-utils tests its docs.

Every `$ command` line of a ```console block in README.md and docs/*.md is collected. The
project's own commands (`.venv/bin/python -m tools ...`) and `sed -i` edits are run, in the order
a document shows them, in a copy of the project (content/, seeds/, tools/), and the output a
document shows under a command must be what the command prints: `...` on a line of its own
stands for any lines, `...` inside a line for any text, and `0.2 s` for any duration. A console
block whose output is only an example is preceded by the line `<!-- docs-test: output not
checked -->`: its commands still run and must not crash. Every other command must exist: a make
target in the Makefile, a module for `python -m` (`bench` commands answer `--help`), an
executable. And every `python -m tools` command and `make help` target is documented.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
NOT_CHECKED = "<!-- docs-test: output not checked -->"
RUN_PREFIXES = (".venv/bin/python -m tools ", "sed -i ")
PYTHON_M = re.compile(r"^(?:\.venv/bin/)?python3? -m ([\w.]+)")
DURATION = re.compile(r"\b\d+(?:\.\d+)? s\b")


@dataclass
class Shown:
    """One `$ command` of a console block and the output shown under it."""

    doc: Path
    line: int
    command: str
    output: list[str] = field(default_factory=list)
    check_output: bool = True

    def __str__(self) -> str:
        return f"{self.doc.relative_to(ROOT)}:{self.line}: $ {self.command}"


def shown_commands(doc: Path) -> list[Shown]:
    """The doc's console commands in order, with their shown output."""
    found: list[Shown] = []
    lines = doc.read_text(encoding="utf-8").splitlines()
    in_block, check, previous = False, True, ""
    for number, line in enumerate(lines, 1):
        if not in_block and line.strip() == "```console":
            in_block, check = True, previous.strip() != NOT_CHECKED
        elif in_block and line.strip() == "```":
            in_block = False
        elif in_block and line.startswith("$ "):
            found.append(Shown(doc, number, line[2:], check_output=check))
        elif in_block and found and found[-1].command.endswith("\\"):
            found[-1].command = found[-1].command[:-1] + " " + line.strip()
        elif in_block and found:
            found[-1].output.append(line)
        previous = line
    return found


ALL_SHOWN = [shown for doc in DOCS for shown in shown_commands(doc)]


def runs(shown: Shown) -> bool:
    return shown.command.startswith(RUN_PREFIXES)


def line_matches(pattern: str, line: str) -> bool:
    pattern, line = DURATION.sub("0.2 s", pattern.rstrip()), DURATION.sub("0.2 s", line.rstrip())
    parts = [re.escape(part) for part in pattern.split("...")]
    return re.fullmatch(".*".join(parts), line) is not None


def output_matches(shown: list[str], actual: list[str]) -> bool:
    """`shown` lines match `actual` in order; a line `...` matches any number of lines."""
    if not shown:
        return not actual
    if shown[0].strip() == "...":
        return any(output_matches(shown[1:], actual[i:]) for i in range(len(actual) + 1))
    return (bool(actual) and line_matches(shown[0], actual[0])
            and output_matches(shown[1:], actual[1:]))


def project_copy(tmp_path: Path) -> Path:
    """content/, seeds/ and tools/ in a fresh folder, with the project's .venv linked in."""
    copy = tmp_path / "project"
    for name in ("content", "seeds", "tools"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / ".venv").symlink_to(Path(sys.executable).parents[1])
    return copy


def run_shown(shown: Shown, copy: Path) -> list[str]:
    result = subprocess.run(["bash", "-c", shown.command], cwd=copy, capture_output=False,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            timeout=300, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    output = result.stdout.replace(f"{copy}/", "")
    assert result.returncode in (0, 1) and "Traceback" not in output, f"{shown}\n{output}"
    return output.splitlines()


@pytest.mark.parametrize("doc", [d for d in DOCS if any(map(runs, shown_commands(d)))],
                         ids=lambda d: d.name)
def test_the_commands_a_document_shows_print_what_it_shows(doc: Path, tmp_path: Path) -> None:
    copy = project_copy(tmp_path)
    for shown in filter(runs, shown_commands(doc)):
        actual = run_shown(shown, copy)
        if shown.check_output and shown.output:
            assert output_matches(shown.output, actual), (
                f"{shown}\nshown:\n" + "\n".join(shown.output) + "\nprinted:\n" + "\n".join(actual))


def make_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([\w.-]+):(?!=)", makefile, re.M))


def help_works(module: str, *args: str) -> bool:
    result = subprocess.run([sys.executable, "-m", module, *args, "--help"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    return result.returncode == 0


def command_exists(command: str) -> bool:
    """What a shown command names exists: make target, module, CLI command or executable."""
    command = re.sub(r"\s+#.*", "", command)  # a shell comment
    words = command.split()
    if words[0] == "make":
        targets = [w for w in words[1:] if not w.startswith("-") and "=" not in w]
        return set(targets or ["help"]) <= make_targets()
    if module := PYTHON_M.match(command):
        name = module.group(1)
        if name == "tools":
            return help_works("tools", words[3])
        if name.split(".")[0] == "bench":
            return help_works(name)
        return importlib.util.find_spec(name) is not None
    if words[0].startswith(".venv/bin/"):
        return (ROOT / words[0]).exists()
    return shutil.which(words[0]) is not None


@pytest.mark.parametrize("shown", [s for s in ALL_SHOWN if not runs(s)], ids=str)
def test_every_other_shown_command_exists(shown: Shown) -> None:
    assert command_exists(shown.command), f"{shown}: no such target, module or program"


def cli_commands() -> list[str]:
    result = subprocess.run([sys.executable, "-m", "tools", "--help"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=True)
    listing = result.stdout.split("Commands:", 1)[1]
    return re.findall(r"^\s+(\w[\w-]*)", listing, re.M)


def all_docs_text() -> str:
    return "\n".join(doc.read_text(encoding="utf-8") for doc in DOCS)


def test_every_cli_command_is_documented_and_answers_help() -> None:
    commands, text = cli_commands(), all_docs_text()
    assert commands, "python -m tools --help lists no commands"
    assert [c for c in commands if not help_works("tools", c)] == []
    assert [c for c in commands if f"python -m tools {c}" not in text] == []


def test_the_docs_name_only_real_cli_commands() -> None:
    named = set(re.findall(r"python -m tools (\w[\w-]*)", all_docs_text()))
    assert sorted(named - set(cli_commands())) == []


def test_every_make_target_in_make_help_is_in_the_readme() -> None:
    result = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    targets = re.findall(r"^make (\w+)", result.stdout, re.M)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert targets and [t for t in targets if f"`make {t}" not in readme] == []


def anchors(doc: Path) -> set[str]:
    """GitHub's anchors for the doc's headings."""
    headings = re.findall(r"^#+ (.+)$", doc.read_text(encoding="utf-8"), re.M)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


def test_links_between_the_docs_resolve() -> None:
    broken = []
    for doc in DOCS:
        text = re.sub(r"```.*?```", "", doc.read_text(encoding="utf-8"), flags=re.S)
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:|\{filename\}", target):
                continue
            path, _, anchor = target.partition("#")
            linked = (doc.parent / path).resolve() if path else doc
            if not linked.exists() or (anchor and linked.suffix == ".md"
                                       and anchor not in anchors(linked)):
                broken.append(f"{doc.relative_to(ROOT)}: {target}")
    assert broken == []


def test_the_docs_stay_a_reference_under_90_kb() -> None:
    """README.md and docs/ say how things are; history belongs to `git log`."""
    size = sum(len(doc.read_bytes()) for doc in DOCS)
    assert size < 90_000, f"README.md + docs/ are {size:,} bytes: trim to under 90,000"
