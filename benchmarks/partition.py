"""Benchmark the partitioning of clause 2.2.1 (community_rules.partitioning).

Times :func:`community_rules.partitioning.partition` on deterministic random
streets of 100, 1,000 and 10,000 buildings (or the sizes given), and
:func:`~community_rules.partitioning.check_community` on one community of a
typical size with a full plan. Prints the median, the spread (fastest and
slowest run) and the time per building.

The streets are generated from a seeded ``random.Random``: most buildings
have 12–120 households, one in fifty has 300–900 (some over the 500 cap);
about one building in ten stands in a gated compound of 3–12 buildings;
residents' groups span about 8 neighbouring buildings.

Usage::

    python benchmarks/partition.py
    python benchmarks/partition.py --sizes 100 1000 10000 100000 --repeat 21 --rule nearest --keep-groups
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import time
from collections.abc import Callable

import attrs

from community_rules.model import Building, BuildingHead, Community, ExistingSubArea
from community_rules.partitioning import check_community, partition
from community_rules.policy import DEFAULT_POLICY, Policy, SubAreaRule


def make_street(n: int, seed: int) -> list[Building]:
    """``n`` buildings in street order, the same for the same ``seed``."""
    rng = random.Random(seed)
    buildings = []
    compound, left = None, 0
    for i in range(n):
        if left == 0:
            compound = None
            if rng.random() < 0.02:
                compound, left = f"compound-{i}", rng.randint(3, 12)
        if left:
            left -= 1
        households = rng.randint(300, 900) if rng.random() < 0.02 else rng.randint(12, 120)
        buildings.append(Building(f"B{i}", households, compound=compound, residents_group=f"g{i // 8}"))
    return buildings


def make_community(n: int, seed: int, policy: Policy) -> Community:
    """A community of ``n`` buildings whose plan is its optimal partition."""
    buildings = make_street(n, seed)
    plan = partition(buildings, policy=policy)
    return Community(
        "C1",
        buildings=buildings,
        sub_areas=[
            ExistingSubArea(f"S{i}", [b.id for b in s.buildings], head=f"H{i}", head_is_committee_staff=True)
            for i, s in enumerate(plan.sub_areas)
        ],
        building_heads=[
            BuildingHead(f"L{i}", [b.id for b in g.buildings]) for i, g in enumerate(plan.groups)
        ],
    )


def measure(call: Callable[[], object], repeat: int) -> list[float]:
    """Seconds per call, ``repeat`` times (each timing long enough to be trusted)."""
    start = time.perf_counter()
    call()
    once = time.perf_counter() - start
    loops = max(1, int(0.02 / once)) if once > 0 else 1000
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(loops):
            call()
        times.append((time.perf_counter() - start) / loops)
    return times


def show(label: str, times: list[float], per: int | None = None) -> None:
    median = statistics.median(times)
    line = (
        f"{label:<34} median {median * 1e3:9.3f} ms   spread {min(times) * 1e3:.3f}–{max(times) * 1e3:.3f} ms"
    )
    if per:
        line += f"   {median / per * 1e6:6.2f} µs per building"
    print(line)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[100, 1_000, 10_000], help="numbers of buildings"
    )
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per size (default 15)")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the random streets (default 2024)")
    parser.add_argument("--rule", choices=[r.value for r in SubAreaRule], default=SubAreaRule.CAP.value)
    parser.add_argument("--keep-groups", action="store_true", help="set Policy.keep_residents_groups")
    parser.add_argument(
        "--community", type=int, default=30, help="buildings of the checked community (default 30)"
    )
    args = parser.parse_args(argv)
    policy = attrs.evolve(
        DEFAULT_POLICY, sub_area_rule=SubAreaRule(args.rule), keep_residents_groups=args.keep_groups
    )
    print(
        f"Python {platform.python_version()} on {platform.machine()} ({platform.processor() or 'unknown cpu'})"
    )
    print(f"rule={args.rule} keep_residents_groups={args.keep_groups} seed={args.seed} repeat={args.repeat}")
    for n in args.sizes:
        street = make_street(n, args.seed)
        result = partition(street, policy=policy)
        label = f"partition({n:,}): {result.sub_area_heads:,} sub-areas"
        show(label, measure(lambda street=street: partition(street, policy=policy), args.repeat), per=n)
    community = make_community(args.community, args.seed, policy)
    show(
        f"check_community({args.community} buildings)",
        measure(lambda: list(check_community(community, policy=policy)), args.repeat),
    )


if __name__ == "__main__":
    main()
