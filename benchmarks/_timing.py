"""Shared helpers of the benchmarks: timing with median and spread, and the machine they ran on.

Each timing runs the call in a loop long enough to be trusted (about
``target`` seconds), ``repeat`` times, and reports per call the median, the
fastest and slowest run and the quartiles — in wall-clock time and in the
process's CPU time, which a shared, busy machine disturbs less.
"""

from __future__ import annotations

import os
import platform
import resource
import statistics
import sys
import time
import timeit
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    """Seconds per call: wall-clock and CPU samples, one per timed run."""

    label: str
    wall: list[float]
    cpu: list[float]
    loops: int

    @staticmethod
    def _summary(samples: list[float], unit: float) -> str:
        q1, median, q3 = statistics.quantiles(samples, n=4) if len(samples) > 1 else (samples[0],) * 3
        return (
            f"median {median * unit:10.2f}  min {min(samples) * unit:10.2f}  max {max(samples) * unit:10.2f}"
            f"  IQR {q1 * unit:.2f}–{q3 * unit:.2f}"
        )

    def line(self, unit: str = "µs") -> str:
        scale = {"ns": 1e9, "µs": 1e6, "ms": 1e3, "s": 1.0}[unit]
        return (
            f"{self.label:<44} {unit:>2} wall {self._summary(self.wall, scale)}\n"
            f"{'':<44} {unit:>2} cpu  {self._summary(self.cpu, scale)}"
        )

    @property
    def median_wall(self) -> float:
        return statistics.median(self.wall)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)


def measure(label: str, call: Callable[[], object], *, repeat: int = 15, target: float = 0.05) -> Timing:
    """Time ``call`` ``repeat`` times, each time in a loop of about ``target`` seconds."""
    start = time.perf_counter()
    call()
    once = time.perf_counter() - start
    loops = max(1, int(target / once)) if once > 0 else 1000
    wall, cpu = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        for _ in range(loops):
            call()
        cpu.append((time.process_time() - c) / loops)
        wall.append((time.perf_counter() - w) / loops)
    return Timing(label, wall, cpu, loops)


def peak_rss_mb() -> float:
    """The process's peak resident memory so far, in MB (``resource.getrusage``)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _memory_gb() -> str:
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return "unknown"
    return f"{pages * size / 2**30:.1f} GiB"


def machine() -> str:
    """One line on the machine: CPU, cores, memory, Python, load, and the ``sum(range(100))`` yardstick."""
    yardstick = min(timeit.repeat("sum(range(100))", number=20_000, repeat=7)) / 20_000
    try:
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        load = "unknown"
    return (
        f"{_cpu_model()}, {os.cpu_count()} cores, {_memory_gb()} RAM; "
        f"Python {platform.python_version()} ({platform.python_implementation()}) on {platform.system()} "
        f"{platform.release()}; load average {load}; sum(range(100)) takes {yardstick * 1e6:.2f} µs"
    )
