"""Type-check every Python example of the README and the docs with ``mypy --strict``.

The examples are what a user copies first, so they must pass the checker a user runs. Each page's
examples are written as modules in a temporary directory (one per checkout, emptied on each run),
then checked in one mypy run with the
repository's own mypy configuration (``pyproject.toml``) and this checkout's ``src`` first on the
path:

* the ``>>>``/``...`` lines of a page's ```` ```pycon ```` blocks form one module per page, in
  order (pytest runs them as one doctest per page, so later blocks use earlier names); the output
  lines are dropped. An interactive session rebinds names freely (``result = ...`` for a levy,
  then for a surplus), so these modules start with ``# mypy: allow-redefinition`` (for them
  alone);
* each ```` ```python ```` block is its own module, named after its ``title="name.py"`` when it
  has one (so that a later block of the page can ``import name``, as the docs test runs them).

Errors are reported against the Markdown file and line. Usage, from the repository root::

    python scripts/check_doc_types.py            # README.md and docs/**/*.md
    python scripts/check_doc_types.py docs/money.md

Exit status: 0 when every example passes, 1 otherwise (the errors printed by Markdown file and
line, then a summary line with the time taken).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parents[1]
# The example plug-in is a separate distribution, checked in its own environment (.ci/run).
EXCLUDED = ("docs/examples/",)

FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```(?P<lang>pycon|python)(?P<info>[^\n]*)\n"
    r"(?P<body>.*?)^(?P=indent)```[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
TITLE = re.compile(r'title="(?P<title>[^"]+)"')
MYPY_LINE = re.compile(r"^(?P<file>[^:\n]+\.py):(?P<line>\d+):(?P<rest>.*)$")


@dataclass
class Module:
    """One generated module and, for each of its lines, the Markdown line it came from."""

    name: str
    page: Path
    lines: list[str] = field(default_factory=list)
    origin: list[int] = field(default_factory=list)
    session: bool = False

    def add(self, text: str, line: int) -> None:
        """Append one line of code, taken from line ``line`` of the page."""
        self.lines.append(text)
        self.origin.append(line)


def _pages(arguments: list[str]) -> list[Path]:
    if arguments:
        return [Path(argument).resolve() for argument in arguments]
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    return [page for page in pages if not str(page.relative_to(ROOT)).startswith(EXCLUDED)]


def _slug(page: Path) -> str:
    relative = page.relative_to(ROOT).with_suffix("")
    return "doc_" + re.sub(r"\W", "_", str(relative))


def extract(page: Path) -> list[Module]:
    """The modules made from one page's examples (none when it has no Python example)."""
    text = page.read_text(encoding="utf-8")
    slug = _slug(page)
    session = Module(name=f"{slug}_session", page=page, session=True)
    # An interactive session rebinds names; the flag applies to this module only.
    session.add("# mypy: allow-redefinition", 0)
    modules: list[Module] = []
    for match in FENCE.finditer(text):
        first = text.count("\n", 0, match.start("body")) + 1
        body = textwrap.dedent(match["body"]) if match["indent"] else match["body"]
        if match["lang"] == "pycon":
            for offset, line in enumerate(body.splitlines()):
                stripped = line.lstrip()
                if stripped.startswith((">>> ", "... ")) or stripped in {">>>", "..."}:
                    session.add(stripped[4:], first + offset)
            continue
        title = TITLE.search(match["info"])
        name = Path(title["title"]).stem if title else f"{slug}_{first}"
        module = Module(name=name, page=page)
        for offset, line in enumerate(body.splitlines()):
            module.add(line, first + offset)
        modules.append(module)
    if len(session.lines) > 1:
        modules.insert(0, session)
    return modules


def _run_mypy(files: list[Path]) -> tuple[str, int]:
    options = [
        "--config-file",
        str(ROOT / "pyproject.toml"),
        "--strict",
        "--cache-dir",
        str(ROOT / ".mypy_cache"),
        "--no-error-summary",
        "--show-error-codes",
        "--hide-error-context",
    ]
    stdout, stderr, status = api.run([*options, *(str(path) for path in files)])
    if stderr:
        sys.stderr.write(stderr)
    return stdout, status


def check(pages: list[Path]) -> int:
    """Check the examples of ``pages``; print the errors by page and line; return the count."""
    modules = [module for page in pages for module in extract(page)]
    if not modules:
        return 0
    names = [module.name for module in modules]
    duplicated = sorted({name for name in names if names.count(name) > 1})
    if duplicated:
        sys.stderr.write(f"two examples are written as the same module: {duplicated}\n")
        return len(duplicated)
    errors = 0
    # A fixed temporary directory per checkout, emptied first: mypy's cache (shared with
    # ``mypy --strict src``) remembers modules by name and path, so a fresh random directory
    # would make it report a previous run's errors under the old path.
    digest = hashlib.sha256(str(ROOT).encode()).hexdigest()[:12]
    directory = Path(tempfile.gettempdir()) / f"cooprules-doc-types-{digest}"
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    try:
        by_file: dict[str, Module] = {}
        for module in modules:
            path = directory / f"{module.name}.py"
            path.write_text("\n".join(module.lines) + "\n", encoding="utf-8")
            by_file[str(path)] = module
        stdout, status = _run_mypy([Path(path) for path in by_file])
        for raw in stdout.splitlines():
            match = MYPY_LINE.match(raw)
            module = by_file.get(match["file"]) if match else None
            if match is None or module is None:
                if raw.strip():
                    print(raw)
                errors += " error:" in raw
                continue
            index = int(match["line"]) - 1
            origin = module.origin[index] if index < len(module.origin) else 0
            print(f"{module.page.relative_to(ROOT)}:{origin}:{match['rest']}")
            errors += " error:" in match["rest"]
        if status not in {0, 1}:
            errors += 1
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    return errors


def main(arguments: list[str]) -> int:
    """Check the README and the docs (or the pages named), print a summary, return the status."""
    started = time.perf_counter()
    # This checkout's code, not an installed copy (an editable install may point elsewhere).
    os.environ["MYPYPATH"] = str(ROOT / "src")
    pages = _pages(arguments)
    errors = check(pages)
    seconds = time.perf_counter() - started
    examples = sum(len(extract(page)) for page in pages)
    print(
        f"check_doc_types: {examples} example modules from {len(pages)} pages, "
        f"{errors} error(s), {seconds:.1f} s"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
