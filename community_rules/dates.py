"""Reading dates from district documents.

District documents give dates as ISO dates (``2009-03-05``). The loader turns
them into :class:`datetime.date` with python-dateutil's strict ISO parser and
rejects anything else, naming the value.

>>> parse_date("2009-03-05", "completed")
datetime.date(2009, 3, 5)
>>> parse_date("2009-02-30", "completed")
Traceback (most recent call last):
...
community_rules.errors.InvalidValue: completed: '2009-02-30' is not a valid date ...
"""

from __future__ import annotations

import datetime
import re

from dateutil.parser import isoparse

from .errors import InvalidType, InvalidValue

__all__ = ["parse_date"]

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: object, field: str = "date") -> datetime.date:
    """A ``datetime.date`` from a date or an ISO ``YYYY-MM-DD`` string."""
    if isinstance(value, datetime.datetime):
        raise InvalidType(field, value, "is a datetime; expected a date", "是日期时间；应为日期")
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise InvalidType(
            field,
            value,
            f"is a {type(value).__name__}; expected a date such as 2009-03-05",
            f"类型为 {type(value).__name__}；应为日期，例如 2009-03-05",
        )
    text = value.strip()
    if not _ISO_DAY.fullmatch(text):
        raise InvalidValue(field, value, "is not a date of the form YYYY-MM-DD", "不是 YYYY-MM-DD 形式的日期")
    try:
        return isoparse(text).date()
    except ValueError:
        raise InvalidValue(field, value, "is not a valid date", "不是有效日期") from None
