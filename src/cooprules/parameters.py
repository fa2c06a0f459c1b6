"""The typed parameter keys, grouped per engine: the schema that regimes and statutes fill in.

A regime plug-in sets values for these keys (with bounds, citations and dates); a co-op's statutes
choose values within those bounds; an engine reads them with
[`cooprules.regime.resolve()`][cooprules.regime.resolve]. Using the [`Key`][cooprules.regime.Key]
objects rather than strings makes a misspelled key an error in the plug-in, and types the value an
engine gets back.

Each engine's keys arrive with that engine; this module holds those in use so far. A third-party
plug-in may declare keys of its own, under its own prefix.

```pycon
>>> Company.min_founders.name
'company.min_founders'
>>> [k.name for k in keys(Company)][:2]
['company.board_size', 'company.min_categories']
>>> all_keys()["voting.proxies_allowed"].type
<class 'bool'>

```
"""

from __future__ import annotations

from typing import Any, Final

from moneyed import Money

from cooprules.explain import Text
from cooprules.money import Rate
from cooprules.regime import Key

__all__ = [
    "GROUPS",
    "Accompaniment",
    "Capital",
    "Company",
    "Levies",
    "Membership",
    "Surplus",
    "Voting",
    "all_keys",
    "keys",
]


class Company:
    """Keys about the co-operative as a company: founders, membership, categories, board."""

    board_size: Final = Key(
        "company.board_size",
        int,
        Text("number of directors on the board"),
    )
    min_categories: Final = Key(
        "company.min_categories",
        int,
        Text("minimum number of categories of members (multi-stakeholder co-ops)"),
    )
    min_employee_associates: Final = Key(
        "company.min_employee_associates",
        int,
        Text("minimum number of employee-associates (private or simplified limited company form)"),
    )

    min_founders: Final = Key(
        "company.min_founders",
        int,
        Text("minimum number of founding members"),
    )
    min_members: Final = Key(
        "company.min_members",
        int,
        Text("minimum number of members (or shareholders) the co-op must keep"),
    )


class Capital:
    """Keys of the share register and capital engine."""

    dividend_cap_basis: Final = Key(
        "capital.dividend_cap_basis",
        str,
        Text(
            "what the dividend cap applies to: 'nominal_net_of_withholding' (the nominal value, "
            "capping the dividend after withholding tax), 'nominal_gross' or 'paid_up'",
        ),
    )

    dividend_cap: Final = Key(
        "capital.dividend_cap",
        Rate,
        Text(
            "maximum yearly dividend or interest on shares, as a rate of their value (nominal or "
            "paid up, as capital.dividend_cap_basis says where the law distinguishes)",
        ),
    )
    min_capital: Final = Key(
        "capital.min_capital",
        Money,
        Text("minimum share capital"),
    )
    max_holding_share: Final = Key(
        "capital.max_holding_share",
        Rate,
        Text("largest share of the capital one member may hold"),
    )


class Surplus:
    """Keys of the surplus-distribution engine."""

    legal_reserve_rate: Final = Key(
        "surplus.legal_reserve_rate",
        Rate,
        Text("share of the surplus allocated to the legal reserve"),
    )
    reserves_indivisible: Final = Key(
        "surplus.reserves_indivisible",
        bool,
        Text("reserves can never be distributed to members, even at liquidation"),
    )
    reserves_rate: Final = Key(
        "surplus.reserves_rate",
        Rate,
        Text("share of the surplus allocated to the reserves in total"),
    )
    worker_share_rate: Final = Key(
        "surplus.worker_share_rate",
        Rate,
        Text("share of the surplus distributed to all employees (worker share)"),
    )


class Voting:
    """Keys of the voting engine."""

    college_max_weight: Final = Key(
        "voting.college_max_weight",
        Rate,
        Text("largest share of the total votes one voting college may hold"),
    )
    college_min_weight: Final = Key(
        "voting.college_min_weight",
        Rate,
        Text("smallest share of the total votes one voting college may hold"),
    )

    member_vote_cap: Final = Key(
        "voting.member_vote_cap",
        Rate,
        Text("largest share of the votes present or represented one member may cast"),
    )
    min_colleges: Final = Key(
        "voting.min_colleges",
        int,
        Text("minimum number of voting colleges, when the statutes use colleges"),
    )
    one_member_one_vote: Final = Key(
        "voting.one_member_one_vote",
        bool,
        Text("each member has one vote, whatever the shares held"),
    )
    proxies_allowed: Final = Key(
        "voting.proxies_allowed",
        bool,
        Text("a member may vote by proxy for another member"),
    )


class Membership:
    """Keys about admission: trial periods before full membership."""

    trial_max_days_worked: Final = Key(
        "membership.trial_max_days_worked",
        int,
        Text("longest trial period before membership, in days of work"),
    )
    trial_max_months: Final = Key(
        "membership.trial_max_months",
        int,
        Text("longest span of the trial period before membership, in months"),
    )


class Accompaniment:
    """Keys about hosted entrepreneurs (BE activity co-ops, FR CAE)."""

    associate_deadline_months: Final = Key(
        "accompaniment.associate_deadline_months",
        int,
        Text(
            "months from the contract within which an entrepreneur-employee must become an "
            "associate (reduced by any prior support contract)",
        ),
    )
    max_months: Final = Key(
        "accompaniment.max_months",
        int,
        Text("longest accompaniment convention of a candidate entrepreneur, in months"),
    )
    min_support_interviews: Final = Key(
        "accompaniment.min_support_interviews",
        int,
        Text("minimum number of individual support interviews per year"),
    )
    trial_max_months: Final = Key(
        "accompaniment.trial_max_months",
        int,
        Text(
            "longest trial period of the entrepreneur-employee contract, renewal included, in "
            "months",
        ),
    )


class Levies:
    """Keys of the levies engine (the contribution of each activity to the co-op)."""

    max_rate: Final = Key(
        "levies.max_rate",
        Rate,
        Text("highest rate a levy schedule may apply to its base"),
    )


GROUPS: Final[tuple[type, ...]] = (
    Company,
    Capital,
    Surplus,
    Voting,
    Membership,
    Accompaniment,
    Levies,
)
"""Every group of keys the core declares."""


def keys(group: type) -> tuple[Key[Any], ...]:
    """The keys of one group, in alphabetical order of name."""
    found = (value for value in vars(group).values() if isinstance(value, Key))
    return tuple(sorted(found, key=lambda key: key.name))


def all_keys() -> dict[str, Key[Any]]:
    """Every key the core declares, by name."""
    return {key.name: key for group in GROUPS for key in keys(group)}
