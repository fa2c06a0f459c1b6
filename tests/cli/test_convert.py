"""`cooprules convert`: every sample's tables as CSV or Parquet files give the same report."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cooprules_cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SAMPLES = sorted(EXAMPLES.glob("*.toml"))


def _invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _has_pyarrow():
    try:
        import pyarrow.parquet  # noqa: F401, PLC0415
    except ImportError:
        return False
    return True


FORMATS = [
    "csv",
    pytest.param(
        "parquet",
        marks=pytest.mark.skipif(not _has_pyarrow(), reason="pyarrow (cooprules[columns]) absent"),
    ),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("sample", SAMPLES, ids=[s.stem for s in SAMPLES])
def test_the_converted_sample_gives_the_same_json_report(sample, fmt, tmp_path, monkeypatch):
    original = tmp_path / "original"
    original.mkdir()
    shutil.copy(sample, original / sample.name)
    for closing in EXAMPLES.glob("*-closing.json"):  # the year a sample opens on (years.md)
        shutil.copy(closing, original / closing.name)
    converted = tmp_path / "converted"
    result = _invoke("convert", original / sample.name, "--to", fmt, "--output", converted)
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in converted.iterdir())
    assert f"activity_lines.{fmt}" in written or "[[activities]]" not in sample.read_text()
    assert f"member_events.{fmt}" in written or "[opening]" in sample.read_text()
    text = (converted / sample.name).read_text(encoding="utf-8")
    assert "[tables]" in text
    assert "[[members]]" not in text
    reports = []
    for folder in (original, converted):  # the same file name: the report's source is the same
        monkeypatch.chdir(folder)
        result = _invoke("run", sample.name, "--format", "json")
        assert result.exit_code == 0, result.output
        reports.append(result.output)
    assert reports[0] == reports[1]


def test_a_converted_scenario_converts_again(tmp_path):
    sample = EXAMPLES / "qc-work.toml"
    assert _invoke("convert", sample, "--to", "csv", "-o", tmp_path / "a").exit_code == 0
    again = _invoke("convert", tmp_path / "a" / sample.name, "--to", "csv", "-o", tmp_path / "b")
    assert again.exit_code == 0, again.output
    for name in ("member_events.csv", "measures.csv", "ballots.csv"):
        assert (tmp_path / "a" / name).read_text() == (tmp_path / "b" / name).read_text()


def test_the_output_may_not_overwrite_the_scenario(tmp_path):
    shutil.copy(EXAMPLES / "fr-scic.toml", tmp_path / "fr-scic.toml")
    result = _invoke("convert", tmp_path / "fr-scic.toml", "--to", "csv", "-o", tmp_path)
    assert result.exit_code == 2
    assert "the output folder holds the scenario itself" in result.output


def test_a_scenario_with_errors_is_not_converted(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[coop]\nregime = "be-cnc"\nyear = "2025"\n', encoding="utf-8")
    result = _invoke("convert", bad, "--to", "csv", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "coop.year: expected an integer" in result.output
    assert not (tmp_path / "out").exists()


def test_parquet_without_pyarrow_exits_2_with_one_line_naming_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    result = _invoke("convert", EXAMPLES / "fr-scic.toml", "--to", "parquet", "-o", tmp_path)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert "needs pyarrow: pip install 'cooprules[columns]'" in lines[0]


def test_run_of_a_parquet_scenario_without_pyarrow_exits_2_naming_the_extra(tmp_path, monkeypatch):
    result = _invoke("convert", EXAMPLES / "be-activity.toml", "--to", "csv", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    (tmp_path / "activity_lines.parquet").write_bytes(b"PAR1")
    converted = tmp_path / "be-activity.toml"
    text = converted.read_text(encoding="utf-8")
    converted.write_text(text.replace('"activity_lines.csv"', '"activity_lines.parquet"'), "utf-8")
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    result = _invoke("run", converted)
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert line == (
        f"error: {tmp_path / 'activity_lines.parquet'}: (file): reading Parquet files needs "
        f"pyarrow: pip install 'cooprules[columns]' (got '{tmp_path / 'activity_lines.parquet'}')"
    )
