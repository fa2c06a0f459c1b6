"""The starter scenario ``cooprules init`` writes, and the samples shipped with the package.

The starter is a commented, small, complete file for one regime: the co-op, a levy schedule, three
members, one activity and the general meeting's one decision. It runs as it is
(``cooprules run coop.toml``); every section says what to change. Its first line is the
``#:schema`` directive editors (taplo) read to validate and complete the file.
"""

from __future__ import annotations

from datetime import date
from importlib import resources
from typing import TYPE_CHECKING, Final

from cooprules.explain import Text
from cooprules.regime import Key
from cooprules.voting import VotingRules

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cooprules.explain import Lang
    from cooprules.regime import Regime

__all__ = ["SCHEMA_ID", "sample_names", "sample_text", "schema_text", "starter"]

SCHEMA_ID: Final = (
    "https://raw.githubusercontent.com/cooprules/cooprules/main/docs/scenario.schema.json"
)
"""Where the scenario format's JSON Schema is served (its ``$id``)."""


def schema_text() -> str:
    """The JSON Schema of the scenario format, as shipped in the package."""
    return resources.files("cooprules_cli").joinpath("scenario.schema.json").read_text("utf-8")


def sample_names() -> list[str]:
    """The names of the samples shipped in the package (``be-activity``, ``fr-scic``, …)."""
    folder = resources.files("cooprules_cli").joinpath("samples")
    return sorted(
        p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")
    )


def sample_text(name: str) -> str:
    """The text of the sample ``name`` (a name `sample_names()` lists)."""
    return resources.files("cooprules_cli").joinpath("samples", f"{name}.toml").read_text("utf-8")


def _decision(regime: Regime, on: date) -> tuple[str, bool] | None:
    """The regime's ordinary decision of the general meeting, and whether the statutes set it.

    The first decision of the meeting when none is ordinary; the statutes must give its majority
    when the law sets none on ``on``.
    """
    rules = regime.rule_set(VotingRules)
    decisions = [d for d in rules.decisions if d.body == "general_meeting"] if rules else []
    ordinary = [d for d in decisions if d.kind.endswith("ordinary") and "extra" not in d.kind]
    if not (ordinary or decisions):
        return None
    chosen = (ordinary or decisions)[0]
    majority = chosen.majority
    unset = isinstance(majority, Key) and regime.value(majority, on) is None
    return chosen.kind, unset


def _texts(code: str, name: str, file: str) -> dict[str, Text]:
    """The starter's comments and values, as messages."""
    return {
        "head": Text(
            "A starter scenario for the regime {code} ({name}).",
            context="starter",
            code=code,
            name=name,
        ),
        "run": Text(
            "Run it with `cooprules run {file}`, check it with `cooprules check {file}`; every\n"
            'amount is text ("1234.50") or an integer, never a TOML float. The format is '
            "described\n"
            "in the documentation (scenario files); `cooprules schema` prints its JSON Schema.",
            context="starter",
            file=file,
        ),
        "coop": Text(
            "The co-op: its regime, its name, the financial year (first_month = 7 for a year\n"
            "from July to June).",
            context="starter",
        ),
        "statutes": Text(
            "The statutes' choices where the law leaves them open, e.g.\n"
            '    "capital.dividend_cap" = "6%"\n'
            "(`cooprules regime {code}` lists the parameters, their values and their sources).",
            context="starter",
            code=code,
        ),
        "levies": Text(
            "The contribution each activity pays the co-op: here 10 % of its monthly gross\n"
            "margin (replace by your statutes' rate and article; delete with the activity "
            "below if\n"
            "your co-op has no activities).",
            context="starter",
        ),
        "members": Text(
            "The members: each with the events of their membership, in order.", context="starter"
        ),
        "activity": Text(
            "An activity: its owner, its start, its revenue and direct costs month by month.",
            context="starter",
        ),
        "meeting": Text(
            "The general meeting and its decisions: each ballot is for, against or abstain.",
            context="starter",
        ),
        "shares": Text(
            "The share capital: one class of shares, each member's subscription.", context="starter"
        ),
        "voting": Text(
            "The statutes' majority for this decision (the law leaves it to them): give the\n"
            "article of your statutes.",
            context="starter",
        ),
        "decision_title": Text("Approve the accounts", context="starter"),
        "name": Text("My co-op", context="starter"),
        "article": Text("art. 12 of the statutes", context="starter"),
    }


_REVENUE: Final = (
    "2000.00", "2100.00", "1900.00", "2500.00", "2200.00", "2000.00",
    "1500.00", "1200.00", "2300.00", "2400.00", "2600.00", "2800.00",
)  # fmt: skip
_COSTS: Final = (
    "200.00", "250.00", "180.00", "300.00", "220.00", "200.00",
    "150.00", "100.00", "230.00", "240.00", "260.00", "280.00",
)  # fmt: skip
_MEMBERS: Final = (("m-ana", "Ana Dupont"), ("m-ben", "Ben Martin"), ("m-chloe", "Chloé Leroy"))


def _quoted(values: Sequence[str]) -> str:
    return "[" + ", ".join(f'"{v}"' for v in values) + "]"


def _comment(text: str) -> str:
    return "\n".join(f"# {line}".rstrip() for line in text.splitlines())


def starter(regime: Regime, *, year: int, lang: Lang = "en", file: str = "coop.toml") -> str:
    """The starter scenario of ``regime`` for the financial ``year``, commented in ``lang``.

    ```pycon
    >>> from cooprules.plugins import load_regimes
    >>> text = starter(load_regimes().get("be-activity"), year=2026)
    >>> text.splitlines()[0].startswith("#:schema https://")
    True

    ```
    """
    name = regime.name if lang != "en" or not regime.name_en else regime.name_en
    words = {key: text.in_(lang) for key, text in _texts(regime.code, name, file).items()}
    lines = [
        f"#:schema {SCHEMA_ID}",
        _comment(words["head"]),
        "#",
        _comment(words["run"]),
        "",
        "format = 2",
        "",
        _comment(words["coop"]),
        "[coop]",
        f'regime = "{regime.code}"',
        f'name = "{words["name"]}"',
        f"year = {year}",
        "first_month = 1",
        "",
        _comment(words["statutes"]),
        "[coop.statutes.values]",
        "",
        _comment(words["levies"]),
        "[[levies.schedules]]",
        'id = "contribution"',
        'rate = "10%"',
        'base = "gross_margin"',
        f'article = "{words["article"]}"',
        "",
        _comment(words["members"]),
    ]
    for member, full_name in _MEMBERS:
        lines += [
            "[[members]]",
            f'id = "{member}"',
            f'name = "{full_name}"',
            "events = [",
            f'  {{ kind = "applied", date = {year - 1}-01-10 }},',
            f'  {{ kind = "admitted", date = {year - 1}-02-01 }},',
            "]",
            "",
        ]
    lines += [_comment(words["shares"]), "[[share_classes]]", 'code = "A"', 'nominal = "25.00"', ""]
    for member, _ in _MEMBERS:
        lines += [
            "[[share_operations]]",
            f'id = "subscribe-{member}"',
            'kind = "subscribe"',
            f"date = {year - 1}-02-01",
            f'member = "{member}"',
            'share_class = "A"',
            "shares = 4",
            "",
        ]
    lines += [
        _comment(words["activity"]),
        "[[activities]]",
        'id = "ana-act"',
        'owner = "m-ana"',
        f"start = {year - 1}-02-01",
        f"revenue = {_quoted(_REVENUE)}",
        f"direct_costs = {_quoted(_COSTS)}",
    ]
    decision = _decision(regime, date(year, 6, 15))
    if decision is not None:
        kind, unset = decision
        ballots = ", ".join(f'"{m}" = "for"' for m, _ in _MEMBERS)
        if unset:
            lines += [
                "",
                _comment(words["voting"]),
                "[coop.voting]",
                f'article = "{words["article"]}"',
                "",
                "[[coop.voting.decisions]]",
                f'kind = "{kind}"',
                'majority = "1/2"',
                "strict = true",
            ]
        lines += [
            "",
            _comment(words["meeting"]),
            "[meeting]",
            f"date = {year}-06-15",
            "",
            "[[meeting.decisions]]",
            'id = "approve-accounts"',
            f'kind = "{kind}"',
            f'title = "{words["decision_title"]}"',
            f"ballots = {{ {ballots} }}",
        ]
    return "\n".join(lines) + "\n"
