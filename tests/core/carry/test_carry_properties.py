"""Random multi-year histories: not a cent of capital, reserves or activities' money is lost.

Each example is a co-op (be-activity) over two to four financial years: members holding shares
(some paid in part), two reserves, an activity per member with monthly revenue and costs, and a
surplus or a loss each year. Year 1 is a scenario on its own; each later year opens on the one
before through its closing, written as JSON and given inline (``[opening]``), with its own
subscriptions, pay-ups, reserve allocations and figures. Checked for every year:

* the closing file reads back to the same state (and the same text);
* the opening of year N+1 is the closing of year N (reserves, capital subscribed and paid up,
  every activity's treasury);
* closing = opening + the year's movements: capital plus what was subscribed and paid; reserves
  plus allocations less the loss absorbed (up to the reserves' balances, the rest carried
  forward); each activity plus its revenue less its costs and its levy.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from cooprules.carry import close, read_closing
from cooprules.migrate import dumps
from cooprules.money import to_minor_units
from cooprules.plugins import get_regime
from cooprules.report import evaluate
from cooprules.scenario import loads

REGIME = get_regime("be-activity")
FIRST = 2024
NOMINAL = 2500  # 25.00 EUR a share, in cents


def cents(units):
    sign = "-" if units < 0 else ""
    units = abs(units)
    return f"{sign}{units // 100}.{units % 100:02d}"


amounts = st.integers(min_value=0, max_value=500_000)


@st.composite
def year_facts(draw, members):
    """One year's own facts: each activity's months, new shares, pay-ups, allocations, result."""
    months = draw(st.integers(min_value=1, max_value=12))
    return {
        "revenue": {m: draw(st.lists(amounts, min_size=months, max_size=months)) for m in members},
        "costs": {m: draw(st.lists(amounts, min_size=0, max_size=months)) for m in members},
        "new_shares": {m: draw(st.integers(min_value=0, max_value=3)) for m in members},
        "pay_share": {m: draw(st.integers(min_value=0, max_value=100)) for m in members},
        "allocations": {r: draw(amounts) for r in ("legal", "other")},
        "surplus": draw(st.integers(min_value=-3_000_000, max_value=1_000_000)),
    }


@st.composite
def histories(draw):
    count = draw(st.integers(min_value=1, max_value=3))
    members = [f"m{i}" for i in range(count)]
    first = {
        "shares": {m: draw(st.integers(min_value=1, max_value=8)) for m in members},
        "paid_share": {m: draw(st.integers(min_value=0, max_value=100)) for m in members},
        "reserves": {r: draw(amounts) for r in ("legal", "other")},
        "balances": {m: draw(amounts) for m in members},
    }
    years = draw(st.lists(year_facts(members), min_size=2, max_size=4))
    return members, first, years


def members_toml(members, year):
    if year != FIRST:
        return ""
    out = ""
    for m in members:
        out += f'[[members]]\nid = "{m}"\nevents = [{{ kind = "admitted", date = 2020-01-01 }}]\n'
    return out


def year_toml(members, first, facts, year, unpaid):
    """One year's scenario, without its opening; ``unpaid`` is what each member still owes."""
    text = f'[coop]\nregime = "be-activity"\nname = "Coop"\nyear = {year}\n[levies]\nrate = "10%"\n'
    text += members_toml(members, year)
    text += '[[share_classes]]\ncode = "A"\nnominal = "25.00"\n'
    paid_in = {}
    for m in members:
        if year == FIRST:
            shares = first["shares"][m]
            paid = shares * NOMINAL * first["paid_share"][m] // 100
            text += (
                f'[[share_operations]]\nid = "s-{m}"\nkind = "subscribe"\ndate = 2020-01-01\n'
                f'member = "{m}"\nshare_class = "A"\nshares = {shares}\namount = "{cents(paid)}"\n'
            )
        new = facts["new_shares"][m]
        paid_in[m] = 0
        if new:
            paid = new * NOMINAL // 2
            paid_in[m] += paid
            text += (
                f'[[share_operations]]\nid = "n-{m}-{year}"\nkind = "subscribe"\n'
                f'date = {year}-03-01\nmember = "{m}"\nshare_class = "A"\nshares = {new}\n'
                f'amount = "{cents(paid)}"\n'
            )
        owed = unpaid.get(m, 0)
        pay = owed * facts["pay_share"][m] // 100
        if pay:
            paid_in[m] += pay
            text += (
                f'[[share_operations]]\nid = "p-{m}-{year}"\nkind = "pay_up"\n'
                f'date = {year}-02-01\nmember = "{m}"\nshare_class = "A"\n'
                f'amount = "{cents(pay)}"\n'
            )
    for code in ("legal", "other"):
        text += f'[[reserves]]\ncode = "{code}"\n'
        if year == FIRST:
            text += f'opening = "{cents(first["reserves"][code])}"\n'
        allocation = facts["allocations"][code]
        if allocation:
            text += (
                f'[[reserves.movements]]\nid = "al-{code}-{year}"\nkind = "allocation"\n'
                f'date = {year}-06-30\namount = "{cents(allocation)}"\n'
            )
    for m in members:
        revenue = ", ".join(f'"{cents(v)}"' for v in facts["revenue"][m])
        costs = ", ".join(f'"{cents(v)}"' for v in facts["costs"][m])
        text += (
            f'[[activities]]\nid = "act-{m}"\nowner = "{m}"\nstart = 2020-01-01\n'
            f"revenue = [{revenue}]\ndirect_costs = [{costs}]\n"
        )
        if year == FIRST:
            text += f'opening_balance = "{cents(first["balances"][m])}"\n'
    text += f'[accounts]\nsurplus = "{cents(facts["surplus"])}"\n'
    return text, paid_in


def unpaid_of(state):
    out = {}
    for h in state.holdings:
        out[h.member] = (
            out.get(h.member, 0) + to_minor_units(h.subscribed) - to_minor_units(h.paid_up)
        )
    return out


@settings(max_examples=15)
@given(histories())
def test_every_cent_is_carried_from_year_to_year(history):
    members, first, years = history
    state = None
    for offset, facts in enumerate(years):
        year = FIRST + offset
        text, paid_in = year_toml(
            members, first, facts, year, unpaid_of(state) if state is not None else {}
        )
        if state is not None:
            text = dumps({"opening": json.loads(state.to_json())}) + text
        scenario = loads(text, name=f"y{year}.toml")
        report = evaluate(scenario, as_of=date(year, 12, 31), regime=REGIME)
        closing = close(scenario, report)

        # The closing file reads back to the same state.
        again = read_closing(json.loads(closing.to_json()), file="c.json")
        assert again == closing
        assert again.to_json() == closing.to_json()

        if state is not None:
            # Opening of this year == closing of the year before.
            openings = {r.code: r.opening for r in scenario.reserves}
            assert openings == {r.code: r.balance for r in state.reserves}
            day = date(year, 1, 1) - timedelta(days=1)
            register = report.share_register
            assert register.paid_up_capital(day) == state.paid_up
            assert register.subscribed_capital(day) == state.subscribed
            opened = {a.id: a.opening_balance for a in scenario.activities}
            assert opened == {a.id: a.balance for a in state.activities}
            before_paid = to_minor_units(state.paid_up)
            before_subscribed = to_minor_units(state.subscribed)
            before_reserves = to_minor_units(state.reserves_total)
            before_loss = to_minor_units(state.loss)
            before_activities = {a.id: to_minor_units(a.balance) for a in state.activities}
        else:
            before_paid = sum(
                first["shares"][m] * NOMINAL * first["paid_share"][m] // 100 for m in members
            )
            before_subscribed = sum(first["shares"][m] * NOMINAL for m in members)
            before_reserves = sum(first["reserves"].values())
            before_loss = 0
            before_activities = {f"act-{m}": first["balances"][m] for m in members}

        # Closing == opening + the year's movements, to the cent.
        new_nominal = sum(facts["new_shares"][m] * NOMINAL for m in members)
        assert to_minor_units(closing.subscribed) == before_subscribed + new_nominal
        assert to_minor_units(closing.paid_up) == before_paid + sum(paid_in.values())
        allocations = sum(facts["allocations"].values())
        available = before_reserves + allocations
        loss = max(0, -facts["surplus"])
        absorbed = min(loss, available)
        assert to_minor_units(closing.reserves_total) == available - absorbed
        assert to_minor_units(closing.loss) == before_loss + loss - absorbed
        levies = {row.activity: to_minor_units(row.total) for row in report.levies}
        for m in members:
            key = f"act-{m}"
            moved = sum(facts["revenue"][m]) - sum(facts["costs"][m]) - levies[key]
            (carried,) = [a for a in closing.activities if a.id == key]
            assert to_minor_units(carried.balance) == before_activities[key] + moved
        assert to_minor_units(closing.activities_total) == sum(before_activities.values()) + sum(
            sum(facts["revenue"][m]) - sum(facts["costs"][m]) - levies[f"act-{m}"] for m in members
        )
        state = closing
