"""The library's exceptions.

Every exception the library raises on purpose derives from :class:`Error`.
Every rejection of bad input is, in addition, a :class:`ValueError` or a
:class:`TypeError`, so that callers who only know the builtins still catch it
(the way attrs and python-stdnum do).

Each exception carries the *path* of the offending value (a field name such as
``households``, or a document path such as
``offices[0].communities[3].buildings[7].households``), the value itself, and a
message in English and Chinese:

>>> from community_rules.errors import InvalidValue
>>> err = InvalidValue("households", -5, "is negative", "为负数")
>>> str(err)
'households: -5 is negative (households：-5 为负数)'
>>> err.path, err.value
('households', -5)
>>> isinstance(err, ValueError)
True
"""

from __future__ import annotations

import reprlib
from typing import Any

__all__ = [
    "DocumentError",
    "Error",
    "InvalidType",
    "InvalidValue",
    "LimitExceeded",
    "PolicyNotSet",
    "UnknownClause",
    "UnknownRule",
    "WorkerFailed",
]


_SHORT = reprlib.Repr()
_SHORT.maxlevel = 3
_SHORT.maxstring = _SHORT.maxother = 60


def _show(value: Any) -> str:
    """``repr(value)`` cut to 80 characters; a shortened repr when the full one cannot be built.

    A value nested too deep for ``repr`` (``[[[…]]]`` a thousand levels down)
    or whose ``__repr__`` fails is still shown, never turned into a second error.
    """
    try:
        text = repr(value)
    except Exception:  # RecursionError, or a broken __repr__ of a caller's object
        try:
            text = _SHORT.repr(value)
        except Exception:
            text = f"<{type(value).__name__} object>"
    if len(text) > 80:
        text = text[:77] + "..."
    return text


class Error(Exception):
    """The root of every exception this library raises on purpose.

    ``path`` names the field or document path that is wrong (may be empty),
    ``value`` the offending value, ``message_en`` and ``message_zh`` what is
    wrong with it, in English and Chinese.
    """

    def __init__(
        self,
        path: str,
        value: Any,
        message_en: str,
        message_zh: str = "",
    ) -> None:
        self.path = path
        self.value = value
        self.message_en = message_en
        self.message_zh = message_zh or message_en
        super().__init__(path, value, message_en, message_zh)

    @property
    def all_errors(self) -> tuple[Error, ...]:
        """Every error found together with this one (the document loader collects them all).

        This error comes first; an error raised on its own lists only itself.
        """
        return self.__dict__.get("_all_errors") or (self,)

    @all_errors.setter
    def all_errors(self, errors: tuple[Error, ...]) -> None:
        self.__dict__["_all_errors"] = tuple(errors)

    def with_prefix(self, prefix: str) -> Error:
        """A copy of this error whose path is prefixed (``prefix.path``)."""
        if not prefix:
            return self
        if not self.path:
            path = prefix
        elif self.path.startswith("["):
            path = prefix + self.path
        else:
            path = f"{prefix}.{self.path}"
        new = type(self).__new__(type(self))
        Error.__init__(new, path, self.value, self.message_en, self.message_zh)
        return new

    def __str__(self) -> str:
        if self.value is Ellipsis:  # no value to show (a missing field)
            if not self.path:
                return f"{self.message_en} ({self.message_zh})"
            return f"{self.path}: {self.message_en} ({self.path}：{self.message_zh})"
        shown = _show(self.value)
        if self.path:
            return f"{self.path}: {shown} {self.message_en} ({self.path}：{shown} {self.message_zh})"
        return f"{shown} {self.message_en} ({shown} {self.message_zh})"

    def __repr__(self) -> str:
        # Not the default (a repr of args), which would repr the whole offending value.
        return f"{type(self).__name__}({self.path!r}, {_show(self.value)}, {self.message_en!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.value, self.message_en, self.message_zh))


class InvalidValue(Error, ValueError):
    """A value of the right type that breaks a rule (negative, duplicate, unknown…)."""


class InvalidType(Error, TypeError):
    """A value of the wrong type (a float where money belongs, a bool as a count…)."""


class DocumentError(Error, ValueError):
    """A district document (JSON or TOML) that cannot be read at all."""


class LimitExceeded(Error, ValueError):
    """Input beyond the documented limits (too large, too deeply nested)."""


class UnknownClause(Error, ValueError, LookupError):
    """A clause id that the opinion does not have."""


class UnknownRule(Error, ValueError, LookupError):
    """A rule id that the library does not implement."""


class PolicyNotSet(Error, ValueError):
    """A rule needs a policy setting that the user left unset.

    For example ``Policy.adoption_year`` (SPEC I-13): the opinion is undated, so
    "this year" (今年) must be set by the district before any rule that needs it
    can be applied.
    """


class WorkerFailed(Error, RuntimeError):
    """A process checking communities beside this one ended without returning its findings.

    ``value`` is the process's exit code (negative: the signal that ended it,
    for example ``-9`` when the system ran out of memory and killed it).
    """
