"""The folder fixture: the co-op of :mod:`tests.core.tables.coop` with its tables in CSV files."""

from __future__ import annotations

import pytest
from tests.core.tables.coop import CSV, HEAD, TABLES


@pytest.fixture
def folder(tmp_path):
    """The co-op with its tables in CSV files: ``coop.toml`` beside them."""
    for name, text in CSV.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "coop.toml").write_text(HEAD + TABLES, encoding="utf-8")
    return tmp_path
