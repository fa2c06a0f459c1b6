"""What the benchmark scripts share: best-of-N wall-clock timing.

The scripts run as ``python benchmarks/<script>.py``, which puts this folder on ``sys.path``.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def best_of(repeat: int, function: Callable[[], T], *, collect: bool = False) -> tuple[float, T]:
    """Run ``function`` ``repeat`` times; return the fastest wall-clock time and the last result.

    With ``collect``, a full garbage collection runs before each run, outside the timing.
    """
    best = float("inf")  # a duration in seconds, not money
    result: T | None = None
    for _ in range(repeat):
        if collect:
            gc.collect()
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    assert result is not None  # noqa: S101 - repeat >= 1
    return best, result
