"""The library's own property suite: the invariants of every rule module, on generated data.

The strategies are the library's own (community_rules.strategies) and so are the
invariants (community_rules.invariants), so that what users import is what the
library is held to. Where a brute-force oracle is cheap (small pools of
buildings), the optimum the module claims (fewest sub-areas, most balanced cut)
is checked against it. The heavier runs are marked ``slow``.
"""

from __future__ import annotations

import datetime
import itertools
import json
import os
import re
import subprocess
import sys
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from fractions import Fraction
from types import SimpleNamespace
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import community_rules as cr
from community_rules import funding, staffing
from community_rules import strategies as crst
from community_rules.assessment import composite_score, grade, resident_score
from community_rules.budgeting import budget
from community_rules.compliance import check
from community_rules.documents import to_json
from community_rules.enums import Grade, Insurance, Level
from community_rules.findings import Finding
from community_rules.funding import (
    building_head_allowance,
    office_funds_minimum,
    required_insurances,
    split_pay,
    welfare_funds_minimum,
)
from community_rules.invariants import (
    assert_allocation_conserves,
    assert_budget_conserves,
    assert_findings_well_formed,
    assert_hiring_plan_consistent,
    assert_partition_covers,
    assert_round_trip,
    assert_space_progress_consistent,
    assert_split_conserves,
)
from community_rules.money import round_down, round_half_up, round_up, scale, to_decimal, to_money
from community_rules.partitioning import building_head_count, partition
from community_rules.policy import (
    DEFAULT_POLICY,
    OfficeFundsRule,
    PartMonthRule,
    StaffQuotaRounding,
    SubAreaRule,
    WelfareBase,
)
from community_rules.space import required_space_m2, space_progress
from community_rules.staffing import hiring_plan, staff_quota

SOME = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MORE = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HEAVY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
AS_OF = datetime.date(2009, 12, 31)


def _fraction(x: Decimal | int) -> Fraction:
    return Fraction(x)


def _rounded(exact: Fraction, rounding: str) -> Fraction:
    """``exact`` to the fen by ``rounding`` (the oracle for money.scale)."""
    units = exact * 100
    if rounding == ROUND_FLOOR:
        n = units.numerator // units.denominator
    elif rounding == ROUND_CEILING:
        n = -(-units.numerator // units.denominator)
    else:  # half up: halves away from zero
        n = int((abs(units) + Fraction(1, 2)).__floor__()) * (1 if units >= 0 else -1)
    return Fraction(n, 100)


# --- money (I-8) ------------------------------------------------------------------------------


class TestMoney:
    @MORE
    @given(crst.money(min_value=-1_000_000), crst.allocation_weights())
    def test_allocate_conserves_the_total(self, total: Decimal, weights: list[int | Decimal]) -> None:
        assert_allocation_conserves(total, cr.allocate(total, weights), weights)

    @MORE
    @given(crst.areas(max_value=10**6, places=6))
    def test_roundings_stay_within_a_fen(self, amount: Decimal) -> None:
        fen = Decimal("0.01")
        assert amount <= round_up(amount) < amount + fen  # a minimum is never rounded below the rule
        assert amount - fen < round_down(amount) <= amount
        assert abs(round_half_up(amount) - amount) <= fen / 2

    @MORE
    @given(
        crst.money(min_value=-(10**6), max_value=10**6),
        st.integers(-1000, 1000),
        st.integers(1, 1000),
        st.sampled_from([ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP]),
    )
    def test_scale_is_exact_then_rounded_once(
        self, amount: Decimal, factor: int, divisor: int, rounding: str
    ) -> None:
        exact = _fraction(amount) * factor / divisor
        assert _fraction(scale(amount, factor, divisor, rounding=rounding)) == _rounded(exact, rounding)


_CHINESE = re.compile("[\u4e00-\u9fff]")


def _assert_names(error: cr.Error, path: str, value: object) -> None:
    assert error.path == path
    assert error.value is value or error.value == value
    assert error.message_en
    assert _CHINESE.search(error.message_zh)
    assert error.message_zh != error.message_en


class TestMoneyEdges:
    """Cases the mutation run of money.py found untested (docs/strategies.md, "Mutation testing")."""

    @SOME
    @given(crst.areas(max_value=10**6, places=4), st.sampled_from([Decimal(1), Decimal("0.1")]))
    def test_roundings_to_another_step(self, amount: Decimal, step: Decimal) -> None:
        assert amount <= round_up(amount, step) < amount + step
        assert amount - step < round_down(amount, step) <= amount
        assert abs(round_half_up(amount, step) - amount) <= step / 2
        for rounded in (round_up(amount, step), round_down(amount, step), round_half_up(amount, step)):
            assert rounded.as_tuple().exponent == step.as_tuple().exponent

    @MORE
    @given(
        crst.money(min_value=-(10**6), max_value=10**6),
        crst.areas(max_value=1000, places=3),
        crst.areas(min_value="0.001", max_value=1000, places=3),
        st.sampled_from([ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP]),
    )
    def test_scale_by_decimals_and_strings(
        self, amount: Decimal, factor: Decimal, divisor: Decimal, rounding: str
    ) -> None:
        # Fractional factors and divisors (and numeric strings) are exact too: no float step.
        exact = _fraction(amount) * _fraction(factor) / _fraction(divisor)
        scaled = scale(str(amount), str(factor), divisor, rounding=rounding)
        assert _fraction(scaled) == _rounded(exact, rounding)

    def test_scale_is_exact_where_a_float_would_not_be(self) -> None:
        # 999,999,999,999.99 × 7 ÷ 0.3 = 23,333,333,333,333.1 exactly; a float division would lose the fen.
        scaled = scale(Decimal("999999999999.99"), 7, Decimal("0.3"), rounding=ROUND_FLOOR)
        assert scaled == Decimal("23333333333333.10")

    @SOME
    @given(crst.invalid_amounts())
    def test_an_error_names_the_field_and_the_value(self, junk: object) -> None:
        # Every refusal carries the field, the very value and a message in both languages.
        with pytest.raises(cr.Error) as info:
            to_decimal(junk, "office_funds") if not isinstance(junk, (int, Decimal)) else to_money(
                junk, "office_funds"
            )
        _assert_names(info.value, "office_funds", junk)

    @pytest.mark.parametrize(
        ("call", "path", "value"),
        [
            (lambda: to_money(Decimal("-1.00"), "pay"), "pay", Decimal("-1.00")),
            (lambda: to_money("1.005", "pay"), "pay", "1.005"),
            (lambda: to_decimal("ten", "pay"), "pay", "ten"),
            (lambda: scale(1, 1, 0, rounding=ROUND_HALF_UP), "divisor", 0),
            (lambda: scale(1, rounding="ROUND_DOWN"), "rounding", "ROUND_DOWN"),
            (lambda: scale(1, rounding=ROUND_HALF_UP, step=Decimal(0)), "step", Decimal(0)),
            (lambda: scale("x", rounding=ROUND_HALF_UP), "amount", "x"),
            (lambda: scale(1, "x", rounding=ROUND_HALF_UP), "factor", "x"),
            (lambda: scale(1, 1, "x", rounding=ROUND_HALF_UP), "divisor", "x"),
            (lambda: cr.allocate(Decimal("1.005"), [1]), "total", Decimal("1.005")),
            (lambda: cr.allocate(Decimal("1.00"), [1, -2]), "weights[1]", -2),
            (
                lambda: cr.allocate(Decimal("1.00"), [Decimal("1.5"), Decimal("-2")]),
                "weights[1]",
                Decimal("-2"),
            ),
            (lambda: cr.allocate(Decimal("1.00"), [0, 0]), "weights", [0, 0]),
            (lambda: cr.allocate(Decimal("1.00"), ["x"]), "weights[0]", "x"),
        ],
    )
    def test_each_refusal_names_its_field(self, call: Any, path: str, value: object) -> None:
        with pytest.raises(cr.Error) as info:
            call()
        _assert_names(info.value, path, value)

    @pytest.mark.parametrize("too_large", [Decimal("1E15"), Decimal("-1E15"), Decimal("1000000000000000.00")])
    def test_the_limit_holds_for_decimals(self, too_large: Decimal) -> None:
        with pytest.raises(cr.InvalidValue, match="too large"):
            scale(too_large, rounding=ROUND_HALF_UP)
        with pytest.raises(cr.InvalidValue, match="too large"):
            cr.allocate(Decimal("1.00"), [Decimal(1), abs(too_large)])

    @pytest.mark.parametrize("too_large", [10**15, -(10**15)])
    def test_the_limit_holds_for_ints(self, too_large: int) -> None:
        with pytest.raises(cr.InvalidValue, match="too large"):
            scale(too_large, rounding=ROUND_HALF_UP)
        with pytest.raises(cr.InvalidValue, match="too large"):
            scale(1, too_large, rounding=ROUND_HALF_UP)
        with pytest.raises(cr.InvalidValue, match="too large"):
            cr.allocate(Decimal("1.00"), [1, abs(too_large)])

    def test_allocate_to_another_step(self) -> None:
        # 10 split 1:1:1 in whole yuan: 3 each, 1 left over to the first (largest remainder, ties first).
        assert cr.allocate(Decimal("10"), [1, 1, 1], step=Decimal(1)) == (Decimal(4), Decimal(3), Decimal(3))
        with pytest.raises(cr.InvalidValue, match="not a whole number of 1"):
            cr.allocate(Decimal("10.5"), [1, 1], step=Decimal(1))

    def test_allocate_names_the_negative_weight(self) -> None:
        with pytest.raises(cr.InvalidValue) as info:
            cr.allocate(Decimal("1.00"), [0, -1, 2])
        assert info.value.path == "weights[1]"

    def test_allocating_nothing_gives_plain_zeros(self) -> None:
        assert [str(share) for share in cr.allocate(Decimal("0.00"), [1, 2])] == ["0.00", "0.00"]


# --- partitioning (2.2.1, I-1…I-3) ---------------------------------------------------------------


def _best_cut(households: list[int], cap: int) -> tuple[int, int] | None:
    """Brute force: (fewest contiguous parts of at most ``cap``, the smallest largest part among those)."""
    n = len(households)
    best: tuple[int, int] | None = None
    for k in range(n):
        for cuts in itertools.combinations(range(1, n), k):
            bounds = (0, *cuts, n)
            parts = [sum(households[a:b]) for a, b in itertools.pairwise(bounds)]
            if max(parts) <= cap:
                candidate = (k + 1, max(parts))
                best = candidate if best is None else min(best, candidate)
        if best is not None:
            return best
    return best


def _best_groups(households: list[int], low: int, high: int) -> tuple[int, int]:
    """Brute force: (fewest consecutive groups of low..high buildings, the smallest heaviest group)."""
    n = len(households)
    best: tuple[int, int] | None = None
    for k in range(n):
        for cuts in itertools.combinations(range(1, n), k):
            bounds = (0, *cuts, n)
            sizes = [b - a for a, b in itertools.pairwise(bounds)]
            if all(low <= s <= high for s in sizes):
                candidate = (k + 1, max(sum(households[a:b]) for a, b in itertools.pairwise(bounds)))
                best = candidate if best is None else min(best, candidate)
        if best is not None:
            return best
    raise AssertionError("no grouping")  # pragma: no cover - 2..3 always groups n >= 2


class TestPartitioning:
    @MORE
    @given(crst.building_lists(max_size=20), crst.policies())
    def test_every_building_in_exactly_one_sub_area(
        self, buildings: list[cr.Building], policy: cr.Policy
    ) -> None:
        assert_partition_covers(buildings, partition(buildings, policy=policy), policy=policy)

    @MORE
    @given(crst.building_lists(max_size=8, max_households=500, compounds=()))
    def test_the_cut_is_the_fewest_and_most_balanced(self, buildings: list[cr.Building]) -> None:
        # I-1: an ordinary pool within the cap: the fewest sub-areas of at most 500, the
        # smallest largest one among those (SPEC §6: 980 households -> 3, largest 430).
        assume(buildings)
        plan = partition(buildings)
        households = [b.households for b in buildings]
        assert (len(plan.sub_areas), max(s.households for s in plan.sub_areas)) == _best_cut(households, 500)

    @MORE
    @given(st.lists(st.integers(0, 300), min_size=2, max_size=9))
    def test_building_heads_are_the_fewest_and_most_balanced(self, households: list[int]) -> None:
        # I-3: a sub-area of n buildings (all of them within one sub-area: 9 × 300 > 500
        # would split, so the cap is raised) gets ceil(n/3) heads of 2-3 buildings each.
        policy = attrs.evolve(DEFAULT_POLICY, sub_area_households=10**6)
        buildings = [cr.Building(f"B{i}", h) for i, h in enumerate(households)]
        (area,) = partition(buildings, policy=policy).sub_areas
        groups = [g.households for g in area.groups]
        assert (len(groups), max(groups)) == _best_groups(households, 2, 3)

    @SOME
    @given(st.integers(0, 10_000), st.integers(0, 10_000))
    def test_building_head_count_is_monotone(self, a: int, b: int) -> None:
        low, high = sorted((a, b))
        assert building_head_count(low) <= building_head_count(high)
        assert building_head_count(high) == (0 if high == 0 else -(-high // 3))

    @SOME
    @given(crst.building_lists(max_size=12), crst.policies())
    def test_heads_add_up_over_sub_areas(self, buildings: list[cr.Building], policy: cr.Policy) -> None:
        plan = partition(buildings, policy=policy)
        expected = sum(building_head_count(len(s.buildings), policy=policy) for s in plan.sub_areas)
        assert plan.building_heads == expected

    @SOME
    @given(crst.building_lists(min_size=1, max_size=10, compounds=("A", "B")))
    def test_a_compound_never_shares_a_sub_area(self, buildings: list[cr.Building]) -> None:
        for area in partition(buildings).sub_areas:
            assert len({b.compound for b in area.buildings}) == 1

    def test_the_worked_example(self) -> None:
        # SPEC §6 I-1, to anchor the oracle: [300], [150, 100], [250, 180].
        households = [300, 150, 100, 250, 180]
        assert _best_cut(households, 500) == (3, 430)


# --- staffing (3.1, I-4, I-5) ---------------------------------------------------------------------


class TestStaffing:
    @MORE
    @given(crst.households(max_value=10**6), crst.households(max_value=10**6), crst.policies())
    def test_the_quota_is_monotone_in_households(self, a: int, b: int, policy: cr.Policy) -> None:
        low, high = sorted((a, b))
        assert staff_quota(low, policy=policy) <= staff_quota(high, policy=policy)

    @MORE
    @given(crst.households(max_value=10**6), crst.policies())
    def test_the_quota_covers_the_households(self, households: int, policy: cr.Policy) -> None:
        quota, per = staff_quota(households, policy=policy), policy.households_per_staff
        if policy.staff_quota_rounding is StaffQuotaRounding.CEILING:
            assert quota * per >= households > (quota - 1) * per or households == quota == 0
        else:
            assert abs(Fraction(households, per) - quota) <= Fraction(1, 2)

    @MORE
    @given(crst.households(max_value=10**5), st.integers(0, 500), crst.policies())
    def test_the_hiring_plan_adds_up(self, households: int, staff: int, policy: cr.Policy) -> None:
        plan = hiring_plan(households, staff, policy=policy)
        assert_hiring_plan_consistent(plan)
        assert plan.quota == staff_quota(households, policy=policy)

    @SOME
    @given(crst.households(max_value=10**5), st.integers(0, 50), crst.shares(), crst.shares())
    def test_a_larger_share_never_hires_fewer(
        self, households: int, staff: int, a: Decimal, b: Decimal
    ) -> None:
        low, high = sorted((a, b))
        plans = [
            hiring_plan(households, staff, policy=attrs.evolve(DEFAULT_POLICY, hiring_share_this_year=s))
            for s in (low, high)
        ]
        assert plans[0].this_year <= plans[1].this_year


# --- funding (2.2.2, 3.2, I-6, I-7, I-9, I-10) -----------------------------------------------------


class TestFunding:
    @MORE
    @given(crst.households(max_value=10**7), crst.households(max_value=10**7), crst.policies())
    def test_office_funds_are_monotone_in_households(self, a: int, b: int, policy: cr.Policy) -> None:
        low, high = sorted((a, b))
        assert office_funds_minimum(low, policy=policy) <= office_funds_minimum(high, policy=policy)

    @MORE
    @given(crst.households(max_value=10**7), crst.policies())
    def test_office_funds_never_fall_below_the_rule(self, households: int, policy: cr.Policy) -> None:
        funds = office_funds_minimum(households, policy=policy)
        per = _fraction(policy.office_funds_per_thousand)
        exact = households * per / 1000
        if policy.office_funds_rule is OfficeFundsRule.PER_STARTED_THOUSAND:
            exact = -(-households // 1000) * per
        assert exact <= _fraction(funds) < exact + Fraction(1, 100)  # rounded up to the fen, no further
        assert funds.as_tuple().exponent == -2

    @MORE
    @given(crst.money(max_value=10**9), crst.policies())
    def test_the_welfare_minimum_is_the_share_rounded_up(self, funds: Decimal, policy: cr.Policy) -> None:
        minimum = welfare_funds_minimum(funds, policy=policy)
        exact = _fraction(funds) * _fraction(policy.welfare_share)
        assert exact <= _fraction(minimum) < exact + Fraction(1, 100)

    @MORE
    @given(crst.money(max_value=10**7), crst.policies())
    def test_a_pay_split_conserves_the_pay(self, pay: Decimal, policy: cr.Policy) -> None:
        split = split_pay(pay, policy=policy)
        assert_split_conserves(pay, split)
        exact = _fraction(pay) * _fraction(policy.base_pay_share)
        assert abs(_fraction(split.base) - exact) <= Fraction(1, 200)  # base: half up to the fen

    @MORE
    @given(crst.terms(max_days=1200), st.sampled_from(list(PartMonthRule)))
    def test_the_allowance_adds_up_at_month_ends(
        self, term: tuple[datetime.date, datetime.date], rule: PartMonthRule
    ) -> None:
        # Split a term at the end of one of its months: the two parts are paid what the
        # whole is (each calendar month is paid on its own, I-9).
        start, end = term
        month_end = (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(
            days=1
        )
        assume(month_end < end)
        policy = attrs.evolve(DEFAULT_POLICY, part_month_rule=rule)
        whole = building_head_allowance(start, end, policy=policy)
        parts = building_head_allowance(start, month_end, policy=policy) + building_head_allowance(
            month_end + datetime.timedelta(days=1), end, policy=policy
        )
        assert whole == parts

    @MORE
    @given(crst.terms(max_days=1200), st.integers(0, 400), st.sampled_from(list(PartMonthRule)))
    def test_a_longer_term_is_never_paid_less(
        self, term: tuple[datetime.date, datetime.date], more: int, rule: PartMonthRule
    ) -> None:
        start, end = term
        policy = attrs.evolve(DEFAULT_POLICY, part_month_rule=rule)
        longer = end + datetime.timedelta(days=more)
        assert building_head_allowance(start, end, policy=policy) <= building_head_allowance(
            start, longer, policy=policy
        )

    @SOME
    @given(st.integers(2000, 2035), st.sampled_from(list(PartMonthRule)))
    def test_a_calendar_year_is_twelve_months(self, year: int, rule: PartMonthRule) -> None:
        policy = attrs.evolve(DEFAULT_POLICY, part_month_rule=rule)
        paid = building_head_allowance(datetime.date(year, 1, 1), datetime.date(year, 12, 31), policy=policy)
        assert paid == 12 * policy.building_head_allowance_monthly

    @SOME
    @given(st.booleans(), crst.policies())
    def test_insurances_are_those_of_the_policy(self, female: bool, policy: cr.Policy) -> None:
        needed = required_insurances(female, policy=policy)
        assert needed <= policy.required_insurances
        if policy.maternity_for_female_only and not female:
            assert Insurance.MATERNITY not in needed


class TestFindingsAgreeWithTheRules:
    """A check reports what the rule functions compute, for the community and office it names.

    (Found by the mutation run of staffing.py and funding.py: findings built
    without the caller's policy, or without their community, office, required
    or actual values, passed every other test.)
    """

    @MORE
    @given(crst.communities(max_buildings=4), crst.policies(allow_unset_year=True))
    def test_staffing(self, community: cr.Community, policy: cr.Policy) -> None:
        findings = list(staffing.check_community(community, policy=policy, office="O1"))
        assert all((f.community, f.office) == (community.id, "O1") for f in findings)
        if community.households is not None and community.staff is not None:
            (quota,) = [f for f in findings if f.rule == "staffing.quota"]
            assert quota.required == staff_quota(community.households, policy=policy)
            assert quota.actual == community.staff
        education = {f.subject: f for f in findings if f.rule == "staffing.education"}
        for member in community.staff_members:
            finding = education[member.id]
            if member.education is None:
                assert finding.status is cr.Status.UNKNOWN
            else:
                meets = member.education.rank >= policy.minimum_education.rank  # 大专以上: inclusive
                assert (finding.status is cr.Status.MET) == meets, (
                    member.education,
                    policy.minimum_education,
                )

    @MORE
    @given(crst.communities(max_buildings=4), crst.policies(allow_unset_year=True))
    def test_funding(self, community: cr.Community, policy: cr.Policy) -> None:
        findings = list(funding.check_community(community, policy=policy, office="O1"))
        assert all((f.community, f.office) == (community.id, "O1") for f in findings)
        assume(community.households is not None)
        minimum = office_funds_minimum(community.households, policy=policy)
        (office,) = [f for f in findings if f.rule == "funding.office_funds"]
        assert (office.required, office.actual) == (minimum, community.office_funds)
        granted = policy.welfare_base is WelfareBase.GRANTED and community.office_funds is not None
        base = community.office_funds if granted else minimum
        (welfare,) = [f for f in findings if f.rule == "funding.welfare_funds"]
        assert welfare.required == welfare_funds_minimum(base, policy=policy)
        assert welfare.actual == community.welfare_funds


# --- space (3.3, I-12, I-14) --------------------------------------------------------------------


class TestSpace:
    @SOME
    @given(st.lists(crst.communities(max_buildings=2, plans=False), max_size=8), crst.policies())
    def test_progress_is_consistent(self, communities: list[cr.Community], policy: cr.Policy) -> None:
        assume(len({c.id for c in communities}) == len(communities))
        assert_space_progress_consistent(space_progress(communities, policy=policy))

    @SOME
    @given(st.lists(crst.communities(max_buildings=2, plans=False), min_size=1, max_size=6), st.data())
    def test_more_space_never_lowers_the_count(self, communities: list[cr.Community], data: Any) -> None:
        assume(len({c.id for c in communities}) == len(communities))
        i = data.draw(st.integers(0, len(communities) - 1))
        before = space_progress(communities)
        fixed = list(communities)
        fixed[i] = attrs.evolve(fixed[i], office_space_m2=required_space_m2(fixed[i].kind))
        after = space_progress(fixed)
        assert after.compliant >= before.compliant
        assert after.unknown <= before.unknown


# --- assessment (4.3, I-16…I-18) ---------------------------------------------------------------------


class TestAssessment:
    @MORE
    @given(crst.ballots(), crst.policies())
    def test_the_resident_score_lies_between_the_ballot_values(
        self, ballots: tuple[int, int, int], policy: cr.Policy
    ) -> None:
        score = resident_score(*ballots, policy=policy)
        assert (
            policy.ballot_dissatisfied - Decimal("0.005")
            <= score
            <= policy.ballot_satisfied + Decimal("0.005")
        )
        assert 0 <= score <= 100

    @MORE
    @given(crst.ballots(max_total=300))
    def test_one_more_satisfied_resident_never_lowers_the_score(self, ballots: tuple[int, int, int]) -> None:
        satisfied, basically, dissatisfied = ballots
        assert resident_score(satisfied, basically, dissatisfied) <= resident_score(
            satisfied + 1, basically, dissatisfied
        )

    @MORE
    @given(
        st.sampled_from(list(Level)),
        st.lists(crst.scores(), min_size=1, max_size=6),
        crst.scores(),
        crst.scores(),
        crst.policies(),
    )
    def test_the_composite_score_lies_between_its_parts(
        self, level: Level, daily: list[Decimal], year_end: Decimal, residents: Decimal, policy: cr.Policy
    ) -> None:
        score = composite_score(level, daily=daily, year_end=year_end, residents=residents, policy=policy)
        parts = [*daily, year_end, residents]
        assert min(parts) - Decimal("0.005") <= score <= max(parts) + Decimal("0.005")

    @MORE
    @given(crst.scores(), crst.scores(), crst.policies())
    def test_a_higher_score_never_gets_a_lower_grade(self, a: Decimal, b: Decimal, policy: cr.Policy) -> None:
        order = [Grade.INCOMPETENT, Grade.BASICALLY_COMPETENT, Grade.COMPETENT, Grade.EXCELLENT]
        low, high = sorted((a, b))
        assert order.index(grade(low, policy=policy)) <= order.index(grade(high, policy=policy))


# --- budget, compliance, documents ---------------------------------------------------------------------


class TestDistricts:
    @SOME
    @given(crst.districts(), crst.policies())
    def test_the_budget_conserves_money(self, district: cr.District, policy: cr.Policy) -> None:
        assert_budget_conserves(budget(district, 2009, policy=policy))

    @SOME
    @given(crst.districts(), crst.policies(allow_unset_year=True))
    def test_every_finding_is_well_formed(self, district: cr.District, policy: cr.Policy) -> None:
        report = check(district, as_of=AS_OF, policy=policy)
        assert_findings_well_formed(report.findings)
        checked = {f.community for f in report.findings if f.community is not None}
        assert checked == {c.id for c in district.communities()}

    @SOME
    @given(crst.districts())
    def test_a_check_is_deterministic(self, district: cr.District) -> None:
        first, second = check(district, as_of=AS_OF), check(district, as_of=AS_OF)
        assert first.findings == second.findings
        assert first.to_json() == second.to_json()

    @SOME
    @given(crst.districts())
    def test_a_district_survives_dump_and_load(self, district: cr.District) -> None:
        assert_round_trip(district)

    @MORE
    @given(crst.policies(allow_unset_year=True))
    def test_a_policy_survives_dump_and_load(self, policy: cr.Policy) -> None:
        assert cr.load_policy(cr.dump_policy(policy)) == policy
        assert cr.load_policy(json.loads(to_json(cr.dump_policy(policy)), parse_float=Decimal)) == policy

    @pytest.mark.slow
    @HEAVY
    @given(
        crst.districts(max_offices=4, max_communities=4, max_buildings=10),
        crst.policies(allow_unset_year=True),
    )
    def test_many_districts(self, district: cr.District, policy: cr.Policy) -> None:
        assert_round_trip(district)
        assert_budget_conserves(budget(district, 2009, policy=policy))
        assert_findings_well_formed(check(district, as_of=AS_OF, policy=policy).findings)


_REPORT = """
import datetime, json
import community_rules as cr
from community_rules.compliance import check
from community_rules.documents import to_json
d = cr.sample_district()
print(check(d, as_of=datetime.date(2009, 12, 31)).to_json())
print(to_json(cr.dump_district(d)))
"""


class TestDeterminism:
    def test_reports_are_byte_identical_across_hash_seeds(self) -> None:
        # Sets and dicts must not leak their (hash-seeded) order into the output.
        outputs = []
        for seed in ("0", "12345"):
            env = {**os.environ, "PYTHONHASHSEED": seed}
            result = subprocess.run([sys.executable, "-c", _REPORT], capture_output=True, check=True, env=env)
            outputs.append(result.stdout)
        assert outputs[0] == outputs[1]
        assert b'"rule": "staffing.quota"' in outputs[0]


# --- the invariants catch what they claim to ------------------------------------------------------------


class TestInvariantsCatch:
    def _plan(self) -> tuple[list[cr.Building], Any]:
        buildings = [cr.Building(f"B{i}", h) for i, h in enumerate([300, 150, 100, 250, 180])]
        return buildings, partition(buildings)

    def test_a_good_partition_passes(self) -> None:
        buildings, plan = self._plan()
        assert_partition_covers(buildings, plan)

    def test_a_lost_building(self) -> None:
        buildings, plan = self._plan()
        with pytest.raises(AssertionError, match=r"in no sub-area"):
            assert_partition_covers([*buildings, cr.Building("B9", 1)], plan)

    def test_a_building_twice(self) -> None:
        buildings, plan = self._plan()
        doubled = attrs.evolve(plan, sub_areas=(*plan.sub_areas, plan.sub_areas[0]))
        with pytest.raises(AssertionError, match=r"exactly one"):
            assert_partition_covers(buildings, doubled)

    def test_a_sub_area_over_the_cap(self) -> None:
        buildings, plan = self._plan()
        with pytest.raises(AssertionError, match=r"above the cap of 400"):
            assert_partition_covers(
                buildings, plan, policy=attrs.evolve(DEFAULT_POLICY, sub_area_households=400)
            )

    def test_a_head_with_too_many_buildings(self) -> None:
        buildings = [cr.Building(f"B{i}", 10) for i in range(4)]
        plan = partition(buildings)
        loose = attrs.evolve(DEFAULT_POLICY, building_head_max_buildings=4)
        with pytest.raises(AssertionError, match=r"has 2 building heads; the fewest for 4"):
            assert_partition_covers(buildings, plan, policy=loose)

    def test_allocation(self) -> None:
        with pytest.raises(AssertionError, match=r"add up to 0.99"):
            assert_allocation_conserves(Decimal("1.00"), [Decimal("0.33")] * 3)
        with pytest.raises(AssertionError, match=r"a step or more away"):
            assert_allocation_conserves(Decimal("1.00"), [Decimal("1.00"), Decimal("0.00")], [1, 1])

    def test_split(self) -> None:
        split = split_pay(Decimal("4321.05"))
        with pytest.raises(AssertionError, match=r"not the monthly pay"):
            assert_split_conserves(Decimal("4321.06"), split)

    def test_hiring_plan(self) -> None:
        plan = hiring_plan(1150, 0)
        with pytest.raises(AssertionError, match=r"!= shortfall"):
            assert_hiring_plan_consistent(attrs.evolve(plan, later=2))
        with pytest.raises(AssertionError, match=r"shortfall is 3"):
            assert_hiring_plan_consistent(attrs.evolve(plan, shortfall=3, later=0))

    def test_budget(self) -> None:
        good = budget(cr.sample_district(), 2009)
        assert_budget_conserves(good)
        office = good.offices[0]
        bad_totals = attrs.evolve(office.totals, office_funds=office.totals.office_funds + Decimal("0.01"))
        bad = attrs.evolve(good, offices=(attrs.evolve(office, totals=bad_totals), *good.offices[1:]))
        with pytest.raises(AssertionError, match=r"office_funds"):
            assert_budget_conserves(bad)

    def test_space_progress(self) -> None:
        progress = space_progress(list(cr.sample_district().communities()))
        assert_space_progress_consistent(progress)
        with pytest.raises(AssertionError, match=r"met is"):
            assert_space_progress_consistent(attrs.evolve(progress, met=not progress.met))

    def test_findings(self) -> None:
        findings = check(cr.sample_district(), as_of=AS_OF).findings
        assert_findings_well_formed(findings)
        with pytest.raises(AssertionError, match=r"clause '9.9'"):
            assert_findings_well_formed([attrs.evolve(findings[0], clause="9.9")])
        with pytest.raises(AssertionError, match=r"not a plain value"):
            assert_findings_well_formed([attrs.evolve(findings[0], actual=[1])])  # type: ignore[arg-type]
        with pytest.raises(AssertionError, match=r"Chinese"):
            assert_findings_well_formed([attrs.evolve(findings[0], message_zh="")])
        assert isinstance(findings[0], Finding)

    def test_round_trip(self) -> None:
        assert_round_trip(cr.sample_district())


def _fake(plan: Any) -> SimpleNamespace:
    """A partition as plain, mutable namespaces (to break it on purpose)."""
    return SimpleNamespace(
        sub_areas=[
            SimpleNamespace(
                buildings=list(a.buildings),
                households=a.households,
                compound=a.compound,
                groups=[
                    SimpleNamespace(buildings=list(g.buildings), households=g.households) for g in a.groups
                ],
            )
            for a in plan.sub_areas
        ],
        households=plan.households,
        sub_area_heads=plan.sub_area_heads,
        building_heads=plan.building_heads,
    )


def _break(what: str, fake: SimpleNamespace, street: list[cr.Building]) -> None:
    first, second = fake.sub_areas[0], fake.sub_areas[1]
    if what == "empty":
        first.buildings = []
    elif what == "stranger":
        first.buildings[0] = cr.Building("X", 300)
    elif what == "order":
        second.buildings.reverse()
    elif what == "areas out of order":
        fake.sub_areas[0], fake.sub_areas[1] = second, first
    elif what == "mixed compounds":
        second.buildings[0] = attrs.evolve(second.buildings[0], compound="Garden")
    elif what == "area households":
        first.households += 1
    elif what == "groups do not cover":
        second.groups[0].buildings.pop()
    elif what == "too many heads":
        second.groups = [SimpleNamespace(buildings=[b], households=b.households) for b in second.buildings]
    elif what == "group households":
        first.groups[0].households += 1
    elif what == "total households":
        fake.households += 1
    elif what == "sub-area heads":
        fake.sub_area_heads += 1
    elif what == "building heads":
        fake.building_heads += 1


class TestInvariantMessages:
    STREET: ClassVar[list[cr.Building]] = [
        cr.Building(f"B{i}", h) for i, h in enumerate([300, 150, 100, 250, 180])
    ]

    @pytest.mark.parametrize(
        ("what", "message"),
        [
            ("empty", "sub-area 0 is empty"),
            ("stranger", "which is not among the buildings given"),
            ("order", "does not keep the input order"),
            ("areas out of order", "stands before the sub-area ahead of it"),
            ("mixed compounds", "mixes compounds"),
            ("area households", "reports 301 households; its buildings have 300"),
            ("groups do not cover", "do not cover its buildings"),
            ("too many heads", "has 2 building heads; the fewest for 3 buildings each is 1"),
            ("group households", "building group 0 of sub-area 0 reports the wrong households"),
            ("total households", "reports 981 households; the buildings have 980"),
            ("sub-area heads", "sub_area_heads is 4"),
            ("building heads", "building_heads is 4"),
        ],
    )
    def test_a_broken_partition_says_what_is_wrong(self, what: str, message: str) -> None:
        fake = _fake(partition(self.STREET))
        assert_partition_covers(self.STREET, fake)  # the fake as made is right
        _break(what, fake, self.STREET)
        with pytest.raises(AssertionError, match=re.escape(message)):
            assert_partition_covers(self.STREET, fake)

    def test_a_group_of_the_wrong_size(self) -> None:
        street = [cr.Building(f"B{i}", 10) for i in range(4)]
        fake = _fake(partition(street))
        group = fake.sub_areas[0].groups
        group[0].buildings, group[1].buildings = street[:1], street[1:]
        group[0].households, group[1].households = 10, 30
        with pytest.raises(AssertionError, match="cares for 1 building; each must care for 2-3"):
            assert_partition_covers(street, fake)

    def test_allocation_shapes(self) -> None:
        with pytest.raises(AssertionError, match=r"not a whole number of 0\.01"):
            assert_allocation_conserves(Decimal("1.00"), [Decimal("0.995"), Decimal("0.005")])
        with pytest.raises(AssertionError, match="2 shares for 3 weights"):
            assert_allocation_conserves(Decimal("1.00"), [Decimal("0.50"), Decimal("0.50")], [1, 1, 1])

    def test_split_shapes(self) -> None:
        with pytest.raises(AssertionError, match="not an amount to the fen"):
            assert_split_conserves(
                Decimal("1"), SimpleNamespace(base=Decimal("0.7"), performance=Decimal("0.30"))
            )
        with pytest.raises(AssertionError, match="is negative"):
            assert_split_conserves(
                Decimal("1"), SimpleNamespace(base=Decimal("1.10"), performance=Decimal("-0.10"))
            )

    def test_hiring_plan_shapes(self) -> None:
        plan = hiring_plan(1150, 0)
        with pytest.raises(AssertionError, match="must not be negative"):
            assert_hiring_plan_consistent(attrs.evolve(plan, this_year=5, later=-1))

    def test_space_progress_shapes(self) -> None:
        progress = space_progress(list(cr.sample_district().communities()))
        with pytest.raises(AssertionError, match="exceed total"):
            assert_space_progress_consistent(attrs.evolve(progress, unknown=progress.total))
        with pytest.raises(AssertionError, match="needed is"):
            assert_space_progress_consistent(attrs.evolve(progress, needed=progress.needed + 1))
        with pytest.raises(AssertionError, match="rate"):
            assert_space_progress_consistent(attrs.evolve(progress, rate=Decimal("0.9")))

    def test_budget_shapes(self) -> None:
        good = budget(cr.sample_district(), 2009)
        office = good.offices[0]
        line = office.communities[0]
        for change, message in [
            ({"office_funds": Decimal("1.5")}, "is not a non-negative amount to the fen"),
            ({"building_head_allowance": line.building_head_allowance + 1}, "allowance"),
        ]:
            bad_line = attrs.evolve(line, **change)
            bad_office = attrs.evolve(office, communities=(bad_line, *office.communities[1:]))
            bad = attrs.evolve(good, offices=(bad_office, *good.offices[1:]))
            with pytest.raises(AssertionError, match=message):
                assert_budget_conserves(bad)
        wrong_unknown = attrs.evolve(office.totals, unknown=((line.community, "office_funds"),))
        bad = attrs.evolve(good, offices=(attrs.evolve(office, totals=wrong_unknown), *good.offices[1:]))
        with pytest.raises(AssertionError, match="unknown lists"):
            assert_budget_conserves(bad)
        wrong_count = attrs.evolve(good.totals, communities=good.totals.communities + 1)
        with pytest.raises(AssertionError, match="counts"):
            assert_budget_conserves(attrs.evolve(good, totals=wrong_count))

    def test_finding_shapes(self) -> None:
        finding = check(cr.sample_district(), as_of=AS_OF).findings[0]
        with pytest.raises(AssertionError, match="not a Finding"):
            assert_findings_well_formed([object()])  # type: ignore[list-item]
        with pytest.raises(AssertionError, match="the rule id is not of the form"):
            assert_findings_well_formed([attrs.evolve(finding, rule="quota")])
        with pytest.raises(AssertionError, match="must be Status and Modality"):
            assert_findings_well_formed([attrs.evolve(finding, status="met")])  # type: ignore[arg-type]
        with pytest.raises(AssertionError, match="is NaN"):
            assert_findings_well_formed([attrs.evolve(finding, gap=Decimal("NaN"))])


def test_the_sub_area_readings_differ() -> None:
    # Both I-1 readings are exercised by the suite: they do differ on SPEC §6's pool.
    buildings = [cr.Building(f"B{i}", h) for i, h in enumerate([300, 150, 100, 250, 180])]
    nearest = attrs.evolve(DEFAULT_POLICY, sub_area_rule=SubAreaRule.NEAREST)
    assert len(partition(buildings).sub_areas) == 3
    assert len(partition(buildings, policy=nearest).sub_areas) == 2
