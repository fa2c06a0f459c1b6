"""cooprules' own plug-ins: jurisdiction regimes (``be``, ``fr``, ``qc``).

Each sub-package is registered under the ``cooprules`` entry-point group in ``pyproject.toml``,
exactly as a third party's plug-in would be; the core never imports them.
"""
