"""Staffing of the residents' committee: quota, hiring, education, candidates (clause 3.1).

Clause 3.1 of the opinion (加强人员队伍建设，确保城市社区居委会有人办事, "ensure that
residents' committees have people to do the work") sets:

- the **staff quota** — 原则上按照每300户配备1人的标准，配备居委会工作人员: in
  principle one committee worker per 300 households. The library reads it as
  ``ceil(households / 300)``, 0 for 0 households (SPEC I-4; alternative:
  round half up, ``Policy.staff_quota_rounding``);
- **this year's hiring** — 今年可按缺额人数的70%录用，剩余的人员逐步配齐: this year
  up to 70 % of the shortfall may be hired, the rest gradually. The shortfall
  is ``max(0, quota − staff in post)``; this year ``round_half_up(0.7 ×
  shortfall)`` (SPEC I-5; alternatives floor and ceiling,
  ``Policy.hiring_rounding``); "this year" (今年) is ``Policy.adoption_year``
  (SPEC I-13);
- **education** — 原则上，社区工作人员应具有大专以上学历: in principle a
  junior-college (大专) diploma or higher. 以上 includes 大专 itself; a worker
  below it is an IN_PRINCIPLE finding, never a rejection (SPEC I-19);
- **priority in hiring** — 优先聘用户口在本社区并具有基层工作经验的常住居民和基层工作
  经验丰富的劳模及先进工作者: first (a) permanent residents (常住居民) whose
  household registration (户口) is in the community and who have grassroots
  work experience (基层工作经验), and (b) model workers and advanced workers
  (劳模及先进工作者) with rich grassroots experience (基层工作经验丰富). The
  text ranks neither group above the other, so both form one priority tier;
  within a tier candidates rank by exam score (公开招考), ties by candidate id.

Every number comes from :class:`~community_rules.policy.Policy`. The module
offers the common verbs of a rule module (:data:`RULES`,
:func:`check_community`).

>>> staff_quota(1150)
4
>>> hiring_plan(1150, 0)
HiringPlan(quota=4, shortfall=4, this_year=3, later=1, households=1150, current_staff=0, ...)
>>> import attrs
>>> from community_rules.policy import HiringRounding
>>> hiring_plan(1150, 0, policy=attrs.evolve(DEFAULT_POLICY, hiring_rounding=HiringRounding.FLOOR)).this_year
2
>>> ranking = rank_candidates([
...     Candidate("A", exam_score="91"),
...     Candidate("B", exam_score="84", hukou_in_community=True, permanent_resident=True,
...               grassroots_experience=True),
... ])
>>> ranking.ids()
('B', 'A')
>>> staff_quota(-1)
Traceback (most recent call last):
...
community_rules.errors.InvalidValue: households: -1 is negative ...
"""

from __future__ import annotations

import datetime
import enum
import functools
from collections.abc import Iterable, Iterator
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

import attrs

from ._fields import (
    bool_field,
    check_count,
    decimal_field,
    enum_field,
    id_field,
    require,
    text_field,
    to_enum,
)
from .enums import Education, Modality, Status
from .errors import InvalidType, InvalidValue
from .findings import Finding, Rule, Value
from .model import Community
from .money import scale
from .policy import DEFAULT_POLICY, HiringRounding, Policy, StaffQuotaRounding

__all__ = [
    "EDUCATION",
    "HIRING",
    "QUOTA",
    "RULES",
    "Candidate",
    "HiringPlan",
    "PriorityGroup",
    "RankedCandidate",
    "Ranking",
    "check_community",
    "check_education",
    "hiring_plan",
    "priority_groups",
    "rank_candidates",
    "staff_quota",
]

_CLAUSE = "3.1"
_ONE = Decimal(1)
_HIRING_ROUNDING = {
    HiringRounding.HALF_UP: ROUND_HALF_UP,
    HiringRounding.FLOOR: ROUND_FLOOR,
    HiringRounding.CEILING: ROUND_CEILING,
}
# Education.rank builds a list on every call; the checks run per staff member.
_RANK = {level: i for i, level in enumerate(Education)}


# --- the rules ------------------------------------------------------------------------

#: 3.1 原则上按照每300户配备1人的标准，配备居委会工作人员.
QUOTA = Rule(
    "staffing.quota",
    _CLAUSE,
    Modality.IN_PRINCIPLE,
    "Committee staff in post against the quota of 1 per 300 households",
    "居委会工作人员按每300户配备1人的标准配备",
    interpretations=("I-4",),
    parameters=("households_per_staff", "staff_quota_rounding"),
)

#: 3.1 今年可按缺额人数的70%录用，剩余的人员逐步配齐.
HIRING = Rule(
    "staffing.hiring_plan",
    _CLAUSE,
    Modality.PERMISSIVE,
    "This year up to 70 % of the shortfall may be hired, the rest gradually",
    "今年可按缺额人数的70%录用，剩余的人员逐步配齐",
    interpretations=("I-4", "I-5", "I-13"),
    parameters=("households_per_staff", "hiring_share_this_year", "hiring_rounding", "adoption_year"),
)

#: 3.1 原则上，社区工作人员应具有大专以上学历.
EDUCATION = Rule(
    "staffing.education",
    _CLAUSE,
    Modality.IN_PRINCIPLE,
    "Community staff hold a junior-college (dazhuan) diploma or higher",
    "社区工作人员应具有大专以上学历",
    interpretations=("I-19",),
    parameters=("minimum_education",),
)

#: The rules of this module, in the order :func:`check_community` yields them.
RULES: tuple[Rule, ...] = (QUOTA, HIRING, EDUCATION)


# --- quota and hiring -------------------------------------------------------------------


def staff_quota(households: int, *, policy: Policy = DEFAULT_POLICY) -> int:
    """The committee staff the households call for (3.1 每300户配备1人, SPEC I-4).

    ``ceil(households / Policy.households_per_staff)`` by default; with
    ``StaffQuotaRounding.HALF_UP`` the nearest whole number, halves up. Zero
    households need no staff.

    >>> staff_quota(300), staff_quota(301), staff_quota(0)
    (1, 2, 0)
    >>> import attrs
    >>> half_up = attrs.evolve(DEFAULT_POLICY, staff_quota_rounding=StaffQuotaRounding.HALF_UP)
    >>> staff_quota(449, policy=half_up), staff_quota(450, policy=half_up)
    (1, 2)
    >>> staff_quota(True)
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidType: households: True ... bool; a count must be an int ...
    """
    require("policy", policy, Policy)
    check_count("households", households)
    per = policy.households_per_staff
    if policy.staff_quota_rounding is StaffQuotaRounding.CEILING:
        return -(-households // per)
    # HALF_UP: floor(households / per + 1/2), in whole numbers.
    return (2 * households + per) // (2 * per)


@attrs.frozen
class HiringPlan:
    """How many committee workers a community may hire this year and later (3.1, I-4, I-5).

    ``quota`` is :func:`staff_quota`; ``shortfall`` (缺额) is ``max(0, quota −
    current_staff)``; ``this_year`` is the share of the shortfall that may be
    hired this year (今年可按缺额人数的70%录用), ``later`` the rest, provided
    gradually (逐步配齐): ``this_year + later == shortfall``. ``year`` is
    ``Policy.adoption_year`` ("this year", I-13), None when the policy leaves
    it unset.
    """

    quota: int
    shortfall: int
    this_year: int
    later: int
    households: int
    current_staff: int
    year: int | None = None
    clauses: tuple[str, ...] = (_CLAUSE,)
    interpretations: tuple[str, ...] = ("I-4", "I-5", "I-13")


def hiring_plan(households: int, current_staff: int, *, policy: Policy = DEFAULT_POLICY) -> HiringPlan:
    """This year's hiring for ``households`` with ``current_staff`` in post (3.1, SPEC I-5).

    1,150 households need 4 workers; with none in post the shortfall is 4 and
    0.7 × 4 = 2.8 rounds half up to 3 this year, 1 later (SPEC §6):

    >>> plan = hiring_plan(1150, 0)
    >>> plan.this_year, plan.later
    (3, 1)
    >>> hiring_plan(1150, 6).shortfall
    0
    >>> hiring_plan(1150, -2)
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: current_staff: -2 is negative ...
    """
    require("policy", policy, Policy)
    quota = staff_quota(households, policy=policy)
    check_count("current_staff", current_staff)
    shortfall = max(0, quota - current_staff)
    this_year = _this_year(shortfall, policy)
    return HiringPlan(
        quota=quota,
        shortfall=shortfall,
        this_year=this_year,
        later=shortfall - this_year,
        households=households,
        current_staff=current_staff,
        year=policy.adoption_year,
    )


def _this_year(shortfall: int, policy: Policy) -> int:
    """How many of ``shortfall`` workers may be hired this year (``HiringPlan.this_year``)."""
    return _share_of(shortfall, policy.hiring_share_this_year, policy.hiring_rounding)


# Cached: shortfalls are small numbers, and exact scaling costs about 25,000 instructions.
@functools.lru_cache(maxsize=256)
def _share_of(shortfall: int, share: Decimal, rounding: HiringRounding) -> int:
    return int(scale(share, shortfall, rounding=_HIRING_ROUNDING[rounding], step=_ONE))


# --- candidates -------------------------------------------------------------------------


class PriorityGroup(str, enum.Enum):
    """The two groups clause 3.1 hires first (优先聘用).

    ``RESIDENT``: a permanent resident (常住居民) whose household registration
    (户口) is in the community and who has grassroots work experience;
    ``MODEL_WORKER``: a model worker or advanced worker (劳模及先进工作者) with rich
    grassroots work experience (基层工作经验丰富).
    """

    RESIDENT = "resident"
    MODEL_WORKER = "model_worker"

    def __str__(self) -> str:
        return str.__str__(self)

    @property
    def en(self) -> str:
        """The group in English words."""
        return _GROUP_EN[self]

    @property
    def zh(self) -> str:
        """The group in the opinion's Chinese words."""
        return _GROUP_ZH[self]


_GROUP_EN = {
    PriorityGroup.RESIDENT: "a registered permanent resident of the community with grassroots experience",
    PriorityGroup.MODEL_WORKER: "a model or advanced worker with rich grassroots experience",
}
_GROUP_ZH = {
    PriorityGroup.RESIDENT: "户口在本社区并具有基层工作经验的常住居民",
    PriorityGroup.MODEL_WORKER: "基层工作经验丰富的劳模及先进工作者",
}


@attrs.frozen
class Candidate:
    """A candidate in the open recruitment of committee staff (3.1 面向社会公开招考).

    ``exam_score`` is the exam score (``Decimal``; floats are refused);
    every other fact may be ``None`` (not known), which never counts in the
    candidate's favour. ``hukou_in_community``: household registration (户口)
    in this community; ``permanent_resident``: lives there (常住居民);
    ``grassroots_experience``: has grassroots work experience (基层工作经验);
    ``model_worker``: a model worker or advanced worker (劳模及先进工作者);
    ``rich_grassroots_experience``: rich grassroots experience
    (基层工作经验丰富), which implies ``grassroots_experience``.

    >>> Candidate("C1", exam_score="78.5", education="bachelor").education
    <Education.BACHELOR: 'bachelor'>
    >>> Candidate("C2", exam_score=78.5)
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidType: exam_score: 78.5 is a binary float, ...
    """

    id: str = id_field()
    exam_score: Decimal = decimal_field(optional=False)
    education: Education | None = enum_field(Education, default=None, optional=True)
    name: str | None = text_field()
    hukou_in_community: bool | None = bool_field()
    permanent_resident: bool | None = bool_field()
    grassroots_experience: bool | None = bool_field()
    model_worker: bool | None = bool_field()
    rich_grassroots_experience: bool | None = bool_field()

    def __attrs_post_init__(self) -> None:
        if self.rich_grassroots_experience is True and self.grassroots_experience is False:
            raise InvalidValue(
                "grassroots_experience",
                self.grassroots_experience,
                "contradicts rich_grassroots_experience=True",
                "与 rich_grassroots_experience=True 相矛盾",
            )


def priority_groups(candidate: Candidate) -> tuple[PriorityGroup, ...]:
    """The priority groups of 3.1 that ``candidate`` is shown to belong to (None counts as no).

    >>> priority_groups(Candidate("C", exam_score=80, model_worker=True,
    ...                           rich_grassroots_experience=True))
    (<PriorityGroup.MODEL_WORKER: 'model_worker'>,)
    >>> priority_groups(Candidate("D", exam_score=80, hukou_in_community=True))
    ()
    """
    require("candidate", candidate, Candidate)
    groups = []
    experienced = candidate.grassroots_experience is True or candidate.rich_grassroots_experience is True
    if candidate.hukou_in_community is True and candidate.permanent_resident is True and experienced:
        groups.append(PriorityGroup.RESIDENT)
    if candidate.model_worker is True and candidate.rich_grassroots_experience is True:
        groups.append(PriorityGroup.MODEL_WORKER)
    return tuple(groups)


def _fact_en(value: bool | None) -> str:
    return "unknown" if value is None else ("yes" if value else "no")


def _fact_zh(value: bool | None) -> str:
    return "未知" if value is None else ("是" if value else "否")


def _missing(candidate: Candidate) -> tuple[str, str]:
    """Why a candidate is in no priority group, in English and Chinese."""
    resident = (
        ("registered in the community", "户口在本社区", candidate.hukou_in_community),
        ("permanent resident", "常住居民", candidate.permanent_resident),
        (
            "grassroots experience",
            "基层工作经验",
            True if candidate.rich_grassroots_experience else candidate.grassroots_experience,
        ),
    )
    model = (
        ("model or advanced worker", "劳模或先进工作者", candidate.model_worker),
        ("rich grassroots experience", "基层工作经验丰富", candidate.rich_grassroots_experience),
    )
    en_parts = []
    zh_parts = []
    for group, facts in ((PriorityGroup.RESIDENT, resident), (PriorityGroup.MODEL_WORKER, model)):
        lacking = [(en, zh, v) for en, zh, v in facts if v is not True]
        en_parts.append(
            f"not shown to be {group.en} (" + ", ".join(f"{en}: {_fact_en(v)}" for en, _, v in lacking) + ")"
        )
        zh_parts.append(
            f"未证明为{group.zh}（" + "，".join(f"{zh}：{_fact_zh(v)}" for _, zh, v in lacking) + "）"
        )
    return "; ".join(en_parts), "；".join(zh_parts)


@attrs.frozen
class RankedCandidate:
    """One candidate's place in a :class:`Ranking`, and why it stands there.

    ``position`` counts from 1; ``groups`` are the priority groups the
    candidate is shown to belong to; ``tied_with`` the ids of candidates of
    the same tier with the same exam score (placed by id); ``education`` the
    status of the education rule (MET, NOT_MET or UNKNOWN: information only,
    it never moves a candidate, SPEC I-19); ``reason_en`` / ``reason_zh``
    explain the position.
    """

    position: int
    candidate: Candidate
    groups: tuple[PriorityGroup, ...]
    tied_with: tuple[str, ...]
    education: Status
    reason_en: str
    reason_zh: str

    @property
    def priority(self) -> bool:
        """True if the candidate is in at least one priority group of 3.1."""
        return bool(self.groups)

    def reason(self, lang: str = "en") -> str:
        """Why the candidate stands here, in ``lang`` (``"en"`` or ``"zh"``)."""
        if lang not in ("en", "zh"):
            raise InvalidValue(
                "lang", lang, "is not a language (valid: zh, en)", "不是有效语言（有效值：zh, en）"
            )
        return self.reason_zh if lang == "zh" else self.reason_en


@attrs.frozen
class Ranking:
    """Candidates in hiring order (3.1 优先聘用 with the open exam, 公开招考).

    The priority tier (either group of 3.1) comes first, then the rest; in
    each tier the higher exam score first; equal scores in a tier stand in
    the order of their ids (deterministic; the text gives no tie-break).
    """

    entries: tuple[RankedCandidate, ...]
    clauses: tuple[str, ...] = (_CLAUSE,)
    interpretations: tuple[str, ...] = ("I-19",)

    def __iter__(self) -> Iterator[RankedCandidate]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, index: int) -> RankedCandidate:
        return self.entries[index]

    def ids(self) -> tuple[str, ...]:
        """The candidates' ids in hiring order."""
        return tuple(entry.candidate.id for entry in self.entries)


def rank_candidates(candidates: Iterable[Candidate], *, policy: Policy = DEFAULT_POLICY) -> Ranking:
    """Rank ``candidates`` for hiring: the priority groups of 3.1 first, then by exam score.

    A candidate below junior college (大专) keeps his or her place: education
    is reported on each entry (an IN_PRINCIPLE matter, SPEC I-19), not used
    to reject or reorder. The result does not depend on the input order.

    >>> r = rank_candidates([Candidate("B", exam_score=80), Candidate("A", exam_score=80),
    ...                      Candidate("C", exam_score=95, education="secondary")])
    >>> r.ids()
    ('C', 'A', 'B')
    >>> print(r[1].reason_en)
    2nd of 3: no priority group (...); exam score 80; tied on score with B, placed by candidate id; education not known
    >>> r[0].education.value
    'not_met'
    >>> rank_candidates([Candidate("A", exam_score=1), Candidate("A", exam_score=2)])
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: candidates[1].id: 'A' is a duplicate candidate id ...
    """
    require("policy", policy, Policy)
    if isinstance(candidates, (str, bytes)) or not isinstance(candidates, Iterable):
        raise InvalidType("candidates", candidates, "expected a sequence of Candidate", "应为 Candidate 序列")
    items = list(candidates)
    seen: set[str] = set()
    for i, item in enumerate(items):
        if not isinstance(item, Candidate):
            raise InvalidType(
                f"candidates[{i}]",
                item,
                f"is a {type(item).__name__}; expected a Candidate",
                f"类型为 {type(item).__name__}；应为 Candidate",
            )
        if item.id in seen:
            raise InvalidValue(
                f"candidates[{i}].id", item.id, "is a duplicate candidate id", "是重复的候选人编号"
            )
        seen.add(item.id)
    grouped = [(c, priority_groups(c)) for c in items]
    grouped.sort(key=lambda cg: (not cg[1], -cg[0].exam_score, cg[0].id))
    total = len(grouped)
    # Candidates tie when they share a tier and a score; the sort keeps them together.
    ties: dict[tuple[bool, Decimal], list[str]] = {}
    for candidate, groups in grouped:
        ties.setdefault((bool(groups), candidate.exam_score), []).append(candidate.id)
    entries = []
    for position, (candidate, groups) in enumerate(grouped, start=1):
        tied = tuple(i for i in ties[bool(groups), candidate.exam_score] if i != candidate.id)
        status = _education_status(candidate.education, policy)
        reason_en, reason_zh = _reason(position, total, candidate, groups, tied, status, policy)
        entries.append(
            RankedCandidate(
                position=position,
                candidate=candidate,
                groups=groups,
                tied_with=tied,
                education=status,
                reason_en=reason_en,
                reason_zh=reason_zh,
            )
        )
    return Ranking(tuple(entries))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _reason(
    position: int,
    total: int,
    candidate: Candidate,
    groups: tuple[PriorityGroup, ...],
    tied: tuple[str, ...],
    status: Status,
    policy: Policy,
) -> tuple[str, str]:
    score = candidate.exam_score
    if groups:
        en = [f"priority: {' and '.join(g.en for g in groups)}"]
        zh = [f"优先聘用：{'、'.join(g.zh for g in groups)}"]
    else:
        why_en, why_zh = _missing(candidate)
        en = [f"no priority group ({why_en})"]
        zh = [f"不属优先聘用人员（{why_zh}）"]
    en.append(f"exam score {score}")
    zh.append(f"考试成绩 {score}")
    if tied:
        en.append(f"tied on score with {', '.join(tied)}, placed by candidate id")
        zh.append(f"与 {'、'.join(tied)} 成绩相同，按候选人编号排列")
    minimum = policy.minimum_education
    if status is Status.NOT_MET:
        en.append(f"below {minimum.en} ({minimum.zh}): an in-principle matter, not a bar (I-19)")
        zh.append(f"学历低于{minimum.zh}：属“原则上”要求，不作为排除条件（I-19）")
    elif status is Status.UNKNOWN:
        en.append("education not known")
        zh.append("学历未知")
    return (
        f"{_ordinal(position)} of {total}: " + "; ".join(en),
        f"第 {position} 名（共 {total} 名）：" + "；".join(zh),
    )


# --- checks -----------------------------------------------------------------------------


def _education_status(education: Education | None, policy: Policy) -> Status:
    if education is None:
        return Status.UNKNOWN
    return Status.MET if _RANK[education] >= _RANK[policy.minimum_education] else Status.NOT_MET


def check_education(
    subject: str,
    education: Education | None,
    *,
    policy: Policy = DEFAULT_POLICY,
    community: str | None = None,
    office: str | None = None,
) -> Finding:
    """The education finding (``"staffing.education"``) for one person (3.1, SPEC I-19).

    Below ``Policy.minimum_education`` (大专) is NOT_MET of an IN_PRINCIPLE
    rule, never a rejection; ``None`` gives UNKNOWN.

    >>> check_education("S1", Education.SECONDARY).status.value
    'not_met'
    >>> check_education("S2", None).status.value
    'unknown'
    """
    require("policy", policy, Policy)
    require("subject", subject, str)
    if education is not None:
        education = to_enum(Education, education, "education")
    return _education_finding(subject, education, policy.minimum_education, community, office)


def _education_finding(
    subject: str, education: Education | None, minimum: Education, community: str | None, office: str | None
) -> Finding:
    """:func:`check_education` for arguments already checked (a ``StaffMember``'s fields are)."""
    status, en, zh, value, required = _education_texts(education, minimum)
    return EDUCATION.finding(
        status,
        community=community,
        office=office,
        subject=subject,
        required=required,
        actual=value,
        message_en=subject + en,
        message_zh=subject + zh,
        inputs=((f"staff_members[{subject}].education", value),),
    )


# A handful of (education, minimum) pairs: their texts are cached (the check runs per staff member).
@functools.lru_cache(maxsize=64)
def _education_texts(
    education: Education | None, minimum: Education
) -> tuple[Status, str, str, str | None, str]:
    """Status, English and Chinese message tails, actual and required values."""
    if education is None:
        return (
            Status.UNKNOWN,
            f": education not known; in principle {minimum.en} ({minimum.zh}) or higher",
            f"：学历未知；原则上应具有{minimum.zh}以上学历",
            None,
            minimum.value,
        )
    if _RANK[education] >= _RANK[minimum]:
        return (
            Status.MET,
            f": {education.en} meets {minimum.en} ({minimum.zh}) or higher",
            f"：{education.zh}，符合{minimum.zh}以上学历",
            education.value,
            minimum.value,
        )
    return (
        Status.NOT_MET,
        f": {education.en} is below {minimum.en} ({minimum.zh}); an in-principle requirement (原则上), "
        "reported, not a bar (I-19)",
        f"：{education.zh}，低于{minimum.zh}；属“原则上”要求，予以提示，不作为排除条件（I-19）",
        education.value,
        minimum.value,
    )


def check_community(
    community: Community,
    *,
    policy: Policy = DEFAULT_POLICY,
    as_of: datetime.date | None = None,
    office: str | None = None,
) -> Iterator[Finding]:
    """Check ``community`` against the staffing rules of 3.1 (:data:`RULES`).

    Yields ``staffing.quota`` (staff in post against the quota; ``gap`` is
    the shortfall), ``staffing.hiring_plan`` (this year's hiring, for
    information: a permissive rule is never NOT_MET; ``required`` is the
    number that may be hired this year, ``actual`` the shortfall, ``gap``
    the number left for later; NOT_APPLICABLE without a shortfall) and ``staffing.education`` once per staff member
    (``subject`` is the staff id). A ``None`` input gives UNKNOWN. ``as_of``
    is accepted for the common signature; these rules do not depend on it.

    >>> from community_rules.model import Building, Community
    >>> c = Community("C1", buildings=[Building("B1", 700), Building("B2", 450)], staff=2)
    >>> [(f.rule, f.status.value, f.required, f.actual, f.gap) for f in check_community(c)]
    [('staffing.quota', 'not_met', 4, 2, 2), ('staffing.hiring_plan', 'met', 1, 2, 1), ('staffing.education', 'unknown', 'junior_college', None, None)]
    """
    cid = community.id
    households = community.households
    staff = community.staff
    inputs: tuple[tuple[str, Value], ...] = (("households", households), ("staff", staff))
    yield from _quota_findings(cid, office, households, staff, inputs, policy)
    members = community.staff_members
    if members:
        minimum = policy.minimum_education
        for member in members:
            yield _education_finding(member.id, member.education, minimum, cid, office)
    elif staff == 0:
        yield EDUCATION.finding(
            Status.NOT_APPLICABLE,
            community=cid,
            office=office,
            required=policy.minimum_education.value,
            message_en="no staff in post, so no education to check",
            message_zh="无在岗工作人员，无需核查学历",
            inputs=(("staff", staff), ("staff_members", 0)),
        )
    else:
        minimum = policy.minimum_education
        yield EDUCATION.finding(
            Status.UNKNOWN,
            community=cid,
            office=office,
            required=minimum.value,
            message_en=f"the staff members are not listed, so their education ({minimum.en} or higher "
            "in principle) is not known",
            message_zh=f"未列出工作人员，学历（原则上{minimum.zh}以上）未知",
            inputs=(("staff", staff), ("staff_members", 0)),
        )


def _quota_findings(
    cid: str,
    office: str | None,
    households: int | None,
    staff: int | None,
    inputs: tuple[tuple[str, Value], ...],
    policy: Policy,
) -> Iterator[Finding]:
    per = policy.households_per_staff
    if households is None:
        for rule in (QUOTA, HIRING):
            yield rule.finding(
                Status.UNKNOWN,
                community=cid,
                office=office,
                actual=staff,
                unit="persons",
                message_en=f"households not known, so the quota (1 per {per} households) is not known",
                message_zh=f"户数未知，无法确定按每{per}户1人配备的标准人数",
                inputs=inputs,
            )
        return
    quota = staff_quota(households, policy=policy)
    if staff is None:
        for rule in (QUOTA, HIRING):
            yield rule.finding(
                Status.UNKNOWN,
                community=cid,
                office=office,
                required=quota,
                unit="persons",
                message_en=f"{households} households call for {quota} staff (1 per {per}); "
                "staff in post not known",
                message_zh=f"{households} 户应配备工作人员 {quota} 人（每{per}户1人）；在岗人数未知",
                inputs=inputs,
            )
        return
    gap = max(0, quota - staff)
    if gap == 0:
        yield QUOTA.finding(
            Status.MET,
            community=cid,
            office=office,
            required=quota,
            actual=staff,
            gap=0,
            unit="persons",
            message_en=f"{staff} staff in post; {households} households call for {quota} (1 per {per})",
            message_zh=f"在岗工作人员 {staff} 人；{households} 户应配备 {quota} 人（每{per}户1人）",
            inputs=inputs,
        )
    else:
        yield QUOTA.finding(
            Status.NOT_MET,
            community=cid,
            office=office,
            required=quota,
            actual=staff,
            gap=gap,
            unit="persons",
            message_en=f"{staff} staff in post; {households} households call for {quota} (1 per {per}): "
            f"{gap} short",
            message_zh=f"在岗工作人员 {staff} 人；{households} 户应配备 {quota} 人（每{per}户1人），缺额 {gap} 人",
            inputs=inputs,
        )
    if gap == 0:  # no shortfall (gap is hiring_plan().shortfall): nothing to hire, no plan to work out
        yield HIRING.finding(
            Status.NOT_APPLICABLE,
            community=cid,
            office=office,
            required=0,
            actual=0,
            gap=0,
            unit="persons",
            message_en=f"no shortfall ({staff} in post, quota {quota}): nothing to hire",
            message_zh=f"无缺额（在岗 {staff} 人，标准 {quota} 人），无需录用",
            inputs=inputs,
        )
        return
    # hiring_plan(households, staff) without checking its arguments again: the shortfall is the gap.
    this_year = _this_year(gap, policy)
    later = gap - this_year
    year = policy.adoption_year
    year_en = f" ({year})" if year is not None else " (Policy.adoption_year not set)"
    year_zh = f"（{year}年）" if year is not None else "（未设置 Policy.adoption_year）"
    share = (policy.hiring_share_this_year * 100).normalize()
    yield HIRING.finding(
        Status.MET,
        community=cid,
        office=office,
        required=this_year,
        actual=gap,
        gap=later,
        unit="persons",
        message_en=f"shortfall {gap}: this year{year_en} up to {this_year} may be hired "
        f"({share:f} % of the shortfall, {policy.hiring_rounding.value.replace('_', ' ')}), "
        f"{later} later",
        message_zh=f"缺额 {gap} 人：今年{year_zh}可录用 {this_year} 人"
        f"（缺额的 {share:f}%），其余 {later} 人逐步配齐",
        inputs=inputs,
    )
