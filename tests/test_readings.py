"""The interpretations I-1…I-20 (SPEC §4) as data: complete, in order, tied to clauses and Policy."""

from __future__ import annotations

import re

import attrs
import pytest

import community_rules as cr
from community_rules.errors import InvalidValue
from community_rules.opinion import clause, clause_ids
from community_rules.policy import Policy
from community_rules.readings import Interpretation, interpretation, interpretations

ALL = interpretations()
IDS = [f"I-{n}" for n in range(1, 21)]


def _clause_ids(interp: Interpretation) -> list[str]:
    return interp.clause.split(", ")


class TestCompleteness:
    def test_i1_to_i20_in_order(self) -> None:
        assert [i.id for i in ALL] == IDS

    def test_lookup_by_id(self) -> None:
        for i in ALL:
            assert interpretation(i.id) is i

    def test_unknown_id_lists_the_valid_ones(self) -> None:
        with pytest.raises(
            InvalidValue, match=r"'I-21' is not an interpretation \(valid: I-1, I-2, .*I-20\)"
        ) as info:
            interpretation("I-21")
        assert info.value.path == "interpretation"
        with pytest.raises(InvalidValue):
            interpretation(None)  # type: ignore[arg-type]

    def test_root_exports(self) -> None:
        assert cr.interpretations is interpretations
        assert cr.interpretation is interpretation
        assert cr.Interpretation is Interpretation


class TestEachInterpretation:
    @pytest.mark.parametrize("interp", ALL, ids=IDS)
    def test_clauses_exist(self, interp: Interpretation) -> None:
        for cid in _clause_ids(interp):
            assert cid in clause_ids(), cid

    @pytest.mark.parametrize("interp", ALL, ids=IDS)
    def test_words_are_chinese(self, interp: Interpretation) -> None:
        assert re.search(r"[\u4e00-\u9fff]", interp.words_zh)

    @pytest.mark.parametrize("interp", ALL, ids=IDS)
    def test_words_are_quoted_from_its_clauses(self, interp: Interpretation) -> None:
        text = "".join(clause(c).text_zh for c in _clause_ids(interp)).replace("\n", "")
        for part in re.split(r"\s*/\s*|…", interp.words_zh):
            assert part.replace("，", ",") in text, part

    @pytest.mark.parametrize("interp", ALL, ids=IDS)
    def test_non_empty_texts(self, interp: Interpretation) -> None:
        assert interp.title
        assert interp.default
        assert interp.reason
        assert all(a for a in interp.alternatives)

    @pytest.mark.parametrize("interp", ALL, ids=IDS)
    def test_policy_fields_are_policy_fields(self, interp: Interpretation) -> None:
        fields = attrs.fields_dict(Policy)
        for name in interp.policy_fields:
            assert name in fields, name
        assert len(set(interp.policy_fields)) == len(interp.policy_fields)


class TestSpecifics:
    def test_multi_clause_readings(self) -> None:
        # I-13 "this year" appears in 3.1 (今年可按…录用) and 3.3 (今年底之前)
        assert _clause_ids(interpretation("I-13")) == ["3.1", "3.3"]
        assert _clause_ids(interpretation("I-20")) == ["2.2.2", "4.3.3"]

    def test_local_choices(self) -> None:
        # the opinion sets no number for payouts, ballots, weights or grades
        assert [i.id for i in ALL if i.local] == ["I-11", "I-16", "I-17", "I-18"]

    def test_switchable_readings_name_their_switch(self) -> None:
        assert interpretation("I-1").policy_fields == ("sub_area_households", "sub_area_rule")
        assert interpretation("I-4").policy_fields == ("households_per_staff", "staff_quota_rounding")
        assert interpretation("I-6").policy_fields == ("office_funds_per_thousand", "office_funds_rule")
        assert interpretation("I-13").policy_fields == ("adoption_year",)

    def test_money_reading_has_no_switch(self) -> None:
        assert interpretation("I-8").policy_fields == ()

    def test_every_policy_interpretation_lists_its_field(self) -> None:
        # a Policy field marked I-n appears among I-n's policy_fields
        for f in attrs.fields(Policy):
            interp_id = f.metadata["interpretation"]
            if interp_id is not None:
                assert f.name in interpretation(interp_id).policy_fields, (f.name, interp_id)

    def test_frozen(self) -> None:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            interpretation("I-1").default = "x"  # type: ignore[misc]
