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
>>> to_decimal(0.1, "office_funds")
Traceback (most recent call last):
...
community_rules.errors.InvalidType: office_funds: 0.1 is a binary float, which may already have lost the exact value; pass Decimal('0.1'), an int or the string '0.1' ...
"""

from __future__ import annotations

import decimal
from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from fractions import Fraction

from .errors import InvalidType, InvalidValue

__all__ = [
    "FEN",
    "MAX_AMOUNT",
    "ZERO",
    "allocate",
    "round_down",
    "round_half_up",
    "round_up",
    "to_decimal",
]

#: One fen (分), the smallest unit of money in this library.
FEN = Decimal("0.01")
#: Zero yuan, as a start value for ``sum()``.
ZERO = Decimal("0.00")
#: The largest magnitude accepted for money, areas and scores (10¹⁵).
MAX_AMOUNT = Decimal(10) ** 15

# A private context wide enough for every amount below MAX_AMOUNT with room
# for intermediate products, independent of the caller's decimal context.
_CTX = decimal.Context(prec=50, rounding=ROUND_HALF_UP, Emax=999, Emin=-999)


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
            f"is a {type(value).__name__}; expected a Decimal, an int or a numeric string",
            f"类型为 {type(value).__name__}；应为 Decimal、整数或数字字符串",
        )
    if not result.is_finite():
        raise InvalidValue(field, value, "is not a finite number", "不是有限数")
    if abs(result) >= MAX_AMOUNT:
        raise InvalidValue(field, value, "is too large (limit 10^15)", "数值过大（上限 10^15）")
    return result


def _quantize(amount: Decimal, rounding: str, step: Decimal = FEN) -> Decimal:
    return amount.quantize(step, rounding=rounding, context=_CTX)


def round_up(amount: Decimal, step: Decimal = FEN) -> Decimal:
    """Round towards +∞ to ``step`` (``ROUND_CEILING``): for minimums (不少于)."""
    return _quantize(amount, ROUND_CEILING, step)


def round_down(amount: Decimal, step: Decimal = FEN) -> Decimal:
    """Round towards −∞ to ``step`` (``ROUND_FLOOR``): for maximums."""
    return _quantize(amount, ROUND_FLOOR, step)


def round_half_up(amount: Decimal, step: Decimal = FEN) -> Decimal:
    """Round to nearest ``step``, halves away from zero (``ROUND_HALF_UP``): for payments."""
    return _quantize(amount, ROUND_HALF_UP, step)


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
    if amount != _quantize(amount, ROUND_FLOOR, step):
        raise InvalidValue("total", total, f"is not a whole number of {step}", f"不是 {step} 的整数倍")
    ws = [to_decimal(w, f"weights[{i}]") for i, w in enumerate(weights)]
    if not ws:
        raise InvalidValue("weights", list(weights), "is empty", "为空")
    for i, w in enumerate(ws):
        if w < 0:
            raise InvalidValue(f"weights[{i}]", weights[i], "is negative", "为负数")
    weight_sum = sum(ws, Decimal(0))
    if weight_sum == 0:
        raise InvalidValue("weights", list(weights), "add up to zero", "之和为零")
    if amount < 0:
        return tuple(-share for share in allocate(-amount, weights, step))
    units = int((amount / step).to_integral_value())
    # Exact rational arithmetic: no remainder is ever rounded before comparing.
    exact = [Fraction(w) * units / Fraction(weight_sum) for w in ws]
    floors = [e.numerator // e.denominator for e in exact]
    left = units - sum(floors)
    order = sorted(range(len(ws)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return tuple((Decimal(f) * step).quantize(step) for f in floors)
