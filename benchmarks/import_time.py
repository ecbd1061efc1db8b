"""How long ``import community_rules`` takes beyond a bare interpreter.

Runs ``python -c "import community_rules"`` and ``python -c "pass"`` in fresh
subprocesses, alternating, ``--runs`` times each (best of ``--inner`` per run to
damp scheduler noise), and prints the median and spread of the difference, both
in wall-clock time and in the children's CPU time (user + system, from
``resource.getrusage``), which a busy machine disturbs much less.
The goal is at most 60 ms. With ``--detail`` it also prints the slowest
modules by cumulative import time (``python -X importtime``), which tells
where the time goes.

    python benchmarks/import_time.py [--runs 15] [--inner 3] [--detail]

A benchmark, not a test: it asserts nothing and exits 0 (1 with ``--check``
when the median exceeds the goal).
"""

from __future__ import annotations

import argparse
import platform
import resource
import statistics
import subprocess
import sys
import time

GOAL_MS = 60.0


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(code: str) -> tuple[float, float]:
    """Wall and CPU time of one fresh interpreter running ``code``, in milliseconds."""
    cpu, start = _cpu(), time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return (time.perf_counter() - start) * 1000, (_cpu() - cpu) * 1000


def _best(code: str, inner: int) -> tuple[float, float]:
    runs = [_run(code) for _ in range(inner)]
    return min(wall for wall, _ in runs), min(cpu for _, cpu in runs)


def measure(runs: int, inner: int) -> tuple[list[float], list[float]]:
    """``runs`` samples of (import time − bare start-up time) in ms: wall-clock, CPU."""
    _run("import community_rules")  # warm the file system and bytecode caches
    wall, cpu = [], []
    for _ in range(runs):
        bare = _best("pass", inner)
        full = _best("import community_rules", inner)
        wall.append(full[0] - bare[0])
        cpu.append(full[1] - bare[1])
    return wall, cpu


def _summary(samples: list[float]) -> str:
    return (
        f"median {statistics.median(samples):.1f} ms, min {min(samples):.1f}, "
        f"max {max(samples):.1f}, stdev {statistics.pstdev(samples):.1f}"
    )


def importtime_top(n: int = 15) -> list[tuple[int, int, str]]:
    """The ``n`` modules with the largest cumulative import time (µs): (self, cumulative, name)."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import community_rules"],
        check=True,
        capture_output=True,
        text=True,
    )
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative_us, name = line[len("import time:") :].split("|")
        rows.append((int(self_us), int(cumulative_us), name.rstrip()))
    rows.sort(key=lambda row: row[1], reverse=True)
    return rows[:n]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--inner", type=int, default=3)
    parser.add_argument("--detail", action="store_true", help="also show python -X importtime's top modules")
    parser.add_argument("--check", action="store_true", help=f"exit 1 if the median exceeds {GOAL_MS:g} ms")
    args = parser.parse_args(argv)

    wall, cpu = measure(args.runs, args.inner)
    median = statistics.median(wall)
    print(f"python {platform.python_version()} on {platform.machine()} ({platform.platform()})")
    print(f"import community_rules beyond a bare interpreter, {len(wall)} runs (best of {args.inner} each):")
    print(f"  wall clock: {_summary(wall)}")
    print(f"  CPU time:   {_summary(cpu)}")
    print(f"goal ≤ {GOAL_MS:g} ms (wall clock): {'met' if median <= GOAL_MS else 'NOT met'}")
    if args.detail:
        print("\nslowest imports (python -X importtime; inflated by its own overhead):")
        print(f"{'self ms':>9} {'cumul. ms':>10}  module")
        for self_us, cumulative_us, name in importtime_top():
            print(f"{self_us / 1000:9.1f} {cumulative_us / 1000:10.1f}  {name}")
    return 1 if args.check and median > GOAL_MS else 0


if __name__ == "__main__":
    raise SystemExit(main())
