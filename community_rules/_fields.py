"""Field factories shared by the library's attrs classes (private).

Each factory builds an ``attrs.field`` whose converter and validator raise the
library's own errors naming the field and the value, so that a bad value never
gets past construction.
"""

from __future__ import annotations

import datetime
import enum
import functools
import math
from collections.abc import Callable, Iterable
from decimal import Decimal
from itertools import repeat
from typing import Any, TypeVar

import attrs

from .errors import InvalidType, InvalidValue
from .money import to_decimal

__all__ = [
    "MAX_COUNT",
    "bool_field",
    "check_count",
    "count_field",
    "date_field",
    "decimal_field",
    "enum_field",
    "id_field",
    "plain_id",
    "require",
    "text_field",
    "to_enum",
    "tuple_field",
]

#: The largest count (households, staff, buildings…) the library accepts.
MAX_COUNT = 10**9

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)


def check_count(name: str, value: object, *, minimum: int = 0) -> int:
    """Return ``value`` if it is a whole count in ``minimum..MAX_COUNT``, else raise."""
    if isinstance(value, bool) or not isinstance(value, int):
        # is_finite() first: NaN, infinities (and Decimal % on huge values) must not trap here.
        if (isinstance(value, float) and math.isfinite(value) and not value.is_integer()) or (
            isinstance(value, Decimal) and value.is_finite() and value != value.to_integral_value()
        ):
            raise InvalidValue(name, value, "is not a whole number", "不是整数")
        raise InvalidType(
            name,
            value,
            f"is of type {type(value).__name__}; a count must be an int",
            f"类型为 {type(value).__name__}；计数必须是整数",
        )
    if value < minimum:
        if minimum == 0:
            raise InvalidValue(name, value, "is negative", "为负数")
        raise InvalidValue(name, value, f"is less than {minimum}", f"小于 {minimum}")
    if value > MAX_COUNT:
        raise InvalidValue(name, value, f"is too large (limit {MAX_COUNT:,})", f"过大（上限 {MAX_COUNT:,}）")
    return value


def require(name: str, value: object, expected: type[T]) -> T:
    """Return ``value`` if it is an instance of ``expected``, else raise :class:`InvalidType` naming ``name``.

    For the arguments of public functions that take one of the library's own
    objects (a ``Policy``, a ``Community``, a ``Report``…): ``None`` or a
    stray value is refused with the field and the value, not left to fail as
    an ``AttributeError`` somewhere inside.
    """
    if isinstance(value, expected):
        return value
    raise InvalidType(
        name,
        value,
        f"is of type {type(value).__name__}; expected a {expected.__name__}",
        f"类型为 {type(value).__name__}；应为 {expected.__name__}",
    )


def _count_validator(minimum: int, optional: bool) -> Callable[[Any, Any, Any], None]:
    def validate(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is int and minimum <= value <= MAX_COUNT:  # the common case, without a call
            return
        if value is None and optional:
            return
        check_count(attribute.name, value, minimum=minimum)

    return validate


def count_field(*, default: Any = attrs.NOTHING, optional: bool = False, minimum: int = 0, **kw: Any) -> Any:
    """An int count (not a bool), ``minimum..MAX_COUNT``; ``None`` if ``optional``."""
    return attrs.field(default=default, validator=_count_validator(minimum, optional), **kw)


def _check_unicode(name: str, value: str) -> None:
    """Refuse a string no UTF-8 file can hold (a lone surrogate, e.g. from a JSON ``\\ud800`` escape)."""
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InvalidValue(
                name,
                value,
                f"is not valid Unicode text (a lone surrogate at position {exc.start})",
                f"不是有效的 Unicode 文本（第 {exc.start} 个字符是孤立的代理项）",
            ) from None


def plain_id(value: object) -> bool:
    """True for the common id: a non-empty ASCII str without surrounding white space.

    Exactly what :func:`id_field`'s validator accepts of an ASCII str, in a
    few operations; anything else goes through its full checks.
    """
    return (
        type(value) is str
        and value != ""
        and value.isascii()
        and not (value[0].isspace() or value[-1].isspace())
    )


def _id_validator(optional: bool) -> Callable[[Any, Any, Any], None]:
    def validate(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if plain_id(value):  # the common case
            return
        if value is None and optional:
            return
        if not isinstance(value, str):
            raise InvalidType(
                attribute.name,
                value,
                f"is of type {type(value).__name__}; an id must be a string",
                f"类型为 {type(value).__name__}；编号必须是字符串",
            )
        if not value.strip():
            raise InvalidValue(attribute.name, value, "is empty", "为空")
        if value != value.strip():
            raise InvalidValue(
                attribute.name,
                value,
                "has leading or trailing white space",
                "首尾含有空白字符",
            )
        _check_unicode(attribute.name, value)

    return validate


def id_field(*, default: Any = attrs.NOTHING, optional: bool = False, **kw: Any) -> Any:
    """A non-empty string without surrounding white space (an id or a name)."""
    return attrs.field(default=default, validator=_id_validator(optional), **kw)


def _text_validator(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise InvalidType(
            attribute.name,
            value,
            f"is of type {type(value).__name__}; expected a string",
            f"类型为 {type(value).__name__}；应为字符串",
        )
    if value is not None:
        _check_unicode(attribute.name, value)


def text_field(*, default: Any = None, **kw: Any) -> Any:
    """An optional free text (a name, a note)."""
    return attrs.field(default=default, validator=_text_validator, **kw)


def _to_decimal_field(value: Any, _inst: Any, field: attrs.Attribute[Any]) -> Any:
    if value is None:
        return None
    return to_decimal(value, field.name)


def _nonneg_validator(optional: bool) -> Callable[[Any, Any, Any], None]:
    def validate(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            if optional:
                return
            raise InvalidType(attribute.name, value, "is required", "为必填项")
        if value < 0:
            raise InvalidValue(attribute.name, value, "is negative", "为负数")

    return validate


def decimal_field(*, default: Any = None, optional: bool = True, nonnegative: bool = True, **kw: Any) -> Any:
    """Exact money, an area or a score: ``Decimal``, ``int`` or a numeric string.

    A binary float is refused (see :func:`community_rules.money.to_decimal`).
    """
    validators = [_nonneg_validator(optional)] if nonnegative else []
    extra = kw.pop("validator", None)
    if extra is not None:
        validators.append(extra)
    return attrs.field(
        default=default,
        converter=attrs.Converter(_to_decimal_field, takes_self=True, takes_field=True),
        validator=validators,
        **kw,
    )


def _bool_validator(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, bool):
        raise InvalidType(
            attribute.name,
            value,
            f"is of type {type(value).__name__}; expected true or false",
            f"类型为 {type(value).__name__}；应为 true 或 false",
        )


def bool_field(*, default: Any = None, **kw: Any) -> Any:
    """A yes/no fact; ``None`` means not known."""
    return attrs.field(default=default, validator=_bool_validator, **kw)


#: The Chinese names of the enumerations, for the Chinese half of an error message.
_ZH_NAMES = {
    "Body": "机构",
    "BuildingHeadEvaluationEffect": "楼长评议结果的用途",
    "CommunityKind": "社区类型",
    "Education": "学历",
    "Grade": "考核等次",
    "HiringRounding": "招聘取整方式",
    "Insurance": "保险种类",
    "Level": "考核层级",
    "Modality": "约束程度",
    "OfficeFundsRule": "办公经费计算方式",
    "PartMonthRule": "不足一月的计算方式",
    "PriorityGroup": "优先群体",
    "Status": "状态",
    "StaffQuotaRounding": "编制取整方式",
    "SubAreaRule": "小区划分方式",
    "WelfareBase": "公益金基数",
}


@functools.cache
def _members_by_value(enum_type: type[E]) -> dict[object, E]:
    """Each member of ``enum_type`` by its value (``enum_type(value)`` costs some 7,000 instructions)."""
    return {member.value: member for member in enum_type}


def to_enum(enum_type: type[E], value: object, field: str) -> E:
    """``value`` as a member of ``enum_type`` (a member or a member's value), else raise naming ``field``.

    Anything that cannot be a member's value (a list, a float, a bool…) is
    refused before ``Enum``'s own lookup, whose message shows the value with ``repr()``
    (a deeply nested list would turn that into a ``RecursionError``).
    """
    if isinstance(value, enum_type):
        return value
    if type(value) is str:  # the usual case: a member's value, found in one dict lookup
        member: E | None = _members_by_value(enum_type).get(value)
        if member is not None:
            return member
    a_value = isinstance(value, (str, int)) and not isinstance(value, bool)
    if a_value:
        try:
            return enum_type(value)
        except ValueError:
            pass
    # Refused: the valid values are spelled out only now (the lookup above is the hot path).
    valid = ", ".join(str(m.value) for m in enum_type)
    name = enum_type.__name__
    zh = _ZH_NAMES.get(name, name)
    if not a_value:
        raise InvalidType(
            field,
            value,
            f"is of type {type(value).__name__}; expected a {name} (valid: {valid})",
            f"类型为 {type(value).__name__}；应为{zh}（{name}，有效值：{valid}）",
        )
    raise InvalidValue(
        field,
        value,
        f"is not a valid {name} (valid: {valid})",
        f"不是有效的{zh}（{name}，有效值：{valid}）",
    )


def _to_enum(enum_type: type[E], optional: bool) -> Callable[[Any, Any, attrs.Attribute[Any]], Any]:
    def convert(value: Any, _inst: Any, field: attrs.Attribute[Any]) -> Any:
        if (value is None and optional) or isinstance(value, enum_type):
            return value
        if value is None:
            raise InvalidType(field.name, value, f"is required (a {enum_type.__name__})", "为必填项")
        return to_enum(enum_type, value, field.name)

    return convert


def enum_field(
    enum_type: type[E], *, default: Any = attrs.NOTHING, optional: bool | None = None, **kw: Any
) -> Any:
    """A member of ``enum_type``; its string value is accepted too.

    ``None`` is accepted only if ``optional`` (by default: if the default is ``None``).
    """
    if optional is None:
        optional = default is None
    return attrs.field(
        default=default,
        converter=attrs.Converter(_to_enum(enum_type, optional), takes_self=True, takes_field=True),
        **kw,
    )


def _date_validator(optional: bool) -> Callable[[Any, Any, Any], None]:
    def validate(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
            raise InvalidType(
                attribute.name,
                value,
                f"is of type {type(value).__name__}; expected a datetime.date",
                f"类型为 {type(value).__name__}；应为日期",
            )

    return validate


def date_field(*, default: Any = None, optional: bool = True, **kw: Any) -> Any:
    """A calendar date (``datetime.date``, not a ``datetime``)."""
    return attrs.field(default=default, validator=_date_validator(optional), **kw)


def _tuple_of(item_type: type[Any] | tuple[type[Any], ...]) -> Callable[[Any, Any, Any], None]:
    def validate(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if all(map(isinstance, value, repeat(item_type))):  # the common case, in one pass in C
            return
        for i, item in enumerate(value):
            if not isinstance(item, item_type):
                names = (
                    item_type.__name__
                    if isinstance(item_type, type)
                    else " or ".join(t.__name__ for t in item_type)
                )
                raise InvalidType(
                    f"{attribute.name}[{i}]",
                    item,
                    f"is of type {type(item).__name__}; expected {names}",
                    f"类型为 {type(item).__name__}；应为 {names}",
                )

    return validate


def _to_tuple(value: Any, _inst: Any, field: attrs.Attribute[Any]) -> Any:
    kind = type(value)
    if kind is tuple:  # the common cases first, before the (slower) check against Iterable
        return value
    if kind is list:
        return tuple(value)
    if value is None:
        return value
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidType(
            field.name,
            value,
            f"is of type {type(value).__name__}; expected a sequence",
            f"类型为 {type(value).__name__}；应为序列",
        )
    return tuple(value)


def tuple_field(
    item_type: type[Any] | tuple[type[Any], ...],
    *,
    default: Any = (),
    optional: bool = False,
    **kw: Any,
) -> Any:
    """A tuple of ``item_type`` (any iterable is accepted and frozen into a tuple)."""

    items = _tuple_of(item_type)

    def validate(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            if optional:
                return
            raise InvalidType(attribute.name, value, "is required (a sequence)", "为必填项（应为序列）")
        if not all(map(isinstance, value, repeat(item_type))):  # (the common case without a call)
            items(inst, attribute, value)

    return attrs.field(
        default=default,
        converter=attrs.Converter(_to_tuple, takes_self=True, takes_field=True),
        validator=validate,
        **kw,
    )
