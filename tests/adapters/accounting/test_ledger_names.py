"""Ledger names that never collide (issue 14.5): ids become account components injectively.

:func:`~cooprules_adapters.accounting.charts.ledger_id` keeps a simple id readable (``ana`` ->
``Ana``) and gives any other id a readable part and ten hex digits of its SHA-256 (``Ben-1`` ->
``Ben-1-H1EFE39C7A1``). These properties check that distinct ids, whatever their text (unicode,
case variants, spaces, punctuation), give distinct components; that each component is one that
beancount accepts (its own ``ACC_COMP_NAME_RE``); and that a register written as a ledger and
loaded by beancount gives every member the capital the register says they hold.
"""

from __future__ import annotations

import io
import unicodedata
from datetime import date
from decimal import Decimal

import regex
from beancount import loader
from beancount.core import account as bc_account
from beancount.core import realization
from hypothesis import example, given
from hypothesis import strategies as st

from cooprules.capital import Operation, OperationKind, ShareClass, ShareRegister
from cooprules.money import money
from cooprules_adapters.accounting import (
    BE_PCMN,
    FR_PCG,
    QC_CHART,
    Role,
    book_share_register,
    write_beancount,
)
from cooprules_adapters.accounting.charts import ledger_id

COMPONENT = regex.compile(rf"(?:{bc_account.ACC_COMP_NAME_RE})\Z")
"""One beancount account component (beancount's own pattern, which needs the ``regex`` module)."""


def _variants(text: str) -> list[str]:
    """Texts a careless writer would confuse with ``text``: case, spacing, punctuation, accents."""
    return [
        text,
        text.upper(),
        text.lower(),
        text.title(),
        text.swapcase(),
        f" {text}",
        f"{text} ",
        text.replace("-", "_"),
        text.replace("-", " "),
        text.replace(" ", "-"),
        text.replace(" ", ""),
        unicodedata.normalize("NFC", text),
        unicodedata.normalize("NFD", text),
        unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode(),
    ]


_SIMPLE = st.from_regex(r"[a-z0-9][a-z0-9-]{0,8}", fullmatch=True)
_ANY = st.text(min_size=1, max_size=12)
ids = st.one_of(_SIMPLE, _ANY, _SIMPLE.map(_variants).flatmap(st.sampled_from))
"""Member or activity ids: simple ones, any text, and look-alikes of simple ones."""


@given(st.lists(st.one_of(ids, _ANY.map(_variants)), min_size=1, max_size=6))
@example([["ben-1", "Ben-1", "a b", "a_b", "é-1", "e-1", "a-b", "A-B", "AB"]])
@example([["ana", "Ana", "ana ", "ANA", "an\u0303a", "añа"]])  # ñ composed, NFD, Cyrillic а
def test_distinct_ids_give_distinct_valid_components(groups):
    texts = {t for group in groups for t in ([group] if isinstance(group, str) else group) if t}
    components = {text: ledger_id(text) for text in texts}
    assert len(set(components.values())) == len(texts), components
    for text, component in components.items():
        assert COMPONENT.match(component), (text, component)
        assert ledger_id(text) == component  # stable: the same id, the same name


def _beancount_balances(text: str, currency: str) -> dict[str, Decimal]:
    entries, errors, _options = loader.load_string(text)
    assert errors == [], [e.message for e in errors]
    real = realization.realize(entries)
    return {
        node.account: node.balance.get_currency_units(currency).number
        for node in realization.iter_children(real)
        if node.txn_postings
    }


@st.composite
def registers(draw: st.DrawFn) -> ShareRegister:
    """A small register whose members have ids of any text; some subscriptions partly paid."""
    members = draw(st.lists(ids.filter(str.strip), min_size=1, max_size=5, unique=True))
    operations = []
    for n, member in enumerate(members):
        shares = draw(st.integers(1, 20))
        paid = draw(st.one_of(st.none(), st.integers(0, shares * 2500)))
        amount = None if paid is None else money(Decimal(paid) / 100, "EUR")
        operations.append(
            Operation(
                f"s{n}",
                OperationKind.SUBSCRIBE,
                date(2025, draw(st.integers(1, 12)), 1),
                member,
                "A",
                shares=shares,
                amount=amount,
            )
        )
        if paid is not None and paid < shares * 2500 and draw(st.booleans()):
            operations.append(
                Operation(
                    f"p{n}",
                    OperationKind.PAY_UP,
                    date(2025, 12, 31),
                    member,
                    "A",
                    amount=money(Decimal(shares * 2500 - paid) / 100, "EUR"),
                )
            )
    return ShareRegister("EUR", [ShareClass("A", money("25.00", "EUR"))], operations)


@given(registers(), st.sampled_from([FR_PCG, BE_PCMN]))
@example(
    ShareRegister(
        "EUR",
        [ShareClass("A", money("25.00", "EUR"))],
        [
            Operation(f"s{n}", OperationKind.SUBSCRIBE, date(2025, 1, 1), m, "A", shares=n + 1)
            for n, m in enumerate(["ben-1", "Ben-1", "a b", "a_b", "é-1", "e-1"])
        ],
    ),
    FR_PCG,
)
def test_each_members_ledger_capital_is_their_register_holding(register, chart):
    out = io.StringIO()
    write_beancount(
        book_share_register(register, chart), out, open_date=date(2025, 1, 1), currency="EUR"
    )
    got = _beancount_balances(out.getvalue(), "EUR")
    capital = chart.account(Role.CAPITAL).ledger_name(chart.jurisdiction)
    receivable = chart.account(Role.CAPITAL_RECEIVABLE).ledger_name(chart.jurisdiction)
    on = date(2025, 12, 31)
    for member in register.members:
        held = register.holding(member, "A", on)
        name = ledger_id(member)
        assert -got.get(f"{capital}:{name}", Decimal(0)) == held.subscribed.amount, member
        assert got.get(f"{receivable}:{name}", Decimal(0)) == held.unpaid.amount, member
    per_member = [a for a in got if a.startswith(f"{capital}:")]
    assert len(per_member) == len(register.members)  # one account each, none merged


def test_a_quebec_register_books_each_member_apart():
    members = ["ben-1", "Ben-1", "a b", "a_b"]
    register = ShareRegister(
        "CAD",
        [ShareClass("A", money("10.00", "CAD"))],
        [
            Operation(f"s{n}", OperationKind.SUBSCRIBE, date(2025, 1, 1), m, "A", shares=n + 1)
            for n, m in enumerate(members)
        ],
    )
    out = io.StringIO()
    write_beancount(
        book_share_register(register, QC_CHART), out, open_date=date(2025, 1, 1), currency="CAD"
    )
    got = _beancount_balances(out.getvalue(), "CAD")
    capital = QC_CHART.account(Role.CAPITAL).ledger_name(QC_CHART.jurisdiction)
    assert {m: -got[f"{capital}:{ledger_id(m)}"] for m in members} == {
        "ben-1": Decimal("10.00"),
        "Ben-1": Decimal("20.00"),
        "a b": Decimal("30.00"),
        "a_b": Decimal("40.00"),
    }
