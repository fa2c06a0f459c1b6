"""The law file of XX: every figure and citation of the plug-in, loaded and checked at import.

``law.toml`` beside this module declares each figure of the regime ``xx-demo`` once, with its
citation and dates (format: `cooprules.law`); `LAW` is that file, loaded and checked.
A wrong type, an unknown key or citation, two versions in force on one day: each is a
`LawFileError` naming the file, the path inside it and the value, raised when
the plug-in is imported.

```pycon
>>> str(LAW.citation("act-21-2020").short())
'Co-operatives Act of XX, art. 21 (as amended in 2020)'
>>> [p.key for p in LAW.parameters("xx-demo")][:2]
['company.min_founders', 'surplus.legal_reserve_rate']

```
"""

from __future__ import annotations

from importlib.resources import files
from typing import Final

from cooprules import Text
from cooprules.law import LawBook, load_law
from cooprules.regime import Key
from cooprules.voting import majority_key, quorum_key

__all__ = ["AMEND_ARTICLES", "EXCLUSION", "KEYS", "LAW", "ORDINARY", "Keys"]

ORDINARY: Final = Text(en="ordinary decision", fr="décision ordinaire")
AMEND_ARTICLES: Final = Text(en="amendment of the articles", fr="modification des statuts")
EXCLUSION: Final = Text(en="exclusion of a member", fr="exclusion d'un membre")


class Keys:
    """The plug-in's own parameter keys (prefix ``xx.``): its decisions' and proxies' figures."""

    ordinary_majority: Final = majority_key("xx.ordinary_majority", ORDINARY)
    amend_articles_majority: Final = majority_key("xx.amend_articles_majority", AMEND_ARTICLES)
    amend_articles_quorum: Final = quorum_key("xx.amend_articles_quorum", AMEND_ARTICLES)
    exclusion_majority: Final = majority_key("xx.exclusion_majority", EXCLUSION)
    max_proxies: Final = Key(
        "xx.max_proxies",
        int,
        Text(
            en="most proxies one member may hold at a general meeting",
            fr="nombre maximal de procurations qu'un membre peut détenir en assemblée générale",
        ),
    )


KEYS: Final = (
    Keys.ordinary_majority,
    Keys.amend_articles_majority,
    Keys.amend_articles_quorum,
    Keys.exclusion_majority,
    Keys.max_proxies,
)
"""The keys the law file may use beside the core's (a reader of a copy of it passes them too)."""

LAW: Final[LawBook] = load_law(files("cooprules_example_xx") / "law.toml", keys=KEYS)
"""The law file of XX: every figure the regime uses, dated and cited."""
