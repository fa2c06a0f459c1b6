"""Evaluate something real with cooprules: a Belgian accredited co-op's statutes and ristournes.

Run it with ``python examples/quickstart.py``. It

1. loads the ``be-cnc`` regime (a co-operative accredited by the National Council for
   Co-operation) from the installed plug-ins;
2. checks two sets of statutes against it on a date: one compliant, one that promises a 7 %
   dividend and lets a member cast a fifth of the votes;
3. splits a ristourne (patronage refund) of EUR 30,000 pro rata of each member's purchases,
   exact to the cent, with the worked example of the Belgian reference (CNC condition C6):
   purchases A 100,000, B 50,000, C 50,000 -> A 15,000, B 7,500, C 7,500;
4. splits an awkward amount (EUR 1,000.00 over three equal members) to show that no cent is lost.

It shows the library from Python; ``cooprules run examples/be-activity.toml`` evaluates a whole
year of a co-op from its scenario file.
"""

from __future__ import annotations

import sys
from datetime import date

import cooprules
from cooprules.explain import (
    Citation,
    Explanation,
    Severity,
    Step,
    Text,
    render_steps,
    render_violations,
)
from cooprules.money import Rate, allocate, format_amount, money
from cooprules.parameters import Capital, Voting


def main(lang: str = "en") -> int:
    """Print the evaluation; return the number of errors found in the non-compliant statutes."""
    regime = cooprules.get_regime("be-cnc")
    as_of = date(2026, 6, 30)
    print(f"Regime: {regime.code} - {regime.name} ({regime.name_en})")

    good = cooprules.Statutes(
        regime="be-cnc",
        name="Coopérative Exemple",
        values={Capital.dividend_cap: Rate.of("5%"), Voting.member_vote_cap: Rate.of("1/10")},
        articles={Capital.dividend_cap: "art. 41", Voting.member_vote_cap: "art. 27"},
    )
    bad = cooprules.Statutes(
        regime="be-cnc",
        name="Coopérative Trop Généreuse",
        values={Capital.dividend_cap: Rate.of("7%"), Voting.member_vote_cap: Rate.of("1/5")},
    )
    for statutes in (good, bad):
        violations = cooprules.validate(statutes, regime, as_of)
        print(f"\nStatutes of {statutes.name}: {len(violations)} violation(s)")
        if violations:
            print(render_violations(violations, lang="fr" if lang == "fr" else "en"))

    purchases = {"A": 100_000, "B": 50_000, "C": 50_000}
    refund = money("30000.00", "EUR")
    parts = allocate(refund, purchases)
    c6 = Citation(
        instrument="AR du 8 janvier 1962 (as replaced by the AR du 4 mai 2016)",
        article="art. 1 §1 (condition C6)",
        jurisdiction="BE",
    )
    steps = [
        Step(
            what=Text(en=f"Ristourne to member {member}", fr=f"Ristourne au membre {member}"),
            inputs={
                "refund": refund,
                "purchases": amount,
                "total purchases": sum(purchases.values()),
            },
            result=parts[member],
            citation=c6,
        )
        for member, amount in purchases.items()
    ]
    print("\nRistournes pro rata of purchases:")
    print(render_steps(Explanation(tuple(steps)), lang="fr" if lang == "fr" else "en"))

    thirds = allocate(money("1000.00", "EUR"), {"ana": 1, "bo": 1, "cy": 1})
    shown = ", ".join(f"{k} {format_amount(v)}" for k, v in thirds.items())
    print(f"\nEUR 1,000.00 over three equal members: {shown}")
    return sum(v.severity is Severity.ERROR for v in cooprules.validate(bad, regime, as_of))


if __name__ == "__main__":
    sys.exit(0 if main(*sys.argv[1:]) else 1)
