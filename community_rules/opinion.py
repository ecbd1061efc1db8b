"""The opinion itself, as data: its clauses, its glossary and its source text.

The clause table (``data/opinion.toml``, shipped inside the package) splits the
opinion into numbered clauses, each with its Chinese and English title and
text. Every rule, Policy field and finding of this library names one of these
ids, so a reader of the opinion can find the code for a sentence and a reader
of the code can find the sentence.

>>> clause("3.2").title_en
"Increase financial input, and ensure that urban residents' committees have money to do the work"
>>> "每千户每年不少于1万元" in clause("3.2").text_zh
True
>>> clause("9.9")
Traceback (most recent call last):
...
community_rules.errors.UnknownClause: clause: '9.9' is not a clause of the opinion (valid: 0, 1, 2, 2.1, ...
>>> glossary()["楼长"]
'building head'
>>> SOURCE.undated, len(SOURCE.sha256)
(True, 64)
"""

from __future__ import annotations

import functools
import hashlib
import sys
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

import attrs

from .errors import UnknownClause

__all__ = ["SOURCE", "Clause", "SourceDocument", "clause", "clause_ids", "clauses", "glossary"]


@attrs.frozen
class Clause:
    """One numbered clause of the opinion (ids as in ``opinion.toml``).

    ``heading`` is true for a clause that is only a heading (its text is empty
    and its content lies in its sub-clauses).
    """

    id: str
    title_zh: str
    title_en: str
    text_zh: str
    text_en: str

    @property
    def heading(self) -> bool:
        """True if the clause is a heading without text of its own."""
        return not self.text_zh

    @property
    def parent(self) -> str | None:
        """The id of the enclosing clause (``"3.2"`` → ``"3"``), or None at the top."""
        return self.id.rpartition(".")[0] or None

    def title(self, lang: str = "en") -> str:
        """The title in ``lang``."""
        return self.title_zh if lang == "zh" else self.title_en

    def text(self, lang: str = "en") -> str:
        """The text in ``lang``."""
        return self.text_zh if lang == "zh" else self.text_en


@attrs.frozen
class SourceDocument:
    """The text the library encodes, so a district can tell which text its results rest on.

    ``sha256`` is the SHA-256 of the Chinese source text shipped in
    ``data/opinion_zh.txt`` (UTF-8, the publisher's blurb removed).
    ``undated`` is True: the opinion carries no date of issue, which is why
    "this year" is a setting (SPEC I-13).
    """

    title_zh: str
    title_en: str
    issuer_en: str
    undated: bool
    cites: tuple[str, ...]
    sha256: str


def _read(name: str) -> bytes:
    return resources.files("community_rules").joinpath("data").joinpath(name).read_bytes()


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    table: dict[str, Any] = tomllib.loads(_read("opinion.toml").decode("utf-8"))
    return table


@functools.lru_cache(maxsize=1)
def _clauses() -> tuple[Clause, ...]:
    return tuple(
        Clause(
            id=c["id"],
            title_zh=c["title_zh"],
            title_en=c["title_en"],
            text_zh=c["text_zh"].strip(),
            text_en=c["text_en"].strip(),
        )
        for c in _table()["clause"]
    )


@functools.lru_cache(maxsize=1)
def _by_id() -> Mapping[str, Clause]:
    return MappingProxyType({c.id: c for c in _clauses()})


def clauses() -> tuple[Clause, ...]:
    """Every clause of the opinion, in document order."""
    return _clauses()


def clause_ids() -> tuple[str, ...]:
    """Every clause id, in document order."""
    return tuple(_by_id())


def clause(clause_id: str) -> Clause:
    """The clause with this id; an unknown id raises :class:`~community_rules.errors.UnknownClause` listing the valid ids."""
    try:
        return _by_id()[clause_id]
    except (KeyError, TypeError):
        raise UnknownClause(
            "clause",
            clause_id,
            f"is not a clause of the opinion (valid: {', '.join(_by_id())})",
            f"不是意见中的条款（有效编号：{', '.join(_by_id())}）",
        ) from None


@functools.lru_cache(maxsize=1)
def glossary() -> Mapping[str, str]:
    """The opinion's glossary: Chinese term → English term."""
    return MappingProxyType(dict(_table()["glossary"]))


SOURCE = SourceDocument(
    title_zh="关于进一步加强城市社区建设的指导意见",
    title_en="Guiding opinion on further strengthening urban community construction",
    issuer_en="a district (高区) management committee; the issuing body and date are not in the text",
    undated=True,
    cites=("威政办发[2008]51号",),
    sha256=hashlib.sha256(_read("opinion_zh.txt")).hexdigest(),
)
