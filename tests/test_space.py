"""Tests of community_rules.space (clause 3.3; SPEC I-12, I-13, I-14, I-15).

Expected values are worked out by hand in the comments. The plan to reach the
70 % target and the proposal of public rooms are proved optimal against
exhaustive references (every subset of committees; every assignment of
rooms) on small generated districts.
"""

from __future__ import annotations

import datetime
import functools
import itertools
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from community_rules.dates import PartialDate
from community_rules.enums import CommunityKind, Modality, Status
from community_rules.errors import InvalidType, InvalidValue, PolicyNotSet
from community_rules.findings import Finding
from community_rules.model import Community, District, Project, PublicRoom, SubDistrictOffice
from community_rules.policy import DEFAULT_POLICY, Policy
from community_rules.space import (
    AREA_STEP,
    RULES,
    RoomProposal,
    check_community,
    check_district,
    propose_rooms,
    required_space_m2,
    space_deadline,
    space_gap_m2,
    space_plan,
    space_progress,
    survey_public_rooms,
)

Y2009 = attrs.evolve(DEFAULT_POLICY, adoption_year=2009)
EXCLUSIVE = attrs.evolve(DEFAULT_POLICY, space_threshold_inclusive=False)
QUICK = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
THOROUGH = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def old(cid: str, space: int | str | None) -> Community:
    return Community(cid, kind=CommunityKind.OLD_TOWN, office_space_m2=space)


def new(cid: str, space: int | str | None) -> Community:
    return Community(cid, kind=CommunityKind.NEW, office_space_m2=space)


def district(*offices: SubDistrictOffice, projects: Sequence[Project] = ()) -> District:
    return District("D", offices=offices, projects=projects)


def project(
    pid: str, office: str | None, *areas: int | str, completed: datetime.date | None = None
) -> Project:
    return Project(
        pid,
        completed=datetime.date(2009, 6, 1) if completed is None else completed,
        office=office,
        public_rooms=[PublicRoom(f"{pid}-R{i}", a) for i, a in enumerate(areas, 1)],
    )


# --- the exhaustive references ------------------------------------------------------


def brute_least_area(gaps: Sequence[Decimal], short: int) -> Decimal | None:
    """The least total of any ``short`` or more gaps (None when there are too few)."""
    best = None
    for size in range(short, len(gaps) + 1):
        for chosen in itertools.combinations(gaps, size):
            total = sum(chosen, Decimal(0))
            if best is None or total < best:
                best = total
    return best


def brute_most_covered(gaps: Sequence[Decimal], rooms: Sequence[Decimal]) -> int:
    """The most gaps covered by disjoint sets of rooms, over every way of choosing the sets.

    Exhaustive: gap by gap, either leave it or give it any set of the rooms
    still free whose total reaches it (every submask of the free rooms).
    """
    n = len(rooms)
    area = [sum((rooms[r] for r in range(n) if mask >> r & 1), Decimal(0)) for mask in range(1 << n)]

    @functools.cache
    def best(i: int, free: int) -> int:
        if i == len(gaps):
            return 0
        result = best(i + 1, free)
        sub = free
        while sub:
            if area[sub] >= gaps[i]:
                result = max(result, 1 + best(i + 1, free & ~sub))
            sub = (sub - 1) & free
        return result

    return best(0, (1 << n) - 1)


# --- the minimum --------------------------------------------------------------------


class TestRequiredSpace:
    def test_old_town(self) -> None:
        # 3.3: 老城区居委会办公和服务用房面积达到150平方米以上.
        assert required_space_m2(CommunityKind.OLD_TOWN) == Decimal("150")

    def test_new(self) -> None:
        # 3.3: 新建城市社区居委会办公和服务用房面积不少于300平方米.
        assert required_space_m2(CommunityKind.NEW) == Decimal("300")

    def test_kind_by_value(self) -> None:
        assert required_space_m2("new") == Decimal("300")

    def test_from_policy(self) -> None:
        local = attrs.evolve(DEFAULT_POLICY, old_town_space_m2=Decimal("180"), new_space_m2=Decimal("350"))
        assert required_space_m2("old_town", policy=local) == Decimal("180")
        assert required_space_m2("new", policy=local) == Decimal("350")

    def test_unknown_kind_lists_valid(self) -> None:
        with pytest.raises(InvalidValue) as err:
            required_space_m2("castle")  # type: ignore[arg-type]
        assert err.value.path == "kind"
        assert "old_town, new" in err.value.message_en
        assert "有效值" in err.value.message_zh


class TestGap:
    def test_exactly_at_the_minimum_meets_it(self) -> None:
        # I-12: 150平方米以上 includes 150 itself.
        assert space_gap_m2(old("C", 150)) == Decimal(0)

    def test_just_below(self) -> None:
        # 150 − 149.99 = 0.01 m².
        assert space_gap_m2(old("C", "149.99")) == Decimal("0.01")

    def test_new_community(self) -> None:
        # 300 − 280 = 20 m².
        assert space_gap_m2(new("C", 280)) == Decimal("20")

    def test_exclusive_reading(self) -> None:
        # Exclusive: more than 150; at 150 the committee lacks one AREA_STEP (0.01 m²).
        assert space_gap_m2(old("C", 150), policy=EXCLUSIVE) == AREA_STEP
        # 150 − 120 + 0.01 = 30.01.
        assert space_gap_m2(old("C", 120), policy=EXCLUSIVE) == Decimal("30.01")
        assert space_gap_m2(old("C", "150.001"), policy=EXCLUSIVE) == Decimal(0)

    def test_unknown_space(self) -> None:
        assert space_gap_m2(old("C", None)) is None

    def test_exact_with_many_decimals(self) -> None:
        # 150 − 149.999999999999999999999999999999 (30 nines) = 1E-30 exactly, not rounded to 0.
        gap = space_gap_m2(old("C", "149." + "9" * 30))
        assert gap == Decimal("1E-30")

    def test_too_many_digits_refused_rather_than_rounded(self) -> None:
        with pytest.raises(InvalidValue, match="too many digits"):
            space_gap_m2(old("C", "1E-80"))


# --- the 70 % target ----------------------------------------------------------------


class TestProgress:
    def test_seven_of_ten(self) -> None:
        # ceil(0.7 × 10) = 7 needed; 7/10 = 0.7 ≥ 0.7: met.
        cs = [old(f"C{i}", 150 if i < 7 else 149) for i in range(10)]
        p = space_progress(cs)
        assert (p.compliant, p.unknown, p.total, p.needed, p.met) == (7, 0, 10, 7, True)
        assert p.rate == Decimal("0.7")
        assert p.target == Decimal("0.7")
        assert p.short == 0
        assert p.not_compliant == 3

    def test_eleven_committees_need_eight(self) -> None:
        # rules.md R38: 0.7 × 11 = 7.7 → 8 needed; 7/11 = 0.63636… → 0.6363 (rounded down): not met.
        cs = [old(f"C{i}", 200 if i < 7 else 100) for i in range(11)]
        p = space_progress(cs)
        assert (p.needed, p.compliant, p.met, p.short) == (8, 7, False, 1)
        assert p.rate == Decimal("0.6363")
        # 8/11 = 0.72727… → 0.7272: met.
        p8 = space_progress([*cs[:7], old("C7", 150), *cs[8:]])
        assert (p8.compliant, p8.met, p8.rate) == (8, True, Decimal("0.7272"))

    def test_unknown_counts_as_not_yet_compliant(self) -> None:
        # I-14: 2 compliant, 1 unknown, 1 short of 4: 2/4 = 0.5; ceil(2.8) = 3 needed.
        cs = [old("A", 150), new("B", 300), old("C", None), new("D", 299)]
        p = space_progress(cs)
        assert (p.compliant, p.unknown, p.total, p.not_compliant) == (2, 1, 4, 1)
        assert (p.rate, p.needed, p.met) == (Decimal("0.5"), 3, False)

    def test_standard_by_kind(self) -> None:
        # 200 m² meets the old-town standard but not the new one.
        p = space_progress([old("A", 200), new("B", 200)])
        assert p.compliant == 1

    def test_exclusive_reading(self) -> None:
        p = space_progress([old("A", 150), old("B", "150.5")], policy=EXCLUSIVE)
        assert p.compliant == 1

    def test_no_committees(self) -> None:
        # Documented: nothing to bring up, so the target holds vacuously; rate 1.
        p = space_progress([])
        assert (p.total, p.needed, p.rate, p.met) == (0, 0, Decimal(1), True)

    def test_inputs_district_office_iterables(self) -> None:
        o1 = SubDistrictOffice("O1", communities=[old("A", 150), old("B", 100)])
        o2 = SubDistrictOffice("O2", communities=[new("C", 300)])
        assert space_progress(district(o1, o2)).compliant == 2
        assert space_progress(o1).total == 2
        assert space_progress(c for c in o1.communities).total == 2
        assert space_progress(old("A", 150)).total == 1

    def test_bad_inputs(self) -> None:
        with pytest.raises(InvalidType) as err:
            space_progress([old("A", 150), "B"])  # type: ignore[list-item]
        assert err.value.path == "communities[1]"
        with pytest.raises(InvalidType):
            space_progress(5)  # type: ignore[arg-type]
        with pytest.raises(InvalidType):
            space_progress("AB")  # type: ignore[arg-type]

    def test_finer_target_gets_finer_rate(self) -> None:
        # A target of 0.66667: rate to five places so that met == (rate ≥ target) stays exact.
        policy = attrs.evolve(DEFAULT_POLICY, space_target_share=Decimal("0.66667"))
        p = space_progress([old("A", 150), old("B", 150), old("C", 1)], policy=policy)
        # 2/3 = 0.666666… → 0.66666 < 0.66667; ceil(0.66667 × 3) = ceil(2.00001) = 3 needed.
        assert (p.rate, p.needed, p.met) == (Decimal("0.66666"), 3, False)

    def test_carries_clause_and_interpretations(self) -> None:
        p = space_progress([])
        assert p.clauses == ("3.3",)
        assert p.interpretations == ("I-12", "I-14")

    @QUICK
    @given(
        st.lists(st.one_of(st.none(), st.integers(0, 400)), max_size=60),
        st.decimals(min_value=0, max_value=1, places=3),
    )
    def test_invariants(self, spaces: list[int | None], target: Decimal) -> None:
        policy = attrs.evolve(DEFAULT_POLICY, space_target_share=target)
        cs = [old(f"C{i}", s) for i, s in enumerate(spaces)]
        p = space_progress(cs, policy=policy)
        total = len(cs)
        assert p.total == total
        assert p.compliant == sum(1 for s in spaces if s is not None and s >= 150)
        assert p.unknown == spaces.count(None)
        # needed = ceil(target × total), exactly.
        exact = Fraction(target) * total
        assert p.needed == -((-exact.numerator) // exact.denominator)
        assert p.met == (p.compliant >= p.needed) == (p.rate >= target)
        if total:
            true_rate = Fraction(p.compliant, total)
            assert Fraction(p.rate) <= true_rate < Fraction(p.rate) + Fraction(1, 10**4)


class TestDeadline:
    def test_days_remaining(self) -> None:
        # From 1 December 2009 to 31 December 2009: 30 days.
        d = space_deadline([old("A", 150)], as_of=datetime.date(2009, 12, 1), policy=Y2009)
        assert (d.year, d.year_end, d.days_remaining, d.passed, d.met, d.overdue) == (
            2009,
            datetime.date(2009, 12, 31),
            30,
            False,
            True,
            False,
        )

    def test_on_the_last_day(self) -> None:
        d = space_deadline([old("A", 100)], as_of="2009-12-31", policy=Y2009)
        assert (d.days_remaining, d.passed, d.overdue) == (0, False, False)

    def test_after_the_deadline(self) -> None:
        d = space_deadline([old("A", 100)], as_of="2010年1月1日", policy=Y2009)
        assert (d.days_remaining, d.passed, d.met, d.overdue) == (0, True, False, True)

    def test_from_the_start_of_the_year(self) -> None:
        # 2009 is not a leap year: 1 January to 31 December is 364 days.
        d = space_deadline([], as_of=datetime.date(2009, 1, 1), policy=Y2009)
        assert d.days_remaining == 364

    def test_unset_year_raises_naming_the_setting(self) -> None:
        with pytest.raises(PolicyNotSet) as err:
            space_deadline([old("A", 150)], as_of=datetime.date(2009, 12, 1))
        assert err.value.path == "Policy.adoption_year"
        assert "今年" in err.value.message_zh

    def test_bad_as_of(self) -> None:
        with pytest.raises(InvalidValue):
            space_deadline([], as_of="12/1/2009", policy=Y2009)


class TestPlan:
    def test_hand_example(self) -> None:
        # Five committees: A 100 (gap 50), B 140 (gap 10), C 150 (meets), D new 250 (gap 50), E unknown.
        # ceil(0.7 × 5) = 4 needed, 1 compliant: 3 to bring up, and only A, B, D are plannable.
        cs = [old("A", 100), old("B", 140), old("C", 150), new("D", 250), old("E", None)]
        plan = space_plan(cs)
        assert [(u.community, u.added_m2) for u in plan.upgrades] == [
            ("A", Decimal(50)),
            ("B", Decimal(10)),
            ("D", Decimal(50)),
        ]
        assert plan.total_added_m2 == Decimal(110)
        assert plan.unknown == ("E",)
        assert (plan.feasible, plan.still_short) == (True, 0)

    def test_least_area(self) -> None:
        # Ten committees, 5 compliant; ceil(7) = 7 needed: bring up the 2 smallest gaps (5 and 20).
        spaces = [150, 150, 150, 150, 150, 145, 130, 100, 0, 90]
        plan = space_plan([old(f"C{i}", s) for i, s in enumerate(spaces)])
        assert [u.community for u in plan.upgrades] == ["C5", "C6"]
        assert plan.total_added_m2 == Decimal(25)

    def test_equal_gaps_earlier_first(self) -> None:
        plan = space_plan([old("A", 150), old("B", 140), old("C", 140), old("D", 150)])
        # ceil(2.8) = 3 needed, 2 compliant: one of B, C (both 10 short): B, the earlier.
        assert [u.community for u in plan.upgrades] == ["B"]

    def test_nothing_to_do_when_met(self) -> None:
        plan = space_plan([old("A", 150), old("B", 100), old("C", 200), old("D", 300)])
        assert plan.upgrades == ()
        assert plan.total_added_m2 == 0
        assert plan.feasible

    def test_infeasible_without_the_unknown(self) -> None:
        # 4 committees, 3 needed; A meets, B can be brought up, C and D are unknown.
        plan = space_plan([old("A", 150), old("B", 100), old("C", None), old("D", None)])
        assert [u.community for u in plan.upgrades] == ["B"]
        assert (plan.feasible, plan.still_short, plan.unknown) == (False, 1, ("C", "D"))

    def test_offices_recorded(self) -> None:
        d = district(SubDistrictOffice("O1", communities=[old("A", 100)]))
        assert space_plan(d).upgrades[0].office == "O1"

    def test_exclusive_reading_adds_one_step(self) -> None:
        plan = space_plan([old("A", 150)], policy=EXCLUSIVE)
        assert plan.upgrades[0].added_m2 == AREA_STEP

    @QUICK
    @given(
        st.lists(
            st.one_of(st.none(), st.integers(0, 200), st.integers(0, 20000).map(lambda n: Decimal(n) / 100)),
            max_size=9,
        )
    )
    def test_optimal_against_brute_force(self, spaces: list[int | Decimal | None]) -> None:
        cs = [old(f"C{i}", s) for i, s in enumerate(spaces)]
        plan = space_plan(cs)
        gaps = [Decimal(150) - Decimal(s) for s in spaces if s is not None and s < 150]
        short = plan.progress.short
        assert plan.feasible == (len(gaps) >= short)
        if plan.feasible:
            assert plan.total_added_m2 == brute_least_area(gaps, short)
            assert len(plan.upgrades) == short
            # Applying the plan meets the target.
            added = {u.community: u.added_m2 for u in plan.upgrades}
            after = [
                attrs.evolve(c, office_space_m2=c.office_space_m2 + added[c.id]) if c.id in added else c
                for c in cs
            ]
            assert space_progress(after).met
        else:
            assert len(plan.upgrades) == len(gaps)
            assert plan.still_short == short - len(gaps)


# --- public rooms ---------------------------------------------------------------------


class TestSurvey:
    def test_sorted_by_the_cut_off(self) -> None:
        projects = [
            project("P1", "O1", 120, 60, completed=datetime.date(2009, 5, 20)),
            project("P2", "O1", 200, completed=datetime.date(2007, 11, 1)),
            project("P3", "O1", 40, completed=datetime.date(2008, 1, 1)),  # the cut-off day itself: in (I-15)
            Project("P4", office="O1", public_rooms=[PublicRoom("R", 80)]),
        ]
        s = survey_public_rooms(projects)
        assert s.in_scope == ("P1", "P3")
        assert s.before_cutoff == ("P2",)
        assert s.unknown == ("P4",)
        assert [r.room for r in s.recoverable] == ["P1-R1", "P1-R2", "P3-R1"]
        # 120 + 60 + 40 = 220 m².
        assert s.total_m2 == Decimal(220)
        assert s.cutoff == datetime.date(2008, 1, 1)

    def test_month_only_dates(self) -> None:
        projects = [
            Project("Dec07", completed=PartialDate(2007, 12)),
            Project("Jan08", completed=PartialDate(2008, 1)),
            Project("Y2008", completed=PartialDate(2008)),
        ]
        s = survey_public_rooms(projects)
        assert (s.in_scope, s.before_cutoff, s.unknown) == (("Jan08", "Y2008"), ("Dec07",), ())
        # A cut-off inside a month leaves that month undecided.
        mid = attrs.evolve(DEFAULT_POLICY, public_rooms_from=datetime.date(2008, 1, 15))
        s = survey_public_rooms(projects, policy=mid)
        assert (s.in_scope, s.before_cutoff, s.unknown) == ((), ("Dec07",), ("Jan08", "Y2008"))

    def test_alternative_cut_off(self) -> None:
        # I-15 alternative: only projects after 31 December 2008.
        after = attrs.evolve(DEFAULT_POLICY, public_rooms_from=datetime.date(2009, 1, 1))
        s = survey_public_rooms([project("P3", "O1", 40, completed=datetime.date(2008, 6, 1))], policy=after)
        assert s.before_cutoff == ("P3",)

    def test_from_a_district(self) -> None:
        d = district(SubDistrictOffice("O1"), projects=[project("P1", "O1", 10)])
        assert survey_public_rooms(d).in_scope == ("P1",)

    def test_bad_inputs(self) -> None:
        with pytest.raises(InvalidType) as err:
            survey_public_rooms([project("P1", None, 10), "P2"])  # type: ignore[list-item]
        assert err.value.path == "projects[1]"
        with pytest.raises(InvalidType):
            survey_public_rooms(None)  # type: ignore[arg-type]


def proposal_district(
    gaps_by_office: dict[str, list[int]], rooms_by_office: dict[str | None, list[int]]
) -> District:
    offices = [
        SubDistrictOffice(o, communities=[old(f"{o}-C{i}", 150 - g) for i, g in enumerate(gaps)])
        for o, gaps in gaps_by_office.items()
    ]
    projects = [project(f"P-{o}", o, *areas) for o, areas in rooms_by_office.items() if areas]
    return district(*offices, projects=projects)


def covered(p: RoomProposal) -> dict[str, list[str]]:
    return {a.community: [r.room for r in a.rooms] for a in p.assignments}


class TestProposal:
    def test_hand_example(self) -> None:
        # O1: A lacks 50, B lacks 30. Rooms 30, 25, 25. Greedy by need would give B the 30 and leave
        # A with 25 + 25 = 50: both covered (80 = 50 + 30 exactly).
        d = proposal_district({"O1": [50, 30]}, {"O1": [30, 25, 25]})
        p = propose_rooms(d)
        assert covered(p) == {"O1-C0": ["P-O1-R2", "P-O1-R3"], "O1-C1": ["P-O1-R1"]}
        assert [a.added_m2 for a in p.assignments] == [Decimal(50), Decimal(30)]
        assert (p.brought_up, p.still_short, p.spare, p.optimal) == (2, (), (), True)

    def test_better_than_greedy(self) -> None:
        # Two committees 10 short; rooms 6, 5, 5, 4. Filling the first with the largest rooms
        # (6 + 5) leaves 5 + 4 = 9 < 10; pairing 6 + 4 and 5 + 5 covers both.
        d = proposal_district({"O1": [10, 10]}, {"O1": [6, 5, 5, 4]})
        p = propose_rooms(d)
        assert p.brought_up == 2
        assert p.optimal
        assert sorted(sorted(r.area_m2 for r in a.rooms) for a in p.assignments) == [
            [Decimal(4), Decimal(6)],
            [Decimal(5), Decimal(5)],
        ]

    def test_search_limit_reported(self) -> None:
        # A lacks 7, B lacks 6; rooms 9, 3, 3. The quick greedy pass serves the smaller need first
        # with the smallest room that closes it (9 → B) and leaves 3 + 3 = 6 < 7 for A: one committee.
        # The search finds 9 → A and 3 + 3 → B: both. With no search allowed the greedy answer stays,
        # and is reported as not proven optimal.
        d = proposal_district({"O1": [7, 6]}, {"O1": [9, 3, 3]})
        full = propose_rooms(d)
        assert covered(full) == {"O1-C0": ["P-O1-R1"], "O1-C1": ["P-O1-R2", "P-O1-R3"]}
        assert full.optimal
        limited = propose_rooms(d, search_limit=0)
        assert (limited.brought_up, limited.optimal) == (1, False)

    def test_very_many_rooms_keep_the_quick_answer(self) -> None:
        # Past 400 rooms in one office the exact search (one recursion level per room) is not run:
        # the greedy answer is kept, proven optimal only when it reaches the area/count bound.
        tiny = ["0.001"] * 398  # 0.398 m² in all
        d = proposal_district({"O1": [7, 6]}, {})
        d = attrs.evolve(d, projects=[project("P", "O1", 9, 3, 3, *tiny)])
        p = propose_rooms(d)
        # Greedy: 9 → the 6 m² gap; 3 + 3 + 0.398 < 7. The bound (area 15.398 ≥ 13, 401 rooms) allows 2.
        assert (p.brought_up, p.optimal) == (1, False)
        enough = attrs.evolve(d, projects=[project("P", "O1", 7, 6, *tiny, "0.001", "0.001")])
        p = propose_rooms(enough)
        assert (p.brought_up, p.optimal) == (2, True)

    def test_rooms_stay_in_their_office(self) -> None:
        # O2's room could cover O1's committee, but a room goes only to its own office's committees.
        d = proposal_district({"O1": [20], "O2": []}, {"O2": [100]})
        p = propose_rooms(d)
        assert (p.brought_up, p.still_short, [r.room for r in p.spare]) == (0, ("O1-C0",), ["P-O2-R1"])

    def test_smallest_sufficient_room_and_minimal_sets(self) -> None:
        # A lacks 20: the smallest single room that covers it (60, not 120) is proposed; 120 is spare.
        d = proposal_district({"O1": [20]}, {"O1": [120, 60]})
        p = propose_rooms(d)
        assert covered(p) == {"O1-C0": ["P-O1-R2"]}
        assert [r.room for r in p.spare] == ["P-O1-R1"]

    def test_unplaced_unknown_and_out_of_scope(self) -> None:
        offices = [SubDistrictOffice("O1", communities=[old("A", 100), old("B", None), old("C", 150)])]
        projects = [
            project("P1", None, 60),  # no office: unplaced
            project("P2", "O1", 60, completed=datetime.date(2007, 1, 1)),  # before the cut-off
            Project("P3", office="O1", public_rooms=[PublicRoom("R", 60)]),  # completion unknown
            project("P4", "O1", 0, 10),  # a room of no area is spare
        ]
        p = propose_rooms(district(*offices, projects=projects))
        assert p.brought_up == 0
        assert p.still_short == ("A",)
        assert p.unknown_space == ("B",)
        assert [r.room for r in p.unplaced] == ["P1-R1"]
        assert p.unknown_projects == ("P3",)
        assert sorted(r.room for r in p.spare) == ["P4-R1", "P4-R2"]

    def test_new_committees_and_decimal_areas(self) -> None:
        offices = [SubDistrictOffice("O1", communities=[new("N", "280.5")])]
        # 300 − 280.5 = 19.5: rooms 10.25 + 9.25 = 19.5 exactly cover it.
        d = district(*offices, projects=[project("P", "O1", "10.25", "9.25", "5")])
        p = propose_rooms(d)
        assert covered(p) == {"N": ["P-R1", "P-R2"]}
        assert p.assignments[0].gap_m2 == Decimal("19.5")
        assert p.assignments[0].added_m2 == Decimal("19.50")

    def test_bad_inputs(self) -> None:
        with pytest.raises(InvalidType):
            propose_rooms([])  # type: ignore[arg-type]
        with pytest.raises(InvalidValue):
            propose_rooms(district(), search_limit=-1)

    def test_carries_clauses(self) -> None:
        p = propose_rooms(district())
        assert p.clauses == ("3.3",)
        assert "I-15" in p.interpretations

    @staticmethod
    def check_valid(d: District, p: RoomProposal) -> None:
        communities = {c.id: (o.id, c) for o in d.offices for c in o.communities}
        seen: set[tuple[str, str]] = set()
        for a in p.assignments:
            office, community = communities[a.community]
            assert a.office == office
            gap = space_gap_m2(community)
            assert gap == a.gap_m2
            assert gap is not None
            assert gap > 0
            total = sum((r.area_m2 for r in a.rooms), Decimal(0))
            assert total == a.added_m2 >= gap
            for r in a.rooms:
                assert r.office == office
                assert (r.project, r.room) not in seen  # a room goes to one committee only
                seen.add((r.project, r.room))
                assert total - r.area_m2 < gap  # minimal: no room could be taken away
        spare = {(r.project, r.room) for r in p.spare}
        assert not spare & seen

    @QUICK
    @given(
        st.lists(st.integers(1, 60), max_size=3),
        st.lists(st.integers(1, 40), max_size=5),
        st.lists(st.integers(1, 60), max_size=2),
        st.lists(st.integers(1, 40), max_size=4),
    )
    def test_optimal_against_brute_force(
        self, gaps1: list[int], rooms1: list[int], gaps2: list[int], rooms2: list[int]
    ) -> None:
        d = proposal_district({"O1": gaps1, "O2": gaps2}, {"O1": rooms1, "O2": rooms2})
        p = propose_rooms(d)
        self.check_valid(d, p)
        expected = brute_most_covered([Decimal(g) for g in gaps1], [Decimal(r) for r in rooms1])
        expected += brute_most_covered([Decimal(g) for g in gaps2], [Decimal(r) for r in rooms2])
        assert p.optimal
        assert p.brought_up == expected
        assert len(p.assignments) + len(p.still_short) == len(gaps1) + len(gaps2)

    @pytest.mark.slow
    @THOROUGH
    @given(st.lists(st.integers(1, 80), max_size=5), st.lists(st.integers(1, 50), max_size=9))
    def test_optimal_against_brute_force_thorough(self, gaps: list[int], rooms: list[int]) -> None:
        d = proposal_district({"O1": gaps}, {"O1": rooms})
        p = propose_rooms(d)
        self.check_valid(d, p)
        assert p.optimal
        assert p.brought_up == brute_most_covered([Decimal(g) for g in gaps], [Decimal(r) for r in rooms])


# --- the checks -----------------------------------------------------------------------


class TestRules:
    def test_ids_clauses_modalities(self) -> None:
        assert [(r.id, r.clause, r.modality) for r in RULES] == [
            ("space.minimum", "3.3", Modality.MANDATORY),
            ("space.target", "3.3", Modality.MANDATORY),
            ("space.public_rooms", "3.3", Modality.MANDATORY),
        ]

    def test_interpretations_and_parameters_exist(self) -> None:
        from community_rules.readings import interpretation

        fields = set(attrs.fields_dict(type(DEFAULT_POLICY)))
        for r in RULES:
            assert r.title_en
            assert r.title_zh
            for i in r.interpretations:
                interpretation(i)
            assert set(r.parameters) <= fields


class TestCheckCommunity:
    def test_short(self) -> None:
        # dongshan-1 of the sample: 120 of 150 m², 30 short.
        (f,) = check_community(old("C1", 120), office="O1")
        assert (f.rule, f.clause, f.status, f.modality) == (
            "space.minimum",
            "3.3",
            Status.NOT_MET,
            Modality.MANDATORY,
        )
        assert (f.required, f.actual, f.gap, f.unit) == (Decimal(150), Decimal(120), Decimal(30), "m²")
        assert (f.community, f.office) == ("C1", "O1")
        assert f.inputs == (("kind", "old_town"), ("office_space_m2", Decimal(120)))
        assert "old_town_space_m2" in f.parameters
        assert "space_threshold_inclusive" in f.parameters
        assert f.interpretations == ("I-12",)
        assert "30 m² short" in f.message_en
        assert "差 30 平方米" in f.message_zh
        assert f.is_failure

    def test_met_at_the_threshold(self) -> None:
        (f,) = check_community(new("C1", 300))
        assert (f.status, f.gap) == (Status.MET, Decimal(0))
        assert "new_space_m2" in f.parameters
        assert "已达标" in f.message_zh

    def test_unknown(self) -> None:
        (f,) = check_community(new("C1", None))
        assert (f.status, f.required, f.actual, f.gap) == (Status.UNKNOWN, Decimal(300), None, None)
        assert "not known" in f.message_en
        assert "未知" in f.message_zh

    def test_gap_too_fine_to_state_still_reports(self) -> None:
        # 1E-80 m² is below 150 (compared exactly), but 150 − 1E-80 has 83 digits: no gap, no crash.
        (f,) = check_community(old("C1", "1E-80"))
        assert (f.status, f.gap) == (Status.NOT_MET, None)
        assert "too many digits" in f.message_en
        assert "位数过多" in f.message_zh

    def test_exclusive(self) -> None:
        (f,) = check_community(old("C1", 150), policy=EXCLUSIVE)
        assert (f.status, f.gap) == (Status.NOT_MET, Decimal("0.01"))
        assert "more than 150 m²" in f.message_en
        assert "超过 150 平方米" in f.message_zh


def small_district(*spaces: int | None, projects: Sequence[Project] = ()) -> District:
    return district(
        SubDistrictOffice("O1", communities=[old(f"C{i}", s) for i, s in enumerate(spaces)]),
        projects=projects,
    )


class TestCheckDistrict:
    def target(
        self, d: District, policy: Policy = DEFAULT_POLICY, as_of: datetime.date | None = None
    ) -> Finding:
        return next(f for f in check_district(d, policy=policy, as_of=as_of) if f.rule == "space.target")

    def test_unset_year_is_unknown_not_an_error(self) -> None:
        f = self.target(small_district(150, 150, 150))
        assert f.status is Status.UNKNOWN
        assert "Policy.adoption_year" in f.message_en
        assert "Policy.adoption_year" in f.message_zh
        # The progress is still reported: 3 of 3, ceil(2.1) = 3 needed.
        assert (f.required, f.actual, f.gap) == (3, 3, 0)

    def test_before_year_end_not_met(self) -> None:
        # 1 of 3 compliant, 3 needed; 30 days remain on 1 December.
        f = self.target(small_district(150, 100, None), policy=Y2009, as_of=datetime.date(2009, 12, 1))
        assert f.status is Status.NOT_MET
        assert (f.required, f.actual, f.gap, f.unit) == (3, 1, 2, "committees")
        assert "30 days remain" in f.message_en
        assert "还有 30 天" in f.message_zh
        assert "1 not known" in f.message_en

    def test_after_year_end(self) -> None:
        f = self.target(small_district(100), policy=Y2009, as_of=datetime.date(2010, 1, 10))
        assert f.status is Status.NOT_MET
        assert "passed 10 days ago" in f.message_en
        assert "已过 10 天" in f.message_zh

    def test_met_without_as_of(self) -> None:
        f = self.target(small_district(150), policy=Y2009)
        assert f.status is Status.MET
        assert "2009-12-31" in f.message_en
        assert ("adoption_year", 2009) in f.inputs
        assert f.interpretations == ("I-12", "I-13", "I-14")

    def test_public_rooms_findings(self) -> None:
        projects = [
            project("P1", "O1", 30, completed=datetime.date(2009, 5, 20)),
            project("P2", "O1", 200, completed=datetime.date(2007, 11, 1)),
            Project("P3", office="O1", public_rooms=[PublicRoom("R", 80)]),
            Project("P4", completed=datetime.date(2010, 1, 1), office="O1"),
            project("P5", None, 10),
            Project("P6", completed=PartialDate(2008), office="O1", public_rooms=[PublicRoom("R", 80)]),
        ]
        findings = check_district(small_district(120, projects=projects))
        found = {f.subject: f for f in findings if f.rule == "space.public_rooms"}
        assert {k: f.status for k, f in found.items()} == {
            "P1": Status.UNKNOWN,
            "P2": Status.NOT_APPLICABLE,
            "P3": Status.UNKNOWN,
            "P4": Status.NOT_APPLICABLE,
            "P5": Status.UNKNOWN,
            "P6": Status.UNKNOWN,
        }
        # P1: 1 room of 30 m², which brings C0 (30 short) up to standard.
        assert found["P1"].required == 1
        assert found["P1"].unit == "rooms"
        assert "P1-R1 → C0" in found["P1"].message_en
        assert "not recorded" in found["P1"].message_en
        assert "未记录是否已移交" in found["P1"].message_zh
        assert "before 2008-01-01" in found["P2"].message_en
        assert "completion date not known" in found["P3"].message_en
        assert "no public rooms" in found["P4"].message_en
        assert "sub-district office is not recorded" in found["P5"].message_en
        assert found["P6"].office == "O1"
        assert found["P6"].community is None
        assert found["P1"].interpretations == ("I-15",)

    def test_a_proposal_that_cannot_be_made_still_reports(self) -> None:
        d = small_district(120, projects=[project("P1", "O1", "1E-20")])
        (f,) = [f for f in check_district(d) if f.rule == "space.public_rooms"]
        assert f.status is Status.UNKNOWN
        assert "no proposal can be made" in f.message_en
        assert "more than 10 decimal places" in f.message_en
        assert "无法提出分配建议" in f.message_zh
        with pytest.raises(InvalidValue) as err:
            propose_rooms(d)
        assert err.value.path == "projects[P1].public_rooms[P1-R1].area_m2"

    def test_sample_district(self) -> None:
        from community_rules.sample import sample_district

        findings = list(check_district(sample_district(), policy=Y2009, as_of=datetime.date(2009, 6, 30)))
        target = findings[0]
        # 9 committees: 5 meet (dongshan-2, xincheng-1, xincheng-3, nanhu-1, nanhu-2), 2 unknown; ceil(6.3) = 7.
        assert (target.rule, target.required, target.actual, target.gap) == ("space.target", 7, 5, 2)
        rooms = {f.subject: f.status for f in findings[1:]}
        assert rooms == {
            "P-2009-yangguang": Status.UNKNOWN,
            "P-2007-dongyuan": Status.NOT_APPLICABLE,
            "P-2010-huayuan": Status.UNKNOWN,
            "P-unknown-nanhu": Status.UNKNOWN,
        }
