"""Voting colleges: each college's share of the result, kept within the regime's bounds.

Each college's share is its statute weight (equal shares by default). A college with no vote in
the majority's base is *absent*: its share is redistributed to the others in proportion to their
weights, then every share is brought within the regime's
[`CollegeBounds`][cooprules.voting.rules.CollegeBounds]: each share is ``clamp(t * weight, minimum,
maximum)`` with ``t`` solved exactly so that the shares add up to 1
([`bounded_shares()`][cooprules.voting.colleges.bounded_shares]). If the bounds cannot all hold (two
colleges left with a 50 % ceiling can, one cannot), the shares are as close as they can be and a
violation says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import attrs

from cooprules.errors import InvalidParameter
from cooprules.explain import Step, Text, Violation
from cooprules.voting.rules import College, CollegeBounds, _violation

__all__ = ["bounded_shares"]


def bounded_shares(
    weights: Mapping[str, Fraction], minimum: Fraction, maximum: Fraction
) -> tuple[dict[str, Fraction], bool]:
    """Scale ``weights`` to add up to 1, each share within ``[minimum, maximum]`` if possible.

    Each share is ``clamp(t * weight, minimum, maximum)``, with ``t`` solved exactly (the sum is
    piecewise linear in ``t``) so that the shares add up to 1.

    Returns:
        The shares, and whether every bound holds (``False`` when the bounds cannot all hold
        for this number of colleges: the shares are then as near as they can be).

    ```pycon
    >>> shares, ok = bounded_shares({"a": Fraction(3, 5), "b": Fraction(1, 5), "c": Fraction(1, 5)},
    ...                             Fraction(1, 10), Fraction(1, 2))
    >>> {k: str(v) for k, v in shares.items()}, ok
    ({'a': '1/2', 'b': '1/4', 'c': '1/4'}, True)

    ```
    """
    count = len(weights)
    if count == 0:
        return {}, True
    feasible = count * minimum <= 1 <= count * maximum
    if count * maximum < 1:
        maximum = Fraction(1, count)
    if count * minimum > 1:
        minimum = Fraction(1, count)
    total = sum(weights.values(), Fraction(0))
    if total == 0 or any(value <= 0 for value in weights.values()):
        base = {key: Fraction(1, count) for key in weights}
    else:
        base = {key: value / total for key, value in weights.items()}

    def clamp(t: Fraction, w: Fraction) -> Fraction:
        return min(maximum, max(minimum, t * w))

    # Each share is clamp(t * weight, minimum, maximum); their sum grows with t, piecewise
    # linearly: find the segment where it crosses 1 and solve it exactly.
    points = sorted({Fraction(0)} | {b / w for w in base.values() for b in (minimum, maximum)})
    start = points[0]
    for end in points[1:]:
        if sum(clamp(end, w) for w in base.values()) >= 1:
            break
        start = end
    else:  # pragma: no cover - the last point puts every share at the maximum, and count*max >= 1
        end = start
    fixed = sum(
        clamp(start, w) for w in base.values() if not minimum < (start + end) / 2 * w < maximum
    )
    slope = sum(w for w in base.values() if minimum < (start + end) / 2 * w < maximum)
    t = start if slope == 0 else (1 - fixed) / slope
    shares = {key: clamp(t, w) for key, w in base.items()}
    return shares, feasible


@attrs.frozen
class _Weighting:
    """The colleges weighed: their shares after bounds, the share for, and what was wrong."""

    shares: Mapping[str, Fraction]
    share_for: Fraction
    violations: tuple[Violation, ...]
    steps: tuple[Step, ...]


def _weigh_colleges(
    colleges: tuple[College, ...],
    bounds: CollegeBounds | None,
    *,
    votes_for: Mapping[str, Fraction],
    bases: Mapping[str, Fraction],
) -> _Weighting:
    """The college-weighted share for, from each college's votes for and majority's base.

    Raises:
        InvalidParameter: the statutes' college weights do not add up to 1.
    """
    weights = _statute_weights(colleges)
    violations = [] if bounds is None else _out_of_bounds(colleges, weights, bounds)
    attending = {code: w for code, w in weights.items() if bases[code] > 0}
    absent = sorted(weights.keys() - attending.keys())
    low = bounds.minimum if bounds is not None else Fraction(0)
    high = bounds.maximum if bounds is not None else Fraction(1)
    shares, feasible = bounded_shares(attending, low, high)
    if not feasible and bounds is not None:
        violations.append(
            _violation(
                "voting.college_bounds_unreachable",
                "colleges",
                Text(
                    "With {attending_count} college(s) voting, the shares cannot all lie within "
                    "{low} to {high}.",
                    attending_count=len(attending),
                    low=low,
                    high=high,
                ),
                bounds.citation,
            )
        )
    share_for = Fraction(0)
    for code, share in shares.items():
        share_for += share * votes_for[code] / bases[code]
    step = Step(
        Text("College weights"),
        {"statutes": weights, "absent": ", ".join(absent) or "-"},
        shares,
        bounds.citation if bounds is not None else None,
        Text("absent colleges' weight redistributed pro rata, then each kept within bounds")
        if absent
        else None,
    )
    return _Weighting(shares, share_for, tuple(violations), (step,))


def _statute_weights(colleges: tuple[College, ...]) -> dict[str, Fraction]:
    """Each college's statute weight (equal shares unless every college states one).

    Raises:
        InvalidParameter: the weights stated do not add up to 1.
    """
    stated = {c.code: c.weight for c in colleges}
    if any(w is None for w in stated.values()):
        return {code: Fraction(1, len(colleges)) for code in stated}
    weights = {code: w for code, w in stated.items() if w is not None}
    if sum(weights.values()) != 1:
        raise InvalidParameter(
            "statutes.colleges",
            {k: str(v) for k, v in weights.items()},
            "college weights must add up to 1",
        )
    return weights


def _out_of_bounds(
    colleges: tuple[College, ...], weights: Mapping[str, Fraction], bounds: CollegeBounds
) -> list[Violation]:
    """The violations of the statutes' colleges against the regime's bounds."""
    violations = []
    if len(colleges) < bounds.min_colleges:
        violations.append(
            _violation(
                "voting.too_few_colleges",
                "statutes.colleges",
                Text(
                    "{colleges_count} colleges; the law requires at least {min_colleges}.",
                    colleges_count=len(colleges),
                    min_colleges=bounds.min_colleges,
                ),
                bounds.citation,
            )
        )
    violations.extend(
        _violation(
            "voting.college_out_of_bounds",
            f"college:{code}",
            Text(
                "The statutes give college {code} {share} of the votes, outside {minimum} to "
                "{maximum}; it is brought within.",
                code=code,
                share=w,
                minimum=bounds.minimum,
                maximum=bounds.maximum,
            ),
            bounds.citation,
        )
        for code, w in sorted(weights.items())
        if not bounds.minimum <= w <= bounds.maximum
    )
    return violations
