"""The opinion's enumerations: values, English and Chinese names, construction from strings."""

from __future__ import annotations

import json

import pytest

from community_rules.enums import (
    CommunityKind,
    Education,
    Grade,
    Insurance,
    Level,
    Modality,
    Status,
)

# (enum, [(member, value, en, zh), ...]) — the Chinese names are the opinion's words
# (3.2 养老、医疗、失业、工伤和女职工生育保险; 3.1 大专; 4.3 the levels; 3.3 老城区 / 新建).
TABLE = [
    (
        CommunityKind,
        [
            (CommunityKind.OLD_TOWN, "old_town", "old town", "老城区"),
            (CommunityKind.NEW, "new", "new", "新建社区"),
        ],
    ),
    (
        Insurance,
        [
            (Insurance.PENSION, "pension", "pension", "养老保险"),
            (Insurance.MEDICAL, "medical", "medical", "医疗保险"),
            (Insurance.UNEMPLOYMENT, "unemployment", "unemployment", "失业保险"),
            (Insurance.WORK_INJURY, "work_injury", "work-injury", "工伤保险"),
            (Insurance.MATERNITY, "maternity", "maternity", "女职工生育保险"),
        ],
    ),
    (
        Education,
        [
            (Education.BELOW_SECONDARY, "below_secondary", "below secondary", "初中及以下"),
            (Education.SECONDARY, "secondary", "secondary", "高中/中专"),
            (Education.JUNIOR_COLLEGE, "junior_college", "junior college", "大专"),
            (Education.BACHELOR, "bachelor", "bachelor", "本科"),
            (Education.POSTGRADUATE, "postgraduate", "postgraduate", "研究生"),
        ],
    ),
    (
        Level,
        [
            (Level.DEPARTMENT, "department", "department", "区直部门"),
            (Level.SUB_DISTRICT_OFFICE, "sub_district_office", "sub-district office", "街道办事处"),
            (Level.COMMUNITY, "community", "community", "社区工作站和居委会"),
            (Level.SUB_AREA_HEAD, "sub_area_head", "sub-area head", "小区长"),
            (Level.BUILDING_HEAD, "building_head", "building head", "楼长"),
        ],
    ),
    (
        Grade,
        [
            (Grade.EXCELLENT, "excellent", "excellent", "优秀"),
            (Grade.COMPETENT, "competent", "competent", "称职"),
            (Grade.BASICALLY_COMPETENT, "basically_competent", "basically competent", "基本称职"),
            (Grade.INCOMPETENT, "incompetent", "incompetent", "不称职"),
        ],
    ),
    (
        Status,
        [
            (Status.MET, "met", "met", "符合"),
            (Status.NOT_MET, "not_met", "not met", "不符合"),
            (Status.UNKNOWN, "unknown", "unknown", "未知"),
            (Status.NOT_APPLICABLE, "not_applicable", "not applicable", "不适用"),
        ],
    ),
    (
        Modality,
        [
            (Modality.MANDATORY, "mandatory", "mandatory", "必须"),
            (Modality.IN_PRINCIPLE, "in_principle", "in principle", "原则上"),
            (Modality.PERMISSIVE, "permissive", "permissive", "可"),
        ],
    ),
]

ROWS = [(enum_type, *row) for enum_type, rows in TABLE for row in rows]


class TestMembers:
    @pytest.mark.parametrize(("enum_type", "rows"), TABLE, ids=[t.__name__ for t, _ in TABLE])
    def test_exactly_these_members_in_this_order(
        self, enum_type: type, rows: list[tuple[object, ...]]
    ) -> None:
        assert list(enum_type) == [member for member, *_ in rows]

    @pytest.mark.parametrize(("enum_type", "member", "value", "en", "zh"), ROWS)
    def test_value_english_chinese(
        self, enum_type: type, member: object, value: str, en: str, zh: str
    ) -> None:
        assert member.value == value  # type: ignore[attr-defined]
        assert member.en == en  # type: ignore[attr-defined]
        assert member.zh == zh  # type: ignore[attr-defined]

    @pytest.mark.parametrize(("enum_type", "member", "value", "en", "zh"), ROWS)
    def test_built_from_its_string_and_prints_as_it(
        self, enum_type: type, member: object, value: str, en: str, zh: str
    ) -> None:
        assert enum_type(value) is member
        assert str(member) == value
        assert f"{member}" == value
        assert member == value  # a str enum: compares equal to its value
        assert json.dumps(member) == json.dumps(value)

    def test_the_glossary_spelling_of_hyphenated_names(self) -> None:
        # glossary: "街道办事处" = "sub-district office", "小区长" = "sub-area head"
        from community_rules.opinion import glossary

        assert Level.SUB_DISTRICT_OFFICE.en == glossary()["街道办事处"] == "sub-district office"
        assert Level.SUB_AREA_HEAD.en == glossary()["小区长"] == "sub-area head"
        assert Level.BUILDING_HEAD.en == glossary()["楼长"]


class TestConstruction:
    @pytest.mark.parametrize("bad", ["city", "OLD_TOWN", "Old_Town", "", "老城区"])
    def test_unknown_string_is_a_value_error(self, bad: str) -> None:
        with pytest.raises(ValueError, match="is not a valid CommunityKind"):
            CommunityKind(bad)


class TestEducationRank:
    def test_rank_is_the_position_in_increasing_order(self) -> None:
        assert [e.rank for e in Education] == [0, 1, 2, 3, 4]
        assert Education.JUNIOR_COLLEGE.rank == 2

    def test_junior_college_and_above(self) -> None:
        # 3.1 大专以上学历: junior college itself and everything above it
        at_least = [e for e in Education if e.rank >= Education.JUNIOR_COLLEGE.rank]
        assert at_least == [Education.JUNIOR_COLLEGE, Education.BACHELOR, Education.POSTGRADUATE]

    def test_rank_orders_like_the_list(self) -> None:
        assert sorted(Education, key=lambda e: e.rank, reverse=True)[0] is Education.POSTGRADUATE
        assert Education.SECONDARY.rank < Education.BACHELOR.rank
