"""The ``cooprules`` command: evaluate a co-op's whole year from a scenario file.

``cooprules run FILE`` prints the report (rich tables, ``--format json`` or ``markdown``),
``cooprules check FILE`` validates the statutes and the data, ``cooprules regimes`` lists the
installed regimes, ``cooprules regime CODE`` prints a regime's parameters in force on a date with
their sources, ``cooprules test FILES`` checks the figures stated in each file's ``[expected]``
section. Exit codes: 0 ok, 1 violations found by ``check`` or a figure not met by ``test``, 2 bad
input or file error.

This package is the application layer: it uses the core (`cooprules`) and the plug-ins
([`cooprules_adapters`][cooprules_adapters]), which never import it.
"""

from cooprules_cli.main import main

__all__ = ["main"]
