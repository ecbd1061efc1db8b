"""The assessment's input: scores, residents' ballots and filed plans (clause 4.3).

Clause 4.3 of the opinion (加强民主监督，建立三级考核制度) sets up a three-tier
assessment. This module holds what the assessors record in one assessed year;
:mod:`community_rules.assessment` turns it into scores, grades and
consequences.

- **Day-to-day supervision and the year-end assessment** (4.3.2:
  日常督导和年终考核相结合): for every assessed unit, the scores of the
  supervisions during the year (``daily``) and the year-end score
  (``year_end``), each from 0 to 100.
- **The residents' evaluation** (4.3.3: 每年年终，由社区居民对街道办事处、
  社区工作站和居委会、小区长和楼长一年来的社区管理和服务工作进行评议): the
  ballots cast (satisfied, basically satisfied, dissatisfied), with the date of
  the evaluation and the community whose residents cast them. The evaluation
  belongs to the year end of the assessed year: ballots dated in another
  year are refused.
- **The assessment plans filed** (4.3.1: 各级制定的考核方案要报上一级备案):
  who made a plan and with whom it was filed.

Scores run from 0 to 100 (:data:`FULL_MARKS`) and are ``Decimal``; ``int`` and
numeric strings are accepted, a binary ``float`` is refused. Files are read
with :func:`load_scores` (JSON or TOML, numbers as ``Decimal``) and ballots
also from CSV with :func:`read_ballots`; every error names the path of the
offending value.

>>> unit = UnitScores("community", "C1", daily=[70, 80, 90], year_end=85,
...                   ballots=Ballots(3, 1, 1, "2009-12-20"))
>>> unit.daily, unit.ballots[0].community
((Decimal('70'), Decimal('80'), Decimal('90')), 'C1')
>>> Scores(2009, [unit]).units[0].key
(<Level.COMMUNITY: 'community'>, 'C1', None)
>>> load_scores({"year": 2009, "units": [
...     {"level": "community", "id": "C1", "daily": [70, 101]}]})
Traceback (most recent call last):
...
community_rules.errors.InvalidValue: units[0].daily[1]: 101 is above 100 ...
>>> Scores(2010, [unit])
Traceback (most recent call last):
...
community_rules.errors.InvalidValue: units[0].ballots[0].date: datetime.date(2009, 12, 20) is outside the assessed year 2010: ...
"""

from __future__ import annotations

import csv
import datetime
import enum
import io
import os
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO, TypeAlias, Union

import attrs

from ._fields import MAX_COUNT, check_count, count_field, enum_field, id_field, to_enum, tuple_field
from .dates import parse_date
from .documents import read_document
from .enums import Level
from .errors import DocumentError, Error, InvalidType, InvalidValue
from .money import to_decimal

__all__ = [
    "BALLOT_COLUMNS",
    "FULL_MARKS",
    "HEAD_LEVELS",
    "Ballots",
    "Body",
    "PlanFiling",
    "Scores",
    "UnitKey",
    "UnitScores",
    "load_scores",
    "read_ballots",
    "to_score",
]

#: The top of the score scale (the scale is a local choice of I-16…I-18; the
#: opinion gives no scale): every score runs from 0 to 100.
FULL_MARKS = Decimal(100)

#: The levels that are persons within a community (小区长, 楼长): their units
#: are named by their id *and* their community.
HEAD_LEVELS = frozenset({Level.SUB_AREA_HEAD, Level.BUILDING_HEAD})

#: A unit's key: its level, its id and, for a head, its community.
UnitKey: TypeAlias = tuple[Level, str, Union[str, None]]  # noqa: UP007 (evaluated at run time on 3.10)

#: The columns of a ballots CSV file (:func:`read_ballots`); the header names
#: them, in any order.
BALLOT_COLUMNS = ("level", "id", "community", "satisfied", "basically_satisfied", "dissatisfied", "date")


class Body(str, enum.Enum):
    """The bodies that make and receive assessment plans (4.3.1, 4.2).

    ``CITY`` stands for the level above the district (the management
    committee's own plans are filed there, outside this library's reach).
    """

    #: 区管委: the district management committee (assesses departments and offices, 4.3.1, 4.3.3).
    MANAGEMENT_COMMITTEE = "management_committee"
    #: 社会事业局: writes and runs the rules for assessing the offices' community work (4.2).
    SOCIAL_AFFAIRS_BUREAU = "social_affairs_bureau"
    #: 区直部门: a district-level department (assessed by the management committee, 4.3.1).
    DEPARTMENT = "department"
    #: 街道办事处: a sub-district office (assesses its workstations and committees, 4.3.2).
    SUB_DISTRICT_OFFICE = "sub_district_office"
    #: 社区工作站和居委会: a community's workstation and committee (assess the heads, 4.3.2).
    COMMUNITY = "community"
    #: 市: the city, above the district (not part of the district's data).
    CITY = "city"

    def __str__(self) -> str:
        return str.__str__(self)

    @property
    def zh(self) -> str:
        """The Chinese name, as in the opinion."""
        return _BODY_ZH[self]

    @property
    def en(self) -> str:
        """The English name, as in the opinion's glossary."""
        return _BODY_EN[self]


_BODY_ZH = {
    Body.MANAGEMENT_COMMITTEE: "区管委",
    Body.SOCIAL_AFFAIRS_BUREAU: "社会事业局",
    Body.DEPARTMENT: "区直部门",
    Body.SUB_DISTRICT_OFFICE: "街道办事处",
    Body.COMMUNITY: "社区工作站和居委会",
    Body.CITY: "市",
}
_BODY_EN = {
    Body.MANAGEMENT_COMMITTEE: "district management committee",
    Body.SOCIAL_AFFAIRS_BUREAU: "Social Affairs Bureau",
    Body.DEPARTMENT: "district-level department",
    Body.SUB_DISTRICT_OFFICE: "sub-district office",
    Body.COMMUNITY: "community workstation and residents' committee",
    Body.CITY: "city",
}


# --- scores ---------------------------------------------------------------------------


def to_score(value: object, field: str = "score") -> Decimal:
    """``value`` as an exact ``Decimal`` score from 0 to 100, or raise naming ``field``.

    Accepts what :func:`community_rules.money.to_decimal` accepts (``Decimal``,
    ``int``, numeric strings; never a ``float``); the error shows the value
    as given.

    >>> to_score("72.5")
    Decimal('72.5')
    >>> to_score(-1, "year_end")
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: year_end: -1 is negative; a score runs from 0 to 100 ...
    """
    score = to_decimal(value, field)
    if score < 0:
        raise InvalidValue(
            field, value, "is negative; a score runs from 0 to 100", "为负数；分数范围为 0 到 100"
        )
    if score > FULL_MARKS:
        raise InvalidValue(field, value, "is above 100", "超过 100")
    return score


def _score_conv(value: Any, _inst: Any, field: attrs.Attribute[Any]) -> Decimal | None:
    if value is None:
        return None
    return to_score(value, field.name)


def _scores_conv(value: Any, _inst: Any, field: attrs.Attribute[Any]) -> tuple[Decimal, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InvalidType(
            field.name,
            value,
            f"is of type {type(value).__name__}; expected a list of scores",
            f"类型为 {type(value).__name__}；应为分数列表",
        )
    return tuple(to_score(v, f"{field.name}[{i}]") for i, v in enumerate(value))


def _date_conv(value: Any, _inst: Any, field: attrs.Attribute[Any]) -> datetime.date:
    return parse_date(value, field.name)


def _optional_date_conv(value: Any, _inst: Any, field: attrs.Attribute[Any]) -> datetime.date | None:
    return None if value is None else parse_date(value, field.name)


def _converted(function: Any, **kw: Any) -> Any:
    """A field whose converter is ``function(value, instance, field)`` (raising with the field's name)."""
    return attrs.field(converter=attrs.Converter(function, takes_self=True, takes_field=True), **kw)


@attrs.frozen
class Ballots:
    """The ballots of one residents' evaluation (居民评议, 4.3.3).

    ``satisfied`` (满意), ``basically_satisfied`` (基本满意) and
    ``dissatisfied`` (不满意) are counts of ballots, not all zero; ``date``
    is the day of the evaluation (a ``datetime.date`` or an ISO string);
    ``community`` names the community whose residents cast them. For a
    community or a head it may be left out (it is then that unit's own
    community); for a sub-district office it is required, since the residents
    of each of the office's communities evaluate the office.

    >>> Ballots(3, 1, 1, "2009-12-20").total
    5
    >>> Ballots(0, 0, 0, "2009-12-20")
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: satisfied, basically_satisfied, dissatisfied: (0, 0, 0) are all zero: there is no ballot to score ...
    """

    satisfied: int = count_field()
    basically_satisfied: int = count_field()
    dissatisfied: int = count_field()
    date: datetime.date = _converted(_date_conv)
    community: str | None = id_field(default=None, optional=True)

    def __attrs_post_init__(self) -> None:
        if self.total == 0:
            raise InvalidValue(
                "satisfied, basically_satisfied, dissatisfied",
                (0, 0, 0),
                "are all zero: there is no ballot to score",
                "均为零：没有可计分的评议票",
            )

    @property
    def total(self) -> int:
        """The number of ballots cast."""
        return self.satisfied + self.basically_satisfied + self.dissatisfied


def _ballots_conv(value: Any, _inst: Any, field: attrs.Attribute[Any]) -> tuple[Ballots, ...]:
    if value is None:
        return ()
    if isinstance(value, Ballots):
        return (value,)
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InvalidType(
            field.name,
            value,
            f"is of type {type(value).__name__}; expected Ballots or a list of them",
            f"类型为 {type(value).__name__}；应为 Ballots 或其列表",
        )
    items = tuple(value)
    for i, item in enumerate(items):
        if not isinstance(item, Ballots):
            raise InvalidType(
                f"{field.name}[{i}]",
                item,
                f"is of type {type(item).__name__}; expected Ballots",
                f"类型为 {type(item).__name__}；应为 Ballots",
            )
    return items


@attrs.frozen
class UnitScores:
    """What one assessed unit scored in the year (4.3.2, 4.3.3).

    ``level`` is an :class:`~community_rules.enums.Level`; ``id`` names the
    unit: a department, a sub-district office id, a community id (for the
    workstation and committee together), or a sub-area head's or building
    head's id, in which case ``community`` names the head's community (and
    must be left out otherwise). ``daily`` are the day-to-day supervision
    scores (日常督导), ``year_end`` the year-end score (年终考核), ``ballots``
    the residents' evaluations of the unit (one :class:`Ballots`, or several,
    which are pooled: for a sub-district office, one per evaluating
    community). Residents do not evaluate departments, so a department has
    no ballots.

    >>> UnitScores("building_head", "BH1", daily=["80.5"]).community
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: community: None is required for a building head: name the head's community ...
    """

    level: Level = enum_field(Level)
    id: str = id_field()
    community: str | None = id_field(default=None, optional=True)
    daily: tuple[Decimal, ...] = _converted(_scores_conv, default=())
    year_end: Decimal | None = _converted(_score_conv, default=None)
    ballots: tuple[Ballots, ...] = _converted(_ballots_conv, default=())

    def __attrs_post_init__(self) -> None:
        level = self.level
        if level in HEAD_LEVELS:
            if self.community is None:
                raise InvalidValue(
                    "community",
                    None,
                    f"is required for a {level.en}: name the head's community",
                    f"对{level.zh}为必填项：请填写其所在社区",
                )
        elif self.community is not None:
            raise InvalidValue(
                "community",
                self.community,
                f"must be left out for a {level.en} (it names a head's community)",
                f"对{level.zh}应省略（该字段用于填写小区长、楼长所在社区）",
            )
        if level is Level.DEPARTMENT:
            if self.ballots:
                raise InvalidValue(
                    "ballots",
                    self.ballots,
                    "must be empty: residents do not evaluate departments (4.3.3)",
                    "应为空：居民不评议区直部门（4.3.3）",
                )
            return
        if level is Level.SUB_DISTRICT_OFFICE:
            for i, ballots in enumerate(self.ballots):
                if ballots.community is None:
                    raise InvalidValue(
                        f"ballots[{i}].community",
                        None,
                        "is required for a sub-district office: name the community whose residents "
                        "cast the ballots",
                        "对街道办事处为必填项：请填写投票居民所在社区",
                    )
            return
        own = self.id if level is Level.COMMUNITY else self.community
        normalised = []
        for i, ballots in enumerate(self.ballots):
            if ballots.community is None:
                ballots = attrs.evolve(ballots, community=own)
            elif ballots.community != own:
                raise InvalidValue(
                    f"ballots[{i}].community",
                    ballots.community,
                    f"is not the unit's community {own!r}: residents evaluate their own community's "
                    "workstation, committee and heads",
                    f"不是该单位所在社区 {own!r}：居民评议本社区的工作站、居委会和小区长、楼长",
                )
            normalised.append(ballots)
        object.__setattr__(self, "ballots", tuple(normalised))

    @property
    def key(self) -> UnitKey:
        """``(level, id, community)``: what names this unit in the district."""
        return (self.level, self.id, self.community)


def _plan_author(_inst: Any, attribute: attrs.Attribute[Any], value: Body) -> None:
    if value is Body.CITY:
        raise InvalidValue(
            attribute.name,
            value.value,
            "is outside the district: the city's plans are not this district's to file",
            "不属于本区：市级考核方案不由本区备案",
        )


@attrs.frozen(kw_only=True)
class PlanFiling:
    """One assessment plan (考核方案) and where it was filed for the record (备案, 4.3.1).

    ``author`` is the body that made the plan and ``author_id`` names it (a
    community id for a workstation and committee, an office id, a department
    id; left out for the management committee and the Social Affairs
    Bureau). ``filed_with`` is the body the plan was filed with and
    ``filed_with_id`` names it when that is a sub-district office.
    ``filed_on`` is the filing date, if known (the opinion sets no deadline,
    so it is reported, not checked).

    >>> PlanFiling(author="community", author_id="C1", filed_with="sub_district_office").filed_with_id
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: filed_with_id: None is required when a plan is filed with a sub-district office: name the office ...
    """

    author: Body = enum_field(Body, validator=_plan_author)
    author_id: str | None = id_field(default=None, optional=True)
    filed_with: Body = enum_field(Body)
    filed_with_id: str | None = id_field(default=None, optional=True)
    filed_on: datetime.date | None = _converted(_optional_date_conv, default=None)

    def __attrs_post_init__(self) -> None:
        named = (Body.COMMUNITY, Body.SUB_DISTRICT_OFFICE, Body.DEPARTMENT)
        if self.author in named and self.author_id is None:
            raise InvalidValue(
                "author_id",
                None,
                f"is required for a plan made by a {self.author.en}: name it",
                f"{self.author.zh}制定的方案须填写其编号",
            )
        if self.author not in named and self.author_id is not None:
            raise InvalidValue(
                "author_id",
                self.author_id,
                f"must be left out for the {self.author.en} (there is only one)",
                f"{self.author.zh}只有一个，应省略编号",
            )
        if self.filed_with is Body.SUB_DISTRICT_OFFICE and self.filed_with_id is None:
            raise InvalidValue(
                "filed_with_id",
                None,
                "is required when a plan is filed with a sub-district office: name the office",
                "方案报街道办事处备案时须填写街道办事处编号",
            )
        if self.filed_with is not Body.SUB_DISTRICT_OFFICE and self.filed_with_id is not None:
            raise InvalidValue(
                "filed_with_id",
                self.filed_with_id,
                "must be left out unless the plan is filed with a sub-district office",
                "仅在报街道办事处备案时填写",
            )


def _year(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidType(
            attribute.name,
            value,
            f"is of type {type(value).__name__}; expected an int year",
            f"类型为 {type(value).__name__}；应为整数年份",
        )
    if not datetime.MINYEAR <= value <= datetime.MAXYEAR:
        raise InvalidValue(attribute.name, value, "is not a calendar year", "不是有效年份")


@attrs.frozen
class Scores:
    """Everything recorded for one assessed year (4.3).

    ``year`` is the assessed year; ``units`` the scores of every assessed
    unit (each unit once); ``plans`` the assessment plans filed, or ``None``
    when not known (the filing check then reports UNKNOWN). Every residents'
    evaluation must be dated in ``year``: it is that year's year-end
    evaluation (4.3.3: 每年年终).
    """

    year: int = attrs.field(validator=_year)
    units: tuple[UnitScores, ...] = tuple_field(UnitScores)
    plans: tuple[PlanFiling, ...] | None = tuple_field(PlanFiling, default=None, optional=True)

    def __attrs_post_init__(self) -> None:
        seen: dict[UnitKey, int] = {}
        for i, unit in enumerate(self.units):
            if unit.key in seen:
                raise InvalidValue(
                    f"units[{i}]",
                    _show_key(unit.key),
                    f"is a duplicate of units[{seen[unit.key]}]: each unit is scored once a year",
                    f"与 units[{seen[unit.key]}] 重复：每个单位每年只考核一次",
                )
            seen[unit.key] = i
            for j, ballots in enumerate(unit.ballots):
                if ballots.date.year != self.year:
                    raise InvalidValue(
                        f"units[{i}].ballots[{j}].date",
                        ballots.date,
                        f"is outside the assessed year {self.year}: the residents' evaluation is that "
                        "year's year-end evaluation (4.3.3: 每年年终)",
                        f"不在考核年度 {self.year} 内：居民评议是该年度的年终评议（4.3.3：每年年终）",
                    )

    def unit(self, level: Level | str, unit_id: str, community: str | None = None) -> UnitScores:
        """The scores of one unit, or an error naming the key."""
        key = (to_enum(Level, level, "level"), unit_id, community)
        for unit in self.units:
            if unit.key == key:
                return unit
        raise InvalidValue("unit", _show_key(key), "has no scores this year", "本年度没有考核分数")


def _show_key(key: UnitKey) -> str:
    level, unit_id, community = key
    return f"{level.value} {unit_id}" + (f" ({community})" if community else "")


# --- reading JSON and TOML -------------------------------------------------------------

_UNIT_FIELDS = ("level", "id", "community", "daily", "year_end", "ballots")
_BALLOT_FIELDS = ("satisfied", "basically_satisfied", "dissatisfied", "date", "community")
_PLAN_FIELDS = ("author", "author_id", "filed_with", "filed_with_id", "filed_on")
_TOP_FIELDS = ("year", "units", "plans")


def _table(value: Any, path: str, fields: tuple[str, ...], what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidType(
            path,
            value,
            f"is of type {type(value).__name__}; expected a table of {what} fields",
            f"类型为 {type(value).__name__}；应为{what}字段表",
        )
    for key in value:
        if key not in fields:
            raise InvalidValue(
                _join(path, str(key)),
                key,
                f"is not a field of {what} (valid: {', '.join(fields)})",
                f"不是{what}的字段（有效字段：{', '.join(fields)}）",
            )
    return value


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, (list, tuple)):
        raise InvalidType(
            path,
            value,
            f"is of type {type(value).__name__}; expected a list",
            f"类型为 {type(value).__name__}；应为列表",
        )
    return list(value)


def _build(cls: Any, data: Mapping[str, Any], path: str) -> Any:
    try:
        return cls(**data)
    except Error as exc:
        raise exc.with_prefix(path) from None
    except TypeError as exc:  # a required field left out
        missing = re.findall(r"'(\w+)'", str(exc))
        name = missing[0] if missing else ""
        raise InvalidValue(_join(path, name), ..., "is missing", "缺失") from None


def _ballots_from(value: Any, path: str) -> tuple[Ballots, ...]:
    items = [value] if isinstance(value, Mapping) else _list(value, path)
    prefix = path if isinstance(value, Mapping) else None
    result = []
    for j, item in enumerate(items):
        where = prefix if prefix is not None else f"{path}[{j}]"
        result.append(_build(Ballots, _table(item, where, _BALLOT_FIELDS, "Ballots"), where))
    return tuple(result)


def _unit_from(value: Any, path: str) -> UnitScores:
    data = dict(_table(value, path, _UNIT_FIELDS, "UnitScores"))
    if "ballots" in data and data["ballots"] is not None:
        data["ballots"] = _ballots_from(data["ballots"], f"{path}.ballots")
    return _build(UnitScores, data, path)  # type: ignore[no-any-return]


def _scores_from(data: Mapping[str, Any]) -> Scores:
    _table(data, "", _TOP_FIELDS, "Scores")
    if "year" not in data:
        raise InvalidValue("year", ..., "is missing: name the assessed year", "缺失：请填写考核年度")
    units = tuple(_unit_from(u, f"units[{i}]") for i, u in enumerate(_list(data.get("units", []), "units")))
    plans = None
    if data.get("plans") is not None:
        plans = tuple(
            _build(PlanFiling, _table(p, f"plans[{i}]", _PLAN_FIELDS, "PlanFiling"), f"plans[{i}]")
            for i, p in enumerate(_list(data["plans"], "plans"))
        )
    result: Scores = _build(Scores, {"year": data["year"], "units": units, "plans": plans}, "")
    return result


def load_scores(
    source: Mapping[str, Any] | str | os.PathLike[str] | bytes,
    *,
    ballots: str | os.PathLike[str] | TextIO | bytes | None = None,
) -> Scores:
    """Read a year's scores from a JSON or TOML file, its bytes, or a parsed mapping.

    The document has ``year``, a list ``units`` (each with ``level``, ``id``,
    ``community`` for a head, ``daily``, ``year_end``, and ``ballots``: one
    table or a list of tables) and, if known, a list ``plans``. Numbers are
    read as ``Decimal`` (``parse_float=Decimal``); scores may also be given
    as strings. ``ballots`` optionally names a CSV file of ballots (see
    :func:`read_ballots`) that are added to the units they name; a CSV row for
    a unit the document does not list, or ballots given twice for one unit, is
    an error naming the file and line.

    >>> s = load_scores({"year": 2009, "units": [{"level": "community", "id": "C1",
    ...     "daily": [70, 80, 90], "year_end": 85,
    ...     "ballots": {"satisfied": 3, "basically_satisfied": 1, "dissatisfied": 1,
    ...                 "date": "2009-12-20"}}]})
    >>> s.units[0].ballots[0].total
    5
    >>> load_scores({"year": 2009, "units": [{"level": "community", "id": "C1", "dialy": [70]}]})
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: units[0].dialy: 'dialy' is not a field of UnitScores ...
    """
    data = source if isinstance(source, Mapping) else read_document(source)
    if not isinstance(data, Mapping):
        raise InvalidType(
            "", data, "is not a scores document (a table at the top)", "不是考核分数文档（顶层应为表）"
        )
    scores = _scores_from(data)
    if ballots is None:
        return scores
    return _merge_ballots(scores, _read_ballot_rows(ballots))


# --- reading CSV -------------------------------------------------------------------------

_COUNT = re.compile(r"\d+")


@attrs.frozen
class _Row:
    key: UnitKey
    ballots: Ballots
    where: str


def _csv_text(source: str | os.PathLike[str] | TextIO | bytes) -> tuple[str, str]:
    """The CSV text and the name used in error paths."""
    if isinstance(source, bytes):
        raw, name = source, "ballots.csv"
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        name = path.name
        try:
            raw = path.read_bytes()
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
            reason = getattr(exc, "strerror", None) or str(exc)
            raise DocumentError(
                str(path), str(path), f"cannot be read: {reason}", f"无法读取：{reason}"
            ) from None
    elif hasattr(source, "read"):
        name = Path(str(getattr(source, "name", "ballots.csv"))).name
        text = source.read()
        if not isinstance(text, str):
            raise InvalidType(name, text, "is not a text stream; open the file in text mode", "不是文本流")
        return text.removeprefix("\ufeff"), name
    else:
        raise InvalidType(
            "ballots",
            source,
            f"is of type {type(source).__name__}; expected a path, bytes or a text stream",
            f"类型为 {type(source).__name__}；应为路径、字节串或文本流",
        )
    try:
        return raw.decode("utf-8-sig"), name
    except UnicodeDecodeError as exc:
        raise DocumentError(
            name,
            raw[exc.start : exc.start + 4],
            f"is not UTF-8 (at byte {exc.start})",
            f"不是 UTF-8 编码（第 {exc.start} 字节）",
        ) from None


def _csv_count(text: str, where: str) -> int:
    value = text.strip()
    if not _COUNT.fullmatch(value):
        raise InvalidValue(where, text, "is not a count", "不是计数")
    if len(value) > len(str(MAX_COUNT)):  # before int(): no huge conversions
        raise InvalidValue(where, text, f"is too large (limit {MAX_COUNT:,})", f"过大（上限 {MAX_COUNT:,}）")
    return check_count(where, int(value))


def _read_ballot_rows(source: str | os.PathLike[str] | TextIO | bytes) -> list[_Row]:
    text, name = _csv_text(source)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
        header = reader.fieldnames or []
        missing = [c for c in BALLOT_COLUMNS if c != "community" and c not in header]
        if missing:
            raise InvalidValue(
                f"{name} line 1",
                ", ".join(header),
                f"lacks the column {missing[0]} (columns: {', '.join(BALLOT_COLUMNS)})",
                f"缺少列 {missing[0]}（各列：{', '.join(BALLOT_COLUMNS)}）",
            )
        for column in header:
            if column not in BALLOT_COLUMNS:
                raise InvalidValue(
                    f"{name} line 1, column {column}",
                    column,
                    f"is not a column of a ballots file (valid: {', '.join(BALLOT_COLUMNS)})",
                    f"不是评议票文件的列（有效列：{', '.join(BALLOT_COLUMNS)}）",
                )
        rows = []
        for record in reader:
            line = f"{name} line {reader.line_num}"
            if None in record:
                raise InvalidValue(line, record[None], "has more cells than the header", "单元格多于表头")
            rows.append(_ballot_row(record, line))
    except csv.Error as exc:
        raise DocumentError(name, str(exc), "is not valid CSV", "不是有效的 CSV") from None
    return rows


def _ballot_row(record: dict[str, str | None], line: str) -> _Row:
    def cell(column: str) -> str:
        value = record.get(column)
        if value is None:
            raise InvalidValue(f"{line}, column {column}", None, "is missing", "缺失")
        return value

    level_text = cell("level").strip()
    try:
        level = Level(level_text)
    except ValueError:
        valid = ", ".join(m.value for m in Level)
        raise InvalidValue(
            f"{line}, column level",
            level_text,
            f"is not a level (valid: {valid})",
            f"不是有效层级（有效值：{valid}）",
        ) from None
    unit_id = cell("id").strip()
    community = (record.get("community") or "").strip() or None
    counts = {
        c: _csv_count(cell(c), f"{line}, column {c}")
        for c in ("satisfied", "basically_satisfied", "dissatisfied")
    }
    date = parse_date(cell("date"), f"{line}, column date")
    if level is Level.DEPARTMENT:
        raise InvalidValue(
            f"{line}, column level",
            level_text,
            "is a department: residents do not evaluate departments (4.3.3)",
            "为区直部门：居民不评议区直部门（4.3.3）",
        )
    if not unit_id:
        raise InvalidValue(f"{line}, column id", unit_id, "is empty", "为空")
    if level in HEAD_LEVELS:
        if community is None:
            raise InvalidValue(
                f"{line}, column community", "", f"is required for a {level.en}", f"对{level.zh}为必填项"
            )
        key: UnitKey = (level, unit_id, community)
    elif level is Level.COMMUNITY:
        if community not in (None, unit_id):
            raise InvalidValue(
                f"{line}, column community",
                community,
                f"is not the community {unit_id!r} itself: residents evaluate their own community",
                f"不是社区 {unit_id!r} 本身：居民评议本社区",
            )
        key, community = (level, unit_id, None), unit_id
    else:  # a sub-district office: community names the evaluating community
        if community is None:
            raise InvalidValue(
                f"{line}, column community",
                "",
                "is required for a sub-district office: name the community whose residents voted",
                "对街道办事处为必填项：请填写投票居民所在社区",
            )
        key = (level, unit_id, None)
    try:
        ballots = Ballots(date=date, community=community, **counts)
    except Error as exc:
        raise exc.with_prefix(line) from None
    return _Row(key, ballots, line)


def read_ballots(
    source: str | os.PathLike[str] | TextIO | bytes,
) -> dict[UnitKey, tuple[Ballots, ...]]:
    """Read residents' ballots from CSV: the ballots of each unit, in file order.

    ``source`` is a path, the file's bytes, or an open text stream. The header
    names the columns ``level``, ``id``, ``community``, ``satisfied``,
    ``basically_satisfied``, ``dissatisfied`` and ``date`` (any order;
    ``community`` may be left out when no row needs it). ``community`` names
    a head's community, or, on a sub-district office's row, the community
    whose residents evaluated the office. Counts are whole numbers written
    as digits; errors name the file, the line and the column.

    >>> rows = read_ballots(b"level,id,community,satisfied,basically_satisfied,dissatisfied,date\\n"
    ...                     b"community,C1,,3,1,1,2009-12-20\\n")
    >>> rows[(Level.COMMUNITY, "C1", None)][0].satisfied
    3
    >>> read_ballots(b"level,id,satisfied,basically_satisfied,dissatisfied,date\\n"
    ...              b"community,C1,x,1,1,2009-12-20\\n")
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: ballots.csv line 2, column satisfied: 'x' is not a count ...
    """
    result: dict[UnitKey, list[Ballots]] = {}
    for row in _read_ballot_rows(source):
        result.setdefault(row.key, []).append(row.ballots)
    return {key: tuple(items) for key, items in result.items()}


def _merge_ballots(scores: Scores, rows: list[_Row]) -> Scores:
    index = {unit.key: i for i, unit in enumerate(scores.units)}
    added: dict[int, list[Ballots]] = {}
    for row in rows:
        i = index.get(row.key)
        if i is None:
            raise InvalidValue(
                row.where,
                _show_key(row.key),
                "is not a unit of the scores document: list it under units",
                "不是考核分数文档中的单位：请在 units 中列出",
            )
        if row.ballots.date.year != scores.year:
            raise InvalidValue(
                f"{row.where}, column date",
                row.ballots.date,
                f"is outside the assessed year {scores.year}: the residents' evaluation is that "
                "year's year-end evaluation (4.3.3: 每年年终)",
                f"不在考核年度 {scores.year} 内：居民评议是该年度的年终评议（4.3.3：每年年终）",
            )
        if scores.units[i].ballots:
            raise InvalidValue(
                row.where,
                _show_key(row.key),
                f"gives ballots for units[{i}], which has ballots in the document already",
                f"为 units[{i}] 提供了评议票，但文档中已有其评议票",
            )
        added.setdefault(i, []).append(row.ballots)
    units = list(scores.units)
    for i, items in added.items():
        try:
            units[i] = attrs.evolve(units[i], ballots=tuple(items))
        except Error as exc:
            raise exc.with_prefix(f"units[{i}]") from None
    try:
        return attrs.evolve(scores, units=tuple(units))
    except Error as exc:
        raise exc.with_prefix("") from None
