"""cooprules: the rules of co-operatives as exact, tested, explainable code.

The core (this package) holds no country: jurisdictions arrive as plug-ins (``cooprules_adapters``
ships Belgium, France and Quebec) found through the ``cooprules`` entry-point group.

```pycon
>>> import cooprules
>>> regime = cooprules.get_regime("fr-cae-scop")
>>> regime.name_en
'Business and employment co-operative (CAE) in SCOP form'

```
"""

from __future__ import annotations

from cooprules.accompaniment import Obligation, ObligationState
from cooprules.errors import CoopRulesError, UnknownRegime
from cooprules.explain import Citation, Confidence, Explanation, Step, Text, Violation
from cooprules.hookspecs import hookimpl
from cooprules.money import (
    Amount,
    Currency,
    Money,
    Rate,
    Rounding,
    Weight,
    allocate,
    format_amount,
    money,
    quantize,
)
from cooprules.plugins import (
    RegimeCatalogue,
    available_regimes,
    get_plugin_manager,
    get_regime,
    load_regimes,
)
from cooprules.regime import (
    Key,
    Parameter,
    Regime,
    Rules,
    StatuteArticles,
    Statutes,
    StatuteValues,
    bind,
    resolve,
    validate,
)

__version__ = "0.1.0.dev0"

__all__ = [
    "Amount",
    "Citation",
    "Confidence",
    "CoopRulesError",
    "Currency",
    "Explanation",
    "Key",
    "Money",
    "Obligation",
    "ObligationState",
    "Parameter",
    "Rate",
    "Regime",
    "RegimeCatalogue",
    "Rounding",
    "Rules",
    "StatuteArticles",
    "StatuteValues",
    "Statutes",
    "Step",
    "Text",
    "UnknownRegime",
    "Violation",
    "Weight",
    "__version__",
    "allocate",
    "available_regimes",
    "bind",
    "format_amount",
    "get_plugin_manager",
    "get_regime",
    "hookimpl",
    "load_regimes",
    "money",
    "quantize",
    "resolve",
    "validate",
]
