"""Exact money, areas and scores: ``Decimal`` only, every rounding named.

The opinion counts money in yuan (元); this library counts it as
:class:`~decimal.Decimal` yuan quantised to the fen (0.01), and never lets a
binary float touch it (SPEC I-8):

- a **minimum** the opinion sets (不少于, 不低于) is rounded *up* to the fen, so
  that a rounded minimum is never below the rule (:func:`round_up`);
- a **payment** is rounded *half up* (:func:`round_half_up`);
- a **split** or an **allocation** conserves its total exactly
  (:func:`allocate`, largest remainder).

>>> from decimal import Decimal
>>> round_up(Decimal("266.664"))
Decimal('266.67')
>>> round_half_up(Decimal("3024.735"))
Decimal('3024.74')
>>> allocate(Decimal("100.00"), [1, 1, 1])
(Decimal('33.34'), Decimal('33.33'), Decimal('33.33'))
>>> scale(Decimal("100"), 11, 30, rounding=ROUND_HALF_UP)
Decimal('36.67')
>>> to_decimal(0.1, "office_funds")
Traceback (most recent call last):
...
community_rules.errors.InvalidType: office_funds: 0.1 is a binary float, which may already have lost the exact value; pass Decimal('0.1'), an int or the string '0.1' ...
"""

from __future__ import annotations

import decimal
import math
from collections.abc import Iterable, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import cast

from .errors import InvalidType, InvalidValue

__all__ = [
    "FEN",
    "MAX_AMOUNT",
    "MAX_PLACES",
    "ROUNDINGS",
    "ZERO",
    "allocate",
    "exact_difference",
    "exact_sum",
    "round_down",
    "round_half_up",
    "round_up",
    "scale",
    "to_decimal",
    "to_money",
]

#: One fen (分), the smallest unit of money in this library.
FEN = Decimal("0.01")
#: Zero yuan, as a start value for ``sum()``.
ZERO = Decimal("0.00")
#: The largest magnitude accepted for money, areas and scores (10¹⁵).
MAX_AMOUNT = Decimal(10) ** 15
#: The most decimal places accepted for money, areas, shares and scores (trailing zeros aside).
MAX_PLACES = 100

# A private context wide enough for every amount below MAX_AMOUNT with room
# for intermediate products, independent of the caller's decimal context.
_CTX = decimal.Context(prec=50, rounding=ROUND_HALF_UP, Emax=999, Emin=-999)
# A context in which addition and subtraction never round (for totals and gaps).
_EXACT = decimal.Context(
    prec=decimal.MAX_PREC,
    rounding=ROUND_HALF_UP,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.InvalidOperation, decimal.Overflow, decimal.Inexact],
)


def _places(value: Decimal) -> int:
    """The number of decimal places ``value`` is written with (0 for an integer exponent ≥ 0)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def to_decimal(value: object, field: str = "value") -> Decimal:
    """Convert ``value`` to an exact ``Decimal`` or raise naming ``field``.

    Accepts ``Decimal``, ``int`` (not ``bool``) and numeric strings such as
    ``"1234.50"``. Refuses a binary ``float`` (it may already have lost the
    exact value), ``bool``, NaN and infinities, and magnitudes of 10¹⁵ or more.

    >>> to_decimal("1234.50")
    Decimal('1234.50')
    >>> to_decimal(True, "staff")
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidType: staff: True is a bool, not a number ...
    """
    if isinstance(value, bool):
        raise InvalidType(field, value, "is a bool, not a number", "是布尔值，不是数字")
    if isinstance(value, float):
        raise InvalidType(
            field,
            value,
            "is a binary float, which may already have lost the exact value; "
            f"pass Decimal('{value!r}'), an int or the string '{value!r}'",
            f"是二进制浮点数，可能已失去精确值；请改用 Decimal('{value!r}')、整数或字符串 '{value!r}'",
        )
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip().replace(",", "").replace("_", ""))
        except decimal.InvalidOperation:
            raise InvalidValue(field, value, "is not a number", "不是数字") from None
    else:
        raise InvalidType(
            field,
            value,
            f"is of type {type(value).__name__}; expected a Decimal, an int or a numeric string",
            f"类型为 {type(value).__name__}；应为 Decimal、整数或数字字符串",
        )
    if not result.is_finite():
        raise InvalidValue(field, value, "is not a finite number", "不是有限数")
    if abs(result) >= MAX_AMOUNT:
        raise InvalidValue(field, value, "is too large (limit 10^15)", "数值过大（上限 10^15）")
    # Not a limit of the rules (money has 2 places, areas and scores a few) but of exact
    # arithmetic: 1E-999999 would make every exact fraction built from it huge and slow.
    if _places(result) > MAX_PLACES and _places(_EXACT.normalize(result)) > MAX_PLACES:
        raise InvalidValue(
            field,
            value,
            f"has more than {MAX_PLACES} decimal places",
            f"小数位数超过 {MAX_PLACES} 位",
        )
    return result


def _quantize(amount: Decimal, rounding: str, step: Decimal = FEN) -> Decimal:
    return amount.quantize(step, rounding=rounding, context=_CTX)


def _amount(value: object, field: str) -> Decimal:
    """``value`` if it is already a finite ``Decimal`` in range (the common case), else :func:`to_decimal`."""
    if type(value) is Decimal and value.is_finite() and -MAX_AMOUNT < value < MAX_AMOUNT:
        return value
    return to_decimal(value, field)


def _step(step: object) -> Decimal:
    """``step`` if it is a positive ``Decimal`` (a quantum such as the fen), else an error naming it."""
    if step is FEN:
        return FEN
    if not isinstance(step, Decimal):
        raise InvalidType(
            "step",
            step,
            f"is of type {type(step).__name__}; expected a positive Decimal such as Decimal('0.01')",
            f"类型为 {type(step).__name__}；应为正的 Decimal，例如 Decimal('0.01')",
        )
    if not step.is_finite() or step <= 0:
        raise InvalidValue("step", step, "is not a positive finite number", "不是正的有限数")
    return to_decimal(step, "step")


def round_up(amount: Decimal, step: Decimal = FEN) -> Decimal:
    """Round towards +∞ to ``step`` (``ROUND_CEILING``): for minimums (不少于)."""
    return _quantize(_amount(amount, "amount"), ROUND_CEILING, _step(step))


def round_down(amount: Decimal, step: Decimal = FEN) -> Decimal:
    """Round towards −∞ to ``step`` (``ROUND_FLOOR``): for maximums."""
    return _quantize(_amount(amount, "amount"), ROUND_FLOOR, _step(step))


def round_half_up(amount: Decimal, step: Decimal = FEN) -> Decimal:
    """Round to nearest ``step``, halves away from zero (``ROUND_HALF_UP``): for payments."""
    return _quantize(_amount(amount, "amount"), ROUND_HALF_UP, _step(step))


# MAX_AMOUNT as an int, for the fast path of int weights.
_MAX_INT = 10**15
# The fen as a ratio, worked out once: most scalings are to the fen.
_FEN_RATIO = FEN.as_integer_ratio()

#: The roundings :func:`scale` accepts, by the name of the ``decimal`` constant.
ROUNDINGS = (ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP)


def _ratio(value: object, field: str) -> tuple[int, int]:
    """``value`` as an exact ratio of ints; the common types first, else through :func:`to_decimal`."""
    if type(value) is int and -_MAX_INT < value < _MAX_INT:
        return value, 1
    if type(value) is Decimal and value.is_finite() and -MAX_AMOUNT < value < MAX_AMOUNT:
        return value.as_integer_ratio()
    return to_decimal(value, field).as_integer_ratio()


def _divide(numerator: int, denominator: int, rounding: str) -> int:
    """``numerator / denominator`` (denominator > 0) rounded to an int as ``rounding`` says."""
    if rounding == ROUND_FLOOR:
        return numerator // denominator
    if rounding == ROUND_CEILING:
        return -(-numerator // denominator)
    # ROUND_HALF_UP: halves away from zero.
    magnitude = (2 * abs(numerator) + denominator) // (2 * denominator)
    return -magnitude if numerator < 0 else magnitude


def scale(
    amount: Decimal | int | str,
    factor: Decimal | int | str = 1,
    divisor: Decimal | int | str = 1,
    *,
    rounding: str,
    step: Decimal = FEN,
) -> Decimal:
    """``amount × factor ÷ divisor``, computed exactly, quantised once to ``step``.

    The one place where the library multiplies or divides money, areas and
    scores: the product and the quotient are exact rational numbers (no
    decimal context, no intermediate rounding, whatever the caller's
    ``decimal`` context says), and the only rounding is the one named by
    ``rounding`` (SPEC I-8): ``decimal.ROUND_CEILING`` for a minimum,
    ``decimal.ROUND_HALF_UP`` for a payment, ``decimal.ROUND_FLOOR`` for a
    maximum. ``step`` is the quantum (the fen by default; ``Decimal(1)`` for
    a headcount).

    >>> scale(Decimal("10000"), 2_401, 1_000, rounding=ROUND_CEILING)
    Decimal('24010.00')
    >>> scale(Decimal("333.33"), Decimal("0.8"), rounding=ROUND_CEILING)
    Decimal('266.67')
    >>> scale(Decimal("0.7"), 5, rounding=ROUND_FLOOR, step=Decimal(1))
    Decimal('3')
    >>> scale(Decimal("1"), 1, 3, rounding="ROUND_HALF_EVEN")
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: rounding: 'ROUND_HALF_EVEN' is not a rounding the library uses ...
    """
    if rounding not in ROUNDINGS:
        valid = ", ".join(ROUNDINGS)
        raise InvalidValue(
            "rounding",
            rounding,
            f"is not a rounding the library uses (valid: {valid})",
            f"不是本库使用的舍入方式（有效值：{valid}）",
        )
    a_num, a_den = _ratio(amount, "amount")
    f_num, f_den = _ratio(factor, "factor")
    d_num, d_den = _ratio(divisor, "divisor")
    if d_num == 0:
        raise InvalidValue("divisor", divisor, "is zero", "为零")
    s_num, s_den = _FEN_RATIO if step is FEN else _step(step).as_integer_ratio()
    # (amount × factor ÷ divisor) ÷ step as one exact fraction of ints.
    numerator = a_num * f_num * d_den * s_den
    denominator = a_den * f_den * d_num * s_num
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    units = _divide(numerator, denominator, rounding)
    # Decimal(units) has exponent 0, so the exact product has the exponent of step.
    return _CTX.multiply(Decimal(units), step)


def to_money(value: object, field: str = "amount") -> Decimal:
    """A non-negative amount of money that is a whole number of fen, as ``Decimal`` yuan to 0.01.

    Like :func:`to_decimal` (floats refused), and in addition refuses a
    negative amount and an amount with a fraction of a fen (nothing is
    silently rounded); the result always carries two decimals.

    >>> to_money(4321)
    Decimal('4321.00')
    >>> to_money("4321.055", "monthly_pay")
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: monthly_pay: '4321.055' is not a whole number of fen (0.01 yuan) ...
    """
    amount = to_decimal(value, field)
    if amount < 0:
        raise InvalidValue(field, value, "is negative", "为负数")
    quantised = _quantize(amount, ROUND_FLOOR)
    if quantised != amount:
        raise InvalidValue(field, value, "is not a whole number of fen (0.01 yuan)", "不是整分（0.01 元）")
    return quantised


def exact_sum(values: Iterable[Decimal], start: Decimal = ZERO) -> Decimal:
    """The sum of ``values`` (and ``start``), never rounded, whatever the caller's decimal context.

    A total is the exact sum of its parts; it is never rounded again (SPEC I-8).

    >>> exact_sum([Decimal("0.10"), Decimal("0.20")])
    Decimal('0.30')
    >>> exact_sum([])
    Decimal('0.00')
    """
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidType(
            "values",
            values,
            f"is of type {type(values).__name__}; expected an iterable of Decimal",
            f"类型为 {type(values).__name__}；应为 Decimal 的可迭代对象",
        )
    total = _amount(start, "start")
    for i, value in enumerate(values):
        total = _EXACT.add(total, value if type(value) is Decimal else to_decimal(value, f"values[{i}]"))
    return total


def exact_difference(minuend: Decimal, subtrahend: Decimal) -> Decimal:
    """``minuend − subtrahend``, never rounded, whatever the caller's decimal context.

    >>> exact_difference(Decimal("4321.05"), Decimal("3024.74"))
    Decimal('1296.31')
    """
    return _EXACT.subtract(_amount(minuend, "minuend"), _amount(subtrahend, "subtrahend"))


def _weight_ratio(weight: int | Decimal, index: int) -> tuple[int, int]:
    """``weight`` as an exact ratio of ints, or raise naming ``weights[index]``."""
    if type(weight) is int and -_MAX_INT < weight < _MAX_INT:
        return weight, 1  # the common case, without building a Decimal
    if type(weight) is Decimal and weight.is_finite() and -MAX_AMOUNT < weight < MAX_AMOUNT:
        return weight.as_integer_ratio()
    return to_decimal(weight, f"weights[{index}]").as_integer_ratio()


def allocate(
    total: Decimal | int | str,
    weights: Sequence[int | Decimal],
    step: Decimal = FEN,
) -> tuple[Decimal, ...]:
    """Split ``total`` into shares proportional to ``weights``, to the fen, exactly.

    Largest-remainder method (SPEC I-8): every share is first rounded down to
    the fen; the fen left over go, one each, to the shares with the largest
    remainders, ties to the earlier share. The shares add up to ``total``
    exactly, and each differs from its exact proportional value by less than
    one fen.

    ``total`` must already be a whole number of fen; weights must be
    non-negative with a positive sum. A negative total is split as the
    negation of the split of its absolute value.

    >>> allocate(Decimal("10.00"), [3, 3, 1])
    (Decimal('4.29'), Decimal('4.28'), Decimal('1.43'))
    >>> sum(allocate(Decimal("0.05"), [1] * 7))
    Decimal('0.05')
    >>> allocate(Decimal("1.00"), [])
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: weights: [] is empty ...
    """
    amount = to_decimal(total, "total")
    step = _step(step)
    if isinstance(weights, (str, bytes)) or not isinstance(weights, Iterable):
        raise InvalidType(
            "weights",
            weights,
            f"is of type {type(weights).__name__}; expected a sequence of non-negative numbers",
            f"类型为 {type(weights).__name__}；应为非负数的序列",
        )
    if amount != _quantize(amount, ROUND_FLOOR, step):
        raise InvalidValue("total", total, f"is not a whole number of {step}", f"不是 {step} 的整数倍")
    items = list(weights)
    # Exact integer arithmetic: the weights are brought to one common
    # denominator (int weights already have it), so that share i is
    # units × iw[i] / weight_sum exactly and its remainder is parts[i][1] /
    # weight_sum; no remainder is ever rounded before comparing.
    if items and all(type(w) is int for w in items) and min(items) > -_MAX_INT and max(items) < _MAX_INT:
        iw = cast("list[int]", items)  # all ints, checked just above
    else:
        ratios = [_weight_ratio(w, i) for i, w in enumerate(items)]
        if not ratios:
            raise InvalidValue("weights", items, "is empty", "为空")
        common = math.lcm(*[d for _, d in ratios])
        iw = [n * (common // d) for n, d in ratios]
    if min(iw) < 0:
        i = next(i for i, n in enumerate(iw) if n < 0)
        raise InvalidValue(f"weights[{i}]", items[i], "is negative", "为负数")
    weight_sum = sum(iw)
    if weight_sum == 0:
        raise InvalidValue("weights", items, "add up to zero", "之和为零")
    # A negative total is split as the negation of the split of its absolute value.
    sign = -1 if amount < 0 else 1
    units = int(_CTX.divide(amount, step)) * sign
    parts = [divmod(units * w, weight_sum) for w in iw]
    floors = [q for q, _ in parts]
    left = units - sum(floors)
    if left:
        order = sorted(range(len(iw)), key=lambda i: (-parts[i][1], i))
        for i in order[:left]:
            floors[i] += 1
    # Decimal(f) has exponent 0, so the exact product has the exponent of step.
    multiply = _CTX.multiply
    return tuple([multiply(Decimal(sign * f), step) for f in floors])
