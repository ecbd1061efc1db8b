"""Every number and every reading of the opinion, in one immutable object.

The opinion's parameters (500 households, 2–3 buildings, 100 yuan, 300
households, 70 %, 10,000 yuan per 1,000 households, 80 %, the 70/30 split, the
five insurances, 150 m² and 300 m², 70 % by year end, 2008) and the switches
of the interpretations I-1…I-20 (SPEC §4) live in :class:`Policy` and nowhere
else. Each field carries, in its metadata, the clause it comes from, the
Chinese words it encodes and, where it is a reading the text leaves open, the
interpretation id.

A district with other numbers makes its own policy with :func:`attrs.evolve`:

>>> import attrs
>>> from decimal import Decimal
>>> local = attrs.evolve(DEFAULT_POLICY, office_funds_per_thousand=Decimal("12000"))
>>> local.office_funds_per_thousand
Decimal('12000')
>>> DEFAULT_POLICY.parameter("households_per_staff").clause
'3.1'
>>> attrs.evolve(DEFAULT_POLICY, hiring_share_this_year=Decimal("1.5"))
Traceback (most recent call last):
...
community_rules.errors.InvalidValue: hiring_share_this_year: Decimal('1.5') is not a share between 0 and 1 ...

Standards change over time; :class:`PolicyTimeline` holds dated versions and
answers which one applies on a date.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs
from dateutil.parser import isoparse

from ._fields import count_field, date_field, decimal_field, enum_field, to_enum
from .enums import Education, Insurance, Level
from .errors import InvalidType, InvalidValue, PolicyNotSet

__all__ = [
    "DEFAULT_POLICY",
    "BuildingHeadEvaluationEffect",
    "HiringRounding",
    "OfficeFundsRule",
    "Parameter",
    "PartMonthRule",
    "Policy",
    "PolicyTimeline",
    "StaffQuotaRounding",
    "SubAreaRule",
    "Weights",
    "WelfareBase",
]


# --- the switches of the interpretations -------------------------------------


class SubAreaRule(str, enum.Enum):
    """I-1: how many residential sub-areas a run of buildings forms (原则上每500户为一小区)."""

    #: 500 is a cap: the fewest sub-areas of at most 500 households (default).
    CAP = "cap"
    #: The nearest whole number of sub-areas, ``max(1, round_half_up(H / 500))``.
    NEAREST = "nearest"


class StaffQuotaRounding(str, enum.Enum):
    """I-4: rounding of households ÷ 300 (每300户配备1人)."""

    #: ``ceil(households / 300)``: every started 300 households needs a worker (default).
    CEILING = "ceiling"
    #: ``round_half_up(households / 300)``.
    HALF_UP = "half_up"


class HiringRounding(str, enum.Enum):
    """I-5: rounding of 70 % of the shortfall (今年可按缺额人数的70%录用)."""

    HALF_UP = "half_up"  #: default
    FLOOR = "floor"
    CEILING = "ceiling"


class OfficeFundsRule(str, enum.Enum):
    """I-6: reading of 每千户每年不少于1万元."""

    #: Pro rata: 10 yuan per household per year (default).
    PRO_RATA = "pro_rata"
    #: Per started thousand: ``ceil(households / 1000) × 10,000``.
    PER_STARTED_THOUSAND = "per_started_thousand"


class WelfareBase(str, enum.Enum):
    """I-7: the base of the 80 % welfare fund (不少于居委会办公经费80%)."""

    #: The office funds actually granted, when known; else the minimum (default).
    GRANTED = "granted"
    #: Always the minimum office funds.
    MINIMUM = "minimum"


class PartMonthRule(str, enum.Enum):
    """I-9: the building head's allowance for a part month (每人每月100元)."""

    #: 100 × days served ÷ days in the month, half up to the fen per month (default).
    PRO_RATA_DAYS = "pro_rata_days"
    #: A started month counts whole.
    STARTED_MONTH = "started_month"
    #: Only whole calendar months count.
    WHOLE_MONTHS = "whole_months"


class BuildingHeadEvaluationEffect(str, enum.Enum):
    """I-20: what an incompetent grade does to a building head (2.2.2 vs 4.3.3)."""

    #: The allowance stays fixed; the head is flagged for replacement (default).
    RENEWAL = "renewal"
    #: The allowance is suspended for the next year.
    SUSPEND_ALLOWANCE = "suspend_allowance"


# --- parameters -----------------------------------------------------------------


def _param(
    default: Any,
    clause: str,
    words: str,
    *,
    interpretation: str | None = None,
    field: Any = None,
    local: bool = False,
) -> Any:
    """A Policy field with its clause, Chinese words and interpretation in metadata."""
    metadata = {
        "clause": clause,
        "words": words,
        "interpretation": interpretation,
        "local": local,
    }
    if field is None:
        return attrs.field(default=default, metadata=metadata)
    return field(default=default, metadata=metadata)


def _share(_inst: Any, attribute: attrs.Attribute[Any], value: Decimal) -> None:
    if not Decimal(0) <= value <= Decimal(1):
        raise InvalidValue(attribute.name, value, "is not a share between 0 and 1", "不是 0 到 1 之间的比例")


def _share_field(**kw: Any) -> Any:
    return decimal_field(optional=False, **kw)


def _positive(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value <= 0:
        raise InvalidValue(attribute.name, value, "must be positive", "必须为正数")


@attrs.frozen
class Weights:
    """I-17: the weights of one level's composite score (日常督导和年终考核相结合).

    ``daily`` (day-to-day supervision, 日常督导), ``year_end`` (year-end
    assessment, 年终考核) and ``residents`` (residents' evaluation, 居民评议) are
    shares that add up to exactly 1.

    >>> Weights("0.3", "0.4", "0.3")
    Weights(daily=Decimal('0.3'), year_end=Decimal('0.4'), residents=Decimal('0.3'))
    >>> Weights("0.5", "0.4", "0.3")
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: residents: ... the weights add up to 1.2, not 1 ...
    """

    daily: Decimal = decimal_field(optional=False, validator=_share)
    year_end: Decimal = decimal_field(optional=False, validator=_share)
    residents: Decimal = decimal_field(optional=False, validator=_share)

    def __attrs_post_init__(self) -> None:
        total = self.daily + self.year_end + self.residents
        if total != 1:
            raise InvalidValue(
                "residents",
                self,
                f"the weights add up to {total}, not 1",
                f"权重之和为 {total}，而不是 1",
            )


def _weights(daily: str, year_end: str, residents: str) -> Weights:
    return Weights(Decimal(daily), Decimal(year_end), Decimal(residents))


def _insurances(value: Iterable[Any]) -> frozenset[Insurance]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidType("required_insurances", value, "expected a set of insurances", "应为保险的集合")
    return frozenset(to_enum(Insurance, item, f"required_insurances[{i}]") for i, item in enumerate(value))


def _is_bool(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, bool):
        raise InvalidType(
            attribute.name,
            value,
            f"is of type {type(value).__name__}; a policy switch must be true or false",
            f"类型为 {type(value).__name__}；政策开关必须为 true 或 false",
        )


def _flag(**kw: Any) -> Any:
    """A yes/no switch of the policy: True or False, never None (not known)."""
    return attrs.field(validator=_is_bool, **kw)


def _year(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidType(attribute.name, value, "must be an int year", "必须是整数年份")
    if not 2008 <= value <= 2100:
        raise InvalidValue(
            attribute.name,
            value,
            "is not a plausible adoption year (2008–2100; the opinion cites a 2008 document)",
            "不是合理的施行年份（2008–2100；意见引用了2008年的文件）",
        )


@attrs.frozen
class Parameter:
    """One field of a :class:`Policy` with where it comes from (for explanations)."""

    name: str
    value: Any
    clause: str
    words: str
    interpretation: str | None
    local: bool


@attrs.frozen(kw_only=True)
class Policy:
    """The opinion's parameters and the interpretations in force.

    Every field names its clause in ``attrs.fields(Policy).<name>.metadata``;
    :meth:`parameters` lists them all with their values. The defaults are the
    opinion's own numbers and the default readings of SPEC §4.
    """

    # 2.2.1 residential sub-areas and building heads
    sub_area_households: int = _param(
        500,
        "2.2.1",
        "原则上每500户为一小区",
        interpretation="I-1",
        field=lambda **kw: count_field(minimum=1, **kw),
    )
    sub_area_rule: SubAreaRule = _param(
        SubAreaRule.CAP,
        "2.2.1",
        "原则上每500户为一小区",
        interpretation="I-1",
        field=lambda **kw: enum_field(SubAreaRule, **kw),
    )
    keep_residents_groups: bool = _param(
        False,
        "2.2.1",
        "居民小区的划分可与居民小组的划分相结合",
        field=_flag,
    )
    building_head_min_buildings: int = _param(
        2,
        "2.2.1",
        "每2-3栋居民楼设楼长1名",
        interpretation="I-3",
        field=lambda **kw: count_field(minimum=1, **kw),
    )
    building_head_max_buildings: int = _param(
        3,
        "2.2.1",
        "每2-3栋居民楼设楼长1名",
        interpretation="I-3",
        field=lambda **kw: count_field(minimum=1, **kw),
    )
    # 2.2.2 lost-work allowance
    building_head_allowance_monthly: Decimal = _param(
        Decimal("100"),
        "2.2.2",
        "按照每人每月100元的标准发放误工补贴",
        field=lambda **kw: decimal_field(optional=False, **kw),
    )
    part_month_rule: PartMonthRule = _param(
        PartMonthRule.PRO_RATA_DAYS,
        "2.2.2",
        "每人每月100元",
        interpretation="I-9",
        field=lambda **kw: enum_field(PartMonthRule, **kw),
    )
    # 3.1 staff
    households_per_staff: int = _param(
        300,
        "3.1",
        "原则上按照每300户配备1人的标准",
        interpretation="I-4",
        field=lambda **kw: count_field(minimum=1, **kw),
    )
    staff_quota_rounding: StaffQuotaRounding = _param(
        StaffQuotaRounding.CEILING,
        "3.1",
        "每300户配备1人",
        interpretation="I-4",
        field=lambda **kw: enum_field(StaffQuotaRounding, **kw),
    )
    hiring_share_this_year: Decimal = _param(
        Decimal("0.7"),
        "3.1",
        "今年可按缺额人数的70%录用",
        interpretation="I-5",
        field=lambda **kw: _share_field(validator=_share, **kw),
    )
    hiring_rounding: HiringRounding = _param(
        HiringRounding.HALF_UP,
        "3.1",
        "今年可按缺额人数的70%录用",
        interpretation="I-5",
        field=lambda **kw: enum_field(HiringRounding, **kw),
    )
    minimum_education: Education = _param(
        Education.JUNIOR_COLLEGE,
        "3.1",
        "原则上，社区工作人员应具有大专以上学历",
        interpretation="I-19",
        field=lambda **kw: enum_field(Education, **kw),
    )
    # 3.2 money
    office_funds_per_thousand: Decimal = _param(
        Decimal("10000"),
        "3.2",
        "居委会办公经费按每千户每年不少于1万元标准拨付",
        interpretation="I-6",
        field=lambda **kw: decimal_field(optional=False, **kw),
    )
    office_funds_rule: OfficeFundsRule = _param(
        OfficeFundsRule.PRO_RATA,
        "3.2",
        "每千户每年不少于1万元",
        interpretation="I-6",
        field=lambda **kw: enum_field(OfficeFundsRule, **kw),
    )
    welfare_share: Decimal = _param(
        Decimal("0.8"),
        "3.2",
        "按不少于居委会办公经费80%的标准拨付",
        interpretation="I-7",
        field=lambda **kw: _share_field(validator=_share, **kw),
    )
    welfare_base: WelfareBase = _param(
        WelfareBase.GRANTED,
        "3.2",
        "不少于居委会办公经费80%",
        interpretation="I-7",
        field=lambda **kw: enum_field(WelfareBase, **kw),
    )
    base_pay_share: Decimal = _param(
        Decimal("0.7"),
        "3.2",
        "每月发放70%的基本部分，剩余的30%纳入考核",
        interpretation="I-10",
        field=lambda **kw: _share_field(validator=_share, **kw),
    )
    required_insurances: frozenset[Insurance] = _param(
        frozenset(Insurance),
        "3.2",
        "按规定参加养老、医疗、失业、工伤和女职工生育保险",
        field=lambda **kw: attrs.field(converter=_insurances, **kw),
    )
    maternity_for_female_only: bool = _param(
        True,
        "3.2",
        "女职工生育保险",
        field=_flag,
    )
    # 3.3 space and public rooms
    old_town_space_m2: Decimal = _param(
        Decimal("150"),
        "3.3",
        "老城区居委会办公和服务用房面积达到150平方米以上",
        interpretation="I-12",
        field=lambda **kw: decimal_field(optional=False, **kw),
    )
    new_space_m2: Decimal = _param(
        Decimal("300"),
        "3.3",
        "新建城市社区居委会办公和服务用房面积不少于300平方米",
        interpretation="I-12",
        field=lambda **kw: decimal_field(optional=False, **kw),
    )
    space_threshold_inclusive: bool = _param(
        True,
        "3.3",
        "150平方米以上 / 不少于300平方米",
        interpretation="I-12",
        field=_flag,
    )
    space_target_share: Decimal = _param(
        Decimal("0.7"),
        "3.3",
        "今年底之前，要确保70%的社区居委会用房达到标准",
        interpretation="I-14",
        field=lambda **kw: _share_field(validator=_share, **kw),
    )
    public_rooms_from: datetime.date = _param(
        datetime.date(2008, 1, 1),
        "3.3",
        "对2008年以后新建工程中的所有公共用房进行普查、收回",
        interpretation="I-15",
        field=lambda **kw: date_field(optional=False, **kw),
    )
    adoption_year: int | None = _param(
        None,
        "3.1",
        "今年 / 今年底之前",
        interpretation="I-13",
        field=lambda **kw: attrs.field(validator=_year, **kw),
    )
    # 4.3 assessment (local choices: the opinion sets no numbers)
    ballot_satisfied: Decimal = _param(
        Decimal("100"),
        "4.3.3",
        "社区居民…进行评议",
        interpretation="I-16",
        local=True,
        field=lambda **kw: decimal_field(optional=False, **kw),
    )
    ballot_basically_satisfied: Decimal = _param(
        Decimal("60"),
        "4.3.3",
        "社区居民…进行评议",
        interpretation="I-16",
        local=True,
        field=lambda **kw: decimal_field(optional=False, **kw),
    )
    ballot_dissatisfied: Decimal = _param(
        Decimal("0"),
        "4.3.3",
        "社区居民…进行评议",
        interpretation="I-16",
        local=True,
        field=lambda **kw: decimal_field(optional=False, **kw),
    )
    weights_department: Weights = _param(
        _weights("0.4", "0.6", "0"),
        "4.3.1",
        "纳入对各部门、单位年度目标绩效管理考核中",
        interpretation="I-17",
        local=True,
    )
    weights_sub_district_office: Weights = _param(
        _weights("0.3", "0.4", "0.3"),
        "4.3.3",
        "将社区居民的评议结果作为管委对街道办事处目标绩效管理考核的依据",
        interpretation="I-17",
        local=True,
    )
    weights_community: Weights = _param(
        _weights("0.3", "0.4", "0.3"),
        "4.3.2",
        "采取日常督导和年终考核相结合的办法",
        interpretation="I-17",
        local=True,
    )
    weights_sub_area_head: Weights = _param(
        _weights("0.3", "0.4", "0.3"),
        "4.3.2",
        "社区工作站和居委会负责制定对小区长和楼长的考核办法",
        interpretation="I-17",
        local=True,
    )
    weights_building_head: Weights = _param(
        _weights("0.3", "0.4", "0.3"),
        "4.3.2",
        "社区工作站和居委会负责制定对小区长和楼长的考核办法",
        interpretation="I-17",
        local=True,
    )
    grade_excellent: Decimal = _param(
        Decimal("90"),
        "4.3.2",
        "考核结果与人员聘用和待遇挂钩",
        interpretation="I-18",
        local=True,
        field=lambda **kw: decimal_field(optional=False, **kw),
    )
    grade_competent: Decimal = _param(
        Decimal("75"),
        "4.3.2",
        "考核结果与人员聘用和待遇挂钩",
        interpretation="I-18",
        local=True,
        field=lambda **kw: decimal_field(optional=False, **kw),
    )
    grade_basically_competent: Decimal = _param(
        Decimal("60"),
        "4.3.2",
        "考核结果与人员聘用和待遇挂钩",
        interpretation="I-18",
        local=True,
        field=lambda **kw: decimal_field(optional=False, **kw),
    )
    building_head_evaluation_effect: BuildingHeadEvaluationEffect = _param(
        BuildingHeadEvaluationEffect.RENEWAL,
        "4.3.3",
        "与…楼长等人员聘用和待遇挂钩",
        interpretation="I-20",
        field=lambda **kw: enum_field(BuildingHeadEvaluationEffect, **kw),
    )

    def __attrs_post_init__(self) -> None:
        if self.building_head_min_buildings > self.building_head_max_buildings:
            raise InvalidValue(
                "building_head_min_buildings",
                self.building_head_min_buildings,
                f"exceeds building_head_max_buildings ({self.building_head_max_buildings})",
                f"大于 building_head_max_buildings（{self.building_head_max_buildings}）",
            )
        for name in (
            "ballot_satisfied",
            "ballot_basically_satisfied",
            "ballot_dissatisfied",
            "grade_excellent",
            "grade_competent",
            "grade_basically_competent",
        ):
            value = getattr(self, name)
            if value > 100:
                raise InvalidValue(name, value, "is above 100", "超过 100")
        if not (self.ballot_satisfied >= self.ballot_basically_satisfied >= self.ballot_dissatisfied):
            raise InvalidValue(
                "ballot_basically_satisfied",
                self.ballot_basically_satisfied,
                "ballot values must not increase from satisfied to dissatisfied",
                "评议分值必须按满意、基本满意、不满意递减",
            )
        if not (self.grade_excellent >= self.grade_competent >= self.grade_basically_competent):
            raise InvalidValue(
                "grade_competent",
                self.grade_competent,
                "grade bands must not increase from excellent to basically competent",
                "等次分数线必须按优秀、称职、基本称职递减",
            )
        for name in (
            "weights_department",
            "weights_sub_district_office",
            "weights_community",
            "weights_sub_area_head",
            "weights_building_head",
        ):
            if not isinstance(getattr(self, name), Weights):
                raise InvalidType(name, getattr(self, name), "must be a Weights", "必须是 Weights")
        if self.weights_department.residents != 0:
            raise InvalidValue(
                "weights_department",
                self.weights_department,
                "must give the residents' evaluation no weight: residents do not evaluate "
                "departments (4.3.3)",
                "居民不评议区直部门（4.3.3），其居民评议权重必须为 0",
            )

    # --- derived values ----------------------------------------------------------

    @property
    def performance_pay_share(self) -> Decimal:
        """The share of pay that floats with the assessment (3.2: 剩余的30%纳入考核)."""
        return 1 - self.base_pay_share

    def weights_for(self, level: Level) -> Weights:
        """The composite-score weights of ``level`` (I-17)."""
        return {
            Level.DEPARTMENT: self.weights_department,
            Level.SUB_DISTRICT_OFFICE: self.weights_sub_district_office,
            Level.COMMUNITY: self.weights_community,
            Level.SUB_AREA_HEAD: self.weights_sub_area_head,
            Level.BUILDING_HEAD: self.weights_building_head,
        }[to_enum(Level, level, "level")]

    def year(self) -> int:
        """``adoption_year`` ("this year", 今年), or :class:`~community_rules.errors.PolicyNotSet` if unset (I-13)."""
        if self.adoption_year is None:
            raise PolicyNotSet(
                "Policy.adoption_year",
                None,
                "is not set: the opinion is undated, so 'this year' (今年) is unknown; "
                "set it with attrs.evolve(policy, adoption_year=YYYY) (SPEC I-13)",
                "未设置：意见未注明日期，“今年”无法确定；"
                "请用 attrs.evolve(policy, adoption_year=YYYY) 设置（SPEC I-13）",
            )
        return self.adoption_year

    def year_end(self) -> datetime.date:
        """31 December of the adoption year (今年底, I-13)."""
        return datetime.date(self.year(), 12, 31)

    def parameter(self, name: str) -> Parameter:
        """One field of this policy with its clause, words and interpretation."""
        try:
            field = attrs.fields_dict(Policy)[name]
        except KeyError:
            raise InvalidValue("name", name, "is not a Policy field", "不是 Policy 的字段") from None
        return Parameter(
            name=name,
            value=getattr(self, name),
            clause=field.metadata["clause"],
            words=field.metadata["words"],
            interpretation=field.metadata["interpretation"],
            local=field.metadata["local"],
        )

    def parameters(self) -> tuple[Parameter, ...]:
        """Every field of this policy, in declaration order, with its provenance."""
        return tuple(self.parameter(f.name) for f in attrs.fields(Policy))

    def changes_from(self, other: Policy) -> dict[str, tuple[Any, Any]]:
        """The fields whose values differ: ``{name: (other's value, this value)}``."""
        return {
            f.name: (getattr(other, f.name), getattr(self, f.name))
            for f in attrs.fields(Policy)
            if getattr(other, f.name) != getattr(self, f.name)
        }


#: The opinion's own numbers with the default interpretations of SPEC §4.
DEFAULT_POLICY = Policy()


def _to_date(value: Any, field: str) -> datetime.date:
    if isinstance(value, datetime.datetime):
        raise InvalidType(field, value, "is a datetime; expected a date", "是日期时间；应为日期")
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            parsed = isoparse(value)
        except (ValueError, OverflowError):
            raise InvalidValue(
                field, value, "is not an ISO date (YYYY-MM-DD)", "不是 ISO 日期（YYYY-MM-DD）"
            ) from None
        if parsed.time() != datetime.time(0) or parsed.tzinfo is not None:
            raise InvalidValue(field, value, "has a time of day; expected a date", "含有时刻；应为日期")
        return parsed.date()
    raise InvalidType(
        field,
        value,
        f"is of type {type(value).__name__}; expected a date",
        f"类型为 {type(value).__name__}；应为日期",
    )


@attrs.frozen
class PolicyTimeline:
    """Dated versions of a district's policy: which standard applies on a date.

    ``versions`` maps the date each version took effect to the version; build
    it from a mapping or from ``(date, policy)`` pairs, with dates as
    ``datetime.date`` or ISO strings.

    >>> import attrs
    >>> from decimal import Decimal
    >>> raised = attrs.evolve(DEFAULT_POLICY, office_funds_per_thousand=Decimal("12000"))
    >>> timeline = PolicyTimeline.of({"2009-01-01": DEFAULT_POLICY, "2012-07-01": raised})
    >>> timeline.on("2012-06-30") is DEFAULT_POLICY
    True
    >>> timeline.on(datetime.date(2013, 1, 1)).office_funds_per_thousand
    Decimal('12000')
    >>> timeline.on("2008-12-31")
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: date: datetime.date(2008, 12, 31) is before the first policy version (2009-01-01) ...
    """

    versions: tuple[tuple[datetime.date, Policy], ...] = attrs.field()

    @versions.validator
    def _check(self, _attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise InvalidType(
                "versions",
                value,
                f"is of type {type(value).__name__}; expected a tuple of (date, Policy) pairs "
                "(PolicyTimeline.of builds one from a mapping)",
                f"类型为 {type(value).__name__}；应为（日期, Policy）对的元组（可用 PolicyTimeline.of 构造）",
            )
        if not value:
            raise InvalidValue("versions", value, "is empty", "为空")
        for i, pair in enumerate(value):
            if not (isinstance(pair, tuple) and len(pair) == 2):
                raise InvalidType(
                    f"versions[{i}]", pair, "is not a (date, Policy) pair", "不是（日期, Policy）对"
                )
            effective, policy = pair
            if isinstance(effective, datetime.datetime) or not isinstance(effective, datetime.date):
                raise InvalidType(
                    f"versions[{i}]", effective, "is not a datetime.date (use PolicyTimeline.of)", "不是日期"
                )
            if not isinstance(policy, Policy):
                raise InvalidType(f"versions[{i}]", policy, "is not a Policy", "不是 Policy")
        dates = [d for d, _ in value]
        if len(set(dates)) != len(dates):
            raise InvalidValue("versions", dates, "has two versions on one date", "同一日期有两个版本")
        if dates != sorted(dates):
            # on() walks the versions in order; an unsorted tuple would give the wrong version.
            raise InvalidValue(
                "versions",
                dates,
                "is not in date order (PolicyTimeline.of sorts them)",
                "未按日期排序（PolicyTimeline.of 会自动排序）",
            )

    @classmethod
    def of(cls, versions: Mapping[Any, Policy] | Iterable[tuple[Any, Policy]]) -> PolicyTimeline:
        """Build a timeline from dated versions in any order."""
        pairs = versions.items() if isinstance(versions, Mapping) else versions
        dated = [(_to_date(d, f"versions[{i}].effective"), p) for i, (d, p) in enumerate(pairs)]
        return cls(tuple(sorted(dated, key=lambda pair: pair[0])))

    def on(self, date: datetime.date | str) -> Policy:
        """The version in force on ``date`` (the latest that took effect on or before it)."""
        day = _to_date(date, "date")
        current = None
        for effective, policy in self.versions:
            if effective > day:
                break
            current = policy
        if current is None:
            first = self.versions[0][0].isoformat()
            raise InvalidValue(
                "date",
                day,
                f"is before the first policy version ({first})",
                f"早于第一个政策版本（{first}）",
            )
        return current

    def effective_date(self, date: datetime.date | str) -> datetime.date:
        """The date on which the version in force on ``date`` took effect."""
        policy = self.on(date)
        day = _to_date(date, "date")
        return max(d for d, p in self.versions if p is policy and d <= day)
