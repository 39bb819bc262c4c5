"""The Python package against the command: the same values, the same errors, Ctrl-C.

Run with ``python3 -m pytest crates/python/tests`` after ``pip install "./crates/python[test]"``
(``.ci/run`` does both). The command is ``target/release/wandel`` of the repository (built by
``cargo test --release``), or the one ``WANDEL_BIN`` names.
"""

import _thread
import json
import os
import subprocess
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

import wandel

ROOT = Path(__file__).resolve().parents[3]
STEEL = ROOT / "scenarios" / "steel_closure.toml"


def cli():
    path = Path(os.environ.get("WANDEL_BIN", ROOT / "target" / "release" / "wandel"))
    assert path.is_file(), f"no wandel command at {path}: build it with cargo build --release"
    return path


def cli_run(out, *args):
    subprocess.run(
        [str(cli()), "run", *map(str, args), "--out", str(out), "--quiet", "--no-charts"],
        check=True,
        cwd=ROOT,
    )
    return out


def test_a_run_has_the_commands_values(tmp_path):
    result = wandel.run(STEEL, replications=2, counterfactual="no-shocks")
    out = cli_run(
        tmp_path / "cli", STEEL, "--set", "simulation.replications=2", "--counterfactual", "no-shocks"
    )
    summary = json.loads((out / "summary.json").read_text())
    by_name = {i["name"]: i["mean"] for i in summary["indicators"]}
    assert result.summary["unemployment_rate.mean"] == by_name["unemployment_rate.mean"]
    for name, value in by_name.items():
        assert result.summary[name] == value, name
    for table in ["economy", "markets", "cohorts", "effects", "ledger"]:
        frame = getattr(result, table)
        assert frame is not None, table
        pd.testing.assert_frame_equal(frame, pd.read_csv(out / f"{table}.csv"), check_exact=True)
    # Numbers are numbers.
    assert pd.api.types.is_float_dtype(result.economy["unemployment_rate"])
    # A finished directory reads back the same.
    again = wandel.load(result.dir)
    pd.testing.assert_frame_equal(again.economy, result.economy)
    assert again.summary == result.summary


def test_set_and_threads_reach_the_run():
    one = wandel.run(STEEL, replications=2, threads=1, set={"matching.suitability": 0.06})
    two = wandel.run(STEEL, replications=2, threads=2, set={"matching.suitability": 0.06})
    pd.testing.assert_frame_equal(one.economy, two.economy, check_exact=True)
    plain = wandel.run(STEEL, replications=2)
    assert not one.economy.equals(plain.economy)


def test_a_bad_scenario_raises_the_commands_located_message(tmp_path):
    with pytest.raises(wandel.WandelError) as error:
        wandel.run(STEEL, set={"matching.suitability": 7})
    message = str(error.value)
    assert "matching.suitability: must be a number in [0, 1], got 7" in message
    assert "-->" in message
    bad = tmp_path / "bad.toml"
    bad.write_text('format = 2\n[simulation]\nmonths = "many"\n')
    with pytest.raises(wandel.WandelError) as error:
        wandel.run(bad)
    assert "bad.toml:3" in str(error.value), str(error.value)


def test_ctrl_c_stops_a_run_and_writes_nothing(tmp_path):
    out = tmp_path / "stopped"
    timer = threading.Timer(1.0, _thread.interrupt_main)
    started = time.monotonic()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        wandel.run(STEEL, replications=10, out=out)
    timer.cancel()
    assert time.monotonic() - started < 30
    assert not (out / "summary.json").exists()
    # The next run is not stopped by the old interrupt.
    assert wandel.run(STEEL, replications=2).summary["unemployment_rate.mean"] > 0


def test_a_sweep_returns_its_tables(tmp_path):
    sweep_file = tmp_path / "sweep.toml"
    sweep_file.write_text(
        f'base = "{STEEL.as_posix()}"\nseed = 1\nreplications = 1\ndesign = "grid"\n'
        'keep = ["unemployment_rate.mean"]\n\n[parameters]\n'
        '"matching.suitability" = [0.05, 0.07]\n'
    )
    result = wandel.sweep(sweep_file, out=tmp_path / "s")
    assert len(result.runs) == 2
    assert set(["point", "replication"]).issubset(result.runs.columns)
    assert isinstance(wandel.load(result.dir), wandel.SweepResult)


def test_a_run_in_german_has_a_german_report():
    result = wandel.run(
        STEEL, replications=1, set={"simulation.months": 36}, lang="de", charts=True
    )
    html = (result.dir / "report.html").read_text()
    assert '<html lang="de">' in html
    assert "Kernindikatoren" in html
    # The data files do not change with the language.
    assert result.summary["indicators"][0]["label"] == "Unemployment rate, mean over the run"


def test_the_readmes_python_command_prints_the_commands_number(tmp_path):
    """The README's second Python line, run as written from the repository root, prints the
    mean unemployment rate that the command's summary.json holds for the same run."""
    readme = (ROOT / "README.md").read_text()
    line = next(l for l in readme.splitlines() if l.startswith('python3 -c "import wandel'))
    code = line[len('python3 -c "') : -1]
    printed = subprocess.run(
        ["python3", "-c", code], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()
    out = cli_run(tmp_path / "cli", STEEL, "--set", "simulation.replications=2")
    summary = json.loads((out / "summary.json").read_text())
    mean = next(i["mean"] for i in summary["indicators"] if i["name"] == "unemployment_rate.mean")
    assert printed == repr(mean), (printed, mean)
