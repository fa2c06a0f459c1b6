"""The typed parameter keys, grouped per engine: the schema that regimes and statutes fill in.

A regime plug-in sets values for these keys (with bounds, citations and dates); a co-op's statutes
choose values within those bounds; an engine reads them with :func:`cooprules.regime.resolve`.
Using the :class:`~cooprules.regime.Key` objects rather than strings makes a misspelled key an
error in the plug-in, and types the value an engine gets back.

Each engine's keys arrive with that engine; this module holds those in use so far. A third-party
plug-in may declare keys of its own, under its own prefix.

>>> Company.min_founders.name
'company.min_founders'
>>> [k.name for k in keys(Company)]
['company.min_founders', 'company.min_members']
"""

from __future__ import annotations

from typing import Any, Final

from moneyed import Money

from cooprules.explain import Text
from cooprules.money import Rate
from cooprules.regime import Key

__all__ = ["GROUPS", "Capital", "Company", "Surplus", "Voting", "all_keys", "keys"]


class Company:
    """Keys about the co-operative as a company: founders, minimum membership."""

    min_founders: Final = Key(
        "company.min_founders",
        int,
        Text(en="minimum number of founding members", fr="nombre minimal de membres fondateurs"),
    )
    min_members: Final = Key(
        "company.min_members",
        int,
        Text(
            en="minimum number of members (or shareholders) the co-op must keep",
            fr="nombre minimal de membres (ou d'associés) que la coopérative doit conserver",
        ),
    )


class Capital:
    """Keys of the share register and capital engine."""

    dividend_cap: Final = Key(
        "capital.dividend_cap",
        Rate,
        Text(
            en="maximum dividend or interest on shares, as a rate of their nominal value",
            fr="dividende ou intérêt maximal sur les parts, en taux de leur valeur nominale",
        ),
    )
    min_capital: Final = Key(
        "capital.min_capital",
        Money,
        Text(en="minimum share capital", fr="capital social minimal"),
    )


class Surplus:
    """Keys of the surplus-distribution engine."""

    interest_rate_cap: Final = Key(
        "surplus.interest_rate_cap",
        Rate,
        Text(
            en="maximum yearly interest rate on paid-up shares",
            fr="taux maximal de l'intérêt annuel servi aux parts libérées",
        ),
    )
    legal_reserve_rate: Final = Key(
        "surplus.legal_reserve_rate",
        Rate,
        Text(
            en="share of the surplus allocated to the legal reserve",
            fr="part des excédents affectée à la réserve légale",
        ),
    )
    reserves_indivisible: Final = Key(
        "surplus.reserves_indivisible",
        bool,
        Text(
            en="reserves can never be distributed to members, even at liquidation",
            fr="les réserves ne sont jamais partagées entre les membres, même en liquidation",
        ),
    )
    reserves_rate: Final = Key(
        "surplus.reserves_rate",
        Rate,
        Text(
            en="share of the surplus allocated to the reserves in total",
            fr="part des excédents affectée à l'ensemble des réserves",
        ),
    )
    worker_share_rate: Final = Key(
        "surplus.worker_share_rate",
        Rate,
        Text(
            en="share of the surplus distributed to all employees (worker share)",
            fr="part des excédents répartie entre tous les salariés (part travail)",
        ),
    )


class Voting:
    """Keys of the voting engine."""

    member_vote_cap: Final = Key(
        "voting.member_vote_cap",
        Rate,
        Text(
            en="largest share of the votes present or represented one member may cast",
            fr="part maximale des voix présentes ou représentées qu'un membre peut exprimer",
        ),
    )
    one_member_one_vote: Final = Key(
        "voting.one_member_one_vote",
        bool,
        Text(
            en="each member has one vote, whatever the shares held",
            fr="chaque membre dispose d'une voix, quel que soit le nombre de parts détenues",
        ),
    )
    proxies_allowed: Final = Key(
        "voting.proxies_allowed",
        bool,
        Text(
            en="a member may vote by proxy for another member",
            fr="un membre peut voter par procuration pour un autre membre",
        ),
    )


GROUPS: Final[tuple[type, ...]] = (Company, Capital, Surplus, Voting)
"""Every group of keys the core declares."""


def keys(group: type) -> tuple[Key[Any], ...]:
    """The keys of one group, in alphabetical order of name."""
    found = (value for value in vars(group).values() if isinstance(value, Key))
    return tuple(sorted(found, key=lambda key: key.name))


def all_keys() -> dict[str, Key[Any]]:
    """Every key the core declares, by name."""
    return {key.name: key for group in GROUPS for key in keys(group)}
