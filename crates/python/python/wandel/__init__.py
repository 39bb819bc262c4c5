"""Wandel from Python: run a scenario or a sweep in-process and get its tables as pandas
DataFrames, with the same values as the command's files (the package runs the command itself
and reads what it writes).

    import wandel
    result = wandel.run("scenarios/steel_closure.toml", replications=2)
    result.summary["unemployment_rate.mean"]
    result.economy.head()

Errors in a scenario raise ``wandel.WandelError`` with the command's located message;
Ctrl-C stops a run between months and raises ``KeyboardInterrupt``.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path
from typing import Any, Mapping, Optional, Union

import pandas as pd

from wandel._wandel import WandelError, command

__all__ = ["run", "sweep", "load", "export", "Result", "SweepResult", "WandelError"]

PathLike = Union[str, "os.PathLike[str]"]

# The tables of a run's output directory, by attribute name (docs/outputs.md).
_RUN_TABLES = {
    "economy": "economy.csv",
    "markets": "markets.csv",
    "cohorts": "cohorts.csv",
    "effects": "effects.csv",
    "ledger": "ledger.csv",
    "policies": "policies.csv",
    "followup": "followup.csv",
    "decomposition": "decomposition.csv",
}

_SWEEP_TABLES = {
    "runs": "runs.csv",
    "aggregate": "aggregate.csv",
    "series": "series.csv",
}


def _frame(path: Path) -> Optional[pd.DataFrame]:
    return pd.read_csv(path) if path.is_file() else None


def _summary(directory: Path) -> dict[str, Any]:
    """summary.json with its indicators as a dict: name -> mean (the full records stay in
    ``indicators``)."""
    raw = json.loads((directory / "summary.json").read_text(encoding="utf-8"))
    out: dict[str, Any] = {}
    for item in raw.get("indicators", []):
        out[item["name"]] = item.get("mean")
    out["indicators"] = raw.get("indicators", [])
    for key, value in raw.items():
        if key != "indicators":
            out.setdefault(key, value)
    return out


class Result:
    """A finished run: its tables as DataFrames (``None`` where the run wrote none, e.g.
    ``effects`` without a counterfactual), ``summary`` (indicator name -> mean, plus the full
    records under ``"indicators"``) and the output directory ``dir``."""

    def __init__(self, directory: PathLike):
        self.dir = Path(directory)
        if not (self.dir / "summary.json").is_file():
            raise WandelError(f"{self.dir} holds no finished run (no summary.json)")
        self.summary = _summary(self.dir)
        for attribute, name in _RUN_TABLES.items():
            setattr(self, attribute, _frame(self.dir / name))

    def __repr__(self) -> str:
        return f"wandel.Result({str(self.dir)!r})"


class SweepResult:
    """A finished sweep: ``runs``, ``aggregate`` and ``series`` as DataFrames, and the
    output directory ``dir``."""

    def __init__(self, directory: PathLike):
        self.dir = Path(directory)
        if not (self.dir / "runs.csv").is_file():
            raise WandelError(f"{self.dir} holds no sweep (no runs.csv)")
        for attribute, name in _SWEEP_TABLES.items():
            setattr(self, attribute, _frame(self.dir / name))

    def __repr__(self) -> str:
        return f"wandel.SweepResult({str(self.dir)!r})"


def _out_dir(out: Optional[PathLike], prefix: str) -> Path:
    if out is not None:
        return Path(out)
    return Path(tempfile.mkdtemp(prefix=prefix)) / "out"


def run(
    path: PathLike,
    set: Optional[Mapping[str, Any]] = None,
    replications: Optional[int] = None,
    threads: Optional[int] = None,
    counterfactual: Optional[str] = None,
    out: Optional[PathLike] = None,
    charts: bool = False,
    overwrite: bool = False,
    xlsx: bool = False,
    lang: str = "en",
) -> Result:
    """Runs the scenario at ``path`` as ``wandel run`` does and returns its results.

    ``set`` overrides scenario keys (``{"matching.suitability": 0.06}``, as ``--set``);
    ``replications`` sets ``simulation.replications``; ``threads`` the worker threads (the
    results do not depend on it); ``counterfactual`` is ``"no-policies"``, ``"no-shocks"`` or
    ``"none"``; ``out`` the output directory (a fresh temporary one by default); ``charts``
    draws the charts and the report too; ``xlsx`` writes the results as an Excel workbook too
    (``results.xlsx`` in ``result.dir``, as ``wandel run --xlsx``); ``lang="de"`` draws the
    charts and the report in German (as ``--lang de``).
    """
    directory = _out_dir(out, "wandel-run-")
    args = ["run", os.fspath(path), "--out", os.fspath(directory), "--quiet"]
    overrides = dict(set or {})
    if replications is not None:
        overrides["simulation.replications"] = replications
    for key, value in overrides.items():
        args += ["--set", f"{key}={_toml_value(value)}"]
    if threads is not None:
        args += ["--threads", str(threads)]
    if counterfactual == "none":
        args.append("--no-counterfactual")
    elif counterfactual is not None:
        args += ["--counterfactual", counterfactual]
    if not charts:
        args.append("--no-charts")
    args += _output_options(overwrite, xlsx, lang)
    command(args)
    return Result(directory)


def sweep(
    path: PathLike,
    threads: Optional[int] = None,
    out: Optional[PathLike] = None,
    resume: bool = False,
    overwrite: bool = False,
    progress: bool = True,
    xlsx: bool = False,
    lang: str = "en",
) -> SweepResult:
    """Runs the sweep file at ``path`` as ``wandel sweep`` does and returns its results.
    An interrupted sweep can be continued with ``resume=True`` and the same ``out``.
    ``progress`` shows a progress bar of the finished runs (tqdm's: a widget in a notebook, a
    text bar on a terminal); ``xlsx`` writes the results as an Excel workbook too; ``lang="de"``
    draws the charts and the report in German."""
    directory = _out_dir(out, "wandel-sweep-")
    args = ["sweep", os.fspath(path), "--out", os.fspath(directory), "--quiet"]
    if threads is not None:
        args += ["--threads", str(threads)]
    if resume:
        args.append("--resume")
    args += _output_options(overwrite, xlsx, lang)
    if progress:
        with _SweepProgress(directory):
            command(args)
    else:
        command(args)
    return SweepResult(directory)


def _output_options(overwrite: bool, xlsx: bool, lang: str) -> list:
    """The command-line options `run` and `sweep` share: --overwrite, --xlsx, --lang."""
    options = []
    if overwrite:
        options.append("--overwrite")
    if xlsx:
        options.append("--xlsx")
    if lang != "en":
        options += ["--lang", lang]
    return options


def export(directory: PathLike) -> Path:
    """Writes a finished run's or sweep's results as an Excel workbook (``wandel export
    --xlsx``) and returns its path, ``results.xlsx`` in ``directory``."""
    command(["export", os.fspath(directory), "--xlsx"])
    return Path(directory) / "results.xlsx"


class _SweepProgress:
    """A progress bar of a sweep's finished runs while the command runs (the engine runs with
    the GIL released, so this thread polls the lines of ``runs.csv``, which the sweep appends
    run by run, against the runs its ``manifest.json`` plans)."""

    def __init__(self, directory: Path, interval: float = 0.5):
        self.directory = Path(directory)
        self.interval = interval
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()
        return False

    def _counts(self):
        try:
            total = json.loads((self.directory / "manifest.json").read_text())["runs"]
        except (OSError, ValueError, KeyError):
            return None, 0
        try:
            with open(self.directory / "runs.csv", "rb") as f:
                done = max(sum(1 for _ in f) - 1, 0)
        except OSError:
            done = 0
        return total, done

    def _poll(self):
        from tqdm.auto import tqdm

        bar = None
        while True:
            stopping = self.stop.wait(self.interval)
            total, done = self._counts()
            if total is not None:
                if bar is None:
                    bar = tqdm(total=total, unit="run", desc="sweep")
                bar.update(min(done, total) - bar.n)
            if stopping:
                break
        if bar is not None:
            bar.close()


def load(directory: PathLike) -> Union[Result, SweepResult]:
    """Reads a finished run's or sweep's output directory."""
    directory = Path(directory)
    if (directory / "runs.csv").is_file():
        return SweepResult(directory)
    return Result(directory)


def _toml_value(value: Any) -> str:
    """A Python value as ``--set`` reads it (TOML)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot pass {value!r} to --set")
