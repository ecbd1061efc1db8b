"""Tests of community_rules.funding: funds, allowance, pay split, insurances, checks (2.2.2, 3.2)."""

from __future__ import annotations

import datetime
import decimal
from decimal import Decimal
from fractions import Fraction

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
