# noqa: INP001 - a script, not a package
"""Write the scenario format's JSON Schema from the scenario classes.

Two identical copies: ``docs/scenario.schema.json`` (served by the repository at :data:`SCHEMA_ID`,
read by the docs and by taplo through ``.taplo.toml``) and
``src/cooprules_cli/scenario.schema.json`` (shipped in the wheel: ``cooprules schema`` prints it).
tests/core/scenario/test_scenario.py and tests/cli/test_package.py check both.
"""

import json
from pathlib import Path

from cooprules.scenario import json_schema
from cooprules.tables import TABLES

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "scenario.schema.json"
SHIPPED = ROOT / "src" / "cooprules_cli" / "scenario.schema.json"
SCHEMA_ID = "https://raw.githubusercontent.com/cooprules/cooprules/main/docs/scenario.schema.json"
"""Where the schema is served as JSON: the ``$id`` and the ``#:schema`` line of starter files."""


TABLES_SCHEMA = {
    "type": "object",
    "description": "large tables read from files, each relative to the scenario: CSV, Parquet "
    "or Arrow IPC (docs/tables.md)",
    "properties": {
        name: {"type": "string", "description": f"the {name} table's file (.csv, .parquet, .arrow)"}
        for name in TABLES
    },
    "additionalProperties": False,
}
"""``[tables]``: read before the scenario is structured (:mod:`cooprules.tables`): no class."""


def render() -> str:
    """The schema as the committed files' text, with its ``$id`` and ``[tables]``."""
    schema = {**json_schema(), "$id": SCHEMA_ID}  # the core names the HTML page
    schema["properties"] = {**schema["properties"], "tables": TABLES_SCHEMA}
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    for target in (TARGET, SHIPPED):
        target.write_text(render(), encoding="utf-8")
