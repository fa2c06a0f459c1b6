"""The documentation site's setup: offline diagrams, the French guide, the API pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
DOCS = ROOT / "docs"


class _Loader(yaml.SafeLoader):
    """mkdocs.yml names Python objects (``!!python/name:``): read them as their names."""


_Loader.add_multi_constructor(
    "tag:yaml.org,2002:python/", lambda _loader, suffix, node: f"{suffix}:{node.value}"
)


@pytest.fixture(scope="module")
def config():
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506


def _plugin(config, name):
    for entry in config["plugins"]:
        if isinstance(entry, dict) and name in entry:
            return entry[name] or {}
        if entry == name:
            return {}
    raise AssertionError(f"plugin {name} is not configured")


def _nav_files(nav) -> list[str]:
    found: list[str] = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        found += _nav_files(value) if isinstance(value, list) else [value]
    return found


def test_mermaid_is_served_by_the_site_with_its_licence(config):
    bundled = DOCS / "assets" / "mermaid"
    assert (bundled / "mermaid.min.js").stat().st_size > 1_000_000
    assert "MIT License" in (bundled / "LICENSE").read_text(encoding="utf-8")
    template = (DOCS / "overrides" / "main.html").read_text(encoding="utf-8")
    assert "assets/mermaid/mermaid.min.js" in template
    assert not re.search(r"https?://", template)
    assert config["theme"]["custom_dir"] == "docs/overrides"
    assert config["theme"]["font"] is False  # no web fonts either


def test_the_french_guide_is_built_with_english_the_default(config):
    i18n = _plugin(config, "i18n")
    assert i18n["docs_structure"] == "suffix"  # x.fr.md beside x.md: cli.fr.md is picked up too
    assert i18n["fallback_to_default"] is True
    locales = {lang["locale"]: lang for lang in i18n["languages"]}
    assert locales["en"]["default"] is True
    assert "fr" in locales
    for page in ("getting-started", "concepts", "scenario"):
        assert (DOCS / f"{page}.fr.md").is_file(), page


def test_every_french_page_has_its_english_page():
    for page in DOCS.rglob("*.fr.md"):
        assert page.with_name(page.name.replace(".fr.md", ".md")).is_file(), page


def test_every_nav_title_is_translated(config):
    i18n = _plugin(config, "i18n")
    french = next(lang for lang in i18n["languages"] if lang["locale"] == "fr")
    titles: list[str] = []

    def walk(nav):
        for entry in nav:
            if isinstance(entry, dict):
                title, value = next(iter(entry.items()))
                if not re.fullmatch(r"[a-z0-9_]+", title):  # a module's name stays as it is
                    titles.append(title)
                if isinstance(value, list):
                    walk(value)

    walk(config["nav"])
    missing = [t for t in titles if t not in french["nav_translations"]]
    assert missing == []


def test_getting_started_shows_the_command_line_first():
    for name in ("getting-started.md", "getting-started.fr.md"):
        text = (DOCS / name).read_text(encoding="utf-8")
        first_block = text.index("```")
        assert text.index("cooprules init --regime be-activity") > first_block
        assert text.index("cooprules init") < text.index("```pycon")
        assert "cooprules run coop.toml" in text
        assert "cooprules run examples/be-activity.toml" in text
        assert text[first_block:].startswith("```console\npip install")


def test_the_api_pages_of_the_adapters_and_the_cli_are_in_the_nav(config):
    files = _nav_files(config["nav"])
    for name in ("be", "fr", "qc", "accounting", "payroll", "scenario"):
        assert f"api/adapters-{name}.md" in files
        assert (DOCS / "api" / f"adapters-{name}.md").is_file()
    assert "api/cli.md" in files
    assert "::: mkdocs-click" in (DOCS / "api" / "cli.md").read_text(encoding="utf-8")
    assert "mkdocs-click" in config["markdown_extensions"]


def test_the_charts_hook_is_configured(config):
    assert "docs/hooks/charts.py" in config["hooks"]
    assert "charts.md" in _nav_files(config["nav"])
