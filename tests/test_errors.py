"""The exception hierarchy of community_rules.errors: classes, messages, prefixes, pickling."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from community_rules import errors
from community_rules.errors import (
    DocumentError,
    Error,
    InvalidType,
    InvalidValue,
    LimitExceeded,
    PolicyNotSet,
    UnknownClause,
    UnknownRule,
    WorkerFailed,
)

# Each class and the builtins it must also be, as errors.py documents it.
HIERARCHY = [
    (InvalidValue, (ValueError,)),
    (InvalidType, (TypeError,)),
    (DocumentError, (ValueError,)),
    (LimitExceeded, (ValueError,)),
    (PolicyNotSet, (ValueError,)),
    (UnknownClause, (ValueError, LookupError)),
    (UnknownRule, (ValueError, LookupError)),
    (WorkerFailed, (RuntimeError,)),
]


class TestHierarchy:
    @pytest.mark.parametrize(("cls", "builtins"), HIERARCHY)
    def test_every_class_is_an_error_and_its_builtins(
        self, cls: type[Error], builtins: tuple[type, ...]
    ) -> None:
        err = cls("field", 1, "is wrong", "错误")
        assert isinstance(err, Error)
        for builtin in builtins:
            assert isinstance(err, builtin)

    def test_invalid_value_is_not_a_type_error(self) -> None:
        assert not issubclass(InvalidValue, TypeError)
        assert not issubclass(InvalidType, ValueError)

    def test_a_failed_worker_is_not_bad_input(self) -> None:
        # Not a rejection of input: neither a ValueError nor a TypeError.
        assert not issubclass(WorkerFailed, (ValueError, TypeError))

    def test_all_lists_every_class(self) -> None:
        assert sorted(errors.__all__) == sorted(["Error", *(cls.__name__ for cls, _ in HIERARCHY)])

    def test_caught_by_plain_value_error(self) -> None:
        with pytest.raises(ValueError, match="is negative"):
            raise InvalidValue("households", -5, "is negative", "为负数")

    def test_caught_by_plain_type_error(self) -> None:
        with pytest.raises(TypeError, match="is a bool"):
            raise InvalidType("staff", True, "is a bool", "是布尔值")


class TestMessage:
    def test_path_value_english_and_chinese(self) -> None:
        err = InvalidValue("households", -5, "is negative", "为负数")
        assert str(err) == "households: -5 is negative (households：-5 为负数)"
        assert (err.path, err.value, err.message_en, err.message_zh) == (
            "households",
            -5,
            "is negative",
            "为负数",
        )

    def test_value_is_shown_with_repr(self) -> None:
        err = InvalidType("staff", "3", "is a str", "是字符串")
        assert str(err) == "staff: '3' is a str (staff：'3' 是字符串)"

    def test_without_path(self) -> None:
        assert str(InvalidValue("", 5, "is bad", "不对")) == "5 is bad (5 不对)"

    def test_chinese_defaults_to_english(self) -> None:
        err = InvalidValue("x", 1, "is bad")
        assert err.message_zh == "is bad"
        assert str(err) == "x: 1 is bad (x：1 is bad)"

    def test_missing_value_form_shows_no_value(self) -> None:
        # Ellipsis stands for "no value at all" (a missing field): nothing is shown.
        err = InvalidValue("offices[0].id", ..., "is missing", "缺失")
        assert str(err) == "offices[0].id: is missing (offices[0].id：缺失)"

    def test_missing_value_without_path(self) -> None:
        assert str(DocumentError("", ..., "is not valid JSON", "不是有效的 JSON")) == (
            "is not valid JSON (不是有效的 JSON)"
        )

    def test_long_value_is_cut_to_80_characters(self) -> None:
        err = InvalidValue("name", "a" * 200, "is too long", "过长")
        shown = "'" + "a" * 76 + "..."  # repr cut to 77 characters plus "..."
        assert len(shown) == 80
        assert str(err) == f"name: {shown} is too long (name：{shown} 过长)"

    def test_none_value_is_shown(self) -> None:
        err = PolicyNotSet("Policy.adoption_year", None, "is not set", "未设置")
        assert str(err) == "Policy.adoption_year: None is not set (Policy.adoption_year：None 未设置)"


class TestWithPrefix:
    def test_field_path_gets_a_dot(self) -> None:
        err = InvalidValue("households", -5, "is negative", "为负数").with_prefix("buildings[7]")
        assert err.path == "buildings[7].households"
        assert str(err) == "buildings[7].households: -5 is negative (buildings[7].households：-5 为负数)"

    def test_index_path_gets_no_dot(self) -> None:
        assert InvalidValue("[3]", 1, "x").with_prefix("offices").path == "offices[3]"

    def test_empty_path_becomes_the_prefix(self) -> None:
        assert InvalidValue("", 1, "x").with_prefix("offices[0]").path == "offices[0]"

    def test_empty_prefix_returns_the_same_error(self) -> None:
        err = InvalidValue("a", 1, "x")
        assert err.with_prefix("") is err

    def test_keeps_class_value_and_messages_and_leaves_the_original_alone(self) -> None:
        original = UnknownClause("clause", "9.9", "is unknown", "未知")
        prefixed = original.with_prefix("rule")
        assert type(prefixed) is UnknownClause
        assert isinstance(prefixed, LookupError)
        assert (prefixed.value, prefixed.message_en, prefixed.message_zh) == ("9.9", "is unknown", "未知")
        assert original.path == "clause"

    def test_prefixes_nest(self) -> None:
        err = InvalidValue("households", -5, "is negative").with_prefix("buildings[7]")
        err = err.with_prefix("communities[3]").with_prefix("offices[0]")
        assert err.path == "offices[0].communities[3].buildings[7].households"


class TestAllErrors:
    def test_a_lone_error_lists_itself(self) -> None:
        err = InvalidValue("a", 1, "x")
        assert err.all_errors == (err,)

    def test_set_by_a_collector(self) -> None:
        first, second = InvalidValue("a", 1, "x"), InvalidType("b", 2, "y")
        first.all_errors = (first, second)
        assert first.all_errors == (first, second)
        assert second.all_errors == (second,)

    def test_a_prefixed_copy_lists_itself(self) -> None:
        err = InvalidValue("a", 1, "x")
        err.all_errors = (err, InvalidValue("b", 2, "y"))
        prefixed = err.with_prefix("p")
        assert prefixed.all_errors == (prefixed,)


class TestPickling:
    @pytest.mark.parametrize(("cls", "_builtins"), HIERARCHY)
    def test_round_trip(self, cls: type[Error], _builtins: tuple[type, ...]) -> None:
        err = cls("offices[0].id", "O 1", "is bad", "不对")
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is cls
        assert (back.path, back.value, back.message_en, back.message_zh) == (
            "offices[0].id",
            "O 1",
            "is bad",
            "不对",
        )
        assert str(back) == str(err)

    def test_prefixed_error_round_trips(self) -> None:
        err = InvalidValue("households", -5, "is negative", "为负数").with_prefix("buildings[0]")
        assert pickle.loads(pickle.dumps(err)).path == "buildings[0].households"

    def test_missing_value_round_trips(self) -> None:
        back = pickle.loads(pickle.dumps(InvalidValue("id", ..., "is missing", "缺失")))
        assert back.value is Ellipsis
        assert str(back) == "id: is missing (id：缺失)"

    @given(
        path=st.text(max_size=30),
        value=st.one_of(st.none(), st.integers(), st.text(max_size=30)),
        en=st.text(min_size=1, max_size=30),
        zh=st.text(max_size=30),
    )
    def test_any_error_round_trips(self, path: str, value: object, en: str, zh: str) -> None:
        err = InvalidValue(path, value, en, zh)
        back = pickle.loads(pickle.dumps(err))
        assert (back.path, back.value, back.message_en, back.message_zh) == (
            err.path,
            err.value,
            err.message_en,
            err.message_zh,
        )
        assert str(back) == str(err)
