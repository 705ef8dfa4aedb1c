"""Benchmark: how long `wasp --version`, `wasp --help` and every `wasp CMD --help` take, and their peak memory.

Each command runs in a fresh process, several times; the median wall time and the peak RSS of the process (from
os.wait4's resource usage) are printed. Target: <= 0.3 s and <= 40 MB each. With --before, another `wasp`
executable (e.g. an older install) is measured the same way beside it. Then `wasp scan` of the 100-resource
Terraform and CloudFormation corpora of bench/iac_vs_checkov.py (JSON to a file): on so small a scan most of
the time is start-up (interpreter, imports, rule index), so these rows show what every CI run pays.

    .venv/bin/python bench/cli_startup.py --runs 5 --before /path/to/old/venv/bin/wasp
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
sys.path.insert(0, str(SRC))

import click  # noqa: E402

from wasp.cli.app import COMMANDS  # noqa: E402
from wasp.cli.groups import GROUPS  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from iac_vs_checkov import generate  # noqa: E402

THIS = [sys.executable, "-c", "import sys; from wasp.cli.app import main; sys.argv[0] = 'wasp'; main()"]
"""This tree's wasp, as the installed console script runs it."""


def invocations() -> list[list[str]]:
    """--version, --help, and --help of every command and subcommand."""
    runs = [["--version"], ["--help"]]
    for name in COMMANDS:
        runs.append([name, "--help"])
        group = GROUPS.get(name)
        if group is not None:
            runs += [[name, sub, "--help"] for sub in group.list_commands(click.Context(group))]
    return runs


def measure(command: list[str], runs: int, env: dict[str, str]) -> tuple[float, float, float]:
    """Median wall seconds, median CPU seconds (user + system) and largest peak RSS (MiB) over the runs.

    CPU time is the steadier figure on a shared machine: wall time includes waiting for a core.
    """
    walls, cpus, peaks = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - start)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise RuntimeError(f"exit {proc.returncode}")
        cpus.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(walls), statistics.median(cpus), max(peaks)


def main() -> None:
    """Print one row per invocation: this tree's time and memory, and the --before executable's."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5, help="Runs per invocation (the median is printed)")
    parser.add_argument("--before", type=Path, help="Another wasp executable to compare with")
    args = parser.parse_args()
    before = [str(args.before)] if args.before else None
    this_env = {**os.environ, "PYTHONPATH": str(SRC)}
    before_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    header = f"{'invocation':42} {'wall s':>7} {'cpu s':>6} {'peak MB':>8}"
    if before:
        header += f" {'before wall':>11} {'cpu':>6} {'MB':>6}"
    print(header)
    worst = [0.0, 0.0, 0.0]
    for inv in invocations():
        wall, cpu, mem = measure([*THIS, *inv], args.runs, this_env)
        worst = [max(worst[0], wall), max(worst[1], cpu), max(worst[2], mem)]
        row = f"{'wasp ' + ' '.join(inv):42} {wall:7.3f} {cpu:6.3f} {mem:8.1f}"
        if before:
            try:
                b_wall, b_cpu, b_mem = measure([*before, *inv], args.runs, before_env)
                row += f" {b_wall:11.3f} {b_cpu:6.3f} {b_mem:6.1f}"
            except RuntimeError as exc:  # an older wasp may lack the command, or fail on its help
                row += f" {exc!s:>11}"
        print(row, flush=True)
    verdict = "met" if worst[0] <= 0.3 and worst[2] <= 40 else "NOT met"
    print(
        f"slowest {worst[0]:.3f} s wall ({worst[1]:.3f} s CPU), largest {worst[2]:.1f} MB "
        f"(target <= 0.3 s, <= 40 MB: {verdict})"
    )
    with tempfile.TemporaryDirectory(prefix="wasp-bench-startup-") as tmp:
        cfn_dir, tf_dir, _, _ = generate(Path(tmp), 100)
        for label, corpus in (("Terraform", tf_dir), ("CloudFormation", cfn_dir)):
            inv = ["scan", str(corpus), "-f", "json", "-o", str(Path(tmp) / "out.json")]
            wall, cpu, mem = measure([*THIS, *inv], args.runs, this_env)
            row = f"{'wasp scan (' + label + ' x100)':42} {wall:7.3f} {cpu:6.3f} {mem:8.1f}"
            if before:
                b_wall, b_cpu, b_mem = measure([*before, *inv], args.runs, before_env)
                row += f" {b_wall:11.3f} {b_cpu:6.3f} {b_mem:6.1f}"
            print(row, flush=True)


if __name__ == "__main__":
    main()
