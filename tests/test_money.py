"""Tests of community_rules.money: exact Decimal yuan, named roundings, allocation (SPEC I-8)."""

from __future__ import annotations

import decimal
import random
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from community_rules.errors import Error, InvalidType, InvalidValue
from community_rules.money import (
    FEN,
    MAX_AMOUNT,
    ZERO,
    allocate,
    exact_difference,
    exact_sum,
    round_down,
    round_half_up,
    round_up,
    scale,
    to_decimal,
    to_money,
)

# Amounts in whole fen, as the library handles them.
fen_amounts = st.integers(min_value=-(10**13), max_value=10**13).map(lambda n: Decimal(n) / 100)
weights_st = st.lists(
    st.one_of(
        st.integers(min_value=0, max_value=10**6),
        st.integers(min_value=0, max_value=10**6).map(lambda n: Decimal(n) / 1000),
    ),
    min_size=1,
    max_size=12,
).filter(lambda ws: sum(ws) > 0)


def reference_allocate(total: Decimal, weights: list[int | Decimal]) -> tuple[Decimal, ...]:
    """The largest-remainder method written the slow, obvious way with Fractions (the oracle)."""
    if total < 0:
        return tuple(-s for s in reference_allocate(-total, weights))
    units = int(total / FEN)
    exact = [Fraction(w) * units / sum(Fraction(x) for x in weights) for w in weights]
    floors = [e.numerator // e.denominator for e in exact]
    left = units - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return tuple(Decimal(f) * FEN for f in floors)


class TestToDecimal:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("1234.50", Decimal("1234.50")),
            (" 1,234.50 ", Decimal("1234.50")),
            ("10_000", Decimal("10000")),
            (7, Decimal(7)),
            (Decimal("0.01"), Decimal("0.01")),
        ],
    )
    def test_accepts_exact_values(self, value: object, expected: Decimal) -> None:
        result = to_decimal(value)
        assert result == expected
        assert isinstance(result, Decimal)

    def test_refuses_a_float_and_shows_how_to_pass_it(self) -> None:
        with pytest.raises(InvalidType, match=r"Decimal\('0.1'\)") as info:
            to_decimal(0.1, "office_funds")
        assert info.value.path == "office_funds"
        assert isinstance(info.value, TypeError)

    @pytest.mark.parametrize("value", [True, False, None, [1], b"1"])
    def test_refuses_other_types(self, value: object) -> None:
        with pytest.raises(InvalidType):
            to_decimal(value, "x")

    @pytest.mark.parametrize(
        "value", ["abc", "NaN", "Infinity", Decimal("NaN"), Decimal("-Infinity"), "1e15"]
    )
    def test_refuses_non_finite_and_huge(self, value: object) -> None:
        with pytest.raises(InvalidValue) as info:
            to_decimal(value, "x")
        assert isinstance(info.value, ValueError)

    def test_limit_is_exclusive(self) -> None:
        assert to_decimal(MAX_AMOUNT - 1) == MAX_AMOUNT - 1
        with pytest.raises(InvalidValue):
            to_decimal(-MAX_AMOUNT)


class TestRoundings:
    def test_minimum_rounds_up(self) -> None:
        # I-7 worked example: 0.8 × 333.33 = 266.664 → 266.67 (never below the rule).
        assert round_up(Decimal("266.664")) == Decimal("266.67")
        assert round_up(Decimal("266.660")) == Decimal("266.66")
        assert round_up(Decimal("-0.019")) == Decimal("-0.01")  # towards +∞

    def test_payment_rounds_half_up(self) -> None:
        # I-10 worked example: 0.7 × 4,321.05 = 3,024.735 → 3,024.74.
        assert round_half_up(Decimal("3024.735")) == Decimal("3024.74")
        assert round_half_up(Decimal("3024.734999")) == Decimal("3024.73")
        assert round_half_up(Decimal("-0.005")) == Decimal("-0.01")  # halves away from zero

    def test_round_down(self) -> None:
        assert round_down(Decimal("0.019")) == Decimal("0.01")
        assert round_down(Decimal("-0.011")) == Decimal("-0.02")

    def test_rounding_ignores_the_callers_context(self) -> None:
        with decimal.localcontext() as ctx:
            ctx.prec = 3
            ctx.rounding = decimal.ROUND_DOWN
            assert round_up(Decimal("123456.781")) == Decimal("123456.79")
            assert round_half_up(Decimal("123456.785")) == Decimal("123456.79")


class TestScale:
    def test_worked_examples(self) -> None:
        # I-9: 100 × 11 / 30 = 36.666… → 36.67 (half up).
        assert scale(Decimal(100), 11, 30, rounding=ROUND_HALF_UP) == Decimal("36.67")
        # I-6: 10,000 × 2,400 / 1,000 = 24,000.00.
        assert scale(Decimal(10000), 2400, 1000, rounding=ROUND_CEILING) == Decimal("24000.00")
        # I-7: 0.8 × 333.33 = 266.664 → 266.67 (up).
        assert scale(Decimal("333.33"), Decimal("0.8"), rounding=ROUND_CEILING) == Decimal("266.67")
        # I-5: 0.7 × 4 = 2.8 → 3 whole people, half up; 2 floor.
        assert scale(Decimal("0.7"), 4, rounding=ROUND_HALF_UP, step=Decimal(1)) == 3
        assert scale(Decimal("0.7"), 4, rounding=ROUND_FLOOR, step=Decimal(1)) == 2

    def test_halves_and_signs(self) -> None:
        assert scale(Decimal("0.005"), rounding=ROUND_HALF_UP) == Decimal("0.01")
        assert scale(Decimal("-0.005"), rounding=ROUND_HALF_UP) == Decimal("-0.01")
        assert scale(Decimal("-0.005"), rounding=ROUND_CEILING) == Decimal("0.00")
        assert scale(Decimal("-0.005"), rounding=ROUND_FLOOR) == Decimal("-0.01")
        assert scale(Decimal(1), 1, -3, rounding=ROUND_FLOOR) == Decimal("-0.34")

    def test_result_carries_the_step_exponent(self) -> None:
        assert str(scale(100, rounding=ROUND_HALF_UP)) == "100.00"
        assert str(scale(Decimal("2.5"), rounding=ROUND_HALF_UP, step=Decimal(1))) == "3"

    def test_exact_beyond_any_decimal_context(self) -> None:
        # 1/3 of a long amount, with the caller's context at 3 digits: still exact.
        with decimal.localcontext() as ctx:
            ctx.prec = 3
            assert scale(Decimal("999999999999.99"), 1, 3, rounding=ROUND_FLOOR) == Decimal("333333333333.33")

    def test_a_share_with_many_digits_is_not_rounded_early(self) -> None:
        # 0.01 × 0.4999…9 (sixty nines) = 0.004999…9, just below half a fen: half up
        # gives 0.00. A product rounded to 28 or 50 digits first would be 0.005000…
        # and give 0.01.
        share = Decimal("0.4" + "9" * 60)
        assert scale(Decimal("0.01"), share, rounding=ROUND_HALF_UP) == Decimal("0.00")

    def test_refuses_an_unnamed_rounding(self) -> None:
        with pytest.raises(InvalidValue, match="rounding"):
            scale(Decimal(1), rounding=decimal.ROUND_HALF_EVEN)

    def test_refuses_bad_operands(self) -> None:
        with pytest.raises(InvalidValue, match="divisor"):
            scale(Decimal(1), 1, 0, rounding=ROUND_FLOOR)
        with pytest.raises(InvalidType, match="factor"):
            scale(Decimal(1), 0.5, rounding=ROUND_FLOOR)
        with pytest.raises(InvalidType, match="amount"):
            scale(True, rounding=ROUND_FLOOR)
        with pytest.raises(InvalidValue, match="step"):
            scale(Decimal(1), rounding=ROUND_FLOOR, step=Decimal(0))

    @given(
        amount=fen_amounts,
        factor=st.integers(-(10**6), 10**6).map(lambda n: Decimal(n) / 1000),
        divisor=st.integers(1, 10**4),
        rounding=st.sampled_from([ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP]),
    )
    def test_matches_exact_rational_arithmetic(
        self, amount: Decimal, factor: Decimal, divisor: int, rounding: str
    ) -> None:
        exact = Fraction(amount) * Fraction(factor) / divisor
        result = scale(amount, factor, divisor, rounding=rounding)
        assert result == result.quantize(FEN)
        error = Fraction(result) - exact
        if rounding == ROUND_CEILING:
            assert 0 <= error < Fraction(1, 100)
        elif rounding == ROUND_FLOOR:
            assert -Fraction(1, 100) < error <= 0
        else:
            assert abs(error) <= Fraction(1, 200)
            if abs(error) == Fraction(1, 200):  # a half goes away from zero
                assert abs(Fraction(result)) > abs(exact)


class TestToMoney:
    def test_normalises_to_two_decimals(self) -> None:
        assert str(to_money(4321)) == "4321.00"
        assert str(to_money("0.5")) == "0.50"

    @pytest.mark.parametrize("value", ["4321.055", Decimal("0.001")])
    def test_refuses_a_fraction_of_a_fen(self, value: object) -> None:
        with pytest.raises(InvalidValue, match="fen"):
            to_money(value, "monthly_pay")

    def test_refuses_negative_and_float(self) -> None:
        with pytest.raises(InvalidValue, match="negative"):
            to_money("-1", "pay")
        with pytest.raises(InvalidType):
            to_money(1.0, "pay")


class TestExactSums:
    def test_never_rounds(self) -> None:
        with decimal.localcontext() as ctx:
            ctx.prec = 2
            assert exact_sum([Decimal("1234.56"), Decimal("0.01")]) == Decimal("1234.57")
            assert exact_difference(Decimal("4321.05"), Decimal("3024.74")) == Decimal("1296.31")

    def test_empty_sum_is_zero_yuan(self) -> None:
        assert exact_sum([]) == ZERO
        assert str(exact_sum([])) == "0.00"


class TestAllocate:
    def test_hand_computed(self) -> None:
        # 10.00 in 3:3:1 → 4.2857…, 4.2857…, 1.4285…: floors 4.28, 4.28, 1.42 (9.98);
        # the two fen left go to the largest remainders (0.57, 0.57 then 0.85…): shares
        # 1 and 3 have remainders .57 and .85; the third share's .857 is the largest,
        # then the first's (ties to the earlier share).
        assert allocate(Decimal("10.00"), [3, 3, 1]) == (Decimal("4.29"), Decimal("4.28"), Decimal("1.43"))
        # 100.00 in thirds: 33.33 each and 0.01 left → to the first.
        assert allocate(Decimal("100.00"), [1, 1, 1]) == (
            Decimal("33.34"),
            Decimal("33.33"),
            Decimal("33.33"),
        )
        assert allocate("0.05", [1] * 7) == (Decimal("0.01"),) * 5 + (Decimal("0.00"),) * 2

    def test_zero_weights_get_nothing(self) -> None:
        assert allocate(Decimal("1.00"), [0, 1, 0]) == (Decimal("0.00"), Decimal("1.00"), Decimal("0.00"))

    def test_decimal_weights(self) -> None:
        # 0.5 : 0.25 : 0.25 of 1.01 → 0.505, 0.2525, 0.2525 → 0.50, 0.25, 0.25 + 0.01 to the first.
        assert allocate(Decimal("1.01"), [Decimal("0.5"), Decimal("0.25"), Decimal("0.25")]) == (
            Decimal("0.51"),
            Decimal("0.25"),
            Decimal("0.25"),
        )

    def test_negative_total_mirrors_the_positive_split(self) -> None:
        assert allocate(Decimal("-10.00"), [3, 3, 1]) == (
            Decimal("-4.29"),
            Decimal("-4.28"),
            Decimal("-1.43"),
        )

    @pytest.mark.parametrize(
        ("total", "weights", "error", "path"),
        [
            (Decimal("1.00"), [], InvalidValue, "weights"),
            (Decimal("1.00"), [0, 0], InvalidValue, "weights"),
            (Decimal("1.00"), [1, -1], InvalidValue, "weights[1]"),
            (Decimal("1.00"), [1, 0.5], InvalidType, "weights[1]"),
            (Decimal("1.00"), [True], InvalidType, "weights[0]"),
            (Decimal("1.005"), [1], InvalidValue, "total"),
            (1.0, [1], InvalidType, "total"),
        ],
    )
    def test_bad_input_names_the_field(
        self, total: object, weights: list[object], error: type[Error], path: str
    ) -> None:
        with pytest.raises(error) as info:
            allocate(total, weights)  # type: ignore[arg-type]
        assert info.value.path == path

    @given(total=fen_amounts, weights=weights_st)
    def test_conserves_the_total_and_matches_the_oracle(
        self, total: Decimal, weights: list[int | Decimal]
    ) -> None:
        shares = allocate(total, weights)
        assert sum(shares) == total
        assert len(shares) == len(weights)
        assert shares == reference_allocate(total, weights)
        weight_sum = sum(Fraction(w) for w in weights)
        for share, w in zip(shares, weights, strict=True):
            assert abs(Fraction(share) - Fraction(total) * Fraction(w) / weight_sum) < Fraction(1, 100)

    @pytest.mark.slow
    @settings(max_examples=1, deadline=None)
    @given(seeds=st.lists(st.integers(0, 2**64 - 1), min_size=100, max_size=100, unique=True))
    def test_conserves_the_total_over_a_million_cases(self, seeds: list[int]) -> None:
        # One hypothesis example draws 100 distinct seeds; each seed drives a PRNG
        # that makes a batch of 10,000 random (total, weights) cases, so the test
        # checks exactly 1,000,000 allocations per run (hypothesis would take far
        # longer to generate a million examples one by one). Totals run over
        # about ±7 × 10¹¹ yuan in fen; 1 to 8 weights, ints 0…1023 or decimals
        # 0.000…1.023, zeros included.
        cases = 0
        thousandths = [Decimal(k) / 1000 for k in range(1024)]  # 0.000 … 1.023, made once
        for seed in seeds:
            bits = random.Random(seed).getrandbits
            for _ in range(10_000):
                total = Decimal(bits(47) - (1 << 46)) / 100  # about ±7 × 10¹¹ yuan, in fen
                n = 1 + bits(3)  # 1 … 8 weights
                if bits(1):
                    weights: list[int | Decimal] = [bits(10) for _ in range(n)]
                else:
                    weights = [thousandths[bits(10)] for _ in range(n)]
                if not any(weights):
                    weights[0] = 1
                shares = allocate(total, weights)
                assert sum(shares) == total, (total, weights, shares)
                cases += 1
        assert cases == 1_000_000


# --- found by mutation testing ---------------------------------------------------------------


def _refusal(call: object) -> tuple[str, str, object, str, str]:
    """What ``call()`` refused, as (exception class, path, value, English, Chinese)."""
    with pytest.raises(Error) as info:
        call()  # type: ignore[operator]
    e = info.value
    return type(e).__name__, e.path, e.value, e.message_en, e.message_zh


_HUNDRED_AND_ONE_PLACES = "0." + "0" * 100 + "1"  # 10⁻¹⁰¹: 101 decimal places


class TestRefusalsInFull:
    """Each refusal with its class, field, value and both messages (found by mutation testing).

    The mutation run of money.py (docs/strategies.md, "Mutation testing") showed errors whose
    field (``amount``, ``step``, ``start``, ``values[i]``, ``minuend``, ``subtrahend``) or
    message no test read, and the 100-decimal-place limit untested.
    """

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (True, ("InvalidType", "is a bool, not a number", "是布尔值，不是数字")),
            (
                0.1,
                (
                    "InvalidType",
                    "is a binary float, which may already have lost the exact value; "
                    "pass Decimal('0.1'), an int or the string '0.1'",
                    "是二进制浮点数，可能已失去精确值；请改用 Decimal('0.1')、整数或字符串 '0.1'",
                ),
            ),
            ("ten", ("InvalidValue", "is not a number", "不是数字")),
            (
                [1],
                (
                    "InvalidType",
                    "is of type list; expected a Decimal, an int or a numeric string",
                    "类型为 list；应为 Decimal、整数或数字字符串",
                ),
            ),
            ("-Infinity", ("InvalidValue", "is not a finite number", "不是有限数")),
            ("1E15", ("InvalidValue", "is too large (limit 10^15)", "数值过大（上限 10^15）")),
            (-(10**15), ("InvalidValue", "is too large (limit 10^15)", "数值过大（上限 10^15）")),
            (
                _HUNDRED_AND_ONE_PLACES,
                ("InvalidValue", "has more than 100 decimal places", "小数位数超过 100 位"),
            ),
        ],
    )
    def test_to_decimal(self, value: object, expected: tuple[str, str, str]) -> None:
        kind, en, zh = expected
        assert _refusal(lambda: to_decimal(value, "office_funds")) == (kind, "office_funds", value, en, zh)

    def test_to_decimal_names_value_by_default(self) -> None:
        assert _refusal(lambda: to_decimal("ten"))[1] == "value"

    def test_decimal_places_up_to_the_limit(self) -> None:
        # 100 places are accepted; 101 places are too, when the last ones are trailing zeros.
        hundred = Decimal("0." + "0" * 99 + "1")
        assert to_decimal(hundred) == hundred
        assert to_decimal("1." + "0" * 101) == 1
        assert to_decimal(Decimal("1E-100")) == hundred
        # 101 places of which the last is a trailing zero: 100 places once normalised, accepted.
        assert to_decimal(hundred_and_one := "0." + "0" * 99 + "10") == Decimal(hundred_and_one)

    def test_separators_are_dropped_however_written(self) -> None:
        # Thousands separators (commas) and underscores are not part of the number.
        assert to_decimal("1__000") == 1000
        assert to_decimal("1,,000.5") == Decimal("1000.5")

    def test_to_money(self) -> None:
        assert _refusal(lambda: to_money("-0.01", "pay")) == (
            "InvalidValue",
            "pay",
            "-0.01",
            "is negative",
            "为负数",
        )
        assert _refusal(lambda: to_money("1.005", "pay")) == (
            "InvalidValue",
            "pay",
            "1.005",
            "is not a whole number of fen (0.01 yuan)",
            "不是整分（0.01 元）",
        )
        # The field is "amount" unless the caller names it.
        assert _refusal(lambda: to_money("ten"))[1:3] == ("amount", "ten")

    @pytest.mark.parametrize("rounding", [round_up, round_down, round_half_up])
    def test_roundings_name_the_amount_and_the_step(self, rounding: object) -> None:
        f = rounding  # type: ignore[assignment]
        too_large = ("InvalidValue", "is too large (limit 10^15)", "数值过大（上限 10^15）")
        for amount in (MAX_AMOUNT, -MAX_AMOUNT, "1E15"):
            kind, path, value, en, zh = _refusal(lambda amount=amount: f(amount))  # type: ignore[misc]
            assert (kind, path, value, en, zh) == (too_large[0], "amount", amount, *too_large[1:])
        assert _refusal(lambda: f(Decimal(1), 1)) == (  # type: ignore[misc]
            "InvalidType",
            "step",
            1,
            "is of type int; expected a positive Decimal such as Decimal('0.01')",
            "类型为 int；应为正的 Decimal，例如 Decimal('0.01')",
        )
        for step in (Decimal(0), Decimal("-0.01"), Decimal("Infinity")):
            assert _refusal(lambda step=step: f(Decimal(1), step)) == (  # type: ignore[misc]
                "InvalidValue",
                "step",
                step,
                "is not a positive finite number",
                "不是正的有限数",
            )
        # A positive step that to_decimal refuses is refused with its field too.
        refused = _refusal(lambda: f(Decimal(1), Decimal("1E15")))  # type: ignore[misc]
        assert refused == ("InvalidValue", "step", Decimal("1E15"), *too_large[1:])
        assert _refusal(lambda: f(Decimal(1), Decimal(_HUNDRED_AND_ONE_PLACES)))[1] == "step"  # type: ignore[misc]

    def test_roundings_accept_numeric_strings_and_ints(self) -> None:
        # 266.664 up → 266.67, down → 266.66, half up → 266.66; 7 → 7.00.
        assert round_up("266.664") == Decimal("266.67")
        assert round_down("266.664") == Decimal("266.66")
        assert round_half_up("266.664") == Decimal("266.66")
        assert str(round_half_up(7)) == "7.00"
        # Just inside the limit on either side: 10¹⁵ − 0.001 rounds up to 10¹⁵ − 0.00 exactly.
        assert round_down(-MAX_AMOUNT + Decimal("0.001")) == -MAX_AMOUNT + Decimal("0.00")
        assert round_up(MAX_AMOUNT - Decimal("0.001")) == MAX_AMOUNT

    def test_scale(self) -> None:
        assert _refusal(lambda: scale(1, rounding="ROUND_DOWN")) == (
            "InvalidValue",
            "rounding",
            "ROUND_DOWN",
            "is not a rounding the library uses (valid: ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP)",
            "不是本库使用的舍入方式（有效值：ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP）",
        )
        assert _refusal(lambda: scale(1, 1, Decimal("0.00"), rounding=ROUND_FLOOR)) == (
            "InvalidValue",
            "divisor",
            Decimal("0.00"),
            "is zero",
            "为零",
        )

    def test_exact_sum(self) -> None:
        assert _refusal(lambda: exact_sum("1.00")) == (  # type: ignore[arg-type]
            "InvalidType",
            "values",
            "1.00",
            "is of type str; expected an iterable of Decimal",
            "类型为 str；应为 Decimal 的可迭代对象",
        )
        assert _refusal(lambda: exact_sum(5))[:3] == ("InvalidType", "values", 5)  # type: ignore[arg-type]
        assert _refusal(lambda: exact_sum([Decimal(1), 2, "x"]))[:3] == ("InvalidValue", "values[2]", "x")
        assert _refusal(lambda: exact_sum([], start=MAX_AMOUNT))[:3] == ("InvalidValue", "start", MAX_AMOUNT)
        # Ints and numeric strings are added exactly too; the start counts.
        assert exact_sum([Decimal("0.10"), 2, "0.05"], start=Decimal("1.00")) == Decimal("3.15")
        assert exact_sum(iter([Decimal("0.01")] * 3)) == Decimal("0.03")

    def test_exact_difference(self) -> None:
        assert _refusal(lambda: exact_difference(MAX_AMOUNT, Decimal(1)))[:3] == (
            "InvalidValue",
            "minuend",
            MAX_AMOUNT,
        )
        assert _refusal(lambda: exact_difference(Decimal(1), -MAX_AMOUNT))[:3] == (
            "InvalidValue",
            "subtrahend",
            -MAX_AMOUNT,
        )
        assert exact_difference("0.30", 1) == Decimal("-0.70")  # type: ignore[arg-type]

    def test_allocate(self) -> None:
        assert _refusal(lambda: allocate(Decimal("1.00"), "11")) == (
            "InvalidType",
            "weights",
            "11",
            "is of type str; expected a sequence of non-negative numbers",
            "类型为 str；应为非负数的序列",
        )
        assert _refusal(lambda: allocate(Decimal("1.00"), 3))[:3] == ("InvalidType", "weights", 3)  # type: ignore[arg-type]
        assert _refusal(lambda: allocate(Decimal("1.005"), [1])) == (
            "InvalidValue",
            "total",
            Decimal("1.005"),
            "is not a whole number of 0.01",
            "不是 0.01 的整数倍",
        )
        assert _refusal(lambda: allocate(Decimal("1.00"), [])) == (
            "InvalidValue",
            "weights",
            [],
            "is empty",
            "为空",
        )
        assert _refusal(lambda: allocate(Decimal("1.00"), [0, Decimal(0)])) == (
            "InvalidValue",
            "weights",
            [0, Decimal(0)],
            "add up to zero",
            "之和为零",
        )
        assert _refusal(lambda: allocate(Decimal("1.00"), [1, 0, -3])) == (
            "InvalidValue",
            "weights[2]",
            -3,
            "is negative",
            "为负数",
        )
        # A weight of magnitude 10¹⁵ is refused as too large, not taken as a (negative) number.
        for weights in (
            [1, -(10**15)],
            [1, 10**15],
            [Decimal(1), Decimal("-1E15")],
            [Decimal(1), -(10**15)],
        ):
            assert _refusal(lambda weights=weights: allocate(Decimal("1.00"), weights)) == (
                "InvalidValue",
                "weights[1]",
                weights[1],
                "is too large (limit 10^15)",
                "数值过大（上限 10^15）",
            )
        assert _refusal(lambda: allocate(Decimal("1.00"), [1, "x"]))[:4] == (
            "InvalidValue",
            "weights[1]",
            "x",
            "is not a number",
        )
        assert _refusal(lambda: allocate(Decimal("1.00"), [1, 0.5]))[:3] == ("InvalidType", "weights[1]", 0.5)
