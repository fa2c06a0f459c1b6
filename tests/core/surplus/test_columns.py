"""The waterfall over integer tables (the columnar fast path) equals the exact path.

A measure whose values are all ``int`` is split as integer columns, checked in C, without a dict
per step; a table with one ``Decimal`` goes through the exact path, value by value. The two must
give every member the same part, to the cent.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import given
from tests.core.surplus.test_properties import assert_same, engine_figures, engine_steps

from cooprules.surplus import Waterfall, YearFigures, distribute


def _as_decimals(figures: YearFigures) -> YearFigures:
    return attrs.evolve(
        figures,
        measures={
            name: {m: Decimal(v) for m, v in table.items()}
            for name, table in figures.measures.items()
        },
    )


@given(engine_steps(), engine_figures())
def test_integer_measures_split_as_their_decimal_copies(steps, figures):
    waterfall = Waterfall(steps)
    assert_same(distribute(waterfall, figures), distribute(waterfall, _as_decimals(figures)))
    for fast, exact in zip(
        distribute(waterfall, figures).steps,
        distribute(waterfall, _as_decimals(figures)).steps,
        strict=True,
    ):
        assert list(fast.shares) == list(exact.shares)  # the members in the table's order
