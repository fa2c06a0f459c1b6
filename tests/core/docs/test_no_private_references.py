"""No user-facing file cites the project's private legal notes (issue 15, point 6).

The legal facts were gathered in notes users do not have (``shared/reference/belgium.md`` and its
siblings). The docs, the README and the shipped package (its modules and its data files, such as
the worked examples) cite the public sources instead: the instrument, the article and the URL.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

PRIVATE = re.compile(
    r"shared/reference|reference/[\w.*-]*\.md|\b(?:belgium|france|quebec|prior-art)\.md\b"
)
"""A path to the private notes, or the name of one of the country or prior-art notes.

Case-sensitive: the notes' names are lower case, and the package's own ``locale/GLOSSARY.md`` (the
translators' glossary) is public.
"""


def _user_files() -> list[Path]:
    files = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    for pattern in ("*.py", "*.toml", "*.md", "*.txt", "*.po"):
        files.extend(sorted((ROOT / "src").rglob(pattern)))
    return files


def _mentions(text: str) -> list[tuple[int, str]]:
    return [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), start=1)
        if PRIVATE.search(line)
    ]


@pytest.mark.parametrize(
    "line",
    [
        "see `shared/reference/belgium.md` B6",
        "Tags follow ``reference/france.md``",
        "(`belgium.md` §B2)",
        "prior-art.md A2",
        "the notes ``quebec.md``",
    ],
)
def test_a_private_reference_is_found(line: str) -> None:
    assert _mentions(line) == [(1, line)]


@pytest.mark.parametrize(
    "line",
    [
        "see [Levies](levies.md) and docs/explain.md",
        "Code du travail, art. L7331-3, https://code.travail.gouv.fr/code-du-travail/l7331-3",
        "the reference price of a share",
        "src/cooprules/locale/GLOSSARY.md    the legal terms, per language",
    ],
)
def test_a_public_reference_passes(line: str) -> None:
    assert _mentions(line) == []


def test_the_scan_covers_the_docs_the_readme_and_the_package() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in _user_files()}
    assert "README.md" in names
    assert "docs/levies.md" in names
    assert "src/cooprules/explain.py" in names
    assert "src/cooprules_adapters/fr/worked/cae-cape-then-cesa.toml" in names


def test_no_user_file_cites_the_private_notes() -> None:
    found = [
        f"{path.relative_to(ROOT).as_posix()}:{number}: {line}"
        for path in _user_files()
        for number, line in _mentions(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "cite the public source instead:\n" + "\n".join(found)
