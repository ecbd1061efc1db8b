"""The three-tier assessment (community_rules.assessment, clause 4.3; SPEC I-16, I-17, I-18, I-20).

Every expected value below is computed by hand from the opinion and the
interpretations; the arithmetic is in the comments.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from community_rules.assessment import (
    ASSESSED,
    PLAN_FILED,
    PLAN_ROUTES,
    RESIDENT_EVALUATION,
    RULES,
    TIERS,
    Assessment,
    PerformancePay,
    assess,
    check_community,
    check_district,
    composite_score,
    grade,
    plan_route,
    resident_score,
    tier,
)
from community_rules.enums import Grade, Level, Modality, Status
from community_rules.errors import InvalidType, InvalidValue
from community_rules.model import (
    Building,
    BuildingHead,
    Community,
    District,
    ExistingSubArea,
    StaffMember,
    SubDistrictOffice,
)
from community_rules.opinion import clause
from community_rules.policy import DEFAULT_POLICY, BuildingHeadEvaluationEffect, Policy, Weights
from community_rules.readings import interpretation
from community_rules.scores import Ballots, Body, PlanFiling, Scores, UnitScores

DEC20 = datetime.date(2009, 12, 20)


def b(s: int, bs: int, d: int, community: str | None = None) -> Ballots:
    return Ballots(s, bs, d, DEC20, community=community)


# --- a small district, computed by hand --------------------------------------------------------

C1 = Community(
    "C1",
    staff_members=[
        StaffMember("S1", monthly_pay=Decimal("4321.05")),
        StaffMember("S2", monthly_pay=Decimal("3600.00")),
        StaffMember("S3"),
    ],
)
C2 = Community(
    "C2",
    buildings=[Building(f"B{i}", 60) for i in range(1, 5)],
    sub_areas=[
        ExistingSubArea("A1", buildings=["B1", "B2"], head="SA1"),
        ExistingSubArea("A2", buildings=["B3", "B4"]),
    ],
    building_heads=[
        BuildingHead("BH1", buildings=["B1", "B2"]),
        BuildingHead("BH2", buildings=["B3"]),
        BuildingHead("BH3", buildings=["B4"]),
    ],
)
C3 = Community("C3")
DISTRICT = District(
    "D",
    offices=[SubDistrictOffice("O1", communities=[C1, C2]), SubDistrictOffice("O2", communities=[C3])],
)

UNITS = (
    # O1: daily mean (80 + 90) / 2 = 85; residents of C1 (3, 1, 1) and C2 (1, 1, 0) pooled:
    # (4 × 100 + 2 × 60 + 1 × 0) / 7 = 520 / 7 = 74.2857… → 74.29;
    # 0.3 × 85 + 0.4 × 88 + 0.3 × 74.29 = 25.5 + 35.2 + 22.287 = 82.987 → 82.99, COMPETENT.
    UnitScores(
        Level.SUB_DISTRICT_OFFICE,
        "O1",
        daily=[80, 90],
        year_end=88,
        ballots=[b(3, 1, 1, "C1"), b(1, 1, 0, "C2")],
    ),
    # C1: SPEC §6 — (300 + 60) / 5 = 72.00; 0.3 × 80 + 0.4 × 85 + 0.3 × 72 = 79.60, COMPETENT.
    UnitScores(Level.COMMUNITY, "C1", daily=[70, 80, 90], year_end=85, ballots=b(3, 1, 1)),
    # C2: (100 + 60) / 5 = 32.00; 0.3 × 55 + 0.4 × 58 + 0.3 × 32 = 16.5 + 23.2 + 9.6 = 49.30, INCOMPETENT.
    UnitScores(Level.COMMUNITY, "C2", daily=[50, 60], year_end=58, ballots=b(1, 1, 3)),
    # SA1: (200 + 120) / 5 = 64.00; 0.3 × 75 + 0.4 × 75 + 0.3 × 64 = 22.5 + 30 + 19.2 = 71.70, BASICALLY_COMPETENT.
    UnitScores(Level.SUB_AREA_HEAD, "SA1", community="C2", daily=[75], year_end=75, ballots=b(2, 2, 1)),
    # BH1: 60 / 5 = 12.00; 0.3 × 40 + 0.4 × 50 + 0.3 × 12 = 12 + 20 + 3.6 = 35.60, INCOMPETENT.
    UnitScores(Level.BUILDING_HEAD, "BH1", community="C2", daily=[40], year_end=50, ballots=b(0, 1, 4)),
    # BH2: 12 + 0.4 × 50.325 + 3.6 = 12 + 20.13 + 3.6 = 35.73, INCOMPETENT. (BH3 is not assessed.)
    UnitScores(Level.BUILDING_HEAD, "BH2", community="C2", daily=[40], year_end="50.325", ballots=b(0, 1, 4)),
    # D1: 0.4 × (90 + 95) / 2 + 0.6 × 94 = 37 + 56.4 = 93.40, EXCELLENT (no residents).
    UnitScores(Level.DEPARTMENT, "D1", daily=[90, 95], year_end=94),
)
PLANS = (
    PlanFiling(author="community", author_id="C1", filed_with="sub_district_office", filed_with_id="O1"),
    PlanFiling(author="community", author_id="C2", filed_with="sub_district_office", filed_with_id="O2"),
    PlanFiling(author="sub_district_office", author_id="O1", filed_with="social_affairs_bureau"),
    PlanFiling(author="sub_district_office", author_id="O2", filed_with="management_committee"),
    PlanFiling(author="department", author_id="D2", filed_with="management_committee", filed_on="2009-03-01"),
)
SCORES = Scores(2009, UNITS, PLANS)


@pytest.fixture
def result() -> Assessment:
    # Built afresh for each test (about 5 ms): with a module-scoped fixture, mutation testing
    # (docs/strategies.md) credits the computation to the first test that happens to build it
    # and never runs the tests that check what it computed.
    return assess(DISTRICT, SCORES)


def plain(text: str) -> str:
    """The opinion's text mixes full-width and ASCII punctuation; compare without the difference."""
    return text.replace("，", ",").replace("；", ";")


def statuses(a: Assessment, rule: str) -> list[tuple[str | None, str]]:
    return [(f.subject, f.status.value) for f in a.findings if f.rule == rule]


# --- who assesses whom -----------------------------------------------------------------------


class TestTiers:
    def test_every_level_has_one_tier(self) -> None:
        assert [t.level for t in TIERS] == list(Level)

    @pytest.mark.parametrize(
        ("level", "assessor", "residents"),
        [
            (Level.DEPARTMENT, Body.MANAGEMENT_COMMITTEE, False),
            (Level.SUB_DISTRICT_OFFICE, Body.MANAGEMENT_COMMITTEE, True),
            (Level.COMMUNITY, Body.SUB_DISTRICT_OFFICE, True),
            (Level.SUB_AREA_HEAD, Body.COMMUNITY, True),
            (Level.BUILDING_HEAD, Body.COMMUNITY, True),
        ],
    )
    def test_who_assesses_whom(self, level: Level, assessor: Body, residents: bool) -> None:
        # 4.3.1 管委 → departments; 4.3.3 管委 → offices; 4.3.2 offices → workstation and
        # committee → heads; 4.3.3 residents evaluate all but departments.
        t = tier(level.value)
        assert (t.assessor, t.residents) == (assessor, residents)

    def test_clauses_and_words_are_the_opinions(self) -> None:
        for t in TIERS:
            text = "".join(plain(clause(c).text_zh) for c in t.clauses)
            for part in t.words_zh.split("…"):
                assert plain(part) in text

    def test_unknown_level(self) -> None:
        with pytest.raises(InvalidValue, match="level: 'street' is not a valid Level"):
            tier("street")


class TestPlanRoutes:
    @pytest.mark.parametrize(
        ("author", "filed_with"),
        [
            (Body.COMMUNITY, Body.SUB_DISTRICT_OFFICE),
            (Body.SUB_DISTRICT_OFFICE, Body.SOCIAL_AFFAIRS_BUREAU),
            (Body.DEPARTMENT, Body.MANAGEMENT_COMMITTEE),
            (Body.SOCIAL_AFFAIRS_BUREAU, Body.MANAGEMENT_COMMITTEE),
            (Body.MANAGEMENT_COMMITTEE, Body.CITY),
        ],
    )
    def test_the_level_above(self, author: Body, filed_with: Body) -> None:
        assert plan_route(author).filed_with is filed_with

    def test_only_the_management_committee_files_outside(self) -> None:
        assert [r.author for r in PLAN_ROUTES if not r.in_district] == [Body.MANAGEMENT_COMMITTEE]

    def test_the_offices_plans_can_go_to_the_management_committee(self) -> None:
        route = plan_route("sub_district_office", office_plans_filed_with="management_committee")
        assert route.filed_with is Body.MANAGEMENT_COMMITTEE
        assert "4.3.3" in route.note_en

    def test_only_a_district_body_above_the_offices(self) -> None:
        with pytest.raises(InvalidValue, match="is not a district body above the offices"):
            plan_route(Body.SUB_DISTRICT_OFFICE, office_plans_filed_with=Body.COMMUNITY)

    def test_the_city_makes_no_district_plan(self) -> None:
        with pytest.raises(InvalidValue, match="makes no plan for this district"):
            plan_route(Body.CITY)


class TestRules:
    def test_ids_clauses_modalities(self) -> None:
        assert [(r.id, r.clause, r.modality) for r in RULES] == [
            ("assessment.plan_filed", "4.3.1", Modality.MANDATORY),
            ("assessment.assessed", "4.3.2", Modality.MANDATORY),
            ("assessment.resident_evaluation", "4.3.3", Modality.MANDATORY),
        ]

    def test_sources_are_the_opinions_words(self) -> None:
        for rule in RULES:
            assert plain(rule.source) in plain(clause(rule.clause).text_zh)
            assert rule.title_zh
            assert rule.title_en

    def test_parameters_and_interpretations_exist(self) -> None:
        for rule in RULES:
            for name in rule.parameters:
                DEFAULT_POLICY.parameter(name)
            for iid in rule.interpretations:
                interpretation(iid)


# --- I-16 -------------------------------------------------------------------------------------


class TestResidentScore:
    @pytest.mark.parametrize(
        ("ballots", "expected"),
        [
            ((3, 1, 1), "72.00"),  # SPEC §6: (3 × 100 + 1 × 60 + 1 × 0) / 5 = 360 / 5
            ((1, 0, 0), "100.00"),
            ((0, 1, 0), "60.00"),
            ((0, 0, 9), "0.00"),
            ((2, 0, 1), "66.67"),  # 200 / 3 = 66.666…
            ((1, 0, 799), "0.13"),  # 100 / 800 = 0.125, half up (half even would give 0.12)
            ((0, 1, 799), "0.08"),  # 60 / 800 = 0.075
        ],
    )
    def test_hand_computed(self, ballots: tuple[int, int, int], expected: str) -> None:
        assert resident_score(*ballots) == Decimal(expected)

    def test_result_has_two_places(self) -> None:
        assert resident_score(1, 0, 0).as_tuple().exponent == -2

    def test_policy_values(self) -> None:
        policy = attrs.evolve(DEFAULT_POLICY, ballot_basically_satisfied=Decimal("50"))
        assert resident_score(3, 1, 1, policy=policy) == Decimal("70.00")  # (300 + 50) / 5

    def test_zero_ballots(self) -> None:
        with pytest.raises(InvalidValue) as info:
            resident_score(0, 0, 0)
        assert str(info.value) == (
            "satisfied, basically_satisfied, dissatisfied: (0, 0, 0) are all zero: there is no ballot to score "
            "(satisfied, basically_satisfied, dissatisfied：(0, 0, 0) 均为零：没有可计分的评议票)"
        )

    @pytest.mark.parametrize(
        ("args", "error", "path"),
        [
            ((-1, 1, 1), InvalidValue, "satisfied"),
            ((1, True, 1), InvalidType, "basically_satisfied"),
            ((1, 1, 1.0), InvalidType, "dissatisfied"),
            ((1, 1, "1"), InvalidType, "dissatisfied"),
            ((10**9 + 1, 0, 0), InvalidValue, "satisfied"),
        ],
    )
    def test_counts_are_checked(
        self, args: tuple[object, object, object], error: type[Exception], path: str
    ) -> None:
        with pytest.raises(error) as info:
            resident_score(*args)  # type: ignore[arg-type]
        assert info.value.path == path  # type: ignore[attr-defined]


# --- I-17 -------------------------------------------------------------------------------------


class TestCompositeScore:
    def test_spec_worked_example(self) -> None:
        # SPEC §6: 0.3 × mean(70, 80, 90) + 0.4 × 85 + 0.3 × 72 = 24 + 34 + 21.6 = 79.60
        residents = resident_score(3, 1, 1)
        score = composite_score(Level.COMMUNITY, daily=[70, 80, 90], year_end=85, residents=residents)
        assert score == Decimal("79.60")
        assert grade(score) is Grade.COMPETENT

    def test_department_has_no_residents(self) -> None:
        # 0.4 × 88.5 + 0.6 × 90 = 35.4 + 54 = 89.40
        assert composite_score("department", daily=["88.5"], year_end=90, residents=None) == Decimal("89.40")

    def test_department_ignores_residents(self) -> None:
        assert composite_score(Level.DEPARTMENT, daily=[80], year_end=80, residents=0) == Decimal("80.00")

    def test_daily_mean_is_exact_then_one_rounding(self) -> None:
        # mean = 495 / 7 = 70.714285…; 0.3 × 495 / 7 = 21.2142857…; + 0.4 × 85 + 0.3 × 72 = 34 + 21.6
        # = 76.8142857… → 76.81
        daily = [70, 70, 70, 71, 71, 71, 72]
        assert composite_score(Level.SUB_AREA_HEAD, daily=daily, year_end=85, residents=72) == Decimal(
            "76.81"
        )

    def test_half_up_not_half_even(self) -> None:
        # 0.3 × 0 + 0.4 × 0.0625 + 0.3 × 0 = 0.025 → 0.03 (half even would give 0.02)
        assert composite_score(Level.COMMUNITY, daily=[0], year_end="0.0625", residents=0) == Decimal("0.03")

    def test_policy_weights(self) -> None:
        policy = attrs.evolve(DEFAULT_POLICY, weights_building_head=Weights("0.5", "0.5", "0"))
        # 0.5 × 60 + 0.5 × 70 = 65.00; residents have no weight and may be left out
        assert composite_score(
            Level.BUILDING_HEAD, daily=[60], year_end=70, residents=None, policy=policy
        ) == Decimal("65.00")

    def test_a_zero_weight_component_may_be_missing(self) -> None:
        policy = attrs.evolve(DEFAULT_POLICY, weights_community=Weights("0", "1", "0"))
        assert composite_score(
            Level.COMMUNITY, daily=[], year_end="81.5", residents=None, policy=policy
        ) == Decimal("81.50")

    def test_empty_daily_is_an_error(self) -> None:
        with pytest.raises(InvalidValue) as info:
            composite_score(Level.COMMUNITY, daily=[], year_end=85, residents=72)
        assert str(info.value) == (
            "daily: () is empty, but the daily-supervision weight of a community is 0.3 "
            "(I-17: a missing component is an error, not a silent re-weighting) "
            "(daily：() 为空，但社区工作站和居委会的日常督导权重为 0.3（I-17：缺项即为错误，不会自动调整权重）)"
        )

    def test_missing_year_end_is_an_error(self) -> None:
        with pytest.raises(InvalidValue) as info:
            composite_score(Level.BUILDING_HEAD, daily=[80], year_end=None, residents=75)
        assert info.value.path == "year_end"
        assert info.value.message_en == (
            "is missing, but the year-end weight of a building head is 0.4 "
            "(I-17: a missing component is an error, not a silent re-weighting)"
        )

    def test_missing_residents_is_an_error(self) -> None:
        with pytest.raises(
            InvalidValue, match="residents: None is missing, but the residents weight of a sub-district"
        ):
            composite_score(Level.SUB_DISTRICT_OFFICE, daily=[80], year_end=80, residents=None)

    @pytest.mark.parametrize(
        ("kwargs", "error", "text"),
        [
            ({"daily": [70, 101]}, InvalidValue, "daily[1]: 101 is above 100"),
            ({"daily": [70.0]}, InvalidType, "daily[0]: 70.0 is a binary float"),
            ({"daily": "70"}, InvalidType, "daily: '70' is of type str; expected a list of scores"),
            ({"daily": 70}, InvalidType, "daily: 70 is of type int; expected a list of scores"),
            ({"year_end": "-1"}, InvalidValue, "year_end: '-1' is negative"),
            ({"residents": Decimal("100.01")}, InvalidValue, "residents: Decimal('100.01') is above 100"),
            ({"residents": "NaN"}, InvalidValue, "residents: 'NaN' is not a finite number"),
        ],
    )
    def test_bad_scores(self, kwargs: dict[str, object], error: type[Exception], text: str) -> None:
        args: dict[str, object] = {"daily": [70], "year_end": 80, "residents": 72}
        args.update(kwargs)
        with pytest.raises(error) as info:
            composite_score(Level.COMMUNITY, **args)  # type: ignore[arg-type]
        assert str(info.value).startswith(text)

    def test_bad_level(self) -> None:
        with pytest.raises(InvalidValue, match="level: 'residents' is not a valid Level"):
            composite_score("residents", daily=[70], year_end=80, residents=72)


# --- I-18 -------------------------------------------------------------------------------------


class TestGrade:
    @pytest.mark.parametrize(
        ("score", "expected"),
        [
            ("0", Grade.INCOMPETENT),
            ("59.99", Grade.INCOMPETENT),
            ("60", Grade.BASICALLY_COMPETENT),
            ("74.99", Grade.BASICALLY_COMPETENT),
            ("75", Grade.COMPETENT),
            ("89.99", Grade.COMPETENT),
            ("90", Grade.EXCELLENT),
            ("100", Grade.EXCELLENT),
        ],
    )
    def test_boundaries(self, score: str, expected: Grade) -> None:
        assert grade(Decimal(score)) is expected
        assert grade(score) is expected

    def test_policy_bands(self) -> None:
        policy = attrs.evolve(DEFAULT_POLICY, grade_excellent=Decimal(95))
        assert grade(94, policy=policy) is Grade.COMPETENT
        assert grade(95, policy=policy) is Grade.EXCELLENT

    @pytest.mark.parametrize(
        ("score", "error"), [(101, InvalidValue), (-1, InvalidValue), (90.0, InvalidType)]
    )
    def test_bad_scores(self, score: object, error: type[Exception]) -> None:
        with pytest.raises(error) as info:
            grade(score)  # type: ignore[arg-type]
        assert info.value.path == "score"  # type: ignore[attr-defined]


# --- assess ------------------------------------------------------------------------------------


class TestAssessUnits:
    @pytest.mark.parametrize(
        ("key", "composite", "expected_grade", "flagged"),
        [
            ((Level.SUB_DISTRICT_OFFICE, "O1", None), "82.99", Grade.COMPETENT, False),
            ((Level.COMMUNITY, "C1", None), "79.60", Grade.COMPETENT, False),
            ((Level.COMMUNITY, "C2", None), "49.30", Grade.INCOMPETENT, True),
            ((Level.SUB_AREA_HEAD, "SA1", "C2"), "71.70", Grade.BASICALLY_COMPETENT, False),
            ((Level.BUILDING_HEAD, "BH1", "C2"), "35.60", Grade.INCOMPETENT, True),
            ((Level.BUILDING_HEAD, "BH2", "C2"), "35.73", Grade.INCOMPETENT, True),
            ((Level.DEPARTMENT, "D1", None), "93.40", Grade.EXCELLENT, False),
        ],
    )
    def test_hand_computed(
        self,
        result: Assessment,
        key: tuple[Level, str, str | None],
        composite: str,
        expected_grade: Grade,
        flagged: bool,
    ) -> None:
        unit = result.unit(*key)
        assert (unit.composite, unit.grade, unit.flagged) == (Decimal(composite), expected_grade, flagged)

    def test_units_keep_the_order_of_the_scores(self, result: Assessment) -> None:
        assert [u.key for u in result.units] == [u.key for u in UNITS]

    def test_offices_and_communities(self, result: Assessment) -> None:
        assert [(u.id, u.office) for u in result.units] == [
            ("O1", "O1"),
            ("C1", "O1"),
            ("C2", "O1"),
            ("SA1", "O1"),
            ("BH1", "O1"),
            ("BH2", "O1"),
            ("D1", None),
        ]

    def test_components_shown(self, result: Assessment) -> None:
        office = result.unit(Level.SUB_DISTRICT_OFFICE, "O1")
        assert (office.daily_mean, office.year_end, office.residents, office.ballots) == (
            Decimal("85.00"),
            Decimal(88),
            Decimal("74.29"),
            7,
        )

    def test_the_office_pools_its_communities_ballots(self, result: Assessment) -> None:
        # 4.3.3: the residents of C1 and C2 evaluate O1. Pooled: 520 / 7 = 74.29 (one ballot, one
        # vote); per community C1 72.00 (5 ballots) and C2 (100 + 60) / 2 = 80.00 (2 ballots),
        # whose plain mean 76.00 the library does NOT use.
        office = result.unit(Level.SUB_DISTRICT_OFFICE, "O1")
        assert [(e.community, e.score, e.ballots) for e in office.evaluations] == [
            ("C1", Decimal("72.00"), 5),
            ("C2", Decimal("80.00"), 2),
        ]
        assert office.residents == Decimal("74.29")

    def test_department_has_no_residents(self, result: Assessment) -> None:
        department = result.unit(Level.DEPARTMENT, "D1")
        assert (department.residents, department.evaluations, department.interpretations) == (
            None,
            (),
            ("I-17", "I-18"),
        )

    def test_performance_pay_of_the_committee_staff(self, result: Assessment) -> None:
        # 4,321.05: base 0.7 × 4,321.05 = 3,024.735 → 3,024.74, part 1,296.31,
        #   paid 1,296.31 × 79.60 / 100 = 1,031.86276 → 1,031.86;
        # 3,600.00: base 2,520.00, part 1,080.00, paid 1,080 × 0.796 = 859.68.
        c1 = result.unit(Level.COMMUNITY, "C1")
        assert c1.pay == (
            PerformancePay(
                "S1", Decimal("4321.05"), Decimal("3024.74"), Decimal("1296.31"), Decimal("1031.86")
            ),
            PerformancePay(
                "S2", Decimal("3600.00"), Decimal("2520.00"), Decimal("1080.00"), Decimal("859.68")
            ),
        )
        assert c1.pay[0].withheld == Decimal("264.45")
        assert c1.pay_unknown == ("S3",)
        assert c1.interpretations == ("I-10", "I-11", "I-16", "I-17", "I-18")
        assert c1.clauses == ("4.3.2", "4.3.3", "3.2")

    def test_no_pay_without_listed_staff(self, result: Assessment) -> None:
        assert result.unit(Level.COMMUNITY, "C2").pay == ()

    def test_building_head_flagged_for_replacement_allowance_unchanged(self, result: Assessment) -> None:
        # I-20 default (RENEWAL): incompetent → replacement; the 100-yuan allowance stays.
        bh1 = result.unit(Level.BUILDING_HEAD, "BH1", "C2")
        assert (bh1.flagged, bh1.allowance_suspended, bh1.allowance_monthly) == (
            True,
            False,
            Decimal("100.00"),
        )
        assert bh1.consequences() == "flagged for replacement"
        assert bh1.consequences("zh") == "标记为予以更换"
        assert "I-20" in bh1.interpretations
        assert bh1.clauses == ("4.3.2", "4.3.3", "2.2.2")

    def test_building_head_allowance_suspended(self) -> None:
        policy = attrs.evolve(
            DEFAULT_POLICY, building_head_evaluation_effect=BuildingHeadEvaluationEffect.SUSPEND_ALLOWANCE
        )
        bh1 = assess(DISTRICT, SCORES, policy=policy).unit(Level.BUILDING_HEAD, "BH1", "C2")
        assert (bh1.flagged, bh1.allowance_suspended, bh1.allowance_monthly) == (False, True, Decimal("0.00"))
        assert bh1.consequences() == "allowance suspended next year"

    def test_a_competent_building_head_keeps_the_allowance_under_either_reading(self) -> None:
        policy = attrs.evolve(
            DEFAULT_POLICY, building_head_evaluation_effect=BuildingHeadEvaluationEffect.SUSPEND_ALLOWANCE
        )
        unit = UnitScores(
            Level.BUILDING_HEAD, "BH3", community="C2", daily=[90], year_end=90, ballots=b(1, 0, 0)
        )
        for p in (DEFAULT_POLICY, policy):
            bh3 = assess(DISTRICT, Scores(2009, [unit]), policy=p).units[0]
            assert (bh3.flagged, bh3.allowance_suspended, bh3.allowance_monthly) == (
                False,
                False,
                Decimal("100.00"),
            )

    def test_flagged_list(self, result: Assessment) -> None:
        assert [u.id for u in result.flagged()] == ["C2", "BH1", "BH2"]

    def test_unknown_unit(self, result: Assessment) -> None:
        with pytest.raises(InvalidValue, match="was not assessed this year"):
            result.unit(Level.BUILDING_HEAD, "BH3", "C2")


class TestAssessRollUps:
    def test_by_level(self, result: Assessment) -> None:
        # COMMUNITY (79.60 + 49.30) / 2 = 64.45; BUILDING_HEAD (35.60 + 35.73) / 2 = 35.665 → 35.67 (half up)
        assert [
            (
                r.level,
                r.units,
                r.mean,
                r.excellent,
                r.competent,
                r.basically_competent,
                r.incompetent,
                r.flagged,
            )
            for r in result.by_level
        ] == [
            (Level.DEPARTMENT, 1, Decimal("93.40"), 1, 0, 0, 0, 0),
            (Level.SUB_DISTRICT_OFFICE, 1, Decimal("82.99"), 0, 1, 0, 0, 0),
            (Level.COMMUNITY, 2, Decimal("64.45"), 0, 1, 0, 1, 1),
            (Level.SUB_AREA_HEAD, 1, Decimal("71.70"), 0, 0, 1, 0, 0),
            (Level.BUILDING_HEAD, 2, Decimal("35.67"), 0, 0, 0, 2, 2),
        ]
        assert all(r.office is None for r in result.by_level)

    def test_by_office(self, result: Assessment) -> None:
        # O2's community C3 was not assessed, so O2 has no roll-up.
        assert [(r.office, r.level, r.units, r.mean) for r in result.by_office] == [
            ("O1", Level.COMMUNITY, 2, Decimal("64.45")),
            ("O1", Level.SUB_AREA_HEAD, 1, Decimal("71.70")),
            ("O1", Level.BUILDING_HEAD, 2, Decimal("35.67")),
        ]

    def test_count(self, result: Assessment) -> None:
        assert result.by_level[2].count(Grade.INCOMPETENT) == 1
        assert result.by_level[2].count("competent") == 1


class TestAssessFindings:
    def test_plans(self, result: Assessment) -> None:
        assert statuses(result, "assessment.plan_filed") == [
            ("sub_district_office:O1", "met"),
            ("sub_district_office:O2", "not_met"),  # filed with the management committee
            ("department:D1", "not_met"),  # none filed
            ("department:D2", "met"),
            ("management_committee", "not_applicable"),
            ("community:C1", "met"),
            ("community:C2", "not_met"),  # filed with O2, not its own O1
            ("community:C3", "not_met"),  # none filed
        ]

    def test_misfiled_plan_says_where(self, result: Assessment) -> None:
        finding = next(f for f in result.findings if f.subject == "community:C2" and f.rule == PLAN_FILED.id)
        assert (finding.required, finding.actual, finding.community, finding.office) == (
            "sub_district_office:O1",
            "sub_district_office:O2",
            "C2",
            "O1",
        )
        assert finding.message_en.startswith(
            "the community workstation and residents' committee C2 filed its assessment plan with the "
            "sub-district office O2, not with the sub-district office O1, the level above"
        )
        assert finding.inputs == (("plans[1]", "sub_district_office:O2"),)

    def test_the_management_committee_files_with_the_city(self, result: Assessment) -> None:
        finding = next(f for f in result.findings if f.subject == "management_committee")
        assert finding.status is Status.NOT_APPLICABLE
        assert "outside the district" in finding.message_en
        assert "不属于本区范围" in finding.message_zh

    def test_the_offices_plans_under_the_other_reading(self) -> None:
        a = assess(DISTRICT, SCORES, office_plans_filed_with=Body.MANAGEMENT_COMMITTEE)
        assert statuses(a, "assessment.plan_filed")[:2] == [
            ("sub_district_office:O1", "not_met"),
            ("sub_district_office:O2", "met"),
        ]
        assert a.office_plans_filed_with is Body.MANAGEMENT_COMMITTEE

    def test_plans_not_known(self) -> None:
        a = assess(DISTRICT, attrs.evolve(SCORES, plans=None))
        assert {s for _, s in statuses(a, "assessment.plan_filed")} == {"unknown", "not_applicable"}

    def test_assessed(self, result: Assessment) -> None:
        assert statuses(result, "assessment.assessed") == [
            ("sub_district_office:O1", "met"),
            ("sub_district_office:O2", "not_met"),
            ("community:C1", "unknown"),  # assessed, but C1 does not list its heads
            ("community:C2", "not_met"),  # BH3 missing
            ("community:C3", "not_met"),
        ]
        c2 = next(f for f in result.findings if f.rule == ASSESSED.id and f.community == "C2")
        # C2, SA1, BH1, BH2, BH3: 5 units, 4 assessed
        assert (c2.required, c2.actual, c2.gap) == (5, 4, 1)
        assert c2.message_en.endswith(": building_head BH3")

    def test_resident_evaluation(self, result: Assessment) -> None:
        assert statuses(result, "assessment.resident_evaluation") == [
            ("community:C1", "met"),  # O1 and C1
            ("community:C2", "met"),  # O1, C2, SA1, BH1, BH2
            ("community:C3", "not_met"),  # neither O2 nor C3 has scores
        ]
        c2, c3 = (
            f for f in result.findings if f.rule == RESIDENT_EVALUATION.id and f.community in ("C2", "C3")
        )
        assert (c2.required, c2.actual) == (5, 5)
        assert (c3.required, c3.actual, c3.gap) == (2, 0, 2)

    def test_an_office_not_evaluated_by_one_of_its_communities(self) -> None:
        only_c1 = attrs.evolve(UNITS[0], ballots=(b(3, 1, 1, "C1"),))
        a = assess(DISTRICT, Scores(2009, (only_c1, *UNITS[1:]), PLANS))
        c2 = next(f for f in a.findings if f.rule == RESIDENT_EVALUATION.id and f.community == "C2")
        assert c2.status is Status.NOT_MET
        assert c2.message_en.endswith(": sub_district_office O1")

    def test_all_findings_carry_their_rules_clause(self, result: Assessment) -> None:
        clauses = {r.id: r.clause for r in RULES}
        assert all(f.clause == clauses[f.rule] for f in result.findings)


class TestAssessErrors:
    @pytest.mark.parametrize(
        ("unit", "path", "message"),
        [
            (
                UnitScores(Level.SUB_DISTRICT_OFFICE, "O9"),
                "units[0].id",
                "is not a sub-district office of this district",
            ),
            (UnitScores(Level.COMMUNITY, "C9"), "units[0].id", "is not a community of this district"),
            (UnitScores(Level.SUB_AREA_HEAD, "SA1", community="C9"), "units[0].community", None),
            (
                UnitScores(Level.BUILDING_HEAD, "BH9", community="C2"),
                "units[0].id",
                "is not a building head of community 'C2' (listed: BH1, BH2, BH3)",
            ),
            (
                UnitScores(Level.SUB_DISTRICT_OFFICE, "O1", ballots=b(1, 0, 0, "C3")),
                "units[0].ballots[0].community",
                None,
            ),
            (
                UnitScores(Level.COMMUNITY, "C1", daily=[70], year_end=80),
                "units[0].ballots",
                "are missing, but the residents' weight of a community is 0.3 "
                "(I-17: a missing component is an error, not a silent re-weighting)",
            ),
            (
                UnitScores(Level.COMMUNITY, "C1", year_end=80, ballots=b(1, 0, 0)),
                "units[0].daily",
                None,
            ),
            (UnitScores(Level.DEPARTMENT, "D1", daily=[70]), "units[0].year_end", None),
        ],
    )
    def test_units(self, unit: UnitScores, path: str, message: str | None) -> None:
        with pytest.raises(InvalidValue) as info:
            assess(DISTRICT, Scores(2009, [unit]))
        assert info.value.path == path
        if message is not None:
            assert info.value.message_en == message

    def test_an_unlisted_head_is_accepted_when_the_community_lists_none(self) -> None:
        unit = UnitScores(
            Level.SUB_AREA_HEAD, "X", community="C1", daily=[80], year_end=80, ballots=b(1, 0, 0)
        )
        a = assess(DISTRICT, Scores(2009, [unit]))
        assert a.units[0].composite == Decimal("86.00")  # 24 + 32 + 30

    @pytest.mark.parametrize(
        ("plan", "path"),
        [
            (
                PlanFiling(author="community", author_id="C9", filed_with="social_affairs_bureau"),
                "plans[0].author_id",
            ),
            (
                PlanFiling(author="sub_district_office", author_id="O9", filed_with="city"),
                "plans[0].author_id",
            ),
            (
                PlanFiling(
                    author="community", author_id="C1", filed_with="sub_district_office", filed_with_id="O9"
                ),
                "plans[0].filed_with_id",
            ),
        ],
    )
    def test_plans(self, plan: PlanFiling, path: str) -> None:
        with pytest.raises(InvalidValue) as info:
            assess(DISTRICT, Scores(2009, plans=[plan]))
        assert info.value.path == path

    def test_staff_pay_not_in_whole_fen_names_the_district_path(self) -> None:
        bad = Community("C1", staff_members=[StaffMember("S1", monthly_pay=Decimal("4321.055"))])
        district = District("D", offices=[SubDistrictOffice("O1", communities=[bad])])
        with pytest.raises(InvalidValue) as info:
            assess(district, Scores(2009, [UNITS[1]]))
        assert info.value.path == "district: offices[0].communities[0].staff_members[0].monthly_pay"

    def test_types(self) -> None:
        with pytest.raises(InvalidType, match="is not a District"):
            assess(DISTRICT.offices[0], SCORES)  # type: ignore[arg-type]
        with pytest.raises(InvalidType, match="is not a Scores"):
            assess(DISTRICT, {"year": 2009})  # type: ignore[arg-type]


class TestChecksWithoutAssess:
    def test_without_scores_everything_is_unknown(self) -> None:
        findings = list(check_community(C2, office="O1"))
        assert [(f.rule, f.status) for f in findings] == [(r.id, Status.UNKNOWN) for r in RULES]
        assert (
            findings[0].message_en
            == "no assessment scores were given (pass scores=...), so this is not known"
        )

    def test_district_without_scores(self) -> None:
        findings = list(check_district(DISTRICT))
        assert [f.status for f in findings] == [Status.UNKNOWN] * 4 + [Status.NOT_APPLICABLE]

    def test_community_with_scores_matches_assess(self, result: Assessment) -> None:
        assert tuple(check_community(C2, office="O1", scores=SCORES)) == tuple(
            f for f in result.findings if f.community == "C2"
        )

    def test_district_with_scores_matches_assess(self, result: Assessment) -> None:
        assert tuple(check_district(DISTRICT, scores=SCORES)) == tuple(
            f for f in result.findings if f.community is None
        )

    def test_a_community_whose_office_is_not_known(self) -> None:
        plan = next(f for f in check_community(C1, scores=SCORES) if f.rule == PLAN_FILED.id)
        assert plan.status is Status.UNKNOWN
        assert "its own sub-district office is not known" in plan.message_en

    def test_all_heads_listed_and_assessed(self) -> None:
        community = Community(
            "C4",
            buildings=[Building("B1", 100)],
            sub_areas=[ExistingSubArea("A", buildings=["B1"], head="H")],
            building_heads=[BuildingHead("BH", buildings=["B1"])],
        )
        units = [
            UnitScores(Level.COMMUNITY, "C4"),
            UnitScores(Level.SUB_AREA_HEAD, "H", community="C4"),
            UnitScores(Level.BUILDING_HEAD, "BH", community="C4"),
        ]
        assessed = next(
            f
            for f in check_community(community, office="O", scores=Scores(2009, units))
            if f.rule == ASSESSED.id
        )
        assert (assessed.status, assessed.required, assessed.actual, assessed.gap) == (Status.MET, 3, 3, 0)


class TestRendering:
    def test_rows_for_pandas(self, result: Assessment) -> None:
        rows = result.rows()
        assert len(rows) == len(UNITS)
        assert rows[1] == {
            "year": 2009,
            "level": "community",
            "unit": "C1",
            "community": None,
            "office": "O1",
            "daily_mean": Decimal("80.00"),
            "year_end": Decimal(85),
            "residents": Decimal("72.00"),
            "ballots": 5,
            "composite": Decimal("79.60"),
            "grade": "competent",
            "flagged": False,
            "allowance_suspended": False,
            "allowance_monthly": None,
            "performance_part": Decimal("2376.31"),  # 1,296.31 + 1,080.00
            "performance_payout": Decimal("1891.54"),  # 1,031.86 + 859.68
            "pay_unknown": "S3",
            "clauses": "4.3.2, 4.3.3, 3.2",
            "interpretations": "I-10, I-11, I-16, I-17, I-18",
        }

    def test_rollup_and_finding_rows(self, result: Assessment) -> None:
        assert len(result.rollup_rows()) == len(result.by_level) + len(result.by_office)
        assert result.rollup_rows()[0]["mean"] == Decimal("93.40")
        assert {r["rule"] for r in result.finding_rows()} == {r.id for r in RULES}

    def test_text(self, result: Assessment) -> None:
        text = result.to_text()
        assert text.startswith("Assessment of district D, 2009 (clause 4.3)\n")
        assert "79.60" in text
        assert "performance pay 1891.54 of 2376.31 yuan a month; pay not known for S3" in text
        assert "I-16" in text

    def test_markdown_in_chinese(self, result: Assessment) -> None:
        md = result.to_markdown(lang="zh")
        assert md.startswith("# D 区 2009 年度考核（第4.3条）\n")
        assert "| 楼长 | BH1 | C2 | 40.00 | 50 | 12.00 | 35.60 | 不称职 | 标记为予以更换 |" in md
        assert "| 社区工作站和居委会 | O1 | 2 | 64.45 | 0 | 1 | 0 | 1 | 1 |" in md

    def test_bad_language(self, result: Assessment) -> None:
        with pytest.raises(InvalidValue, match="is not a language"):
            result.to_text("fr")

    def test_results_carry_their_clauses(self, result: Assessment) -> None:
        assert result.clauses == ("4.3.1", "4.3.2", "4.3.3", "3.2", "2.2.2")
        assert result.interpretations == ("I-10", "I-11", "I-16", "I-17", "I-18", "I-20")
        assert result.by_level[0].clauses == ("4.3.2", "4.3.3")


# --- properties ---------------------------------------------------------------------------------

# Scores with up to three places (the hand-written ones have two), as Decimal.
scores_st = st.integers(0, 3).flatmap(
    lambda places: st.integers(0, 100 * 10**places).map(lambda units: Decimal(units).scaleb(-places))
)
daily_st = st.lists(scores_st, min_size=1, max_size=8)


@st.composite
def weights_st(draw: st.DrawFn) -> Weights:
    daily = draw(st.integers(0, 100))
    year_end = draw(st.integers(0, 100 - daily))
    return Weights(Decimal(daily) / 100, Decimal(year_end) / 100, Decimal(100 - daily - year_end) / 100)


def half_up(value: Fraction) -> Decimal:
    """The oracle: an exact fraction, half up to 0.01, with plain integers."""
    hundredths = (value * 100 * 2 + 1) // 2
    return Decimal(hundredths) / 100


def policy_with(weights: Weights) -> Policy:
    return attrs.evolve(DEFAULT_POLICY, weights_community=weights)


class TestProperties:
    @given(weights_st(), daily_st, scores_st, scores_st)
    def test_composite_matches_the_exact_oracle(
        self, weights: Weights, daily: list[Decimal], year_end: Decimal, residents: Decimal
    ) -> None:
        exact = (
            Fraction(weights.daily) * sum(map(Fraction, daily)) / len(daily)
            + Fraction(weights.year_end) * Fraction(year_end)
            + Fraction(weights.residents) * Fraction(residents)
        )
        score = composite_score(
            Level.COMMUNITY, daily=daily, year_end=year_end, residents=residents, policy=policy_with(weights)
        )
        assert score == half_up(exact)
        assert score.as_tuple().exponent == -2

    @given(weights_st(), daily_st, scores_st, scores_st)
    def test_composite_within_its_components(
        self, weights: Weights, daily: list[Decimal], year_end: Decimal, residents: Decimal
    ) -> None:
        used = (daily if weights.daily else []) + ([year_end] if weights.year_end else [])
        used += [residents] if weights.residents else []
        score = composite_score(
            Level.COMMUNITY, daily=daily, year_end=year_end, residents=residents, policy=policy_with(weights)
        )
        low, high = (
            min(used).quantize(Decimal("0.01"), ROUND_HALF_UP),
            max(used).quantize(Decimal("0.01"), ROUND_HALF_UP),
        )
        assert low <= score <= high

    @given(
        weights_st(),
        daily_st,
        scores_st,
        scores_st,
        st.sampled_from(["daily", "year_end", "residents"]),
        scores_st,
        st.integers(0, 7),
    )
    def test_composite_is_monotone_in_each_component(
        self,
        weights: Weights,
        daily: list[Decimal],
        year_end: Decimal,
        residents: Decimal,
        which: str,
        other: Decimal,
        index: int,
    ) -> None:
        args: dict[str, object] = {"daily": daily, "year_end": year_end, "residents": residents}
        raised = dict(args)
        if which == "daily":
            i = index % len(daily)
            raised["daily"] = [max(d, other) if j == i else d for j, d in enumerate(daily)]
        else:
            raised[which] = max(args[which], other)  # type: ignore[type-var]
        policy = policy_with(weights)
        before = composite_score(Level.COMMUNITY, policy=policy, **args)  # type: ignore[arg-type]
        after = composite_score(Level.COMMUNITY, policy=policy, **raised)  # type: ignore[arg-type]
        assert before <= after

    @given(scores_st, scores_st)
    def test_grades_are_monotone(self, a: Decimal, c: Decimal) -> None:
        low, high = sorted((a, c))
        order = [Grade.INCOMPETENT, Grade.BASICALLY_COMPETENT, Grade.COMPETENT, Grade.EXCELLENT]
        assert order.index(grade(low)) <= order.index(grade(high))

    @given(st.lists(st.integers(0, 100), min_size=3, max_size=3), scores_st, scores_st)
    def test_grades_are_monotone_under_any_bands(self, bands: list[int], a: Decimal, c: Decimal) -> None:
        low_band, mid_band, top_band = sorted(bands)
        policy = attrs.evolve(
            DEFAULT_POLICY,
            grade_excellent=Decimal(top_band),
            grade_competent=Decimal(mid_band),
            grade_basically_competent=Decimal(low_band),
        )
        low, high = sorted((a, c))
        order = [Grade.INCOMPETENT, Grade.BASICALLY_COMPETENT, Grade.COMPETENT, Grade.EXCELLENT]
        assert order.index(grade(low, policy=policy)) <= order.index(grade(high, policy=policy))
        assert (grade(high, policy=policy) is Grade.EXCELLENT) == (high >= top_band)

    @given(st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 10**6))
    def test_resident_score_oracle_and_bounds(self, s: int, bs: int, d: int) -> None:
        assume(s + bs + d > 0)
        score = resident_score(s, bs, d)
        assert score == half_up(Fraction(100 * s + 60 * bs, s + bs + d))
        assert Decimal(0) <= score <= Decimal(100)
        # One more satisfied ballot never lowers the score, one more dissatisfied never raises it.
        assert resident_score(s + 1, bs, d) >= score >= resident_score(s, bs, d + 1)

    @settings(max_examples=40)
    @given(
        st.lists(
            st.tuples(daily_st, scores_st, st.integers(1, 50), st.integers(0, 50)), min_size=1, max_size=6
        )
    )
    def test_rollup_is_the_half_up_mean_and_counts_add_up(
        self, entries: list[tuple[list[Decimal], Decimal, int, int]]
    ) -> None:
        district = District(
            "D",
            offices=[SubDistrictOffice("O", communities=[Community(f"C{i}") for i in range(len(entries))])],
        )
        units = [
            UnitScores(Level.COMMUNITY, f"C{i}", daily=daily, year_end=end, ballots=b(s, 0, d))
            for i, (daily, end, s, d) in enumerate(entries)
        ]
        a = assess(district, Scores(2009, units))
        (rollup,) = a.by_level
        composites = [u.composite for u in a.units]
        assert rollup.mean == half_up(Fraction(sum(composites)) / len(composites))
        assert rollup.units == len(entries) == sum(rollup.count(g) for g in Grade)
        assert a.by_office[0].mean == rollup.mean
        assert rollup.flagged == sum(1 for u in a.units if u.grade is Grade.INCOMPETENT)

    @pytest.mark.slow
    @settings(max_examples=2_000, deadline=None)
    @given(weights_st(), daily_st, scores_st, scores_st)
    def test_composite_oracle_many_examples(
        self, weights: Weights, daily: list[Decimal], year_end: Decimal, residents: Decimal
    ) -> None:
        exact = (
            Fraction(weights.daily) * sum(map(Fraction, daily)) / len(daily)
            + Fraction(weights.year_end) * Fraction(year_end)
            + Fraction(weights.residents) * Fraction(residents)
        )
        policy = policy_with(weights)
        score = composite_score(
            Level.COMMUNITY, daily=daily, year_end=year_end, residents=residents, policy=policy
        )
        assert score == half_up(exact)
        assert grade(score) is grade(half_up(exact))


# --- found by mutation testing (mutmut, assessment.py) -----------------------------------------


class TestFindingsCarryTheirFacts:
    """Each finding's subject, community, office, inputs and both messages, not only its status."""

    def test_without_scores(self) -> None:
        community = list(check_community(C2, office="O1"))
        district = list(check_district(DISTRICT))
        assert len(community) == 3
        for f in community:
            assert (f.subject, f.community, f.office, f.inputs) == (
                "community:C2",
                "C2",
                "O1",
                (("scores", None),),
            )
            assert f.message_zh == "未提供考核分数（请传入 scores=...），无法确定"
        assert [(f.rule, f.subject, f.community, f.office, f.inputs) for f in district[:4]] == [
            (PLAN_FILED.id, "sub_district_office:O1", None, "O1", (("scores", None),)),
            (ASSESSED.id, "sub_district_office:O1", None, "O1", (("scores", None),)),
            (PLAN_FILED.id, "sub_district_office:O2", None, "O2", (("scores", None),)),
            (ASSESSED.id, "sub_district_office:O2", None, "O2", (("scores", None),)),
        ]

    def test_a_community_with_a_head_missing(self, result: Assessment) -> None:
        # C2 lists SA1 (of its 2 sub-areas, one has a head) and BH1–BH3; BH3 has no scores.
        f = next(f for f in result.findings if f.rule == ASSESSED.id and f.community == "C2")
        assert (f.status, f.office, f.subject, f.unit) == (Status.NOT_MET, "O1", "community:C2", "units")
        assert f.inputs == (("sub_areas", 2), ("building_heads", 3))
        assert (
            f.message_en
            == "1 of 5 units of community C2 have no assessment scores for 2009: building_head BH3"
        )
        assert f.message_zh == "社区 C2 的 5 个考核对象中有 1 个没有 2009 年度考核分数：building_head BH3"

    def test_a_community_that_lists_no_heads(self, result: Assessment) -> None:
        f = next(f for f in result.findings if f.rule == ASSESSED.id and f.community == "C1")
        assert (f.status, f.actual, f.unit) == (Status.UNKNOWN, 1, "units")
        assert f.inputs == (("sub_areas", None), ("building_heads", None))
        assert f.message_en == (
            "the 1 known units of community C1 were assessed for 2009, but the community does not list its "
            "sub-area heads and building heads, so whether all were assessed is not known"
        )
        assert f.message_zh == (
            "社区 C1 已知的 1 个考核对象均已于 2009 年度考核，但未列出其小区长和楼长，无法确定是否全部考核"
        )

    def test_heads_assessed_but_not_listed_count(self) -> None:
        # C1 lists no heads, so the assessed sub-area head X of C1 is one of its units: expected C1 and X
        # (both assessed); the residents of C1 evaluate O1, C1 and X, and O1 has no scores.
        units = [
            UNITS[1],
            UnitScores(Level.SUB_AREA_HEAD, "X", community="C1", daily=[80], year_end=80, ballots=b(1, 0, 0)),
        ]
        a = assess(DISTRICT, Scores(2009, units))
        assessed = next(f for f in a.findings if f.rule == ASSESSED.id and f.community == "C1")
        assert (assessed.status, assessed.actual) == (Status.UNKNOWN, 2)
        evaluated = next(f for f in a.findings if f.rule == RESIDENT_EVALUATION.id and f.community == "C1")
        assert (evaluated.status, evaluated.required, evaluated.actual, evaluated.gap) == (
            Status.NOT_MET,
            3,
            2,
            1,
        )
        assert evaluated.inputs == (("evaluated", "community C1, sub_area_head X"),)

    def test_all_heads_listed_and_assessed_says_so(self) -> None:
        # C4 lists no sub-area (none has a head) and one building head; both units are assessed.
        community = Community(
            "C4", buildings=[Building("B1", 100)], sub_areas=[], building_heads=[BuildingHead("BH", ["B1"])]
        )
        units = [UnitScores(Level.COMMUNITY, "C4"), UnitScores(Level.BUILDING_HEAD, "BH", community="C4")]
        f = next(f for f in check_community(community, scores=Scores(2009, units)) if f.rule == ASSESSED.id)
        assert (f.status, f.required, f.actual, f.gap) == (Status.MET, 2, 2, 0)
        assert f.message_en == "all 2 units of community C4 were assessed for 2009"
        assert f.message_zh == "社区 C4 的 2 个考核对象均已于 2009 年度考核"

    def test_resident_evaluation_met(self, result: Assessment) -> None:
        f = next(f for f in result.findings if f.rule == RESIDENT_EVALUATION.id and f.community == "C2")
        assert (f.status, f.office, f.subject, f.gap, f.unit) == (
            Status.MET,
            "O1",
            "community:C2",
            0,
            "units",
        )
        assert f.inputs == (
            (
                "evaluated",
                "sub_district_office O1, community C2, sub_area_head SA1, building_head BH1, building_head BH2",
            ),
        )
        assert f.message_en == "the residents of community C2 evaluated all 5 units at the end of 2009"
        assert f.message_zh == "社区 C2 的居民已在 2009 年终评议全部 5 个对象"

    def test_resident_evaluation_not_met(self, result: Assessment) -> None:
        f = next(f for f in result.findings if f.rule == RESIDENT_EVALUATION.id and f.community == "C3")
        assert f.inputs == (("evaluated", ""),)
        assert f.message_en == (
            "the residents of community C3 did not evaluate 2 of 2 units at the end of 2009: "
            "sub_district_office O2, community C3"
        )
        assert f.message_zh == (
            "社区 C3 的居民在 2009 年终未评议 2 个对象中的 2 个：sub_district_office O2, community C3"
        )

    def test_offices_assessed_or_not(self, result: Assessment) -> None:
        o1, o2 = (f for f in result.findings if f.rule == ASSESSED.id and f.community is None)
        assert (o1.status, o1.office, o1.subject, o1.required, o1.actual, o1.gap, o1.unit) == (
            Status.MET,
            "O1",
            "sub_district_office:O1",
            1,
            1,
            0,
            "units",
        )
        assert o1.inputs == (("units", "sub_district_office:O1"),)
        assert (o1.message_en, o1.message_zh) == (
            "sub-district office O1 was assessed for 2009",
            "街道办事处 O1 2009 年度已考核",
        )
        assert (o2.status, o2.office, o2.actual, o2.gap, o2.inputs) == (
            Status.NOT_MET,
            "O2",
            0,
            1,
            (("units", None),),
        )
        assert (o2.message_en, o2.message_zh) == (
            "sub-district office O2 has no assessment scores for 2009",
            "街道办事处 O2 2009 年度没有考核分数",
        )

    def test_the_management_committees_own_plan(self, result: Assessment) -> None:
        f = next(f for f in result.findings if f.subject == "management_committee")
        assert (f.rule, f.status, f.required) == (PLAN_FILED.id, Status.NOT_APPLICABLE, "city")
        assert f.message_zh == "区管委的考核方案报市级备案，不属于本区范围，本库不予核查"

    def test_check_district_takes_the_other_reading(self) -> None:
        findings = check_district(DISTRICT, scores=SCORES, office_plans_filed_with="management_committee")
        assert [(f.subject, f.status) for f in findings if f.rule == PLAN_FILED.id][:2] == [
            ("sub_district_office:O1", Status.NOT_MET),
            ("sub_district_office:O2", Status.MET),
        ]


class TestPlanFindingDetails:
    """The plan-filing findings (4.3.1) in full: who filed where, what was required, in both languages."""

    def test_filed_with_its_own_office(self, result: Assessment) -> None:
        f = next(f for f in result.findings if f.rule == PLAN_FILED.id and f.subject == "community:C1")
        assert (f.status, f.required, f.actual) == (
            Status.MET,
            "sub_district_office:O1",
            "sub_district_office:O1",
        )
        assert f.inputs == (("plans[0]", "sub_district_office:O1"),)
        assert f.message_en == (
            "the community workstation and residents' committee C1 filed its assessment plan with the "
            "sub-district office O1"
        )
        assert f.message_zh == "社区工作站和居委会 C1 已将考核方案报街道办事处 O1 备案"

    def test_filed_with_another_office_in_chinese(self, result: Assessment) -> None:
        f = next(f for f in result.findings if f.rule == PLAN_FILED.id and f.subject == "community:C2")
        assert f.message_en.endswith(
            "(the workstation and committee's plan for assessing the heads goes to their own sub-district office)"
        )
        assert f.message_zh == (
            "社区工作站和居委会 C2 将考核方案报街道办事处 O2 备案，而非上一级街道办事处 O1 "
            "（社区工作站和居委会对小区长、楼长的考核办法报所属街道办事处备案）"
        )

    def test_none_filed(self, result: Assessment) -> None:
        f = next(f for f in result.findings if f.rule == PLAN_FILED.id and f.subject == "community:C3")
        assert (f.status, f.required, f.actual, f.inputs) == (
            Status.NOT_MET,
            "sub_district_office:O2",
            None,
            (),
        )
        assert f.message_en == (
            "the community workstation and residents' committee C3 has filed no assessment plan; it files it "
            "with the sub-district office O2 (the workstation and committee's plan for assessing the heads goes "
            "to their own sub-district office)"
        )
        assert f.message_zh == (
            "社区工作站和居委会 C3 未报备考核方案；应报街道办事处 O2 备案（社区工作站和居委会对小区长、楼长的考核办法报所属街道办事处备案）"
        )

    def test_a_departments_plan_with_its_date(self, result: Assessment) -> None:
        f = next(f for f in result.findings if f.rule == PLAN_FILED.id and f.subject == "department:D2")
        assert (f.status, f.office, f.community, f.required, f.actual) == (
            Status.MET,
            None,
            None,
            "management_committee",
            "management_committee",
        )
        assert f.inputs == (("plans[4]", "management_committee 2009-03-01"),)
        assert (
            f.message_en
            == "the district-level department D2 filed its assessment plan with the district management committee"
        )

    def test_plans_not_known_say_so(self) -> None:
        a = assess(DISTRICT, attrs.evolve(SCORES, plans=None))
        f = next(f for f in a.findings if f.rule == PLAN_FILED.id and f.subject == "sub_district_office:O1")
        assert (f.status, f.required, f.inputs) == (
            Status.UNKNOWN,
            "social_affairs_bureau",
            (("plans", None),),
        )
        assert f.message_en == (
            "the plans filed are not known, so whether the sub-district office O1 filed its assessment plan with "
            "the Social Affairs Bureau is not known"
        )
        assert (
            f.message_zh == "未提供考核方案备案情况，无法确定街道办事处 O1 是否已将考核方案报社会事业局备案"
        )

    def test_a_community_whose_office_is_not_known_in_full(self) -> None:
        f = next(f for f in check_community(C1, scores=SCORES) if f.rule == PLAN_FILED.id)
        # Without the office, the required filing names no office.
        assert (f.status, f.office, f.required, f.actual) == (
            Status.UNKNOWN,
            None,
            "sub_district_office",
            "sub_district_office:O1",
        )
        assert f.inputs == (("plans[0]", "sub_district_office:O1"),)
        assert f.message_en == (
            "the community workstation and residents' committee C1 filed its plan with the sub-district office "
            "O1; its own sub-district office is not known, so the filing cannot be checked"
        )
        assert (
            f.message_zh
            == "社区工作站和居委会 C1 已将考核方案报街道办事处 O1 备案；其所属街道办事处未知，无法核查"
        )

    def test_the_social_affairs_bureaus_rules(self) -> None:
        # The bureau's rules for assessing the offices go to the management committee (4.2, 4.3.1); the
        # bureau has no id, and neither the city nor the management committee has one.
        to_city = Scores(2009, plans=[PlanFiling(author="social_affairs_bureau", filed_with="city")])
        f = next(f for f in check_district(DISTRICT, scores=to_city) if f.subject == "social_affairs_bureau")
        assert (f.status, f.required, f.actual) == (Status.NOT_MET, "management_committee", "city")
        assert f.inputs == (("plans[0]", "city"),)
        assert f.message_en == (
            "the Social Affairs Bureau filed its assessment plan with the city, not with the district management "
            "committee, the level above (the Social Affairs Bureau's detailed rules for assessing the offices "
            "(4.2) go to the management committee)"
        )
        assert f.message_zh == (
            "社会事业局将考核方案报市备案，而非上一级区管委（社会事业局对街道办事处社区工作的考核细则（4.2）报区管委备案）"
        )
        filed = Scores(
            2009, plans=[PlanFiling(author="social_affairs_bureau", filed_with="management_committee")]
        )
        f = next(f for f in check_district(DISTRICT, scores=filed) if f.subject == "social_affairs_bureau")
        assert (f.status, f.actual) == (Status.MET, "management_committee")
        assert (
            f.message_en
            == "the Social Affairs Bureau filed its assessment plan with the district management committee"
        )
        assert f.message_zh == "社会事业局已将考核方案报区管委备案"

    def test_two_plans_both_misfiled(self) -> None:
        plans = [
            PlanFiling(author="social_affairs_bureau", filed_with="city"),
            PlanFiling(author="social_affairs_bureau", filed_with="sub_district_office", filed_with_id="O1"),
        ]
        f = next(
            f
            for f in check_district(DISTRICT, scores=Scores(2009, plans=plans))
            if f.subject == "social_affairs_bureau"
        )
        assert (f.status, f.actual) == (Status.NOT_MET, "city, sub_district_office:O1")
        assert f.message_en.startswith(
            "the Social Affairs Bureau filed its assessment plan with the city, the sub-district office O1, not "
            "with the district management committee"
        )
        assert f.message_zh.startswith("社会事业局将考核方案报市、街道办事处 O1 备案，而非上一级区管委")

    def test_an_offices_plan_finding_names_the_office(self, result: Assessment) -> None:
        f = next(
            f for f in result.findings if f.rule == PLAN_FILED.id and f.subject == "sub_district_office:O1"
        )
        assert (f.office, f.community, f.required, f.actual) == (
            "O1",
            None,
            "social_affairs_bureau",
            "social_affairs_bureau",
        )

    def test_scores_of_the_wrong_type_are_named(self) -> None:
        with pytest.raises(InvalidType) as info:
            list(check_district(DISTRICT, scores={"year": 2009}))  # type: ignore[arg-type]
        assert info.value.path == "scores"


class TestErrorDetails:
    """Errors carry their value and their Chinese message, not only their path."""

    def test_an_unknown_office(self) -> None:
        with pytest.raises(InvalidValue) as info:
            assess(DISTRICT, Scores(2009, [UnitScores(Level.SUB_DISTRICT_OFFICE, "O9")]))
        assert (info.value.path, info.value.value) == ("units[0].id", "O9")
        assert info.value.message_zh == "不是本区的街道办事处"

    @pytest.mark.parametrize(
        ("unit", "path", "value", "message_en", "message_zh"),
        [
            (
                UnitScores(Level.SUB_DISTRICT_OFFICE, "O1", ballots=b(1, 0, 0, "C3")),
                "units[0].ballots[0].community",
                "C3",
                "is not a community of sub-district office 'O1': only its own communities' residents evaluate it",
                "不是街道办事处 'O1' 所辖社区：只有其所辖社区的居民评议该办事处",
            ),
            (
                UnitScores(Level.COMMUNITY, "C9"),
                "units[0].id",
                "C9",
                "is not a community of this district",
                "不是本区的社区",
            ),
            (
                UnitScores(Level.SUB_AREA_HEAD, "SA1", community="C9"),
                "units[0].community",
                "C9",
                "is not a community of this district",
                "不是本区的社区",
            ),
            (
                UnitScores(Level.BUILDING_HEAD, "BH9", community="C2"),
                "units[0].id",
                "BH9",
                "is not a building head of community 'C2' (listed: BH1, BH2, BH3)",
                "不是社区 'C2' 的楼长（已列出：BH1, BH2, BH3）",
            ),
        ],
    )
    def test_units_not_in_the_district(
        self, unit: UnitScores, path: str, value: str, message_en: str, message_zh: str
    ) -> None:
        with pytest.raises(InvalidValue) as info:
            assess(DISTRICT, Scores(2009, [unit]))
        assert (info.value.path, info.value.value, info.value.message_en, info.value.message_zh) == (
            path,
            value,
            message_en,
            message_zh,
        )

    def test_a_community_that_lists_no_building_head(self) -> None:
        district = District(
            "D", offices=[SubDistrictOffice("O1", communities=[Community("C5", building_heads=[])])]
        )
        with pytest.raises(InvalidValue) as info:
            assess(district, Scores(2009, [UnitScores(Level.BUILDING_HEAD, "BH1", community="C5")]))
        assert info.value.message_en == "is not a building head of community 'C5' (listed: none)"

    @pytest.mark.parametrize(
        ("plan", "path", "value", "message_en", "message_zh"),
        [
            (
                PlanFiling(author="community", author_id="C9", filed_with="social_affairs_bureau"),
                "plans[0].author_id",
                "C9",
                "is not a community of this district",
                "不是本区的社区",
            ),
            (
                PlanFiling(author="sub_district_office", author_id="O9", filed_with="city"),
                "plans[0].author_id",
                "O9",
                "is not a sub-district office of this district",
                "不是本区的街道办事处",
            ),
            (
                PlanFiling(
                    author="community", author_id="C1", filed_with="sub_district_office", filed_with_id="O8"
                ),
                "plans[0].filed_with_id",
                "O8",
                "is not a sub-district office of this district",
                "不是本区的街道办事处",
            ),
        ],
    )
    def test_plans_not_in_the_district(
        self, plan: PlanFiling, path: str, value: str, message_en: str, message_zh: str
    ) -> None:
        with pytest.raises(InvalidValue) as info:
            assess(DISTRICT, Scores(2009, plans=[plan]))
        assert (info.value.path, info.value.value, info.value.message_en, info.value.message_zh) == (
            path,
            value,
            message_en,
            message_zh,
        )

    def test_plan_routes(self) -> None:
        with pytest.raises(InvalidValue) as info:
            plan_route("mayor")
        assert (info.value.path, info.value.value) == ("author", "mayor")
        with pytest.raises(InvalidValue) as info:
            plan_route(Body.CITY)
        assert info.value.message_zh == "不为本区制定考核方案"
        with pytest.raises(InvalidValue) as info:
            plan_route(Body.SUB_DISTRICT_OFFICE, office_plans_filed_with="mayor")
        assert (info.value.path, info.value.value) == ("office_plans_filed_with", "mayor")
        with pytest.raises(InvalidValue) as info:
            plan_route(Body.SUB_DISTRICT_OFFICE, office_plans_filed_with=Body.COMMUNITY)
        assert (info.value.path, info.value.value) == ("office_plans_filed_with", Body.COMMUNITY)
        assert info.value.message_en == (
            "is not a district body above the offices (valid: social_affairs_bureau, management_committee)"
        )
        assert info.value.message_zh == (
            "不是街道办事处的上级区属机构（有效值：social_affairs_bureau, management_committee）"
        )
        route = plan_route(Body.SUB_DISTRICT_OFFICE, office_plans_filed_with="management_committee")
        assert route.note_en == (
            "the office's plan for assessing its workstations and committees goes to the district management "
            "committee, which assesses the offices (4.3.3)"
        )
        assert (
            route.note_zh
            == "街道办事处对社区工作站和居委会的考核办法报区管委备案（区管委考核街道办事处，4.3.3）"
        )

    def test_assess_argument_types(self) -> None:
        office = DISTRICT.offices[0]
        with pytest.raises(InvalidType) as info:
            assess(office, SCORES)  # type: ignore[arg-type]
        assert (info.value.path, info.value.value, info.value.message_en, info.value.message_zh) == (
            "district",
            office,
            "is not a District",
            "不是 District",
        )
        with pytest.raises(InvalidType) as info:
            assess(DISTRICT, {"year": 2009})  # type: ignore[arg-type]
        assert (info.value.path, info.value.value, info.value.message_en, info.value.message_zh) == (
            "scores",
            {"year": 2009},
            "is not a Scores",
            "不是 Scores",
        )
        with pytest.raises(InvalidType) as info:
            assess(DISTRICT, SCORES, policy="strict")  # type: ignore[arg-type]
        assert info.value.path == "policy"

    def test_missing_residents_and_a_string_of_scores(self) -> None:
        with pytest.raises(InvalidValue) as info:
            composite_score(Level.SUB_DISTRICT_OFFICE, daily=[80], year_end=80, residents=None)
        assert info.value.message_en == (
            "is missing, but the residents weight of a sub-district office is 0.3 "
            "(I-17: a missing component is an error, not a silent re-weighting)"
        )
        assert (
            info.value.message_zh
            == "缺失，但街道办事处的该项权重为 0.3（I-17：缺项即为错误，不会自动调整权重）"
        )
        with pytest.raises(InvalidType) as type_info:
            composite_score(Level.COMMUNITY, daily="70", year_end=80, residents=72)  # type: ignore[arg-type]
        assert type_info.value.message_zh == "类型为 str；应为分数列表"

    def test_missing_ballots(self) -> None:
        with pytest.raises(InvalidValue) as info:
            assess(DISTRICT, Scores(2009, [UnitScores(Level.COMMUNITY, "C1", daily=[70], year_end=80)]))
        assert (info.value.path, info.value.value) == ("units[0].ballots", ())
        assert info.value.message_zh == (
            "缺失，但社区工作站和居委会的居民评议权重为 0.3（I-17：缺项即为错误，不会自动调整权重）"
        )


class TestPayAndPolicyDetails:
    """The committee workers' pay under another policy, and each worker in the list."""

    def test_an_unknown_pay_does_not_end_the_list(self) -> None:
        # S0's and S9's pay is not known; S1 after them is still paid: 3,600.00 → base 2,520.00,
        # part 1,080.00, paid 1,080 × 79.60 / 100 = 859.68.
        staff = [StaffMember("S0"), StaffMember("S9"), StaffMember("S1", monthly_pay=Decimal("3600.00"))]
        c1 = Community("C1", staff_members=staff)
        district = District("D", offices=[SubDistrictOffice("O1", communities=[c1])])
        a = assess(district, Scores(2009, [UNITS[1]]))
        unit = a.units[0]
        assert unit.pay_unknown == ("S0", "S9")
        assert a.rows()[0]["pay_unknown"] == "S0, S9"
        assert (
            unit.consequences() == "performance pay 859.68 of 1080.00 yuan a month; pay not known for S0, S9"
        )
        assert unit.pay == (
            PerformancePay(
                "S1", Decimal("3600.00"), Decimal("2520.00"), Decimal("1080.00"), Decimal("859.68")
            ),
        )

    def test_only_a_community_has_pay(self, result: Assessment) -> None:
        assert [(u.id, u.pay, u.pay_unknown) for u in result.units if u.level is not Level.COMMUNITY] == [
            ("O1", (), ()),
            ("SA1", (), ()),
            ("BH1", (), ()),
            ("BH2", (), ()),
            ("D1", (), ()),
        ]

    def test_no_daily_mean_without_daily_scores(self) -> None:
        # Weights 0, 1, 0: no daily score is needed, and there is no mean to show.
        policy = attrs.evolve(DEFAULT_POLICY, weights_community=Weights("0", "1", "0"))
        unit = UnitScores(Level.COMMUNITY, "C1", year_end="81.5", ballots=b(1, 0, 0))
        c1 = assess(DISTRICT, Scores(2009, [unit]), policy=policy).units[0]
        assert (c1.daily_mean, c1.composite) == (None, Decimal("81.50"))

    def test_the_pay_split_follows_the_policy(self) -> None:
        # base_pay_share 0.6: 3,600.00 → base 2,160.00, part 1,440.00, paid 1,440 × 0.796 = 1,146.24.
        policy = attrs.evolve(DEFAULT_POLICY, base_pay_share=Decimal("0.6"))
        c1 = assess(DISTRICT, SCORES, policy=policy).unit(Level.COMMUNITY, "C1")
        assert c1.pay[1] == PerformancePay(
            "S2", Decimal("3600.00"), Decimal("2160.00"), Decimal("1440.00"), Decimal("1146.24")
        )

    def test_the_policy_argument_is_named_in_errors(self) -> None:
        for call in (
            lambda: resident_score(1, 0, 0, policy="strict"),  # type: ignore[arg-type]
            lambda: composite_score("community", daily=[1], year_end=1, residents=1, policy="strict"),  # type: ignore[arg-type]
            lambda: grade(50, policy="strict"),  # type: ignore[arg-type]
        ):
            with pytest.raises(InvalidType) as info:
                call()
            assert (info.value.path, info.value.value) == ("policy", "strict")

    def test_only_the_daily_scores_weigh(self) -> None:
        # Weights 1, 0, 0: the year-end score and the residents' may both be missing; (70 + 81) / 2 = 75.50.
        policy = attrs.evolve(DEFAULT_POLICY, weights_community=Weights("1", "0", "0"))
        score = composite_score(Level.COMMUNITY, daily=[70, 81], year_end=None, residents=None, policy=policy)
        assert score == Decimal("75.50")

    def test_a_missing_component_in_chinese(self) -> None:
        with pytest.raises(InvalidValue) as info:
            composite_score(Level.BUILDING_HEAD, daily=[80], year_end=None, residents=75)
        assert info.value.message_zh == "缺失，但楼长的该项权重为 0.4（I-17：缺项即为错误，不会自动调整权重）"


class TestOutputDetails:
    """The plain rows, the consequences in words and the errors of the Assessment's methods."""

    def test_rollup_rows(self, result: Assessment) -> None:
        rows = result.rollup_rows()
        assert rows[0] == {
            "year": 2009,
            "level": "department",
            "office": None,
            "units": 1,
            "mean": Decimal("93.40"),
            "excellent": 1,
            "competent": 0,
            "basically_competent": 0,
            "incompetent": 0,
            "flagged": 0,
        }
        # The first roll-up by office: O1's communities C1 (79.60, competent) and C2 (49.30, flagged).
        assert rows[5] == {
            "year": 2009,
            "level": "community",
            "office": "O1",
            "units": 2,
            "mean": Decimal("64.45"),
            "excellent": 0,
            "competent": 1,
            "basically_competent": 0,
            "incompetent": 1,
            "flagged": 1,
        }

    def test_finding_rows(self, result: Assessment) -> None:
        finding = next(f for f in result.findings if f.subject == "community:C2" and f.rule == PLAN_FILED.id)
        (row,) = [
            r for r in result.finding_rows() if r["subject"] == "community:C2" and r["rule"] == PLAN_FILED.id
        ]
        assert row == {
            "rule": "assessment.plan_filed",
            "clause": "4.3.1",
            "status": "not_met",
            "modality": "mandatory",
            "community": "C2",
            "office": "O1",
            "subject": "community:C2",
            "required": "sub_district_office:O1",
            "actual": "sub_district_office:O2",
            "message": finding.message_en,
        }

    def test_rows_without_pay(self, result: Assessment) -> None:
        # C2 lists no staff: no performance pay and no worker whose pay is unknown.
        row = result.rows()[2]
        assert (row["unit"], row["performance_part"], row["performance_payout"], row["pay_unknown"]) == (
            "C2",
            None,
            None,
            None,
        )

    def test_consequences_in_chinese(self, result: Assessment) -> None:
        c1 = result.unit(Level.COMMUNITY, "C1")
        assert c1.consequences("zh") == "绩效工资发放 1891.54/2376.31 元/月；S3 的工资未知"
        assert result.unit(Level.COMMUNITY, "C2").consequences("zh") == "工作人员标记为不再续聘"
        policy = attrs.evolve(
            DEFAULT_POLICY, building_head_evaluation_effect=BuildingHeadEvaluationEffect.SUSPEND_ALLOWANCE
        )
        bh1 = assess(DISTRICT, SCORES, policy=policy).unit(Level.BUILDING_HEAD, "BH1", "C2")
        assert bh1.consequences("zh") == "下一年度暂停误工补贴"

    def test_unknown_unit_names_it(self, result: Assessment) -> None:
        with pytest.raises(InvalidValue) as info:
            result.unit(Level.BUILDING_HEAD, "BH3", "C2")
        assert (info.value.path, info.value.value) == ("unit", "building_head BH3 (C2)")
        assert (info.value.message_en, info.value.message_zh) == (
            "was not assessed this year",
            "本年度未参加考核",
        )
        with pytest.raises(InvalidValue) as info:
            result.unit("sub_district_office", "O2")
        assert info.value.value == "sub_district_office O2"

    def test_bad_language_names_it(self, result: Assessment) -> None:
        with pytest.raises(InvalidValue) as info:
            result.to_markdown("fr")
        assert (info.value.path, info.value.value) == ("lang", "fr")
        assert (info.value.message_en, info.value.message_zh) == (
            "is not a language (valid: zh, en)",
            "不是有效语言（有效值：zh, en）",
        )


# One office, one community, one unit: 0.3 × 80 + 0.4 × 85 + 0.3 × 72 = 79.60, COMPETENT.
SMALL = assess(
    District("D", offices=[SubDistrictOffice("O1", communities=[Community("C1")])]),
    Scores(2009, [UNITS[1]]),
)


class TestRenderingLayout:
    """The tables' layout: headings, separators, and columns aligned by display width (a CJK character is two)."""

    def test_text_in_chinese(self) -> None:
        lines = SMALL.to_text("zh").splitlines()
        # Widths: the title 29 (D 1, 区 2, 2009 4, 年度考核 8, （第 4, 4.3 3, 条） 4, three spaces); the level
        # column 18 (社区工作站和居委会, nine characters); the other headers 4, 8, 6 or 10.
        assert lines[:20] == [
            "D 区 2009 年度考核（第4.3条）",
            "=" * 29,
            "",
            "考核对象",
            "-" * 8,
            "",
            "层级                对象  社区  日常督导  年终考核  居民评议  综合得分  等次  结果运用",
            "------------------  ----  ----  --------  --------  --------  --------  ----  --------",
            "社区工作站和居委会  C1          80.00     85        72.00     79.60     称职",
            "",
            "按层级汇总",
            "-" * 10,
            "",
            "层级                街道办事处  数量  平均分  优秀  称职  基本称职  不称职  标记",
            "------------------  ----------  ----  ------  ----  ----  --------  ------  ----",
            "社区工作站和居委会  全区        1     79.60   0     1     0         0       0",
            "",
            "按街道办事处汇总",
            "-" * 16,
            "",
        ]
        assert lines[20] == "层级                街道办事处  数量  平均分  优秀  称职  基本称职  不称职  标记"
        assert lines[22] == "社区工作站和居委会  O1          1     79.60   0     1     0         0       0"
        assert lines[24:26] == ["核查结果", "-" * 8]
        assert lines[-2] == ""
        assert (
            lines[-1]
            == "本地选择（SPEC §4）：I-16 居民评议计分、I-17 权重、I-18 等次、I-20 楼长、I-11 绩效工资。"
        )

    def test_markdown_in_chinese_names_the_status_in_chinese(self) -> None:
        assert "| assessment.plan_filed | 4.3.1 | 未知 | sub_district_office:O1 |" in SMALL.to_markdown("zh")

    def test_markdown_escapes_a_bar_in_a_cell(self) -> None:
        district = District("D", offices=[SubDistrictOffice("O1", communities=[Community("C|1")])])
        unit = UnitScores(Level.COMMUNITY, "C|1", daily=[70, 80, 90], year_end=85, ballots=b(3, 1, 1))
        a = assess(district, Scores(2009, [unit]))
        row = "| community | C\\|1 |  | 80.00 | 85 | 72.00 | 79.60 | competent |  |"
        assert row in a.to_markdown().splitlines()

    def test_markdown_in_english(self) -> None:
        lines = SMALL.to_markdown().splitlines()
        assert lines[:17] == [
            "# Assessment of district D, 2009 (clause 4.3)",
            "",
            "## Units",
            "",
            "| level | unit | community | daily | year-end | residents | composite | grade | consequences |",
            "|---|---|---|---|---|---|---|---|---|",
            "| community | C1 |  | 80.00 | 85 | 72.00 | 79.60 | competent |  |",
            "",
            "## By level",
            "",
            "| level | office | units | mean | excellent | competent | basic | incompetent | flagged |",
            "|---|---|---|---|---|---|---|---|---|",
            "| community | all | 1 | 79.60 | 0 | 1 | 0 | 0 | 0 |",
            "",
            "## By sub-district office",
            "",
            "| level | office | units | mean | excellent | competent | basic | incompetent | flagged |",
        ]
        assert lines[19:25] == [
            "",
            "## Findings",
            "",
            "| rule | clause | status | subject | message |",
            "|---|---|---|---|---|",
            "| assessment.plan_filed | 4.3.1 | unknown | sub_district_office:O1 | the plans filed are not known, "
            "so whether the sub-district office O1 filed its assessment plan with the Social Affairs Bureau is "
            "not known |",
        ]
