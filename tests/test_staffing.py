"""Tests of community_rules.staffing: quota, hiring plan, candidates, checks (clause 3.1)."""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from community_rules import staffing
from community_rules.enums import Education, Modality, Status
from community_rules.errors import Error, InvalidType, InvalidValue, PolicyNotSet
from community_rules.findings import Finding
from community_rules.model import Building, Community, StaffMember
from community_rules.policy import DEFAULT_POLICY, HiringRounding, Policy, StaffQuotaRounding
from community_rules.staffing import (
    Candidate,
    HiringPlan,
    PriorityGroup,
    check_community,
    check_education,
    hiring_plan,
    priority_groups,
    rank_candidates,
    staff_quota,
)

HALF_UP_QUOTA = attrs.evolve(DEFAULT_POLICY, staff_quota_rounding=StaffQuotaRounding.HALF_UP)
FLOOR_HIRING = attrs.evolve(DEFAULT_POLICY, hiring_rounding=HiringRounding.FLOOR)
CEILING_HIRING = attrs.evolve(DEFAULT_POLICY, hiring_rounding=HiringRounding.CEILING)

households = st.integers(min_value=0, max_value=10**7)
policies = st.builds(
    lambda per, quota_rounding, share, hiring_rounding: attrs.evolve(
        DEFAULT_POLICY,
        households_per_staff=per,
        staff_quota_rounding=quota_rounding,
        hiring_share_this_year=Decimal(share) / 100,
        hiring_rounding=hiring_rounding,
    ),
    st.integers(min_value=1, max_value=2000),
    st.sampled_from(StaffQuotaRounding),
    st.integers(min_value=0, max_value=100),
    st.sampled_from(HiringRounding),
)


class TestStaffQuota:
    @pytest.mark.parametrize(
        ("households", "quota"),
        [
            (0, 0),  # no households, nobody needed
            (1, 1),  # ceil(1/300)
            (300, 1),  # exactly one worker's share
            (301, 2),  # a started 300 needs a worker
            (1150, 4),  # SPEC §6: ceil(3.83) = 4
            (3000, 10),
        ],
    )
    def test_ceiling_by_default(self, households: int, quota: int) -> None:
        assert staff_quota(households) == quota

    @pytest.mark.parametrize(
        ("households", "quota"),
        [
            (0, 0),
            (149, 0),  # 0.497 → 0
            (150, 1),  # 0.5 → 1 (half up)
            (449, 1),  # 1.497 → 1
            (450, 2),  # 1.5 → 2
            (1150, 4),  # 3.83 → 4
            (1049, 3),  # 3.497 → 3 (ceiling would give 4)
        ],
    )
    def test_half_up_alternative(self, households: int, quota: int) -> None:
        assert staff_quota(households, policy=HALF_UP_QUOTA) == quota

    def test_the_number_comes_from_the_policy(self) -> None:
        # 1,150 households at 1 per 250: ceil(4.6) = 5.
        assert staff_quota(1150, policy=attrs.evolve(DEFAULT_POLICY, households_per_staff=250)) == 5

    @pytest.mark.parametrize(
        ("value", "error"),
        [
            (-1, InvalidValue),
            (True, InvalidType),
            (1.5, InvalidValue),
            ("300", InvalidType),
            (None, InvalidType),
        ],
    )
    def test_bad_households(self, value: object, error: type[Error]) -> None:
        with pytest.raises(error) as info:
            staff_quota(value)  # type: ignore[arg-type]
        assert info.value.path == "households"

    @given(h=households, policy=policies)
    def test_never_decreases_as_households_grow(self, h: int, policy: Policy) -> None:
        assert staff_quota(h, policy=policy) <= staff_quota(h + 1, policy=policy)

    @given(h=households, per=st.integers(min_value=1, max_value=2000))
    def test_ceiling_is_the_least_quota_covering_the_households(self, h: int, per: int) -> None:
        policy = attrs.evolve(DEFAULT_POLICY, households_per_staff=per)
        quota = staff_quota(h, policy=policy)
        assert quota * per >= h
        assert (quota - 1) * per < h or quota == 0


class TestHiringPlan:
    def test_spec_worked_example(self) -> None:
        # SPEC §6 I-4, I-5: 1,150 households → 4 workers; none in post → shortfall 4;
        # 0.7 × 4 = 2.8 → 3 this year (half up), 1 later.
        plan = hiring_plan(1150, 0)
        assert (plan.quota, plan.shortfall, plan.this_year, plan.later) == (4, 4, 3, 1)
        assert plan.households == 1150
        assert plan.current_staff == 0
        assert plan.clauses == ("3.1",)
        assert "I-5" in plan.interpretations

    @pytest.mark.parametrize(
        ("policy", "this_year", "later"),
        [
            (DEFAULT_POLICY, 4, 1),  # 0.7 × 5 = 3.5 → 4 (half up)
            (FLOOR_HIRING, 3, 2),  # → 3
            (CEILING_HIRING, 4, 1),  # → 4
        ],
    )
    def test_alternatives_of_i5_on_a_half(self, policy: Policy, this_year: int, later: int) -> None:
        # 1,500 households → 5 workers; none in post → shortfall 5.
        plan = hiring_plan(1500, 0, policy=policy)
        assert (plan.shortfall, plan.this_year, plan.later) == (5, this_year, later)

    def test_floor_and_ceiling_on_the_spec_example(self) -> None:
        # 2.8 → floor 2, ceiling 3.
        assert hiring_plan(1150, 0, policy=FLOOR_HIRING).this_year == 2
        assert hiring_plan(1150, 0, policy=CEILING_HIRING).this_year == 3

    def test_partly_staffed(self) -> None:
        # 1,150 households, 2 in post: shortfall 2; 0.7 × 2 = 1.4 → 1 this year, 1 later.
        assert hiring_plan(1150, 2) == HiringPlan(
            quota=4, shortfall=2, this_year=1, later=1, households=1150, current_staff=2
        )

    def test_overstaffed_has_no_shortfall(self) -> None:
        plan = hiring_plan(1150, 9)
        assert (plan.shortfall, plan.this_year, plan.later) == (0, 0, 0)

    def test_this_year_is_the_adoption_year(self) -> None:
        assert hiring_plan(1150, 0).year is None
        assert hiring_plan(1150, 0, policy=attrs.evolve(DEFAULT_POLICY, adoption_year=2009)).year == 2009

    def test_no_hiring_this_year(self) -> None:
        plan = hiring_plan(1150, 0, policy=attrs.evolve(DEFAULT_POLICY, hiring_share_this_year=Decimal(0)))
        assert (plan.this_year, plan.later) == (0, 4)

    def test_bad_current_staff(self) -> None:
        with pytest.raises(InvalidValue) as info:
            hiring_plan(1150, -2)
        assert info.value.path == "current_staff"
        with pytest.raises(InvalidType):
            hiring_plan(1150, False)

    @given(h=households, staff=st.integers(min_value=0, max_value=10**5), policy=policies)
    def test_this_year_and_later_add_up_to_the_shortfall(self, h: int, staff: int, policy: Policy) -> None:
        plan = hiring_plan(h, staff, policy=policy)
        assert plan.this_year + plan.later == plan.shortfall
        assert 0 <= plan.this_year <= plan.shortfall
        assert plan.shortfall == max(0, plan.quota - staff)
        exact = policy.hiring_share_this_year * plan.shortfall
        assert abs(plan.this_year - exact) < 1


class TestCandidates:
    def test_construction(self) -> None:
        c = Candidate("C1", exam_score="78.5", education="bachelor", model_worker=True)
        assert c.exam_score == Decimal("78.5")
        assert c.education is Education.BACHELOR
        assert c.hukou_in_community is None

    @pytest.mark.parametrize(
        ("kwargs", "error", "path"),
        [
            ({"exam_score": 78.5}, InvalidType, "exam_score"),
            ({"exam_score": "-1"}, InvalidValue, "exam_score"),
            ({"exam_score": None}, InvalidType, "exam_score"),
            ({"exam_score": 80, "education": "phd"}, InvalidValue, "education"),
            ({"exam_score": 80, "model_worker": "yes"}, InvalidType, "model_worker"),
            (
                {"exam_score": 80, "grassroots_experience": False, "rich_grassroots_experience": True},
                InvalidValue,
                "grassroots_experience",
            ),
        ],
    )
    def test_bad_candidates(self, kwargs: dict[str, object], error: type[Error], path: str) -> None:
        with pytest.raises(error) as info:
            Candidate("C1", **kwargs)  # type: ignore[arg-type]
        assert info.value.path == path

    def test_priority_groups(self) -> None:
        resident = Candidate(
            "R", exam_score=70, hukou_in_community=True, permanent_resident=True, grassroots_experience=True
        )
        model = Candidate("M", exam_score=70, model_worker=True, rich_grassroots_experience=True)
        both = Candidate(
            "B",
            exam_score=70,
            hukou_in_community=True,
            permanent_resident=True,
            model_worker=True,
            rich_grassroots_experience=True,  # rich experience is experience
        )
        assert priority_groups(resident) == (PriorityGroup.RESIDENT,)
        assert priority_groups(model) == (PriorityGroup.MODEL_WORKER,)
        assert priority_groups(both) == (PriorityGroup.RESIDENT, PriorityGroup.MODEL_WORKER)

    @pytest.mark.parametrize(
        "kwargs",
        [
            # registered here but not shown to live here, or without experience
            {"hukou_in_community": True, "grassroots_experience": True},
            {"hukou_in_community": True, "permanent_resident": True, "grassroots_experience": False},
            {"hukou_in_community": None, "permanent_resident": True, "grassroots_experience": True},
            # a model worker with ordinary (not rich) experience
            {"model_worker": True, "grassroots_experience": True},
            {"model_worker": True, "rich_grassroots_experience": None},
        ],
    )
    def test_unknown_or_partial_facts_give_no_priority(self, kwargs: dict[str, object]) -> None:
        assert priority_groups(Candidate("X", exam_score=70, **kwargs)) == ()  # type: ignore[arg-type]

    def test_group_names_are_bilingual(self) -> None:
        assert PriorityGroup.RESIDENT.zh == "户口在本社区并具有基层工作经验的常住居民"
        assert PriorityGroup.MODEL_WORKER.zh == "基层工作经验丰富的劳模及先进工作者"
        assert "model" in PriorityGroup.MODEL_WORKER.en
        assert str(PriorityGroup.RESIDENT) == "resident"


def _pool() -> list[Candidate]:
    return [
        Candidate("A", exam_score="91.5", education="bachelor"),
        Candidate(
            "B",
            exam_score="84",
            education="junior_college",
            model_worker=True,
            rich_grassroots_experience=True,
        ),
        Candidate(
            "C",
            exam_score="88",
            education="secondary",
            hukou_in_community=True,
            permanent_resident=True,
            grassroots_experience=True,
        ),
        Candidate("D", exam_score="91.5"),
        Candidate(
            "E",
            exam_score="84",
            hukou_in_community=True,
            permanent_resident=True,
            rich_grassroots_experience=True,
        ),
        Candidate("F", exam_score="60", education="below_secondary"),
    ]


class TestRanking:
    def test_priority_first_then_score_then_id(self) -> None:
        # Priority tier: C (88), B (84), E (84) → C, then B and E tied on 84, by id.
        # The rest: A and D tied on 91.5 (by id), then F (60).
        ranking = rank_candidates(_pool())
        assert ranking.ids() == ("C", "B", "E", "A", "D", "F")
        assert [e.position for e in ranking] == [1, 2, 3, 4, 5, 6]
        assert [e.priority for e in ranking] == [True, True, True, False, False, False]
        assert len(ranking) == 6
        assert ranking.clauses == ("3.1",)

    def test_below_junior_college_is_never_a_rejection(self) -> None:
        # I-19: C (高中/中专) stays first; F (初中及以下) is ranked, not dropped.
        ranking = rank_candidates(_pool())
        assert ranking[0].candidate.id == "C"
        assert ranking[0].education is Status.NOT_MET
        assert ranking[5].education is Status.NOT_MET
        assert ranking[3].education is Status.MET  # A, bachelor
        assert ranking[4].education is Status.UNKNOWN  # D, not given
        assert "not a bar (I-19)" in ranking[0].reason_en
        assert "不作为排除条件" in ranking[0].reason_zh

    def test_every_entry_explains_its_place(self) -> None:
        ranking = rank_candidates(_pool())
        b, e = ranking[1], ranking[2]
        assert b.tied_with == ("E",)
        assert e.tied_with == ("B",)
        assert b.reason_en.startswith("2nd of 6: priority: a model or advanced worker")
        assert "tied on score with E, placed by candidate id" in b.reason_en
        assert "与 E 成绩相同，按候选人编号排列" in b.reason("zh")
        a = ranking[3]
        assert "no priority group" in a.reason_en
        assert "registered in the community: unknown" in a.reason_en
        assert a.reason_zh.startswith("第 4 名（共 6 名）：不属优先聘用人员")
        # Ties are within a tier only: A and D share 91.5, not with anyone of the priority tier.
        assert a.tied_with == ("D",)
        assert ranking[0].tied_with == ()

    def test_reason_language(self) -> None:
        with pytest.raises(InvalidValue):
            rank_candidates(_pool())[0].reason("fr")

    def test_empty(self) -> None:
        assert rank_candidates([]).ids() == ()

    def test_bad_input(self) -> None:
        with pytest.raises(InvalidType) as info:
            rank_candidates([Candidate("A", exam_score=1), "B"])  # type: ignore[list-item]
        assert info.value.path == "candidates[1]"
        with pytest.raises(InvalidValue) as dup:
            rank_candidates([Candidate("A", exam_score=1), Candidate("A", exam_score=2)])
        assert dup.value.path == "candidates[1].id"
        with pytest.raises(InvalidType):
            rank_candidates("AB")  # type: ignore[arg-type]

    @settings(max_examples=50)
    @given(st.permutations(_pool()))
    def test_independent_of_input_order(self, pool: list[Candidate]) -> None:
        assert rank_candidates(pool) == rank_candidates(_pool())

    @settings(max_examples=50)
    @given(
        st.lists(
            st.builds(
                Candidate,
                id=st.text(alphabet="abcdefgh", min_size=1, max_size=4),
                exam_score=st.integers(0, 20).map(lambda n: Decimal(n) * 5),
                model_worker=st.sampled_from([None, True, False]),
                rich_grassroots_experience=st.sampled_from([None, True]),
                hukou_in_community=st.sampled_from([None, True, False]),
                permanent_resident=st.sampled_from([None, True]),
                grassroots_experience=st.sampled_from([None, True]),
            ),
            unique_by=lambda c: c.id,
            max_size=12,
        )
    )
    def test_order_invariants(self, pool: list[Candidate]) -> None:
        ranking = rank_candidates(pool)
        entries = list(ranking)
        assert sorted(ranking.ids()) == sorted(c.id for c in pool)
        for first, second in itertools.pairwise(entries):
            # Never a non-priority candidate before a priority one; in a tier, scores fall.
            assert first.priority >= second.priority
            if first.priority == second.priority:
                assert first.candidate.exam_score >= second.candidate.exam_score
                if first.candidate.exam_score == second.candidate.exam_score:
                    assert first.candidate.id < second.candidate.id
                    assert second.candidate.id in first.tied_with


def _community(**kwargs: object) -> Community:
    return Community("C1", **kwargs)  # type: ignore[arg-type]


def _findings(community: Community, policy: Policy = DEFAULT_POLICY) -> dict[str, list[Finding]]:
    found: dict[str, list[Finding]] = {}
    for f in check_community(community, policy=policy, office="S1"):
        found.setdefault(f.rule, []).append(f)
    return found


class TestRules:
    def test_rule_table(self) -> None:
        assert [r.id for r in staffing.RULES] == [
            "staffing.quota",
            "staffing.hiring_plan",
            "staffing.education",
        ]
        for rule in staffing.RULES:
            assert rule.clause == "3.1"
            assert rule.title_en
            assert rule.title_zh
            assert rule.interpretations
            for name in rule.parameters:
                assert DEFAULT_POLICY.parameter(name).clause == "3.1"
        assert staffing.QUOTA.modality is Modality.IN_PRINCIPLE
        assert staffing.HIRING.modality is Modality.PERMISSIVE
        assert staffing.EDUCATION.modality is Modality.IN_PRINCIPLE

    def test_quota_not_met(self) -> None:
        # 1,150 households → 4; 2 in post → 2 short (in principle).
        c = _community(buildings=[Building("B1", 700), Building("B2", 450)], staff=2)
        quota = _findings(c)["staffing.quota"][0]
        assert quota.status is Status.NOT_MET
        assert (quota.required, quota.actual, quota.gap, quota.unit) == (4, 2, 2, "persons")
        assert quota.modality is Modality.IN_PRINCIPLE
        assert not quota.is_failure
        assert quota.office == "S1"
        assert quota.inputs == (("households", 1150), ("staff", 2))
        assert "I-4" in quota.interpretations
        assert "households_per_staff" in quota.parameters
        assert "2 short" in quota.message_en
        assert "缺额 2 人" in quota.message_zh

    def test_quota_met_when_at_or_above(self) -> None:
        for staff in (4, 6):
            quota = _findings(_community(households=1150, staff=staff))["staffing.quota"][0]
            assert quota.status is Status.MET
            assert quota.gap == 0

    def test_hiring_plan_information(self) -> None:
        c = _community(households=1150, staff=0)
        plan = _findings(c, attrs.evolve(DEFAULT_POLICY, adoption_year=2009))["staffing.hiring_plan"][0]
        assert plan.status is Status.MET
        assert plan.modality is Modality.PERMISSIVE
        assert (plan.required, plan.actual, plan.gap) == (3, 4, 1)
        assert "this year (2009) up to 3 may be hired" in plan.message_en
        assert "今年（2009年）可录用 3 人" in plan.message_zh

    def test_hiring_plan_without_adoption_year_says_so_and_does_not_raise(self) -> None:
        plan = _findings(_community(households=1150, staff=0))["staffing.hiring_plan"][0]
        assert "Policy.adoption_year not set" in plan.message_en
        with pytest.raises(PolicyNotSet):
            DEFAULT_POLICY.year()

    def test_hiring_plan_not_applicable_without_shortfall(self) -> None:
        plan = _findings(_community(households=1150, staff=4))["staffing.hiring_plan"][0]
        assert plan.status is Status.NOT_APPLICABLE
        assert "nothing to hire" in plan.message_en

    @pytest.mark.parametrize(
        ("kwargs", "required", "actual"),
        [
            ({"staff": 3}, None, 3),  # households not known
            ({"households": 1150}, 4, None),  # staff not known
        ],
    )
    def test_unknown_inputs_give_unknown(
        self, kwargs: dict[str, object], required: object, actual: object
    ) -> None:
        found = _findings(_community(**kwargs))
        for rule in ("staffing.quota", "staffing.hiring_plan"):
            (f,) = found[rule]
            assert f.status is Status.UNKNOWN
            assert f.required == required

    def test_education_per_staff_member(self) -> None:
        members = [
            StaffMember("S1", education="bachelor"),
            StaffMember("S2", education="junior_college"),  # 大专 itself meets 大专以上
            StaffMember("S3", education="secondary"),
            StaffMember("S4"),
        ]
        found = _findings(_community(households=1150, staff_members=members))
        education = found["staffing.education"]
        assert [(f.subject, f.status) for f in education] == [
            ("S1", Status.MET),
            ("S2", Status.MET),
            ("S3", Status.NOT_MET),
            ("S4", Status.UNKNOWN),
        ]
        s3 = education[2]
        assert s3.modality is Modality.IN_PRINCIPLE
        assert (s3.required, s3.actual) == ("junior_college", "secondary")
        assert "I-19" in s3.message_en
        assert "大专" in s3.message_zh
        assert s3.inputs == (("staff_members[S3].education", "secondary"),)

    def test_education_policy_threshold(self) -> None:
        bachelor = attrs.evolve(DEFAULT_POLICY, minimum_education=Education.BACHELOR)
        assert check_education("S", Education.JUNIOR_COLLEGE, policy=bachelor).status is Status.NOT_MET
        assert check_education("S", Education.POSTGRADUATE, policy=bachelor).status is Status.MET

    def test_education_without_staff_list(self) -> None:
        none_in_post = _findings(_community(households=100, staff=0))["staffing.education"]
        assert [f.status for f in none_in_post] == [Status.NOT_APPLICABLE]
        unlisted = _findings(_community(households=100, staff=2))["staffing.education"]
        assert [f.status for f in unlisted] == [Status.UNKNOWN]

    def test_every_finding_is_complete_and_bilingual(self) -> None:
        members = [StaffMember("S1", education="bachelor")]
        for c in (
            _community(households=1150, staff_members=members),
            _community(),
            _community(households=0, staff=0),
        ):
            for f in check_community(c):
                assert f.rule in {r.id for r in staffing.RULES}
                assert f.clause == "3.1"
                assert f.community == "C1"
                assert f.message_en
                assert f.message_zh
                assert f.inputs
                assert f.interpretations

    def test_rules_module_protocol(self) -> None:
        assert callable(staffing.check_community)
        assert isinstance(staffing.RULES, tuple)


# --- found by mutation testing ----------------------------------------------------------------
# The findings below are written out whole (every field, both messages), for hand-worked
# inputs: 1 committee worker per 300 households, rounded up; this year 70 % of the shortfall,
# rounded half up; a junior-college (大专) diploma or higher in principle.

ADOPTED_2009 = attrs.evolve(DEFAULT_POLICY, adoption_year=2009)


def _quota(status: Status, **fields: Any) -> Finding:
    return Finding(
        "staffing.quota",
        "3.1",
        status,
        Modality.IN_PRINCIPLE,
        community="C1",
        office="S1",
        unit="persons",
        parameters=("households_per_staff", "staff_quota_rounding"),
        interpretations=("I-4",),
        **fields,
    )


def _hiring(status: Status, **fields: Any) -> Finding:
    return Finding(
        "staffing.hiring_plan",
        "3.1",
        status,
        Modality.PERMISSIVE,
        community="C1",
        office="S1",
        unit="persons",
        parameters=("households_per_staff", "hiring_share_this_year", "hiring_rounding", "adoption_year"),
        interpretations=("I-4", "I-5", "I-13"),
        **fields,
    )


def _education(status: Status, **fields: Any) -> Finding:
    return Finding(
        "staffing.education",
        "3.1",
        status,
        Modality.IN_PRINCIPLE,
        parameters=("minimum_education",),
        interpretations=("I-19",),
        **fields,
    )


def _checked(community: Community, policy: Policy = DEFAULT_POLICY) -> list[Finding]:
    return list(check_community(community, policy=policy, office="S1"))


class TestQuotaFindingsInFull:
    def test_short_of_the_quota(self) -> None:
        # 1,150 households → ceil(1150 / 300) = 4; 2 in post → 2 short; 70 % × 2 = 1.4 → 1
        # this year (half up), 1 later; the staff are not listed.
        c = _community(buildings=[Building("B1", 700), Building("B2", 450)], staff=2)
        inputs = (("households", 1150), ("staff", 2))
        assert _checked(c, ADOPTED_2009) == [
            _quota(
                Status.NOT_MET,
                required=4,
                actual=2,
                gap=2,
                message_en="2 staff in post; 1150 households call for 4 (1 per 300): 2 short",
                message_zh="在岗工作人员 2 人；1150 户应配备 4 人（每300户1人），缺额 2 人",
                inputs=inputs,
            ),
            _hiring(
                Status.MET,
                required=1,
                actual=2,
                gap=1,
                message_en="shortfall 2: this year (2009) up to 1 may be hired "
                "(70 % of the shortfall, half up), 1 later",
                message_zh="缺额 2 人：今年（2009年）可录用 1 人（缺额的 70%），其余 1 人逐步配齐",
                inputs=inputs,
            ),
            _education(
                Status.UNKNOWN,
                community="C1",
                office="S1",
                required="junior_college",
                message_en="the staff members are not listed, so their education (junior college or "
                "higher in principle) is not known",
                message_zh="未列出工作人员，学历（原则上大专以上）未知",
                inputs=(("staff", 2), ("staff_members", 0)),
            ),
        ]

    def test_at_the_quota(self) -> None:
        # 1,150 households call for 4; 4 in post: met, no shortfall, nothing to hire.
        inputs = (("households", 1150), ("staff", 4))
        quota, plan, _ = _checked(_community(households=1150, staff=4))
        assert quota == _quota(
            Status.MET,
            required=4,
            actual=4,
            gap=0,
            message_en="4 staff in post; 1150 households call for 4 (1 per 300)",
            message_zh="在岗工作人员 4 人；1150 户应配备 4 人（每300户1人）",
            inputs=inputs,
        )
        assert plan == _hiring(
            Status.NOT_APPLICABLE,
            required=0,
            actual=0,
            gap=0,
            message_en="no shortfall (4 in post, quota 4): nothing to hire",
            message_zh="无缺额（在岗 4 人，标准 4 人），无需录用",
            inputs=inputs,
        )

    def test_one_short(self) -> None:
        # 3 of 4 in post: 1 short; 70 % × 1 = 0.7 → 1 this year, none later.
        quota, plan, _ = _checked(_community(households=1150, staff=3))
        assert (quota.status, quota.gap) == (Status.NOT_MET, 1)
        assert quota.message_en.endswith(": 1 short")
        assert (plan.status, plan.required, plan.actual, plan.gap) == (Status.MET, 1, 1, 0)

    def test_hiring_without_adoption_year_and_floor_rounding(self) -> None:
        # 1,500 households → 5, none in post: 70 % × 5 = 3.5 → 3 by the floor reading, 2 later.
        plan = _checked(_community(households=1500, staff=0), FLOOR_HIRING)[1]
        assert plan == _hiring(
            Status.MET,
            required=3,
            actual=5,
            gap=2,
            message_en="shortfall 5: this year (Policy.adoption_year not set) up to 3 may be hired "
            "(70 % of the shortfall, floor), 2 later",
            message_zh="缺额 5 人：今年（未设置 Policy.adoption_year）可录用 3 人（缺额的 70%），其余 2 人逐步配齐",
            inputs=(("households", 1500), ("staff", 0)),
        )

    def test_the_numbers_come_from_the_policy(self) -> None:
        # 1 per 250: 1,150 households → ceil(4.6) = 5; 1 in post → 4 short; 65 % × 4 = 2.6 →
        # 3 half up, 1 later.
        policy = attrs.evolve(
            DEFAULT_POLICY, households_per_staff=250, hiring_share_this_year=Decimal("0.65")
        )
        quota, plan, _ = _checked(_community(households=1150, staff=1), policy)
        assert quota.message_en == "1 staff in post; 1150 households call for 5 (1 per 250): 4 short"
        assert quota.message_zh == "在岗工作人员 1 人；1150 户应配备 5 人（每250户1人），缺额 4 人"
        assert (plan.required, plan.actual, plan.gap) == (3, 4, 1)
        assert plan.message_en == (
            "shortfall 4: this year (Policy.adoption_year not set) up to 3 may be hired "
            "(65 % of the shortfall, half up), 1 later"
        )
        assert "（缺额的 65%）" in plan.message_zh

    def test_households_not_known(self) -> None:
        inputs = (("households", None), ("staff", 3))
        expected = {
            "message_en": "households not known, so the quota (1 per 300 households) is not known",
            "message_zh": "户数未知，无法确定按每300户1人配备的标准人数",
            "actual": 3,
            "inputs": inputs,
        }
        quota, plan, education = _checked(_community(staff=3))
        assert quota == _quota(Status.UNKNOWN, **expected)
        assert plan == _hiring(Status.UNKNOWN, **expected)
        assert education.status is Status.UNKNOWN
        per_250 = attrs.evolve(DEFAULT_POLICY, households_per_staff=250)
        assert "1 per 250 households" in _checked(_community(staff=3), per_250)[0].message_en
        assert "每250户1人" in _checked(_community(staff=3), per_250)[1].message_zh

    def test_staff_not_known(self) -> None:
        # 1,150 households call for 4; the staff in post are not known.
        inputs = (("households", 1150), ("staff", None))
        expected = {
            "required": 4,
            "message_en": "1150 households call for 4 staff (1 per 300); staff in post not known",
            "message_zh": "1150 户应配备工作人员 4 人（每300户1人）；在岗人数未知",
            "inputs": inputs,
        }
        quota, plan, education = _checked(_community(households=1150))
        assert quota == _quota(Status.UNKNOWN, **expected)
        assert plan == _hiring(Status.UNKNOWN, **expected)
        # Staff not known is not "none in post": their education is not known either.
        assert education.status is Status.UNKNOWN
        per_250 = attrs.evolve(DEFAULT_POLICY, households_per_staff=250)
        assert _checked(_community(households=1150), per_250)[0].required == 5

    def test_no_households_and_no_staff(self) -> None:
        inputs = (("households", 0), ("staff", 0))
        assert _checked(_community(households=0, staff=0)) == [
            _quota(
                Status.MET,
                required=0,
                actual=0,
                gap=0,
                message_en="0 staff in post; 0 households call for 0 (1 per 300)",
                message_zh="在岗工作人员 0 人；0 户应配备 0 人（每300户1人）",
                inputs=inputs,
            ),
            _hiring(
                Status.NOT_APPLICABLE,
                required=0,
                actual=0,
                gap=0,
                message_en="no shortfall (0 in post, quota 0): nothing to hire",
                message_zh="无缺额（在岗 0 人，标准 0 人），无需录用",
                inputs=inputs,
            ),
            _education(
                Status.NOT_APPLICABLE,
                community="C1",
                office="S1",
                required="junior_college",
                message_en="no staff in post, so no education to check",
                message_zh="无在岗工作人员，无需核查学历",
                inputs=(("staff", 0), ("staff_members", 0)),
            ),
        ]

    def test_the_hiring_plan_follows_the_policy(self) -> None:
        # 1,150 households, none in post: 2.8 → 2 by the floor reading (3 by default).
        plan = _checked(_community(households=1150, staff=0), FLOOR_HIRING)[1]
        assert (plan.required, plan.gap) == (2, 2)


class TestEducationFindingsInFull:
    def test_each_level(self) -> None:
        members = [
            StaffMember("S1", education="bachelor"),
            StaffMember("S2", education="secondary"),
            StaffMember("S3"),
        ]
        found = _checked(_community(households=1150, staff_members=members))[2:]
        common = {"community": "C1", "office": "S1", "required": "junior_college"}
        assert found == [
            _education(
                Status.MET,
                subject="S1",
                actual="bachelor",
                message_en="S1: bachelor meets junior college (大专) or higher",
                message_zh="S1：本科，符合大专以上学历",
                inputs=(("staff_members[S1].education", "bachelor"),),
                **common,
            ),
            _education(
                Status.NOT_MET,
                subject="S2",
                actual="secondary",
                message_en="S2: secondary is below junior college (大专); an in-principle requirement "
                "(原则上), reported, not a bar (I-19)",
                message_zh="S2：高中/中专，低于大专；属“原则上”要求，予以提示，不作为排除条件（I-19）",
                inputs=(("staff_members[S2].education", "secondary"),),
                **common,
            ),
            _education(
                Status.UNKNOWN,
                subject="S3",
                message_en="S3: education not known; in principle junior college (大专) or higher",
                message_zh="S3：学历未知；原则上应具有大专以上学历",
                inputs=(("staff_members[S3].education", None),),
                **common,
            ),
        ]

    def test_the_minimum_comes_from_the_policy(self) -> None:
        bachelor = attrs.evolve(DEFAULT_POLICY, minimum_education=Education.BACHELOR)
        members = [StaffMember("S1", education="junior_college")]
        (finding,) = _checked(_community(households=1150, staff_members=members), bachelor)[2:]
        assert (finding.status, finding.required) == (Status.NOT_MET, "bachelor")
        assert finding.message_en.startswith("S1: junior college is below bachelor (本科)")
        unlisted = _checked(_community(households=1150, staff=2), bachelor)[2]
        assert unlisted.required == "bachelor"
        assert "(bachelor or higher in principle)" in unlisted.message_en
        assert "原则上本科以上" in unlisted.message_zh
        assert _checked(_community(households=0, staff=0), bachelor)[2].required == "bachelor"

    def test_education_given_as_text(self) -> None:
        finding = check_education("S1", "bachelor")  # type: ignore[arg-type]
        assert (finding.status, finding.actual) == (Status.MET, "bachelor")
        assert finding.community is None
        assert finding.subject == "S1"

    @pytest.mark.parametrize(
        ("subject", "education", "kwargs", "error", "path"),
        [
            ("S1", "phd", {}, InvalidValue, "education"),
            (1, None, {}, InvalidType, "subject"),
            ("S1", None, {"policy": None}, InvalidType, "policy"),
        ],
    )
    def test_bad_arguments_name_their_field(
        self, subject: object, education: object, kwargs: dict[str, object], error: type[Error], path: str
    ) -> None:
        with pytest.raises(error) as info:
            check_education(subject, education, **kwargs)  # type: ignore[arg-type]
        assert info.value.path == path


class TestRankingReasonsInFull:
    RESIDENT_EN = "a registered permanent resident of the community with grassroots experience"
    MODEL_EN = "a model or advanced worker with rich grassroots experience"

    def test_reasons_of_the_pool(self) -> None:
        # 3.1's two priority groups first (C 88, then B and E tied on 84, by id), then the
        # rest by exam score (A and D tied on 91.5, by id; then F 60).
        ranking = rank_candidates(_pool())
        assert [(e.reason_en, e.reason_zh) for e in ranking] == [
            (
                f"1st of 6: priority: {self.RESIDENT_EN}; exam score 88; "
                "below junior college (大专): an in-principle matter, not a bar (I-19)",
                "第 1 名（共 6 名）：优先聘用：户口在本社区并具有基层工作经验的常住居民；考试成绩 88；"
                "学历低于大专：属“原则上”要求，不作为排除条件（I-19）",
            ),
            (
                f"2nd of 6: priority: {self.MODEL_EN}; exam score 84; tied on score with E, placed by candidate id",
                "第 2 名（共 6 名）：优先聘用：基层工作经验丰富的劳模及先进工作者；考试成绩 84；"
                "与 E 成绩相同，按候选人编号排列",
            ),
            (
                f"3rd of 6: priority: {self.RESIDENT_EN}; exam score 84; "
                "tied on score with B, placed by candidate id; education not known",
                "第 3 名（共 6 名）：优先聘用：户口在本社区并具有基层工作经验的常住居民；考试成绩 84；"
                "与 B 成绩相同，按候选人编号排列；学历未知",
            ),
            (
                f"4th of 6: no priority group (not shown to be {self.RESIDENT_EN} (registered in the "
                "community: unknown, permanent resident: unknown, grassroots experience: unknown); "
                f"not shown to be {self.MODEL_EN} (model or advanced worker: unknown, rich grassroots "
                "experience: unknown)); exam score 91.5; tied on score with D, placed by candidate id",
                "第 4 名（共 6 名）：不属优先聘用人员（未证明为户口在本社区并具有基层工作经验的常住居民"
                "（户口在本社区：未知，常住居民：未知，基层工作经验：未知）；未证明为基层工作经验丰富的"
                "劳模及先进工作者（劳模或先进工作者：未知，基层工作经验丰富：未知））；考试成绩 91.5；"
                "与 D 成绩相同，按候选人编号排列",
            ),
            (
                f"5th of 6: no priority group (not shown to be {self.RESIDENT_EN} (registered in the "
                "community: unknown, permanent resident: unknown, grassroots experience: unknown); "
                f"not shown to be {self.MODEL_EN} (model or advanced worker: unknown, rich grassroots "
                "experience: unknown)); exam score 91.5; tied on score with A, placed by candidate id; "
                "education not known",
                "第 5 名（共 6 名）：不属优先聘用人员（未证明为户口在本社区并具有基层工作经验的常住居民"
                "（户口在本社区：未知，常住居民：未知，基层工作经验：未知）；未证明为基层工作经验丰富的"
                "劳模及先进工作者（劳模或先进工作者：未知，基层工作经验丰富：未知））；考试成绩 91.5；"
                "与 A 成绩相同，按候选人编号排列；学历未知",
            ),
            (
                f"6th of 6: no priority group (not shown to be {self.RESIDENT_EN} (registered in the "
                "community: unknown, permanent resident: unknown, grassroots experience: unknown); "
                f"not shown to be {self.MODEL_EN} (model or advanced worker: unknown, rich grassroots "
                "experience: unknown)); exam score 60; "
                "below junior college (大专): an in-principle matter, not a bar (I-19)",
                "第 6 名（共 6 名）：不属优先聘用人员（未证明为户口在本社区并具有基层工作经验的常住居民"
                "（户口在本社区：未知，常住居民：未知，基层工作经验：未知）；未证明为基层工作经验丰富的"
                "劳模及先进工作者（劳模或先进工作者：未知，基层工作经验丰富：未知））；考试成绩 60；"
                "学历低于大专：属“原则上”要求，不作为排除条件（I-19）",
            ),
        ]

    def test_what_is_missing_names_only_the_facts_not_shown(self) -> None:
        # Registered here with experience, but not living here; not a model worker; rich
        # experience not known. Rich experience alone counts as experience.
        g = Candidate(
            "G",
            exam_score=70,
            education="bachelor",
            hukou_in_community=True,
            permanent_resident=False,
            grassroots_experience=True,
            model_worker=False,
        )
        h = Candidate("H", exam_score=65, education="bachelor", rich_grassroots_experience=True)
        first, second = rank_candidates([h, g])
        assert first.reason_en == (
            f"1st of 2: no priority group (not shown to be {self.RESIDENT_EN} (permanent resident: no); "
            f"not shown to be {self.MODEL_EN} (model or advanced worker: no, rich grassroots experience: "
            "unknown)); exam score 70"
        )
        assert first.reason_zh == (
            "第 1 名（共 2 名）：不属优先聘用人员（未证明为户口在本社区并具有基层工作经验的常住居民（常住居民：否）；"
            "未证明为基层工作经验丰富的劳模及先进工作者（劳模或先进工作者：否，基层工作经验丰富：未知））；考试成绩 70"
        )
        assert second.reason_en == (
            f"2nd of 2: no priority group (not shown to be {self.RESIDENT_EN} (registered in the community: "
            f"unknown, permanent resident: unknown); not shown to be {self.MODEL_EN} (model or advanced "
            "worker: unknown)); exam score 65"
        )

    def test_in_both_groups(self) -> None:
        both = Candidate(
            "B",
            exam_score=70,
            education="junior_college",
            hukou_in_community=True,
            permanent_resident=True,
            model_worker=True,
            rich_grassroots_experience=True,
        )
        (entry,) = rank_candidates([both])
        assert entry.reason_en == f"1st of 1: priority: {self.RESIDENT_EN} and {self.MODEL_EN}; exam score 70"
        assert entry.reason_zh == (
            "第 1 名（共 1 名）：优先聘用：户口在本社区并具有基层工作经验的常住居民、基层工作经验丰富的劳模及先进工作者；"
            "考试成绩 70"
        )
        assert entry.reason() == entry.reason_en
        assert entry.reason("en") == entry.reason_en
        assert entry.reason("zh") == entry.reason_zh

    def test_tied_with_several(self) -> None:
        ranking = rank_candidates([Candidate(i, exam_score=80, education="bachelor") for i in "CAB"])
        assert ranking.ids() == ("A", "B", "C")
        assert ranking[0].tied_with == ("B", "C")
        assert ranking[0].reason_en.endswith(
            "; exam score 80; tied on score with B, C, placed by candidate id"
        )
        assert ranking[0].reason_zh.endswith("；考试成绩 80；与 B、C 成绩相同，按候选人编号排列")

    def test_positions_read_as_ordinals(self) -> None:
        pool = [Candidate(f"C{n:03d}", exam_score=200 - n, education="bachelor") for n in range(1, 122)]
        prefixes = {e.position: e.reason_en.split(":")[0] for e in rank_candidates(pool)}
        expected = {
            1: "1st",
            2: "2nd",
            3: "3rd",
            4: "4th",
            10: "10th",
            11: "11th",
            12: "12th",
            13: "13th",
            20: "20th",
            21: "21st",
            22: "22nd",
            23: "23rd",
            100: "100th",
            101: "101st",
            102: "102nd",
            103: "103rd",
            111: "111th",
            112: "112th",
            113: "113th",
            121: "121st",
        }
        assert {n: prefixes[n] for n in expected} == {n: f"{o} of 121" for n, o in expected.items()}
        assert rank_candidates(pool)[120].reason_zh.startswith("第 121 名（共 121 名）：")

    def test_the_minimum_comes_from_the_policy(self) -> None:
        bachelor = attrs.evolve(DEFAULT_POLICY, minimum_education=Education.BACHELOR)
        (entry,) = rank_candidates(
            [Candidate("A", exam_score=80, education="junior_college")], policy=bachelor
        )
        assert entry.education is Status.NOT_MET
        assert entry.reason_en.endswith("; below bachelor (本科): an in-principle matter, not a bar (I-19)")
        assert entry.reason_zh.endswith("；学历低于本科：属“原则上”要求，不作为排除条件（I-19）")

    def test_errors_name_their_field(self) -> None:
        with pytest.raises(InvalidValue) as lang:
            rank_candidates(_pool())[0].reason("fr")
        assert lang.value.path == "lang"
        for bad in ("AB", 5):
            with pytest.raises(InvalidType) as info:
                rank_candidates(bad)  # type: ignore[arg-type]
            assert info.value.path == "candidates"
        with pytest.raises(InvalidType) as policy:
            rank_candidates([], policy=None)  # type: ignore[arg-type]
        assert policy.value.path == "policy"

    def test_plan_and_ranking_name_their_sources(self) -> None:
        assert hiring_plan(1150, 0).interpretations == ("I-4", "I-5", "I-13")
        assert rank_candidates([]).interpretations == ("I-19",)
        assert rank_candidates([]).clauses == ("3.1",)


def _error(error: Error, path: str, value: object, message_en: str, message_zh: str) -> None:
    assert (error.path, error.value, error.message_en, error.message_zh) == (
        path,
        value,
        message_en,
        message_zh,
    )


class TestErrorsInFull:
    def test_contradictory_experience(self) -> None:
        with pytest.raises(InvalidValue) as info:
            Candidate("C1", exam_score=80, grassroots_experience=False, rich_grassroots_experience=True)
        _error(
            info.value,
            "grassroots_experience",
            False,
            "contradicts rich_grassroots_experience=True",
            "与 rich_grassroots_experience=True 相矛盾",
        )

    def test_reason_in_an_unknown_language(self) -> None:
        with pytest.raises(InvalidValue) as info:
            rank_candidates(_pool())[0].reason("fr")
        _error(
            info.value, "lang", "fr", "is not a language (valid: zh, en)", "不是有效语言（有效值：zh, en）"
        )

    def test_bad_candidates(self) -> None:
        with pytest.raises(InvalidType) as not_a_list:
            rank_candidates("AB")  # type: ignore[arg-type]
        _error(
            not_a_list.value, "candidates", "AB", "expected a sequence of Candidate", "应为 Candidate 序列"
        )
        with pytest.raises(InvalidType) as not_a_candidate:
            rank_candidates([Candidate("A", exam_score=1), "B"])  # type: ignore[list-item]
        _error(
            not_a_candidate.value,
            "candidates[1]",
            "B",
            "is a str; expected a Candidate",
            "类型为 str；应为 Candidate",
        )
        with pytest.raises(InvalidValue) as duplicate:
            rank_candidates(
                [Candidate("A", exam_score=1), Candidate("B", exam_score=1), Candidate("A", exam_score=2)]
            )
        _error(duplicate.value, "candidates[2].id", "A", "is a duplicate candidate id", "是重复的候选人编号")

    def test_priority_groups_of_a_non_candidate(self) -> None:
        with pytest.raises(InvalidType) as info:
            priority_groups(None)  # type: ignore[arg-type]
        assert info.value.path == "candidate"

    @pytest.mark.parametrize(
        "call",
        [
            lambda: staff_quota(1150, policy=None),
            lambda: hiring_plan(1150, 0, policy=None),
        ],
    )
    def test_policy_must_be_a_policy(self, call: Any) -> None:
        with pytest.raises(InvalidType) as info:
            call()
        assert info.value.path == "policy"
