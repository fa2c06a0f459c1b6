"""The documentation cannot drift from the code.

* every hook specification in ``cooprules.hookspecs`` has a ``## <name>(<args>) -> <return>``
  heading in ``docs/hooks.md`` with the spec's arguments in order and its return annotation, and
  its section mentions every argument, says whether it is firstresult and gives its versionadded;
* every hookspec docstring documents exactly its arguments with ``:param x:`` and has ``:return:``
  and ``.. versionadded::``;
* every ``python`` block in the docs runs (a block titled ``title="name.py"`` is run as module
  ``name``, so that later blocks of the same page can import it);
* the core never imports the adapters (``docs/architecture.md``'s dependency rule).

The ``>>>`` examples of ``docs/*.md`` are run by pytest itself (``--doctest-glob=*.md``).
"""

from __future__ import annotations

import ast
import inspect
import re
import sys
import types
from pathlib import Path

import pytest

from cooprules import hookspecs

ROOT = Path(__file__).resolve().parents[3]
DOCS = ROOT / "docs"
HOOKS_MD = DOCS / "hooks.md"

HOOKS = sorted(
    (name, function)
    for name, function in vars(hookspecs).items()
    if name.startswith("cooprules_") and inspect.isfunction(function)
)
HOOK_IDS = [name for name, _ in HOOKS]

HEADING = re.compile(r"^## (?P<name>cooprules_\w+)\((?P<args>[^)]*)\) -> (?P<returns>.+?)\s*$")
FENCE = re.compile(r"^```python(?P<info>[^\n]*)\n(?P<code>.*?)^```\s*$", re.MULTILINE | re.DOTALL)
TITLE = re.compile(r'title="(?P<title>[^"]+)"')


def _sections(text: str) -> dict[str, tuple[re.Match[str], str]]:
    """Each ``## cooprules_...(...)`` heading of a page, with the text up to the next ``## ``."""
    found: dict[str, tuple[re.Match[str], str]] = {}
    lines = text.splitlines()
    for index, line in enumerate(lines):
        match = HEADING.match(line)
        if match is None:
            continue
        body: list[str] = []
        for following in lines[index + 1 :]:
            if following.startswith("## "):
                break
            body.append(following)
        found[match["name"]] = (match, "\n".join(body))
    return found


SECTIONS = _sections(HOOKS_MD.read_text(encoding="utf-8"))


def _arguments(function: types.FunctionType) -> list[str]:
    return list(inspect.signature(function).parameters)


def _spec_options(function: types.FunctionType) -> dict[str, object]:
    options = getattr(function, f"{hookspecs.PROJECT}_spec", None)
    assert isinstance(options, dict), f"{function.__name__} is not marked with @hookspec"
    return options


def test_there_are_hooks_to_check():
    assert "cooprules_regimes" in HOOK_IDS


@pytest.mark.parametrize(("name", "function"), HOOKS, ids=HOOK_IDS)
def test_hook_has_a_heading_with_its_signature(name, function):
    assert name in SECTIONS, f"docs/hooks.md has no '## {name}(' heading"
    heading, _ = SECTIONS[name]
    documented = [arg.strip() for arg in heading["args"].split(",") if arg.strip()]
    assert documented == _arguments(function), f"{name}: heading arguments differ from the spec"
    assert heading["returns"] == function.__annotations__["return"], (
        f"{name}: heading return type differs from the spec"
    )


@pytest.mark.parametrize(("name", "function"), HOOKS, ids=HOOK_IDS)
def test_hook_section_mentions_every_argument(name, function):
    _, body = SECTIONS[name]
    for argument in _arguments(function):
        assert f"`{argument}`" in body, f"{name}: argument {argument!r} is not documented"


@pytest.mark.parametrize(("name", "function"), HOOKS, ids=HOOK_IDS)
def test_hook_section_states_firstresult_and_version(name, function):
    _, body = SECTIONS[name]
    firstresult = "yes" if _spec_options(function).get("firstresult") else "no"
    assert f"- **firstresult:** {firstresult}." in body, (
        f"{name}: firstresult should be {firstresult}"
    )
    version = re.search(r"\.\. versionadded:: (\S+)", inspect.getdoc(function) or "")
    assert version is not None, f"{name}: the spec has no versionadded"
    assert f"- **versionadded:** {version[1]}" in body, (
        f"{name}: versionadded should be {version[1]}"
    )
    assert "```python" in body, f"{name}: no example"


def test_every_documented_hook_exists():
    assert sorted(SECTIONS) == HOOK_IDS


@pytest.mark.parametrize(("name", "function"), HOOKS, ids=HOOK_IDS)
def test_hookspec_docstring_params_match_arguments(name, function):
    doc = inspect.getdoc(function) or ""
    params = re.findall(r"^:param (\w+):", doc, flags=re.MULTILINE)
    assert params == _arguments(function), f"{name}: :param entries differ from the arguments"
    assert re.search(r"^:return:", doc, flags=re.MULTILINE), f"{name}: no :return:"


def _python_blocks(page: Path) -> list[tuple[int, str | None, str]]:
    text = page.read_text(encoding="utf-8")
    blocks = []
    for match in FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        title = TITLE.search(match["info"])
        blocks.append((line, title["title"] if title else None, match["code"]))
    return blocks


PAGES = sorted(page for page in DOCS.glob("*.md") if _python_blocks(page))


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_python_examples_run(page, monkeypatch):
    monkeypatch.delenv("COOPRULES_DISABLED_PLUGINS", raising=False)
    for line, title, code in _python_blocks(page):
        filename = f"{page.relative_to(ROOT)}:{line}"
        compiled = compile(code, filename, "exec")
        if title is not None:
            module_name = Path(title).stem
            module = types.ModuleType(module_name)
            module.__file__ = filename
            monkeypatch.setitem(sys.modules, module_name, module)
            namespace = module.__dict__
        else:
            namespace = {"__name__": f"docs_example_{page.stem}_{line}"}
        exec(compiled, namespace)  # noqa: S102 - running our own documentation's examples


def test_core_never_imports_adapters():
    for path in sorted((ROOT / "src" / "cooprules").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(n.split(".")[0] == "cooprules_adapters" for n in names), (
                f"{path.relative_to(ROOT)} imports the adapters"
            )
