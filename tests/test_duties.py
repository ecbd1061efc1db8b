"""Tests of community_rules.duties (clauses 4.1 and 4.2, with the duties of 3.1–3.3 and 4.3).

The data are checked against the opinion itself: every department 4.2 names
has duties, every duty quotes its clause word for word, the glossary's names
are used, and the overlaps rules.md notes are recorded, not resolved.
"""

from __future__ import annotations

import pytest

from community_rules import duties
from community_rules.duties import (
    DEPARTMENTS,
    DUTIES,
    OVERLAPS,
    RULES,
    STEERING_COMMITTEE,
    Department,
    Duty,
    OverlapKind,
    Topic,
    check_community,
    check_district,
    department,
    duties_of,
    responsible_for,
    topic,
)
from community_rules.errors import InvalidValue
from community_rules.model import Community, District
from community_rules.opinion import clause, glossary

# Every body clause 4.2 names, as its text writes it.
NAMED_IN_4_2 = (
    "街道办事处",
    "社会事业局",
    "管委办公室",
    "宣传部",
    "监察审计局",
    "财政局",
    "建设局",
    "人事劳动局",
    "政法",
    "法院",
    "公安",
    "经济发展局",
    "工商",
    "税务",
    "土地",
    "规划",
    "其他相关部门",
)


def ids(duties: tuple[object, ...]) -> list[str]:
    return [d.id for d in duties]  # type: ignore[attr-defined]


class TestData:
    @pytest.mark.parametrize("name", NAMED_IN_4_2)
    def test_every_body_of_4_2_has_duties(self, name: str) -> None:
        assert name in clause("4.2").text_zh
        dept = department(name)
        assert any(d.clause == "4.2" for d in duties_of(dept))

    def test_duties_quote_their_clause_verbatim(self) -> None:
        for d in DUTIES:
            assert d.zh in clause(d.clause).text_zh, d.id
            assert (d.text("zh"), d.text("en")) == (d.zh, d.en)
            assert d.en
            assert d.topics

    def test_duty_ids_unique_and_in_order(self) -> None:
        assert len({d.id for d in DUTIES}) == len(DUTIES)
        order = [tuple(int(x) for x in d.clause.split(".")) for d in DUTIES]
        assert order == sorted(order)

    def test_glossary_names(self) -> None:
        terms = glossary()
        for dept in DEPARTMENTS:
            if dept.glossary:
                assert terms[dept.zh] == dept.en, dept.key
            else:
                assert dept.zh not in terms or terms[dept.zh] != dept.en

    def test_every_name_finds_its_own_department(self) -> None:
        for dept in DEPARTMENTS:
            for name in (dept.key, dept.zh, dept.en, *dept.aliases):
                assert department(name) is dept, name

    def test_every_topic_has_someone(self) -> None:
        for t in Topic:
            assert responsible_for(t).departments, t

    def test_topics_bilingual(self) -> None:
        assert (Topic.BUDGETING.zh, Topic.BUDGETING.en, str(Topic.BUDGETING)) == (
            "预算",
            "budgeting",
            "budgeting",
        )
        assert Topic.PREFERENTIAL_POLICIES.en == "preferential policies"


class TestLookups:
    def test_duties_of_by_chinese_and_english(self) -> None:
        # The Personnel and Labour Bureau: jointly in 3.1 (R18, R23), alone in 4.2 (R46).
        expected = ["R18.1", "R23.1", "R46.2", "R46.3"]
        assert ids(duties_of("人事劳动局")) == expected
        assert ids(duties_of("Personnel and Labour Bureau")) == expected
        assert ids(duties_of("  personnel  and labour BUREAU ")) == expected
        assert ids(duties_of(department("personnel_labour_bureau"))) == expected

    def test_sub_district_office_by_alias(self) -> None:
        assert duties_of("办事处") == duties_of("sub-district office")
        assert "R41.1" in ids(duties_of("街道"))

    def test_construction_bureau(self) -> None:
        # 3.3 (R37: public rooms) and 4.2 (R46: survey, recovery, a solution per community).
        assert ids(duties_of("建设局")) == ["R37.1", "R46.1"]

    def test_joint_duties(self) -> None:
        security = duties_of("公安")
        assert ids(security) == ["R47.1"]
        assert [dept.en for dept in security[0].departments] == [
            "political-legal departments",
            "court",
            "public security department",
        ]
        assert security[0].joint

    def test_unknown_department_lists_valid(self) -> None:
        with pytest.raises(InvalidValue) as err:
            duties_of("Ministry of Magic")
        assert err.value.path == "department"
        assert "社会事业局 Social Affairs Bureau" in err.value.message_en
        assert "社会事业局（Social Affairs Bureau）" in err.value.message_zh

    def test_not_a_name(self) -> None:
        with pytest.raises(InvalidValue):
            department(42)  # type: ignore[arg-type]

    def test_department_names(self) -> None:
        dept = department("财政局")
        assert isinstance(dept, Department)
        assert (dept.name("zh"), dept.name("en")) == ("财政局", "Finance Bureau")

    @pytest.mark.parametrize(
        ("name", "who"),
        [
            ("budgeting", ["Finance Bureau"]),
            ("预算", ["Finance Bureau"]),
            ("audit", ["Supervision and Audit Bureau"]),
            ("publicity", ["Publicity Department"]),
            ("security", ["political-legal departments", "court", "public security department"]),
            (
                "preferential policies",
                ["Economic Development Bureau", "industry and commerce department", "tax department"],
            ),
            (
                "优惠政策",
                ["Economic Development Bureau", "industry and commerce department", "tax department"],
            ),
        ],
    )
    def test_responsible_for(self, name: str, who: list[str]) -> None:
        assert [d.en for d in responsible_for(name).departments] == who

    def test_responsible_for_premises(self) -> None:
        r = responsible_for(Topic.PREMISES)
        assert [d.key for d in r.departments] == [
            "construction_bureau",
            "sub_district_office",
            "land",
            "planning",
        ]
        assert r.clauses == ("3.3", "4.2")
        assert [o.id for o in r.overlaps] == ["public_rooms"]

    def test_responsible_for_planning(self) -> None:
        r = responsible_for("规划")
        assert [d.key for d in r.departments] == ["social_affairs_bureau", "land", "planning"]

    def test_unknown_topic_lists_valid(self) -> None:
        with pytest.raises(InvalidValue) as err:
            responsible_for("tea")
        assert err.value.path == "topic"
        assert "recruitment" in err.value.message_en
        assert "招聘" in err.value.message_zh

    def test_topic_names(self) -> None:
        assert topic("Duty lists") is Topic.DUTY_LISTS
        assert topic("duty-lists") is Topic.DUTY_LISTS
        assert topic(" 审计 ") is Topic.AUDIT
        assert topic(Topic.LAND) is Topic.LAND


class TestOverlaps:
    def test_recruitment_conflict(self) -> None:
        # rules.md: R18/R23 (3.1, three bodies jointly) vs R46 (4.2, the Personnel and Labour Bureau alone).
        (o,) = [o for o in OVERLAPS if o.id == "recruitment"]
        assert o.kind is OverlapKind.CONFLICT
        assert ids(o.duties) == ["R18.1", "R23.1", "R46.2"]
        assert o.clauses == ("3.1", "4.2")
        assert [d.key for d in o.departments] == [
            "personnel_labour_bureau",
            "social_affairs_bureau",
            "sub_district_office",
        ]
        assert "(3.1)" in o.question_en
        assert "（4.2）" in o.question_zh
        # Recorded, not resolved: both readings stay answers to "who recruits?".
        r = responsible_for("recruitment")
        assert ids(r.duties) == ["R18.1", "R23.1", "R46.2"]
        assert r.overlaps == (o,)

    def test_assessment_conflict(self) -> None:
        # rules.md: R42 vs R43/R50 — who scores the sub-district offices?
        (o,) = [o for o in OVERLAPS if o.id == "assessment_of_offices"]
        assert o.kind is OverlapKind.CONFLICT
        assert ids(o.duties) == ["R42.2", "R43.1", "R50.1", "R59.1"]
        assert [d.key for d in o.departments] == [
            "social_affairs_bureau",
            "management_committee_office",
            "management_committee",
        ]
        assert o in responsible_for("assessment").overlaps

    def test_public_rooms_repeat(self) -> None:
        (o,) = [o for o in OVERLAPS if o.id == "public_rooms"]
        assert o.kind is OverlapKind.REPEAT
        assert [d.key for d in o.departments] == ["construction_bureau"]

    def test_overlapping_duties_share_the_topic(self) -> None:
        for o in OVERLAPS:
            assert all(o.topic in d.topics for d in o.duties)
            assert len(o.duties) >= 2
            assert str(o.kind) == o.kind.value


class TestSteeringCommittee:
    def test_composition(self) -> None:
        sc = STEERING_COMMITTEE
        assert (sc.zh, sc.en, sc.clause) == (
            "社区建设工作指导委员会",
            "Community Building Work Steering Committee",
            "4.1",
        )
        assert glossary()[sc.zh] == sc.en
        assert [m.zh for m in sc.directors] == ["区党工委", "管委会"]
        assert [m.zh for m in sc.members] == ["区直相关部门", "驻区部分单位", "镇", "街道"]
        assert [m.en for m in sc.functions] == [
            "organisation",
            "guidance",
            "coordination",
            "direct participation",
        ]
        assert len(sc.open_questions) == 2

    def test_words_from_the_clause(self) -> None:
        text = clause("4.1").text_zh
        for m in (*STEERING_COMMITTEE.directors, *STEERING_COMMITTEE.members, *STEERING_COMMITTEE.functions):
            assert m.zh in text

    def test_its_own_duty(self) -> None:
        assert ids(duties_of("社区建设工作指导委员会")) == ["R40.1"]


class TestChecks:
    def test_nothing_to_check(self) -> None:
        assert RULES == ()
        assert list(check_community(Community("C1"))) == []
        assert list(check_district(District("D"))) == []


# --- found by mutation testing (mutmut, duties.py) ---------------------------------------------


class TestDefaultsAndErrorDetails:
    """What the tests above left unchecked: the default language, the topic a look-up answers, the error's value."""

    def test_names_and_texts_default_to_english(self) -> None:
        dept = department("财政局")
        assert dept.name() == "Finance Bureau"
        (duty,) = duties_of(dept)
        assert duty.text() == "Put community funds, staff wages and living allowances in the budget"

    def test_responsibility_names_its_topic(self) -> None:
        assert responsible_for("预算").topic is Topic.BUDGETING
        assert responsible_for(Topic.LAND).topic is Topic.LAND

    def test_unknown_topic_error_carries_the_value_and_lists_every_topic(self) -> None:
        with pytest.raises(InvalidValue) as err:
            topic("tea")
        assert err.value.value == "tea"
        # Every topic, in the order of Topic, as each language writes a list.
        assert err.value.message_en.endswith(
            "(valid: leadership, planning, duty lists, assessment, supervision, publicity, audit, budgeting, "
            "premises, recruitment, remuneration, security, preferential policies, land, coordination, "
            "participation)"
        )
        assert err.value.message_zh.endswith(
            "（有效值：领导和指导、规划、工作职责、考核、督导、宣传、审计、预算、用房、招聘、人事管理和工资待遇、"
            "平安建设和社会治安、优惠政策、用地、组织协调、参与社区建设）"
        )

    def test_unknown_department_lists_them_as_each_language_writes_a_list(self) -> None:
        with pytest.raises(InvalidValue) as err:
            department("Ministry of Magic")
        assert err.value.value == "Ministry of Magic"
        assert (
            "(valid: 街道办事处 sub-district office, 社会事业局 Social Affairs Bureau, "
            in err.value.message_en
        )
        assert (
            "（有效值：街道办事处（sub-district office）、社会事业局（Social Affairs Bureau）、"
            in err.value.message_zh
        )


class TestDataBuilders:
    """Found by mutation testing: ``_dept`` and ``_duty`` build :data:`DEPARTMENTS` and :data:`DUTIES`
    when the module is imported, before mutmut switches a mutant on, so the data alone cannot catch a
    builder that drops or swaps a field; here they are called directly with small hand-made arguments."""

    def test_dept_keeps_every_field_and_is_in_the_glossary_by_default(self) -> None:
        built = duties._dept("finance_bureau", "财政局", "Finance Bureau")
        assert built == Department(
            key="finance_bureau", zh="财政局", en="Finance Bureau", glossary=True, aliases=()
        )

    def test_dept_keeps_its_aliases_in_order_and_a_glossary_flag(self) -> None:
        built = duties._dept("tax", "税务部门", "tax department", "税务", "taxes", glossary=False)
        assert (built.key, built.zh, built.en, built.glossary, built.aliases) == (
            "tax",
            "税务部门",
            "tax department",
            False,
            ("税务", "taxes"),
        )

    def test_duty_keeps_every_field_and_looks_up_its_departments_in_order(self) -> None:
        built = duties._duty(
            "R99.1",
            "4.2",
            ("tax", "finance_bureau"),
            "税务部门和财政局负责",
            "Be responsible (jointly)",
            Topic.BUDGETING,
            Topic.AUDIT,
        )
        assert built == Duty(
            id="R99.1",
            clause="4.2",
            departments=(department("税务部门"), department("财政局")),
            zh="税务部门和财政局负责",
            en="Be responsible (jointly)",
            topics=(Topic.BUDGETING, Topic.AUDIT),
        )
        assert built.joint

    def test_duty_of_one_department_and_one_topic(self) -> None:
        built = duties._duty(
            "R45.2", "4.2", ("finance_bureau",), "财政局纳入预算", "Budget it", Topic.BUDGETING
        )
        assert (built.id, built.clause, built.zh, built.en, built.topics) == (
            "R45.2",
            "4.2",
            "财政局纳入预算",
            "Budget it",
            (Topic.BUDGETING,),
        )
        assert [d.en for d in built.departments] == ["Finance Bureau"]
        assert not built.joint

    def test_duty_with_an_unknown_key_fails(self) -> None:
        with pytest.raises(KeyError):
            duties._duty("R0.1", "4.2", ("ministry_of_magic",), "无", "none", Topic.LAND)
