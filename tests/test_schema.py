"""The JSON Schemas validate the sample, its dump and its report (issue 7)."""

from __future__ import annotations

import json
import sys
from decimal import Decimal

import jsonschema
import pytest

import community_rules as cr
from community_rules.sample import sample_text
from community_rules.schema import input_schema, report_schema

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def _plain(value: object) -> object:
    """TOML's Decimals as JSON would carry them (strings), for the validator."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    return value


class TestInputSchema:
    def test_is_a_valid_schema(self) -> None:
        jsonschema.Draft202012Validator.check_schema(input_schema())

    def test_sample_and_dump_validate(self) -> None:
        schema = input_schema()
        jsonschema.validate(_plain(tomllib.loads(sample_text(), parse_float=Decimal)), schema)
        jsonschema.validate(json.loads(json.dumps(cr.dump_district(cr.sample_district()))), schema)

    def test_covers_every_model_field(self) -> None:
        import attrs

        defs = input_schema()["$defs"]
        for cls in (cr.Community, cr.Building, cr.StaffMember, cr.Project):
            assert set(defs[cls.__name__]["properties"]) == set(attrs.fields_dict(cls))

    @pytest.mark.parametrize(
        "document",
        [
            {"id": "D", "offices": [{"id": "O", "communities": [{"id": "C", "colour": "red"}]}]},
            {"id": "D", "offices": [{"id": "O", "communities": [{"id": "C", "kind": "mars"}]}]},
            {"id": "D", "offices": [{"id": "O", "communities": [{"id": "C", "staff": -1}]}]},
            {"id": "D", "offices": [{"id": "O", "communities": [{"id": "C", "buildings": [{"id": "B"}]}]}]},
        ],
    )
    def test_schema_and_loader_agree_on_bad_documents(self, document: dict[str, object]) -> None:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(document, input_schema())
        with pytest.raises(cr.Error):
            cr.load_district(document)


class TestReportSchema:
    def test_report_validates(self) -> None:
        schema = report_schema()
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(json.loads(cr.check(cr.sample_district()).to_json()), schema)
        one = cr.check(cr.sample_district().community("xincheng-2"))
        jsonschema.validate(json.loads(one.to_json()), schema)
