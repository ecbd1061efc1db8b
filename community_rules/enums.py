"""The opinion's enumerations, each with its Chinese name.

Every member's value is a stable lower-case string used in files and JSON
output; ``.zh`` gives the Chinese term of the opinion's glossary.

>>> from community_rules.enums import CommunityKind
>>> CommunityKind("new"), CommunityKind.OLD_TOWN.zh
(<CommunityKind.NEW: 'new'>, '老城区')
"""

from __future__ import annotations

import enum

__all__ = [
    "BilingualEnum",
    "CommunityKind",
    "Education",
    "Grade",
    "Insurance",
    "Level",
    "Modality",
    "Status",
]


class BilingualEnum(str, enum.Enum):
    """A string enum whose members also carry a Chinese name (``.zh``)."""

    def __str__(self) -> str:
        return str.__str__(self)

    @property
    def zh(self) -> str:
        """The Chinese name, as in the opinion's glossary."""
        return _ZH[self]

    @property
    def en(self) -> str:
        """The English name, as in the opinion's glossary."""
        return _EN.get(self) or str.__str__(self).replace("_", " ")


class CommunityKind(BilingualEnum):
    """Which space standard of clause 3.3 applies to a residents' committee.

    ``OLD_TOWN`` (老城区, an existing committee): at least 150 m²;
    ``NEW`` (新建, a newly built community): at least 300 m².
    """

    OLD_TOWN = "old_town"
    NEW = "new"


class Insurance(BilingualEnum):
    """The five social insurances of clause 3.2 (养老、医疗、失业、工伤和女职工生育保险)."""

    PENSION = "pension"
    MEDICAL = "medical"
    UNEMPLOYMENT = "unemployment"
    WORK_INJURY = "work_injury"
    MATERNITY = "maternity"


class Education(BilingualEnum):
    """Education levels, in increasing order (clause 3.1: 大专以上学历)."""

    BELOW_SECONDARY = "below_secondary"
    SECONDARY = "secondary"
    JUNIOR_COLLEGE = "junior_college"
    BACHELOR = "bachelor"
    POSTGRADUATE = "postgraduate"

    @property
    def rank(self) -> int:
        """The position in the order above (0 = lowest)."""
        return list(Education).index(self)


class Level(BilingualEnum):
    """The assessed levels of clause 4.3 (三级考核制度)."""

    DEPARTMENT = "department"
    SUB_DISTRICT_OFFICE = "sub_district_office"
    COMMUNITY = "community"
    SUB_AREA_HEAD = "sub_area_head"
    BUILDING_HEAD = "building_head"


class Grade(BilingualEnum):
    """Assessment grades (SPEC I-18, a local choice: the opinion names none)."""

    EXCELLENT = "excellent"
    COMPETENT = "competent"
    BASICALLY_COMPETENT = "basically_competent"
    INCOMPETENT = "incompetent"


class Status(BilingualEnum):
    """The outcome of checking one rule for one community (or district)."""

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"


class Modality(BilingualEnum):
    """How binding a rule is, from the opinion's own words (rules.md conventions).

    ``MANDATORY``: 要 / 确保 / 不得 / 全部, or a plain declarative sentence;
    ``IN_PRINCIPLE``: 原则上; ``PERMISSIVE``: 可.
    """

    MANDATORY = "mandatory"
    IN_PRINCIPLE = "in_principle"
    PERMISSIVE = "permissive"


#: English names that are not simply the value with spaces (the glossary's spelling).
_EN: dict[BilingualEnum, str] = {
    Level.SUB_DISTRICT_OFFICE: "sub-district office",
    Level.SUB_AREA_HEAD: "sub-area head",
    Insurance.WORK_INJURY: "work-injury",
}

_ZH: dict[BilingualEnum, str] = {
    CommunityKind.OLD_TOWN: "老城区",
    CommunityKind.NEW: "新建社区",
    Insurance.PENSION: "养老保险",
    Insurance.MEDICAL: "医疗保险",
    Insurance.UNEMPLOYMENT: "失业保险",
    Insurance.WORK_INJURY: "工伤保险",
    Insurance.MATERNITY: "女职工生育保险",
    Education.BELOW_SECONDARY: "初中及以下",
    Education.SECONDARY: "高中/中专",
    Education.JUNIOR_COLLEGE: "大专",
    Education.BACHELOR: "本科",
    Education.POSTGRADUATE: "研究生",
    Level.DEPARTMENT: "区直部门",
    Level.SUB_DISTRICT_OFFICE: "街道办事处",
    Level.COMMUNITY: "社区工作站和居委会",
    Level.SUB_AREA_HEAD: "小区长",
    Level.BUILDING_HEAD: "楼长",
    Grade.EXCELLENT: "优秀",
    Grade.COMPETENT: "称职",
    Grade.BASICALLY_COMPETENT: "基本称职",
    Grade.INCOMPETENT: "不称职",
    Status.MET: "符合",
    Status.NOT_MET: "不符合",
    Status.UNKNOWN: "未知",
    Status.NOT_APPLICABLE: "不适用",
    Modality.MANDATORY: "必须",
    Modality.IN_PRINCIPLE: "原则上",
    Modality.PERMISSIVE: "可",
}
