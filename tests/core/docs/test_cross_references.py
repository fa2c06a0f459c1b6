"""API references are mkdocstrings cross-references: no raw Sphinx role is left.

mkdocstrings renders Markdown docstrings, where ``:class:`Rate``` shows as raw text;
``scripts/convert_sphinx_roles.py`` turns each role into ``[`Rate`][cooprules.money.Rate]`` (or
plain code for what the site does not render). These tests fail when a role appears again in
``src/`` or ``docs/``, and pin what the script writes.
"""

from __future__ import annotations

import doctest
import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|mod|data|exc|obj|const):`[^`]+`")
SUFFIXES = {".py", ".md", ".json", ".toml", ".txt"}


def _files() -> list[Path]:
    found = [p for p in (ROOT / "src").rglob("*") if p.suffix in SUFFIXES]
    found += [p for p in (ROOT / "docs").rglob("*") if p.suffix in SUFFIXES]
    return sorted(p for p in found if p.is_file())


def _script():
    name = "convert_sphinx_roles"
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_there_are_files_to_check():
    names = {p.relative_to(ROOT).as_posix() for p in _files()}
    assert "src/cooprules/money.py" in names
    assert "docs/money.md" in names


def test_no_raw_sphinx_role_in_src_or_docs():
    found = [
        f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, match.start()) + 1}: {match[0]}"
        for path in _files()
        for text in [path.read_text(encoding="utf-8")]
        for match in ROLE.finditer(text)
    ]
    assert found == [], "run python scripts/convert_sphinx_roles.py:\n" + "\n".join(found)


def test_the_role_pattern_finds_a_role():
    assert ROLE.search("see :class:`~cooprules.money.Rate` and :func:`money`")
    assert not ROLE.search("see [`Rate`][cooprules.money.Rate]")


@pytest.fixture(scope="module")
def convert():
    script = _script()
    resolver = script.Resolver(script.load(), script.rendered_modules())
    path = ROOT / "src" / "cooprules" / "money.py"
    return lambda text: script.convert_text(text, path, resolver)


SOURCE = '''"""Summary with :class:`Rate`.

Body: :func:`quantize`, :class:`~decimal.Decimal`, :class:`the rate <cooprules.money.Rate>`,
:data:`MAX_TEXT` and a role cut over two lines, :class:`~cooprules.errors.InvalidAmount
`.
"""

X = 1  # see :func:`allocate`
'''


def test_roles_become_links_or_plain_code(convert):
    converted = convert(SOURCE)
    assert converted.splitlines()[0] == '"""Summary with `Rate`.'
    assert "[`quantize()`][cooprules.money.quantize]" in converted
    assert "`Decimal`" in converted
    assert "[`Decimal`]" not in converted  # the standard library is not rendered by the site
    assert "[`the rate`][cooprules.money.Rate]" in converted
    assert "[`MAX_TEXT`][cooprules.money.MAX_TEXT]" in converted
    assert "[`InvalidAmount`][cooprules.errors.InvalidAmount]" in converted
    assert "X = 1  # see `allocate()`" in converted
    assert not ROLE.search(converted)
    assert all(len(line) <= 100 for line in converted.splitlines())


def test_the_conversion_is_idempotent(convert):
    once = convert(SOURCE)
    assert convert(once) == once


def test_a_long_paragraph_is_rewrapped_within_its_list_item(convert):
    source = (
        '"""Summary.\n\n'
        "* An item that mentions :class:`~cooprules.money.Rate` and"
        " :func:`~cooprules.money.allocate` and\n  goes on here.\n"
        '"""\n'
    )
    lines = convert(source).splitlines()
    assert lines[2].startswith("* An item")
    assert all(line.startswith("  ") for line in lines[3:-1])
    assert all(len(line) <= 100 for line in lines)
    assert " ".join(line.strip() for line in lines[2:-1]).endswith("and goes on here.")


def test_no_bare_doctest_in_the_docstrings():
    script = _script()
    bare = [
        path.relative_to(ROOT).as_posix()
        for path in script.files()
        if script.fence_doctests(text := path.read_text(encoding="utf-8")) != text
    ]
    assert bare == [], "run python scripts/convert_sphinx_roles.py"


def test_a_bare_doctest_is_fenced_once_and_still_runs():
    script = _script()
    source = '"""Doc.\n\n>>> 1 + 1\n2\n\nText.\n"""\n'
    fenced = script.fence_doctests(source)
    assert fenced == '"""Doc.\n\n```pycon\n>>> 1 + 1\n2\n\n```\n\nText.\n"""\n'
    assert script.fence_doctests(fenced) == fenced
    docstring = fenced.split('"""')[1]
    examples = doctest.DocTestParser().get_examples(docstring)
    assert [(e.source, e.want) for e in examples] == [("1 + 1\n", "2\n")]
