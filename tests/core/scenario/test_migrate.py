"""cooprules migrate, its core: a version-1 file in format 2, its comments kept where possible."""

import datetime as dt
import tomllib
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cooprules.migrate import dumps, migrate
from cooprules.scenario import LeviesSpec, ScenarioError, loads

ROOT = Path(__file__).resolve().parents[3]
WORKED = sorted(ROOT.glob("src/cooprules_adapters/*/worked/*.toml"))
V1 = """# A co-op of format 1.
# Second line of the header.

[coop]
regime = "be-activity"   # the regime
name = "Coop"
year = 2025

# The contribution: art. 12 of the statutes.
[levies]
rate = "10%"
give_back_credit_notes = true

[[members]]
id = "ana"
events = [{ kind = "convention_signed", date = 2025-01-06 }]

[[activities]]
id = "a"
owner = "ana"
start = 2025-01-06
revenue = ["100.00", "-50.00"]
"""


def same_but_levies(old, new):
    """The two scenarios hold the same data, the levies in each format's shape."""
    assert new.format == 2
    assert old.format == 1
    if old.levies is None:
        assert new.levies is None
    else:
        assert isinstance(new.levies, LeviesSpec)
        ((schedule),) = new.levies.schedules
        assert attrs.asdict(old.levies).items() <= attrs.asdict(schedule).items()
    assert attrs.evolve(new, levies=None, format=1) == attrs.evolve(old, levies=None)


def test_the_text_is_edited_and_its_comments_kept():
    result = migrate(V1, name="v1.toml")
    assert (result.changed, result.comments_kept) == (True, True)
    assert result.text.splitlines()[:5] == [
        "# A co-op of format 1.",
        "# Second line of the header.",
        "",
        "format = 2",
        "",
    ]
    assert "# The contribution: art. 12 of the statutes.\n[[levies.schedules]]\n" in result.text
    assert 'regime = "be-activity"   # the regime' in result.text
    # Only the two lines changed.
    assert len(result.text.splitlines()) == len(V1.splitlines()) + 2
    same_but_levies(loads(V1), loads(result.text))


@pytest.mark.parametrize("path", WORKED, ids=lambda p: p.name)
def test_every_worked_example_migrates_with_its_comments(path):
    text = path.read_text(encoding="utf-8")
    result = migrate(text, name=str(path))
    assert result.comments_kept
    assert [line for line in text.splitlines() if line.startswith("#")] == [
        line for line in result.text.splitlines() if line.startswith("#")
    ]
    same_but_levies(loads(text), loads(result.text))


def test_bands_of_the_schedule_move_with_it():
    text = V1.replace('rate = "10%"\n', "") + (
        '[[levies.bands]]\nstart = "0"\nrate = "13%"\n'
        '[[levies.bands]]\nstart = "1000"\nrate = "12%"\n'
    )
    result = migrate(text)
    assert "[[levies.schedules.bands]]" in result.text
    assert result.comments_kept
    new = loads(result.text)
    assert [str(b.rate) for b in new.levies.schedules[0].bands] == ["13%", "12%"]
    same_but_levies(loads(text), new)


def test_levies_as_an_inline_table_is_written_anew_and_says_its_comments_are_lost():
    text = 'levies = { rate = "10%" }  # inline\n' + V1.replace('[levies]\nrate = "10%"\n', "")
    text = text.replace("give_back_credit_notes = true\n", "")
    result = migrate(text, name="inline.toml")
    assert (result.changed, result.comments_kept) == (True, False)
    assert "comments were lost" in result.notes[-1]
    assert result.text.startswith("# Migrated to format 2 by cooprules migrate from inline.toml")
    assert "# inline" not in result.text
    same_but_levies(loads(text), loads(result.text))


def test_an_explicit_format_1_becomes_2():
    result = migrate("format = 1  # old\n" + V1)
    assert result.text.startswith("format = 2  # old\n")
    assert result.comments_kept
    assert result.text.count("format =") == 1


def test_a_file_in_format_2_is_left_as_it_is():
    text = migrate(V1).text
    again = migrate(text)
    assert (again.changed, again.text) == (False, text)


def test_a_file_with_errors_is_not_migrated():
    with pytest.raises(ScenarioError) as info:
        migrate(
            V1.replace("year = 2025", 'year = "2025"').replace('"100.00"', "100.5"), name="b.toml"
        )
    assert [e.path for e in info.value.errors] == ["coop.year", "activities[0].revenue[0]"]


def test_crlf_line_ends_are_kept():
    text = V1.replace("\n", "\r\n")
    result = migrate(text)
    assert result.comments_kept
    assert "format = 2\r\n" in result.text
    assert "\n" not in result.text.replace("\r\n", "")


# --- the TOML writer ----------------------------------------------------------------------------

KEYS = st.text(min_size=1, max_size=8)
SCALARS = (
    st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.dates()
    | st.times()
    | st.datetimes()
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3),
    max_leaves=12,
)
TABLES = st.recursive(
    st.dictionaries(KEYS, VALUES, max_size=4),
    lambda inner: st.dictionaries(
        KEYS, inner | st.lists(inner, min_size=1, max_size=2), max_size=3
    ),
    max_leaves=8,
)


@given(TABLES)
@example({"a": {}, "b": [{}], "c": {"d": {}}})
@example({"k.ey": '\x7f\n\t"\\', "": [{"x": [{"y": 1}]}]})
@example({"d": dt.datetime(2025, 1, 1, tzinfo=dt.UTC), "t": dt.time(1, 2, 3, 4)})
# Found by hypothesis: a key ending in a newline was written bare (`$` matches before a final
# newline), so {"0": …, "0\n": …} declared "0" twice.
@example({"0": {}, "0\n": [{}]})
@example({"0\n": []})
def test_the_writer_round_trips_through_tomllib(data):
    assert tomllib.loads(dumps(data)) == data
