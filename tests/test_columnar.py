"""Tests of community_rules.columnar: arrays in, arrays out, every row equal to the scalar rule."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from community_rules import columnar as col
from community_rules import strategies as crst
from community_rules.enums import CommunityKind
from community_rules.errors import InvalidType, InvalidValue
from community_rules.funding import office_funds_minimum, welfare_funds_minimum
from community_rules.model import Building, Community
from community_rules.partitioning import building_head_count, partition
from community_rules.policy import (
    DEFAULT_POLICY,
    HiringRounding,
    OfficeFundsRule,
    StaffQuotaRounding,
    SubAreaRule,
    WelfareBase,
)
from community_rules.space import required_space_m2, space_gap_m2
from community_rules.staffing import hiring_plan, staff_quota

HOUSEHOLDS = st.integers(0, 100_000)
#: Counts up to the library's limit, to reach the int64 products' edges.
ANY_COUNT = st.integers(0, 10**9)


def fen(amount: Decimal) -> int:
    """Decimal yuan (whole fen) as int fen."""
    return int(amount * 100)


class TestWorkedExamples:
    """SPEC §6, computed by hand, in columns."""

    def test_quota_and_hiring(self) -> None:
        # 1,150 households: ceil(1150 / 300) = 4 workers; none in post: 0.7 × 4 = 2.8 → 3 this year, 1 later.
        plan = col.hiring_plan([1150], [0])
        assert plan.quota.tolist() == [4]
        assert plan.shortfall.tolist() == [4]
        assert plan.this_year.tolist() == [3]
        assert plan.later.tolist() == [1]

    def test_office_funds(self) -> None:
        # 2,400 households × 10 yuan = 24,000.00 yuan = 2,400,000 fen; per started thousand 3 × 10,000.
        assert col.office_funds_minimum([2400]).tolist() == [2_400_000]
        per = attrs.evolve(DEFAULT_POLICY, office_funds_rule=OfficeFundsRule.PER_STARTED_THOUSAND)
        assert col.office_funds_minimum([2400], policy=per).tolist() == [3_000_000]

    def test_welfare_funds(self) -> None:
        # 0.8 × 24,000.00 = 19,200.00; 0.8 × 333.33 = 266.664 → 266.67 (a minimum rounds up).
        assert col.welfare_funds_minimum([2_400_000, 33_333]).tolist() == [1_920_000, 26_667]

    def test_sub_areas_and_building_heads(self) -> None:
        # I-1: 300, 150, 100, 250, 180 (980) → 3 sub-areas [300] [150, 100] [250, 180], one head each.
        # I-3: 40, 60, 80, 30, 50 (260 ≤ 500) → 1 sub-area of 5 buildings: ceil(5 / 3) = 2 heads.
        counts = col.partition_counts([0, 5, 10], [300, 150, 100, 250, 180, 40, 60, 80, 30, 50])
        assert counts.sub_area_heads.tolist() == [3, 1]
        assert counts.building_heads.tolist() == [3, 2]

    def test_space(self) -> None:
        # Old town 150 m², new 300 m² (inclusive): 120 m² is 30 m² short; 150 m² meets; 280 m² new is 20 short.
        space = col.to_area(["120", "150", "280"])
        new = [False, False, True]
        assert col.space_meets(space, new).tolist() == [False, True, False]
        assert col.space_gap(space, new).tolist() == [3000, 0, 2000]
        exclusive = attrs.evolve(DEFAULT_POLICY, space_threshold_inclusive=False)
        # Exclusive: 150 m² no longer meets 150; it lacks one step, 0.01 m².
        assert col.space_gap(space, new, policy=exclusive).tolist() == [3001, 1, 2001]


class TestAgainstScalar:
    """Every row equals the scalar function, under any policy (the exactness property)."""

    @settings(max_examples=60, deadline=None)
    @given(crst.policies(), st.lists(HOUSEHOLDS, max_size=30), st.data())
    def test_quota_hiring_funds(self, policy, households, data) -> None:  # type: ignore[no-untyped-def]
        staff = data.draw(st.lists(st.integers(0, 400), min_size=len(households), max_size=len(households)))
        quota = col.staff_quota(households, policy=policy)
        plan = col.hiring_plan(households, staff, policy=policy)
        minimum = col.office_funds_minimum(households, policy=policy)
        for i, (h, s) in enumerate(zip(households, staff, strict=True)):
            expected = hiring_plan(h, s, policy=policy)
            assert quota[i] == staff_quota(h, policy=policy)
            assert (plan.quota[i], plan.shortfall[i], plan.this_year[i], plan.later[i]) == (
                expected.quota,
                expected.shortfall,
                expected.this_year,
                expected.later,
            )
            assert minimum[i] == fen(office_funds_minimum(h, policy=policy))

    @settings(max_examples=60, deadline=None)
    @given(crst.policies(), st.lists(crst.money(), max_size=20))
    def test_welfare(self, policy, amounts) -> None:  # type: ignore[no-untyped-def]
        result = col.welfare_funds_minimum(col.to_fen(amounts), policy=policy)
        assert col.from_fen(result) == tuple(welfare_funds_minimum(a, policy=policy) for a in amounts)

    @settings(max_examples=60, deadline=None)
    @given(crst.policies(), st.lists(st.tuples(HOUSEHOLDS, st.none() | crst.money()), max_size=20))
    def test_welfare_base(self, policy, rows) -> None:  # type: ignore[no-untyped-def]
        # I-7: the base is the office funds granted where known (GRANTED), else the minimum.
        households = [h for h, _ in rows]
        granted = col.to_fen([0 if g is None else g for _, g in rows])
        known = [g is not None for _, g in rows]
        result = col.welfare_funds_required(households, granted, office_funds_known=known, policy=policy)
        for i, (h, g) in enumerate(rows):
            base = g if g is not None and policy.welfare_base is WelfareBase.GRANTED else None
            base = office_funds_minimum(h, policy=policy) if base is None else base
            assert result[i] == fen(welfare_funds_minimum(base, policy=policy))

    @settings(max_examples=60, deadline=None)
    @given(
        crst.policies(),
        st.lists(
            st.tuples(crst.areas(max_value=1_000, places=2), st.sampled_from(CommunityKind)), max_size=20
        ),
    )
    def test_space(self, policy, rows) -> None:  # type: ignore[no-untyped-def]
        space = col.to_area([a for a, _ in rows])
        is_new = [k is CommunityKind.NEW for _, k in rows]
        meets = col.space_meets(space, is_new, policy=policy)
        for i, (area, kind) in enumerate(rows):
            gap = space_gap_m2(Community("C", kind=kind, office_space_m2=area), policy=policy)
            assert gap is not None
            assert bool(meets[i]) is (gap == 0)
        required = [required_space_m2(k, policy=policy) for _, k in rows]
        if all(r * 100 == int(r * 100) for r in required):
            assert col.from_area(col.required_space(is_new, policy=policy)) == tuple(required)
            gaps = col.from_area(col.space_gap(space, is_new, policy=policy))
            assert gaps == tuple(
                space_gap_m2(Community("C", kind=k, office_space_m2=a), policy=policy) for a, k in rows
            )

    @settings(max_examples=40, deadline=None)
    @given(crst.policies(), st.lists(st.integers(0, 10_000), max_size=20))
    def test_building_head_count(self, policy, sizes) -> None:  # type: ignore[no-untyped-def]
        assert col.building_head_count(sizes, policy=policy).tolist() == [
            building_head_count(n, policy=policy) for n in sizes
        ]


#: A community's buildings: households (small, large, over the cap), compound and group codes.
BUILDING_ROWS = st.lists(
    st.tuples(
        st.one_of(st.integers(0, 120), st.integers(0, 1_200)),
        st.sampled_from([-1, -1, 0, 1]),
        st.sampled_from([-1, 0, 1, 2]),
    ),
    max_size=14,
)
PARTITION_POLICIES = st.builds(
    lambda base, cap, rule, keep, low, high: attrs.evolve(
        base,
        sub_area_households=cap,
        sub_area_rule=rule,
        keep_residents_groups=keep,
        building_head_min_buildings=min(low, high),
        building_head_max_buildings=max(low, high),
    ),
    st.just(DEFAULT_POLICY),
    st.sampled_from([1, 50, 120, 300, 500, 800]),
    st.sampled_from(SubAreaRule),
    st.booleans(),
    st.integers(1, 3),
    st.integers(1, 5),
)


def _buildings(rows: list[tuple[int, int, int]]) -> list[Building]:
    return [
        Building(
            f"B{i}",
            h,
            compound=None if c < 0 else f"compound-{c}",
            residents_group=None if g < 0 else f"group-{g}",
        )
        for i, (h, c, g) in enumerate(rows)
    ]


class TestPartitionCounts:
    """partition_counts equals partition() per community: the optimal cut, vectorised."""

    def _check(self, policy, communities) -> None:  # type: ignore[no-untyped-def]
        offsets = np.cumsum([0] + [len(rows) for rows in communities])
        flat = [row for rows in communities for row in rows]
        counts = col.partition_counts(
            offsets,
            [h for h, _, _ in flat],
            compounds=[c for _, c, _ in flat],
            residents_groups=[g for _, _, g in flat],
            policy=policy,
        )
        for k, rows in enumerate(communities):
            expected = partition(_buildings(rows), policy=policy)
            assert (counts.sub_area_heads[k], counts.building_heads[k]) == (
                expected.sub_area_heads,
                expected.building_heads,
            ), (policy, rows)

    @settings(max_examples=150, deadline=None)
    @given(PARTITION_POLICIES, st.lists(BUILDING_ROWS, min_size=1, max_size=5))
    def test_equals_scalar(self, policy, communities) -> None:  # type: ignore[no-untyped-def]
        self._check(policy, communities)

    @pytest.mark.slow
    @settings(max_examples=1_500, deadline=None)
    @given(PARTITION_POLICIES, st.lists(BUILDING_ROWS, min_size=1, max_size=8))
    def test_equals_scalar_many(self, policy, communities) -> None:  # type: ignore[no-untyped-def]
        self._check(policy, communities)

    def test_compound_and_tower(self) -> None:
        # A compound of 120 + 130 is its own sub-area (1 head); the ordinary 110, 90 another (1 head);
        # a 620-household tower a third (1 head): 3 sub-areas, 3 heads.
        counts = col.partition_counts([0, 5], [120, 130, 110, 90, 620], compounds=[7, 7, -1, -1, -1])
        assert counts.sub_area_heads.tolist() == [3]
        assert counts.building_heads.tolist() == [3]

    def test_groups_kept_whole(self) -> None:
        # Buildings of 200 households in groups 0, 1, 0, cap 500, groups kept whole: group 0 (buildings
        # 1 and 3, 400) stands where its first building stands, then group 1 (200); 400 + 200 > 500, so
        # 2 sub-areas, of 2 buildings (1 head) and 1 building (1 head).
        keep = attrs.evolve(DEFAULT_POLICY, keep_residents_groups=True)
        counts = col.partition_counts([0, 3], [200, 200, 200], residents_groups=[0, 1, 0], policy=keep)
        assert counts.sub_area_heads.tolist() == [2]
        assert counts.building_heads.tolist() == [2]
        # A group over the cap is cut within itself: 300 + 300 in one group → 2 sub-areas.
        counts = col.partition_counts([0, 2], [300, 300], residents_groups=[0, 0], policy=keep)
        assert counts.sub_area_heads.tolist() == [2]

    def test_empty(self) -> None:
        counts = col.partition_counts([0, 0, 0], [])
        assert counts.sub_area_heads.tolist() == [0, 0]
        assert counts.building_heads.tolist() == [0, 0]

    def test_nearest(self) -> None:
        # NEAREST: 980 households → round(980 / 500) = 2 sub-areas: balanced [300, 150] [100, 250, 180].
        nearest = attrs.evolve(DEFAULT_POLICY, sub_area_rule=SubAreaRule.NEAREST)
        counts = col.partition_counts([0, 5], [300, 150, 100, 250, 180], policy=nearest)
        assert counts.sub_area_heads.tolist() == [2]
        assert counts.building_heads.tolist() == [2]


class TestRoundingSwitches:
    """I-4 and I-5 readings, by hand."""

    def test_quota_half_up(self) -> None:
        # 449 / 300 = 1.497 → 1; 450 / 300 = 1.5 → 2.
        half_up = attrs.evolve(DEFAULT_POLICY, staff_quota_rounding=StaffQuotaRounding.HALF_UP)
        assert col.staff_quota([449, 450], policy=half_up).tolist() == [1, 2]

    @pytest.mark.parametrize(
        ("rounding", "expected"),
        [(HiringRounding.HALF_UP, 4), (HiringRounding.FLOOR, 3), (HiringRounding.CEILING, 4)],
    )
    def test_hiring(self, rounding: HiringRounding, expected: int) -> None:
        # 1,500 households, none in post: quota 5, 0.7 × 5 = 3.5.
        policy = attrs.evolve(DEFAULT_POLICY, hiring_rounding=rounding)
        assert col.hiring_plan([1500], [0], policy=policy).this_year.tolist() == [expected]

    def test_huge_ratio_is_exact(self) -> None:
        # A share with 30 decimals overflows int64 products: the rows are computed with Python ints.
        share = Decimal("0.123456789012345678901234567891")
        policy = attrs.evolve(DEFAULT_POLICY, hiring_share_this_year=share)
        households = [10**9, 3_000, 0]
        plan = col.hiring_plan(households, [0, 0, 0], policy=policy)
        assert plan.this_year.tolist() == [hiring_plan(h, 0, policy=policy).this_year for h in households]

    def test_result_beyond_int64_is_refused(self) -> None:
        rich = attrs.evolve(DEFAULT_POLICY, office_funds_per_thousand=Decimal("999999999999999"))
        with pytest.raises(InvalidValue, match=r"result\[0\].*64-bit"):
            col.office_funds_minimum([10**9], policy=rich)


class TestBadInput:
    def test_negative(self) -> None:
        with pytest.raises(InvalidValue, match=r"households\[1\]: -1 is negative"):
            col.staff_quota([5, -1])

    def test_too_large(self) -> None:
        with pytest.raises(InvalidValue, match=r"households\[0\].*too large"):
            col.staff_quota([10**9 + 1])

    @pytest.mark.parametrize("values", [[1.5, 2.0], [True, False], ["1", "2"]])
    def test_not_integers(self, values: list[object]) -> None:
        with pytest.raises(InvalidType, match=r"households\[0\]"):
            col.staff_quota(values)

    def test_python_object_names_the_row(self) -> None:
        with pytest.raises(InvalidType, match=r"households\[1\]"):
            col.staff_quota(np.array([1, 2.5, 3], dtype=object))

    def test_two_dimensional(self) -> None:
        with pytest.raises(InvalidType, match="one-dimensional"):
            col.staff_quota([[1, 2]])

    def test_lengths_differ(self) -> None:
        with pytest.raises(InvalidValue, match="current_staff"):
            col.hiring_plan([1, 2], [1])

    def test_empty(self) -> None:
        assert col.staff_quota([]).tolist() == []

    @pytest.mark.parametrize("offsets", [[1, 3], [0, 2], [0, 3, 2, 3], []])
    def test_bad_offsets(self, offsets: list[int]) -> None:
        with pytest.raises(InvalidValue, match="offsets"):
            col.partition_counts(offsets, [1, 2, 3])

    def test_bad_codes(self) -> None:
        with pytest.raises(InvalidValue, match=r"compounds\[1\]"):
            col.partition_counts([0, 2], [1, 2], compounds=[-1, -2])
        with pytest.raises(InvalidType, match="compounds"):
            col.partition_counts([0, 2], [1, 2], compounds=[0.5, 1.0])
        with pytest.raises(InvalidValue, match="compounds"):
            col.partition_counts([0, 2], [1, 2], compounds=[0])

    @pytest.mark.parametrize("junk", [None, "1150", {1: 2}, [[1], [2, 3]], 5])
    def test_not_an_array(self, junk: object) -> None:
        with pytest.raises(InvalidType, match="households"):
            col.staff_quota(junk)

    def test_policy(self) -> None:
        with pytest.raises(InvalidType, match="policy"):
            col.office_funds_minimum([1], policy=None)  # type: ignore[arg-type]

    def test_conversions(self) -> None:
        with pytest.raises(InvalidType, match="amounts"):
            col.to_fen(5)  # type: ignore[arg-type]
        with pytest.raises(InvalidValue, match=r"fen\[0\]"):
            col.from_fen([-1])
        with pytest.raises(InvalidType, match="units"):
            col.from_area("150")

    def test_is_new_must_be_bools(self) -> None:
        with pytest.raises(InvalidType, match="is_new"):
            col.space_meets([15000], [1])

    def test_fen(self) -> None:
        with pytest.raises(InvalidType, match=r"amounts\[0\].*binary float"):
            col.to_fen([0.1])
        with pytest.raises(InvalidValue, match=r"amounts\[1\].*negative"):
            col.to_fen(["1", "-1"])
        with pytest.raises(InvalidValue, match=r"areas\[0\]"):
            col.to_area(["1.005"])

    def test_fine_standard_compares_but_has_no_units(self) -> None:
        # A standard of 150.005 m² is compared exactly (15000.5 units): 15001 meets, 15000 does not.
        fine = attrs.evolve(DEFAULT_POLICY, old_town_space_m2=Decimal("150.005"))
        assert col.space_meets([15000, 15001], [False, False], policy=fine).tolist() == [False, True]
        with pytest.raises(InvalidValue, match="old_town_space_m2"):
            col.required_space([False], policy=fine)


class TestColumns:
    @settings(max_examples=30, deadline=None)
    @given(st.lists(crst.communities(max_buildings=6), max_size=6, unique_by=lambda c: c.id))
    def test_from_communities(self, communities) -> None:  # type: ignore[no-untyped-def]
        cols = col.CommunityColumns.from_communities(communities)
        assert len(cols) == len(communities)
        for i, c in enumerate(communities):
            assert cols.ids[i] == c.id
            assert bool(cols.households_known[i]) is (c.households is not None)
            if c.households is not None:
                assert cols.households[i] == c.households
            if c.office_funds is not None:
                assert col.from_fen(cols.office_funds[i : i + 1]) == (c.office_funds,)
            if c.office_space_m2 is not None:
                assert col.from_area(cols.office_space[i : i + 1]) == (c.office_space_m2,)
            start, end = cols.building_offsets[i], cols.building_offsets[i + 1]
            assert cols.building_households[start:end].tolist() == [b.households for b in c.buildings]
            assert bool(cols.is_new[i]) is (c.kind is CommunityKind.NEW)

    def test_refuses_other_objects(self) -> None:
        with pytest.raises(InvalidType, match=r"communities\[0\]"):
            col.CommunityColumns.from_communities(["C1"])  # type: ignore[list-item]


class TestOptionalDependency:
    def test_import_community_rules_does_not_import_numpy(self) -> None:
        code = (
            "import sys, community_rules as cr; cr.check; cr.staff_quota; assert 'numpy' not in sys.modules"
        )
        subprocess.run([sys.executable, "-c", code], check=True)

    def test_missing_numpy_says_how_to_install(self) -> None:
        code = (
            "import sys; sys.modules['numpy'] = None\n"
            "try:\n    import community_rules.columnar\n"
            "except ImportError as e:\n    print(e)\n"
        )
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
        assert "pip install community_rules[columnar]" in out
