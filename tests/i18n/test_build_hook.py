"""hatch_build.py compiles every catalog into the wheel, and never into the source tree."""

from __future__ import annotations

import importlib.util
import io
import sys
import types
from pathlib import Path

from babel.messages.mofile import read_mo

from cooprules.i18n import catalog

ROOT = Path(__file__).resolve().parents[2]


def _hook_module():
    try:
        import hatchling.builders.hooks.plugin.interface  # noqa: F401, PLC0415
    except ImportError:  # the build backend is not installed in the test environment: stand in
        interface = types.ModuleType("hatchling.builders.hooks.plugin.interface")

        class BuildHookInterface:
            def __init__(self, root: str, target_name: str) -> None:
                self.root, self.target_name = root, target_name

        interface.BuildHookInterface = BuildHookInterface  # type: ignore[attr-defined]
        for name in ("hatchling", "hatchling.builders", "hatchling.builders.hooks",
                     "hatchling.builders.hooks.plugin"):  # fmt: skip
            sys.modules.setdefault(name, types.ModuleType(name))
        sys.modules["hatchling.builders.hooks.plugin.interface"] = interface
    spec = importlib.util.spec_from_file_location("hatch_build", ROOT / "hatch_build.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_hook_ships_a_compiled_catalog_per_language_and_leaves_the_tree_alone():
    hook_module = _hook_module()
    hook = object.__new__(hook_module.CatalogBuildHook)
    hook.root, hook.target_name = str(ROOT), "wheel"  # what hatchling sets
    build_data: dict = {"force_include": {}}
    before = sorted(ROOT.glob("src/cooprules/locale/**/*.mo"))
    hook.initialize("standard", build_data)
    try:
        included = build_data["force_include"]
        assert sorted(included.values()) == [
            f"cooprules/locale/{lang}/LC_MESSAGES/cooprules.mo" for lang in ("de", "fr", "nl")
        ]
        fr_mo = next(Path(src) for src, dst in included.items() if "/fr/" in dst)
        compiled = read_mo(io.BytesIO(fr_mo.read_bytes()))
        assert {(m.context, m.id): m.string for m in compiled if m.id and m.string} == dict(
            catalog("cooprules", "fr")
        )
        assert sorted(ROOT.glob("src/cooprules/locale/**/*.mo")) == before == []
    finally:
        hook.finalize("standard", build_data, "")
    assert not Path(next(iter(included))).exists()


def test_the_hook_does_nothing_for_the_sdist():
    hook_module = _hook_module()
    hook = object.__new__(hook_module.CatalogBuildHook)
    hook.root, hook.target_name = str(ROOT), "sdist"
    build_data: dict = {"force_include": {}}
    hook.initialize("standard", build_data)
    assert build_data == {"force_include": {}}
