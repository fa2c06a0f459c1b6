"""The law file of XX: every figure and citation of the plug-in, loaded and checked at import.

``law.toml`` beside this module declares each figure of the regime ``xx-demo`` once, with its
citation and dates (format: :mod:`cooprules.law`); :data:`LAW` is that file, loaded and checked.
A wrong type, an unknown key or citation, two versions in force on one day: each is a
:class:`~cooprules.law.LawFileError` naming the file, the path inside it and the value, raised when
the plug-in is imported.

>>> str(LAW.citation("act-21-2020").short())
'Co-operatives Act of XX, art. 21 (as amended in 2020)'
>>> [p.key for p in LAW.parameters("xx-demo")][:2]
['company.min_founders', 'surplus.legal_reserve_rate']
"""

from __future__ import annotations

from importlib.resources import files
from typing import Final

from cooprules.law import LawBook, load_law

__all__ = ["LAW"]

LAW: Final[LawBook] = load_law(files("cooprules_example_xx") / "law.toml")
"""The law file of XX: every figure the regime uses, dated and cited."""
