"""Tests for community_rules.dates: ISO and Chinese-style dates, partial dates, the cut-off test."""

from __future__ import annotations

import calendar
import copy
import datetime
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from community_rules.dates import (
    PartialDate,
    Precision,
    first_day,
    last_day,
    on_or_after,
    parse_date,
    precision_of,
)
from community_rules.errors import InvalidType, InvalidValue

_NUMERAL = "〇一二三四五六七八九"


def chinese_year(year: int) -> str:
    """二〇〇九 for 2009: one numeral per digit."""
    return "".join(_NUMERAL[int(ch)] for ch in f"{year:04d}")


def chinese_small(n: int) -> str:
    """三 / 十 / 十二 / 二十 / 三十一, as written in dates."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _NUMERAL[ones]
    return ("" if tens == 1 else _NUMERAL[tens]) + "十" + ("" if ones == 0 else _NUMERAL[ones])


class TestIso:
    def test_iso_day(self) -> None:
        assert parse_date("2009-03-05", "completed") == datetime.date(2009, 3, 5)

    def test_surrounding_space_ignored(self) -> None:
        assert parse_date("  2009-03-05\n") == datetime.date(2009, 3, 5)

    def test_leap_day(self) -> None:
        # 2008 is divisible by 4 and not a century: 29 February exists.
        assert parse_date("2008-02-29") == datetime.date(2008, 2, 29)

    @pytest.mark.parametrize("text", ["2009-02-30", "2009-02-29", "2009-13-01", "2009-00-10", "0000-01-01"])
    def test_impossible_iso_rejected_with_value(self, text: str) -> None:
        with pytest.raises(InvalidValue) as err:
            parse_date(text, "completed")
        assert err.value.path == "completed"
        assert err.value.value == text
        assert "not a valid date" in str(err.value)
        assert "不是有效日期" in err.value.message_zh

    def test_unpadded_hyphen_form_still_rejected(self) -> None:
        # The ISO behaviour is kept: hyphens mean ISO, and ISO pads month and day.
        with pytest.raises(InvalidValue):
            parse_date("2009-3-5")

    def test_date_passes_through(self) -> None:
        day = datetime.date(2009, 3, 5)
        assert parse_date(day) is day

    def test_datetime_refused(self) -> None:
        with pytest.raises(InvalidType, match="datetime"):
            parse_date(datetime.datetime(2009, 3, 5, 12, 0), "start")

    @pytest.mark.parametrize("value", [20090305, 2009.3, None, b"2009-03-05"])
    def test_non_string_refused(self, value: object) -> None:
        with pytest.raises(InvalidType) as err:
            parse_date(value, "start")
        assert err.value.path == "start"

    def test_default_field_name(self) -> None:
        with pytest.raises(InvalidValue) as err:
            parse_date("nonsense")
        assert err.value.path == "date"


class TestChinese:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2009年3月5日", datetime.date(2009, 3, 5)),
            ("2009年03月05日", datetime.date(2009, 3, 5)),
            ("2009年3月5号", datetime.date(2009, 3, 5)),
            ("２００９年３月５日", datetime.date(2009, 3, 5)),
            (" 2009 年 3 月 5 日 ", datetime.date(2009, 3, 5)),
            ("二〇〇九年三月五日", datetime.date(2009, 3, 5)),
            ("二零零九年十月二十日", datetime.date(2009, 10, 20)),
            ("二〇〇八年十二月三十一日", datetime.date(2008, 12, 31)),
            ("二〇一〇年十一月十日", datetime.date(2010, 11, 10)),
        ],
    )
    def test_forms(self, text: str, expected: datetime.date) -> None:
        assert parse_date(text) == expected

    @pytest.mark.parametrize(
        ("text", "iso"),
        [
            ("2009年2月30日", "2009-02-30"),
            ("二〇〇九年二月二十九日", "2009-02-29"),
            ("2009年4月31日", "2009-04-31"),
            ("2009年3月32日", "2009-03-32"),
            ("2009年13月1日", "2009-13-01"),
        ],
    )
    def test_impossible_dates_rejected(self, text: str, iso: str) -> None:
        with pytest.raises(InvalidValue) as err:
            parse_date(text, "completed")
        assert err.value.value == text
        assert f"{iso} does not exist" in err.value.message_en
        assert f"{iso} 不存在" in err.value.message_zh

    @pytest.mark.parametrize("text", ["二〇〇九年十十月", "二〇〇九年〇三月", "二〇〇九年三月三二日"])
    def test_malformed_numerals_rejected(self, text: str) -> None:
        with pytest.raises(InvalidValue, match="malformed Chinese numerals"):
            parse_date(text, partial=True)

    def test_missing_day_marker_rejected(self) -> None:
        with pytest.raises(InvalidValue, match="is not a date"):
            parse_date("2009年3月5")


class TestSeparated:
    @pytest.mark.parametrize("text", ["2009.3.5", "2009.03.05", "2009/3/5", "2009/03/05"])
    def test_year_first(self, text: str) -> None:
        assert parse_date(text) == datetime.date(2009, 3, 5)

    def test_mixed_separators_rejected(self) -> None:
        with pytest.raises(InvalidValue, match="is not a date"):
            parse_date("2009.3/5")

    def test_impossible_rejected(self) -> None:
        with pytest.raises(InvalidValue, match="2009-02-30 does not exist"):
            parse_date("2009.2.30")


class TestAmbiguous:
    @pytest.mark.parametrize("text", ["09.3", "09.3.5", "09年3月", "09/3/5", "9年3月5日", "099.3"])
    def test_short_years_rejected(self, text: str) -> None:
        with pytest.raises(InvalidValue) as err:
            parse_date(text, "completed", partial=True)
        assert "fewer than four digits" in err.value.message_en
        assert "年份不足四位" in err.value.message_zh
        assert err.value.value == text

    @pytest.mark.parametrize("text", ["3/5/2009", "5.3.2009", "05-03-2009", "5.3.09", "12/11/08"])
    def test_year_last_rejected(self, text: str) -> None:
        with pytest.raises(InvalidValue) as err:
            parse_date(text, "completed", partial=True)
        assert "ambiguous" in err.value.message_en
        assert "有歧义" in err.value.message_zh

    @pytest.mark.parametrize("text", ["", "yesterday", "2009年", "March 2009"])
    def test_not_dates_without_partial(self, text: str) -> None:
        with pytest.raises(InvalidValue):
            parse_date(text)


class TestPartial:
    @pytest.mark.parametrize(
        "text", ["2009年3月", "2009.3", "2009/3", "2009-03", "2009年03月", "二〇〇九年三月"]
    )
    def test_month_forms(self, text: str) -> None:
        value = parse_date(text, "completed", partial=True)
        assert isinstance(value, PartialDate)
        assert value.precision is Precision.MONTH
        assert (value.first, value.last) == (datetime.date(2009, 3, 1), datetime.date(2009, 3, 31))

    @pytest.mark.parametrize("text", ["2009年", "2009", "二〇〇九年"])
    def test_year_forms(self, text: str) -> None:
        value = parse_date(text, partial=True)
        assert value == PartialDate(2009)
        assert (first_day(value), last_day(value)) == (datetime.date(2009, 1, 1), datetime.date(2009, 12, 31))

    def test_month_rejected_where_a_day_is_needed(self) -> None:
        with pytest.raises(InvalidValue) as err:
            parse_date("2009年3月", "start")
        assert "names only a month (2009-03)" in err.value.message_en
        assert "只给出了月份" in err.value.message_zh
        assert err.value.path == "start"

    def test_year_rejected_where_a_day_is_needed(self) -> None:
        with pytest.raises(InvalidValue, match="names only a year"):
            parse_date("2009年", "end")

    def test_partial_object_rejected_where_a_day_is_needed(self) -> None:
        with pytest.raises(InvalidValue, match="names only a month"):
            parse_date(PartialDate(2009, 3), "start")

    def test_impossible_month_rejected(self) -> None:
        with pytest.raises(InvalidValue, match="2009-13 does not exist"):
            parse_date("2009.13", partial=True)

    def test_february_of_a_leap_year(self) -> None:
        assert PartialDate(2008, 2).last == datetime.date(2008, 2, 29)
        assert PartialDate(1900, 2).last == datetime.date(1900, 2, 28)  # a century, not leap

    def test_text_forms_round_trip(self) -> None:
        for value in (PartialDate(2009, 3), PartialDate(2009)):
            assert parse_date(value.isoformat(), partial=True) == value
            assert parse_date(str(value), partial=True) == value

    def test_repr(self) -> None:
        assert repr(PartialDate(2009, 3)) == "PartialDate('2009-03')"
        assert repr(PartialDate(2009)) == "PartialDate('2009')"

    def test_precision_of(self) -> None:
        assert precision_of(datetime.date(2009, 3, 5)) is Precision.DAY
        assert precision_of(PartialDate(2009, 3)) is Precision.MONTH
        assert precision_of(PartialDate(2009)) is Precision.YEAR
        assert (Precision.DAY.zh, Precision.MONTH.zh, Precision.YEAR.zh) == ("日", "月", "年")

    def test_is_a_date_for_model_fields(self) -> None:
        from community_rules.model import Project

        project = Project("P1", completed=PartialDate(2009, 3))
        assert project.completed == PartialDate(2009, 3)

    def test_pickle_and_copy_keep_precision(self) -> None:
        for value in (PartialDate(2009, 3), PartialDate(2009)):
            for clone in (pickle.loads(pickle.dumps(value)), copy.deepcopy(value), copy.copy(value)):
                assert clone == value
                assert clone.precision is value.precision

    def test_equality_and_hash(self) -> None:
        assert PartialDate(2009, 3) == PartialDate(2009, 3)
        assert hash(PartialDate(2009, 3)) == hash(PartialDate(2009, 3))
        assert PartialDate(2009, 1) != PartialDate(2009)  # same first day, other precision
        # Like datetime beside date: a month is never equal to a day.
        assert PartialDate(2009, 3) != datetime.date(2009, 3, 1)
        assert datetime.date(2009, 3, 1) != PartialDate(2009, 3)
        assert PartialDate(2009, 3) != "2009-03"
        assert len({PartialDate(2009, 3), PartialDate(2009, 3), PartialDate(2009)}) == 2

    def test_ordering_among_partials(self) -> None:
        months = [PartialDate(2009, 3), PartialDate(2009), PartialDate(2008, 12)]
        assert sorted(months) == [PartialDate(2008, 12), PartialDate(2009), PartialDate(2009, 3)]
        assert PartialDate(2009, 3) >= PartialDate(2009, 3)
        assert PartialDate(2009, 3) <= PartialDate(2009, 3)
        assert PartialDate(2009, 4) > PartialDate(2009, 3)

    @pytest.mark.parametrize(
        "compare",
        [
            lambda p, d: p < d,
            lambda p, d: p <= d,
            lambda p, d: p > d,
            lambda p, d: p >= d,
            lambda p, d: d < p,
            lambda p, d: d >= p,
        ],
    )
    def test_ordering_against_a_day_refused(self, compare: object) -> None:
        with pytest.raises(TypeError, match="on_or_after"):
            compare(PartialDate(2009, 3), datetime.date(2009, 3, 15))  # type: ignore[operator]

    def test_ordering_against_other_types_refused(self) -> None:
        with pytest.raises(TypeError):
            _ = PartialDate(2009, 3) < 5  # type: ignore[operator]

    @pytest.mark.parametrize(
        "operation",
        [
            lambda p: p + datetime.timedelta(days=1),
            lambda p: datetime.timedelta(days=1) + p,
            lambda p: p - datetime.timedelta(days=1),
            lambda p: p - datetime.date(2009, 1, 1),
            lambda p: datetime.date(2009, 12, 1) - p,
            lambda p: p.replace(day=3),
        ],
    )
    def test_no_arithmetic(self, operation: object) -> None:
        with pytest.raises(TypeError):
            operation(PartialDate(2009, 3))  # type: ignore[operator]

    def test_immutable(self) -> None:
        with pytest.raises(AttributeError):
            PartialDate(2009, 3)._precision = Precision.YEAR  # type: ignore[misc]

    @pytest.mark.parametrize(
        ("args", "error"),
        [
            ((2009, 13), InvalidValue),
            ((2009, 0), InvalidValue),
            ((0,), InvalidValue),
            ((10000,), InvalidValue),
            ((2009, 3, 5), InvalidType),
            ((True, 3), InvalidType),
            (("2009", 3), InvalidType),
        ],
    )
    def test_bad_construction(self, args: tuple[object, ...], error: type[Exception]) -> None:
        with pytest.raises(error):
            PartialDate(*args)  # type: ignore[arg-type]


class TestOnOrAfter:
    CUT = datetime.date(2008, 1, 1)

    def test_plain_days(self) -> None:
        assert on_or_after(datetime.date(2008, 1, 1), self.CUT) is True
        assert on_or_after(datetime.date(2007, 12, 31), self.CUT) is False

    def test_month_wholly_after_or_before(self) -> None:
        assert on_or_after(PartialDate(2008, 1), self.CUT) is True
        assert on_or_after(PartialDate(2007, 12), self.CUT) is False

    def test_year_of_the_cut_off(self) -> None:
        # "2008年" with the default cut-off 1 January 2008: every day of it is on or after.
        assert on_or_after(PartialDate(2008), self.CUT) is True
        # With the alternative reading of I-15 (from 1 January 2009) all of 2008 is before.
        assert on_or_after(PartialDate(2008), datetime.date(2009, 1, 1)) is False

    def test_straddling_is_undecided(self) -> None:
        assert on_or_after(PartialDate(2008, 1), datetime.date(2008, 1, 15)) is None
        assert on_or_after(PartialDate(2008), datetime.date(2008, 7, 1)) is None

    def test_partial_cut_off_counts_from_its_first_day(self) -> None:
        assert on_or_after(datetime.date(2008, 1, 1), PartialDate(2008)) is True


class TestProperties:
    @given(st.dates(min_value=datetime.date(1000, 1, 1)))
    def test_every_written_form_reads_back(self, day: datetime.date) -> None:
        y, m, d = day.year, day.month, day.day
        for text in (
            day.isoformat(),
            f"{y}年{m}月{d}日",
            f"{y}年{m:02d}月{d:02d}号",
            f"{y}.{m}.{d}",
            f"{y}/{m:02d}/{d:02d}",
            f"{chinese_year(y)}年{chinese_small(m)}月{chinese_small(d)}日",
        ):
            assert parse_date(text) == day, text

    @given(st.integers(1000, 9999), st.integers(1, 12), st.integers(1, 31))
    def test_accepted_exactly_when_the_day_exists(self, year: int, month: int, day: int) -> None:
        exists = day <= calendar.monthrange(year, month)[1]
        for text in (f"{year}年{month}月{day}日", f"{year}.{month}.{day}"):
            if exists:
                assert parse_date(text) == datetime.date(year, month, day)
            else:
                with pytest.raises(InvalidValue, match="does not exist"):
                    parse_date(text)

    @given(
        st.integers(1000, 9998),
        st.one_of(st.none(), st.integers(1, 12)),
        st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(9998, 12, 31)),
    )
    def test_on_or_after_agrees_with_every_day(
        self, year: int, month: int | None, cutoff: datetime.date
    ) -> None:
        partial = PartialDate(year) if month is None else PartialDate(year, month)
        days = [
            partial.first + datetime.timedelta(days=i) for i in range((partial.last - partial.first).days + 1)
        ]
        verdicts = {day >= cutoff for day in days}
        expected = verdicts.pop() if len(verdicts) == 1 else None
        assert on_or_after(partial, cutoff) is expected
