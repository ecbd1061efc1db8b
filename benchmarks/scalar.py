"""Benchmark the per-request path: one community's full check, and each scalar rule function.

A district system checks one community per request, so what matters is the
time of ``community_rules.check(community)`` — every rule of every rule
module — for a community of about 50 buildings (goal: well under 200 µs),
and of the rule functions other systems call one by one. Three communities
of exactly 50 buildings are checked:

- *bare*: buildings only, every status fact unknown;
- *typical*: a community of the synthetic nation (``national.py``): staff
  counted but not listed, no sub-area plan;
- *full*: a community of the synthetic nation with its staff listed one by
  one (education, insurance per person), a sub-area plan and building
  heads, and every fact known — the most findings.

Each line gives the median and the spread (fastest, slowest, quartiles) of
15 timed runs, in wall-clock and CPU time, per call.

    python benchmarks/scalar.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import datetime
import random
from decimal import Decimal

from _timing import machine, measure
from national import make_community

import community_rules as cr
from community_rules.enums import Level
from community_rules.model import Building, Community


def _nation_community(want_full: bool) -> Community:
    """The first community of 50 buildings of the synthetic nation that is (not) fully described."""
    rng = random.Random("scalar-benchmark")
    for i in range(100_000):
        c = make_community(rng, f"C{i}")
        full = bool(c.staff_members) and c.sub_areas is not None and c.building_heads is not None
        known = all(
            v is not None
            for v in (c.staff, c.office_space_m2, c.office_funds, c.welfare_funds, c.workstation)
        )
        if len(c.buildings) == 50 and (full and known if want_full else not full):
            return c
    raise AssertionError("no such community")  # pragma: no cover


def communities() -> dict[str, Community]:
    rng = random.Random(2024)
    bare = Community(
        "bare",
        buildings=[Building(f"B{i}", rng.randint(10, 90), residents_group=f"g{i // 8}") for i in range(50)],
    )
    return {"bare": bare, "typical": _nation_community(False), "full": _nation_community(True)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args(argv)
    repeat = args.repeat
    print(machine())
    print()
    print("cr.check(community), one community of 50 buildings, all rules:")
    for name, c in communities().items():
        findings = len(cr.check(c).findings)
        timing = measure(
            f"check {name} ({len(c.staff_members)} staff listed, {findings} findings)",
            lambda c=c: cr.check(c),
            repeat=repeat,
        )
        print(timing.line())
    print()
    print("scalar rule functions, per call:")
    street = [Building(f"B{i}", h) for i, h in enumerate(random.Random(7).choices(range(10, 91), k=50))]
    start, end = datetime.date(2025, 6, 20), datetime.date(2026, 6, 19)
    calls = [
        ("staff_quota(1150)", lambda: cr.staff_quota(1150)),
        ("hiring_plan(1150, 0)", lambda: cr.hiring_plan(1150, 0)),
        ("office_funds_minimum(2400)", lambda: cr.office_funds_minimum(2400)),
        ("welfare_funds_minimum(333.33)", lambda: cr.welfare_funds_minimum(Decimal("333.33"))),
        ("building_head_allowance(one year, 13 months)", lambda: cr.building_head_allowance(start, end)),
        ("split_pay(4321.05)", lambda: cr.split_pay(Decimal("4321.05"))),
        ("allocate(100.00, 7 weights)", lambda: cr.allocate(Decimal("100.00"), [3, 1, 4, 1, 5, 9, 2])),
        ("required_space_m2(NEW)", lambda: cr.required_space_m2(cr.CommunityKind.NEW)),
        ("resident_score(3, 1, 1)", lambda: cr.resident_score(3, 1, 1)),
        (
            "composite_score(COMMUNITY, 3 daily scores)",
            lambda: cr.composite_score(Level.COMMUNITY, daily=[70, 80, 90], year_end=85, residents=72),
        ),
        ("grade(79.60)", lambda: cr.grade(Decimal("79.60"))),
    ]
    for label, call in calls:
        print(measure(label, call, repeat=repeat).line())
    timing = measure("partition(50 buildings)", lambda: cr.partition(street), repeat=repeat)
    print(timing.line())
    print(
        f"{'  per building':<44} µs wall median {timing.median_wall / 50 * 1e6:.2f}, "
        f"cpu median {timing.median_cpu / 50 * 1e6:.2f}"
    )


if __name__ == "__main__":
    main()
