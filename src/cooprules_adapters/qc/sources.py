"""The Quebec law file.

Every figure the Quebec regimes use, with its citation, confidence tag and dates, is declared once
in ``law.toml`` beside this module; :data:`LAW` is that file, loaded and checked at import.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Final

from cooprules.law import LawBook, load_law

__all__ = ["LAW"]

LAW: Final[LawBook] = load_law(files("cooprules_adapters.qc") / "law.toml")
"""The Quebec law file: every figure the Quebec regimes use, dated and cited."""
