"""Reading dates from district documents: ISO dates and dates as Chinese documents write them.

District documents give dates as ISO dates (``2009-03-05``), and the papers a
district copies them from write them the Chinese way: ``2009年3月5日`` (also
with 号 for 日, full-width digits, or Chinese numerals ``二〇〇九年三月五日``),
``2009.3.5`` or ``2009/3/5`` — always year first. :func:`parse_date` normalises
each form to a year, a month and a day, and :class:`datetime.date` decides
whether that day exists, so an impossible date is rejected with the value,
never rolled over to the next month:

>>> parse_date("2009-03-05", "completed")
datetime.date(2009, 3, 5)
>>> parse_date("2009年3月5日", "completed")
datetime.date(2009, 3, 5)
>>> parse_date("二〇〇九年十二月三十一日")
datetime.date(2009, 12, 31)
>>> parse_date("2009-02-30", "completed")
Traceback (most recent call last):
...
community_rules.errors.InvalidValue: completed: '2009-02-30' is not a valid date ...
>>> parse_date("2009年2月30日", "completed")
Traceback (most recent call last):
...
community_rules.errors.InvalidValue: completed: '2009年2月30日' is not a valid date (2009-02-30 does not exist) ...

Forms whose reading is a guess are refused rather than guessed: a two-digit
year (``09.3``: 1909 or 2009?) and a year-last date (``3/5/2009``: 5 March or
3 May?):

>>> parse_date("3/5/2009", "completed")
Traceback (most recent call last):
...
community_rules.errors.InvalidValue: completed: '3/5/2009' is ambiguous: day-month or month-day order ...

**Dates known only to the month or the year.** Documents often date a
building project only by its month (``2009年3月``, ``2009.3``) or its year
(``2009年``). Such a value is a :class:`PartialDate` — a ``datetime.date``
that remembers its :class:`Precision` and stands for every day from
:attr:`PartialDate.first` to :attr:`PartialDate.last`. It is accepted only
where the caller says so (``partial=True``): a building head's term, paid by
the day (2.2.2), needs a day.

>>> month = parse_date("2009.3", "completed", partial=True)
>>> month, month.precision.value, month.first, month.last
(PartialDate('2009-03'), 'month', datetime.date(2009, 3, 1), datetime.date(2009, 3, 31))
>>> parse_date("2009年3月", "start")
Traceback (most recent call last):
...
community_rules.errors.InvalidValue: start: '2009年3月' names only a month (2009-03); a full date (year, month and day) is needed here ...

A partial date is compared with a cut-off by :func:`on_or_after`, which says
True when the whole month (or year) lies on or after it, False when the whole
of it lies before, and None when the cut-off falls inside it:

>>> import datetime
>>> on_or_after(month, datetime.date(2008, 1, 1)), on_or_after(month, datetime.date(2009, 3, 15))
(True, None)
"""

from __future__ import annotations

import calendar
import datetime
import enum
import re
import unicodedata
from typing import Any

from .errors import InvalidType, InvalidValue

__all__ = [
    "PartialDate",
    "Precision",
    "first_day",
    "last_day",
    "on_or_after",
    "parse_date",
    "precision_of",
]


class Precision(str, enum.Enum):
    """How much of a date is known: the day, only the month, or only the year."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"

    @property
    def zh(self) -> str:
        """The Chinese name (日 / 月 / 年)."""
        return {"day": "日", "month": "月", "year": "年"}[self.value]


class PartialDate(datetime.date):
    """A date known only to the month (``PartialDate(2009, 3)``) or the year (``PartialDate(2009)``).

    It is a :class:`datetime.date` (so that a model field typed as a date
    holds it), whose value is its first day; it stands for every day from
    :attr:`first` to :attr:`last`. Like :class:`datetime.datetime` next to a
    plain date, it never equals a plain :class:`datetime.date`, and ordering
    it against one raises :class:`TypeError`: whether "March 2009" is before
    15 March 2009 has no answer. Use :func:`on_or_after` to test a cut-off.
    Date arithmetic and :meth:`~datetime.date.replace` raise too (a month
    plus one day is no date). Partial dates order among themselves by their
    first, then their last day. ``str()`` and :meth:`isoformat` give the ISO
    reduced forms ``2009-03`` and ``2009``, which :func:`parse_date` reads
    back with ``partial=True``.

    >>> PartialDate(2009, 3).last
    datetime.date(2009, 3, 31)
    >>> str(PartialDate(2009)), PartialDate(2009).precision.value
    ('2009', 'year')
    >>> PartialDate(2009, 3) == datetime.date(2009, 3, 1)
    False
    >>> PartialDate(2009, 3) < datetime.date(2009, 3, 15)
    Traceback (most recent call last):
    ...
    TypeError: can't order PartialDate('2009-03') against datetime.date(2009, 3, 15): ...
    >>> PartialDate(2009, 13)
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: month: 13 is not a month (1–12) ...
    """

    __slots__ = ("_precision",)
    _precision: Precision

    def __new__(cls, year: int, month: int | None = None, day: int | None = None) -> PartialDate:
        if day is not None:
            raise InvalidType(
                "day",
                day,
                "cannot be given to a PartialDate, which has no day (is this date arithmetic "
                "on a partial date?); use datetime.date for a full date",
                "不能用于 PartialDate（它没有日；是否对不完整日期做了日期运算？）；完整日期请用 datetime.date",
            )
        if year is None:
            raise InvalidType("year", year, "is required (an int)", "为必填项（应为整数）")
        for name, value in (("year", year), ("month", month)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise InvalidType(
                    name,
                    value,
                    f"is a {type(value).__name__}; expected an int",
                    f"类型为 {type(value).__name__}；应为整数",
                )
        if month is not None and not 1 <= month <= 12:
            raise InvalidValue("month", month, "is not a month (1–12)", "不是有效月份（1–12）")
        if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
            raise InvalidValue("year", year, "is not a year (1–9999)", "不是有效年份（1–9999）")
        self = super().__new__(cls, year, 1 if month is None else month, 1)
        object.__setattr__(self, "_precision", Precision.YEAR if month is None else Precision.MONTH)
        return self

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"PartialDate is immutable (cannot set {name!r})")

    @property
    def precision(self) -> Precision:
        """``Precision.MONTH`` or ``Precision.YEAR``."""
        return self._precision

    @property
    def first(self) -> datetime.date:
        """The first day the partial date stands for (a plain date)."""
        return datetime.date(self.year, self.month, 1)

    @property
    def last(self) -> datetime.date:
        """The last day the partial date stands for (a plain date)."""
        if self._precision is Precision.YEAR:
            return datetime.date(self.year, 12, 31)
        return datetime.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def isoformat(self) -> str:
        """The ISO 8601 reduced form: ``YYYY-MM`` for a month, ``YYYY`` for a year."""
        if self._precision is Precision.YEAR:
            return f"{self.year:04d}"
        return f"{self.year:04d}-{self.month:02d}"

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        if self._precision is Precision.YEAR:
            return (PartialDate, (self.year,))
        return (PartialDate, (self.year, self.month))

    def _key(self) -> tuple[int, int]:
        return (self.toordinal(), self.last.toordinal())

    def __hash__(self) -> int:
        return hash(("PartialDate", *self._key()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PartialDate):
            return self._key() == other._key()
        if isinstance(other, datetime.date):
            return False
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def _order(self, other: object) -> tuple[tuple[int, int], tuple[int, int]] | None:
        if isinstance(other, PartialDate):
            return self._key(), other._key()
        if isinstance(other, datetime.date):
            raise TypeError(
                f"can't order {self!r} against {other!r}: a partial date stands for a whole "
                "month or year; use community_rules.dates.on_or_after, or .first / .last"
            )
        return None

    def __lt__(self, other: object) -> bool:
        keys = self._order(other)
        return NotImplemented if keys is None else keys[0] < keys[1]

    def __le__(self, other: object) -> bool:
        keys = self._order(other)
        return NotImplemented if keys is None else keys[0] <= keys[1]

    def __gt__(self, other: object) -> bool:
        keys = self._order(other)
        return NotImplemented if keys is None else keys[0] > keys[1]

    def __ge__(self, other: object) -> bool:
        keys = self._order(other)
        return NotImplemented if keys is None else keys[0] >= keys[1]

    def _no_arithmetic(self, other: object) -> Any:
        raise TypeError(f"no date arithmetic on {self!r}: a partial date has no day; use .first or .last")

    __add__ = __radd__ = __sub__ = __rsub__ = _no_arithmetic

    def replace(self, *args: Any, **kwargs: Any) -> Any:
        """Not available: build a new :class:`PartialDate` or a plain date instead."""
        raise TypeError(f"{self!r} cannot be replaced piecewise; build a new PartialDate or a date")


def precision_of(day: datetime.date) -> Precision:
    """The precision of ``day``: ``Precision.DAY`` for a plain date."""
    return day.precision if isinstance(day, PartialDate) else Precision.DAY


def first_day(day: datetime.date) -> datetime.date:
    """The first day that ``day`` stands for (``day`` itself for a plain date)."""
    return day.first if isinstance(day, PartialDate) else day


def last_day(day: datetime.date) -> datetime.date:
    """The last day that ``day`` stands for (``day`` itself for a plain date)."""
    return day.last if isinstance(day, PartialDate) else day


def on_or_after(day: datetime.date, cutoff: datetime.date) -> bool | None:
    """Whether ``day`` is on or after ``cutoff``; None when a partial ``day`` straddles it.

    A plain date is compared as usual. A month or a year is on or after the
    cut-off when its first day is; before it when its last day is; and
    undecided (None) when the cut-off falls strictly inside it — the text
    cannot say on which side the event fell.

    >>> on_or_after(PartialDate(2007, 12), datetime.date(2008, 1, 1))
    False
    >>> on_or_after(PartialDate(2008), datetime.date(2008, 1, 1))
    True
    >>> on_or_after(PartialDate(2008), datetime.date(2008, 7, 1)) is None
    True
    """
    for name, value in (("day", day), ("cutoff", cutoff)):
        if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
            raise InvalidType(
                name,
                value,
                f"is of type {type(value).__name__}; expected a datetime.date or a PartialDate",
                f"类型为 {type(value).__name__}；应为日期或 PartialDate",
            )
    cut = first_day(cutoff) if isinstance(cutoff, PartialDate) else cutoff
    if first_day(day) >= cut:
        return True
    if last_day(day) < cut:
        return False
    return None


# --- parsing ------------------------------------------------------------------

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MONTH = re.compile(r"\d{4}-\d{2}")
_ISO_YEAR = re.compile(r"\d{4}")
_CN_DIGITS = "〇零一二三四五六七八九"  # the numerals of _NUMERALS
_CN_NUMBER = f"[{_CN_DIGITS}十]+"
_CHINESE = re.compile(
    rf"(?P<y>\d{{4}}|[{_CN_DIGITS}]{{4}})年"
    rf"(?:(?P<m>\d{{1,2}}|{_CN_NUMBER})月"
    rf"(?:(?P<d>\d{{1,2}}|{_CN_NUMBER})[日号])?)?"
)
_SEPARATED = re.compile(r"(?P<y>\d{4})(?P<sep>[./])(?P<m>\d{1,2})(?:(?P=sep)(?P<d>\d{1,2}))?")
_SHORT_YEAR = re.compile(r"\d{1,3}[./\-年]\d{1,2}(?:[./\-月]\d{1,2})?[月日号]?")
_YEAR_LAST = re.compile(r"\d{1,2}[./\-]\d{1,2}[./\-]\d{2,4}")

_ACCEPTED_EN = "2009-03-05, 2009年3月5日, 二〇〇九年三月五日, 2009.3.5 or 2009/3/5"
_ACCEPTED_ZH = "2009-03-05、2009年3月5日、二〇〇九年三月五日、2009.3.5 或 2009/3/5"


_NUMERALS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def _chinese_year(text: str) -> int:
    """A year from ASCII digits or Chinese numerals read one per digit (二〇〇九 → 2009)."""
    if text.isascii():
        return int(text)
    return int("".join(str(_NUMERALS[ch]) for ch in text))


def _chinese_small(text: str) -> int | None:
    """A month or a day from ASCII digits or numerals with 十 (十二 → 12, 三十一 → 31); None if malformed."""
    if text.isascii():
        return int(text)
    if "〇" in text or "零" in text:
        return None
    tens, ten, ones = text.partition("十")
    if not ten:
        return _NUMERALS[text] if len(text) == 1 else None
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    return (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[ones] if ones else 0)


def _invalid(value: object, field: str, iso: str) -> InvalidValue:
    return InvalidValue(
        field, value, f"is not a valid date ({iso} does not exist)", f"不是有效日期（{iso} 不存在）"
    )


def _build(value: object, field: str, year: int, month: int | None, day: int | None) -> datetime.date:
    """The date (or the month or year) of the parts; an impossible one is refused in ISO form.

    :class:`datetime.date` decides what exists: a day past the month's end,
    a month past 12 and a year past 9999 are refused, never rolled over.
    (dateutil's ISO parser, given the same parts as a string, decided the
    same at some forty times the cost: a district's building heads carry two
    dates each.)
    """
    try:
        if year < datetime.MINYEAR or (month is not None and month < 1) or (day is not None and day < 1):
            raise ValueError
        parsed = datetime.date(year, 1 if month is None else month, 1 if day is None else day)
    except (ValueError, OverflowError):
        if month is None:
            iso = f"{year:04d}"
        elif day is None:
            iso = f"{year:04d}-{month:02d}"
        else:
            iso = f"{year:04d}-{month:02d}-{day:02d}"
        raise _invalid(value, field, iso) from None
    if month is None:
        return PartialDate(parsed.year)
    if day is None:
        return PartialDate(parsed.year, parsed.month)
    return parsed


def _parse_text(value: str, field: str) -> datetime.date:
    text = value.strip()
    if _ISO_DAY.fullmatch(text):
        try:  # the usual form, read in C; other digits (\d is any Unicode digit) or no such day:
            return datetime.date.fromisoformat(text)
        except ValueError:  # the parts, to refuse the day or read the digits
            return _build(value, field, int(text[:4]), int(text[5:7]), int(text[8:]))
    if _ISO_MONTH.fullmatch(text):
        return _build(value, field, int(text[:4]), int(text[5:]), None)
    if _ISO_YEAR.fullmatch(text):
        return _build(value, field, int(text), None, None)
    # The Chinese forms: full-width digits and spaces normalised away (NFKC).
    compact = "".join(unicodedata.normalize("NFKC", text).split())
    match = _CHINESE.fullmatch(compact)
    if match:
        month = None if match["m"] is None else _chinese_small(match["m"])
        day = None if match["d"] is None else _chinese_small(match["d"])
        if (month is None) == (match["m"] is None) and (day is None) == (match["d"] is None):
            return _build(value, field, _chinese_year(match["y"]), month, day)
        raise InvalidValue(field, value, "has malformed Chinese numerals", "中文数字书写不规范")
    match = _SEPARATED.fullmatch(compact)
    if match:
        day = None if match["d"] is None else int(match["d"])
        return _build(value, field, int(match["y"]), int(match["m"]), day)
    if _YEAR_LAST.fullmatch(compact):
        raise InvalidValue(
            field,
            value,
            "is ambiguous: day-month or month-day order cannot be told apart; "
            f"write the year first ({_ACCEPTED_EN})",
            f"有歧义：无法区分日-月与月-日顺序；请把年份写在前面（{_ACCEPTED_ZH}）",
        )
    if _SHORT_YEAR.fullmatch(compact):
        raise InvalidValue(
            field,
            value,
            "has a year of fewer than four digits, which is ambiguous (09 may be 1909 or 2009); "
            "write the year in full",
            "年份不足四位，有歧义（09 可能是 1909 或 2009）；请写出完整年份",
        )
    raise InvalidValue(
        field,
        value,
        f"is not a date; write it as {_ACCEPTED_EN}",
        f"不是日期；请写作 {_ACCEPTED_ZH}",
    )


def parse_date(value: object, field: str = "date", *, partial: bool = False) -> datetime.date:
    """A ``datetime.date`` from a date, an ISO ``YYYY-MM-DD`` string or a Chinese-style date.

    Accepted strings (surrounding white space is ignored):

    - ISO: ``2009-03-05`` (exactly as before: four-digit year, two-digit
      month and day);
    - Chinese: ``2009年3月5日``, ``2009年03月05号``, ``２００９年３月５日``
      (full-width), ``二〇〇九年三月五日`` (numerals; 〇 or 零 for zero,
      十 in months and days);
    - separated, year first: ``2009.3.5``, ``2009/03/05``.

    With ``partial=True`` a month (``2009-03``, ``2009年3月``, ``2009.3``,
    ``2009/3``) or a year (``2009``, ``2009年``) is also accepted and returned
    as a :class:`PartialDate`; without it such a value is rejected, naming
    the month. A ``PartialDate`` passed in is subject to the same rule.

    Rejected with :class:`~community_rules.errors.InvalidValue` naming
    ``field`` and the value: impossible dates (``2009年2月30日``), years of
    fewer than four digits (``09.3``), year-last dates (``3/5/2009``) and
    anything else; a ``datetime`` (it has a time of day) or a non-string
    raises :class:`~community_rules.errors.InvalidType`.

    >>> parse_date("2009/3/5")
    datetime.date(2009, 3, 5)
    >>> parse_date("2009年", partial=True)
    PartialDate('2009')
    >>> parse_date("09.3", "completed", partial=True)
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: completed: '09.3' has a year of fewer than four digits, which is ambiguous ...
    """
    if isinstance(value, datetime.datetime):
        raise InvalidType(field, value, "is a datetime; expected a date", "是日期时间；应为日期")
    if isinstance(value, datetime.date):
        result = value
    elif isinstance(value, str):
        result = _parse_text(value, field)
    else:
        raise InvalidType(
            field,
            value,
            f"is a {type(value).__name__}; expected a date such as 2009-03-05",
            f"类型为 {type(value).__name__}；应为日期，例如 2009-03-05",
        )
    if isinstance(result, PartialDate) and not partial:
        what_en, what_zh = ("a month", "月份") if result.precision is Precision.MONTH else ("a year", "年份")
        raise InvalidValue(
            field,
            value,
            f"names only {what_en} ({result}); a full date (year, month and day) is needed here",
            f"只给出了{what_zh}（{result}）；此处需要完整日期（年、月、日）",
        )
    return result
