"""Rule and Finding: the common shape of every check."""

from __future__ import annotations

import copy
import pickle
from decimal import Decimal

import attrs
import pytest

from community_rules.enums import Modality, Status
from community_rules.errors import InvalidValue
from community_rules.findings import Finding, Rule

RULE = Rule(
    "space.minimum",
    "3.3",
    Modality.MANDATORY,
    "Office and service space",
    "办公和服务用房面积",
    interpretations=("I-12",),
    parameters=("old_town_space_m2",),
)


class TestRuleFinding:
    def test_every_argument_lands_in_its_field(self) -> None:
        # Rule.finding builds the Finding positionally (the hot path): each
        # keyword must reach the field of the same name.
        kwargs = {
            "community": "C1",
            "office": "O1",
            "subject": "S1",
            "required": Decimal("150"),
            "actual": Decimal("120"),
            "gap": Decimal("30"),
            "unit": "m²",
            "message_en": "120 of 150",
            "message_zh": "120，标准150",
            "inputs": (("office_space_m2", Decimal("120")),),
        }
        f = RULE.finding(Status.NOT_MET, **kwargs)  # type: ignore[arg-type]
        for name, value in kwargs.items():
            assert getattr(f, name) == value, name
        assert (f.rule, f.clause, f.status, f.modality) == (
            "space.minimum",
            "3.3",
            Status.NOT_MET,
            Modality.MANDATORY,
        )
        assert f == Finding(
            rule="space.minimum",
            clause="3.3",
            status=Status.NOT_MET,
            modality=Modality.MANDATORY,
            parameters=("old_town_space_m2",),
            interpretations=("I-12",),
            **kwargs,
        )  # type: ignore[arg-type]

    def test_parameters_and_interpretations_are_merged_without_repeats(self) -> None:
        f = RULE.finding(
            Status.MET,
            parameters=("space_threshold_inclusive", "old_town_space_m2"),
            interpretations=("I-12", "I-14"),
        )
        assert f.parameters == ("old_town_space_m2", "space_threshold_inclusive")
        assert f.interpretations == ("I-12", "I-14")
        assert RULE.finding(Status.MET).interpretations == ("I-12",)

    def test_modality_override(self) -> None:
        assert RULE.finding(Status.MET, modality=Modality.IN_PRINCIPLE).modality is Modality.IN_PRINCIPLE

    def test_failure_is_mandatory_not_met(self) -> None:
        assert RULE.finding(Status.NOT_MET).is_failure
        assert not RULE.finding(Status.UNKNOWN).is_failure
        assert not RULE.finding(Status.NOT_MET, modality=Modality.IN_PRINCIPLE).is_failure

    def test_language(self) -> None:
        f = RULE.finding(Status.MET, message_en="ok", message_zh="符合")
        assert (f.message("en"), f.message("zh"), RULE.title("zh")) == ("ok", "符合", "办公和服务用房面积")
        with pytest.raises(InvalidValue, match="lang"):
            f.message("fr")


class TestPickling:
    FINDING = Finding(
        "space.minimum",
        "3.3",
        Status.NOT_MET,
        Modality.MANDATORY,
        community="C1",
        office="O1",
        subject="S1",
        required=Decimal("150"),
        actual=Decimal("120.5"),
        gap=Decimal("29.5"),
        unit="m²",
        message_en="120.5 of 150",
        message_zh="120.5，标准150",
        inputs=(("office_space_m2", Decimal("120.5")), ("kind", "old_town")),
        parameters=("old_town_space_m2",),
        interpretations=("I-12",),
    )

    @pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
    def test_every_field_survives_every_protocol(self, protocol: int) -> None:
        back = pickle.loads(pickle.dumps(self.FINDING, protocol))
        assert back == self.FINDING
        assert attrs.astuple(back, recurse=False) == attrs.astuple(self.FINDING, recurse=False)
        assert type(back.actual) is Decimal
        assert back.status is Status.NOT_MET

    def test_pickled_as_its_field_values(self) -> None:
        # The class and the values in field order: rebuilt through __init__, not attrs' state dict.
        cls, values = self.FINDING.__reduce__()
        assert cls is Finding
        assert values == attrs.astuple(self.FINDING, recurse=False)
        assert cls(*values) == self.FINDING

    def test_copies_are_equal(self) -> None:
        assert copy.copy(self.FINDING) == self.FINDING
        assert copy.deepcopy(self.FINDING) == self.FINDING
