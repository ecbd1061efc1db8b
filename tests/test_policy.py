"""Policy, Weights and PolicyTimeline: the opinion's numbers, their provenance, their validation."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import community_rules as cr
from community_rules.enums import Education, Insurance, Level
from community_rules.errors import Error, InvalidType, InvalidValue, PolicyNotSet
from community_rules.opinion import clause, clause_ids
from community_rules.policy import (
    DEFAULT_POLICY,
    BuildingHeadEvaluationEffect,
    HiringRounding,
    OfficeFundsRule,
    Parameter,
    PartMonthRule,
    Policy,
    PolicyTimeline,
    StaffQuotaRounding,
    SubAreaRule,
    Weights,
    WelfareBase,
)

D = Decimal
P = DEFAULT_POLICY


def _exactly(value: object, expected: object) -> None:
    """Equal and of the same type (Decimal('0.7') is not 0.7, 500 is not Decimal(500))."""
    assert type(value) is type(expected), (value, expected)
    assert value == expected


class TestDefaultNumbers:
    """DEFAULT_POLICY holds the opinion's own numbers, clause by clause."""

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("sub_area_households", 500),  # 2.2.1 原则上每500户为一小区
            ("building_head_min_buildings", 2),  # 2.2.1 每2-3栋居民楼设楼长1名
            ("building_head_max_buildings", 3),
            ("building_head_allowance_monthly", D("100")),  # 2.2.2 每人每月100元
            ("households_per_staff", 300),  # 3.1 每300户配备1人
            ("hiring_share_this_year", D("0.7")),  # 3.1 今年可按缺额人数的70%录用
            ("office_funds_per_thousand", D("10000")),  # 3.2 每千户每年不少于1万元
            ("welfare_share", D("0.8")),  # 3.2 不少于居委会办公经费80%
            ("base_pay_share", D("0.7")),  # 3.2 每月发放70%的基本部分
            ("old_town_space_m2", D("150")),  # 3.3 老城区…150平方米以上
            ("new_space_m2", D("300")),  # 3.3 新建…不少于300平方米
            ("space_target_share", D("0.7")),  # 3.3 今年底之前…70%
            ("public_rooms_from", datetime.date(2008, 1, 1)),  # 3.3 2008年以后 (I-15)
            ("minimum_education", Education.JUNIOR_COLLEGE),  # 3.1 大专以上学历
        ],
    )
    def test_number(self, name: str, expected: object) -> None:
        _exactly(getattr(P, name), expected)

    def test_five_insurances(self) -> None:
        # 3.2 养老、医疗、失业、工伤和女职工生育保险
        assert P.required_insurances == frozenset(
            {
                Insurance.PENSION,
                Insurance.MEDICAL,
                Insurance.UNEMPLOYMENT,
                Insurance.WORK_INJURY,
                Insurance.MATERNITY,
            }
        )
        assert type(P.required_insurances) is frozenset
        assert P.maternity_for_female_only is True

    def test_adoption_year_is_not_set(self) -> None:
        # I-13: the opinion is undated; "this year" is the user's to set
        assert P.adoption_year is None

    def test_performance_share_is_the_rest_of_the_pay(self) -> None:
        # 3.2 剩余的30%纳入考核: 1 − 0.7 = 0.3, exactly
        _exactly(P.performance_pay_share, D("0.3"))

    def test_default_readings(self) -> None:
        assert P.sub_area_rule is SubAreaRule.CAP  # I-1
        assert P.part_month_rule is PartMonthRule.PRO_RATA_DAYS  # I-9
        assert P.staff_quota_rounding is StaffQuotaRounding.CEILING  # I-4
        assert P.hiring_rounding is HiringRounding.HALF_UP  # I-5
        assert P.office_funds_rule is OfficeFundsRule.PRO_RATA  # I-6
        assert P.welfare_base is WelfareBase.GRANTED  # I-7
        assert P.space_threshold_inclusive is True  # I-12
        assert P.building_head_evaluation_effect is BuildingHeadEvaluationEffect.RENEWAL  # I-20
        assert P.keep_residents_groups is False

    def test_local_assessment_scales(self) -> None:
        # I-16 ballots 100 / 60 / 0; I-18 bands 90 / 75 / 60
        for name, expected in [
            ("ballot_satisfied", D("100")),
            ("ballot_basically_satisfied", D("60")),
            ("ballot_dissatisfied", D("0")),
            ("grade_excellent", D("90")),
            ("grade_competent", D("75")),
            ("grade_basically_competent", D("60")),
        ]:
            _exactly(getattr(P, name), expected)

    def test_weights(self) -> None:
        # I-17: daily 0.3, year-end 0.4, residents 0.3; department 0.4 / 0.6 / 0
        assert P.weights_for(Level.DEPARTMENT) == Weights(D("0.4"), D("0.6"), D("0"))
        for level in (Level.SUB_DISTRICT_OFFICE, Level.COMMUNITY, Level.SUB_AREA_HEAD, Level.BUILDING_HEAD):
            assert P.weights_for(level) == Weights(D("0.3"), D("0.4"), D("0.3"))
        assert P.weights_for("community") is P.weights_community  # type: ignore[arg-type]

    def test_no_float_anywhere(self) -> None:
        for f in attrs.fields(Policy):
            assert not isinstance(getattr(P, f.name), float), f.name

    def test_is_the_root_export(self) -> None:
        assert cr.DEFAULT_POLICY is P
        assert Policy() == P


class TestProvenance:
    """Every field names an existing clause, quotes its words and cites a real interpretation."""

    @pytest.mark.parametrize("field", attrs.fields(Policy), ids=lambda f: f.name)
    def test_clause_exists(self, field: attrs.Attribute[Any]) -> None:
        assert field.metadata["clause"] in clause_ids()

    @pytest.mark.parametrize("field", attrs.fields(Policy), ids=lambda f: f.name)
    def test_words_are_chinese_and_quoted_from_the_opinion(self, field: attrs.Attribute[Any]) -> None:
        words = field.metadata["words"]
        assert re.search(r"[\u4e00-\u9fff]", words), words
        # Each quoted part ("a / b", "a…b") appears in the field's clause or in a clause of its
        # interpretation, up to full-width punctuation (the source uses ASCII commas).
        clause_ids_ = [field.metadata["clause"]]
        if field.metadata["interpretation"]:
            clause_ids_ += cr.interpretation(field.metadata["interpretation"]).clause.split(", ")
        text = "".join(clause(c).text_zh for c in clause_ids_).replace("\n", "")
        for part in re.split(r"\s*/\s*|…", words):
            assert part.replace("，", ",") in text, (field.name, part)

    @pytest.mark.parametrize("field", attrs.fields(Policy), ids=lambda f: f.name)
    def test_interpretation_exists(self, field: attrs.Attribute[Any]) -> None:
        known = {i.id for i in cr.interpretations()}
        interp = field.metadata["interpretation"]
        assert interp is None or interp in known
        assert isinstance(field.metadata["local"], bool)

    def test_local_fields_are_those_of_local_interpretations(self) -> None:
        local_fields = {f.name for f in attrs.fields(Policy) if f.metadata["local"]}
        for name in local_fields:
            assert cr.interpretation(attrs.fields_dict(Policy)[name].metadata["interpretation"]).local
        assert local_fields == {
            "ballot_satisfied",
            "ballot_basically_satisfied",
            "ballot_dissatisfied",
            "weights_department",
            "weights_sub_district_office",
            "weights_community",
            "weights_sub_area_head",
            "weights_building_head",
            "grade_excellent",
            "grade_competent",
            "grade_basically_competent",
        }

    def test_parameter(self) -> None:
        assert P.parameter("households_per_staff") == Parameter(
            name="households_per_staff",
            value=300,
            clause="3.1",
            words="原则上按照每300户配备1人的标准",
            interpretation="I-4",
            local=False,
        )
        assert P.parameter("building_head_allowance_monthly").interpretation is None

    def test_parameter_of_an_evolved_policy_shows_its_value(self) -> None:
        local = attrs.evolve(P, office_funds_per_thousand=D("12000"))
        assert local.parameter("office_funds_per_thousand").value == D("12000")

    def test_unknown_parameter(self) -> None:
        with pytest.raises(InvalidValue, match="'nope' is not a Policy field") as info:
            P.parameter("nope")
        assert info.value.path == "name"

    def test_parameters_in_declaration_order(self) -> None:
        params = P.parameters()
        assert [p.name for p in params] == [f.name for f in attrs.fields(Policy)]
        assert params[0] == P.parameter("sub_area_households")
        assert all(getattr(P, p.name) == p.value for p in params)

    def test_changes_from(self) -> None:
        other = attrs.evolve(P, adoption_year=2009, welfare_share=D("0.9"))
        assert other.changes_from(P) == {"adoption_year": (None, 2009), "welfare_share": (D("0.8"), D("0.9"))}
        assert P.changes_from(other) == {"adoption_year": (2009, None), "welfare_share": (D("0.9"), D("0.8"))}
        assert P.changes_from(P) == {}


class TestEvolve:
    def test_evolve_makes_a_new_policy(self) -> None:
        local = attrs.evolve(P, office_funds_per_thousand=D("12000"))
        _exactly(local.office_funds_per_thousand, D("12000"))
        _exactly(P.office_funds_per_thousand, D("10000"))

    def test_strings_and_ints_become_decimals(self) -> None:
        _exactly(attrs.evolve(P, welfare_share="0.85").welfare_share, D("0.85"))
        _exactly(attrs.evolve(P, office_funds_per_thousand=12000).office_funds_per_thousand, D("12000"))

    def test_enum_switches_from_strings(self) -> None:
        assert attrs.evolve(P, sub_area_rule="nearest").sub_area_rule is SubAreaRule.NEAREST
        assert attrs.evolve(P, minimum_education="bachelor").minimum_education is Education.BACHELOR

    def test_insurances_from_strings(self) -> None:
        assert attrs.evolve(P, required_insurances=["pension", "medical"]).required_insurances == frozenset(
            {Insurance.PENSION, Insurance.MEDICAL}
        )

    def test_frozen(self) -> None:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            P.welfare_share = D("0.9")  # type: ignore[misc]

    def test_hashable_and_comparable(self) -> None:
        same = attrs.evolve(P)
        assert same == P
        assert same is not P
        assert hash(same) == hash(P)
        assert len({P, same, attrs.evolve(P, adoption_year=2009)}) == 2
        assert attrs.evolve(P, adoption_year=2009) != P

    def test_keyword_only(self) -> None:
        with pytest.raises(TypeError):
            Policy(500)  # type: ignore[misc]


def _rejects(error: type[Error], path: str, match: str, **changes: Any) -> None:
    with pytest.raises(error, match=match) as info:
        attrs.evolve(P, **changes)
    assert info.value.path == path


class TestValidation:
    @pytest.mark.parametrize(
        "name", ["hiring_share_this_year", "welfare_share", "base_pay_share", "space_target_share"]
    )
    @pytest.mark.parametrize("value", [D("1.01"), D("2"), 2])
    def test_share_above_one(self, name: str, value: object) -> None:
        _rejects(InvalidValue, name, "is not a share between 0 and 1", **{name: value})

    @pytest.mark.parametrize(
        "name", ["hiring_share_this_year", "welfare_share", "base_pay_share", "space_target_share"]
    )
    def test_share_below_zero(self, name: str) -> None:
        _rejects(InvalidValue, name, "is negative", **{name: D("-0.01")})

    @pytest.mark.parametrize("value", [D("0"), D("1"), "0.5"])
    def test_share_bounds_are_inclusive(self, value: object) -> None:
        assert attrs.evolve(P, welfare_share=value).welfare_share == D(value)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "name",
        [
            "building_head_allowance_monthly",
            "office_funds_per_thousand",
            "old_town_space_m2",
            "new_space_m2",
            "ballot_dissatisfied",
            "grade_basically_competent",
        ],
    )
    def test_negative_amount(self, name: str) -> None:
        _rejects(InvalidValue, name, "is negative", **{name: D("-1")})

    @pytest.mark.parametrize(
        "name",
        [
            "welfare_share",
            "office_funds_per_thousand",
            "old_town_space_m2",
            "building_head_allowance_monthly",
        ],
    )
    def test_float_is_refused_naming_the_field(self, name: str) -> None:
        with pytest.raises(InvalidType, match=r"is a binary float.*pass Decimal\('0.5'\)") as info:
            attrs.evolve(P, **{name: 0.5})
        assert info.value.path == name
        assert info.value.value == 0.5

    @pytest.mark.parametrize("value", [500.0, D("500"), "500", True])
    def test_count_of_the_wrong_type(self, value: object) -> None:
        _rejects(InvalidType, "sub_area_households", "a count must be an int", sub_area_households=value)

    @pytest.mark.parametrize(
        "name", ["sub_area_households", "households_per_staff", "building_head_min_buildings"]
    )
    def test_counts_must_be_at_least_one(self, name: str) -> None:
        # a zero divisor (0 households per worker) would make every quota undefined
        _rejects(InvalidValue, name, "is less than 1", **{name: 0})

    def test_none_where_a_number_is_required(self) -> None:
        _rejects(InvalidType, "office_funds_per_thousand", "is required", office_funds_per_thousand=None)

    @pytest.mark.parametrize("value", ["NaN", D("Infinity"), D("1e15")])
    def test_nan_infinite_and_huge(self, value: object) -> None:
        with pytest.raises(InvalidValue) as info:
            attrs.evolve(P, old_town_space_m2=value)
        assert info.value.path == "old_town_space_m2"

    def test_min_buildings_above_max(self) -> None:
        _rejects(
            InvalidValue,
            "building_head_min_buildings",
            r"4 exceeds building_head_max_buildings \(3\)",
            building_head_min_buildings=4,
        )

    def test_min_equal_max_is_allowed(self) -> None:
        assert attrs.evolve(P, building_head_min_buildings=3).building_head_min_buildings == 3

    def test_grade_bands_out_of_order(self) -> None:
        _rejects(InvalidValue, "grade_competent", "grade bands must not increase", grade_competent=D("95"))
        _rejects(
            InvalidValue,
            "grade_competent",
            "grade bands must not increase",
            grade_basically_competent=D("80"),
        )

    def test_ballots_out_of_order(self) -> None:
        _rejects(
            InvalidValue,
            "ballot_basically_satisfied",
            "ballot values must not increase",
            ballot_dissatisfied=D("70"),
        )
        _rejects(
            InvalidValue,
            "ballot_basically_satisfied",
            "ballot values must not increase",
            ballot_satisfied=D("50"),
        )

    @pytest.mark.parametrize(
        "name",
        [
            "ballot_satisfied",
            "ballot_basically_satisfied",
            "ballot_dissatisfied",
            "grade_excellent",
            "grade_competent",
            "grade_basically_competent",
        ],
    )
    def test_values_above_100(self, name: str) -> None:
        with pytest.raises(InvalidValue, match="is above 100") as info:
            attrs.evolve(P, **{name: D("100.01")})
        assert info.value.path == name

    def test_department_residents_weight_must_be_zero(self) -> None:
        # 4.3.3: residents evaluate the office, committee, sub-area and building heads, not departments
        with pytest.raises(InvalidValue, match="residents do not evaluate departments") as info:
            attrs.evolve(P, weights_department=Weights("0.4", "0.3", "0.3"))
        assert info.value.path == "weights_department"

    @pytest.mark.parametrize("value", ["x", None, {"daily": "1"}])
    def test_weights_of_the_wrong_type(self, value: object) -> None:
        for name in ("weights_department", "weights_community"):
            _rejects(InvalidType, name, "must be a Weights", **{name: value})

    @pytest.mark.parametrize("value", [True, "2009", 2009.0, D("2009")])
    def test_adoption_year_type(self, value: object) -> None:
        _rejects(InvalidType, "adoption_year", "must be an int year", adoption_year=value)

    @pytest.mark.parametrize("value", [1999, 2007, 2101])
    def test_adoption_year_range(self, value: int) -> None:
        _rejects(InvalidValue, "adoption_year", "is not a plausible adoption year", adoption_year=value)

    @pytest.mark.parametrize("value", [2008, 2009, 2100])
    def test_adoption_year_bounds(self, value: int) -> None:
        assert attrs.evolve(P, adoption_year=value).adoption_year == value

    @pytest.mark.parametrize(
        "name", ["keep_residents_groups", "maternity_for_female_only", "space_threshold_inclusive"]
    )
    @pytest.mark.parametrize("value", [None, 1, "yes"])
    def test_switches_are_true_or_false(self, name: str, value: object) -> None:
        _rejects(InvalidType, name, "must be true or false", **{name: value})

    def test_unknown_enum_value_lists_the_valid_ones(self) -> None:
        _rejects(InvalidValue, "sub_area_rule", r"valid: cap, nearest", sub_area_rule="bogus")

    def test_enum_switch_is_required(self) -> None:
        _rejects(InvalidType, "sub_area_rule", "is required", sub_area_rule=None)

    def test_unknown_insurance(self) -> None:
        _rejects(
            InvalidValue, "required_insurances[0]", "'x' is not a valid Insurance", required_insurances=["x"]
        )

    @pytest.mark.parametrize("value", ["pension", 5])
    def test_insurances_not_a_collection(self, value: object) -> None:
        _rejects(
            InvalidType, "required_insurances", "expected a set of insurances", required_insurances=value
        )

    def test_date_field_wants_a_date(self) -> None:
        _rejects(InvalidType, "public_rooms_from", "expected a datetime.date", public_rooms_from="2008-01-01")
        _rejects(
            InvalidType,
            "public_rooms_from",
            "expected a datetime.date",
            public_rooms_from=datetime.datetime(2008, 1, 1),
        )


class TestWeights:
    def test_strings_become_decimals(self) -> None:
        w = Weights("0.3", "0.4", "0.3")
        _exactly(w.daily, D("0.3"))
        _exactly(w.year_end, D("0.4"))
        _exactly(w.residents, D("0.3"))

    def test_sum_must_be_exactly_one(self) -> None:
        # 0.5 + 0.4 + 0.3 = 1.2
        with pytest.raises(InvalidValue, match=r"the weights add up to 1\.2, not 1") as info:
            Weights("0.5", "0.4", "0.3")
        assert info.value.path == "residents"
        with pytest.raises(InvalidValue, match=r"add up to 0\.99, not 1"):
            Weights("0.33", "0.33", "0.33")

    def test_zero_weight_is_allowed(self) -> None:
        assert Weights(1, 0, 0).daily == 1

    def test_each_weight_is_a_share(self) -> None:
        with pytest.raises(InvalidValue, match="is not a share between 0 and 1") as info:
            Weights("1.5", "0", "-0.5")
        assert info.value.path == "daily"
        with pytest.raises(InvalidValue, match="is negative") as info:
            Weights("0.5", "0.6", "-0.1")  # adds up to 1, but a weight below 0 is no share
        assert info.value.path == "residents"

    def test_float_refused(self) -> None:
        with pytest.raises(InvalidType, match="binary float") as info:
            Weights(0.5, "0.5", "0")  # type: ignore[arg-type]
        assert info.value.path == "daily"

    @given(
        st.integers(0, 100)
        .flatmap(lambda a: st.tuples(st.just(a), st.integers(0, 100 - a)))
        .map(lambda ab: (D(ab[0]) / 100, D(ab[1]) / 100, D(100 - ab[0] - ab[1]) / 100))
    )
    def test_any_three_shares_adding_up_to_one(self, shares: tuple[Decimal, Decimal, Decimal]) -> None:
        w = Weights(*shares)
        assert w.daily + w.year_end + w.residents == 1


class TestYear:
    def test_unset_year_raises_policy_not_set(self) -> None:
        with pytest.raises(PolicyNotSet, match="is not set") as info:
            P.year()
        err = info.value
        assert err.path == "Policy.adoption_year"
        assert "attrs.evolve(policy, adoption_year=YYYY)" in str(err)
        assert "SPEC I-13" in str(err)
        assert "今年" in err.message_zh
        assert isinstance(err, ValueError)

    def test_unset_year_end_raises_too(self) -> None:
        with pytest.raises(PolicyNotSet) as info:
            P.year_end()
        assert info.value.path == "Policy.adoption_year"

    def test_year_end_is_31_december(self) -> None:
        # I-13: 今年底 is 31 December of the adoption year
        policy = attrs.evolve(P, adoption_year=2009)
        assert policy.year() == 2009
        assert policy.year_end() == datetime.date(2009, 12, 31)


RAISED = attrs.evolve(P, office_funds_per_thousand=D("12000"))
LATER = attrs.evolve(P, office_funds_per_thousand=D("15000"))


class TestTimeline:
    def test_of_a_mapping_with_iso_strings(self) -> None:
        timeline = PolicyTimeline.of({"2012-07-01": RAISED, "2009-01-01": P})
        assert timeline.versions == ((datetime.date(2009, 1, 1), P), (datetime.date(2012, 7, 1), RAISED))

    def test_of_pairs_with_dates_and_strings(self) -> None:
        timeline = PolicyTimeline.of([(datetime.date(2012, 7, 1), RAISED), ("2009-01-01", P)])
        assert timeline == PolicyTimeline.of({"2009-01-01": P, "2012-07-01": RAISED})

    def test_on_picks_the_latest_version_on_or_before_the_date(self) -> None:
        timeline = PolicyTimeline.of({"2009-01-01": P, "2012-07-01": RAISED, "2015-01-01": LATER})
        assert timeline.on("2009-01-01") is P  # the first day of the first version
        assert timeline.on("2012-06-30") is P  # the day before the change
        assert timeline.on("2012-07-01") is RAISED  # the day of the change
        assert timeline.on(datetime.date(2014, 12, 31)) is RAISED
        assert timeline.on("2015-01-01") is LATER
        assert timeline.on("2099-12-31") is LATER

    def test_effective_date(self) -> None:
        timeline = PolicyTimeline.of({"2009-01-01": P, "2012-07-01": RAISED})
        assert timeline.effective_date("2012-06-30") == datetime.date(2009, 1, 1)
        assert timeline.effective_date("2012-07-01") == datetime.date(2012, 7, 1)
        assert timeline.effective_date(datetime.date(2020, 1, 1)) == datetime.date(2012, 7, 1)

    def test_effective_date_when_a_version_returns(self) -> None:
        # the same Policy object in force twice: the later start counts
        timeline = PolicyTimeline.of({"2009-01-01": P, "2010-01-01": RAISED, "2011-01-01": P})
        assert timeline.effective_date("2010-06-01") == datetime.date(2010, 1, 1)
        assert timeline.effective_date("2011-06-01") == datetime.date(2011, 1, 1)
        assert timeline.on("2011-06-01") is P

    def test_before_the_first_version(self) -> None:
        timeline = PolicyTimeline.of({"2009-01-01": P, "2012-07-01": RAISED})
        with pytest.raises(InvalidValue, match=r"is before the first policy version \(2009-01-01\)") as info:
            timeline.on("2008-12-31")
        assert info.value.path == "date"
        assert info.value.value == datetime.date(2008, 12, 31)
        assert "2009-01-01" in info.value.message_zh
        with pytest.raises(InvalidValue, match="before the first policy version"):
            timeline.effective_date("2008-12-31")

    def test_duplicate_dates(self) -> None:
        with pytest.raises(InvalidValue, match="has two versions on one date") as info:
            PolicyTimeline.of([("2009-01-01", P), (datetime.date(2009, 1, 1), RAISED)])
        assert info.value.path == "versions"

    def test_empty(self) -> None:
        with pytest.raises(InvalidValue, match="is empty"):
            PolicyTimeline.of({})
        with pytest.raises(InvalidValue, match="is empty"):
            PolicyTimeline(())

    def test_not_a_policy(self) -> None:
        with pytest.raises(InvalidType, match="is not a Policy") as info:
            PolicyTimeline.of([("2009-01-01", P), ("2010-01-01", "x")])  # type: ignore[list-item]
        assert info.value.path == "versions[1]"

    @pytest.mark.parametrize(
        ("bad", "error", "match"),
        [
            ("2009-02-30", InvalidValue, "is not an ISO date"),
            ("yesterday", InvalidValue, "is not an ISO date"),
            ("2009-01-01T10:00", InvalidValue, "has a time of day"),
            (datetime.datetime(2009, 1, 1), InvalidType, "is a datetime"),
            (20090101, InvalidType, "expected a date"),
        ],
    )
    def test_bad_dates(self, bad: object, error: type[Error], match: str) -> None:
        with pytest.raises(error, match=match) as info:
            PolicyTimeline.of([(bad, P)])
        assert info.value.path == "versions[0].effective"
        timeline = PolicyTimeline.of({"2009-01-01": P})
        with pytest.raises(error, match=match) as info:
            timeline.on(bad)  # type: ignore[arg-type]
        assert info.value.path == "date"

    def test_direct_construction_must_be_in_date_order(self) -> None:
        # on() walks the versions in order: an unsorted tuple would answer wrongly
        with pytest.raises(InvalidValue, match="is not in date order"):
            PolicyTimeline(((datetime.date(2012, 1, 1), P), (datetime.date(2009, 1, 1), RAISED)))

    def test_direct_construction_wants_dates(self) -> None:
        with pytest.raises(InvalidType, match=r"is not a datetime\.date") as info:
            PolicyTimeline((("2009-01-01", P),))  # type: ignore[arg-type]
        assert info.value.path == "versions[0]"

    def test_hashable(self) -> None:
        a = PolicyTimeline.of({"2009-01-01": P})
        assert hash(a) == hash(PolicyTimeline.of([(datetime.date(2009, 1, 1), attrs.evolve(P))]))

    @given(
        starts=st.sets(
            st.dates(datetime.date(2008, 1, 1), datetime.date(2030, 12, 31)), min_size=1, max_size=6
        ),
        day=st.dates(datetime.date(2008, 1, 1), datetime.date(2031, 12, 31)),
    )
    def test_on_agrees_with_a_brute_force_search(
        self, starts: set[datetime.date], day: datetime.date
    ) -> None:
        policies = {start: attrs.evolve(P, adoption_year=2008 + i) for i, start in enumerate(sorted(starts))}
        timeline = PolicyTimeline.of(policies)
        earlier = [start for start in starts if start <= day]
        if not earlier:
            with pytest.raises(InvalidValue, match="before the first policy version"):
                timeline.on(day)
            return
        assert timeline.on(day) is policies[max(earlier)]
        assert timeline.effective_date(day) == max(earlier)
