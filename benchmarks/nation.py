"""Benchmark the ministry-level path: load the whole synthetic nation and check every community.

Goal: the nation — about 120,000 communities, 6 million buildings — loaded
and checked in at most 60 s on a 2-core machine within 4 GB. This script
runs one mode per process (so that the peak memory it reports is that
mode's own):

- ``sequential``: ``community_rules.check(nation)`` in this process;
- ``parallel``: :func:`community_rules.parallel.check_parallel` with
  ``--workers`` processes (which inherit the nation under ``fork``), once
  the nation is made;
- ``as-loaded``: :func:`community_rules.parallel.check_as_loaded`: the
  nation made office by office while forked processes check the
  communities made so far, so that making and checking overlap;
- ``documents``: the nation kept as one JSON document per office (written
  to a temporary directory first, not timed), then read back office by
  office with :func:`community_rules.documents.load_office` while
  :func:`~community_rules.parallel.check_as_loaded` checks what is read;
- ``columnar``: the arithmetic rules and the sub-area and building-head
  counts of :mod:`community_rules.columnar` over the nation's columns.

"Loading" is making the nation's model objects — every ``Building``,
``Community``… constructed and validated — from the seeded generator
(``national.py``), which also spends time drawing random numbers; the time
the library itself needs is measured apart, on a sample, by constructing
communities again from their already-parsed fields, and through
``load_district`` from JSON text (the document path).

Times are wall-clock and CPU (this process, and its worker processes);
memory is the peak resident set (``resource.getrusage``) of this process and
of its largest child, and with ``--tracemalloc`` the peak of Python
allocations (slower: it traces every allocation).

    python benchmarks/nation.py --mode sequential [--communities 120000]
    python benchmarks/nation.py --mode parallel --workers 2
    python benchmarks/nation.py --mode as-loaded --workers 2
    python benchmarks/nation.py --mode documents --workers 2 [--directory DIR]
    python benchmarks/nation.py --mode columnar
    python benchmarks/nation.py --mode load-sample
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import resource
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import attrs
from _timing import machine, peak_rss_mb
from national import NATION_COMMUNITIES, SEED, nation_of, national_district, national_offices

import community_rules as cr
from community_rules.documents import dump_district, dump_office, load_district, load_office
from community_rules.model import Building, Community

_GOAL_S = 60.0
_GOAL_MB = 4096.0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


class Phase:
    """Wall and CPU time of a block (this process and the worker processes it waited for)."""

    def __init__(self, label: str) -> None:
        self.label = label

    def __enter__(self) -> Phase:
        self.wall, self.cpu, self.children = time.perf_counter(), time.process_time(), _children_cpu()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu
        self.children = _children_cpu() - self.children
        print(
            f"{self.label:<34} wall {self.wall:8.2f} s   cpu {self.cpu:8.2f} s"
            + (f" + workers {self.children:8.2f} s" if self.children > 0.005 else "")
            + f"   peak RSS {peak_rss_mb():8.0f} MB",
            flush=True,
        )


def _load(n: int, seed: int) -> cr.District:
    with Phase(f"load {n:,} communities"):
        district = national_district(n, seed=seed)
    _sizes(district)
    return district


def _sizes(district: cr.District) -> None:
    counts = district.counts()
    print(
        f"  {counts['offices']:,} offices, {counts['communities']:,} communities, "
        f"{counts['buildings']:,} buildings, {counts['households']:,} households"
    )


def _summary(report: cr.Report, total: float) -> None:
    counts = Counter(f.status.value for f in report.findings)
    print(f"  {len(report.findings):,} findings: " + ", ".join(f"{n:,} {s}" for s, n in counts.items()))
    print(f"load + check: {total:.1f} s (goal ≤ {_GOAL_S:g} s: {'met' if total <= _GOAL_S else 'NOT met'})")


def sequential(n: int, seed: int) -> None:
    start = time.perf_counter()
    district = _load(n, seed)
    with Phase("check (sequential)"):
        report = cr.check(district)
    _summary(report, time.perf_counter() - start)


def parallel(n: int, seed: int, workers: int, chunk_size: int | None) -> None:
    from community_rules.parallel import check_parallel

    start = time.perf_counter()
    district = _load(n, seed)
    with Phase(f"check_parallel (workers={workers})"):
        report = check_parallel(district, workers=workers, chunk_size=chunk_size)
    _summary(report, time.perf_counter() - start)
    print(f"  largest worker's peak RSS {_children_peak_mb():.0f} MB")


def _checked_as_loaded(label: str, offices: Iterable[cr.SubDistrictOffice], seed: int, workers: int) -> None:
    """Time check_as_loaded over ``offices`` (the nation of ``seed``) and report what it made and found."""
    from community_rules.parallel import check_as_loaded

    with Phase(f"{label} (workers={workers})") as phase:
        district, report = check_as_loaded(offices, functools.partial(nation_of, seed=seed), workers=workers)
    _sizes(district)
    _summary(report, phase.wall)


def as_loaded(n: int, seed: int, workers: int) -> None:
    """Make the nation office by office while forked processes check what is made so far."""
    _checked_as_loaded("load and check as loaded", national_offices(n, seed=seed), seed, workers)


def documents(n: int, seed: int, workers: int, directory: str | None) -> None:
    """Write the nation as one JSON document per office, then read it back office by office while checking."""
    with tempfile.TemporaryDirectory(prefix="nation-", dir=directory) as folder:
        paths = []
        size = 0
        start = time.perf_counter()
        for k, office in enumerate(national_offices(n, seed=seed)):
            text = json.dumps(dump_office(office), ensure_ascii=False, separators=(",", ":")).encode()
            paths.append(Path(folder, f"office-{k:05d}.json"))
            paths[-1].write_bytes(text)
            size += len(text)
        print(
            f"wrote {len(paths):,} office documents, {size / 1e6:,.0f} MB in all, the largest "
            f"{max(p.stat().st_size for p in paths) / 1e6:.1f} MB, in {time.perf_counter() - start:.0f} s "
            "(not part of the time below; read back from the page cache)",
            flush=True,
        )
        gc.collect()
        offices = (load_office(p, path=f"offices[{k}]") for k, p in enumerate(paths))
        _checked_as_loaded("read and check as loaded", offices, seed, workers)


def columnar(n: int, seed: int) -> None:
    import numpy as np

    from community_rules import columnar as col

    district = _load(n, seed)
    with Phase("columns from the communities"):
        cols = col.CommunityColumns.from_communities(district.communities())
    del district
    gc.collect()
    known = cols.households_known & cols.staff_known
    households, staff = cols.households[known], cols.staff[known]
    rounds = 21
    samples = []
    for _ in range(rounds):
        t = time.perf_counter()
        col.hiring_plan(households, staff)  # includes the staff quota
        col.office_funds_minimum(cols.households)
        col.welfare_funds_required(
            cols.households, cols.office_funds, office_funds_known=cols.office_funds_known
        )
        col.space_meets(cols.office_space, cols.is_new)
        col.space_gap(cols.office_space, cols.is_new)
        samples.append(time.perf_counter() - t)
    samples.sort()
    print(
        f"arithmetic rules, {len(cols):,} communities: median {samples[rounds // 2] * 1e3:.1f} ms, "
        f"min {samples[0] * 1e3:.1f}, max {samples[-1] * 1e3:.1f} ({rounds} runs; goal ≤ 20 ms)"
    )
    for label, kw in (
        ("partition_counts (compounds)", {"compounds": cols.building_compounds}),
        (
            "partition_counts (groups kept)",
            {
                "compounds": cols.building_compounds,
                "residents_groups": cols.building_groups,
                "policy": attrs.evolve(cr.DEFAULT_POLICY, keep_residents_groups=True),
            },
        ),
    ):
        with Phase(f"{label}, {cols.building_households.size:,} buildings"):
            counts = col.partition_counts(cols.building_offsets, cols.building_households, **kw)
        print(
            f"  {int(np.sum(counts.sub_area_heads)):,} sub-area heads, "
            f"{int(np.sum(counts.building_heads)):,} building heads"
        )


def load_sample(n: int, seed: int) -> None:
    """The library's own loading cost, on a sample: constructing and through load_district."""
    district = national_district(n, seed=seed)
    communities = list(district.communities())
    buildings = sum(len(c.buildings) for c in communities)
    with Phase(f"re-construct {n:,} communities") as phase:
        for c in communities:
            fields = attrs.asdict(c, recurse=False)
            fields["buildings"] = [
                Building(b.id, b.households, b.compound, b.residents_group) for b in c.buildings
            ]
            Community(**fields)
    print(
        f"  {phase.cpu / buildings * 1e6:.2f} µs CPU per building, {phase.cpu / n * 1e6:.0f} µs per community"
    )
    text = json.dumps(dump_district(district), ensure_ascii=False).encode("utf-8")
    with Phase(f"load_district(JSON, {len(text) / 1e6:.0f} MB)") as phase:
        loaded = load_district(text)
    assert loaded == district
    print(f"  {phase.cpu / n * 1e3:.2f} ms CPU per community through the document path")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--mode",
        choices=["sequential", "parallel", "as-loaded", "documents", "columnar", "load-sample"],
        required=True,
    )
    parser.add_argument(
        "--communities", type=int, default=None, help="default: the nation (2,000 for load-sample)"
    )
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk-size", type=int, default=None)
    parser.add_argument(
        "--directory", default=None, help="documents: where to write the office documents (default: TMPDIR)"
    )
    parser.add_argument(
        "--gc", choices=["on", "off"], default="on", help="off: gc.disable() for the whole run"
    )
    parser.add_argument(
        "--tracemalloc", action="store_true", help="also report the peak of Python allocations"
    )
    args = parser.parse_args(argv)
    n = args.communities or (2_000 if args.mode == "load-sample" else NATION_COMMUNITIES)
    print(machine())
    print(f"mode {args.mode}, {n:,} communities, seed {args.seed}, gc {args.gc}")
    if args.gc == "off":
        gc.disable()
    if args.tracemalloc:
        tracemalloc.start()
    if args.mode == "sequential":
        sequential(n, args.seed)
    elif args.mode == "parallel":
        parallel(n, args.seed, args.workers, args.chunk_size)
    elif args.mode == "as-loaded":
        as_loaded(n, args.seed, args.workers)
    elif args.mode == "documents":
        documents(n, args.seed, args.workers, args.directory)
    elif args.mode == "columnar":
        columnar(n, args.seed)
    else:
        load_sample(n, args.seed)
    if args.tracemalloc:
        _, peak = tracemalloc.get_traced_memory()
        print(f"tracemalloc peak {peak / 2**20:.0f} MB")
    peak = peak_rss_mb()
    print(f"peak RSS {peak:.0f} MB (goal ≤ {_GOAL_MB:g} MB: {'met' if peak <= _GOAL_MB else 'NOT met'})")


if __name__ == "__main__":
    main()
