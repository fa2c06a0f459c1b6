"""The Quebec law file and the plug-in's own parameter keys.

Every figure the Quebec regimes use, with its citation, confidence tag and dates, is declared once
in ``law.toml`` beside this module; :data:`LAW` is that file, loaded and checked at import.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Final

from cooprules.explain import Text
from cooprules.law import LawBook, load_law
from cooprules.regime import Key

__all__ = ["LAW", "Keys"]


class Keys:
    """The Quebec plug-in's own parameter keys (prefix ``qc.``), beside the core's."""

    enhancement_reserve_allowed: Final = Key(
        "qc.enhancement_reserve_allowed",
        bool,
        Text(
            en="the by-laws may create an enhancement reserve (réserve de valorisation)",
            fr="les règlements peuvent créer une réserve de valorisation",
        ),
    )


LAW: Final[LawBook] = load_law(
    files("cooprules_adapters.qc") / "law.toml", keys=(Keys.enhancement_reserve_allowed,)
)
"""The Quebec law file: every figure the Quebec regimes use, dated and cited."""
