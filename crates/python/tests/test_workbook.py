"""The Excel workbook (`wandel export --xlsx`, `--xlsx` on run and sweep) read by an
independent reader, openpyxl: every table, numbers as numbers, months as dates, units in the
header row, frozen header rows, and the same values as the run's own files.

Run with ``python3 -m pytest crates/python/tests`` (``.ci/run`` does); the command is
``target/release/wandel`` of the repository, or the one ``WANDEL_BIN`` names.
"""

import datetime
import json
import os
import subprocess
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "scenarios" / "policies" / "transition_package.toml"
STEEL = ROOT / "scenarios" / "steel_closure.toml"


def cli():
    path = Path(os.environ.get("WANDEL_BIN", ROOT / "target" / "release" / "wandel"))
    assert path.is_file(), f"no wandel command at {path}: build it with cargo build --release"
    return path


@pytest.fixture(scope="module")
def package_run(tmp_path_factory):
    """The transition package's decomposition run, two replications, with its workbook."""
    out = tmp_path_factory.mktemp("package")
    subprocess.run(
        [
            str(cli()), "run", str(PACKAGE), "--decompose", "--set", "simulation.replications=2",
            "--out", str(out), "--quiet", "--no-charts", "--xlsx",
        ],
        check=True,
        cwd=ROOT,
    )
    return out


def rows(sheet):
    """The sheet's rows as dicts keyed by the header row."""
    values = list(sheet.iter_rows(values_only=True))
    return [dict(zip(values[0], r)) for r in values[1:]]


def test_the_workbook_of_a_decomposition_run_holds_every_table(package_run):
    book = openpyxl.load_workbook(package_run / "results.xlsx")
    assert book.sheetnames == [
        "About", "Summary", "Effects vs no-policies", "Policies", "Decomposition",
        "Effects by month", "Follow-up", "Ledger by year", "Cohorts", "Economy",
        "Policies by month", "Markets", "Events",
    ]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.max_row > 1, sheet.title
    about = {r["field"]: r["value"] for r in rows(book["About"])}
    manifest = json.loads((package_run / "manifest.json").read_text())
    assert about["Scenario"] == "transition_package"
    assert about["Seed"] == str(manifest["seed"])
    assert about["Wandel version"] == manifest["wandel_version"]
    assert about["Replications"] == 2
    assert "docs/calibration.md" in about["Sources"]


def test_numbers_are_numbers_with_the_runs_values(package_run):
    book = openpyxl.load_workbook(package_run / "results.xlsx")
    summary = json.loads((package_run / "summary.json").read_text())

    # Headline indicators and effects: the same numbers, with their intervals and base counts.
    by_key = {r["key"]: r for r in rows(book["Summary"])}
    for i in summary["indicators"]:
        row = by_key[i["name"]]
        assert isinstance(row["mean"], (int, float)), i["name"]
        assert row["mean"] == pytest.approx(i["mean"], rel=1e-12, abs=1e-12)
        assert row["replications"] == 2
        if "workers" in i:
            assert row["workers"] == i["workers"]
    effects = {r["key"]: r for r in rows(book["Effects vs no-policies"])}
    for e in summary["effects"]:
        assert effects[e["name"]]["mean"] == pytest.approx(e["mean"], rel=1e-12, abs=1e-12)
        if e["ci95_low"] is not None:
            assert effects[e["name"]]["ci95_low"] == pytest.approx(e["ci95_low"], rel=1e-12)

    # Economy: means over replications, months as dates, units in the header.
    economy = pd.read_csv(package_run / "economy.csv")
    mean = economy.groupby("month", sort=False).mean(numeric_only=True)
    sheet = rows(book["Economy"])
    assert len(sheet) == len(mean)
    first = sheet[0]
    assert isinstance(first["month"], datetime.datetime)
    assert first["month"].strftime("%Y-%m") == mean.index[0]
    assert first["unemployed (workers)"] == pytest.approx(mean["unemployed"].iloc[0])
    assert first["unemployment_rate (fraction)"] == pytest.approx(mean["unemployment_rate"].iloc[0])
    assert first["mean_wage (€ per month)"] == pytest.approx(mean["mean_wage"].iloc[0])
    assert first["replications"] == 2

    # The ledger by calendar year: the scenario's net cost in 2027 is the months' sum, averaged
    # over replications; the difference row is scenario minus no-policies.
    ledger = pd.read_csv(package_run / "ledger.csv")
    ledger["year"] = ledger["month"].str[:4].astype(int)
    net = ledger[(ledger["item"] == "net_cost") & (ledger["year"] == 2027)]
    by_arm = net.groupby(["arm", "replication"])["amount"].sum().groupby("arm").mean()
    book_net = {
        r["arm"]: r["amount (€)"]
        for r in rows(book["Ledger by year"])
        if r["item"] == "net_cost" and r["year"] == 2027
    }
    assert book_net["scenario"] == pytest.approx(by_arm["scenario"])
    assert book_net["no-policies"] == pytest.approx(by_arm["no-policies"])
    assert book_net["scenario − no-policies"] == pytest.approx(
        by_arm["scenario"] - by_arm["no-policies"]
    )

    # The decomposition as written; a verdict is text, an empty cell is empty.
    decomposition = pd.read_csv(package_run / "decomposition.csv")
    sheet = rows(book["Decomposition"])
    assert len(sheet) == len(decomposition)
    for got, (_, want) in zip(sheet, decomposition.iterrows()):
        assert got["mean"] == pytest.approx(want["mean"]) if pd.notna(want["mean"]) else got["mean"] is None
        if pd.isna(want["verdict"]):
            assert got["verdict"] is None

    # Ids shown with their labels; every measure's unit beside it.
    kinds = {r["policy"]: r["kind"] for r in rows(book["Policies"])}
    assert kinds["steel_jsc"] == "Job security council"
    markets = rows(book["Markets"])
    assert {r["region"] for r in markets} == {"Steeltown", "Rivercity"}
    assert all(r["unit"] for r in markets)
    # Every cell is a number, a date, text or empty: never a number written as text.
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2, values_only=True):
            for v in row:
                if isinstance(v, str):
                    try:
                        float(v)
                    except ValueError:
                        continue
                    assert sheet.title == "About", f"{sheet.title}: number as text {v!r}"


SMALL_SWEEP = """base = {base}
seed = 11
replications = 2
keep = ["unemployment_rate.mean", "job_years"]

[parameters]
"matching.applications_per_month" = [2.0, 3.0]
"simulation.months" = [36]

[[arms]]
name = "year_notice"

[[arms]]
name = "half_year_notice"
set = {{ "shocks.closure.0.announced" = "2026-07" }}
"""


def test_a_sweep_has_its_aggregate_and_runs_in_a_workbook(tmp_path):
    out = tmp_path / "sweep"
    file = tmp_path / "sweep.toml"
    file.write_text(SMALL_SWEEP.format(base=json.dumps(str(STEEL))))
    subprocess.run(
        [
            str(cli()), "sweep", str(file), "--out", str(out), "--quiet", "--xlsx",
            "--threads", "2",
        ],
        check=True,
        cwd=ROOT,
    )
    book = openpyxl.load_workbook(out / "results.xlsx")
    assert book.sheetnames[:2] == ["About", "Aggregate"]
    assert "Runs" in book.sheetnames
    aggregate = pd.read_csv(out / "aggregate.csv")
    sheet = rows(book["Aggregate"])
    assert len(sheet) == len(aggregate)
    assert all(isinstance(r["mean"], (int, float)) for r in sheet if r["mean"] is not None)
    assert sheet[0]["mean"] == pytest.approx(aggregate["mean"].iloc[0])
    assert sheet[0]["label"]
    # The effect columns of the second arm are numbers.
    effects = [r["effect"] for r in sheet if r["arm"] == "half_year_notice"]
    assert effects and all(isinstance(e, (int, float)) for e in effects)
    about = {r["field"]: r["value"] for r in rows(book["About"])}
    assert about["Points"] == 2


def test_a_sweep_from_python_shows_progress_and_writes_its_workbook(tmp_path, capfd):
    import wandel

    file = tmp_path / "sweep.toml"
    file.write_text(SMALL_SWEEP.format(base=json.dumps(str(STEEL))))
    result = wandel.sweep(file, threads=2, xlsx=True, out=tmp_path / "out")
    err = capfd.readouterr().err
    # 2 points × 2 arms × 2 replications, the bar at its end.
    assert "8/8" in err, err
    book = openpyxl.load_workbook(result.dir / "results.xlsx")
    assert len(rows(book["Runs"])) == len(result.runs) == 8
    assert wandel.export(result.dir) == result.dir / "results.xlsx"
