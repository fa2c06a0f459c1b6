"""The Belgian law file and the plug-in's own parameter keys.

Every figure the Belgian regimes use, with its citation, confidence tag and dates, is declared once
in ``law.toml`` beside this module; :data:`LAW` is that file, loaded and checked at import.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Final

from cooprules.explain import Text
from cooprules.law import LawBook, load_law
from cooprules.money import Rate
from cooprules.regime import Key

__all__ = ["LAW", "Keys"]


class Keys:
    """The Belgian plug-in's own parameter keys (prefix ``be.``), beside the core's."""

    withholding_tax_rate: Final = Key(
        "be.withholding_tax_rate",
        Rate,
        Text(
            en="withholding tax on dividends (précompte mobilier), which the CNC's 6 % dividend "
            "cap is read net of",
            fr="précompte mobilier sur les dividendes, dont le plafond de 6 % du CNC est net",
        ),
    )


LAW: Final[LawBook] = load_law(
    files("cooprules_adapters.be") / "law.toml", keys=(Keys.withholding_tax_rate,)
)
"""The Belgian law file: every figure the Belgian regimes use, dated and cited."""
