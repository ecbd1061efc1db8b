"""Tests of community_rules.funding: funds, allowance, pay split, insurances, checks (2.2.2, 3.2)."""

from __future__ import annotations

import datetime
import decimal
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from community_rules import funding
from community_rules.enums import Insurance, Modality, Status
from community_rules.errors import Error, InvalidType, InvalidValue
from community_rules.findings import Finding
from community_rules.funding import (
    PaySplit,
    allowance_by_month,
    building_head_allowance,
    check_community,
    office_funds_minimum,
    performance_payout,
    required_insurances,
    split_pay,
    welfare_funds_minimum,
)
from community_rules.model import Community, StaffMember
from community_rules.policy import DEFAULT_POLICY, OfficeFundsRule, PartMonthRule, Policy, WelfareBase

D = Decimal
date = datetime.date
PER_THOUSAND = attrs.evolve(DEFAULT_POLICY, office_funds_rule=OfficeFundsRule.PER_STARTED_THOUSAND)
STARTED = attrs.evolve(DEFAULT_POLICY, part_month_rule=PartMonthRule.STARTED_MONTH)
WHOLE = attrs.evolve(DEFAULT_POLICY, part_month_rule=PartMonthRule.WHOLE_MONTHS)
ALL_FIVE = frozenset(Insurance)

households = st.integers(min_value=0, max_value=10**8)
fen = st.integers(min_value=0, max_value=10**12).map(lambda n: D(n) / 100)
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


class TestOfficeFunds:
    @pytest.mark.parametrize(
        ("households", "pro_rata", "per_started_thousand"),
        [
            (0, "0.00", "0.00"),
            (1, "10.00", "10000.00"),  # 10,000 × 1 / 1,000; one started thousand
            (999, "9990.00", "10000.00"),
            (1000, "10000.00", "10000.00"),
            (1001, "10010.00", "20000.00"),
            (2400, "24000.00", "30000.00"),  # SPEC §6 I-6
        ],
    )
    def test_both_readings(self, households: int, pro_rata: str, per_started_thousand: str) -> None:
        assert office_funds_minimum(households) == D(pro_rata)
        assert office_funds_minimum(households, policy=PER_THOUSAND) == D(per_started_thousand)

    def test_a_rate_with_cents_rounds_up(self) -> None:
        # 12,345.67 per thousand × 1 household = 12.34567 → 12.35 (never below the rule).
        policy = attrs.evolve(DEFAULT_POLICY, office_funds_per_thousand=D("12345.67"))
        assert office_funds_minimum(1, policy=policy) == D("12.35")
        # 3 households: 37.03701 → 37.04.
        assert office_funds_minimum(3, policy=policy) == D("37.04")

    def test_result_is_to_the_fen(self) -> None:
        assert str(office_funds_minimum(2400)) == "24000.00"

    @pytest.mark.parametrize(
        ("value", "error"), [(-1, InvalidValue), (1.5, InvalidValue), (None, InvalidType)]
    )
    def test_bad_households(self, value: object, error: type[Error]) -> None:
        with pytest.raises(error) as info:
            office_funds_minimum(value)  # type: ignore[arg-type]
        assert info.value.path == "households"

    @given(h=households, rule=st.sampled_from(OfficeFundsRule), rate=st.integers(0, 10**7))
    def test_never_decreases_and_never_below_the_rule(self, h: int, rule: OfficeFundsRule, rate: int) -> None:
        policy = attrs.evolve(DEFAULT_POLICY, office_funds_rule=rule, office_funds_per_thousand=D(rate) / 100)
        low, high = office_funds_minimum(h, policy=policy), office_funds_minimum(h + 1, policy=policy)
        assert low <= high
        rate_fraction = Fraction(D(rate) / 100)
        thousands = Fraction(h, 1000) if rule is OfficeFundsRule.PRO_RATA else -(-h // 1000)
        exact = rate_fraction * thousands
        assert exact <= Fraction(low) < exact + Fraction(1, 100)


class TestWelfareFunds:
    @pytest.mark.parametrize(
        ("office", "minimum"),
        [
            ("24000.00", "19200.00"),  # SPEC §6 I-7: 0.8 × 24,000
            ("333.33", "266.67"),  # SPEC §6: 266.664 rounded up
            ("0.01", "0.01"),  # 0.008 → 0.01
            ("0", "0.00"),
            (10000, "8000.00"),
        ],
    )
    def test_eighty_percent_rounded_up(self, office: object, minimum: str) -> None:
        assert welfare_funds_minimum(office) == D(minimum)  # type: ignore[arg-type]

    def test_share_comes_from_the_policy(self) -> None:
        policy = attrs.evolve(DEFAULT_POLICY, welfare_share=D("0.85"))
        assert welfare_funds_minimum(D("1000"), policy=policy) == D("850.00")

    @pytest.mark.parametrize(
        ("value", "error"), [("-5", InvalidValue), (0.5, InvalidType), (None, InvalidType)]
    )
    def test_bad_office_funds(self, value: object, error: type[Error]) -> None:
        with pytest.raises(error) as info:
            welfare_funds_minimum(value)  # type: ignore[arg-type]
        assert info.value.path == "office_funds"

    @given(office=fen, more=fen)
    def test_never_decreases_and_never_below_the_rule(self, office: Decimal, more: Decimal) -> None:
        low = welfare_funds_minimum(office)
        assert low <= welfare_funds_minimum(office + more)
        exact = Fraction(office) * Fraction(8, 10)
        assert exact <= Fraction(low) < exact + Fraction(1, 100)


class TestBuildingHeadAllowance:
    def test_spec_worked_example(self) -> None:
        # SPEC §6 I-9: June 20–30 is 11 of 30 days: 100 × 11/30 = 36.666… → 36.67; July whole: 100.00.
        assert building_head_allowance(date(2025, 6, 20), date(2025, 7, 31)) == D("136.67")
        june, july = allowance_by_month(date(2025, 6, 20), date(2025, 7, 31))
        assert (june.days_served, june.days_in_month, june.amount, june.whole) == (11, 30, D("36.67"), False)
        assert (july.days_served, july.days_in_month, july.amount, july.whole) == (31, 31, D("100.00"), True)
        assert june.first == date(2025, 6, 20)
        assert june.last == date(2025, 6, 30)
        assert july.month == date(2025, 7, 1)

    def test_leap_february(self) -> None:
        # 2024-02-10..2024-02-29: 20 of 29 days: 100 × 20/29 = 68.9655… → 68.97.
        assert building_head_allowance(date(2024, 2, 10), date(2024, 2, 29)) == D("68.97")
        # The same days in 2023 (28-day February), 10th..28th: 19/28 = 67.857… → 67.86.
        assert building_head_allowance(date(2023, 2, 10), date(2023, 2, 28)) == D("67.86")
        # A whole leap February is a whole month.
        assert building_head_allowance(date(2024, 2, 1), date(2024, 2, 29)) == D("100.00")

    @pytest.mark.parametrize(
        ("start", "end", "amount"),
        [
            (date(2025, 1, 31), date(2025, 1, 31), "3.23"),  # one day: 100/31 = 3.2258…
            (date(2025, 1, 1), date(2025, 1, 31), "100.00"),
            (date(2024, 1, 1), date(2024, 12, 31), "1200.00"),  # leap year: still 12 × 100
            (date(2025, 1, 1), date(2025, 12, 31), "1200.00"),
            # Dec 16–31 is 16/31 = 51.6129… → 51.61; Jan 1–15 is 15/31 = 48.387… → 48.39.
            (date(2024, 12, 16), date(2025, 1, 15), "100.00"),
            # Both ends inclusive: the 15th to the 14th of the next month, April (30) and May (31):
            # April 15–30 is 16/30 = 53.333… → 53.33; May 1–14 is 14/31 = 45.161… → 45.16.
            (date(2025, 4, 15), date(2025, 5, 14), "98.49"),
        ],
    )
    def test_hand_computed(self, start: date, end: date, amount: str) -> None:
        assert building_head_allowance(start, end) == D(amount)

    def test_part_month_alternatives(self) -> None:
        start, end = date(2025, 6, 20), date(2025, 7, 31)
        # A started month counts whole: June and July, 200.00; only whole months: July, 100.00.
        assert building_head_allowance(start, end, policy=STARTED) == D("200.00")
        assert building_head_allowance(start, end, policy=WHOLE) == D("100.00")
        assert building_head_allowance(date(2025, 6, 2), date(2025, 6, 29), policy=WHOLE) == D("0.00")
        assert all(m.rule is PartMonthRule.WHOLE_MONTHS for m in allowance_by_month(start, end, policy=WHOLE))

    def test_the_rate_comes_from_the_policy(self) -> None:
        policy = attrs.evolve(DEFAULT_POLICY, building_head_allowance_monthly=D("150"))
        # 150 × 11/30 = 55.00 exactly, plus a whole July.
        assert building_head_allowance(date(2025, 6, 20), date(2025, 7, 31), policy=policy) == D("205.00")

    def test_start_after_end_names_both(self) -> None:
        with pytest.raises(InvalidValue) as info:
            building_head_allowance(date(2025, 7, 1), date(2025, 6, 30))
        assert info.value.path == "start, end"
        assert info.value.value == (date(2025, 7, 1), date(2025, 6, 30))
        assert "2025-06-30" in str(info.value)
        assert "2025-07-01" in str(info.value)

    @pytest.mark.parametrize(
        ("start", "end", "path"),
        [
            ("2025-01-01", date(2025, 1, 2), "start"),
            (date(2025, 1, 1), datetime.datetime(2025, 1, 2), "end"),
            (date(2025, 1, 1), None, "end"),
        ],
    )
    def test_bad_dates(self, start: object, end: object, path: str) -> None:
        with pytest.raises(InvalidType) as info:
            building_head_allowance(start, end)  # type: ignore[arg-type]
        assert info.value.path == path

    @given(start=days, length=st.integers(0, 800))
    def test_month_by_month_invariants(self, start: date, length: int) -> None:
        end = min(start + datetime.timedelta(days=length), date(2100, 12, 31))
        months = allowance_by_month(start, end)
        total = building_head_allowance(start, end)
        assert total == sum(m.amount for m in months)
        assert sum(m.days_served for m in months) == (end - start).days + 1
        assert months[0].first == start
        assert months[-1].last == end
        for m in months:
            assert 1 <= m.days_served <= m.days_in_month
            exact = Fraction(100 * m.days_served, m.days_in_month)
            assert abs(Fraction(m.amount) - exact) <= Fraction(1, 200)
            if m.whole:
                assert m.amount == D("100.00")
        whole = building_head_allowance(start, end, policy=WHOLE)
        started = building_head_allowance(start, end, policy=STARTED)
        assert whole <= total <= started
        assert started == 100 * len(months)

    @given(start=days, length=st.integers(0, 400))
    def test_never_decreases_as_the_term_grows(self, start: date, length: int) -> None:
        end = start + datetime.timedelta(days=length)
        assert building_head_allowance(start, end) <= building_head_allowance(
            start, end + datetime.timedelta(days=1)
        )


class TestSplitPay:
    def test_spec_worked_example(self) -> None:
        # SPEC §6 I-10: 0.7 × 4,321.05 = 3,024.735 → 3,024.74; 4,321.05 − 3,024.74 = 1,296.31.
        split = split_pay(D("4321.05"))
        assert split == PaySplit(base=D("3024.74"), performance=D("1296.31"))
        assert split.monthly_pay == D("4321.05")
        assert split.clauses == ("3.2",)
        assert "I-10" in split.interpretations

    @pytest.mark.parametrize(
        ("pay", "base", "performance"),
        [
            ("0", "0.00", "0.00"),
            ("0.01", "0.01", "0.00"),  # 0.007 → 0.01
            ("0.02", "0.01", "0.01"),  # 0.014 → 0.01
            ("100", "70.00", "30.00"),
            ("3000.05", "2100.04", "900.01"),  # 2,100.035 → 2,100.04
        ],
    )
    def test_hand_computed(self, pay: str, base: str, performance: str) -> None:
        assert split_pay(pay) == PaySplit(D(base), D(performance))

    def test_share_comes_from_the_policy(self) -> None:
        assert split_pay(D("1000"), policy=attrs.evolve(DEFAULT_POLICY, base_pay_share=D("0.6"))) == PaySplit(
            D("600.00"), D("400.00")
        )

    @pytest.mark.parametrize(
        ("pay", "error"),
        [(4321.05, InvalidType), ("-1", InvalidValue), ("4321.055", InvalidValue), (True, InvalidType)],
    )
    def test_bad_pay(self, pay: object, error: type[Error]) -> None:
        with pytest.raises(error) as info:
            split_pay(pay)  # type: ignore[arg-type]
        assert info.value.path == "monthly_pay"

    @given(pay=fen)
    def test_parts_add_up_to_the_pay(self, pay: Decimal) -> None:
        split = split_pay(pay)
        assert split.base + split.performance == pay
        assert abs(Fraction(split.base) - Fraction(pay) * Fraction(7, 10)) <= Fraction(1, 200)
        assert split.performance >= 0

    def test_independent_of_the_decimal_context(self) -> None:
        with decimal.localcontext() as ctx:
            ctx.prec = 4
            assert split_pay(D("4321.05")) == PaySplit(D("3024.74"), D("1296.31"))


class TestPerformancePayout:
    def test_hand_computed(self) -> None:
        # I-11: 1,296.31 × 79.60 / 100 = 1,031.86276 → 1,031.86.
        assert performance_payout(D("1296.31"), D("79.60")) == D("1031.86")
        # 30.00 × 33.33 / 100 = 9.999 → 10.00.
        assert performance_payout(D("30.00"), "33.33") == D("10.00")
        assert performance_payout(D("30.00"), 100) == D("30.00")
        assert performance_payout(D("30.00"), 0) == D("0.00")

    def test_score_is_clamped(self) -> None:
        assert performance_payout(D("30.00"), 150) == D("30.00")
        assert performance_payout(D("30.00"), -5) == D("0.00")

    @pytest.mark.parametrize(
        ("part", "score", "path"),
        [(D("30"), 79.6, "score"), (30.0, 50, "performance_part"), ("-1", 50, "performance_part")],
    )
    def test_bad_input(self, part: object, score: object, path: str) -> None:
        with pytest.raises(Error) as info:
            performance_payout(part, score)  # type: ignore[arg-type]
        assert info.value.path == path

    @given(part=fen, score=st.integers(-100, 20000).map(lambda n: D(n) / 100), more=st.integers(0, 1000))
    def test_between_nothing_and_the_part_and_monotone(
        self, part: Decimal, score: Decimal, more: int
    ) -> None:
        paid = performance_payout(part, score)
        assert D(0) <= paid <= part
        assert paid <= performance_payout(part, score + more)


class TestRequiredInsurances:
    def test_five_for_women_four_for_men(self) -> None:
        assert required_insurances(True) == ALL_FIVE
        assert required_insurances(False) == ALL_FIVE - {Insurance.MATERNITY}

    def test_maternity_for_all_staff_alternative(self) -> None:
        policy = attrs.evolve(DEFAULT_POLICY, maternity_for_female_only=False)
        assert required_insurances(False, policy=policy) == ALL_FIVE

    def test_set_comes_from_the_policy(self) -> None:
        policy = attrs.evolve(DEFAULT_POLICY, required_insurances=["pension", "medical"])
        assert required_insurances(True, policy=policy) == {Insurance.PENSION, Insurance.MEDICAL}

    @pytest.mark.parametrize("value", [None, 1, "female"])
    def test_female_must_be_a_bool(self, value: object) -> None:
        with pytest.raises(InvalidType) as info:
            required_insurances(value)  # type: ignore[arg-type]
        assert info.value.path == "female"


def _by_rule(community: Community, policy: Policy = DEFAULT_POLICY) -> dict[str, list[Finding]]:
    found: dict[str, list[Finding]] = {}
    for f in check_community(community, policy=policy, office="S1"):
        found.setdefault(f.rule, []).append(f)
    return found


def _one(community: Community, rule: str, policy: Policy = DEFAULT_POLICY) -> Finding:
    (finding,) = _by_rule(community, policy)[rule]
    return finding


class TestRules:
    def test_rule_table(self) -> None:
        assert [r.id for r in funding.RULES] == [
            "funding.office_funds",
            "funding.welfare_funds",
            "funding.living_allowance",
            "funding.living_allowance_growth",
            "funding.task_funds",
            "funding.insurance",
        ]
        for rule in funding.RULES:
            assert rule.clause == "3.2"
            assert rule.modality is Modality.MANDATORY
            assert rule.title_en
            assert rule.title_zh
            for name in rule.parameters:
                assert DEFAULT_POLICY.parameter(name).clause == "3.2"

    def test_office_funds(self) -> None:
        # 2,400 households need 24,000.00; 20,000 granted → 4,000.00 short.
        f = _one(Community("C1", households=2400, office_funds=D("20000")), "funding.office_funds")
        assert f.status is Status.NOT_MET
        assert f.is_failure
        assert (f.required, f.actual, f.gap, f.unit) == (D("24000.00"), D("20000"), D("4000.00"), "yuan")
        assert f.inputs == (("households", 2400), ("office_funds", D("20000")))
        assert f.interpretations == ("I-6", "I-8")
        assert "4,000.00 yuan short" in f.message_en
        assert "差 4000.00 元" in f.message_zh
        met = _one(Community("C1", households=2400, office_funds=D("24000")), "funding.office_funds")
        assert met.status is Status.MET
        assert met.gap == 0

    def test_office_funds_per_started_thousand(self) -> None:
        f = _one(
            Community("C1", households=2400, office_funds=D("24000")), "funding.office_funds", PER_THOUSAND
        )
        assert (f.status, f.required) == (Status.NOT_MET, D("30000.00"))

    @pytest.mark.parametrize("kwargs", [{"office_funds": D("1")}, {"households": 100}])
    def test_office_funds_unknown(self, kwargs: dict[str, object]) -> None:
        f = _one(Community("C1", **kwargs), "funding.office_funds")  # type: ignore[arg-type]
        assert f.status is Status.UNKNOWN

    def test_welfare_against_granted_office_funds(self) -> None:
        # 30,000 granted (above the 24,000 minimum): the fund must be ≥ 0.8 × 30,000 = 24,000.00.
        c = Community("C1", households=2400, office_funds=D("30000"), welfare_funds=D("19200"))
        f = _one(c, "funding.welfare_funds")
        assert (f.status, f.required, f.gap) == (Status.NOT_MET, D("24000.00"), D("4800.00"))
        assert "I-6" not in f.interpretations
        assert "office funds granted" in f.message_en

    def test_welfare_against_the_minimum_alternative(self) -> None:
        c = Community("C1", households=2400, office_funds=D("30000"), welfare_funds=D("19200"))
        policy = attrs.evolve(DEFAULT_POLICY, welfare_base=WelfareBase.MINIMUM)
        f = _one(c, "funding.welfare_funds", policy)
        assert (f.status, f.required) == (Status.MET, D("19200.00"))
        assert "I-6" in f.interpretations

    def test_welfare_when_office_funds_are_not_known_uses_the_minimum(self) -> None:
        # I-7 when planning: 0.8 × 24,000.00.
        f = _one(Community("C1", households=2400, welfare_funds=D("19000")), "funding.welfare_funds")
        assert (f.status, f.required, f.gap) == (Status.NOT_MET, D("19200.00"), D("200.00"))
        assert "minimum office funds" in f.message_en

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"households": 2400, "office_funds": D("24000")},  # welfare fund not known
            {"welfare_funds": D("100")},  # neither office funds nor households
        ],
    )
    def test_welfare_unknown(self, kwargs: dict[str, object]) -> None:
        assert _one(Community("C1", **kwargs), "funding.welfare_funds").status is Status.UNKNOWN  # type: ignore[arg-type]

    def test_living_allowance(self) -> None:
        c = Community("C1", living_allowance=D("900"), living_allowance_standard=D("1000"))
        f = _one(c, "funding.living_allowance")
        assert (f.status, f.required, f.actual, f.gap) == (Status.NOT_MET, D("1000"), D("900"), D("100"))
        assert _one(
            Community("C1", living_allowance=D("1000"), living_allowance_standard=D("1000")), f.rule
        ).status is (Status.MET)
        assert _one(Community("C1", living_allowance=D("1000")), f.rule).status is Status.UNKNOWN

    def test_living_allowance_must_not_fall(self) -> None:
        rule = "funding.living_allowance_growth"
        fell = _one(Community("C1", living_allowance=D("950"), living_allowance_previous=D("1000")), rule)
        assert (fell.status, fell.gap) == (Status.NOT_MET, D("50"))
        same = _one(Community("C1", living_allowance=D("1000"), living_allowance_previous=D("1000")), rule)
        assert same.status is Status.MET
        assert _one(Community("C1", living_allowance_previous=D("1000")), rule).status is Status.UNKNOWN

    def test_task_funds_kept_whole(self) -> None:
        rule = "funding.task_funds"
        kept = _one(Community("C1", task_funds_received=D("5000"), task_funds_retained=D("5000")), rule)
        assert kept.status is Status.MET
        withheld = _one(
            Community("C1", task_funds_received=D("5000"), task_funds_retained=D("4200.50")), rule
        )
        assert (withheld.status, withheld.gap) == (Status.NOT_MET, D("799.50"))
        assert _one(Community("C1", task_funds_received=D("5000")), rule).status is Status.UNKNOWN

    def test_insurance_per_staff_member(self) -> None:
        members = [
            StaffMember("W1", female=True, insurances=list(ALL_FIVE)),
            StaffMember("W2", female=True, insurances=["pension", "medical", "unemployment", "work_injury"]),
            StaffMember("M1", female=False, insurances=["pension", "medical", "unemployment", "work_injury"]),
            StaffMember("M2", female=False, insurances=["pension"]),
            StaffMember(
                "X1", insurances=["pension", "medical", "unemployment", "work_injury"]
            ),  # sex unknown
            StaffMember("X2", insurances=list(ALL_FIVE)),  # sex unknown, all five anyway
            StaffMember("X3", insurances=["medical"]),  # sex unknown, pension missing whatever it is
            StaffMember("N1", female=True),  # insurances unknown
        ]
        found = _by_rule(Community("C1", staff_members=members))["funding.insurance"]
        assert [(f.subject, f.status) for f in found] == [
            ("W1", Status.MET),
            ("W2", Status.NOT_MET),
            ("M1", Status.MET),
            ("M2", Status.NOT_MET),
            ("X1", Status.UNKNOWN),
            ("X2", Status.MET),
            ("X3", Status.NOT_MET),
            ("N1", Status.UNKNOWN),
        ]
        w2 = found[1]
        assert w2.gap == "maternity"
        assert "女职工生育保险" in w2.message_zh
        m2 = found[3]
        assert m2.gap == "medical, unemployment, work_injury"
        assert "maternity if female" in str(found[4].required)

    def test_insurance_maternity_for_all(self) -> None:
        policy = attrs.evolve(DEFAULT_POLICY, maternity_for_female_only=False)
        members = [
            StaffMember("M1", female=False, insurances=["pension", "medical", "unemployment", "work_injury"]),
            StaffMember("X1", insurances=["pension", "medical", "unemployment", "work_injury"]),
        ]
        found = _by_rule(Community("C1", staff_members=members), policy)["funding.insurance"]
        assert [f.status for f in found] == [Status.NOT_MET, Status.NOT_MET]

    def test_insurance_without_staff_list(self) -> None:
        assert _one(Community("C1", staff=0), "funding.insurance").status is Status.NOT_APPLICABLE
        assert _one(Community("C1", staff=3), "funding.insurance").status is Status.UNKNOWN
        assert _one(Community("C1"), "funding.insurance").status is Status.UNKNOWN

    def test_an_empty_community_is_unknown_throughout(self) -> None:
        statuses = {f.rule: f.status for f in check_community(Community("C1"))}
        assert set(statuses.values()) == {Status.UNKNOWN}
        assert set(statuses) == {r.id for r in funding.RULES}

    def test_every_finding_is_complete_and_bilingual(self) -> None:
        c = Community(
            "C1",
            households=980,
            office_funds=D("9800"),
            welfare_funds=D("7840"),
            living_allowance=D("1200"),
            living_allowance_standard=D("1000"),
            living_allowance_previous=D("1100"),
            task_funds_received=D("500"),
            task_funds_retained=D("500"),
            staff_members=[StaffMember("W1", female=True, insurances=list(ALL_FIVE))],
        )
        found = list(check_community(c, office="S1"))
        assert [f.status for f in found] == [Status.MET] * 6
        for f in found:
            assert f.clause == "3.2"
            assert f.community == "C1"
            assert f.office == "S1"
            assert f.message_en
            assert f.message_zh
            assert f.inputs


# --- found by mutation testing ----------------------------------------------------------------
# The findings below are written out whole (every field, both messages), for hand-worked
# inputs: office funds at least 10,000 yuan per 1,000 households a year (10 yuan a household,
# rounded up to the fen); the welfare fund at least 80 % of the office funds; the living
# allowance not below the standard nor last year's; task funds kept whole; five insurances,
# maternity for female staff.

FIVE = "pension, medical, unemployment, work_injury, maternity"
FOUR = "pension, medical, unemployment, work_injury"
FIVE_ZH = "养老保险、医疗保险、失业保险、工伤保险、女职工生育保险"
FOUR_ZH = "养老保险、医疗保险、失业保险、工伤保险"


def _money(rule: str, status: Status, interpretations: tuple[str, ...], **fields: Any) -> Finding:
    parameters = {
        "funding.office_funds": ("office_funds_per_thousand", "office_funds_rule"),
        "funding.welfare_funds": ("welfare_share", "welfare_base"),
    }.get(rule, ())
    return Finding(
        rule,
        "3.2",
        status,
        Modality.MANDATORY,
        community="C1",
        office="S1",
        unit="yuan",
        parameters=parameters,
        interpretations=interpretations,
        **fields,
    )


def _office(status: Status, **fields: Any) -> Finding:
    return _money("funding.office_funds", status, ("I-6", "I-8"), **fields)


def _welfare(status: Status, *, on_minimum: bool, **fields: Any) -> Finding:
    return _money(
        "funding.welfare_funds", status, ("I-7", "I-8", "I-6") if on_minimum else ("I-7", "I-8"), **fields
    )


def _insured(status: Status, subject: str | None, **fields: Any) -> Finding:
    return Finding(
        "funding.insurance",
        "3.2",
        status,
        Modality.MANDATORY,
        community="C1",
        office="S1",
        subject=subject,
        parameters=("required_insurances", "maternity_for_female_only"),
        **fields,
    )


class TestOfficeAndWelfareFindingsInFull:
    def test_office_funds_short(self) -> None:
        # 2,400 households → 24,000.00; 20,000 granted → 4,000.00 short.
        c = Community("C1", households=2400, office_funds=D("20000"))
        assert _one(c, "funding.office_funds") == _office(
            Status.NOT_MET,
            required=D("24000.00"),
            actual=D("20000"),
            gap=D("4000.00"),
            message_en="office funds granted 20,000 yuan; 2400 households call for at least 24,000.00 yuan: "
            "4,000.00 yuan short",
            message_zh="实际拨付办公经费 20000 元；2400 户应不少于 24000.00 元，差 4000.00 元",
            inputs=(("households", 2400), ("office_funds", D("20000"))),
        )

    def test_office_funds_met_on_the_minimum(self) -> None:
        c = Community("C1", households=2400, office_funds=D("24000"))
        assert _one(c, "funding.office_funds") == _office(
            Status.MET,
            required=D("24000.00"),
            actual=D("24000"),
            gap=D("0.00"),
            message_en="office funds granted 24,000 yuan; 2400 households call for at least 24,000.00 yuan",
            message_zh="实际拨付办公经费 24000 元；2400 户应不少于 24000.00 元",
            inputs=(("households", 2400), ("office_funds", D("24000"))),
        )
        # One fen below is one fen short.
        short = _one(Community("C1", households=2400, office_funds=D("23999.99")), "funding.office_funds")
        assert (short.status, short.gap) == (Status.NOT_MET, D("0.01"))

    def test_office_funds_not_known(self) -> None:
        assert _one(Community("C1", office_funds=D("1")), "funding.office_funds") == _office(
            Status.UNKNOWN,
            actual=D("1"),
            message_en="households not known; at least 10,000 yuan per 1,000 households a year",
            message_zh="户数未知；办公经费按每千户每年不少于 10000 元拨付",
            inputs=(("households", None), ("office_funds", D("1"))),
        )
        # 100 households → 1,000.00 at least.
        assert _one(Community("C1", households=100), "funding.office_funds") == _office(
            Status.UNKNOWN,
            required=D("1000.00"),
            message_en="the office funds granted not known; at least 10,000 yuan per 1,000 households a year",
            message_zh="实际拨付的办公经费未知；办公经费按每千户每年不少于 10000 元拨付",
            inputs=(("households", 100), ("office_funds", None)),
        )

    def test_office_funds_rate_comes_from_the_policy(self) -> None:
        policy = attrs.evolve(DEFAULT_POLICY, office_funds_per_thousand=D("12000"))
        f = _one(Community("C1", households=100), "funding.office_funds", policy)
        assert f.required == D("1200.00")
        assert f.message_en.endswith("at least 12,000 yuan per 1,000 households a year")
        assert f.message_zh.endswith("按每千户每年不少于 12000 元拨付")

    def test_welfare_on_the_office_funds_granted(self) -> None:
        # 30,000 granted: 80 % is 24,000.00; 19,200 → 4,800.00 short.
        c = Community("C1", households=2400, office_funds=D("30000"), welfare_funds=D("19200"))
        assert _one(c, "funding.welfare_funds") == _welfare(
            Status.NOT_MET,
            on_minimum=False,
            required=D("24000.00"),
            actual=D("19200"),
            gap=D("4800.00"),
            message_en="welfare fund 19,200 yuan; 80 % of the office funds granted (30,000) is at least "
            "24,000.00 yuan: 4,800.00 yuan short",
            message_zh="公益活动专项经费 19200 元；实际拨付的办公经费（30000 元）的 80% 为 24000.00 元，差 4800.00 元",
            inputs=(("households", 2400), ("office_funds", D("30000")), ("welfare_funds", D("19200"))),
        )

    def test_welfare_on_the_minimum_office_funds(self) -> None:
        # Office funds not known: 80 % of the minimum 24,000.00 is 19,200.00; 19,200 meets it.
        c = Community("C1", households=2400, welfare_funds=D("19200"))
        assert _one(c, "funding.welfare_funds") == _welfare(
            Status.MET,
            on_minimum=True,
            required=D("19200.00"),
            actual=D("19200"),
            gap=D("0.00"),
            message_en="welfare fund 19,200 yuan; 80 % of the minimum office funds (24,000.00) is at least "
            "19,200.00 yuan",
            message_zh="公益活动专项经费 19200 元；办公经费最低标准（24000.00 元）的 80% 为 19200.00 元",
            inputs=(("households", 2400), ("office_funds", None), ("welfare_funds", D("19200"))),
        )

    def test_welfare_short_of_the_minimum_office_funds(self) -> None:
        # Office funds not known: 80 % of the minimum 24,000.00 is 19,200.00; 19,000 → 200.00 short.
        c = Community("C1", households=2400, welfare_funds=D("19000"))
        assert _one(c, "funding.welfare_funds") == _welfare(
            Status.NOT_MET,
            on_minimum=True,
            required=D("19200.00"),
            actual=D("19000"),
            gap=D("200.00"),
            message_en="welfare fund 19,000 yuan; 80 % of the minimum office funds (24,000.00) is at least "
            "19,200.00 yuan: 200.00 yuan short",
            message_zh="公益活动专项经费 19000 元；办公经费最低标准（24000.00 元）的 80% 为 19200.00 元，差 200.00 元",
            inputs=(("households", 2400), ("office_funds", None), ("welfare_funds", D("19000"))),
        )

    def test_welfare_not_known(self) -> None:
        c = Community("C1", households=2400, office_funds=D("24000"))
        assert _one(c, "funding.welfare_funds") == _welfare(
            Status.UNKNOWN,
            on_minimum=False,
            required=D("19200.00"),
            message_en="the welfare fund not known; at least 80 % of the office funds",
            message_zh="公益活动专项经费未知；应不少于办公经费的 80%",
            inputs=(("households", 2400), ("office_funds", D("24000")), ("welfare_funds", None)),
        )
        # Office funds and households not known: no base at all.
        assert _one(Community("C1", welfare_funds=D("100")), "funding.welfare_funds") == _welfare(
            Status.UNKNOWN,
            on_minimum=True,
            actual=D("100"),
            message_en="the office funds and households not known; at least 80 % of the office funds",
            message_zh="办公经费及户数未知；应不少于办公经费的 80%",
            inputs=(("households", None), ("office_funds", None), ("welfare_funds", D("100"))),
        )

    def test_welfare_share_comes_from_the_policy(self) -> None:
        # 85 % of 24,000 granted is 20,400.00.
        policy = attrs.evolve(DEFAULT_POLICY, welfare_share=D("0.85"))
        unknown = _one(
            Community("C1", households=2400, office_funds=D("24000")), "funding.welfare_funds", policy
        )
        assert unknown.required == D("20400.00")
        assert unknown.message_en == "the welfare fund not known; at least 85 % of the office funds"
        checked = _one(
            Community("C1", households=2400, office_funds=D("24000"), welfare_funds=D("20400")),
            "funding.welfare_funds",
            policy,
        )
        assert (checked.status, checked.required) == (Status.MET, D("20400.00"))
        assert "85 % of the office funds granted (24,000)" in checked.message_en
        assert "的 85% 为 20400.00 元" in checked.message_zh


class TestFloorFindingsInFull:
    def test_living_allowance_below_the_standard(self) -> None:
        c = Community("C1", living_allowance=D("900"), living_allowance_standard=D("1000"))
        assert _one(c, "funding.living_allowance") == _money(
            "funding.living_allowance",
            Status.NOT_MET,
            ("I-8",),
            required=D("1000"),
            actual=D("900"),
            gap=D("100"),
            message_en="living allowance 900 yuan; the current standard is 1,000 yuan: 100 yuan short",
            message_zh="生活补贴 900 元；现行标准为 1000 元，差 100 元",
            inputs=(("living_allowance", D("900")), ("living_allowance_standard", D("1000"))),
        )

    def test_living_allowance_on_the_standard(self) -> None:
        c = Community("C1", living_allowance=D("1000"), living_allowance_standard=D("1000"))
        assert _one(c, "funding.living_allowance") == _money(
            "funding.living_allowance",
            Status.MET,
            ("I-8",),
            required=D("1000"),
            actual=D("1000"),
            gap=D("0.00"),
            message_en="living allowance 1,000 yuan; the current standard is 1,000 yuan",
            message_zh="生活补贴 1000 元；现行标准为 1000 元",
            inputs=(("living_allowance", D("1000")), ("living_allowance_standard", D("1000"))),
        )

    def test_living_allowance_fell(self) -> None:
        c = Community("C1", living_allowance=D("950"), living_allowance_previous=D("1000"))
        assert _one(c, "funding.living_allowance_growth") == _money(
            "funding.living_allowance_growth",
            Status.NOT_MET,
            ("I-8",),
            required=D("1000"),
            actual=D("950"),
            gap=D("50"),
            message_en="living allowance 950 yuan; it must not fall below last year's 1,000 yuan: 50 yuan short",
            message_zh="生活补贴 950 元；不得低于上一年度的 1000 元，差 50 元",
            inputs=(("living_allowance", D("950")), ("living_allowance_previous", D("1000"))),
        )

    def test_task_funds_withheld(self) -> None:
        c = Community("C1", task_funds_received=D("5000"), task_funds_retained=D("4200.50"))
        assert _one(c, "funding.task_funds") == _money(
            "funding.task_funds",
            Status.NOT_MET,
            ("I-8",),
            required=D("5000"),
            actual=D("4200.50"),
            gap=D("799.50"),
            message_en="funds that follow tasks kept 4,200.50 yuan; all of what was received must be kept: "
            "5,000 yuan: 799.50 yuan short",
            message_zh="“费随事转”经费留用 4200.50 元；应全部留用，拨付 5000 元，差 799.50 元",
            inputs=(("task_funds_received", D("5000")), ("task_funds_retained", D("4200.50"))),
        )

    @pytest.mark.parametrize(
        ("rule", "kwargs", "inputs", "message_en", "message_zh"),
        [
            (
                "funding.living_allowance",
                {"living_allowance": D("1000")},
                (("living_allowance", D("1000")), ("living_allowance_standard", None)),
                "the living allowance or the district's standard is not known",
                "生活补贴或现行标准未知",
            ),
            (
                "funding.living_allowance_growth",
                {"living_allowance_previous": D("1000")},
                (("living_allowance", None), ("living_allowance_previous", D("1000"))),
                "this year's or last year's living allowance is not known",
                "本年度或上一年度生活补贴未知",
            ),
            (
                "funding.task_funds",
                {"task_funds_received": D("1000")},
                (("task_funds_received", D("1000")), ("task_funds_retained", None)),
                "the funds that follow tasks (费随事转) received or kept are not known",
                "按“费随事转”拨付或留用的经费未知",
            ),
        ],
    )
    def test_not_known(
        self,
        rule: str,
        kwargs: dict[str, object],
        inputs: tuple[tuple[str, object], ...],
        message_en: str,
        message_zh: str,
    ) -> None:
        given_amount = D("1000")
        required = given_amount if rule != "funding.living_allowance" else None
        actual = given_amount if rule == "funding.living_allowance" else None
        assert _one(Community("C1", **kwargs), rule) == _money(  # type: ignore[arg-type]
            rule,
            Status.UNKNOWN,
            ("I-8",),
            required=required,
            actual=actual,
            message_en=message_en,
            message_zh=message_zh,
            inputs=inputs,
        )


class TestInsuranceFindingsInFull:
    def test_each_case(self) -> None:
        members = [
            StaffMember("W1", female=True, insurances=list(ALL_FIVE)),
            # A man enrolled in all five needs four: the message names the four required.
            StaffMember("M1", female=False, insurances=list(ALL_FIVE)),
            StaffMember("M2", female=False, insurances=["pension"]),
            StaffMember("X1", insurances=["pension", "medical", "unemployment", "work_injury"]),
            StaffMember("X2", insurances=list(ALL_FIVE)),
            StaffMember("N1", female=True),
        ]
        found = _by_rule(Community("C1", staff_members=members))["funding.insurance"]

        def inputs(sid: str, female: bool | None, enrolled: str | None) -> tuple[tuple[str, object], ...]:
            return ((f"staff_members[{sid}].female", female), (f"staff_members[{sid}].insurances", enrolled))

        if_female = FOUR + " (+ maternity if female)"
        assert found == [
            _insured(
                Status.MET,
                "W1",
                required=FIVE,
                actual=FIVE,
                message_en=f"W1: enrolled in {FIVE}",
                message_zh=f"W1：已参加{FIVE_ZH}",
                inputs=inputs("W1", True, FIVE),
            ),
            _insured(
                Status.MET,
                "M1",
                required=FOUR,
                actual=FIVE,
                message_en=f"M1: enrolled in {FOUR}",
                message_zh=f"M1：已参加{FOUR_ZH}",
                inputs=inputs("M1", False, FIVE),
            ),
            _insured(
                Status.NOT_MET,
                "M2",
                required=FOUR,
                actual="pension",
                gap="medical, unemployment, work_injury",
                message_en="M2: not enrolled in medical, unemployment, work_injury",
                message_zh="M2：未参加医疗保险、失业保险、工伤保险",
                inputs=inputs("M2", False, "pension"),
            ),
            _insured(
                Status.UNKNOWN,
                "X1",
                required=if_female,
                actual=FOUR,
                message_en=f"X1: enrolled in {FOUR}; maternity insurance is required for female staff and "
                "the sex is not known",
                message_zh=f"X1：已参加{FOUR_ZH}；女职工须参加生育保险，性别未知",
                inputs=inputs("X1", None, FOUR),
            ),
            _insured(
                Status.MET,
                "X2",
                required=if_female,
                actual=FIVE,
                message_en=f"X2: enrolled in {FOUR}",
                message_zh=f"X2：已参加{FOUR_ZH}",
                inputs=inputs("X2", None, FIVE),
            ),
            _insured(
                Status.UNKNOWN,
                "N1",
                required=FIVE,
                message_en="N1: insurances not known",
                message_zh="N1：参保情况未知",
                inputs=inputs("N1", True, None),
            ),
        ]

    def test_sex_not_known_and_maternity_for_all(self) -> None:
        # Every staff member needs all five: a member of unknown sex without maternity is short.
        policy = attrs.evolve(DEFAULT_POLICY, maternity_for_female_only=False)
        c = Community(
            "C1",
            staff_members=[
                StaffMember("X1", insurances=["pension", "medical", "unemployment", "work_injury"])
            ],
        )
        (f,) = _by_rule(c, policy)["funding.insurance"]
        assert (f.status, f.required, f.gap) == (Status.NOT_MET, FIVE, "maternity")
        assert f.message_zh == "X1：未参加女职工生育保险"

    def test_sex_not_known_and_no_maternity_required(self) -> None:
        # Without maternity in the policy's set, the sex does not matter.
        policy = attrs.evolve(DEFAULT_POLICY, required_insurances=["pension", "medical"])
        c = Community("C1", staff_members=[StaffMember("X1", insurances=["pension", "medical"])])
        (f,) = _by_rule(c, policy)["funding.insurance"]
        assert (f.status, f.required, f.actual) == (Status.MET, "pension, medical", "pension, medical")
        assert f.message_en == "X1: enrolled in pension, medical"

    def test_nothing_enrolled_reads_none_in_chinese(self) -> None:
        # Only maternity required, the sex not known, nothing enrolled.
        policy = attrs.evolve(DEFAULT_POLICY, required_insurances=["maternity"])
        (f,) = _by_rule(Community("C1", staff_members=[StaffMember("X1", insurances=[])]), policy)[
            "funding.insurance"
        ]
        assert f.status is Status.UNKNOWN
        assert f.message_zh == "X1：已参加无；女职工须参加生育保险，性别未知"

    def test_staff_not_listed(self) -> None:
        assert _one(Community("C1", staff=0), "funding.insurance") == _insured(
            Status.NOT_APPLICABLE,
            None,
            message_en="no staff in post, so no insurance to check",
            message_zh="无在岗工作人员，无需核查参保情况",
            inputs=(("staff", 0), ("staff_members", 0)),
        )
        assert _one(Community("C1", staff=3), "funding.insurance") == _insured(
            Status.UNKNOWN,
            None,
            required=FIVE,
            message_en="the staff members are not listed, so their insurances are not known",
            message_zh="未列出工作人员，参保情况未知",
            inputs=(("staff", 3), ("staff_members", 0)),
        )
        policy = attrs.evolve(DEFAULT_POLICY, required_insurances=["pension", "medical"])
        assert _one(Community("C1", staff=3), "funding.insurance", policy).required == "pension, medical"


class TestErrorsInFull:
    def test_a_date_of_the_wrong_type(self) -> None:
        with pytest.raises(InvalidType) as info:
            allowance_by_month(date(2025, 1, 1), "2025-12-31")  # type: ignore[arg-type]
        assert (info.value.path, info.value.value) == ("end", "2025-12-31")
        assert info.value.message_en == "is a str; expected a datetime.date"
        assert info.value.message_zh == "类型为 str；应为日期"

    def test_a_term_that_ends_before_it_starts(self) -> None:
        with pytest.raises(InvalidValue) as info:
            allowance_by_month(date(2025, 7, 1), date(2025, 6, 30))
        assert info.value.message_en == "the term ends (2025-06-30) before it starts (2025-07-01)"
        assert info.value.message_zh == "任期结束日期（2025-06-30）早于开始日期（2025-07-01）"

    def test_female_of_the_wrong_type(self) -> None:
        with pytest.raises(InvalidType) as info:
            required_insurances("yes")  # type: ignore[arg-type]
        assert (info.value.path, info.value.value) == ("female", "yes")
        assert info.value.message_en == "is a str; expected True or False"
        assert info.value.message_zh == "类型为 str；应为 True 或 False"

    def test_negative_office_funds(self) -> None:
        with pytest.raises(InvalidValue) as info:
            welfare_funds_minimum("-5")
        assert (info.value.path, info.value.value, info.value.message_en, info.value.message_zh) == (
            "office_funds",
            "-5",
            "is negative",
            "为负数",
        )

    @pytest.mark.parametrize(
        "call",
        [
            lambda: office_funds_minimum(1, policy=None),
            lambda: welfare_funds_minimum(1, policy=None),
            lambda: allowance_by_month(date(2025, 1, 1), date(2025, 1, 2), policy=None),
            lambda: building_head_allowance(date(2025, 1, 1), date(2025, 1, 2), policy=None),
            lambda: split_pay(1, policy=None),
            lambda: required_insurances(True, policy=None),
        ],
    )
    def test_policy_must_be_a_policy(self, call: Any) -> None:
        with pytest.raises(InvalidType) as info:
            call()
        assert info.value.path == "policy"


class TestEmptyEnrolmentIsSaid:
    # Under a policy that requires only maternity insurance, a member of unknown sex with no
    # insurance was "enrolled in ;" in English (the Chinese said 无).
    POLICY = attrs.evolve(DEFAULT_POLICY, required_insurances=frozenset({Insurance.MATERNITY}))

    def _finding(self, member: StaffMember) -> Finding:
        community = Community("C", staff_members=[member])
        (found,) = [
            f for f in funding.check_community(community, policy=self.POLICY) if f.rule == "funding.insurance"
        ]
        return found

    def test_no_insurance_and_sex_unknown(self) -> None:
        f = self._finding(StaffMember("X1", insurances=[]))
        assert f.status is Status.UNKNOWN
        assert f.message_en.startswith("X1: enrolled in none; maternity insurance is required")
        assert f.message_zh.startswith("X1：已参加无；")
        assert f.actual == ""

    def test_nothing_required_of_a_man(self) -> None:
        f = self._finding(StaffMember("X2", female=False, insurances=[]))
        assert f.status is Status.MET
        assert (f.message_en, f.message_zh) == ("X2: enrolled in none", "X2：已参加无")
