"""Tests of community_rules.staffing: quota, hiring plan, candidates, checks (clause 3.1)."""

from __future__ import annotations

import itertools
from decimal import Decimal

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
