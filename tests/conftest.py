"""Shared test set-up: the hypothesis profiles.

* ``ci`` (chosen when the ``CI`` environment variable is set): deterministic (``derandomize``),
  no example database, a modest number of examples, no deadline (shared machines are slow), and
  the reproduction blob printed on failure.
* ``dev`` (the default): random examples with the local example database, so a failure found once
  is replayed first next time.
* ``mutation`` (chosen when mutmut runs the tests, ``MUTANT_UNDER_TEST`` set): derandomized, no
  example database, no deadline, so each mutant meets the same examples.

``HYPOTHESIS_PROFILE=ci pytest`` (or ``dev``) forces a profile.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import warnings

from hypothesis import HealthCheck, settings

# On a failure, hypothesis writes a patch with libcst; importing libcst emits a DeprecationWarning
# (from mypy_extensions) that the pyproject's filterwarnings=error turns into an INTERNALERROR
# hiding the failing example. Import it once here, quietly, when it is installed.
with contextlib.suppress(ImportError), warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    importlib.import_module("libcst")

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    max_examples=50,
    deadline=None,
    print_blob=True,
)
settings.register_profile(
    "dev",
    max_examples=100,
    deadline=None,
    print_blob=True,
)
# Mutation testing (mutmut sets MUTANT_UNDER_TEST): the same examples for every mutant, so a
# mutant is killed or not by the tests and not by luck; mutmut calls pytest many times in one
# process, which the differing-executors health check would take for a fault of the test.
settings.register_profile(
    "mutation",
    derandomize=True,
    database=None,
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.differing_executors, HealthCheck.too_slow],
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE")
    or ("mutation" if "MUTANT_UNDER_TEST" in os.environ else None)
    or ("ci" if os.environ.get("CI") else "dev")
)
