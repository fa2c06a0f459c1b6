# noqa: INP001 - a script, not a package
"""Write docs/scenario.schema.json from the scenario classes.

tests/core/scenario/test_scenario.py checks it.
"""

import json
from pathlib import Path

from cooprules.scenario import json_schema

TARGET = Path(__file__).resolve().parent.parent / "docs" / "scenario.schema.json"


def render() -> str:
    """The schema as the committed file's text."""
    return json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
