"""Hatch build hook: compile the gettext catalogs (.po) to .mo before the wheel is built.

As the ``holidays`` package does, the ``.po`` files are the source translators edit and the
``.mo`` files are built artefacts. The hook compiles every
``src/cooprules/locale/<lang>/LC_MESSAGES/cooprules.po`` with Babel into a temporary folder (never
into the source tree, so a checkout cannot hold a stale ``.mo``) and force-includes each ``.mo`` in
the wheel beside its ``.po``; at run time :mod:`cooprules.i18n` reads the ``.mo`` when it exists
(an installed wheel) and the ``.po`` otherwise (a checkout).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE = Path("src") / "cooprules" / "locale"


def compile_catalogs(root: Path, into: Path) -> dict[Path, str]:
    """Compile every ``.po`` of the package into ``into``; map each ``.mo`` to its wheel path."""
    written = {}
    for po in sorted((root / LOCALE).glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parent.parent.name)
        in_wheel = po.with_suffix(".mo").relative_to(root / "src")
        mo = into / in_wheel
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        written[mo] = in_wheel.as_posix()
    return written


class CatalogBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile the catalogs and ship the ``.mo`` files in the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:  # noqa: ARG002
        """Run before each build: compile, then add each ``.mo`` to the wheel."""
        if self.target_name != "wheel":
            return
        self._compiled = tempfile.TemporaryDirectory(prefix="cooprules-mo-")
        for mo, in_wheel in compile_catalogs(Path(self.root), Path(self._compiled.name)).items():
            build_data["force_include"][str(mo)] = in_wheel

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:  # noqa: ARG002
        """Run after each build: remove the compiled catalogs."""
        compiled = getattr(self, "_compiled", None)
        if compiled is not None:
            compiled.cleanup()
