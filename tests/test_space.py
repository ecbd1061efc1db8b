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


# --- found by mutation testing (docs/strategies.md) ---------------------------------------

LOCAL = attrs.evolve(DEFAULT_POLICY, old_town_space_m2=Decimal(180), new_space_m2=Decimal(350))


class TestErrorsNameTheirField:
    def test_space_gap_arguments(self) -> None:
        with pytest.raises(InvalidType) as err:
            space_gap_m2("C1")  # type: ignore[arg-type]
        assert (err.value.path, err.value.value) == ("community", "C1")
        with pytest.raises(InvalidType) as err:
            space_gap_m2(old("C", 100), policy=None)  # type: ignore[arg-type]
        assert err.value.path == "policy"

    def test_communities_argument(self) -> None:
        with pytest.raises(InvalidType) as err:
            space_progress(5)  # type: ignore[arg-type]
        assert (err.value.path, err.value.value) == ("communities", 5)
        assert "int" in err.value.message_en
        assert "int" in err.value.message_zh
        with pytest.raises(InvalidType) as err:
            space_plan([old("A", 150), "B"])  # type: ignore[list-item]
        assert (err.value.path, err.value.value) == ("communities[1]", "B")
        assert "str" in err.value.message_en
        assert "str" in err.value.message_zh

    def test_inexact_gap_names_the_space(self) -> None:
        with pytest.raises(InvalidValue) as err:
            space_gap_m2(old("C", "1E-80"))
        assert (err.value.path, err.value.value) == ("office_space_m2", Decimal("1E-80"))
        # Exclusive: 150 − 149.99…9 (62 nines) = 1E-62 is exact, but 1E-62 + 0.01 needs 61 digits.
        space = "149." + "9" * 62
        assert space_gap_m2(old("C", space)) == Decimal("1E-62")
        with pytest.raises(InvalidValue) as err:
            space_gap_m2(old("C", space), policy=EXCLUSIVE)
        assert (err.value.path, err.value.value) == ("office_space_m2", Decimal(space))

    def test_deadline_arguments(self) -> None:
        with pytest.raises(InvalidType) as err:
            space_deadline([], as_of="2009-12-01", policy=None)  # type: ignore[arg-type]
        assert err.value.path == "policy"
        with pytest.raises(InvalidValue) as err:
            space_deadline([], as_of="12/1/2009", policy=Y2009)
        assert (err.value.path, err.value.value) == ("as_of", "12/1/2009")

    def test_plan_arguments(self) -> None:
        with pytest.raises(InvalidType) as err:
            space_plan([], policy=None)  # type: ignore[arg-type]
        assert err.value.path == "policy"
        with pytest.raises(InvalidValue) as err:
            space_plan([old("A", 150), old("B", "1E-80")])
        assert (err.value.path, err.value.value) == ("B.office_space_m2", Decimal("1E-80"))

    def test_survey_arguments(self) -> None:
        with pytest.raises(InvalidType) as err:
            survey_public_rooms(None)  # type: ignore[arg-type]
        assert (err.value.path, err.value.value) == ("projects", None)
        assert "NoneType" in err.value.message_en
        assert "NoneType" in err.value.message_zh
        with pytest.raises(InvalidType) as err:
            survey_public_rooms([project("P1", None, 10), 7])  # type: ignore[list-item]
        assert (err.value.path, err.value.value) == ("projects[1]", 7)
        assert "int" in err.value.message_en
        assert "int" in err.value.message_zh
        with pytest.raises(InvalidType) as err:
            survey_public_rooms([], policy=None)  # type: ignore[arg-type]
        assert err.value.path == "policy"

    def test_proposal_arguments(self) -> None:
        with pytest.raises(InvalidType) as err:
            propose_rooms(district(), policy=None)  # type: ignore[arg-type]
        assert err.value.path == "policy"
        with pytest.raises(InvalidType) as err:
            propose_rooms([])  # type: ignore[arg-type]
        assert (err.value.path, err.value.value) == ("district", [])
        assert "list" in err.value.message_zh
        with pytest.raises(InvalidValue) as err:
            propose_rooms(district(), search_limit=-1)
        assert (err.value.path, err.value.value) == ("search_limit", -1)

    def test_too_fine_room_names_its_area(self) -> None:
        d = small_district(120, projects=[project("P1", "O1", "0.00000000001")])  # 11 places
        with pytest.raises(InvalidValue) as err:
            propose_rooms(d)
        assert (err.value.path, err.value.value) == (
            "projects[P1].public_rooms[P1-R1].area_m2",
            Decimal("0.00000000001"),
        )
        assert "10" in err.value.message_zh


class TestPolicyIsUsed:
    """Every function reads its numbers from the policy it is given (LOCAL: 180 and 350 m²)."""

    def test_gap(self) -> None:
        # 180 − 150 = 30 m² under LOCAL; 0 under the default 150.
        assert space_gap_m2(old("C", 150), policy=LOCAL) == Decimal(30)
        # 350 − 300 = 50 m².
        assert space_gap_m2(new("C", 300), policy=LOCAL) == Decimal(50)

    def test_deadline_progress(self) -> None:
        # 150 meets 150 but not 180: 0 of 1 compliant under LOCAL.
        local = attrs.evolve(LOCAL, adoption_year=2009)
        d = space_deadline([old("A", 150)], as_of="2009-12-01", policy=local)
        assert d.as_of == datetime.date(2009, 12, 1)
        assert (d.progress.compliant, d.met) == (0, False)

    def test_plan_upgrades(self) -> None:
        # 1 committee, ceil(0.7) = 1 needed, 0 compliant under LOCAL: bring A up by 180 − 150 = 30.
        plan = space_plan([old("A", 150)], policy=LOCAL)
        (u,) = plan.upgrades
        assert (u.community, u.kind, u.required_m2, u.actual_m2, u.added_m2) == (
            "A",
            CommunityKind.OLD_TOWN,
            Decimal(180),
            Decimal(150),
            Decimal(30),
        )

    def test_proposal(self) -> None:
        # A (150 m²) is 30 short of 180: the 30 m² room brings it up; under the default it is not short.
        d = small_district(150, projects=[project("P1", "O1", 30)])
        p = propose_rooms(d, policy=LOCAL)
        assert covered(p) == {"C0": ["P1-R1"]}
        assert p.assignments[0].gap_m2 == Decimal(30)
        assert propose_rooms(d).brought_up == 0
        # The cut-off is the policy's too: from 2010 on, a project of June 2009 is out of scope.
        later = attrs.evolve(LOCAL, public_rooms_from=datetime.date(2010, 1, 1))
        p = propose_rooms(d, policy=later)
        assert (p.brought_up, p.still_short) == (0, ("C0",))

    def test_public_room_finding_proposes_under_the_policy(self) -> None:
        d = small_district(150, projects=[project("P1", "O1", 30)])
        (f,) = [f for f in check_district(d, policy=LOCAL) if f.rule == "space.public_rooms"]
        assert "P1-R1 → C0" in f.message_en
        assert "P1-R1 → C0" in f.message_zh


class TestCheckCommunityFindings:
    def test_met_located(self) -> None:
        (f,) = check_community(new("C1", 320), office="O1")
        # 320 ≥ 300: met, nothing short.
        assert (f.status, f.required, f.actual, f.gap, f.unit) == (
            Status.MET,
            Decimal(300),
            Decimal(320),
            Decimal(0),
            "m²",
        )
        assert (f.community, f.office) == ("C1", "O1")
        assert f.inputs == (("kind", "new"), ("office_space_m2", Decimal(320)))
        assert "new_space_m2" in f.parameters

    def test_unknown_located(self) -> None:
        (f,) = check_community(old("C1", None), office="O1")
        assert (f.community, f.office, f.unit) == ("C1", "O1", "m²")
        assert f.inputs == (("kind", "old_town"), ("office_space_m2", None))
        assert "old_town_space_m2" in f.parameters

    def test_not_met_from_the_policy(self) -> None:
        (f,) = check_community(old("C1", 170), policy=LOCAL, office="O1")
        # 180 − 170 = 10 m² short.
        assert (f.status, f.required, f.actual, f.gap) == (
            Status.NOT_MET,
            Decimal(180),
            Decimal(170),
            Decimal(10),
        )
        assert (f.community, f.office, f.unit) == ("C1", "O1", "m²")
        assert "10 m²" in f.message_en
        assert "old_town_space_m2" in f.parameters

    def test_too_fine_gap_located(self) -> None:
        (f,) = check_community(old("C1", "1E-80"), office="O1")
        assert (f.community, f.office, f.required, f.actual, f.unit) == (
            "C1",
            "O1",
            Decimal(150),
            Decimal("1E-80"),
            "m²",
        )
        assert "old_town_space_m2" in f.parameters

    def test_reading_named_in_the_message(self) -> None:
        # I-12: the inclusive reading is "at least" (不少于), the exclusive one "more than" (超过).
        (f,) = check_community(old("C1", 120))
        assert "at least 150 m²" in f.message_en
        assert "不少于 150 平方米" in f.message_zh


class TestTargetFindingDetails:
    def target(self, d: District, policy: Policy = Y2009, as_of: datetime.date | None = None) -> Finding:
        return next(f for f in check_district(d, policy=policy, as_of=as_of) if f.rule == "space.target")

    def test_inputs(self) -> None:
        f = self.target(small_district(150, 100, None), as_of=datetime.date(2009, 12, 1))
        # 3 committees: C0 meets, C1 is 50 short, C2 unknown.
        assert f.inputs == (
            ("communities", 3),
            ("compliant", 1),
            ("unknown", 1),
            ("adoption_year", 2009),
            ("as_of", "2009-12-01"),
        )
        unset = self.target(small_district(150), policy=DEFAULT_POLICY)
        assert unset.inputs == (
            ("communities", 1),
            ("compliant", 1),
            ("unknown", 0),
            ("adoption_year", None),
            ("as_of", None),
        )

    def test_verdict_in_both_languages(self) -> None:
        # 1 of 2 meets; ceil(1.4) = 2 needed: not met.
        f = self.target(small_district(150, 100))
        assert f.status is Status.NOT_MET
        assert "not met" in f.message_en
        assert "未达到" in f.message_zh
        ok = self.target(small_district(150, 150))
        assert ok.status is Status.MET
        assert "not met" not in ok.message_en
        assert "已达到" in ok.message_zh

    def test_the_last_day_has_not_passed(self) -> None:
        # 今年底之前: on 31 December itself the deadline is today, 0 days remain; it has not passed.
        f = self.target(small_district(100), as_of=datetime.date(2009, 12, 31))
        assert "0 days remain" in f.message_en
        assert "passed" not in f.message_en
        assert "已过" not in f.message_zh
        assert "还有 0 天" in f.message_zh

    def test_without_as_of_names_the_deadline_in_chinese(self) -> None:
        f = self.target(small_district(150))
        assert "2009-12-31" in f.message_zh


class TestPublicRoomFindingDetails:
    def rooms(self, *projects: Project, policy: Policy = DEFAULT_POLICY) -> dict[str, Finding]:
        d = small_district(120, projects=projects)
        return {f.subject: f for f in check_district(d, policy=policy) if f.rule == "space.public_rooms"}

    def test_inputs_of_each_kind_of_finding(self) -> None:
        found = self.rooms(
            project("P1", "O1", 30, "20.5", completed=datetime.date(2009, 5, 20)),
            project("P2", None, 10, completed=datetime.date(2007, 11, 1)),
            Project("P3", office="O1", public_rooms=[PublicRoom("R", 80)]),
            Project("P4", completed=PartialDate(2010, 3), office="O1"),
        )
        assert found["P1"].inputs == (("completed", "2009-05-20"), ("office", "O1"), ("public_rooms", 2))
        assert found["P2"].inputs == (("completed", "2007-11-01"), ("office", None), ("public_rooms", 1))
        assert found["P3"].inputs == (("completed", None), ("office", "O1"), ("public_rooms", 1))
        assert found["P4"].inputs == (("completed", "2010-03"), ("office", "O1"), ("public_rooms", 0))
        # P1: 2 rooms, 30 + 20.5 = 50.5 m².
        assert "2 public rooms" in found["P1"].message_en
        assert "50.5 m²" in found["P1"].message_en
        assert "50.5 平方米" in found["P1"].message_zh
        assert "2 间" in found["P1"].message_zh
        assert "2009-05-20" in found["P1"].message_en

    def test_partial_completion_date_named(self) -> None:
        # Known only to the month, January 2008, which contains a cut-off of 15 January: not decidable.
        mid = attrs.evolve(DEFAULT_POLICY, public_rooms_from=datetime.date(2008, 1, 15))
        p6 = Project("P6", completed=PartialDate(2008, 1), office="O1", public_rooms=[PublicRoom("R", 80)])
        f = self.rooms(p6, policy=mid)["P6"]
        assert f.status is Status.UNKNOWN
        assert "month" in f.message_en
        assert "None" not in f.message_en
        assert "年" in f.message_zh
        assert "None" not in f.message_zh
        # A date not known at all names no precision.
        f = self.rooms(Project("P3", office="O1", public_rooms=[PublicRoom("R", 80)]))["P3"]
        assert "known only" not in f.message_en
        assert "仅知" not in f.message_zh

    def test_chinese_plans(self) -> None:
        found = self.rooms(
            project("P5", None, 10),  # no office recorded
            project("P7", "O1", 5),  # 5 m² cannot bring C0 (30 short) up to standard
        )
        assert "None" not in found["P5"].message_zh
        assert "街道办事处" in found["P5"].message_zh
        assert "None" not in found["P7"].message_en
        assert "None" not in found["P7"].message_zh
        assert "P7-R1 →" not in found["P7"].message_en

    def test_area_too_long_to_add_still_reports(self) -> None:
        # 10^14 + 10^-50 has 65 digits: the area is not stated, but the finding is still made.
        found = self.rooms(project("P7", "O1", "1E+14", "1E-50"))
        assert found["P7"].status is Status.UNKNOWN
        assert found["P7"].required == 2


class TestProposalDetails:
    def test_unknown_space_does_not_stop_the_office(self) -> None:
        # U's space is unknown; A, after it in the same office, is 50 short and the 50 m² room covers it.
        offices = [SubDistrictOffice("O1", communities=[old("U", None), old("A", 100)])]
        p = propose_rooms(district(*offices, projects=[project("P", "O1", 50)]))
        assert covered(p) == {"A": ["P-R1"]}
        assert p.unknown_space == ("U",)

    def test_recoverable_rooms_carry_their_completion(self) -> None:
        s = survey_public_rooms([project("P1", "O1", 10, completed=datetime.date(2009, 5, 20))])
        (room,) = s.recoverable
        assert (room.project, room.room, room.area_m2, room.office, room.completed) == (
            "P1",
            "P1-R1",
            Decimal(10),
            "O1",
            datetime.date(2009, 5, 20),
        )

    @pytest.mark.parametrize(
        ("space", "room", "brought_up"),
        [
            # 150 − 149.5 = 0.5 short: 0.4 m² does not cover it, 0.6 does (no rounding of areas).
            ("149.5", "0.4", 0),
            ("149.5", "0.6", 1),
            # Twelve places, the last two zero: 0.5 exactly, covered by 0.5.
            ("149.500000000000", "0.5", 1),
            # A room of 0.499999999900 (twelve places) falls 0.0000000001 short of 0.5.
            ("149.5", "0.499999999900", 0),
            ("149.5", "0.500000000000", 1),
            # Ten places are allowed: 150 − 149.9999999999 = 0.0000000001, covered by a room of as much.
            ("149.9999999999", "0.0000000001", 1),
        ],
    )
    def test_decimal_areas_compared_exactly(self, space: str, room: str, brought_up: int) -> None:
        d = district(
            SubDistrictOffice("O1", communities=[old("A", space)]), projects=[project("P", "O1", room)]
        )
        p = propose_rooms(d)
        assert p.brought_up == brought_up
        assert p.optimal


class TestProposalSearch:
    """Cases where the quick greedy pass falls short and the exact search must find the answer."""

    def test_the_smallest_gaps_are_the_ones_tried(self) -> None:
        # A lacks 60, B 7, C 6; rooms 9, 3, 3, 0.5 (15.5 m²). A cannot be covered (15.5 < 60). Greedy
        # gives C (6) the 9 and leaves 3 + 3 + 0.5 = 6.5 < 7 for B: one. The two smallest gaps, 6 and
        # 7, can both be covered: 9 → B, 3 + 3 → C; the 0.5 m² room is left spare.
        d = proposal_district({"O1": [60, 7, 6]}, {"O1": []})
        d = attrs.evolve(d, projects=[project("P", "O1", 9, 3, 3, "0.5")])
        p = propose_rooms(d)
        assert covered(p) == {"O1-C1": ["P-R1"], "O1-C2": ["P-R2", "P-R3"]}
        assert [r.room for r in p.spare] == ["P-R4"]
        assert (p.still_short, p.optimal) == (("O1-C0",), True)

    def test_rooms_listed_smallest_first(self) -> None:
        # Rooms 3, 3, 7 (13 m²) for gaps 6 and 7 (13 m²): only 7 → the 7 m² gap and 3 + 3 → the 6 m²
        # one covers both; all the area is needed. The order the rooms are listed in does not matter.
        d = proposal_district({"O1": [6, 7]}, {"O1": [3, 3, 7]})
        p = propose_rooms(d)
        assert covered(p) == {"O1-C0": ["P-O1-R1", "P-O1-R2"], "O1-C1": ["P-O1-R3"]}
        assert p.optimal

    def test_four_hundred_rooms_are_still_searched(self) -> None:
        # The exact search runs up to 400 rooms in an office (past it the greedy answer is kept).
        # A lacks 7, B 6; rooms 9, 3, 3 and 397 of 0.001 m² (0.397 m²): 400 rooms. Greedy: 9 → B,
        # then 3 + 3 + 0.397 = 6.397 < 7. The search: 9 → A, 3 + 3 → B.
        d = proposal_district({"O1": [7, 6]}, {})
        d = attrs.evolve(d, projects=[project("P", "O1", 9, 3, 3, *["0.001"] * 397)])
        p = propose_rooms(d)
        assert (p.brought_up, p.optimal) == (2, True)
        assert covered(p) == {"O1-C0": ["P-R1"], "O1-C1": ["P-R2", "P-R3"]}

    def test_search_backtracks(self) -> None:
        # Gaps 13, 1 and 12; rooms 5, 6, 8, 3, 6 (28 m² for 26). Greedy: 3 → the 1, 8 + 5 → the 12,
        # then 6 + 6 = 12 < 13: two. All three: 8 + 5 → 13, 3 → 1, 6 + 6 → 12, the only way (the 1 m²
        # gap must take the 3: any larger room leaves too little for 13 and 12).
        d = proposal_district({"O1": [13, 1, 12]}, {"O1": [5, 6, 8, 3, 6]})
        p = propose_rooms(d)
        assert covered(p) == {
            "O1-C0": ["P-O1-R1", "P-O1-R3"],
            "O1-C1": ["P-O1-R4"],
            "O1-C2": ["P-O1-R2", "P-O1-R5"],
        }
        assert p.optimal

    def test_three_of_four_with_no_area_to_spare(self) -> None:
        # Gaps 12, 10, 13, 10 (45 m²); rooms 9, 8, 3, 7, 3, 3 (33 m²): not all four. The three smallest
        # (10 + 10 + 12 = 32) fit: 12 takes 9 + 3 (the only set that reaches 12 and leaves 20 for
        # the 10s: 8 + 3 and 7 + 3). Greedy gives the first 10 the 9 + 3 and the second 8 + 3, and
        # leaves 7 + 3 < 12: two.
        d = proposal_district({"O1": [12, 10, 13, 10]}, {"O1": [9, 8, 3, 7, 3, 3]})
        p = propose_rooms(d)
        assert (p.brought_up, p.still_short, p.optimal) == (3, ("O1-C2",), True)
        assert "P-O1-R1" in covered(p)["O1-C0"]

    def test_every_room_used_exactly(self) -> None:
        # Gaps 10, 11, 13, 9; rooms 1, 10, 7, 1 (19 m² = 9 + 10). Greedy gives the 9 the 10 m² room
        # and leaves 1 + 7 + 1 = 9 < 10. Both smallest: 10 → the 10, 7 + 1 + 1 → the 9.
        d = proposal_district({"O1": [10, 11, 13, 9]}, {"O1": [1, 10, 7, 1]})
        p = propose_rooms(d)
        assert covered(p) == {"O1-C0": ["P-O1-R2"], "O1-C3": ["P-O1-R1", "P-O1-R3", "P-O1-R4"]}
        assert p.optimal

    def test_more_gaps_than_rooms_can_serve(self) -> None:
        # Gaps 13, 14, 3, 2; rooms 4, 10, 8. Three gaps would need a room each, and no room reaches
        # 13: at most two (the 2 and the 3).
        d = proposal_district({"O1": [13, 14, 3, 2]}, {"O1": [4, 10, 8]})
        p = propose_rooms(d)
        assert (p.brought_up, p.still_short, p.optimal) == (2, ("O1-C0", "O1-C1"), True)

    def test_a_committee_without_rooms_is_not_covered(self) -> None:
        # Two committees 1 m² short and one room of 6 m²: a room goes to one committee only.
        d = proposal_district({"O1": [1, 1]}, {"O1": [6]})
        p = propose_rooms(d)
        assert (p.brought_up, p.still_short) == (1, ("O1-C1",))


class TestTargetShareNamed:
    def test_message_names_the_policy_share(self) -> None:
        # A share of 0.75: 3 of 4 committees, ceil(0.75 × 4) = 3 needed; the message says 75 %, not 0.75.
        policy = attrs.evolve(Y2009, space_target_share=Decimal("0.75"))
        f = next(check_district(small_district(150, 150, 150, 100), policy=policy))
        assert (f.status, f.required, f.actual) == (Status.MET, 3, 3)
        # The compliance rate 3/4 = 75.00 %, and the share with the committees it needs.
        assert "75 % needs 3" in f.message_en
        assert "75% 需 3" in f.message_zh


# --- found by mutation testing (second pass): whole messages and errors ------------------------


class TestSpaceErrorsInFull:
    """Errors with their field, value and both messages, found by mutation testing.

    Tests that checked only the field, or that the type name appears, let a
    Chinese message fall back to the English one (``message_zh=None``), the
    type of ``None`` be named instead of the argument's, and the wording change.
    """

    def test_policy_named(self) -> None:
        with pytest.raises(InvalidType) as err:
            required_space_m2("old_town", policy=None)  # type: ignore[arg-type]
        assert (err.value.path, err.value.value) == ("policy", None)
        with pytest.raises(InvalidType) as err:
            space_progress([old("A", 150)], policy="2009")  # type: ignore[arg-type]
        assert (err.value.path, err.value.value) == ("policy", "2009")

    def test_communities_not_iterable(self) -> None:
        with pytest.raises(InvalidType) as err:
            space_progress(5)  # type: ignore[arg-type]
        assert (err.value.path, err.value.value) == ("communities", 5)
        assert err.value.message_en == (
            "is a int; expected a District, a SubDistrictOffice or an iterable of Community"
        )
        assert err.value.message_zh == "类型为 int；应为 District、SubDistrictOffice 或 Community 的序列"

    def test_communities_item_not_a_community(self) -> None:
        with pytest.raises(InvalidType) as err:
            space_plan([old("A", 150), "B"])  # type: ignore[list-item]
        assert (err.value.path, err.value.value) == ("communities[1]", "B")
        assert err.value.message_en == "is a str; expected a Community"
        assert err.value.message_zh == "类型为 str；应为 Community"

    def test_projects_not_iterable(self) -> None:
        with pytest.raises(InvalidType) as err:
            survey_public_rooms(5)  # type: ignore[arg-type]
        assert (err.value.path, err.value.value) == ("projects", 5)
        assert err.value.message_en == "is a int; expected a District or an iterable of Project"
        assert err.value.message_zh == "类型为 int；应为 District 或 Project 的序列"

    def test_projects_item_not_a_project(self) -> None:
        with pytest.raises(InvalidType) as err:
            survey_public_rooms([project("P", "O1", 5), "X"])  # type: ignore[list-item]
        assert (err.value.path, err.value.value) == ("projects[1]", "X")
        assert err.value.message_en == "is a str; expected a Project"
        assert err.value.message_zh == "类型为 str；应为 Project"

    def test_proposal_needs_a_district(self) -> None:
        office = SubDistrictOffice("O1", communities=[old("A", 100)])
        with pytest.raises(InvalidType) as err:
            propose_rooms([office])  # type: ignore[arg-type]
        assert (err.value.path, err.value.value) == ("district", [office])
        assert err.value.message_en == "is a list; expected a District"
        assert err.value.message_zh == "类型为 list；应为 District"

    def test_proposal_names_the_committee_whose_gap_is_inexact(self) -> None:
        # 150 − 1E-80 needs 83 significant digits: more than the 60 of exact area arithmetic.
        d = district(SubDistrictOffice("O1", communities=[old("A", "1E-80")]))
        with pytest.raises(InvalidValue) as err:
            propose_rooms(d)
        assert (err.value.path, err.value.value) == ("A.office_space_m2", Decimal("1E-80"))
        assert err.value.message_en == (
            "has too many digits for exact area arithmetic (60 significant digits)"
        )
        assert err.value.message_zh == "位数过多，无法精确计算面积（上限 60 位有效数字）"

    def test_plan_total_inexact(self) -> None:
        # A has 0 m² (150 short), B 150 − 1E-58 (1E-58 short); 70 % of 2 needs both. Each gap is
        # exact, but 150 + 1E-58 needs 61 significant digits: the total is refused, naming it and
        # the gap added last (B's, in the order the committees are listed).
        b = "149." + "9" * 58
        with pytest.raises(InvalidValue) as err:
            space_plan([old("A", 0), old("B", b)])
        assert (err.value.path, err.value.value) == ("total_added_m2", Decimal("1E-58"))

    def test_too_many_places(self) -> None:
        # A room of 0.00000000001 m² (eleven places) is finer than the ten the search works in.
        d = proposal_district({"O1": [1]}, {"O1": []})
        d = attrs.evolve(d, projects=[project("P", "O1", "0.00000000001")])
        with pytest.raises(InvalidValue) as err:
            propose_rooms(d)
        assert (err.value.path, err.value.value) == (
            "projects[P].public_rooms[P-R1].area_m2",
            Decimal("0.00000000001"),
        )
        assert err.value.message_en == "has more than 10 decimal places"
        assert err.value.message_zh == "小数位数超过 10 位"


class TestSpaceFindingsInFull:
    """Whole messages of ``check_community`` and ``check_district``, found by mutation testing.

    Each message is worked out from the code's documented wording: the
    standard (150 m², 以上 read as inclusive unless ``EXCLUSIVE``), the 70 %
    target of a year-end deadline (I-13) and the 2008-01-01 cut-off of public
    rooms (I-15).
    """

    def test_short_by_too_many_digits(self) -> None:
        # Exclusive: 150 − 149.9…9 (62 nines) = 1E-62, plus the 0.01 step needs 63 digits.
        space = "149." + "9" * 62
        (f,) = check_community(old("C", space), policy=EXCLUSIVE)
        assert (f.status, f.gap) == (Status.NOT_MET, None)
        assert f.message_en == (
            f"{space} m² of office and service space, short (too many digits to state by how "
            "much): an old-town committee needs more than 150 m²."
        )
        assert f.message_zh == (
            f"办公和服务用房 {space} 平方米，不足（位数过多，无法精确给出差额）：老城区居委会应超过 150 平方米。"
        )

    def two_committees(self) -> District:
        # A meets 150, B has 100: 1 of 2 (50.00 %); 70 % of 2 is 1.4, so 2 are needed.
        return small_district(150, 100)

    def test_target_without_adoption_year(self) -> None:
        f = next(check_district(self.two_committees()))
        assert f.status is Status.UNKNOWN
        assert f.message_en == (
            "1 of 2 committees meet the space standard (50.00 %), 0 not known; 70 % needs 2. The "
            "deadline, the end of 'this year' (今年底), is unknown: set Policy.adoption_year (I-13)."
        )
        assert f.message_zh == (
            "2 个居委会中 1 个用房达标（50.00%），0 个未知；70% 需 2 个。"
            "期限“今年底”未知：请设置 Policy.adoption_year（I-13）。"
        )

    def test_target_not_met(self) -> None:
        f = next(check_district(self.two_committees(), policy=Y2009))
        assert (f.status, f.required, f.actual) == (Status.NOT_MET, 2, 1)
        assert f.message_en == (
            "1 of 2 committees meet the space standard (50.00 %), 0 not known; 70 % needs 2: the "
            "target is not met; the deadline is 2009-12-31."
        )
        assert f.message_zh == (
            "2 个居委会中 1 个用房达标（50.00%），0 个未知；70% 需 2 个：目标未达到；期限为 2009-12-31。"
        )

    def test_target_met(self) -> None:
        # Both meet: 2 of 2; 30 days from 1 December to 31 December.
        f = next(check_district(small_district(150, 160), policy=Y2009, as_of=datetime.date(2009, 12, 1)))
        assert f.status is Status.MET
        assert f.message_en == (
            "2 of 2 committees meet the space standard (100.00 %), 0 not known; 70 % needs 2: the "
            "target is met; 30 days remain until the deadline, 2009-12-31."
        )
        assert f.message_zh == (
            "2 个居委会中 2 个用房达标（100.00%），0 个未知；70% 需 2 个：目标已达到；距期限 2009-12-31 还有 30 天。"
        )

    def room_findings(self, d: District, policy: Policy = DEFAULT_POLICY) -> list[Finding]:
        return [f for f in check_district(d, policy=policy) if f.rule == "space.public_rooms"]

    def test_public_room_messages(self) -> None:
        # A lacks 50, B 1. P1: no completion date. P2: in scope, no rooms. P3: no office.
        # P4's 1 m² room covers B; P5's 30 + 25 = 55 m² covers A (50).
        d = district(
            SubDistrictOffice("O1", communities=[old("A", 100), old("B", 149)]),
            projects=[
                Project("P1", office=None, public_rooms=[PublicRoom("P1-R1", 5)]),
                Project("P2", completed=datetime.date(2009, 1, 1), office="O1"),
                project("P3", None, 30),
                project("P4", "O1", 1),
                project("P5", "O1", 30, 25),
            ],
        )
        f1, f2, f3, f4, f5 = self.room_findings(d)
        assert (f1.status, f2.status) == (Status.UNKNOWN, Status.NOT_APPLICABLE)
        assert f1.message_en == (
            "Project P1: completion date not known, so it cannot be told whether its public rooms "
            "fall under 3.3 (completed on or after 2008-01-01)."
        )
        assert f1.message_zh == (
            "工程 P1：竣工日期不明，无法判断其公共用房是否属于“2008年以后新建工程”（2008-01-01 及以后竣工）。"
        )
        assert f2.message_en == "Project P2 (completed 2009-01-01) has no public rooms recorded."
        assert f2.message_zh == "工程 P2（2009-01-01 竣工）未登记公共用房。"
        tail_en = "Whether they have been handed over is not recorded in the data."
        tail_zh = "数据中未记录是否已移交。"
        assert f3.message_en == (
            "Project P3 (completed 2009-06-01): 1 public room, 30 m², to be recovered and handed to "
            "residents' committees free of charge; its sub-district office is not recorded, so no "
            f"committee can be proposed. {tail_en}"
        )
        assert f3.message_zh == (
            "工程 P3（2009-06-01 竣工）：公共用房 1 间，共 30 平方米，应收回并无偿交给社区居委会使用；"
            f"未登记所属街道办事处，无法提出分配建议。{tail_zh}"
        )
        assert f4.message_en == (
            "Project P4 (completed 2009-06-01): 1 public room, 1 m², to be recovered and handed to "
            f"residents' committees free of charge; proposed: P4-R1 → B. {tail_en}"
        )
        assert f5.message_en == (
            "Project P5 (completed 2009-06-01): 2 public rooms, 55 m², to be recovered and handed to "
            f"residents' committees free of charge; proposed: P5-R1 → A, P5-R2 → A. {tail_en}"
        )
        assert f5.message_zh == (
            "工程 P5（2009-06-01 竣工）：公共用房 2 间，共 55 平方米，应收回并无偿交给社区居委会使用；"
            f"建议分配：P5-R1 → A, P5-R2 → A。{tail_zh}"
        )

    def test_partial_date_and_no_committee_brought_up(self) -> None:
        # With the cut-off moved to 2008-07-01, a project known only to 2008 may fall either
        # side of it. A lacks 50 m²: P2's 5 m² room brings no committee up to standard.
        policy = attrs.evolve(DEFAULT_POLICY, public_rooms_from=datetime.date(2008, 7, 1))
        d = district(
            SubDistrictOffice("O1", communities=[old("A", 100)]),
            projects=[
                Project("P1", completed=PartialDate(2008), office="O1", public_rooms=[PublicRoom("R1", 5)]),
                project("P2", "O1", 5, completed=datetime.date(2009, 1, 1)),
            ],
        )
        f1, f2 = self.room_findings(d, policy)
        assert f1.message_en == (
            "Project P1: completion date not known (known only to the year: 2008), so it cannot be "
            "told whether its public rooms fall under 3.3 (completed on or after 2008-07-01)."
        )
        assert f1.message_zh == (
            "工程 P1：竣工日期不明（仅知年：2008），无法判断其公共用房是否属于“2008年以后新建工程”"
            "（2008-07-01 及以后竣工）。"
        )
        assert f2.message_en == (
            "Project P2 (completed 2009-01-01): 1 public room, 5 m², to be recovered and handed to "
            "residents' committees free of charge; no committee of its sub-district office is "
            "brought up to standard by them. Whether they have been handed over is not recorded in "
            "the data."
        )
        assert f2.message_zh == (
            "工程 P2（2009-01-01 竣工）：公共用房 1 间，共 5 平方米，应收回并无偿交给社区居委会使用；"
            "不能使本街道任一居委会用房达标。数据中未记录是否已移交。"
        )

    def test_area_not_stated_when_inexact_and_no_proposal(self) -> None:
        # 10^14 + 1E-50 m² needs 65 significant digits: the project's area is shown as "?". The
        # 1E-50 m² room has more than ten places, so the proposal fails and the finding says why.
        d = district(
            SubDistrictOffice("O1", communities=[old("A", 100)]),
            projects=[project("P", "O1", "1E+14", "1E-50")],
        )
        (f,) = self.room_findings(d)
        assert f.status is Status.UNKNOWN
        assert f.message_en == (
            "Project P (completed 2009-06-01): 2 public rooms, ?, to be recovered and handed to "
            "residents' committees free of charge; no proposal can be made "
            "(projects[P].public_rooms[P-R2].area_m2: has more than 10 decimal places). Whether they "
            "have been handed over is not recorded in the data."
        )
        assert f.message_zh == (
            "工程 P（2009-06-01 竣工）：公共用房 2 间，共 ?，应收回并无偿交给社区居委会使用；"
            "无法提出分配建议（projects[P].public_rooms[P-R2].area_m2：小数位数超过 10 位）。"
            "数据中未记录是否已移交。"
        )


class TestGreedyPastTheSearchLimit:
    """The greedy answer kept past 400 rooms, found by mutation testing.

    With more rooms than the exact search takes, the greedy pass is the
    answer, so a greedy that gives up on a gap exactly equal to the rooms'
    total, or stops one unit short, is seen in the proposal.
    """

    def test_every_room_needed(self) -> None:
        # A has 145.99 m²: 4.01 short. 401 rooms of 0.01 m² add up to exactly 4.01: all are needed.
        d = district(
            SubDistrictOffice("O1", communities=[old("A", "145.99")]),
            projects=[project("P", "O1", *["0.01"] * 401)],
        )
        p = propose_rooms(d)
        assert (p.brought_up, p.still_short, p.optimal) == (1, (), True)
        (a,) = p.assignments
        assert (a.community, len(a.rooms), a.added_m2, a.gap_m2) == (
            "A",
            401,
            Decimal("4.01"),
            Decimal("4.01"),
        )
        assert p.spare == ()


class TestSearchMemo:
    """A state the search has shown hopeless, found by mutation testing.

    Reaching such a state again must count as a failure: a memo that
    answered "covered" instead let a false assignment through.
    """

    def test_revisited_hopeless_state_is_a_failure(self) -> None:
        # Gaps 2, 2, 11, 6; rooms 8, 2, 8, 6, 1 (25 m² for 21). All four cannot be covered: each gap
        # needs a room of 2 m² or more and 11 needs two (8 + 1 < 11), five such rooms, and there
        # are four (8, 8, 6, 2). The three smallest (2, 2, 6) can: e.g. 2 → 2, 8 → 2, 6 → 6.
        d = proposal_district({"O1": [2, 2, 11, 6]}, {"O1": [8, 2, 8, 6, 1]})
        p = propose_rooms(d)
        assert (p.brought_up, p.still_short, p.optimal) == (3, ("O1-C2",), True)
        assert (
            brute_most_covered([Decimal(g) for g in (2, 2, 11, 6)], [Decimal(r) for r in (8, 2, 8, 6, 1)])
            == 3
        )


class TestMetAndOutOfScopeMessages:
    """The MET and out-of-scope messages in both languages, found by mutation testing."""

    def test_met_at_the_minimum(self) -> None:
        # 以上 read as inclusive: exactly 150 m² meets the old-town standard.
        (f,) = check_community(old("C", 150))
        assert f.status is Status.MET
        assert (
            f.message_en
            == "150 m² of office and service space; an old-town committee needs at least 150 m²: met."
        )
        assert f.message_zh == "办公和服务用房 150 平方米；老城区居委会应不少于 150 平方米，已达标。"

    def test_completed_before_the_cutoff(self) -> None:
        # Completed the day before 2008-01-01: outside 3.3's 2008年以后新建工程.
        d = small_district(150, projects=[project("P", "O1", 20, completed=datetime.date(2007, 12, 31))])
        (f,) = [f for f in check_district(d) if f.rule == "space.public_rooms"]
        assert f.status is Status.NOT_APPLICABLE
        assert f.message_en == "Project P was completed on 2007-12-31, before 2008-01-01."
        assert f.message_zh == "工程 P 于 2007-12-31 竣工，早于 2008-01-01，不在范围内。"
