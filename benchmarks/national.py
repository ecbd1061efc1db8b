"""A deterministic synthetic nation of urban communities, for the benchmarks.

China has about 120,000 urban residents' committees (社区居委会), some 360
million urban households in about 6 million residential buildings. This
module makes a district of that shape out of a seed — the same seed gives
the same district, on any machine and in any process — so that the
benchmarks can check "the nation" without real data:

- about 8,600 sub-district offices (街道办事处) of 8–20 communities each;
- communities of about 50 buildings (5–120, normally distributed around the
  mean), three in four old-town (老城区), one in four newly built;
- buildings of 10–90 households, one in fifty an oversized tower of
  300–900 (some over the 500-household cap of 2.2.1); about one building in
  six in a gated compound (封闭小区) of 3–12 buildings; residents' groups
  (居民小组) of about eight neighbouring buildings — about 3,000 households
  per community, 360 million in the nation;
- status facts as a real survey returns them: staff in post around the
  quota (often short), the staff listed one by one in three communities in
  ten (education, insurances, pay), space, funds and allowances around their
  standards, sub-area plans and building heads for about half, and one fact
  in twenty or so simply not known (``None``), so that every status —
  MET, NOT_MET, UNKNOWN, NOT_APPLICABLE — occurs;
- a few building projects with public rooms (3.3) for one office in ten.

Generation is per sub-district office, each from its own seeded
``random.Random``, so any slice of the nation can be made alone (by a worker
process, say) and equals the same slice of the whole. Strings that repeat
(building ids, group and compound names) are interned, as a loader reading
a columnar store would share them.

Use it from Python::

    from benchmarks.national import national_district
    district = national_district(1_000, seed=2024)      # 1,000 communities

or from the command line::

    python benchmarks/national.py --communities 120000 --stats
    python benchmarks/national.py --communities 2000 --json /tmp/district.json

The numbers below (shares, ranges) are the generator's own, not the
opinion's: the opinion's numbers are only ever read from ``Policy``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import random
import sys
import time
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from community_rules.documents import dump_district
from community_rules.enums import CommunityKind, Education, Insurance
from community_rules.model import (
    Building,
    BuildingHead,
    Community,
    District,
    ExistingSubArea,
    Project,
    PublicRoom,
    StaffMember,
    SubDistrictOffice,
    Workstation,
)
from community_rules.policy import DEFAULT_POLICY, Policy

__all__ = [
    "NATION_COMMUNITIES",
    "make_community",
    "make_office",
    "nation_of",
    "national_district",
    "national_offices",
    "office_sizes",
]

#: Urban residents' committees in China (about), the default size of the nation.
NATION_COMMUNITIES = 120_000
#: The default seed.
SEED = 2024

_MEAN_BUILDINGS = 50
_SHARE_NEW = 0.25
_SHARE_TOWER = 0.02
_SHARE_COMPOUND_START = 0.03
_SHARE_UNKNOWN = 0.05
_SHARE_STAFF_LISTED = 0.3
_SHARE_PLANNED = 0.5
_GROUP_SPAN = 8
_FIRST_YEAR = 2024

_EDUCATION = (Education.SECONDARY, Education.JUNIOR_COLLEGE, Education.BACHELOR, Education.POSTGRADUATE)
_EDUCATION_WEIGHTS = (15, 45, 35, 5)
_ALL_INSURANCES = frozenset(Insurance)
_NO_MATERNITY = _ALL_INSURANCES - {Insurance.MATERNITY}
_INSURANCE_LIST = tuple(Insurance)
_WORKSTATION_FULL = Workstation(
    exists=True,
    dispatched_by_office=True,
    shares_premises=True,
    party_organisation=True,
    head_party_member=True,
    head_is_party_secretary=True,
)

# Shared strings: building "B17" of one community and of the next need not be two strings.
_intern = sys.intern


def _building_id(i: int) -> str:
    return _intern(f"B{i}")


# The ids every community shares, made once: buildings "B1"…"B120" (a community has at
# most 120) and their residents' groups, "group-1"… for each run of _GROUP_SPAN buildings.
_MAX_BUILDINGS = 120
_BUILDING_IDS = tuple(_building_id(i) for i in range(_MAX_BUILDINGS + 1))
_GROUP_IDS = tuple(_intern(f"group-{g + 1}") for g in range(_MAX_BUILDINGS // _GROUP_SPAN + 1))


def _maybe(rng: random.Random, value: Any, share: float = _SHARE_UNKNOWN) -> Any:
    """``value``, or None (not known) with probability ``share``."""
    return None if rng.random() < share else value


def _fen(rng: random.Random, low: int, high: int) -> Decimal:
    """A random amount of yuan between ``low`` and ``high``, to the fen."""
    return Decimal(rng.randint(low * 100, high * 100)).scaleb(-2)


def office_sizes(communities: int, seed: int = SEED) -> list[int]:
    """How many communities each sub-district office has (8–20 each), adding up to ``communities``."""
    rng = random.Random(f"offices-{seed}")
    sizes: list[int] = []
    left = communities
    while left > 0:
        size = min(left, rng.randint(8, 20))
        sizes.append(size)
        left -= size
    return sizes


def _buildings(rng: random.Random, n: int) -> list[Building]:
    buildings = []
    append, draw, between = buildings.append, rng.random, rng.randint
    compound: str | None = None
    left = 0
    for i in range(1, n + 1):
        if left == 0:
            compound = None
            if draw() < _SHARE_COMPOUND_START:
                compound, left = _intern(f"compound-{i}"), between(3, 12)
        if left:
            left -= 1
        households = between(300, 900) if draw() < _SHARE_TOWER else between(10, 90)
        append(Building(_BUILDING_IDS[i], households, compound, _GROUP_IDS[(i - 1) // _GROUP_SPAN]))
    return buildings


def _staff_members(rng: random.Random, n: int) -> list[StaffMember]:
    members = []
    for i in range(1, n + 1):
        female = rng.random() < 0.6
        required = _ALL_INSURANCES if female else _NO_MATERNITY
        if rng.random() < 0.15:  # one insurance missing
            required = required - {rng.choice(_INSURANCE_LIST)}
        members.append(
            StaffMember(
                _intern(f"S{i}"),
                female=_maybe(rng, female),
                education=_maybe(rng, rng.choices(_EDUCATION, _EDUCATION_WEIGHTS)[0]),
                insurances=_maybe(rng, required),
                monthly_pay=_fen(rng, 3_000, 5_500),
                party_member=rng.random() < 0.4,
            )
        )
    return members


def _plan(
    rng: random.Random, buildings: Sequence[Building], policy: Policy
) -> tuple[list[ExistingSubArea] | None, list[BuildingHead] | None]:
    """A committee's own sub-area plan and building heads, as a survey finds them (often imperfect)."""
    if rng.random() >= _SHARE_PLANNED:
        return None, None
    cap = policy.sub_area_households
    areas: list[list[str]] = []
    current: list[str] = []
    total = 0
    coarse = rng.random() < 0.25  # a plan that ignores the cap: one sub-area per dozen buildings
    for b in buildings:
        if current and (len(current) >= 12 if coarse else total + b.households > cap):
            areas.append(current)
            current, total = [], 0
        current.append(b.id)
        total += b.households
    if current:
        areas.append(current)
    sub_areas = [
        ExistingSubArea(
            _intern(f"A{k}"),
            ids,
            head=None if rng.random() < 0.05 else _intern(f"S{k}"),
            head_is_committee_staff=_maybe(rng, rng.random() < 0.95),
        )
        for k, ids in enumerate(areas, 1)
    ]
    if rng.random() < 0.2:
        return sub_areas, None
    start = datetime.date(_FIRST_YEAR - rng.randint(0, 4), rng.randint(1, 12), 1)
    heads = []
    for k, ids in enumerate(areas, 1):
        for j in range(0, len(ids), 3):
            heads.append(BuildingHead(_intern(f"H{k}-{j // 3 + 1}"), ids[j : j + 3], start=start))
    if rng.random() < 0.3:  # a head has left and was not replaced
        heads.pop(rng.randrange(len(heads)))
    return sub_areas, heads


def make_community(
    rng: random.Random, community_id: str, *, policy: Policy = DEFAULT_POLICY, name: str | None = None
) -> Community:
    """One synthetic community drawn from ``rng`` (see the module docstring for the shapes)."""
    n = min(_MAX_BUILDINGS, max(5, round(rng.gauss(_MEAN_BUILDINGS, 12))))
    kind = CommunityKind.NEW if rng.random() < _SHARE_NEW else CommunityKind.OLD_TOWN
    buildings = _buildings(rng, n)
    listed = sum(b.households for b in buildings)
    households = listed + rng.randint(1, 400) if rng.random() < 0.03 else None
    known = households or listed
    quota = math.ceil(known / policy.households_per_staff)
    staff = max(0, quota - rng.randint(0, quota // 2)) if rng.random() < 0.4 else quota + rng.randint(0, 1)
    members = _staff_members(rng, staff) if rng.random() < _SHARE_STAFF_LISTED else []
    if not members:
        staff = _maybe(rng, staff)
    required = policy.new_space_m2 if kind is CommunityKind.NEW else policy.old_town_space_m2
    space = _maybe(rng, (required * Decimal(rng.randint(12, 32)) / 20).quantize(Decimal("0.5")))
    minimum = policy.office_funds_per_thousand * known / 1000
    office_funds = _maybe(rng, (minimum * Decimal(rng.randint(80, 130)) / 100).quantize(Decimal(1)))
    welfare_base = office_funds if office_funds is not None else minimum
    welfare = _maybe(rng, (welfare_base * Decimal(rng.randint(68, 96)) / 100).quantize(Decimal("0.01")))
    standard = Decimal(rng.choice((1_600, 1_800, 2_000, 2_200)))
    allowance = standard + rng.choice((-100, 0, 0, 0, 50, 100, 200))
    received = _fen(rng, 2_000, 50_000) if rng.random() < 0.5 else None
    retained = None if received is None else received if rng.random() < 0.9 else received / 2
    workstation = _maybe(rng, _WORKSTATION_FULL)
    if workstation is not None and rng.random() < 0.1:
        workstation = Workstation(
            exists=True,
            dispatched_by_office=True,
            shares_premises=rng.random() < 0.7,
            party_organisation=True,
            head_party_member=rng.random() < 0.5,
            head_is_party_secretary=_maybe(rng, False, 0.5),
        )
    sub_areas, heads = _plan(rng, buildings, policy)
    return Community(
        community_id,
        buildings=buildings,
        kind=kind,
        households=households,
        staff=staff,
        office_space_m2=space,
        office_funds=office_funds,
        welfare_funds=welfare,
        name=name,
        staff_members=members,
        living_allowance=_maybe(rng, allowance),
        living_allowance_standard=_maybe(rng, standard),
        living_allowance_previous=_maybe(rng, standard - rng.choice((0, 0, 100))),
        task_funds_received=received.quantize(Decimal("0.01")) if received is not None else None,
        task_funds_retained=retained.quantize(Decimal("0.01")) if retained is not None else None,
        workstation=workstation,
        sub_areas=sub_areas,
        building_heads=heads,
    )


def make_office(
    index: int, size: int, first: int, *, seed: int = SEED, policy: Policy = DEFAULT_POLICY
) -> SubDistrictOffice:
    """Sub-district office number ``index`` with ``size`` communities numbered from ``first``.

    Drawn from its own ``random.Random`` seeded with ``seed`` and ``index``,
    so it does not depend on the offices made before it.
    """
    rng = random.Random(f"office-{seed}-{index}")
    communities = [make_community(rng, f"C{first + k:06d}", policy=policy) for k in range(size)]
    return SubDistrictOffice(f"O{index:05d}", communities)


def national_offices(
    communities: int = NATION_COMMUNITIES,
    *,
    seed: int = SEED,
    policy: Policy = DEFAULT_POLICY,
    offices: range | None = None,
) -> Iterator[SubDistrictOffice]:
    """The sub-district offices of the nation, one at a time (``offices``: a slice of their indices)."""
    sizes = office_sizes(communities, seed)
    firsts = [0]
    for size in sizes:
        firsts.append(firsts[-1] + size)
    for index in offices if offices is not None else range(len(sizes)):
        yield make_office(index, sizes[index], firsts[index], seed=seed, policy=policy)


def _projects(office_ids: Sequence[str], seed: int) -> list[Project]:
    rng = random.Random(f"projects-{seed}")
    projects = []
    for office_id in office_ids[::10]:
        year = rng.randint(2003, 2022)
        completed = _maybe(rng, datetime.date(year, rng.randint(1, 12), rng.randint(1, 28)))
        rooms = [PublicRoom(f"R{k}", Decimal(rng.randint(20, 160))) for k in range(1, rng.randint(1, 3) + 1)]
        projects.append(Project(f"P-{office_id}", completed=completed, office=office_id, public_rooms=rooms))
    return projects


def national_district(
    communities: int = NATION_COMMUNITIES, *, seed: int = SEED, policy: Policy = DEFAULT_POLICY
) -> District:
    """A synthetic district of ``communities`` communities (the whole nation by default).

    Deterministic: the same arguments give an equal district.

    >>> d = national_district(30, seed=1)
    >>> d == national_district(30, seed=1), sum(1 for _ in d.communities())
    (True, 30)
    """
    return nation_of(tuple(national_offices(communities, seed=seed, policy=policy)), seed=seed)


def nation_of(offices: Sequence[SubDistrictOffice], *, seed: int = SEED) -> District:
    """The synthetic nation's district of ``offices`` (those of :func:`national_offices`), with its projects."""
    return District(
        "nation",
        offices=offices,
        name="全国城市社区（合成） Synthetic nation",
        projects=_projects([o.id for o in offices], seed),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communities", type=int, default=NATION_COMMUNITIES)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--json", type=Path, help="write the district as a JSON document to this file")
    parser.add_argument("--stats", action="store_true", help="print its size and how long it took to make")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    district = national_district(args.communities, seed=args.seed)
    made = time.perf_counter() - start
    if args.stats or not args.json:
        counts = district.counts()
        print(
            f"{counts['offices']:,} offices, {counts['communities']:,} communities, "
            f"{counts['buildings']:,} buildings, {counts['households']:,} households "
            f"(seed {args.seed}); made in {made:.1f} s"
        )
    if args.json:
        with args.json.open("w", encoding="utf-8") as out:
            json.dump(dump_district(district), out, ensure_ascii=False)
        print(f"written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
