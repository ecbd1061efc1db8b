"""Tests of community_rules.partitioning (clause 2.2.1; SPEC I-1, I-2, I-3).

The expected values are worked out by hand in the comments. Optimality is
proved against an exhaustive reference (every contiguous cut of every run,
every grouping of every sub-area) over thousands of generated streets.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from community_rules import partitioning
from community_rules.enums import Modality, Status
from community_rules.errors import Error, InvalidType, InvalidValue
from community_rules.findings import Finding
from community_rules.model import Building, BuildingHead, Community, ExistingSubArea
from community_rules.opinion import clause
from community_rules.partitioning import (
    RULES,
    BuildingGroup,
    Grouping,
    Partition,
    Run,
    RunKind,
    SubArea,
    building_head_count,
    check_community,
    partition,
)
from community_rules.policy import DEFAULT_POLICY, Policy, SubAreaRule
from community_rules.readings import interpretation

NEAREST = attrs.evolve(DEFAULT_POLICY, sub_area_rule=SubAreaRule.NEAREST)
KEEP = attrs.evolve(DEFAULT_POLICY, keep_residents_groups=True)


def street(*households: int, prefix: str = "B") -> list[Building]:
    """Ordinary buildings B1, B2, … with these households, in street order."""
    return [Building(f"{prefix}{i}", h) for i, h in enumerate(households, 1)]


def ids(p: Partition) -> list[list[str]]:
    return [[b.id for b in s.buildings] for s in p.sub_areas]


def sizes(p: Partition) -> list[int]:
    return [s.households for s in p.sub_areas]


def group_sizes(s: SubArea) -> list[list[int]]:
    return [[b.households for b in g.buildings] for g in s.groups]


# --- the exhaustive reference ---------------------------------------------------------


def compositions(m: int) -> Iterator[list[int]]:
    """Every way to cut m items into contiguous parts, as the parts' end positions."""
    for mask in range(1 << (m - 1)):
        yield [i + 1 for i in range(m - 1) if mask >> i & 1] + [m]


def part_sums(weights: Sequence[int], ends: list[int]) -> list[int]:
    starts = [0, *ends[:-1]]
    return [sum(weights[a:b]) for a, b in zip(starts, ends, strict=True)]


def reference_cut(weights: list[int], cap: int, nearest: bool) -> list[int]:
    """I-1 by brute force: the fewest parts within the cap (or the nearest number), smallest maximum.

    Ties go to the cut whose parts, from the first, are as long as possible
    (the largest end positions, compared in order).
    """
    total = sum(weights)
    target = max(1, (2 * total + cap) // (2 * cap))  # round half up, by hand
    best: tuple[object, ...] | None = None
    chosen: list[int] = []
    for ends in compositions(len(weights)):
        sums = part_sums(weights, ends)
        if nearest:
            if len(ends) != target:
                continue
            key: tuple[object, ...] = (max(sums), [-e for e in ends])
        else:
            if max(sums) > cap:
                continue
            key = (len(ends), max(sums), [-e for e in ends])
        if best is None or key < best:
            best, chosen = key, ends
    return chosen


def reference_groups(weights: list[int], low: int, high: int) -> list[int]:
    """I-3 by brute force: the fewest groups of at most `high`, at least `low` (or as many as fit)."""
    n = len(weights)
    cuts = [e for e in compositions(n) if max(b - a for a, b in zip([0, *e[:-1]], e, strict=True)) <= high]
    fewest = min(len(e) for e in cuts)
    least = min(low, n // fewest)
    best: tuple[object, ...] | None = None
    chosen: list[int] = []
    for ends in cuts:
        lengths = [b - a for a, b in zip([0, *ends[:-1]], ends, strict=True)]
        if len(ends) != fewest or min(lengths) < least:
            continue
        key = (max(part_sums(weights, ends)), [-e for e in ends])
        if best is None or key < best:
            best, chosen = key, ends
    return chosen


def reference(buildings: list[Building], policy: Policy) -> list[tuple[list[str], list[list[str]]]]:
    """The whole partition by the words of I-1, I-2, I-3 and the residents'-group reading."""
    cap = policy.sub_area_households
    position = {b.id: i for i, b in enumerate(buildings)}
    pools: dict[str | None, list[Building]] = {}
    for b in buildings:
        pools.setdefault(b.compound, []).append(b)
    areas: list[list[Building]] = []
    for pool in pools.values():
        blocks: list[list[Building]] = []
        for b in pool:
            block = next(
                (
                    blk
                    for blk in blocks
                    if policy.keep_residents_groups
                    and b.residents_group is not None
                    and blk[0].residents_group == b.residents_group
                ),
                None,
            )
            if block is None:
                blocks.append([b])
            else:
                block.append(b)
        runs: list[list[list[Building]]] = [[]]
        for block in blocks:
            if sum(b.households for b in block) <= cap:
                runs[-1].append(block)
                continue
            # A block over the cap stands apart from its neighbours: a lone building as a
            # sub-area of its own, a residents' group cut within itself.
            runs.append([])
            for b in block if len(block) > 1 else []:
                if b.households > cap:
                    runs += [[[b]], []]
                else:
                    runs[-1].append([b])
            if len(block) == 1:
                runs.append([block])
            runs.append([])
        for run in filter(None, runs):
            weights = [sum(b.households for b in blk) for blk in run]
            if len(run) == 1:
                areas.append(run[0])
                continue
            start = 0
            for end in reference_cut(weights, cap, policy.sub_area_rule is SubAreaRule.NEAREST):
                areas.append([b for blk in run[start:end] for b in blk])
                start = end
    result = []
    for area in sorted(areas, key=lambda a: min(position[b.id] for b in a)):
        area.sort(key=lambda b: position[b.id])
        if len(area) == 1:
            ends = [1]
        else:
            ends = reference_groups(
                [b.households for b in area],
                policy.building_head_min_buildings,
                policy.building_head_max_buildings,
            )
        starts = [0, *ends[:-1]]
        result.append(
            ([b.id for b in area], [[b.id for b in area[a:e]] for a, e in zip(starts, ends, strict=True)])
        )
    return result


def as_reference(p: Partition) -> list[tuple[list[str], list[list[str]]]]:
    return [
        ([b.id for b in s.buildings], [[b.id for b in g.buildings] for g in s.groups]) for s in p.sub_areas
    ]


def greedy_fill(weights: list[int], cap: int) -> list[int]:
    """The naive cut: fill each sub-area as far as the cap allows (what I-1 must beat on balance)."""
    sums, current = [], 0
    for w in weights:
        if current and current + w > cap:
            sums.append(current)
            current = 0
        current += w
    return [*sums, current]


# --- strategies ---------------------------------------------------------------------------


@st.composite
def streets(
    draw: st.DrawFn,
    *,
    max_size: int = 9,
    max_households: int = 80,
    compounds: bool = True,
    groups: bool = True,
) -> list[Building]:
    n = draw(st.integers(0, max_size))
    result = []
    for i in range(n):
        compound = draw(st.sampled_from([None, None, None, "A", "B"])) if compounds else None
        group = draw(st.sampled_from([None, None, "g1", "g2", "g3"])) if groups else None
        households = draw(st.integers(0, max_households))
        result.append(Building(f"B{i}", households, compound=compound, residents_group=group))
    return result


@st.composite
def policies(draw: st.DrawFn, *, rule: SubAreaRule | None = None, keep: bool | None = None) -> Policy:
    low, high = draw(st.sampled_from([(2, 3), (2, 3), (1, 1), (1, 3), (2, 4), (3, 4), (3, 3)]))
    return attrs.evolve(
        DEFAULT_POLICY,
        sub_area_households=draw(st.integers(1, 120)),
        sub_area_rule=rule if rule is not None else draw(st.sampled_from(SubAreaRule)),
        keep_residents_groups=keep if keep is not None else draw(st.booleans()),
        building_head_min_buildings=low,
        building_head_max_buildings=high,
    )


QUICK = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
THOROUGH = settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- SPEC §6 and other hand-worked cases --------------------------------------------------


class TestSpecExamples:
    def test_i1_five_buildings_need_three_balanced_sub_areas(self) -> None:
        # 300+150+100+250+180 = 980 > 2 × 500, and no 2 contiguous parts fit (300+150+100 = 550,
        # 150+100+250+180 = 680): 3 sub-areas. Smallest maximum: [300] [150,100]=250 [250,180]=430;
        # every other 3-cut has a part of 450 ([300,150]) or more.
        p = partition(street(300, 150, 100, 250, 180))
        assert ids(p) == [["B1"], ["B2", "B3"], ["B4", "B5"]]
        assert sizes(p) == [300, 250, 430]
        assert p.sub_area_heads == 3
        assert p.households == 980

    def test_i1_greedy_fill_would_be_worse(self) -> None:
        # Filling to the cap: [300,150]=450, [100,250]=350, [180]: also 3, but largest 450 > 430.
        assert greedy_fill([300, 150, 100, 250, 180], 500) == [450, 350, 180]
        assert max(sizes(partition(street(300, 150, 100, 250, 180)))) == 430

    def test_i3_five_buildings_two_heads_balanced(self) -> None:
        # ceil(5 / 3) = 2 heads: sizes 2+3 → [40,60]=100, [80,30,50]=160; sizes 3+2 →
        # [40,60,80]=180, [30,50]=80. The largest is smaller with 2+3.
        p = partition(street(40, 60, 80, 30, 50))
        (area,) = p.sub_areas
        assert group_sizes(area) == [[40, 60], [80, 30, 50]]
        assert [g.households for g in area.groups] == [100, 160]
        assert p.building_heads == 2

    def test_spec_example_building_heads(self) -> None:
        # I-1 example: [300] alone → its own head; [150,100] → 1; [250,180] → 1: 3 heads.
        assert partition(street(300, 150, 100, 250, 180)).building_heads == 3


class TestSubAreaCount:
    def test_empty(self) -> None:
        p = partition([])
        assert (p.sub_areas, p.sub_area_heads, p.building_heads, p.households) == ((), 0, 0, 0)

    def test_one_building(self) -> None:
        p = partition(street(120))
        assert ids(p) == [["B1"]]
        assert p.building_heads == 1

    def test_exactly_the_cap_is_one_sub_area(self) -> None:
        # 500 is not more than 500 (a cap, inclusive), and 0 adds nothing: one sub-area.
        assert ids(partition(street(500, 0))) == [["B1", "B2"]]

    def test_one_over_the_cap_splits(self) -> None:
        # 250 + 251 = 501 > 500: two sub-areas.
        assert sizes(partition(street(250, 251))) == [250, 251]

    def test_zero_household_buildings(self) -> None:
        # 0 households fit anywhere: one sub-area; 3 buildings → one head.
        p = partition(street(0, 0, 0))
        assert sizes(p) == [0]
        assert p.building_heads == 1

    def test_building_over_the_cap_cuts_the_pool(self) -> None:
        # 200 and 200 would fit together (400), but the 600-household building between them is a
        # sub-area of its own and cuts the street: 3 sub-areas.
        p = partition(street(200, 600, 200))
        assert ids(p) == [["B1"], ["B2"], ["B3"]]
        assert [s.run.kind for s in p.sub_areas] == [
            RunKind.ORDINARY,
            RunKind.LARGE_BUILDING,
            RunKind.ORDINARY,
        ]

    def test_1100_households(self) -> None:
        # R09's question: 1,100 households. As a cap: 1100 / 500 = 2.2 → at least 3 sub-areas;
        # [400,300,400] in 2 parts is 400|700 or 700|400, both over 500: 3, one building each.
        assert sizes(partition(street(400, 300, 400))) == [400, 300, 400]

    def test_contiguity_can_need_more_than_households_alone(self) -> None:
        # 260+260+260 = 780: ceil(780/500) = 2, but any two neighbours make 520: 3 sub-areas.
        p = partition(street(260, 260, 260))
        assert p.sub_area_heads == 3
        assert p.sub_areas[0].run.least_by_households == 2

    def test_tie_goes_to_fuller_earlier_sub_areas(self) -> None:
        # 750 in 250s: 2 parts, largest 500 either way ([250,250][250] or [250][250,250]);
        # the earlier sub-area takes as many buildings as the bound allows.
        assert ids(partition(street(250, 250, 250))) == [["B1", "B2"], ["B3"]]

    def test_smaller_cap_from_policy(self) -> None:
        # cap 400: 300 stands alone (300+150 = 450); the rest, 150+100+250+180 = 680, cannot make
        # 2 parts of ≤ 400 (250|430, 500|180, 150|530): 4 sub-areas in all. The largest cannot be
        # below 300 (B1), and [300] [150,100] [250] [180] reaches it.
        policy = attrs.evolve(DEFAULT_POLICY, sub_area_households=400)
        assert sizes(partition(street(300, 150, 100, 250, 180), policy=policy)) == [300, 250, 250, 180]


class TestNearestRule:
    def test_980_households_two_sub_areas(self) -> None:
        # round_half_up(980 / 500) = round(1.96) = 2. Two parts: [300]|680, [300,150]=450|530,
        # [300,150,100]=550|430, [..250]=800|180: the smallest largest is 530.
        p = partition(street(300, 150, 100, 250, 180), policy=NEAREST)
        assert ids(p) == [["B1", "B2"], ["B3", "B4", "B5"]]
        assert sizes(p) == [450, 530]

    def test_half_rounds_up(self) -> None:
        # 750 / 500 = 1.5 → 2 (half up); 749 / 500 = 1.498 → 1.
        assert partition(street(250, 250, 250), policy=NEAREST).sub_area_heads == 2
        assert partition(street(250, 250, 249), policy=NEAREST).sub_area_heads == 1

    def test_small_run_still_one_sub_area(self) -> None:
        # round_half_up(100 / 500) = 0 → max(1, 0) = 1.
        assert partition(street(60, 40), policy=NEAREST).sub_area_heads == 1

    def test_1100_households(self) -> None:
        # round_half_up(1100 / 500) = round(2.2) = 2 (the cap reading gives 3). [400,300]|[400] and
        # [400]|[300,400] both have 700 in the larger; the earlier sub-area takes more buildings.
        assert sizes(partition(street(400, 300, 400), policy=NEAREST)) == [700, 400]

    def test_oversized_building_still_cuts(self) -> None:
        # A building over 500 stands alone under either reading; runs [100] and [100]:
        # max(1, round_half_up(100 / 500)) = 1 each.
        assert ids(partition(street(100, 700, 100), policy=NEAREST)) == [["B1"], ["B2"], ["B3"]]

    def test_explains_the_rounding(self) -> None:
        text = partition(street(300, 150, 100, 250, 180), policy=NEAREST).sub_areas[0].explain()
        assert "max(1, round_half_up(980 / 500)) = 2" in text
        assert "530" in text


class TestCompounds:
    def test_small_compound_stands_apart(self) -> None:
        # I-2: G1 (50) would fit with B1+B2 (200), but a compound never shares a sub-area.
        # Sub-areas are ordered by their first building: B1 (position 0), then G1 (position 1).
        buildings = [Building("B1", 100), Building("G1", 50, compound="Garden"), Building("B2", 100)]
        p = partition(buildings)
        assert ids(p) == [["B1", "B2"], ["G1"]]
        assert [s.compound for s in p.sub_areas] == [None, "Garden"]

    def test_compound_over_the_cap_is_cut_within(self) -> None:
        # 200+200+200 = 600 > 500: 2 sub-areas within the compound, [200,200]=400 and [200].
        buildings = [Building(f"G{i}", 200, compound="Garden") for i in range(1, 4)]
        p = partition(buildings)
        assert ids(p) == [["G1", "G2"], ["G3"]]
        assert {s.run.kind for s in p.sub_areas} == {RunKind.COMPOUND}

    def test_ordinary_pool_joins_across_a_compound(self) -> None:
        # The ordinary buildings form one pool: B1 and B2 are neighbours in it, though the
        # compound's building stands between them in the input.
        buildings = [Building("B1", 100), Building("G1", 600, compound="Tower"), Building("B2", 100)]
        p = partition(buildings)
        assert ids(p) == [["B1", "B2"], ["G1"]]
        assert p.sub_areas[1].run.kind is RunKind.LARGE_BUILDING
        assert p.sub_areas[1].compound == "Tower"

    def test_two_compounds(self) -> None:
        buildings = [
            Building("A1", 10, compound="A"),
            Building("B1", 10, compound="B"),
            Building("A2", 10, compound="A"),
        ]
        assert ids(partition(buildings)) == [["A1", "A2"], ["B1"]]

    def test_compound_explains_itself(self) -> None:
        p = partition([Building("G1", 80, compound="Garden"), Building("G2", 90, compound="Garden")])
        text = p.sub_areas[0].explain()
        assert "Compound 'Garden'" in text
        assert "I-2" in text
        assert "封闭小区" in p.sub_areas[0].explain("zh")


class TestResidentsGroups:
    buildings = (
        Building("B1", 100, residents_group="g1"),
        Building("B2", 300),
        Building("B3", 150, residents_group="g1"),
        Building("B4", 200),
    )

    def test_ignored_unless_asked(self) -> None:
        # Without the option: [100,300,150,200] = 750 → 2 parts; largest smallest is 400:
        # [100,300]=400, [150,200]=350. Group g1 (B1, B3) is split.
        assert ids(partition(self.buildings)) == [["B1", "B2"], ["B3", "B4"]]

    def test_non_adjacent_members_kept_as_a_block(self) -> None:
        # With the option, g1 is one block of 100+150 = 250 where B1 stands: blocks
        # [250, 300, 200] = 750 → 2 parts; [250,300]=550 > 500, so [250] [300,200]=500.
        p = partition(self.buildings, policy=KEEP)
        assert ids(p) == [["B1", "B3"], ["B2", "B4"]]
        assert p.sub_areas[0].residents_groups == ("g1",)
        assert "Residents' groups kept whole: g1." in p.sub_areas[0].explain()

    def test_group_over_the_cap_is_cut_within(self) -> None:
        # g2 = 400 + 300 = 700 > 500: cut within itself, like a large compound.
        buildings = [
            Building("B1", 50),
            Building("B2", 400, residents_group="g2"),
            Building("B3", 300, residents_group="g2"),
        ]
        p = partition(buildings, policy=KEEP)
        assert ids(p) == [["B1"], ["B2"], ["B3"]]
        assert p.sub_areas[1].run.kind is RunKind.LARGE_RESIDENTS_GROUP
        assert p.sub_areas[1].run.residents_group == "g2"

    def test_building_over_the_cap_inside_a_group(self) -> None:
        buildings = [
            Building("B1", 100, residents_group="g"),
            Building("B2", 700, residents_group="g"),
            Building("B3", 100, residents_group="g"),
        ]
        p = partition(buildings, policy=KEEP)
        assert ids(p) == [["B1"], ["B2"], ["B3"]]
        assert [s.run.kind for s in p.sub_areas] == [
            RunKind.LARGE_RESIDENTS_GROUP,
            RunKind.LARGE_BUILDING,
            RunKind.LARGE_RESIDENTS_GROUP,
        ]

    def test_compound_boundary_comes_first(self) -> None:
        # I-2 before the residents' group: g's members inside and outside the compound part.
        buildings = [
            Building("B1", 10, residents_group="g"),
            Building("G1", 10, compound="Garden", residents_group="g"),
        ]
        assert ids(partition(buildings, policy=KEEP)) == [["B1"], ["G1"]]


class TestBuildingHeads:
    @pytest.mark.parametrize(
        ("n", "heads"),
        # ceil(n / 3) for n ≥ 1 (a lone building: 1), 0 for none.
        [(0, 0), (1, 1), (2, 1), (3, 1), (4, 2), (5, 2), (6, 2), (7, 3), (9, 3), (10, 4), (100, 34)],
    )
    def test_count(self, n: int, heads: int) -> None:
        assert building_head_count(n) == heads
        assert partition(street(*[0] * n)).building_heads == heads

    def test_count_with_another_policy(self) -> None:
        # One head per 4 buildings at most: ceil(9 / 4) = 3.
        policy = attrs.evolve(DEFAULT_POLICY, building_head_max_buildings=4)
        assert building_head_count(9, policy=policy) == 3

    def test_four_buildings_two_pairs(self) -> None:
        # 2 heads of 2–3 buildings for 4 buildings: only 2+2.
        (area,) = partition(street(10, 10, 10, 100)).sub_areas
        assert group_sizes(area) == [[10, 10], [10, 100]]

    def test_seven_buildings_balanced(self) -> None:
        # 3 heads; sizes 3+2+2: 70,20,60 → 70; 2+3+2: 60,30,60 → 60; 2+2+3: 60,20,70 → 70.
        (area,) = partition(street(50, 10, 10, 10, 10, 10, 50)).sub_areas
        assert [g.households for g in area.groups] == [60, 30, 60]

    def test_tie_goes_to_larger_earlier_group(self) -> None:
        # Five buildings of 10: 2+3 and 3+2 both have largest 30; the earlier group takes 3.
        (area,) = partition(street(10, 10, 10, 10, 10)).sub_areas
        assert [len(g.buildings) for g in area.groups] == [3, 2]

    def test_groups_never_cross_sub_areas(self) -> None:
        # Sub-areas [300] [150,100] [250,180]: the lone B1 gets its own head, not a share of B2's.
        p = partition(street(300, 150, 100, 250, 180))
        assert [group_sizes(s) for s in p.sub_areas] == [[[300]], [[150, 100]], [[250, 180]]]

    def test_lone_building_explains_itself(self) -> None:
        group = partition(street(300)).sub_areas[0].groups[0]
        assert "only building of its sub-area" in group.explain()
        assert "唯一的楼栋" in group.explain("zh")

    def test_group_explains_balance(self) -> None:
        group = partition(street(40, 60, 80, 30, 50)).sub_areas[0].groups[0]
        assert "ceil(5 / 3) = 2 groups" in group.reason_en
        assert "no head cares for more than 160 households" in group.reason_en
        assert "⌈5÷3⌉ = 2组" in group.reason_zh

    def test_one_head_per_building_policy(self) -> None:
        policy = attrs.evolve(DEFAULT_POLICY, building_head_min_buildings=1, building_head_max_buildings=1)
        assert partition(street(1, 2, 3), policy=policy).building_heads == 3

    def test_policy_minimum_lowered_only_when_needed(self) -> None:
        # 3–4 buildings per head, 5 buildings: ceil(5/4) = 2 heads, but 2 × 3 > 5, so the least
        # group is what an even split allows, 5 // 2 = 2: groups 3+2 or 2+3, both largest 30; the
        # earlier group takes 3.
        policy = attrs.evolve(DEFAULT_POLICY, building_head_min_buildings=3, building_head_max_buildings=4)
        (area,) = partition(street(10, 10, 10, 10, 10), policy=policy).sub_areas
        assert [len(g.buildings) for g in area.groups] == [3, 2]
        assert area.grouping.min_buildings == 2


class TestResults:
    def test_repr(self) -> None:
        # 300+150+100 = 550 → 2 sub-areas; [300] [150,100]=250 beats [300,150]=450 [100].
        p = partition(street(300, 150, 100))
        assert repr(p) == (
            "Partition(sub_areas=(('B1',), ('B2', 'B3')), households=550, sub_area_heads=2, building_heads=2)"
        )
        assert repr(p.sub_areas[1]) == (
            "SubArea(buildings=('B2', 'B3'), households=250, compound=None, groups=(('B2', 'B3'),))"
        )
        assert repr(p.groups[1]) == "BuildingGroup(buildings=('B2', 'B3'), households=250)"
        assert repr(p.runs[0]) == (
            "Run(kind='ordinary', buildings=('B1', 'B2', 'B3'), households=550, sub_areas=2, largest=300)"
        )

    def test_frozen_and_comparable(self) -> None:
        p = partition(street(300, 150, 100))
        assert p == partition(street(300, 150, 100))
        assert p != partition(street(300, 150, 101))
        assert hash(p) == hash(partition(street(300, 150, 100)))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            p.sub_area_heads = 9  # type: ignore[misc]

    def test_provenance(self) -> None:
        p = partition(street(300, 150, 100))
        for item in (p, p.sub_areas[0], p.groups[0], p.runs[0], p.sub_areas[0].grouping):
            assert item.clauses == ("2.2.1",)
            for i in item.interpretations:
                assert interpretation(i).clause == "2.2.1"
        assert p.interpretations == ("I-1", "I-2", "I-3")
        assert p.groups[0].interpretations == ("I-3",)

    def test_types(self) -> None:
        p = partition(street(300, 150, 100))
        assert isinstance(p.sub_area_heads, int)
        assert isinstance(p.building_heads, int)
        assert all(isinstance(s, SubArea) and isinstance(s.households, int) for s in p.sub_areas)
        assert all(isinstance(g, BuildingGroup) for g in p.groups)
        assert isinstance(p.runs[0], Run)
        assert isinstance(p.sub_areas[0].grouping, Grouping)
        assert p.building_count == 3

    def test_buildings_are_the_inputs(self) -> None:
        buildings = street(300, 150)
        p = partition(buildings)
        assert p.sub_areas[0].buildings[0] is buildings[0]

    def test_accepts_any_iterable(self) -> None:
        assert partition(iter(street(300, 150))) == partition(tuple(street(300, 150)))


class TestExplanations:
    def test_partition_explains_run_by_run(self) -> None:
        text = partition(street(300, 150, 100, 250, 180)).explain()
        assert text.splitlines()[0] == (
            "980 households in 5 buildings: 3 residential sub-areas (one sub-area head each) and "
            "3 building heads (2.2.1; I-1, I-2, I-3)."
        )
        assert "needs 3 sub-areas of at most 500 households (980 / 500 gives at least 2; 1 more" in text
        assert "Sub-area 3: 2 buildings (B4, B5), 430 households, 1 building head." in text

    def test_chinese(self) -> None:
        p = partition(street(300, 150, 100, 250, 180))
        text = p.reason_zh
        assert text.startswith("5栋楼共980户：划分3个居民小区")
        assert "原则上每500户为一小区" in text
        assert "小区3：2栋楼（B4、B5），430户" in text
        assert p.sub_areas[0].reason_zh.endswith("设小区长1名、楼长1名。")

    def test_oversized_building(self) -> None:
        text = partition(street(620)).sub_areas[0].explain()
        assert text.startswith("Building B1 has 620 households, more than 500: it is a sub-area of its own")

    def test_policy_numbers_are_used(self) -> None:
        policy = attrs.evolve(DEFAULT_POLICY, sub_area_households=400)
        assert "at most 400 households" in partition(street(300, 150), policy=policy).reason_en

    @pytest.mark.parametrize("lang", ["fr", "", "EN"])
    def test_bad_language(self, lang: str) -> None:
        p = partition(street(1))
        for item in (p, p.sub_areas[0], p.groups[0], p.runs[0]):
            with pytest.raises(InvalidValue) as info:
                item.explain(lang)
            assert info.value.path == "lang"


class TestBadInput:
    def test_duplicate_id(self) -> None:
        with pytest.raises(InvalidValue) as info:
            partition([Building("B1", 1), Building("B2", 2), Building("B1", 3)])
        assert (info.value.path, info.value.value) == ("buildings[2].id", "B1")
        assert "buildings[0]" in info.value.message_en
        assert "重复" in info.value.message_zh

    @pytest.mark.parametrize("item", ["B2", None, 5, ("B2", 10), {"id": "B2", "households": 10}])
    def test_not_a_building(self, item: object) -> None:
        with pytest.raises(InvalidType) as info:
            partition([Building("B1", 1), item])  # type: ignore[list-item]
        assert info.value.path == "buildings[1]"
        assert info.value.value == item

    @pytest.mark.parametrize("value", ["B1", b"B1", None, 5, Building("B1", 1)])
    def test_not_a_sequence(self, value: object) -> None:
        with pytest.raises(InvalidType) as info:
            partition(value)  # type: ignore[arg-type]
        assert info.value.path == "buildings"

    def test_not_a_policy(self) -> None:
        with pytest.raises(InvalidType) as info:
            partition([], policy={"sub_area_households": 500})  # type: ignore[arg-type]
        assert info.value.path == "policy"

    @pytest.mark.parametrize(
        ("kwargs", "path", "error"),
        [
            ({"id": "B1", "households": -1}, "households", InvalidValue),
            ({"id": "B1", "households": 1.5}, "households", InvalidValue),
            ({"id": "B1", "households": True}, "households", InvalidType),
            ({"id": "B1", "households": "12"}, "households", InvalidType),
            ({"id": "", "households": 1}, "id", InvalidValue),
            ({"id": "B1", "households": 1, "compound": ""}, "compound", InvalidValue),
            ({"id": "B1", "households": 1, "compound": 7}, "compound", InvalidType),
            ({"id": "B1", "households": 1, "residents_group": " "}, "residents_group", InvalidValue),
        ],
    )
    def test_bad_building(self, kwargs: dict[str, object], path: str, error: type[Error]) -> None:
        with pytest.raises(error) as info:
            Building(**kwargs)  # type: ignore[arg-type]
        assert info.value.path == path
        assert info.value.value == kwargs[path]

    @pytest.mark.parametrize(
        ("value", "error"), [(-1, InvalidValue), (2.0, InvalidType), (True, InvalidType)]
    )
    def test_bad_building_head_count(self, value: object, error: type[Error]) -> None:
        with pytest.raises(error) as info:
            building_head_count(value)  # type: ignore[arg-type]
        assert info.value.path == "n_buildings"

    def test_errors_are_builtin_errors_too(self) -> None:
        with pytest.raises(ValueError, match="duplicate"):
            partition([Building("B1", 1), Building("B1", 1)])
        with pytest.raises(TypeError):
            partition([1])  # type: ignore[list-item]


# --- optimality against the exhaustive reference ------------------------------------------


class TestAgainstReference:
    @QUICK
    @given(streets(), policies())
    def test_matches_reference(self, buildings: list[Building], policy: Policy) -> None:
        assert as_reference(partition(buildings, policy=policy)) == reference(buildings, policy)

    @QUICK
    @given(streets(max_households=600, compounds=False, groups=False))
    def test_matches_reference_default_policy(self, buildings: list[Building]) -> None:
        assert as_reference(partition(buildings)) == reference(buildings, DEFAULT_POLICY)

    @pytest.mark.slow
    @THOROUGH
    @given(streets(max_size=10), policies(rule=SubAreaRule.CAP))
    def test_matches_reference_cap_thoroughly(self, buildings: list[Building], policy: Policy) -> None:
        assert as_reference(partition(buildings, policy=policy)) == reference(buildings, policy)

    @pytest.mark.slow
    @THOROUGH
    @given(streets(max_size=10), policies(rule=SubAreaRule.NEAREST))
    def test_matches_reference_nearest_thoroughly(self, buildings: list[Building], policy: Policy) -> None:
        assert as_reference(partition(buildings, policy=policy)) == reference(buildings, policy)

    @pytest.mark.slow
    @THOROUGH
    @given(streets(max_size=10), policies(keep=True))
    def test_matches_reference_groups_thoroughly(self, buildings: list[Building], policy: Policy) -> None:
        assert as_reference(partition(buildings, policy=policy)) == reference(buildings, policy)

    def test_reference_agrees_with_spec(self) -> None:
        # The reference itself gives the SPEC §6 answers.
        assert reference_cut([300, 150, 100, 250, 180], 500, False) == [1, 3, 5]
        assert reference_groups([40, 60, 80, 30, 50], 2, 3) == [2, 5]


# --- invariants ------------------------------------------------------------------------------


class TestInvariants:
    @QUICK
    @given(streets(max_size=40, max_households=300), policies())
    def test_structure(self, buildings: list[Building], policy: Policy) -> None:
        p = partition(buildings, policy=policy)
        cap = policy.sub_area_households
        position = {b.id: i for i, b in enumerate(buildings)}
        placed = [b for s in p.sub_areas for b in s.buildings]
        # Every building in exactly one sub-area, each sub-area in input order, ordered by its first.
        assert sorted(placed, key=lambda b: position[b.id]) == buildings
        firsts = [position[s.buildings[0].id] for s in p.sub_areas]
        assert firsts == sorted(firsts)
        for s in p.sub_areas:
            order = [position[b.id] for b in s.buildings]
            assert order == sorted(order)
            assert s.households == sum(b.households for b in s.buildings)
            # I-2: one compound per sub-area.
            assert {b.compound for b in s.buildings} == {s.compound}
            # I-1: within the cap, or a single building over it.
            if policy.sub_area_rule is SubAreaRule.CAP:
                assert s.households <= cap or len(s.buildings) == 1
            if any(b.households > cap for b in s.buildings):
                assert len(s.buildings) == 1
            # I-3: groups cover the sub-area in order, 2–3 buildings (lone building: 1); under
            # other spans the least is lowered only as far as an even split needs.
            assert [b for g in s.groups for b in g.buildings] == list(s.buildings)
            assert len(s.groups) == building_head_count(len(s.buildings), policy=policy)
            for g in s.groups:
                assert g.households == sum(b.households for b in g.buildings)
                assert len(g.buildings) <= policy.building_head_max_buildings
                even = len(s.buildings) // len(s.groups)
                assert len(g.buildings) >= min(policy.building_head_min_buildings, even)
        assert p.sub_area_heads == len(p.sub_areas)
        assert p.building_heads == sum(len(s.groups) for s in p.sub_areas)
        assert p.households == sum(b.households for b in buildings)

    @QUICK
    @given(streets(max_size=40, max_households=300), policies(keep=True))
    def test_residents_groups_whole(self, buildings: list[Building], policy: Policy) -> None:
        p = partition(buildings, policy=policy)
        home = {b.id: i for i, s in enumerate(p.sub_areas) for b in s.buildings}
        members: dict[tuple[str | None, str], list[Building]] = {}
        for b in buildings:
            if b.residents_group is not None:
                members.setdefault((b.compound, b.residents_group), []).append(b)
        for group in members.values():
            if sum(b.households for b in group) <= policy.sub_area_households:
                assert len({home[b.id] for b in group}) == 1

    @QUICK
    @given(st.lists(st.integers(0, 500), min_size=1, max_size=60))
    def test_never_worse_than_greedy_fill(self, households: list[int]) -> None:
        # I-1 gives the fewest sub-areas (as greedy filling does) and never a larger maximum.
        p = partition(street(*households))
        greedy = greedy_fill(households, 500)
        assert p.sub_area_heads == len(greedy)
        assert max(sizes(p)) <= max(greedy)
        assert p.sub_area_heads >= -(-sum(households) // 500)

    @QUICK
    @given(st.lists(st.integers(0, 500), min_size=1, max_size=60))
    def test_nearest_count(self, households: list[int]) -> None:
        total = sum(households)
        p = partition(street(*households), policy=NEAREST)
        assert p.sub_area_heads == max(1, (2 * total + 500) // 1000)

    @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(streets(max_size=30, max_households=300), policies())
    def test_explanations_bilingual(self, buildings: list[Building], policy: Policy) -> None:
        p = partition(buildings, policy=policy)
        assert "2.2.1" in p.explain("en")
        assert "2.2.1" in p.explain("zh")
        for s in p.sub_areas:
            assert s.reason_en.count("2.2.1") >= 1
            assert s.reason_zh.count("2.2.1") >= 1
            for g in s.groups:
                assert "I-3" in g.reason_en
                assert "I-3" in g.reason_zh

    @settings(max_examples=100, deadline=None)
    @given(streets(max_size=12))
    def test_deterministic(self, buildings: list[Building]) -> None:
        assert partition(buildings) == partition(list(buildings))


# --- checking an existing plan --------------------------------------------------------------


def plan_of(
    buildings: Sequence[Building], policy: Policy = DEFAULT_POLICY, *, staff: bool | None = True
) -> Community:
    """A community whose plan is exactly the optimal partition."""
    p = partition(buildings, policy=policy)
    return Community(
        "C1",
        buildings=buildings,
        sub_areas=[
            ExistingSubArea(
                f"S{i}", [b.id for b in s.buildings], head=f"head{i}", head_is_committee_staff=staff
            )
            for i, s in enumerate(p.sub_areas, 1)
        ],
        building_heads=[
            BuildingHead(f"L{i}", [b.id for b in g.buildings]) for i, g in enumerate(p.groups, 1)
        ],
    )


def findings(community: Community, **kwargs: Any) -> dict[str, Finding]:
    return {f.rule: f for f in check_community(community, **kwargs)}


def status(community: Community, **kwargs: Any) -> dict[str, Status]:
    return {f.rule: f.status for f in check_community(community, **kwargs)}


# The SPEC §6 street; its plan below follows the optimal partition
# S1 [B1] S2 [B2, B3] S3 [B4, B5], heads L1 [B1] L2 [B2, B3] L3 [B4, B5].
SPEC = street(300, 150, 100, 250, 180)


class TestRules:
    def test_rule_table(self) -> None:
        assert [r.id for r in RULES] == [
            "partitioning.sub_areas",
            "partitioning.sub_area_size",
            "partitioning.building_coverage",
            "partitioning.sub_area_head",
            "partitioning.sub_area_head_is_staff",
            "partitioning.building_heads",
            "partitioning.building_head_span",
            "partitioning.building_head_coverage",
        ]
        fields = attrs.fields_dict(Policy)
        for rule in RULES:
            assert rule.clause == "2.2.1"
            assert rule.title_en
            assert rule.title_zh
            assert rule.source
            assert all(name in fields for name in rule.parameters)
            assert all(interpretation(i).clause == "2.2.1" for i in rule.interpretations)
        modality = {r.id: r.modality for r in RULES}
        assert modality["partitioning.sub_area_size"] is Modality.IN_PRINCIPLE
        assert modality["partitioning.sub_areas"] is Modality.IN_PRINCIPLE
        assert modality["partitioning.sub_area_head_is_staff"] is Modality.MANDATORY

    def test_compliant_plan_meets_every_rule(self) -> None:
        found = list(check_community(plan_of(SPEC), office="O1"))
        assert [f.rule for f in found] == [r.id for r in RULES]
        assert {f.status for f in found} == {Status.MET}
        assert {(f.community, f.office, f.clause) for f in found} == {("C1", "O1", "2.2.1")}
        for f in found:
            assert f.message_en
            assert f.message_zh
            assert ("buildings", 5) in f.inputs

    def test_counts_required(self) -> None:
        f = findings(plan_of(SPEC))
        assert (f["partitioning.sub_areas"].required, f["partitioning.sub_areas"].actual) == (3, 3)
        assert f["partitioning.building_heads"].required == 3

    def test_plan_not_known(self) -> None:
        found = findings(Community("C1", buildings=SPEC))
        assert {r: f.status for r, f in found.items()} == dict.fromkeys((r.id for r in RULES), Status.UNKNOWN)
        sub_areas = found["partitioning.sub_areas"]
        assert sub_areas.required == 3
        assert sub_areas.message_en.startswith("Unknown: no sub-area plan is known")
        assert sub_areas.message_zh.startswith("未知")
        heads = found["partitioning.building_heads"]
        assert heads.required == 3
        assert "I-1" in heads.interpretations

    def test_too_few_sub_areas(self) -> None:
        # One sub-area of 300+260 = 560 households where 2 are needed.
        c = Community(
            "C1",
            buildings=street(300, 260),
            sub_areas=[ExistingSubArea("S1", ["B1", "B2"], head="Li", head_is_committee_staff=True)],
        )
        f = findings(c)
        assert (f["partitioning.sub_areas"].status, f["partitioning.sub_areas"].gap) == (Status.NOT_MET, 1)
        size = f["partitioning.sub_area_size"]
        assert (size.status, size.modality, size.required, size.actual, size.gap, size.subject) == (
            Status.NOT_MET,
            Modality.IN_PRINCIPLE,
            500,
            560,
            60,
            "S1",
        )

    def test_too_many_sub_areas(self) -> None:
        c = Community(
            "C1",
            buildings=street(100, 100),
            sub_areas=[ExistingSubArea("S1", ["B1"]), ExistingSubArea("S2", ["B2"])],
        )
        f = findings(c)["partitioning.sub_areas"]
        assert (f.status, f.required, f.actual, f.gap) == (Status.NOT_MET, 1, 2, -1)
        assert "compound" in f.message_en

    def test_lone_large_building_is_allowed(self) -> None:
        c = Community("C1", buildings=street(620), sub_areas=[ExistingSubArea("S1", ["B1"], head="Li")])
        f = findings(c)["partitioning.sub_area_size"]
        assert f.status is Status.MET
        assert "a building is not divided" in f.message_en

    def test_coverage(self) -> None:
        c = Community(
            "C1",
            buildings=street(10, 10, 10),
            sub_areas=[ExistingSubArea("S1", ["B1", "B2"]), ExistingSubArea("S2", ["B2"])],
        )
        f = findings(c)["partitioning.building_coverage"]
        # B3 in none, B2 in two: 1 of 3 buildings in exactly one sub-area.
        assert (f.status, f.required, f.actual, f.gap, f.subject) == (Status.NOT_MET, 3, 1, 2, "B3, B2")
        assert "In no sub-area: B3." in f.message_en

    def test_vacant_head(self) -> None:
        c = Community("C1", buildings=street(10), sub_areas=[ExistingSubArea("S1", ["B1"])])
        f = findings(c)
        assert f["partitioning.sub_area_head"].status is Status.NOT_MET
        assert f["partitioning.sub_area_head"].subject == "S1"
        assert f["partitioning.sub_area_head_is_staff"].status is Status.NOT_APPLICABLE

    @pytest.mark.parametrize(
        ("staff", "expected"),
        [(True, Status.MET), (False, Status.NOT_MET), (None, Status.UNKNOWN)],
    )
    def test_head_is_staff(self, staff: bool | None, expected: Status) -> None:
        f = findings(plan_of(SPEC, staff=staff))["partitioning.sub_area_head_is_staff"]
        assert f.status is expected
        assert f.required == 3

    def test_not_staff_outweighs_unknown(self) -> None:
        c = Community(
            "C1",
            buildings=street(10, 600),
            sub_areas=[
                ExistingSubArea("S1", ["B1"], head="Li", head_is_committee_staff=False),
                ExistingSubArea("S2", ["B2"], head="Wang"),
            ],
        )
        f = findings(c)["partitioning.sub_area_head_is_staff"]
        assert (f.status, f.gap, f.subject) == (Status.NOT_MET, 1, "S1, S2")
        assert "S1 (Li)" in f.message_en

    def test_building_head_spans(self) -> None:
        # S1 has B1 alone (its own head is fine, I-3); S2 has B2..B5: L2 with B2 alone is not,
        # L3 with B3, B4, B5 is; a head with 4 buildings would not be.
        c = Community(
            "C1",
            buildings=street(10, 10, 10, 10, 10),
            sub_areas=[ExistingSubArea("S1", ["B1"]), ExistingSubArea("S2", ["B2", "B3", "B4", "B5"])],
            building_heads=[
                BuildingHead("L1", ["B1"]),
                BuildingHead("L2", ["B2"]),
                BuildingHead("L3", ["B3", "B4", "B5"]),
            ],
        )
        f = findings(c)["partitioning.building_head_span"]
        assert (f.status, f.required, f.actual, f.gap, f.subject) == (Status.NOT_MET, 3, 2, 1, "L2")
        four = attrs.evolve(
            c, building_heads=[BuildingHead("L1", ["B1"]), BuildingHead("L2", ["B2", "B3", "B4", "B5"])]
        )
        assert findings(four)["partitioning.building_head_span"].subject == "L2"

    def test_lone_building_judged_by_optimal_partition_without_plan(self) -> None:
        # No plan: the optimal partition puts B1 (620) alone, so its own head is fine.
        c = Community("C1", buildings=street(620, 10, 10), building_heads=[BuildingHead("L1", ["B1"])])
        assert findings(c)["partitioning.building_head_span"].status is Status.MET

    def test_building_head_count_range(self) -> None:
        # One sub-area of 6 buildings: at least ceil(6/3) = 2 heads, at most 6 // 2 = 3.
        buildings = street(*[10] * 6)
        area = [ExistingSubArea("S1", [b.id for b in buildings], head="Li", head_is_committee_staff=True)]
        pairs = [BuildingHead(f"L{i}", [f"B{2 * i - 1}", f"B{2 * i}"]) for i in range(1, 4)]
        ok = Community("C1", buildings=buildings, sub_areas=area, building_heads=pairs)
        assert findings(ok)["partitioning.building_heads"].status is Status.MET
        one = attrs.evolve(ok, building_heads=[BuildingHead("L1", [b.id for b in buildings])])
        f = findings(one)["partitioning.building_heads"]
        assert (f.status, f.required, f.actual, f.gap) == (Status.NOT_MET, 2, 1, 1)
        singles = attrs.evolve(ok, building_heads=[BuildingHead(f"L{b.id}", [b.id]) for b in buildings])
        f = findings(singles)["partitioning.building_heads"]
        assert (f.status, f.actual, f.gap) == (Status.NOT_MET, 6, -3)
        assert "2 to 3 building heads" in f.message_en

    def test_building_head_coverage(self) -> None:
        c = Community(
            "C1",
            buildings=street(10, 10, 10, 10),
            building_heads=[BuildingHead("L1", ["B1", "B2"]), BuildingHead("L2", ["B2", "B3"])],
        )
        f = findings(c)["partitioning.building_head_coverage"]
        # B4 has none, B2 has two: 2 of 4 have exactly one.
        assert (f.status, f.actual, f.gap, f.subject) == (Status.NOT_MET, 2, 2, "B4, B2")

    def test_as_of_counts_heads_in_post(self) -> None:
        community = plan_of(SPEC)
        heads = community.building_heads
        assert heads is not None
        ended = attrs.evolve(heads[0], start=datetime.date(2020, 1, 1), end=datetime.date(2024, 12, 31))
        c = attrs.evolve(community, building_heads=(ended, *heads[1:]))
        assert status(c)["partitioning.building_head_coverage"] is Status.MET
        later = findings(c, as_of=datetime.date(2025, 6, 1))
        assert later["partitioning.building_head_coverage"].status is Status.NOT_MET
        assert later["partitioning.building_heads"].actual == 2

    def test_nearest_policy(self) -> None:
        found = status(plan_of(SPEC, NEAREST), policy=NEAREST)
        assert found.pop("partitioning.sub_area_size") is Status.NOT_APPLICABLE
        assert set(found.values()) == {Status.MET}

    def test_no_buildings(self) -> None:
        assert set(status(Community("C1")).values()) == {Status.UNKNOWN}
        assert set(status(Community("C1", households=0)).values()) == {Status.NOT_APPLICABLE}
        f = findings(Community("C1", households=800))["partitioning.sub_areas"]
        assert "households: 800" in f.message_en

    def test_incomplete_building_list(self) -> None:
        # 980 households listed, 1,200 in the community: the whole requirement is unknown.
        c = attrs.evolve(plan_of(SPEC), households=1200)
        f = findings(c)["partitioning.sub_areas"]
        assert (f.status, f.required) == (Status.UNKNOWN, 3)
        assert "980 of the community's 1,200 households" in f.message_en

    def test_empty_plan(self) -> None:
        c = Community("C1", buildings=SPEC, sub_areas=[], building_heads=[])
        found = status(c)
        assert found["partitioning.sub_areas"] is Status.NOT_MET
        assert found["partitioning.sub_area_size"] is Status.NOT_APPLICABLE
        assert found["partitioning.sub_area_head"] is Status.NOT_APPLICABLE
        assert found["partitioning.building_coverage"] is Status.NOT_MET
        assert found["partitioning.building_head_span"] is Status.NOT_APPLICABLE
        assert found["partitioning.building_head_coverage"] is Status.NOT_MET

    def test_bad_input(self) -> None:
        with pytest.raises(InvalidType) as info:
            check_community(SPEC)  # type: ignore[arg-type]
        assert info.value.path == "community"
        with pytest.raises(InvalidType) as info:
            check_community(plan_of(SPEC), policy=None)  # type: ignore[arg-type]
        assert info.value.path == "policy"

    @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(streets(max_size=30, max_households=300), policies(rule=SubAreaRule.CAP))
    def test_optimal_plan_always_complies(self, buildings: list[Building], policy: Policy) -> None:
        found = list(check_community(plan_of(buildings, policy), policy=policy))
        assert [f.rule for f in found] == [r.id for r in RULES]
        if buildings:
            assert {f.status for f in found} == {Status.MET}, [f.message_en for f in found]


# --- found by mutation testing ----------------------------------------------------------------
#
# mutmut (docs/strategies.md, "Mutation testing") changed partitioning.py one operator or
# constant at a time; the tests below fail for the changes that survived the tests above.

UNITS = {
    "partitioning.sub_areas": "sub-areas",
    "partitioning.sub_area_size": "households",
    "partitioning.building_coverage": "buildings",
    "partitioning.sub_area_head": "sub-area heads",
    "partitioning.sub_area_head_is_staff": "sub-area heads",
    "partitioning.building_heads": "building heads",
    "partitioning.building_head_span": "building heads",
    "partitioning.building_head_coverage": "buildings",
}


def facts(f: Finding) -> tuple[Status, Any, Any, Any, str | None]:
    return (f.status, f.required, f.actual, f.gap, f.subject)


class TestFindingsCarryTheirFacts:
    def test_plan_not_known(self) -> None:
        # SPEC street, no plan and no heads: 3 sub-areas, 3 building heads, 5 buildings needed.
        found = findings(Community("C1", buildings=SPEC))
        assert {r: f.unit for r, f in found.items()} == UNITS
        assert {r: f.required for r, f in found.items()} == {
            "partitioning.sub_areas": 3,
            "partitioning.sub_area_size": 500,
            "partitioning.building_coverage": 5,
            "partitioning.sub_area_head": 3,
            "partitioning.sub_area_head_is_staff": None,
            "partitioning.building_heads": 3,
            "partitioning.building_head_span": None,
            "partitioning.building_head_coverage": 5,
        }
        assert found["partitioning.sub_area_head"].message_en == (
            "Unknown: no sub-area plan is known (sub_areas is None); each sub-area needs one head "
            "(3 under the fewest sub-areas of at most 500 households (I-1, I-2))."
        )
        for f in found.values():
            assert f.inputs == (
                ("buildings", 5),
                ("households", 980),
                ("sub_areas", None),
                ("building_heads", None),
                ("policy.sub_area_households", 500),
                ("policy.sub_area_rule", "cap"),
                ("policy.keep_residents_groups", False),
            )

    def test_compliant_plan(self) -> None:
        # The optimal plan S1 [B1] 300, S2 [B2, B3] 250, S3 [B4, B5] 430: the largest sub-area of
        # two or more buildings is 430 (B1 alone does not count), 0 over the cap.
        found = findings(plan_of(SPEC), policy=KEEP)
        assert {r: f.unit for r, f in found.items()} == UNITS
        assert {r: facts(f) for r, f in found.items()} == {
            "partitioning.sub_areas": (Status.MET, 3, 3, 0, None),
            "partitioning.sub_area_size": (Status.MET, 500, 430, 0, None),
            "partitioning.building_coverage": (Status.MET, 5, 5, 0, None),
            "partitioning.sub_area_head": (Status.MET, 3, 3, 0, None),
            "partitioning.sub_area_head_is_staff": (Status.MET, 3, 3, 0, None),
            "partitioning.building_heads": (Status.MET, 3, 3, 0, None),
            "partitioning.building_head_span": (Status.MET, 3, 3, 0, None),
            "partitioning.building_head_coverage": (Status.MET, 5, 5, 0, None),
        }
        sub_areas = found["partitioning.sub_areas"]
        assert sub_areas.message_en == (
            "The plan has 3 sub-areas; under the fewest sub-areas of at most 500 households (I-1, I-2), "
            "residents' groups kept whole its 5 buildings (980 households) need 3."
        )
        assert "每个小区不超过500户、小区数最少（I-1、I-2），居民小组不拆分" in sub_areas.message_zh
        assert ("policy.keep_residents_groups", True) in sub_areas.inputs
        assert ("sub_areas", 3) in sub_areas.inputs
        assert ("building_heads", 3) in sub_areas.inputs
        coverage = found["partitioning.building_coverage"]
        assert coverage.message_en == "5 of 5 buildings are in exactly one sub-area."
        assert coverage.message_zh == "5栋楼中5栋恰好属于一个小区。"
        assert found["partitioning.sub_area_head"].message_en == "3 of 3 sub-areas have a sub-area head."
        assert found["partitioning.building_head_span"].message_en == (
            "3 of 3 building heads care for 2–3 buildings, or for the lone building of a sub-area "
            "(the plan's sub-areas)."
        )
        assert found["partitioning.building_head_coverage"].message_en == (
            "5 of 5 buildings have exactly one building head."
        )

    def test_empty_plan(self) -> None:
        found = findings(Community("C1", buildings=SPEC, sub_areas=[], building_heads=[]))
        assert {r: f.unit for r, f in found.items()} == UNITS
        for rule in (
            "partitioning.sub_area_head",
            "partitioning.sub_area_head_is_staff",
            "partitioning.building_head_span",
        ):
            assert (found[rule].status, found[rule].required) == (Status.NOT_APPLICABLE, 0)
        size = found["partitioning.sub_area_size"]
        assert (size.status, size.required) == (Status.NOT_APPLICABLE, 500)

    def test_nearest_size_finding(self) -> None:
        f = findings(plan_of(SPEC, NEAREST), policy=NEAREST)["partitioning.sub_area_size"]
        assert (f.status, f.required, f.unit) == (Status.NOT_APPLICABLE, 500, "households")

    def test_too_few_and_too_many_in_both_languages(self) -> None:
        few = Community("C1", buildings=street(300, 260), sub_areas=[ExistingSubArea("S1", ["B1", "B2"])])
        f = findings(few)["partitioning.sub_areas"]
        assert "少1个：必有小区超过上限。" in f.message_zh
        many = Community(
            "C1",
            buildings=street(100, 100, 100),
            sub_areas=[ExistingSubArea(f"S{i}", [f"B{i}"]) for i in (1, 2, 3)],
        )
        f = findings(many)["partitioning.sub_areas"]
        # 300 households need 1 sub-area; the plan has 3: 2 more than needed.
        assert (f.required, f.actual, f.gap) == (1, 3, -2)
        assert " 2 more than needed;" in f.message_en
        assert "多2个" in f.message_zh

    def test_staff_counts(self) -> None:
        # Four buildings over the cap, each a sub-area of its own: S1 and S4 staff, S2 not, S3
        # not known. 2 of 4 are staff; 1 is not (the gap); S2 and S3 are named.
        flags: list[bool | None] = [True, False, None, True]
        c = Community(
            "C1",
            buildings=street(600, 610, 620, 630),
            sub_areas=[
                ExistingSubArea(f"S{i}", [f"B{i}"], head=f"H{i}", head_is_committee_staff=flag)
                for i, flag in enumerate(flags, 1)
            ],
        )
        f = findings(c)["partitioning.sub_area_head_is_staff"]
        assert facts(f) == (Status.NOT_MET, 4, 2, 1, "S2, S3")
        assert f.message_en == (
            "2 of 4 sub-area heads are known to be committee staff. Not committee staff: S2 (H2). "
            "Not known (head_is_committee_staff is None): S3 (H3)."
        )
        assert f.message_zh == (
            "4名小区长中2名确认为居委会工作人员。非居委会工作人员：S2（H2）。"
            "情况不明（head_is_committee_staff 为 None）：S3（H3）。"
        )
        unknown = findings(plan_of(SPEC, staff=None))["partitioning.sub_area_head_is_staff"]
        assert facts(unknown) == (Status.UNKNOWN, 3, 0, None, "S1, S2, S3")

    def test_vacant_head(self) -> None:
        community = plan_of(SPEC)
        assert community.sub_areas is not None
        first, second, third = community.sub_areas
        c = attrs.evolve(community, sub_areas=(first, attrs.evolve(second, head=None), third))
        f = findings(c)["partitioning.sub_area_head"]
        assert facts(f) == (Status.NOT_MET, 3, 2, 1, "S2")
        assert f.message_en == "2 of 3 sub-areas have a sub-area head. Vacant: S2."
        assert f.message_zh == "3个小区中2个已设小区长。空缺：S2。"

    def test_coverage_counts_and_listing(self) -> None:
        # 7 buildings, the plan has B1 only: 6 in no sub-area, the listing shows 5 and counts the rest.
        buildings = street(*[10] * 7)
        c = Community("C1", buildings=buildings, sub_areas=[ExistingSubArea("S1", ["B1"])])
        f = findings(c)["partitioning.building_coverage"]
        assert facts(f) == (Status.NOT_MET, 7, 1, 6, "B2, B3, B4, B5, B6, B7")
        assert (
            f.message_en
            == "1 of 7 buildings are in exactly one sub-area. In no sub-area: B2, B3, B4, B5, B6 and 1 more."
        )
        assert f.message_zh == "7栋楼中1栋恰好属于一个小区。未划入任何小区：B2、B3、B4、B5、B6等6项。"
        # Exactly 5 listed: no "and 0 more".
        c = Community("C1", buildings=buildings, sub_areas=[ExistingSubArea("S1", ["B1", "B2"])])
        f = findings(c)["partitioning.building_coverage"]
        assert f.message_en.endswith("In no sub-area: B3, B4, B5, B6, B7.")
        assert f.message_zh.endswith("未划入任何小区：B3、B4、B5、B6、B7。")
        shared = Community(
            "C1",
            buildings=street(10, 10),
            sub_areas=[ExistingSubArea("S1", ["B1", "B2"]), ExistingSubArea("S2", ["B2"])],
        )
        f = findings(shared)["partitioning.building_coverage"]
        assert f.message_en == "1 of 2 buildings are in exactly one sub-area. Listed more than once: B2."

    def test_head_coverage_messages(self) -> None:
        c = Community(
            "C1",
            buildings=street(10, 10, 10, 10),
            building_heads=[BuildingHead("L1", ["B1", "B2"]), BuildingHead("L2", ["B2", "B3"])],
        )
        f = findings(c)["partitioning.building_head_coverage"]
        assert f.message_en == (
            "2 of 4 buildings have exactly one building head. Without a building head: B4. "
            "In the care of two or more: B2."
        )
        assert f.message_zh == "4栋楼中2栋恰有一名楼长。无楼长：B4。由两名以上楼长负责：B2。"


class TestSizeBoundaries:
    def test_exactly_the_cap_is_within_it(self) -> None:
        # 250 + 250 = 500: not over the cap of 500.
        c = Community("C1", buildings=street(250, 250), sub_areas=[ExistingSubArea("S1", ["B1", "B2"])])
        f = findings(c)["partitioning.sub_area_size"]
        assert facts(f) == (Status.MET, 500, 500, 0, None)

    def test_lone_building_at_the_cap_is_not_over_it(self) -> None:
        c = Community("C1", buildings=street(500), sub_areas=[ExistingSubArea("S1", ["B1"])])
        f = findings(c)["partitioning.sub_area_size"]
        # No sub-area of two or more buildings: largest 0, and nothing over the cap.
        assert facts(f) == (Status.MET, 500, 0, 0, None)
        assert "over the cap allowed" not in f.message_en

    def test_lone_buildings_over_the_cap_are_counted(self) -> None:
        c = Community(
            "C1",
            buildings=street(620, 700, 100, 100),
            sub_areas=[
                ExistingSubArea("S1", ["B1"]),
                ExistingSubArea("S2", ["B2"]),
                ExistingSubArea("S3", ["B3", "B4"]),
            ],
        )
        f = findings(c)["partitioning.sub_area_size"]
        assert facts(f) == (Status.MET, 500, 200, 0, None)
        assert f.message_en == (
            "Every sub-area of two or more buildings has at most 500 households (largest 200). "
            "2 sub-areas of a single building over the cap allowed: a building is not divided (I-1)."
        )
        assert f.message_zh == (
            "两栋以上的小区均不超过500户（最大200户）。2个单栋楼小区超过上限，属允许：楼栋不可拆分（I-1）。"
        )

    def test_over_the_cap_named_in_both_languages(self) -> None:
        c = Community("C1", buildings=street(300, 260), sub_areas=[ExistingSubArea("S1", ["B1", "B2"])])
        f = findings(c)["partitioning.sub_area_size"]
        assert f.message_en == "1 of 1 sub-areas exceed 500 households: S1 (560)."
        assert f.message_zh == "1个小区中有1个超过500户：S1（560户）。"

    @pytest.mark.parametrize(("second", "required"), [(349, 1), (350, 2)])
    def test_nearest_rounds_half_up_in_the_check(self, second: int, required: int) -> None:
        # 400 + 349 = 749 households: 749 / 500 = 1.498 → 1; 750 / 500 = 1.5 → 2 (half up).
        f = findings(Community("C1", buildings=street(400, second)), policy=NEAREST)["partitioning.sub_areas"]
        assert f.required == required
        assert "the nearest whole number of sub-areas of 500 households per run" in f.message_en


class TestBuildingHeadsBasis:
    SIX = tuple(street(*[10] * 6))
    PAIRS = tuple(BuildingHead(f"L{i}", [f"B{2 * i - 1}", f"B{2 * i}"]) for i in (1, 2, 3))

    def community(self, *areas: list[str]) -> Community:
        return Community(
            "C1",
            buildings=self.SIX,
            sub_areas=[ExistingSubArea(f"S{i}", ids) for i, ids in enumerate(areas, 1)],
            building_heads=self.PAIRS,
        )

    def test_counted_over_the_plan(self) -> None:
        # Three sub-areas of 2 buildings: exactly 1 head each, 3 in all (the optimal partition,
        # one sub-area of 6, would allow 2 to 3).
        f = findings(self.community(["B1", "B2"], ["B3", "B4"], ["B5", "B6"]))["partitioning.building_heads"]
        assert facts(f) == (Status.MET, 3, 3, 0, None)
        assert f.interpretations == ("I-3",)
        assert "over the plan's sub-areas, 6 buildings need 3 building heads (I-3)" in f.message_en
        assert "按现有小区划分，6栋楼需设楼长3名（I-3）" in f.message_zh

    @pytest.mark.parametrize(
        "areas",
        [
            (["B1", "B2"], ["B3", "B4"], ["B5"]),  # B6 in no sub-area
            (["B1", "B2"], ["B3", "B4"], ["B5", "B6"], ["B5"]),  # B5 in two
        ],
    )
    def test_counted_over_the_optimal_partition_when_the_plan_is_faulty(
        self, areas: tuple[list[str], ...]
    ) -> None:
        # The optimal partition: one sub-area of 6 buildings, ceil(6 / 3) = 2 to 6 // 2 = 3 heads.
        f = findings(self.community(*areas))["partitioning.building_heads"]
        assert facts(f) == (Status.MET, 2, 3, 0, None)
        assert set(f.interpretations) == {"I-1", "I-2", "I-3"}
        assert (
            "over the sub-areas of the optimal partition (the fewest sub-areas of at most 500 households "
            "(I-1, I-2)), 6 buildings need 2 to 3 building heads (I-3)"
        ) in f.message_en
        assert "6栋楼需设楼长2至3名（I-3）" in f.message_zh

    def test_incomplete_building_list_with_a_plan_is_judged(self) -> None:
        # A complete plan for the listed buildings is judged even if the community has more households.
        c = attrs.evolve(self.community(["B1", "B2"], ["B3", "B4"], ["B5", "B6"]), households=2000)
        assert findings(c)["partitioning.building_heads"].status is Status.MET
        no_plan = attrs.evolve(c, sub_areas=None)
        assert findings(no_plan)["partitioning.building_heads"].status is Status.UNKNOWN

    def test_as_of_in_the_message(self) -> None:
        f = findings(plan_of(SPEC), as_of=datetime.date(2025, 6, 1))["partitioning.building_heads"]
        assert f.message_en.startswith("3 building heads in post on 2025-06-01; ")


class TestHeadTermAndSpan:
    @pytest.mark.parametrize("day", [datetime.date(2025, 6, 1), datetime.date(2025, 6, 30)])
    def test_first_and_last_day_of_a_term_count(self, day: datetime.date) -> None:
        community = plan_of(SPEC)
        heads = community.building_heads
        assert heads is not None
        term = attrs.evolve(heads[0], start=datetime.date(2025, 6, 1), end=datetime.date(2025, 6, 30))
        c = attrs.evolve(community, building_heads=(term, *heads[1:]))
        found = findings(c, as_of=day)
        assert found["partitioning.building_heads"].actual == 3
        assert found["partitioning.building_head_coverage"].status is Status.MET

    def test_every_head_is_judged(self) -> None:
        # Plan S1 [B1], S2 [B2, B3], S3 [B4, B5]: L1 (the lone B1) and L2 are fine; L3 and L4 each
        # have one building of a two-building sub-area, which is outside the 2–3 span.
        community = plan_of(SPEC)
        heads = [
            BuildingHead("L1", ["B1"]),
            BuildingHead("L2", ["B2", "B3"]),
            BuildingHead("L3", ["B4"]),
            BuildingHead("L4", ["B5"]),
        ]
        f = findings(attrs.evolve(community, building_heads=heads))["partitioning.building_head_span"]
        assert facts(f) == (Status.NOT_MET, 4, 2, 2, "L3, L4")
        assert f.unit == "building heads"
        assert f.message_en == (
            "2 of 4 building heads care for 2–3 buildings, or for the lone building of a sub-area "
            "(the plan's sub-areas). Outside the span: L3 (1 building), L4 (1 building)."
        )
        assert f.message_zh == (
            "4名楼长中2名负责2–3栋楼或小区内唯一的楼栋（现有小区划分）。不符合：L3（1栋）、L4（1栋）。"
        )
        no_plan = attrs.evolve(community, sub_areas=None, building_heads=heads)
        assert (
            "(the optimal partition's sub-areas)"
            in findings(no_plan)["partitioning.building_head_span"].message_en
        )
        # A head of four buildings is outside the span too, in the plural.
        one_head = attrs.evolve(community, building_heads=[BuildingHead("L1", ["B2", "B3", "B4", "B5"])])
        f = findings(one_head)["partitioning.building_head_span"]
        assert f.message_en.endswith("Outside the span: L1 (4 buildings).")
        assert f.message_zh.endswith("不符合：L1（4栋）。")
        assert "（最优划分的小区）" in findings(no_plan)["partitioning.building_head_span"].message_zh

    def test_head_of_no_buildings_is_outside_the_span(self) -> None:
        community = plan_of(SPEC)
        heads = community.building_heads
        assert heads is not None
        c = attrs.evolve(community, building_heads=(*heads, BuildingHead("L0", [])))
        f = findings(c)["partitioning.building_head_span"]
        assert facts(f) == (Status.NOT_MET, 4, 3, 1, "L0")


class TestGroupingDetails:
    def test_small_sub_areas(self) -> None:
        # One head for 2 or 3 buildings; a lone building lowers the least span to 1.
        assert partition(street(10, 20)).sub_areas[0].grouping == Grouping(2, 1, 30, 2, 3)
        assert partition(street(10, 20, 30)).sub_areas[0].grouping == Grouping(3, 1, 60, 2, 3)
        assert partition(street(70)).sub_areas[0].grouping == Grouping(1, 1, 70, 1, 3)

    def test_equal_groups_report_their_largest(self) -> None:
        # 6 buildings: 2 groups of 3, [10, 20, 30] = 60 and [40, 50, 60] = 150.
        s = partition(street(10, 20, 30, 40, 50, 60)).sub_areas[0]
        assert [g.households for g in s.groups] == [60, 150]
        assert s.grouping == Grouping(6, 2, 150, 2, 3)
        assert "no head cares for more than 150 households" in s.groups[0].explain()
        # 4 buildings: 2 groups of 2, [40, 10] = 50 and [20, 30] = 50.
        assert partition(street(40, 10, 20, 30)).sub_areas[0].grouping.largest == 50

    def test_no_households_largest_zero(self) -> None:
        # 5 buildings of 0 households: 2 groups, the largest has 0 households.
        assert partition(street(0, 0, 0, 0, 0)).sub_areas[0].grouping == Grouping(5, 2, 0, 2, 3)

    def test_no_group_below_the_span_even_when_better_balanced(self) -> None:
        # 7 buildings [10 × 6, 100]: ceil(7 / 3) = 3 groups of 2–3. (3, 2, 2) gives 30, 20, 110;
        # (2, 3, 2) also 110 but the first group is shorter; (2, 2, 3) 120. (3, 3, 1) would give
        # 100 but leaves a head with one building of a 7-building sub-area.
        s = partition(street(10, 10, 10, 10, 10, 10, 100)).sub_areas[0]
        assert group_sizes(s) == [[10, 10, 10], [10, 10], [10, 100]]
        assert s.grouping == Grouping(7, 3, 110, 2, 3)


class TestExplanationDetails:
    def test_run_kind_is_its_value(self) -> None:
        assert str(RunKind.COMPOUND) == "compound"
        assert f"{RunKind.LARGE_BUILDING}" == "large_building"

    def test_run_explains_in_english_by_default(self) -> None:
        run = partition(street(70)).runs[0]
        assert (
            run.explain()
            == run.explain("en")
            == (
                "A run of 1 ordinary building (70 households) fits in one sub-area of at most 500 households "
                "(2.2.1: 原则上每500户为一小区; I-1)."
            )
        )
        assert (
            run.explain("zh")
            == "按街道顺序相邻的1栋普通楼栋（70户）可划为一个不超过500户的小区（2.2.1：原则上每500户为一小区；I-1）。"
        )

    def test_no_extra_sub_areas_when_households_decide(self) -> None:
        # 300 + 300 = 600: 2 sub-areas, exactly what 600 / 500 asks for; nothing "more because".
        assert partition(street(300, 300)).runs[0].explain() == (
            "A run of 2 ordinary buildings (600 households) needs 2 sub-areas of at most 500 households "
            "(600 / 500 gives at least 2); balanced, the largest has 300 households "
            "(2.2.1: 原则上每500户为一小区; I-1)."
        )

    def test_compound_run(self) -> None:
        p = partition([Building("B1", 40, compound="Garden"), Building("B2", 50, compound="Garden")])
        assert p.runs[0].explain() == (
            "Compound 'Garden' (2 buildings, 90 households) stands apart from other buildings "
            f"(2.2.1: {interpretation('I-2').words_zh}; I-2) and fits in one sub-area of at most 500 "
            "households (2.2.1: 原则上每500户为一小区; I-1)."
        )

    def test_large_residents_group_run(self) -> None:
        # 300 + 200 + 200 = 700 > 500: cut within the group, [300] [200, 200] = 400 beats
        # [300, 200] = 500 [200].
        p = partition(
            [Building(f"B{i}", h, residents_group="g1") for i, h in enumerate((300, 200, 200), 1)],
            policy=KEEP,
        )
        assert p.runs[0].explain() == (
            "Residents' group 'g1' (3 buildings, 700 households), more than 500 and so cut within "
            "itself, needs 2 sub-areas of at most 500 households (700 / 500 gives at least 2); "
            "balanced, the largest has 400 households (2.2.1: 原则上每500户为一小区; I-1)."
        )
        zh = p.sub_areas[0].explain("zh")
        assert "本小区：1栋楼（B1），300户，设小区长1名、楼长1名。" in zh
        assert zh.endswith("居民小组g1不拆分（居民小区的划分可与居民小组的划分相结合）。")

    def test_residents_groups_mentioned_only_when_kept(self) -> None:
        buildings = [Building("B1", 10, residents_group="g1"), Building("B2", 20, residents_group="g1")]
        assert "Residents' groups kept whole" not in partition(buildings).sub_areas[0].explain()
        assert "居民小组" not in partition(buildings).sub_areas[0].explain("zh")
        kept = partition(buildings, policy=KEEP).sub_areas[0].explain()
        assert kept.endswith(
            "This sub-area: 2 buildings (B1, B2), 30 households, 1 building head. Residents' groups kept whole: g1."
        )

    def test_group_names_its_buildings(self) -> None:
        # [10, 20, 30, 40, 50]: [10, 20] [30, 40, 50] = 120 or [10, 20, 30] [40, 50] = 90: the latter.
        group = partition(street(10, 20, 30, 40, 50)).groups[1]
        assert group.explain().endswith("this head: 2 buildings (B4, B5), 90 households.")
        assert group.explain("zh").endswith("本组2栋（B4、B5），90户。")

    def test_bad_language_names_the_value(self) -> None:
        with pytest.raises(InvalidValue) as info:
            partition(street(1)).explain("fr")
        assert (info.value.path, info.value.value) == ("lang", "fr")


class TestPartitionRecordsItsInputs:
    def test_policy_recorded(self) -> None:
        policy = attrs.evolve(KEEP, sub_area_households=400, sub_area_rule=SubAreaRule.NEAREST)
        p = partition(street(300, 150), policy=policy)
        assert (p.rule, p.cap, p.residents_groups_kept) == (SubAreaRule.NEAREST, 400, True)
        assert (p.runs[0].rule, p.runs[0].cap, p.runs[0].residents_groups_kept) == (
            SubAreaRule.NEAREST,
            400,
            True,
        )

    def test_run_of_kept_groups_lists_its_buildings_in_street_order(self) -> None:
        # g1 = B1 + B3 = 400 stands where B1 stands, then B2 (200): 600 > 500, so [B1, B3] and [B2];
        # the run itself still lists B1, B2, B3 in street order.
        buildings = [
            Building("B1", 200, residents_group="g1"),
            Building("B2", 200),
            Building("B3", 200, residents_group="g1"),
        ]
        p = partition(buildings, policy=KEEP)
        assert ids(p) == [["B1", "B3"], ["B2"]]
        assert [b.id for b in p.runs[0].buildings] == ["B1", "B2", "B3"]

    @pytest.mark.parametrize("value", [42, "B1"])
    def test_not_a_sequence_names_the_value(self, value: object) -> None:
        with pytest.raises(InvalidType) as info:
            partition(value)  # type: ignore[arg-type]
        assert (info.value.path, info.value.value) == ("buildings", value)


# --- found by mutation testing, second run (fresh copy, every mutant evaluated) ---------------


def messages(community: Community, **kwargs: Any) -> dict[str, tuple[str, str]]:
    return {f.rule: (f.message_en, f.message_zh) for f in check_community(community, **kwargs)}


FEWEST_EN = "the fewest sub-areas of at most 500 households (I-1, I-2)"
FEWEST_ZH = "每个小区不超过500户、小区数最少（I-1、I-2）"


class TestWholeMessages:
    """Found by mutation testing: messages checked only in part let a dropped or altered Chinese message,
    a Chinese listing joined the English way or a lower-cased reading id pass; here they are pinned whole."""

    def test_no_plan_and_no_heads(self) -> None:
        # SPEC (980 households) needs 3 sub-areas, [B1] [B2, B3] [B4, B5]: 1 + 1 + 1 building heads.
        assert messages(Community("C1", buildings=SPEC)) == {
            "partitioning.sub_areas": (
                "Unknown: no sub-area plan is known (sub_areas is None); under "
                f"{FEWEST_EN} its 5 buildings (980 households) need 3 sub-areas, and so 3 sub-area heads.",
                f"未知：未提供小区划分（sub_areas 为 None）；按{FEWEST_ZH}，5栋楼（980户）需划分3个小区，即设小区长3名。",
            ),
            "partitioning.sub_area_size": (
                "Unknown: no sub-area plan is known (sub_areas is None); a sub-area of two or more buildings "
                "has at most 500 households.",
                "未知：未提供小区划分（sub_areas 为 None）；两栋以上的小区不超过500户。",
            ),
            "partitioning.building_coverage": (
                "Unknown: no sub-area plan is known (sub_areas is None); each of the 5 buildings belongs in "
                "exactly one sub-area.",
                "未知：未提供小区划分（sub_areas 为 None）；5栋楼应各属一个小区。",
            ),
            "partitioning.sub_area_head": (
                "Unknown: no sub-area plan is known (sub_areas is None); each sub-area needs one head "
                f"(3 under {FEWEST_EN}).",
                f"未知：未提供小区划分（sub_areas 为 None）；每个小区设小区长1名（按{FEWEST_ZH}共3名）。",
            ),
            "partitioning.sub_area_head_is_staff": (
                "Unknown: no sub-area plan is known (sub_areas is None), so neither are its heads.",
                "未知：未提供小区划分（sub_areas 为 None），小区长情况不明。",
            ),
            "partitioning.building_heads": (
                "Unknown: no building heads are known (building_heads is None); over the sub-areas of the "
                f"optimal partition ({FEWEST_EN}), 5 buildings need 3 building heads (I-3).",
                f"未知：未提供楼长情况（building_heads 为 None）；按最优划分（{FEWEST_ZH}）的小区，5栋楼需设楼长3名（I-3）。",
            ),
            "partitioning.building_head_span": (
                "Unknown: no building heads are known (building_heads is None); each head cares for 2–3 "
                "buildings, the lone building of a sub-area has a head of its own.",
                "未知：未提供楼长情况（building_heads 为 None）；每名楼长负责2–3栋楼，小区内唯一的楼栋单设楼长。",
            ),
            "partitioning.building_head_coverage": (
                "Unknown: no building heads are known (building_heads is None); each of the 5 buildings "
                "needs one building head.",
                "未知：未提供楼长情况（building_heads 为 None）；5栋楼均应有一名楼长。",
            ),
        }

    def test_size_under_nearest(self) -> None:
        assert messages(plan_of(SPEC, NEAREST), policy=NEAREST)["partitioning.sub_area_size"] == (
            "Not applicable: under SubAreaRule.NEAREST (I-1's alternative) 500 households set the number of "
            "sub-areas, not a cap on each; see partitioning.sub_areas.",
            "不适用：按 SubAreaRule.NEAREST（I-1 的备选解释），500户决定小区数量，而非每个小区的上限；"
            "见 partitioning.sub_areas。",
        )

    def test_two_sub_areas_over_the_cap_vacant_and_a_building_listed_twice(self) -> None:
        # Any two neighbours of 300, 250, 300, 250 exceed 500: 4 sub-areas are needed. The plan has
        # S1 [B1, B2] = 550 and S2 [B2, B3, B4] = 800, both over the cap, both without a head; B2 twice.
        c = Community(
            "C1",
            buildings=street(300, 250, 300, 250),
            sub_areas=[ExistingSubArea("S1", ["B1", "B2"]), ExistingSubArea("S2", ["B2", "B3", "B4"])],
        )
        found = messages(c)
        assert found["partitioning.sub_areas"] == (
            f"The plan has 2 sub-areas; under {FEWEST_EN} its 4 buildings (1,100 households) need 4. "
            "2 too few: some sub-area must exceed the cap.",
            f"现有划分2个小区；按{FEWEST_ZH}，4栋楼（1100户）需划分4个小区。少2个：必有小区超过上限。",
        )
        assert found["partitioning.sub_area_size"] == (
            "2 of 2 sub-areas exceed 500 households: S1 (550), S2 (800).",
            "2个小区中有2个超过500户：S1（550户）、S2（800户）。",
        )
        assert found["partitioning.building_coverage"] == (
            "3 of 4 buildings are in exactly one sub-area. Listed more than once: B2.",
            "4栋楼中3栋恰好属于一个小区。被重复列入：B2。",
        )
        assert found["partitioning.sub_area_head"] == (
            "0 of 2 sub-areas have a sub-area head. Vacant: S1, S2.",
            "2个小区中0个已设小区长。空缺：S1、S2。",
        )
        assert found["partitioning.sub_area_head_is_staff"] == (
            "Not applicable: no sub-area head is in post; see partitioning.sub_area_head.",
            "不适用：尚无小区长在岗；见 partitioning.sub_area_head。",
        )
        subjects = {f.rule: f.subject for f in check_community(c)}
        assert (subjects["partitioning.sub_area_size"], subjects["partitioning.sub_area_head"]) == (
            "S1, S2",
            "S1, S2",
        )

    def test_heads_outside_the_staff_and_not_known(self) -> None:
        # SPEC's three sub-areas; the heads of S1 and S2 are not committee staff, S3's is not known.
        c = Community(
            "C1",
            buildings=SPEC,
            sub_areas=[
                ExistingSubArea("S1", ["B1"], head="Li", head_is_committee_staff=False),
                ExistingSubArea("S2", ["B2", "B3"], head="Wang", head_is_committee_staff=False),
                ExistingSubArea("S3", ["B4", "B5"], head="Zhao", head_is_committee_staff=None),
            ],
        )
        f = findings(c)["partitioning.sub_area_head_is_staff"]
        assert (f.status, f.subject, f.message_en, f.message_zh) == (
            Status.NOT_MET,
            "S1, S2, S3",
            "0 of 3 sub-area heads are known to be committee staff. Not committee staff: S1 (Li), S2 (Wang). "
            "Not known (head_is_committee_staff is None): S3 (Zhao).",
            "3名小区长中0名确认为居委会工作人员。非居委会工作人员：S1（Li）、S2（Wang）。"
            "情况不明（head_is_committee_staff 为 None）：S3（Zhao）。",
        )

    def test_more_sub_areas_than_needed(self) -> None:
        # SPEC needs 3; a plan of 4: [B1] [B2] [B3] [B4, B5].
        c = Community(
            "C1",
            buildings=SPEC,
            sub_areas=[
                ExistingSubArea(f"S{i}", ids)
                for i, ids in enumerate([["B1"], ["B2"], ["B3"], ["B4", "B5"]], 1)
            ],
        )
        assert messages(c)["partitioning.sub_areas"] == (
            f"The plan has 4 sub-areas; under {FEWEST_EN} its 5 buildings (980 households) need 3. 1 more than "
            "needed; if some are scattered, self-contained areas (较分散且相对独立的区域), record their "
            "buildings as a compound (I-2).",
            f"现有划分4个小区；按{FEWEST_ZH}，5栋楼（980户）需划分3个小区。"
            "多1个；如其中有较分散且相对独立的区域，请将其楼栋登记为同一封闭小区（I-2）。",
        )

    def test_incomplete_building_list(self) -> None:
        c = attrs.evolve(plan_of(SPEC), households=1200)
        assert messages(c)["partitioning.sub_areas"] == (
            "Unknown: the listed buildings hold 980 of the community's 1,200 households, so the number of "
            f"sub-areas the whole community needs is not known; under {FEWEST_EN} its 5 buildings "
            "(980 households) need 3.",
            f"未知：所列楼栋只有980户，少于社区的1200户，全社区所需小区数无法确定；按{FEWEST_ZH}，5栋楼（980户）需划分3个小区。",
        )

    def test_building_heads_as_planned_and_none_in_post(self) -> None:
        # SPEC's plan [B1] [B2, B3] [B4, B5] with one head each: 1 + 1 + 1 = 3 heads needed.
        found = messages(plan_of(SPEC))
        assert found["partitioning.building_heads"] == (
            "3 building heads in post; over the plan's sub-areas, 5 buildings need 3 building heads (I-3).",
            "在岗楼长3名；按现有小区划分，5栋楼需设楼长3名（I-3）。",
        )
        assert found["partitioning.building_head_span"] == (
            "3 of 3 building heads care for 2–3 buildings, or for the lone building of a sub-area "
            "(the plan's sub-areas).",
            "3名楼长中3名负责2–3栋楼或小区内唯一的楼栋（现有小区划分）。",
        )
        assert found["partitioning.building_head_coverage"] == (
            "5 of 5 buildings have exactly one building head.",
            "5栋楼中5栋恰有一名楼长。",
        )
        nobody = messages(attrs.evolve(plan_of(SPEC), building_heads=[]))
        assert nobody["partitioning.building_heads"] == (
            "0 building heads in post; over the plan's sub-areas, 5 buildings need 3 building heads (I-3).",
            "在岗楼长0名；按现有小区划分，5栋楼需设楼长3名（I-3）。",
        )
        assert nobody["partitioning.building_head_span"] == (
            "Not applicable: no building head is in post; see partitioning.building_head_coverage.",
            "不适用：尚无楼长在岗；见 partitioning.building_head_coverage。",
        )

    def test_building_heads_of_an_incomplete_list_without_a_plan(self) -> None:
        # 980 of 1,200 households listed, no plan: the optimal partition's 3 heads, but UNKNOWN.
        f = findings(Community("C1", buildings=SPEC, households=1200))["partitioning.building_heads"]
        assert (f.status, f.required, f.unit, f.message_en, f.message_zh) == (
            Status.UNKNOWN,
            3,
            "building heads",
            "Unknown: the listed buildings hold fewer households than the community; over the sub-areas of "
            f"the optimal partition ({FEWEST_EN}), 5 buildings need 3 building heads (I-3).",
            f"未知：所列楼栋户数少于社区户数；按最优划分（{FEWEST_ZH}）的小区，5栋楼需设楼长3名（I-3）。",
        )
        assert set(f.interpretations) == {"I-1", "I-2", "I-3"}

    def test_count_under_nearest(self) -> None:
        # SPEC is one run of 980 households: 980 / 500 = 1.96, nearest 2.
        assert messages(plan_of(SPEC, NEAREST), policy=NEAREST)["partitioning.sub_areas"] == (
            "The plan has 2 sub-areas; under the nearest whole number of sub-areas of 500 households per run "
            "(I-1's alternative, I-2) its 5 buildings (980 households) need 2.",
            "现有划分2个小区；按每段楼栋以500户计、取最接近的整数个小区（I-1 的备选解释、I-2），5栋楼（980户）需划分2个小区。",
        )

    def test_not_a_community(self) -> None:
        with pytest.raises(InvalidType) as info:
            check_community("C1")  # type: ignore[arg-type]
        err = info.value
        assert (err.path, err.value, err.message_en, err.message_zh) == (
            "community",
            "C1",
            "is a str; expected a Community",
            "类型为 str；应为 Community",
        )

    def test_an_empty_sub_area_needs_no_building_head(self) -> None:
        # SPEC's plan with a fourth sub-area of no buildings: still 1 + 1 + 1 + 0 = 3 heads, not "3 to 4".
        c = plan_of(SPEC)
        c = attrs.evolve(c, sub_areas=(*c.sub_areas, ExistingSubArea("S4", [])))
        f = findings(c)["partitioning.building_heads"]
        assert (f.status, f.required, f.actual, f.message_en, f.message_zh) == (
            Status.MET,
            3,
            3,
            "3 building heads in post; over the plan's sub-areas, 5 buildings need 3 building heads (I-3).",
            "在岗楼长3名；按现有小区划分，5栋楼需设楼长3名（I-3）。",
        )

    @pytest.mark.parametrize(
        ("households", "status_", "en", "zh"),
        [
            (
                0,
                Status.NOT_APPLICABLE,
                "Not applicable: the community has no households and no buildings to divide.",
                "不适用：本社区没有住户，也没有需要划分的楼栋。",
            ),
            (
                None,
                Status.UNKNOWN,
                "Unknown: the community's buildings are not listed (households: not known), so it cannot be "
                "divided.",
                "未知：未列出本社区的楼栋（户数：未知），无法划分小区。",
            ),
            (
                1234,
                Status.UNKNOWN,
                "Unknown: the community's buildings are not listed (households: 1,234), so it cannot be divided.",
                "未知：未列出本社区的楼栋（户数：1234），无法划分小区。",
            ),
        ],
    )
    def test_no_buildings(self, households: int | None, status_: Status, en: str, zh: str) -> None:
        found = list(check_community(Community("C1", households=households)))
        assert [f.rule for f in found] == [r.id for r in RULES]
        assert {(f.status, f.message_en, f.message_zh) for f in found} == {(status_, en, zh)}


class TestExplanationsInFull:
    """Found by mutation testing: Chinese run explanations (a run of kept residents' group, the NEAREST
    count, the extra sub-areas whole buildings need, the balance of two sub-areas), the listing of
    residents' groups kept whole and the building listing cut after six, pinned whole."""

    I1 = interpretation("I-1").words_zh

    def test_run_needing_more_than_the_households_alone(self) -> None:
        # 300 | 250 | 300 | 250: any two neighbours exceed 500, so 4 sub-areas where 1,100 / 500 gives 3.
        (run,) = partition(street(300, 250, 300, 250)).runs
        assert run.explain("zh") == (
            "按街道顺序相邻的4栋普通楼栋（1100户）需划分4个不超过500户的小区（1100÷500至少需3个"
            f"；楼栋不可拆分且相邻楼栋须在一起，多需1个）；均衡划分后最大的小区300户（2.2.1：{self.I1}；I-1）。"
        )

    def test_two_sub_areas_show_their_balance(self) -> None:
        (run,) = partition(street(300, 250)).runs
        assert run.explain("zh") == (
            "按街道顺序相邻的2栋普通楼栋（550户）需划分2个不超过500户的小区（550÷500至少需2个）"
            f"；均衡划分后最大的小区300户（2.2.1：{self.I1}；I-1）。"
        )

    def test_nearest_count(self) -> None:
        # 980 / 500 = 1.96 → 2; the balanced cut is [300, 150] [100, 250, 180] = 450 | 530.
        (run,) = partition(SPEC, policy=NEAREST).runs
        assert run.explain("zh") == (
            "按街道顺序相邻的5栋普通楼栋（980户）按最接近的整数划分：max(1, 四舍五入(980÷500)) = 2个小区"
            f"；均衡划分后最大的小区530户（2.2.1：{self.I1}；I-1）。"
        )

    def test_large_residents_group_kept(self) -> None:
        # Residents' group g1 (300 + 300 = 600) is over the cap: cut within itself into 300 | 300.
        buildings = [Building("B1", 300, residents_group="g1"), Building("B2", 300, residents_group="g1")]
        (run,) = partition(buildings, policy=KEEP).runs
        assert run.kind is RunKind.LARGE_RESIDENTS_GROUP
        assert run.explain("zh") == (
            "居民小组“g1”（2栋楼，600户）超过500户，在组内划分，需划分2个不超过500户的小区（600÷500至少需2个）"
            f"；均衡划分后最大的小区300户（2.2.1：{self.I1}；I-1）。"
        )

    def test_two_residents_groups_kept_whole(self) -> None:
        buildings = [Building("B1", 200, residents_group="g1"), Building("B2", 200, residents_group="g2")]
        (s,) = partition(buildings, policy=KEEP).sub_areas
        assert s.explain("en").endswith(
            "This sub-area: 2 buildings (B1, B2), 400 households, 1 building head. "
            "Residents' groups kept whole: g1, g2."
        )
        assert s.explain("zh").endswith(
            "本小区：2栋楼（B1、B2），400户，设小区长1名、楼长1名。"
            "居民小组g1、g2不拆分（居民小区的划分可与居民小组的划分相结合）。"
        )

    def test_six_buildings_listed_then_an_ellipsis(self) -> None:
        (six,) = partition(street(*[50] * 6)).sub_areas
        assert six.explain("en").endswith(
            "This sub-area: 6 buildings (B1, B2, B3, B4, B5, B6), 300 households, 2 building heads."
        )
        (seven,) = partition(street(*[50] * 7)).sub_areas
        assert seven.explain("en").endswith(
            "This sub-area: 7 buildings (B1, B2, B3, B4, B5, B6, …), 350 households, 3 building heads."
        )
        assert seven.explain("zh").endswith(
            "本小区：7栋楼（B1、B2、B3、B4、B5、B6、…），350户，设小区长1名、楼长3名。"
        )

    def test_unknown_language(self) -> None:
        with pytest.raises(InvalidValue) as info:
            partition(street(1)).sub_areas[0].explain("fr")
        err = info.value
        assert (err.path, err.value, err.message_en, err.message_zh) == (
            "lang",
            "fr",
            "is not a language (valid: zh, en)",
            "不是有效语言（有效值：zh, en）",
        )


class TestGroupingInFull:
    """Found by mutation testing: the largest group when every group has one size, and ``_group`` (private)
    on a sub-area small enough for one head, a case ``partition`` settles before calling it."""

    def test_groups_of_one_size_report_the_largest_group_not_the_largest_window(self) -> None:
        # 6 buildings, 2 heads of 3: [10, 10, 100] and [100, 10, 10], 120 each; the window
        # [10, 100, 100] (210) is no group.
        (s,) = partition(street(10, 10, 100, 100, 10, 10)).sub_areas
        assert group_sizes(s) == [[10, 10, 100], [100, 10, 10]]
        assert s.grouping == Grouping(6, 2, 120, 2, 3)

    def test_a_heavy_first_building_shortens_the_first_group_but_never_below_two(self) -> None:
        # 100, 1, 1, 1, 1, 1, 1: 3 heads; the first group must hold 100 and at least one more building
        # (101); 100 + 1 + 1 = 102 would be larger, so the first group has 2, then 3 and 2. A lone
        # [100] (largest 100) would break the 2-building minimum.
        (s,) = partition(street(100, 1, 1, 1, 1, 1, 1)).sub_areas
        assert group_sizes(s) == [[100, 1], [1, 1, 1], [1, 1]]
        assert s.grouping == Grouping(7, 3, 101, 2, 3)

    def test_a_compound_of_four_keeps_its_name(self) -> None:
        (s,) = partition([Building(f"G{i}", 50, compound="Garden") for i in range(1, 5)]).sub_areas
        assert (s.compound, s.building_heads) == ("Garden", 2)

    @pytest.mark.parametrize(
        ("weights", "expected"), [([100, 200], ([2], 300)), ([5, 6, 7], ([3], 18)), ([40], ([1], 40))]
    )
    def test_group_of_at_most_the_span(self, weights: list[int], expected: tuple[list[int], int]) -> None:
        assert partitioning._group(weights, 2, 3) == expected


class TestRunFacts:
    """Found by mutation testing: no test read the largest sub-area of a run that forms one sub-area, or
    cut a run into more NEAREST sub-areas than the greedy fill under the balanced bound makes, or read the
    residents' group of the runs a large group is split into at a building over the cap, or the kind of a
    run ended by a large group, or a kept group of exactly the cap."""

    @pytest.mark.parametrize("policy", [DEFAULT_POLICY, NEAREST])
    def test_one_sub_area_run(self, policy: Policy) -> None:
        # 300 + 150 = 450 within 500 (and 450 / 500 = 0.9, nearest 1): one sub-area, the whole run.
        (run,) = partition(street(300, 150), policy=policy).runs
        assert (run.households, run.sub_areas, run.largest) == (450, 1, 450)

    def test_nearest_count_above_what_the_balanced_bound_fills(self) -> None:
        # Cap 133, NEAREST: 400 / 133 = 3.01, so 3 sub-areas. No bound below 200 fits four 100s into
        # 3 parts, and at 200 the greedy fill needs only 2 ([B1, B2] [B3, B4]): the cut must still leave
        # a building for each later sub-area, [B1, B2] [B3] [B4], none empty.
        policy = attrs.evolve(NEAREST, sub_area_households=133)
        p = partition(street(100, 100, 100, 100), policy=policy)
        assert ids(p) == [["B1", "B2"], ["B3"], ["B4"]]
        assert (p.runs[0].sub_areas, p.runs[0].largest) == (3, 200)

    def test_large_residents_group_split_at_a_building_over_the_cap(self) -> None:
        # Residents' group g1 = 300 + 600 + 300 = 1,200, kept: cut within itself, and B2 (600 > 500)
        # cuts it again; every run it yields still names g1.
        buildings = [Building(f"B{i}", h, residents_group="g1") for i, h in enumerate((300, 600, 300), 1)]
        p = partition(buildings, policy=KEEP)
        assert [(r.kind, r.residents_group, [b.id for b in r.buildings]) for r in p.runs] == [
            (RunKind.LARGE_RESIDENTS_GROUP, "g1", ["B1"]),
            (RunKind.LARGE_BUILDING, "g1", ["B2"]),
            (RunKind.LARGE_RESIDENTS_GROUP, "g1", ["B3"]),
        ]

    def test_kept_groups_at_and_over_the_cap(self) -> None:
        # B1 (100) alone; g2 = 300 + 300 = 600 > 500 stands apart and is cut within itself; g4 = 200 + 300
        # = 500 exactly is within the cap, so an ordinary atom: 3 runs, 4 sub-areas.
        buildings = [
            Building("B1", 100),
            Building("B2", 300, residents_group="g2"),
            Building("B3", 300, residents_group="g2"),
            Building("B4", 200, residents_group="g4"),
            Building("B5", 300, residents_group="g4"),
        ]
        p = partition(buildings, policy=KEEP)
        assert [(r.kind, r.residents_group, r.households, r.sub_areas) for r in p.runs] == [
            (RunKind.ORDINARY, None, 100, 1),
            (RunKind.LARGE_RESIDENTS_GROUP, "g2", 600, 2),
            (RunKind.ORDINARY, None, 500, 1),
        ]
        assert ids(p) == [["B1"], ["B2"], ["B3"], ["B4", "B5"]]


class TestErrorsInFull:
    """Found by mutation testing: the input errors' messages were checked for their field, not whole."""

    @pytest.mark.parametrize(
        ("buildings", "error", "path", "value", "en", "zh"),
        [
            (
                42,
                InvalidType,
                "buildings",
                42,
                "is a int; expected a sequence of Building",
                "类型为 int；应为 Building 序列",
            ),
            (
                [Building("B1", 1), "B2"],
                InvalidType,
                "buildings[1]",
                "B2",
                "is a str; expected a Building",
                "类型为 str；应为 Building",
            ),
            (
                [Building("B1", 1), Building("B2", 1), Building("B1", 2)],
                InvalidValue,
                "buildings[2].id",
                "B1",
                "is a duplicate building id (also buildings[0])",
                "是重复的楼栋编号（亦见于 buildings[0]）",
            ),
        ],
    )
    def test_bad_buildings(
        self, buildings: Any, error: type[Error], path: str, value: object, en: str, zh: str
    ) -> None:
        with pytest.raises(error) as info:
            partition(buildings)
        err = info.value
        assert (err.path, err.value, err.message_en, err.message_zh) == (path, value, en, zh)

    def test_policy_of_the_wrong_type(self) -> None:
        with pytest.raises(InvalidType) as info:
            partition(street(100), policy="default")  # type: ignore[arg-type]
        err = info.value
        assert (err.path, err.value, err.message_en, err.message_zh) == (
            "policy",
            "default",
            "is a str; expected a Policy",
            "类型为 str；应为 Policy",
        )


class TestRuleSources:
    """Found by mutation testing: ``_words_of`` runs when :data:`RULES` is built at import, before mutmut
    switches a mutant on; it is called directly here. The words are those of clause 2.2.1."""

    def test_words_of_the_policy_fields(self) -> None:
        assert partitioning._words_of("sub_area_households") == "原则上每500户为一小区"
        assert partitioning._words_of("building_head_max_buildings") == "每2-3栋居民楼设楼长1名"
        for words in ("原则上每500户为一小区", "每2-3栋居民楼设楼长1名"):
            assert words in clause("2.2.1").text_zh
